using Crosscheck.Language;

namespace Crosscheck.Events;

// Toll nouns a tally is read from beyond the noun list: "the number of civilians killed", "Deaths have reached 200",
// "bringing the total to 19", and the number told before its noun ("brings to 57 the number of people killed").
public sealed partial class TollCues
{
    /// <summary>
    /// "the number of civilians killed", "the number of children wounded": "number of", a noun that names people (after
    /// up to two describing words) and a participle of killing or wounding is a toll noun of the dead or the hurt, for
    /// any people the data file's list of person nouns names (the fixed phrases of the noun list come first).
    /// </summary>
    private (int End, TollMeasure Measure)? NumberOfVictims(AnnotatedText text, int i, int end)
    {
        // "the tally of civilians killed", "the count of soldiers wounded": the other <c>head</c> nouns of the data file as "number".
        if (i + 3 >= end || !_heads.Contains(text.WordOf(i)) || !text.WordOf(i + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        var k = i + 2;
        // "the number of its soldiers killed": a side's own people, named by its possessive.
        if (k < end - 1 && text.WordOf(k).ToLowerInvariant() is "its" or "their" or "our") k++;
        while (k < end - 1 && k - i < 6 && text.PosOf(k) is "JJ" or "VBN" && !KilledWords.Contains(text.WordOf(k)) && !InjuredWords.Contains(text.WordOf(k))) k++;
        // "the number of security personnel martyred": a noun that describes the people named after it.
        if (k + 1 < end - 1 && text.PosOf(k) is "NN" or "NNS" && PersonNouns.Contains(text.WordOf(k + 1))) k++;
        // "the number of civilian dead", "the number of military casualties": a word that counts people after its modifiers.
        for (var c = i + 2; c < Math.Min(end, i + 5); c++)
        {
            if (_counts.TryGetValue(text.WordOf(c), out var counted)) return (c + 1, counted);
            if (text.PosOf(c) is not ("JJ" or "NN")) break;
        }
        // "the number of suicide attacks", "the number of deadly raids": a plural event noun (the <c>unit</c> words of strikes or
        // boats) after up to two describing words counts those events, as "the number of attacks" does.
        for (var c = i + 2; c < Math.Min(end, i + 5); c++)
        {
            if (text.PosOf(c) == "NNS" && UnitMeasure(text.WordOf(c).ToLowerInvariant()) is { } unit and (TollMeasure.Strikes or TollMeasure.Boats)) return (c + 1, unit);
            if (text.PosOf(c) is not ("JJ" or "NN" or "VBN")) break;
        }
        // "the number of Palestinians killed", "the number of rescuers killed": a people's or a group's plural names people too.
        // "the number of those who have lost their lives": "those" and a relative clause name people too.
        var those = text.WordOf(k).Equals("those", StringComparison.OrdinalIgnoreCase) && text.WordOf(k + 1).ToLowerInvariant() is "who" or "that";
        var people = PersonNouns.Contains(text.WordOf(k)) || CasualtyFinder.IsGroupPlural(text, k) || text.EntityAt(k) is { Type: EntityType.Norp }
            || text.PosOf(k) is "NNS" && CasualtyFinder.IsAgentPlural(text.WordOf(k));
        if (!those && (!people || text.PosOf(k) is not ("NNS" or "NN" or "NNP" or "NNPS"))) return null;
        // "the number of civilians reported killed", "the number of people confirmed dead", "the number of soldiers known to have
        // been killed": words of reporting or auxiliaries (the casualty reader's bridge words) between the people and their outcome.
        var p = k + 1;
        while (p < end - 1 && p - k <= 4 && PassiveBridge.Contains(text.WordOf(p)) && !text.WordOf(p).Equals("and", StringComparison.OrdinalIgnoreCase)) p++;
        if (p > k + 1 && (KilledWords.Contains(text.WordOf(p)) || text.WordOf(p).Equals("dead", StringComparison.OrdinalIgnoreCase))) return (p + 1, TollMeasure.Killed);
        if (p > k + 1 && InjuredWords.Contains(text.WordOf(p)) && !WeakWords.Contains(text.WordOf(p))) return (p + 1, TollMeasure.Injured);
        var participle = text.WordOf(k + 1);
        // "the number of people who have died", "the number of soldiers who were wounded": a relative clause of dying or of a
        // killing or wounding participle, past its auxiliaries.
        if (participle.ToLowerInvariant() is "who" or "that")
        {
            var v = k + 2;
            while (v < end - 1 && v - k < 6 && text.WordOf(v).ToLowerInvariant() is "have" or "has" or "had" or "were" or "was" or "been" or "are" or "is" or "now" or "so" or "far") v++;
            if (v >= end) return null;
            var verb = text.WordOf(v);
            if (KilledWords.Contains(verb) || DiedWords.Contains(verb)) return (v + 1, TollMeasure.Killed);
            // "who have lost their lives": a death told with "lost" and a possessive's "lives" or "life".
            if (verb.Equals("lost", StringComparison.OrdinalIgnoreCase) && v + 2 < end && text.WordOf(v + 1).ToLowerInvariant() is "their" or "his" or "her"
                && text.WordOf(v + 2).ToLowerInvariant() is "lives" or "life") return (v + 3, TollMeasure.Killed);
            if (InjuredWords.Contains(verb) && !WeakWords.Contains(verb)) return (v + 1, TollMeasure.Injured);
            return null;
        }
        if (KilledWords.Contains(participle)) return (k + 2, TollMeasure.Killed);
        if (InjuredWords.Contains(participle) && !WeakWords.Contains(participle)) return (k + 2, TollMeasure.Injured);
        return null;
    }

    /// <summary>
    /// "the tally of civilians killed in drone strikes this month to 38": a toll noun of one word that is also a <c>head</c>
    /// ("tally", "toll", "count"), with the people it counts and their outcome named after its "of", is read as "the number
    /// of" is, so the number is looked for past those words; null when the phrase after it is not that.
    /// </summary>
    private (int End, TollMeasure Measure)? OneWordNounOverPeople(AnnotatedText text, int i, int end) =>
        NounAt(text, i, end) is { } noun && noun.End == i + 1 && !text.WordOf(i).Equals("number", StringComparison.OrdinalIgnoreCase)
            && NumberOfVictims(text, i, end) is { } people ? people : null;

    /// <summary>
    /// "Casualties have risen to 340", "Deaths have reached 200", "The dead now number 64": a word that counts people (the
    /// <c>count</c> words of the data file) followed, past auxiliaries and adverbs only, by a verb of change or level (the
    /// <c>change</c> verbs) is a toll noun; its end is the verb's, so the number is looked for after it. "the deaths of three
    /// soldiers" and "77 dead and 240 injured" are no tally.
    /// </summary>
    private (int End, TollMeasure Measure)? ChangedCount(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (!_counts.TryGetValue(text.WordOf(i), out var measure) || i > sentence.StartToken && NumberEndingAt(text, sentence, i)) return null;
        // "Deaths in the province have now reached 215": the parse ties the word to its verb past what it is of.
        // "Fatalities from the week-long clashes between two tribes in the state stood at 74": however long what it is of,
        // up to fourteen words with no comma or break among them.
        if (SyntaxScope.HasParse(text, sentence) && text.RelationOf(i) == "nsubj" && text.HeadOf(i) is var head && head > i && head - i <= 14 && IsChangeVerb(text, head)
            && !Enumerable.Range(i + 1, head - i - 1).Any(k => text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k)))) return (head, measure);
        // "Dead: 14.", "Total deaths: 112.", "Casualties: 22 killed, 125 injured.": a count word as the label that opens the
        // sentence (after "total" at most), a colon and the number.
        if (i + 2 < sentence.EndToken && text.WordOf(i + 1) == ":" && NumberStartingAt(text, i + 2) is not null
            && (i == sentence.StartToken || i == sentence.StartToken + 1 && text.WordOf(i - 1).ToLowerInvariant() is "total" or "overall")) return (i + 1, measure);
        for (var k = i + 1; k < Math.Min(sentence.EndToken - 1, i + 5); k++)
        {
            if (IsChangeVerb(text, k) || ChangeTakenForOtherBeforeNumber(text, sentence, k)) return (k, measure);
            // "The dead, the committee added, now total 225": a reporting aside between commas is passed over.
            if (k == i + 1 && ReportingAsideEnd(text, sentence, k) is { } after) { k = after - 1; continue; }
            if (text.PosOf(k) is not ("RB" or "MD") && !IsAuxiliary(text.WordOf(k))) break;
        }
        // "Fatalities from the week-long clashes between two tribes in the state stood at 74": past what the count is of, a
        // verb of change or level before the link word (the parse may tie the word elsewhere); "the wounded in the attack
        // were taken to 3 hospitals" has none.
        if (text.PosOf(i) is "NNS" or "NN" && LinkPastScope(text, sentence, i + 1) is { } link)
        {
            for (var k = i + 2; k <= link; k++)
            {
                if (IsChangeVerb(text, k) || ChangeTakenForNoun(text, sentence, k)) return (k, measure);
            }
        }
        return null;
    }

    /// <summary>
    /// "…, bringing the total to 19", "raising the overall total to 40", "bringing the total since the war began to
    /// 43,000": "the total" (adjectives allowed between) as the object of a verb of raising (the <c>raise</c> verbs of the
    /// data file), with "to" and a number after it in its clause (past a few words that say what the total is of, no
    /// number or comma among them), is a tally of what the sentence's own casualty words count (deaths before injuries;
    /// none, no tally).
    /// </summary>
    private (int End, TollMeasure Measure)? RaisedTotal(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (i - 1 < sentence.StartToken || i + 2 >= sentence.EndToken) return null;
        // "bringing casualties since the weekend to 40", "raising civilian deaths to 12": a word that counts people says what
        // the total is of.
        var total = text.WordOf(i).Equals("total", StringComparison.OrdinalIgnoreCase);
        TollMeasure? counted = null;
        if (!total)
        {
            if (!_counts.TryGetValue(text.WordOf(i), out var c) || text.PosOf(i) is not ("NNS" or "NN")) return null;
            counted = c;
        }
        // "the total number of deaths": the toll noun after it says what is counted.
        if (total && (NounAt(text, i + 1, sentence.EndToken) is not null || NumberOfVictims(text, i + 1, sentence.EndToken) is not null)) return null;
        var det = i - 1;
        while (det > sentence.StartToken && i - det < 3 && text.PosOf(det) is "JJ") det--;
        // "bringing the day's total to 15", "raising this week's total to 33": a span's possessive between "the" and "total".
        if (det - 2 >= sentence.StartToken && text.WordOf(det) is "'s" or "’s" && text.PosOf(det - 1) is "NN" or "NNP"
            && text.WordOf(det - 2).ToLowerInvariant() is "the" or "this" or "that") det -= 2;
        if (text.WordOf(det).ToLowerInvariant() is "the" or "its" or "their" or "this" or "that") det--;
        else if (total) return null;
        else det = text.PosOf(det) is "JJ" ? det - 1 : det;
        if (det < sentence.StartToken || text.PosOf(det) is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal) || !_raises.Contains(Lemmas.Of(text.WordOf(det), tag))) return null;
        det++;
        var to = i + 1;
        while (to < sentence.EndToken - 1 && to - i <= 6 && !text.WordOf(to).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            if (ClauseBreaks.Contains(text.WordOf(to)) || text.WordOf(to) == "," || NumberStartingAt(text, to) is not null) return null;
            to++;
        }
        if (!text.WordOf(to).Equals("to", StringComparison.OrdinalIgnoreCase) || NumberStartingAt(text, to + 1) is null) return null;
        // "took casualties to 3 field hospitals" carries them somewhere: the number must count people, or nothing named.
        if (counted is { } named) return NumberStartingAt(text, to + 1) is { } n && (n.Unit is null || PersonNouns.Contains(n.Unit)) ? (i + 1, named) : null;
        TollMeasure? measure = null;
        for (var k = det - 2; k >= sentence.StartToken; k--)
        {
            var w = text.WordOf(k);
            // "Rescuers recovered four more bodies, bringing the total to 19": a word that counts the dead (the count words) too.
            if (KilledWords.Contains(w) || DiedWords.Contains(w) || DeathNouns.Contains(w) || _counts.TryGetValue(w, out var kind) && kind == TollMeasure.Killed) return (i + 1, TollMeasure.Killed);
            if (measure is null && (InjuredWords.Contains(w) && !WeakWords.Contains(w) || InjuredNouns.Contains(w))) measure = TollMeasure.Injured;
        }
        // "bringing the day's total to 15 dead": the count word after the number says what is counted.
        if (measure is null && NumberStartingAt(text, to + 1) is { } number && number.Span.EndToken < sentence.EndToken
            && _counts.TryGetValue(number.Unit ?? text.WordOf(number.Span.EndToken), out var after)) measure = after;
        return measure is { } m ? (i + 1, m) : null;
    }

    /// <summary>
    /// The number of a toll noun whose number comes first ("brings to 57 the number of people killed", "raising to 83 the
    /// death toll"): "to" and a number of people right before the noun, or before its "the", past words that say the count
    /// is the whole ("bringing to 134 the total number of deaths", "the overall death toll").
    /// </summary>
    private static NumberMention? ShiftedNumber(AnnotatedText text, TokenSpan sentence, int noun)
    {
        var whole = noun;
        while (whole > sentence.StartToken && noun - whole < 2 && text.WordOf(whole - 1).ToLowerInvariant() is "total" or "overall" or "cumulative" or "combined") whole--;
        if (whole < noun && !(whole > sentence.StartToken && text.WordOf(whole - 1).Equals("the", StringComparison.OrdinalIgnoreCase))) whole = noun;
        var end = whole > sentence.StartToken && text.WordOf(whole - 1).Equals("the", StringComparison.OrdinalIgnoreCase) ? whole - 1 : whole;
        foreach (var n in text.NumbersStartingIn(sentence.StartToken, end))
        {
            if (n.Span.EndToken != end) continue;
            var to = n.Span.StartToken - 1;
            return to >= sentence.StartToken && text.WordOf(to).Equals("to", StringComparison.OrdinalIgnoreCase) && n.Unit is null ? n : null;
        }
        return null;
    }
}
