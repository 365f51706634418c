using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// What a tally sums up: nothing named, a party's own count, places, one town, one event.
public sealed partial class TollCues
{
    /// <summary>
    /// A tally that says nothing of what it sums up: "the death toll has climbed to five", "That takes the death
    /// toll to 14" (only verbs and adverbs between the toll noun and its link word, and no cue near it); "the death toll
    /// from the offensive rose to 83" and "the death toll among Lao troops had climbed to 23" name their scope.
    /// </summary>
    internal bool IsBare(AnnotatedText text, TokenSpan sentence, Tally t, List<Tally> tallies)
    {
        // "Two more of the wounded died, taking the total to 12": a total raised with "to" right after it names no scope either.
        if (RaisedTotal(text, sentence, t.Start) is { } raised)
            return text.WordOf(raised.End).Equals("to", StringComparison.OrdinalIgnoreCase) && CueNear(text, sentence, t.Start, t.End, tallies) is null && !ToldByPlaces(text, sentence, t.End);
        if (NounAt(text, t.Start, sentence.EndToken) is not { } noun || IsPartysOwn(text, sentence, t.Start)) return false;
        for (var i = noun.End; i < t.Number.Span.StartToken - 1; i++)
        {
            // "The number of wounded stands at 40": a link word is a verb whatever its tag ("stands" read as a plural noun).
            if (_links.Contains(text.WordOf(i))) continue;
            // "The death toll has since risen to 12": "since" right before the verb of change is an adverb, no start.
            if (text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase) && text.PosOf(i + 1) is "VBN" or "VBD") continue;
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return CueNear(text, sentence, t.Start, t.End, tallies) is null && !ToldByPlaces(text, sentence, t.End);
    }

    /// <summary>
    /// "Tajikistan put its own toll at 35", "Cambodia's toll stood at 13": a toll a party keeps of its own ("own" before the
    /// toll noun, or a country's or group's possessive) counts that side, not the attack told before it.
    /// </summary>
    private static bool IsPartysOwn(AnnotatedText text, TokenSpan sentence, int noun)
    {
        // "Armenia's military death toll", "its civilian toll": the side's adjectives stand between owner and noun.
        var described = 0;
        while (noun - 1 > sentence.StartToken && described < 2 && text.PosOf(noun - 1) is "JJ") { noun--; described++; }
        if (noun - 1 < sentence.StartToken) return false;
        if (text.WordOf(noun - 1).Equals("own", StringComparison.OrdinalIgnoreCase)) return true;
        if (described > 0 && text.WordOf(noun - 1).ToLowerInvariant() is "its" or "their") return true;
        return noun - 2 >= sentence.StartToken && text.WordOf(noun - 1) is "'s" or "’s"
            && text.EntityAt(noun - 2) is { Type: EntityType.Gpe or EntityType.Norp or EntityType.Org };
    }

    /// <summary>
    /// "a death toll of eight villagers, saying five had died in Surin province, two in Sisaket province and one in Ubon
    /// Ratchathani province": counts after a tally in two or more places (each number followed within four words by "in"
    /// and a place) tell it place by place, so it sums up more than one event.
    /// </summary>
    private static bool ToldByPlaces(AnnotatedText text, TokenSpan sentence, int after)
    {
        var places = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in text.NumbersStartingIn(after, sentence.EndToken))
        {
            for (var i = n.Span.EndToken; i < Math.Min(sentence.EndToken - 1, n.Span.EndToken + 4); i++)
            {
                if (ClauseBreaks.Contains(text.WordOf(i)) || text.WordOf(i) == ",") break;
                if (!text.WordOf(i).Equals("in", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var m in text.EntitiesStartingIn(i + 1, i + 2))
                {
                    if (m.Type is EntityType.Gpe or EntityType.Loc) places.Add(m.Span.Text);
                }
                break;
            }
        }
        return places.Count >= 2;
    }

    /// <summary>
    /// "The death toll in Dnipro has risen to nine": a tally scoped only by a town or division ("in" and a place, with
    /// nothing but verbs and adverbs after it before the link word, and no cue); the place's words, or null.
    /// </summary>
    internal TokenSpan? PlaceOfTally(AnnotatedText text, TokenSpan sentence, Tally t, List<Tally> tallies)
    {
        if (NounAt(text, t.Start, sentence.EndToken) is not { } noun || noun.End + 1 >= t.Number.Span.StartToken) return null;
        if (!text.WordOf(noun.End).Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
        var entities = text.EntitiesStartingIn(noun.End + 1, noun.End + 2);
        if (entities.Length == 0 || entities[0] is not { Type: EntityType.Gpe or EntityType.Loc } m || m.Known is not { } known) return null;
        if (known.Country is { } code && Gazetteer.Default.Country(code)?.Entity.Key == known.Key) return null;
        for (var i = m.Span.EndToken; i < t.Number.Span.StartToken - 1; i++)
        {
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return null;
        }
        return CueNear(text, sentence, t.Start, t.End, tallies) is null ? m.Span : null;
    }

    /// <summary>
    /// A tally of one event: "the death toll from the attack rose to four", "the toll of Monday's strike to 11" (the
    /// toll noun, "from", "of" or "in", a determiner or a possessive, and a singular event word that is no campaign's,
    /// with nothing but verbs and adverbs before the link word). "the death toll from the strikes" and "the toll of
    /// the offensive" are a series'.
    /// A tally in a clause on one attack ("the shelling of the market, whose death toll rose to nine") is that attack's.
    /// </summary>
    internal bool IsOfOneEvent(AnnotatedText text, TokenSpan sentence, Tally t)
    {
        if (NounAt(text, t.Start, sentence.EndToken) is { } owned && t.Start > sentence.StartToken
            && text.WordOf(t.Start - 1).Equals("whose", StringComparison.OrdinalIgnoreCase))
            return OnlyVerbsBetween(text, owned.End, t.Number.Span.StartToken - 1) && OneAttackBefore(text, sentence, t.Start - 1);
        // "the number of people killed in Sunday's strike": a toll noun of the victims says what is counted too ("killed
        // by Thursday's glide bomb attack" as well).
        if ((NounAt(text, t.Start, sentence.EndToken) ?? NumberOfVictims(text, t.Start, sentence.EndToken)) is not { } noun || noun.End + 2 >= t.Number.Span.StartToken) return false;
        // "the number of civilians killed in the state since the start of October": a tally that counts from a start sums a
        // span, however its words name a place or an event first.
        if (SinceInside(text, t) is not null) return false;
        var i = noun.End;
        if (text.WordOf(i).Equals("when", StringComparison.OrdinalIgnoreCase)) return OneAttackWhen(text, i, t);
        if (text.WordOf(i).ToLowerInvariant() is not ("from" or "of" or "in" or "by")) return false;
        i++;
        // A determiner, or an owner of one or two words ("Monday's", "Sunday night's").
        var owner = text.PosOf(i) is "DT" or "PRP$" ? 0 : i + 1 < t.Number.Span.StartToken && text.WordOf(i + 1) is "'s" or "’s" ? 1
            : i + 2 < t.Number.Span.StartToken && text.PosOf(i) is "NNP" or "NN" && text.PosOf(i + 1) is "NN" && text.WordOf(i + 2) is "'s" or "’s" ? 2 : -1;
        if (owner < 0) return false;
        i += owner + 1;
        // "the bandits' raid": a plural owner's noun, the attacker, before the event word.
        if (i + 2 < t.Number.Span.StartToken && text.PosOf(i) is "NNS" && text.PosOf(i + 1) is "POS") i += 2;
        // "Tuesday's Russian drone attack": describing words and nouns compounded before the event word, which ends them.
        while (i + 1 < t.Number.Span.StartToken && (text.PosOf(i) is "JJ" or "NNP" || text.PosOf(i) is "NN" && text.PosOf(i + 1) is "NN" or "NNP" or "JJ")) i++;
        if (i >= t.Number.Span.StartToken || text.PosOf(i) != "NN" || IsCampaignNoun(text, i)
            || !TriggerLexicon.Default.Starts(text.WordOf(i).ToLowerInvariant())) return false;
        // "… attack on Odesa", "… strike on the harbour", "… bombing of a bus station": what the attack hit, a short
        // phrase of its own; "… strike on a clinic in Kherson": and where that stands, one more; "… attack by rebel
        // fighters on a checkpoint near Bunia in the east": and who attacked, and where more widely.
        for (var phrases = 0; phrases < 4 && i + 2 < t.Number.Span.StartToken && text.WordOf(i + 1).ToLowerInvariant() is "on" or "in" or "at" or "against" or "near" or "outside" or "of" or "by"; phrases++)
        {
            var k = i + 2;
            if (text.PosOf(k) is "DT") k++;
            var start = k;
            // "… on the city of Ternopil", "… on the port town of Izmail": a name after "of" belongs to the place; "… on a
            // pilgrims' bus": a plural owner's noun too.
            while (k < t.Number.Span.StartToken && k - start < 6 && (text.PosOf(k) is "JJ" or "NN" or "NNP" or "NNPS"
                || text.PosOf(k) is "NNS" && text.WordOf(i + 1).Equals("by", StringComparison.OrdinalIgnoreCase)
                || text.PosOf(k) is "VBN" && text.PosOf(k + 1) is "NN" or "NNS"
                || text.PosOf(k) is "NNS" && text.PosOf(k + 1) is "POS" || k > start && text.PosOf(k) is "POS"
                || k > start && k + 1 < t.Number.Span.StartToken && text.WordOf(k).Equals("of", StringComparison.OrdinalIgnoreCase) && text.PosOf(k + 1) is "NNP")) k++;
            if (k == start) break;
            i = k - 1;
        }
        for (i++; i < t.Number.Span.StartToken - 1; i++)
        {
            // "… attack on Sumy on Sunday has risen to 12": the attack's day, as "Sunday's attack" would be.
            if (text.InTime(i) || text.WordOf(i).ToLowerInvariant() is "on" or "late" or "early" && i + 1 < t.Number.Span.StartToken && text.InTime(i + 1)) continue;
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return true;
    }

    /// <summary>Whether every word in [from, to) is a verb, an adverb or a modal, and none a time ("has since risen").</summary>
    private static bool OnlyVerbsBetween(AnnotatedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text.InTime(i) || text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the words before "whose" (at <paramref name="whose"/>) end a phrase whose head is a singular event word of
    /// no campaign ("Sunday's bombing of the bus station in the port, whose"): going back over a comma, nouns, names,
    /// describing words, determiners, possessives and "of", "in", "on", "at", with no verb, within twelve words.
    /// </summary>
    private bool OneAttackBefore(AnnotatedText text, TokenSpan sentence, int whose)
    {
        var k = whose - 1;
        if (k >= sentence.StartToken && text.WordOf(k) == ",") k--;
        for (var steps = 0; k >= sentence.StartToken && steps < 12; k--, steps++)
        {
            var word = text.WordOf(k).ToLowerInvariant();
            if (text.PosOf(k) == "NN" && TriggerLexicon.Default.Starts(word)) return !IsCampaignNoun(text, k);
            if (text.PosOf(k) is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "DT" or "PRP$" or "POS" or "CD" || word is "of" or "in" or "on" or "at" or "'s" or "’s") continue;
            return false;
        }
        return false;
    }
}
