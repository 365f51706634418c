using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// One side's tally: a side's own victims, the side that claims them, and whether a sentence names an attack.
public sealed partial class TollCues
{
    /// <summary>
    /// "Baku reported 50 dead among its troops": "among" and the side's "its"/"their" or demonym within four words after
    /// the victims mark them as that side's; the marker's index, or null.
    /// </summary>
    private static int? AmongOwnRanks(AnnotatedText text, TokenSpan sentence, int victimEnd)
    {
        for (var i = victimEnd; i + 1 < sentence.EndToken && i < victimEnd + 4; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i)) || text.WordOf(i) == ",") return null;
            if (!text.WordOf(i).Equals("among", StringComparison.OrdinalIgnoreCase)) continue;
            if (text.WordOf(i + 1).ToLowerInvariant() is "its" or "their") return i + 1;
            foreach (var m in text.EntitiesStartingIn(i + 1, i + 3))
            {
                if (m.Type == EntityType.Norp) return m.Span.StartToken;
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// "Thailand said eight of its troops and 10 civilians had died", "the army reported four Thai soldiers killed": a
    /// count of one side's dead or wounded (its victims marked by the side's demonym or by "its"/"their", or a side's
    /// own soldiers or civilians counted by that side, <see cref="ClaimantSide"/>) in a sentence that names no attack is
    /// that side's tally over the fighting, not one event's count.
    /// </summary>
    private TokenSpan? SideTally(AnnotatedText text, TokenSpan sentence, int victimStart, int victimEnd)
    {
        if (victimEnd <= victimStart) return null;
        // "three Thai troops killed and 41 wounded": a bare number shares the side of the group before its "and".
        var from = victimStart;
        var group = -1;
        if (NumberStartingAt(text, victimStart) is { } bare && bare.Span.EndToken >= victimEnd && bare.Unit is null)
        {
            for (var i = victimStart - 1; i >= sentence.StartToken && victimStart - i <= 6 && !ClauseBreaks.Contains(text.WordOf(i)) && text.WordOf(i) != ","; i--)
            {
                if (text.WordOf(i) != "and") continue;
                from = Math.Max(sentence.StartToken, i - 5);
                for (var j = i - 1; j >= from && group < 0; j--)
                {
                    if (IsOwnVictim(text, j)) group = j;
                }
                break;
            }
        }
        int? marker = null;
        for (var i = from; i < victimEnd && marker is null; i++)
        {
            // "three engineers and their driver": after a joiner inside the victims, "their" is the group's before it, no side.
            if (text.WordOf(i) is "its" or "their" or "Its" or "Their" && !(i - 1 > victimStart && CasualtyFinder.JoinerEndingAt(text, sentence, i - 1) > 0)) marker = i;
        }
        marker ??= AmongOwnRanks(text, sentence, victimEnd);
        // "The army lost four soldiers": a side that loses its own people (the "own" nouns, or "men") counts them, unless the
        // sentence before names the attack they were lost to ("A shell hit the base. The unit lost three soldiers").
        if (marker is null && victimStart > sentence.StartToken && text.WordOf(victimStart - 1).ToLowerInvariant() is "lost" or "loses" or "lose"
            && (IsOwnVictim(text, victimEnd - 1) || text.WordOf(victimEnd - 1).Equals("men", StringComparison.OrdinalIgnoreCase)) && !AfterAnAttack(text, sentence)) marker = victimStart - 1;
        if (marker is null)
        {
            foreach (var m in text.EntitiesStartingIn(from, victimEnd))
            {
                if (m.Type != EntityType.Norp || m.Known?.Country is not { } code || m.Span.EndToken > victimEnd) continue;
                // "A drone hit a ship. … two Filipino crew members died": right after an attack, a nationality the text names
                // nowhere else is where the attack's victims came from, not a side of a fighting whose tally this could be.
                if (AfterAnAttack(text, sentence) && !NamedElsewhere(text, code, m.Span)) continue;
                marker = m.Span.StartToken;
                break;
            }
        }
        marker ??= ClaimantSide(text, sentence, group >= 0 ? group : SyntaxScope.HeadOf(text, victimStart, victimEnd));
        if (marker is not { } at || !text.Numbers.Any(n => n.Span.StartToken >= victimStart && n.Span.StartToken < victimEnd)) return null;
        // Campaign words ("clashes", "fighting") name no one attack: "Violent clashes erupted …, leaving four Thai civilians dead".
        // "…, confirming 16 fatalities, accused Kyrgyzstan of shelling villages": an attack a side is accused of is no attack
        // the text tells, and owns no count.
        if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: t => t.Length == 1 && IsCampaignWord(text, t.StartToken) || Accused(text, sentence, t)))
        {
            // Nor do a front's many attacks ("killed in airstrikes and artillery shelling"), in a sentence that names no
            // day, after one that names no attack of its own: "Drones hit Kharkiv overnight. Three Ukrainian civilians
            // were killed in Russian shelling" is that night's count.
            if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: t => NamesNoOneAttack(text, sentence, t) || Accused(text, sentence, t))) return null;
            if (text.Times.Any(t => sentence.Contains(t.Span.StartToken) && t.Span.Length > 0) || AfterAnAttack(text, sentence)) return null;
        }
        // "Three Israeli soldiers were killed in northern Gaza on Saturday": dead with their own day and a place inside a
        // country are one event's, though no attack word names it.
        if (OwnDayAndPlace(text, sentence)) return null;
        return text.Span(at, at + 1);
    }

    /// <summary>
    /// "accused Kyrgyzstan of shelling villages", "blamed the rebels for the attack": an attack word after "of" or "for" that
    /// hangs on a verb of accusing (the <c>accuse</c> words of the data file) a few words before it.
    /// </summary>
    private bool Accused(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        for (var k = trigger.StartToken - 1; k > sentence.StartToken && trigger.StartToken - k <= 4; k--)
        {
            if (text.WordOf(k).ToLowerInvariant() is not ("of" or "for")) continue;
            for (var j = k - 1; j >= sentence.StartToken && k - j <= 5; j--)
            {
                if (Lemmas.Candidates(text.WordOf(j)).Any(_groups["accuse"].Contains) || _groups["accuse"].Contains(text.WordOf(j))) return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>Whether the sentence names one day and, after "in", "near" or "at", a known place smaller than a country.</summary>
    private static bool OwnDayAndPlace(AnnotatedText text, TokenSpan sentence)
    {
        if (!text.Times.Any(t => sentence.Contains(t.Span.StartToken) && t.Span.Length > 0 && t.Precision == TimePrecision.Day && t.Basis is null)) return false;
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Loc) || m.Known is not { } known) continue;
            if (known.Country is { } code && Gazetteer.Default.Country(code)?.Entity.Key == known.Key) continue;
            for (var i = m.Span.StartToken - 1; i >= sentence.StartToken && m.Span.StartToken - i <= 2; i--)
            {
                if (text.WordOf(i).ToLowerInvariant() is "in" or "near" or "at") return true;
            }
        }
        return false;
    }

    /// <summary>Whether the sentence before <paramref name="sentence"/> names an attack of its own (not a campaign, a front's many attacks or an exchange between two countries).</summary>
    private bool AfterAnAttack(AnnotatedText text, TokenSpan sentence)
    {
        var index = text.SentenceIndexOf(sentence.StartToken);
        return index > 0 && text.Sentences[index - 1] is var before && NamesAnAttack(text, before, before.StartToken, before.EndToken, skip: t => NamesNoOneAttack(text, before, t));
    }

    /// <summary>
    /// "Cambodia's defence ministry said five civilians were wounded", "Thailand's army said 12 troops were wounded":
    /// soldiers or civilians (the "own" nouns of the data file) counted by a side that a country names (the subject of the
    /// verb of saying the count hangs from, or of the verb that verb is joined to: "Cambodia has not given figures but said
    /// 30 civilians have died") are that side's own, unless the sentence before names an attack whose count it gives.
    /// <paramref name="head"/> is the victims' head word (for a bare number
    /// after "and", the group's before it). Returns the country's first word; null without a parse.
    /// </summary>
    private int? ClaimantSide(AnnotatedText text, TokenSpan sentence, int head)
    {
        if (head < 0 || !SyntaxScope.HasParse(text, sentence)) return null;
        // "Ormund reported nine deaths", "with Kalvia confirming 13 fatalities": a word that counts people (the "count" words)
        // as the object of the verb of saying itself is the side's own count as well.
        // "Armenia reported three dead": a number and a word that counts people after it, whichever of the two the parse
        // makes the object.
        var numbered = text.PosOf(head) == "CD" && head + 1 < sentence.EndToken && _counts.ContainsKey(text.WordOf(head + 1));
        if (numbered && text.RelationOf(head + 1) == "obj") head++;
        var counted = (numbered || _counts.ContainsKey(text.WordOf(head))) && text.RelationOf(head) == "obj";
        if (!counted && !IsOwnVictim(text, head) && !HasOwnModifier(text, sentence, head)) return null;
        // "Drones hit Kharkiv overnight. Ukraine's emergency service said two civilians were killed": after a sentence that
        // names an attack, the count is that attack's.
        // A campaign word there ("Thailand lost 26 soldiers to the fighting") names no one attack to own the count.
        if (AfterAnAttack(text, sentence)) return null;
        var verb = text.HeadOf(head);
        for (var steps = 0; verb >= 0 && steps < 6; steps++, verb = text.HeadOf(verb))
        {
            if (counted && steps > 0) return null;
            if (text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal) || !Lemmas.Candidates(text.WordOf(verb)).Any(_claimVerbs.Contains)) continue;
            var subject = SubjectOf(text, sentence, verb);
            if (subject < 0 && text.RelationOf(verb) == "conj" && text.HeadOf(verb) is var joined and >= 0) subject = SubjectOf(text, sentence, joined);
            if (subject < 0) subject = ParticipleSubject(text, sentence, verb);
            if (subject < 0) return null;
            // The subject's own sentence: what hangs from it, or holds it, is there.
            foreach (var m in text.EntitiesStartingIn(sentence))
            {
                if (m.Type is not (EntityType.Gpe or EntityType.Norp) || m.Known?.Country is null) continue;
                if (SyntaxScope.IsAncestor(text, subject, m.Span.StartToken) || m.Span.Contains(subject)) return m.Span.StartToken;
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// "Kalvia's interior ministry, confirming 16 fatalities, accused …", "Kalvia, reporting 12 deaths, said …": a
    /// participle of saying with no subject of its own says what the noun it hangs from, or the subject of the verb it
    /// hangs from, says; -1 when it is no such participle.
    /// </summary>
    private static int ParticipleSubject(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (text.PosOf(verb) != "VBG" || text.RelationOf(verb) is not ("advcl" or "acl" or "xcomp") || text.HeadOf(verb) is not (var head and >= 0)) return -1;
        if (text.PosOf(head) is "NN" or "NNS" or "NNP" or "NNPS") return head;
        return (text.PosOf(head) ?? "").StartsWith("VB", StringComparison.Ordinal) ? SubjectOf(text, sentence, head) : -1;
    }

    private bool IsOwnVictim(AnnotatedText text, int token) => _ownVictims.Contains(text.WordOf(token));

    /// <summary>Whether <paramref name="word"/> names a side's own people ("soldiers", "civilians": the "own" words of the data file).</summary>
    internal bool IsOwnVictimWord(string word) => _ownVictims.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a verb by which a side gives its count (the <c>claim</c> words: "reported", "confirmed").</summary>
    internal bool IsClaimVerb(string word) => Lemmas.Candidates(word).Any(_claimVerbs.Contains) || _claimVerbs.Contains(word);

    /// <summary>"three civilian fatalities", "44 military deaths": a count noun whose modifier names a side's own people.</summary>
    private bool HasOwnModifier(AnnotatedText text, TokenSpan sentence, int head)
    {
        for (var i = Math.Max(sentence.StartToken, head - 3); i < head; i++)
        {
            if (text.HeadOf(i) == head && text.RelationOf(i) is "amod" or "compound" && IsOwnVictim(text, i)) return true;
        }
        return false;
    }

    private static int SubjectOf(AnnotatedText text, TokenSpan sentence, int verb, bool passive = false)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (text.HeadOf(i) == verb && (text.RelationOf(i) == "nsubj" || passive && text.RelationOf(i) == "nsubj:pass")) return i;
        }
        return -1;
    }

    /// <summary>Whether a "when" or "where" between the two tokens opens a clause that names an attack before the second.</summary>
    private static bool AttackClauseBefore(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.WordOf(k).ToLowerInvariant() is "when" or "where" && NamesAnAttack(text, sentence, k + 1, to)) return true;
        }
        return false;
    }

    /// <summary>Whether [from, to) holds a word of violence other than the outcome words ("killed", "wounded").</summary>
    private static bool NamesAnAttack(AnnotatedText text, TokenSpan sentence, int from, int to, Func<TokenSpan, bool>? skip = null)
    {
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || t.Span.StartToken < from || t.Span.StartToken >= to) continue;
            if (skip is not null && skip(t.Span)) continue;
            if (!CasualtyFinder.IsOutcomeWord(t.Span.Text)) return true;
        }
        return false;
    }
}
