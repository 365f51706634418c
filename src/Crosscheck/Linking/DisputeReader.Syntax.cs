using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Who says the cue and what it contests, from the parse or the words around it: subjects, objects, sayers and the names they hold.</summary>
internal static partial class DisputeReader
{
    /// <summary>The verb's object: its "obj" dependent in a parse, else the first noun within four words after it.</summary>
    private static int? ObjectOf(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (SyntaxScope.HasParse(text, sentence))
        {
            foreach (var d in text[verb].DependentsWith("obj")) return d.Index;
        }
        for (var t = verb + 1; t < Math.Min(sentence.EndToken, verb + 5); t++)
        {
            if (text.PosOf(t) is { } p && p.StartsWith("NN", StringComparison.Ordinal)) return t;
        }
        return null;
    }

    /// <summary>The subject of a verb (of the verb it is conjoined to when it has none), or the agent of a passive one.</summary>
    private static int? SubjectOf(AnnotatedText text, int verb)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(verb))) return null;
        for (var v = verb; v >= 0; v = text.RelationOf(v) == "conj" ? text.HeadOf(v) : -1)
        {
            // "a depot used by the rebels and called the figures baseless", the verb conjoined to a participle describing a noun:
            // that participle's agent is not the one speaking.
            if (v != verb && text.RelationOf(v) is "acl" or "amod") break;
            // "said the footage was old and accused the rebels of …": a verb conjoined to a copula's adjective or noun has no
            // subject of its own in the parse; the copula's subject is not it.
            if (v != verb && text.PosOf(v) is { } vp && !vp.StartsWith("VB", StringComparison.Ordinal)) break;
            // "The ministry said its forces had hit only military targets and accused the other side of …": a verb of saying
            // conjoined to what is said is the sayer's second verb, however the parse joined it.
            if (v != verb && IsSayingVerb(text, verb) && !IsSayingVerb(text, v) && text.RelationOf(v) == "ccomp"
                && text.HeadOf(v) is var sayer and >= 0 && SyntaxActors.IsSpeechVerb(text, sayer)) v = sayer;
            int? possessor = null;
            foreach (var d in text[v].Dependents)
            {
                if (d.Relation is not ("nsubj" or "obl:agent")) continue;
                // "Ecuador 's Defence Ministry said", parsed with two subjects: the possessor is not the one speaking.
                if (possessor is null && d.Index + 1 < text.Count && text.PosOf(d.Index + 1) == "POS" && text.HeadOf(d.Index + 1) == d.Index) { possessor = d.Index; continue; }
                return d.Index;
            }
            if (possessor is not null) return possessor;
        }
        return null;
    }

    /// <summary>
    /// Who calls a claim false: the subject of the nearest verb of saying before the claim noun ("the ministry said on
    /// Monday that claims …") or the first one after the false word (", the army said"), whatever the parse made of the claim between.
    /// </summary>
    private static int? SayerOf(AnnotatedText text, TokenSpan sentence, int claim, int cue)
    {
        for (var t = claim - 1; t >= sentence.StartToken; t--)
        {
            if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && SyntaxActors.IsSpeechVerb(text, t)) return SubjectOf(text, t);
        }
        for (var t = cue + 1; t < sentence.EndToken; t++)
        {
            // ", the army said": its subject after the false word (the parse may give the verb the claim noun as a subject too).
            if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && SyntaxActors.IsSpeechVerb(text, t))
                return text[t].DependentsWith("nsubj").Where(d => d.Index > cue).Select(d => (int?)d.Index).LastOrDefault() ?? SubjectOf(text, t);
        }
        return null;
    }

    /// <summary>
    /// The one saying through the nearest verb of saying before the cue in its sentence, when the parse hangs the cue elsewhere
    /// ("A military spokesman said those killed were fighters", "said" parsed as describing the spokesman): the verb's subject,
    /// else the noun it describes, else those of the one before it; null when none.
    /// </summary>
    private static int? SpeechBefore(AnnotatedText text, TokenSpan sentence, int cue)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        for (var t = cue - 1; t >= sentence.StartToken; t--)
        {
            if (text.PosOf(t) is not { } p || !p.StartsWith("VB", StringComparison.Ordinal) || !SyntaxActors.IsSpeechVerb(text, t)) continue;
            if ((SubjectOf(text, t) ?? (text.RelationOf(t) == "acl" && text.HeadOf(t) is var head and >= 0 && text.PosOf(head) is "NN" or "NNS" or "NNP" or "NNPS" ? head : null)) is { } who)
                return who;
        }
        return null;
    }

    /// <summary>For words that are said: the subject of the nearest speech verb above them.</summary>
    private static int? SpeakerOf(AnnotatedText text, int token)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(token))) return null;
        for (var t = text.HeadOf(token); t >= 0; t = text.HeadOf(t))
        {
            if (SyntaxActors.IsSpeechVerb(text, t)) return SubjectOf(text, t);
        }
        return null;
    }

    /// <summary>Without a parse: the last person, organization or side named before the cue in its sentence.</summary>
    private static int? EntityBefore(AnnotatedText text, TokenSpan sentence, int i)
    {
        int? last = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.EndToken > i) break;
            if (m.Span.StartToken < sentence.StartToken || m.Type is not (EntityType.Person or EntityType.Org or EntityType.Gpe or EntityType.Norp or EntityType.Group)) continue;
            // "killed in a U.S. strike …, and denied": a name modifying a noun ("U.S. strike") says whose the thing is; it speaks not.
            var end = m.Span.EndToken;
            if (end < sentence.EndToken && text.PosOf(end) is "NN" or "NNS" && !IsPersonWord(text.WordOf(end))) continue;
            last = end - 1;
        }
        return last;
    }

    /// <summary>Nouns after a name that make it a speaker ("Venezuelan officials", "the Colombian government").</summary>
    private static bool IsPersonWord(string word)
    {
        var w = word.ToLowerInvariant();
        return RoleWords.InstitutionNouns.Contains(w) || AttributionWords.AnonymousHeads.Contains(w) || AttributionWords.TitleWords.Contains(w);
    }

    /// <summary>The speaker's name (the named entity the words hold, after coreference) and its country.</summary>
    private static (string Name, string? Country) NameOf(AnnotatedText text, int token)
    {
        var phrase = Widen(text, SyntaxActors.PhraseOf(text, token));
        // "Ecuador 's Defence Ministry", its possessor parsed apart: the possessor's words are the speaker's too.
        if (phrase.StartToken >= 2 && text.PosOf(phrase.StartToken - 1) == "POS" && text.EntityAt(phrase.StartToken - 2) is { } owner
            && owner.Type is EntityType.Gpe or EntityType.Norp && owner.Span.EndToken == phrase.StartToken - 1)
            return (text.Span(owner.Span.StartToken, phrase.EndToken).Text, owner.Known?.Country ?? CountryOf(owner));
        string? name = null;
        string? country = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= phrase.EndToken) break;
            if (m.Span.EndToken <= phrase.StartToken) continue;
            if (m.Span.Contains(token) && m.Type != EntityType.Norp) name ??= m.Known?.Name ?? m.Name.Text;
            country ??= m.Known?.Country;
        }
        return (name ?? phrase.Text, country);
    }

    /// <summary>
    /// The phrase with the words around it up to a verb, a punctuation mark or the sentence's edge, when that holds
    /// at most eight words ("Officials" → "Officials in the rebel-held province"; "interior" → "The ministry of the interior").
    /// </summary>
    private static TokenSpan Widen(AnnotatedText text, TokenSpan phrase)
    {
        var sentence = text.SentenceOf(phrase.StartToken);
        // A day after the name ("The ministry on Monday dismissed …") is the saying's, not the speaker's.
        bool Stop(int t) => text.InTime(t) || (text.PosOf(t) == "IN" && t + 1 < text.Count && text.InTime(t + 1)) || text.PosOf(t) is { } p && (p.StartsWith("VB", StringComparison.Ordinal) || p is "MD" or "WDT" or "WP" or "RB" || !char.IsLetterOrDigit(text.WordOf(t)[0]));
        var start = phrase.StartToken;
        // Leftwards only through "of" or "in" ("The ministry of the interior"), never into the words of another clause.
        if (start - 1 > sentence.StartToken && text.WordOf(start - 1) is "of" or "in")
        {
            while (start > sentence.StartToken && !Stop(start - 1)) start--;
        }
        var end = phrase.EndToken;
        while (end < sentence.EndToken && !Stop(end)) end++;
        return end - start <= 8 ? text.Span(start, end) : phrase;
    }

    /// <summary>
    /// What a deny or reject verb contests: its object when a noun ("denied the allegation"); null when it has none
    /// ("denied that its forces raided", "denied retaliating").
    /// </summary>
    private static int? ClaimOf(AnnotatedText text, TokenSpan sentence, int verb)
    {
        // A demonstrative alone ("The navy denies this.") stands for what was said before, as a claim noun does.
        return ObjectOf(text, sentence, verb) is { } o && text.PosOf(o) is { } q
            && (q.StartsWith("NN", StringComparison.Ordinal) || q == "DT" && AllegationNouns.Contains(text.WordOf(o))) ? o : null;
    }

    /// <summary>Whether <paramref name="d"/> lies in the subtree of <paramref name="top"/>.</summary>
    private static bool Within(AnnotatedText text, int d, int top)
    {
        for (var t = text.HeadOf(d); t >= 0; t = text.HeadOf(t))
        {
            if (t == top) return true;
        }
        return false;
    }
}
