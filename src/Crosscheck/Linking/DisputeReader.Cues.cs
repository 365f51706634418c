using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>The cues of a dispute: deny and reject verbs, victims said to be other than reported, events said never to have happened, mutual blames and claims called false.</summary>
internal static partial class DisputeReader
{
    private static (string Kind, string Words)? Cue(AnnotatedText text, TokenSpan sentence, int i)
    {
        var word = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        // "The two capitals accused each other of opening the battle", "as the two armies traded accusations": each side
        // says the other attacked (read before the verb's own checks: the parse may take "traded" for an adjective).
        // "accused each other of stalling truce talks", "blaming each other for the lack of progress in dialogue": the
        // blame is for the talks, not for an attack.
        if ((Phrase(text, sentence, i, Blames) ?? (Phrase(text, sentence, i, OtherBlames) is { } other && MutualBefore(text, sentence, i) ? other : null)) is { } blame)
            return Negated(text, sentence, i) || BlamesOther(text, sentence, i + blame.Count(c => c == ' ') + 1) ? null : ("blame", blame);
        if (FalseClaim(text, sentence, i) is { } claim) return ("dispute", text.WordOf(claim) + FalseJoin + word);
        if (pos.StartsWith("VB", StringComparison.Ordinal))
        {
            var lemmas = Lemmas.Candidates(word).Prepend(word.ToLowerInvariant()).ToList();
            // "contested border", "the disputed area": an adjective, not a party's word.
            if (Negated(text, sentence, i) || text.RelationOf(i) == "amod"
                || (pos == "VBN" && i + 1 < sentence.EndToken && text.PosOf(i + 1) is { } next && next.StartsWith("NN", StringComparison.Ordinal))) return null;
            var obj = ObjectOf(text, sentence, i);
            if (lemmas.Any(l => DenyVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)))
            {
                // "has denied targeting civilians in the past": a practice denied, not the day's event.
                if (obj is { } o && OtherObjects.Contains(text.WordOf(o)) || Enumerable.Range(i + 1, Math.Max(0, sentence.EndToken - i - 1)).Any(t => Phrase(text, sentence, t, Habitual) is not null)) return null;
                // "denied that negotiations had collapsed": the talks denied, not the fighting.
                if (DeniesOther(text, sentence, i)) return null;
                // "denied that civilians were killed": who was harmed is disputed, not the strike.
                return DeniedHarm(text, sentence, i) is { } harm ? ("victims", text.Span(i, harm + 1).Text) : ("denial", word);
            }
            if (lemmas.Any(l => RejectVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)) && obj is { } c && ClaimNouns.Contains(text.WordOf(c)))
                return ("dispute", word + " " + text.WordOf(c));
            // "called the claims baseless", "described the figures as exaggerated": a claim noun called false or overstated.
            if (lemmas.Any(l => CallVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)) && obj is { } called && ClaimNouns.Contains(text.WordOf(called))
                && CalledWord(text, sentence, called) is { } verdict)
                return ("dispute", word + " " + text.WordOf(called) + " " + text.WordOf(verdict));
            return null;
        }
        if (pos.StartsWith("NN", StringComparison.Ordinal) && VictimNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } cop && Before(text, sentence, i, Negations) is null
            && Describes(text, cop, i))
            return ("victims", text.Span(cop, i + 1).Text);
        // "The officials said the dead were civilians": only against a party's word that they were combatants.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && CivilianNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } was && Before(text, sentence, i, Negations) is null
            && Describes(text, was, i) && CombatantsSaid(text, sentence, i))
            return ("victims", text.Span(was, i + 1).Text);
        if (pos.StartsWith("NN", StringComparison.Ordinal) && IdentityNouns.Contains(word) && Before(text, sentence, i, Negations) is { } neg
            && Before(text, sentence, i, Copulas) is { } be && be < neg && Describes(text, neg, i))
            return ("victims", text.Span(be, i + 1).Text);
        // "The rebels said the dead were fighters": a party's word that the dead were combatants, only against an article that
        // tells civilians killed; "two of the dead were fighters" tells the toll.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && CombatantNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } are && Before(text, sentence, i, Negations) is null
            && Describes(text, are, i) && DeadSubject(text, sentence, are) && CiviliansKilledElsewhere(text, sentence))
            return ("victims", text.Span(are, i + 1).Text);
        // "The army said the dead were rebels, not civilians", "were fighters, not farmers": a party's word that the victims
        // were not civilians.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && (CivilianNouns.Contains(word) || VictimNouns.Contains(word)) && Before(text, sentence, i, Negations) is { } not
            && CopulaOfNegated(text, sentence, not) is { } were)
            return ("victims", text.Span(were, i + 1).Text);
        // "The army said no civilians were killed": only against an article that tells civilians killed.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && (CivilianNouns.Contains(word) || VictimNouns.Contains(word)) && i > sentence.StartToken
            && string.Equals(text.WordOf(i - 1), "no", StringComparison.OrdinalIgnoreCase) && NoneKilled(text, sentence, i) is { } killed && CiviliansKilledElsewhere(text, sentence))
            return ("victims", text.Span(i - 1, killed + 1).Text);
        if (Phrase(text, sentence, i, NonEvents) is { } nonEvent) return ("did not happen", nonEvent);
        if (NoSuch(text, sentence, i) is { } such) return ("did not happen", such);
        if (Phrase(text, sentence, i, DenialPhrases) is { } denied && !Negated(text, sentence, i)) return ("denial", denied);
        if (Absent(text, sentence, i) is { } absent) return ("denial", absent);
        return null;
    }

    private static readonly ImmutableArray<string[]> OtherBlames = [.. IncidentWords.Dispute("other-blame-phrases").Select(p => p.Split('_'))];
    private static readonly System.Collections.Frozen.FrozenSet<string> MutualWords = IncidentWords.DisputeSet("mutual-words");

    /// <summary>Whether "each" or "both" stands at most three words before the token in its sentence ("Each side blamed the other").</summary>
    private static bool MutualBefore(AnnotatedText text, TokenSpan sentence, int i) =>
        Enumerable.Range(Math.Max(sentence.StartToken, i - 3), i - Math.Max(sentence.StartToken, i - 3)).Any(t => MutualWords.Contains(text.WordOf(t).ToLowerInvariant()));

    /// <summary>
    /// "denied that civilians were killed", "denied any civilians had died": a civilian or victim noun within four words after
    /// the deny verb ("that", "any", adjectives between) with a kill or death word after its copula; the kill word, or null.
    /// </summary>
    private static int? DeniedHarm(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var t = verb + 1; t < Math.Min(sentence.EndToken, verb + 5); t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (CivilianNouns.Contains(w) || VictimNouns.Contains(w))
                return NoneKilled(text, sentence, t) ?? (t + 2 < sentence.EndToken && text.WordOf(t + 1) is "had" or "have" && DeathWords.Contains(text.WordOf(t + 2).ToLowerInvariant()) ? t + 2 : null);
            if (!(w is "that" or "any" || text.PosOf(t) is "DT" or "JJ" or "CD")) return null;
        }
        return null;
    }

    /// <summary>
    /// Whether the copula's subject is the dead as a whole ("the dead", "those killed", "all the victims"): a word of
    /// @dead-subjects just before it after a determiner, never a part of them ("two of the dead", "most of those killed").
    /// </summary>
    private static bool DeadSubject(AnnotatedText text, TokenSpan sentence, int copula)
    {
        var t = copula - 1;
        if (t <= sentence.StartToken || !DeadSubjects.Contains(text.WordOf(t).ToLowerInvariant())) return false;
        var determiner = t - 1;
        if (!(text.WordOf(determiner).ToLowerInvariant() is "the" or "those" or "all")) return false;
        // "all of those killed" is the dead as a whole.
        if (determiner - 2 >= sentence.StartToken && text.WordOf(determiner - 1).ToLowerInvariant() == "of" && text.WordOf(determiner - 2).ToLowerInvariant() == "all") return true;
        return determiner == sentence.StartToken || text.WordOf(determiner - 1).ToLowerInvariant() is not ("of" or "all");
    }

    /// <summary>"no civilians were killed", "no villagers had been killed": the kill word after the noun's copula; null when none.</summary>
    private static int? NoneKilled(AnnotatedText text, TokenSpan sentence, int noun)
    {
        var copula = false;
        for (var t = noun + 1; t < Math.Min(sentence.EndToken, noun + 4); t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (Copulas.Contains(w) || w is "had" or "have" or "has") { copula = true; continue; }
            // "RSF says no civilians killed": a headline leaves the copula out.
            return (copula || t == noun + 1) && KillWords.Contains(w) ? t : null;
        }
        return null;
    }

    /// <summary>Whether another sentence tells civilians (or villagers, farmers) with a kill word: the toll the party's word is against.</summary>
    private static bool CiviliansKilledElsewhere(AnnotatedText text, TokenSpan sentence)
    {
        foreach (var other in text.Sentences)
        {
            if (other.StartToken == sentence.StartToken) continue;
            var victims = false;
            var kill = false;
            for (var t = other.StartToken; t < other.EndToken; t++)
            {
                var w = text.WordOf(t).ToLowerInvariant();
                victims |= CivilianNouns.Contains(w) || VictimNouns.Contains(w);
                kill |= KillWords.Contains(w) || DeathWords.Contains(w);
            }
            if (victims && kill && !Enumerable.Range(other.StartToken, other.Length).Any(t => string.Equals(text.WordOf(t), "no", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>
    /// "Reports that troops killed civilians are fabricated", "said that claims that its drones struck a wedding were
    /// baseless": the claim noun a false word (@false-words) is said of, after a copula; the claim noun opens the sentence
    /// or the clause of saying ("said [that]") and tells its claim ("that …", "of …"), and no other verb of saying or
    /// claim noun comes between. Null for other words.
    /// </summary>
    private static int? FalseClaim(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (!(FalseWords.Contains(text.WordOf(i).ToLowerInvariant()) || OverstatedWords.Contains(text.WordOf(i).ToLowerInvariant())) || Before(text, sentence, i, Copulas) is not { } copula || Negated(text, sentence, i)) return null;
        for (var c = copula - 1; c >= sentence.StartToken; c--)
        {
            var word = text.WordOf(c).ToLowerInvariant();
            if (!ClaimNouns.Contains(word) || text.PosOf(c) is "VB" or "VBZ" or "VBP" or "VBD" && c > sentence.StartToken && text.WordOf(c - 1) is not ("that" or "said")) continue;
            // "the police statements", "the army's account": the claim noun's own modifiers before it.
            var first = c;
            while (first > sentence.StartToken && text.PosOf(first - 1) is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "POS") first--;
            var opens = first == sentence.StartToken || text.WordOf(first - 1).ToLowerInvariant() is "that" or "said" or "says" or "the" or "these" or "those" or "such";
            var tells = c + 1 < copula && text.WordOf(c + 1).ToLowerInvariant() is "that" or "of";
            // "the toll given by medics was inflated", "the police statements were untrue": the claim noun itself is the
            // copula's subject, with no finite verb between ("The report said the toll was exaggerated" is the report's word).
            var subject = !Enumerable.Range(c + 1, copula - c - 1).Any(t => text.PosOf(t) is "VBD" or "VBZ" or "VBP" or "MD");
            return opens && (tells || subject) ? c : null;
        }
        return null;
    }

    /// <summary>
    /// The false or overstated word a call verb says of its claim noun: within the six words after it, with only the claim's
    /// own words ("of civilian deaths"), "as" or "a" between; null when none.
    /// </summary>
    private static int? CalledWord(AnnotatedText text, TokenSpan sentence, int claim)
    {
        for (var t = claim + 1; t < Math.Min(sentence.EndToken, claim + 7); t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (FalseWords.Contains(w) || OverstatedWords.Contains(w)) return t;
            if (text.PosOf(t) is { } p && (p.StartsWith("VB", StringComparison.Ordinal) || p is "," or ".")) return null;
        }
        return null;
    }

    /// <summary>Whether the dispute calls a claim false ("Reports … fabricated"), the cue <see cref="FalseClaim"/> reads.</summary>
    /// An overstated claim ("the figure of 40 dead was exaggerated") is disputed in its size, not called false.
    public static bool IsCalledFalse(DisputeFacts dispute) => dispute.Kind == "dispute" && dispute.Cue.Contains(FalseJoin, StringComparison.Ordinal)
        && !OverstatedWords.Contains(dispute.Cue[(dispute.Cue.LastIndexOf(' ') + 1)..].ToLowerInvariant());

    private const string FalseJoin = " … ";

    /// <summary>
    /// The copula before a negation with only a noun phrase and a comma between ("were rebels, not", "were soldiers and allied
    /// gunmen, not"), within eight words; null when none.
    /// </summary>
    private static int? CopulaOfNegated(AnnotatedText text, TokenSpan sentence, int negation)
    {
        for (var t = negation - 1; t >= Math.Max(sentence.StartToken, negation - 8); t--)
        {
            if (Copulas.Contains(text.WordOf(t))) return t;
            if (!(text.WordOf(t) == "," || text.PosOf(t) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "CC")) return null;
        }
        return null;
    }

    /// <summary>
    /// Whether the article calls the dead combatants: a combatant noun just after a kill word in another sentence ("killed 12
    /// militants"), or negated after the civilians of this one ("were civilians, among them children, not militants").
    /// </summary>
    private static bool CombatantsSaid(AnnotatedText text, TokenSpan sentence, int civilians)
    {
        for (var t = civilians + 1; t < sentence.EndToken; t++)
        {
            if (CombatantNouns.Contains(text.WordOf(t)) && Before(text, sentence, t, Negations) is not null) return true;
        }
        foreach (var other in text.Sentences)
        {
            if (other.StartToken == sentence.StartToken) continue;
            for (var t = other.StartToken; t < other.EndToken; t++)
            {
                if (CombatantNouns.Contains(text.WordOf(t)) && Before(text, other, t, KillWords) is not null && Before(text, other, t, Negations) is null) return true;
            }
        }
        return false;
    }

    /// <summary>Whether one of the six words after a blame phrase names the talks rather than the fighting.</summary>
    private static bool BlamesOther(AnnotatedText text, TokenSpan sentence, int after)
    {
        for (var t = after; t < Math.Min(sentence.EndToken, after + 6); t++)
        {
            if (BlameOtherObjects.Contains(text.WordOf(t))) return true;
        }
        return false;
    }

    /// <summary>The words of the first of <paramref name="phrases"/> that starts at <paramref name="i"/>, or null.</summary>
    private static string? Phrase(AnnotatedText text, TokenSpan sentence, int i, ImmutableArray<string[]> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (i + phrase.Length > sentence.EndToken) continue;
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++) all = string.Equals(text.WordOf(i + j), phrase[j], StringComparison.OrdinalIgnoreCase);
            if (all) return text.Span(i, i + phrase.Length).Text;
        }
        return null;
    }

    /// <summary>The nearest of the three tokens before <paramref name="i"/> whose word is in <paramref name="words"/>.</summary>
    private static int? Before(AnnotatedText text, TokenSpan sentence, int i, IReadOnlySet<string> words)
    {
        for (var t = i - 1; t >= Math.Max(sentence.StartToken, i - 4); t--)
        {
            if (words.Contains(text.WordOf(t))) return t;
        }
        return null;
    }

    /// <summary>Whether only articles, adjectives, names and nouns stand between the copula (or negation) and the noun.</summary>
    private static bool Describes(AnnotatedText text, int from, int noun)
    {
        for (var t = from + 1; t < noun; t++)
        {
            if (text.PosOf(t) is not ({ } p and ("DT" or "JJ" or "NNP" or "NN" or "NNS" or "HYPH")) && !Negations.Contains(text.WordOf(t))) return false;
        }
        return true;
    }

    private static bool Negated(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var t = verb - 1; t >= Math.Max(sentence.StartToken, verb - 3); t--)
        {
            if (Negations.Contains(text.WordOf(t))) return true;
        }
        return false;
    }
}
