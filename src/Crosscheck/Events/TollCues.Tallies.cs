using Crosscheck.Language;

namespace Crosscheck.Events;

// Tallies: a toll noun and its number ("the death toll rose to 83", "brings to 57 the number of people killed").
public sealed partial class TollCues
{
    /// <summary>The tallies of a sentence, in text order.</summary>
    internal List<Tally> Tallies(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<Tally>();
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            // "Among the dead were two children": some of the dead, no count of them all.
            if (i > sentence.StartToken && text.WordOf(i - 1).Equals("among", StringComparison.OrdinalIgnoreCase)) continue;
            var loss = _losses.Contains(text.WordOf(i));
            // "the tally of civilians killed in drone strikes this month to 38": the people a one-word toll noun counts, named
            // after its "of", end the noun (the number is looked for past them).
            if ((OneWordNounOverPeople(text, i, sentence.EndToken) ?? NounAt(text, i, sentence.EndToken) ?? NumberOfVictims(text, i, sentence.EndToken) ?? RaisedTotal(text, sentence, i) ?? ChangedCount(text, sentence, i)
                ?? (loss ? (i + 1, TollMeasure.Casualties) : null)) is not { } noun) continue;
            // "The strikes bring to at least 57 the number of people killed": the number shifted before its toll noun.
            if (ShiftedNumber(text, sentence, i) is { } shifted)
            {
                found.Add(new Tally(noun.Measure, shifted.Span.StartToken - 1, noun.End, shifted));
                i = noun.End - 1;
                continue;
            }
            // The number sits behind a link word within a few words: "toll had risen to 15", "toll of nine", "toll at 15";
            // for the people themselves ("the dead", "the wounded") right behind it: "The dead were 19", not "the dead
            // were taken to 3 hospitals".
            var reach = text.WordOf(i).Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 8;
            // "The death toll from Wednesday's strike on the port rose to 34": past the words that say what the toll is of,
            // the parse gives the link word of a toll noun that is the subject of the verb the number hangs from.
            // "The number of people killed in Tuesday's drone attack on the port has risen to four": so too when the subject
            // is the noun that heads the toll's words, before what it counts.
            if (reach > 1 && (SubjectsNumber(text, sentence, noun.End - 1) ?? (i < noun.End - 1 ? SubjectsNumber(text, sentence, i) : null)) is { } far) reach = Math.Max(reach, far - noun.End + 1);
            // "said that the death toll from three days of clashes in the province had risen to 248": the same, read from the
            // words when the parse of a reported clause misses it.
            if (reach > 1 && LinkPastScope(text, sentence, noun.End) is { } past) reach = Math.Max(reach, past - noun.End + 1);
            // "The death toll since the offensive began on 2 March has risen to 310": what the toll counts from lies between.
            if (reach > 1 && noun.End < sentence.EndToken && text.WordOf(noun.End).Equals("since", StringComparison.OrdinalIgnoreCase)) reach += 8;
            // "The dead, the committee added, now total 225": a reporting aside right after the noun is passed over.
            var first = ReportingAsideEnd(text, sentence, noun.End) ?? noun.End;
            if (first > noun.End) reach = Math.Max(reach, 3);
            for (var j = first; j < Math.Min(sentence.EndToken - 1, first + reach); j++)
            {
                if (ClauseBreaks.Contains(text.WordOf(j)) && text.WordOf(j) != ":") break;
                // "The number of dead rose by seven to 58": the rise and the new count read as one range; the count is its end.
                if (RiseBy(text, j) is { } risen)
                {
                    found.Add(new Tally(noun.Measure, i, risen.Span.EndToken, risen));
                    i = risen.Span.EndToken - 1;
                    break;
                }
                // "has gone up to 21": the number reader takes "up to 21" for at most 21; after a verb it is the new count.
                if (UpTo(text, j) is { } upTo)
                {
                    found.Add(new Tally(noun.Measure, i, upTo.Span.EndToken, upTo));
                    i = upTo.Span.EndToken - 1;
                    break;
                }
                // "the toll now exceeds 90", "climbed above 300": a verb of change right before the number links it too.
                // "The dead now total 225": the count word's verb the tagger took for an adjective, in the verb's slot.
                if (!_links.Contains(text.WordOf(j)) && !IsChangeVerb(text, j) && !((j == first || j == first + 1 && first > noun.End && _links.Contains(text.WordOf(first))) && ChangeTakenForOtherBeforeNumber(text, sentence, j))) continue;
                // "had climbed past 200": a word of going beyond (the <c>beyond</c> words) between a verb of change and its number;
                // "in the past 24 hours" has no such verb before it.
                var beyond = j + 2 < sentence.EndToken && IsChangeVerb(text, j) && _groups["beyond"].Contains(text.WordOf(j + 1));
                if (NumberStartingAt(text, beyond ? j + 2 : j + 1) is not { } n || !CountsPeopleOrNothing(n)) continue;
                // "The dead were two herders and a girl": the people themselves named group by group are the dead, no tally.
                if (reach == 1 && GroupJoinedAfter(text, sentence, n)) break;
                // "the toll now exceeds 90", "topped 100": more than the number, with no upper bound.
                if ((beyond || IsExceeding(text, j)) && n.Max is { } max && max == n.Min) n = n with { Min = decimal.Floor(n.Min) == n.Min ? n.Min + 1 : n.Min, Max = null };
                // "put its losses at 22 soldiers dead": a word of losses tallies only the dead or the hurt its number is told as.
                // "put its own losses at 11 soldiers", "bringing the army's losses to 33" after a count of its dead: the losses of
                // people, or those a raise adds to, are the dead (LossMeasure).
                var lost = loss && CountWordAfter(text, sentence, n) is null ? LossMeasure(text, sentence, i, n) : null;
                if (loss && CountWordAfter(text, sentence, n) is null && lost is null) break;
                found.Add(new Tally(lost ?? CountedAs(text, sentence, noun.Measure, n), i, n.Span.EndToken, n));
                i = n.Span.EndToken - 1;
                // "stood at 40 on Saturday and rose to 46 on Sunday": the same toll's later count, told by a second verb.
                for (var later = Later(text, sentence, found[^1]); later is { } l; later = Later(text, sentence, l))
                {
                    found.Add(l);
                    i = l.End - 1;
                }
                break;
            }
        }
        return found;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> KilledWords = CasualtyWords.Set("killed-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredWords = CasualtyWords.Set("injured-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> DiedWords = CasualtyWords.Set("died");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredNouns = CasualtyWords.Set("injured-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DeathNouns = CasualtyWords.Set("killed-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> WeakWords = CasualtyWords.Set("weak");
    private static readonly System.Collections.Frozen.FrozenSet<string> PassiveBridge = CasualtyWords.Set("passive-bridge");

    /// <summary>
    /// ", the committee added,": the token after a comma-closed aside of at most six words with a verb of the <c>claim</c>
    /// list, when <paramref name="comma"/> opens one; null otherwise.
    /// </summary>
    private int? ReportingAsideEnd(AnnotatedText text, TokenSpan sentence, int comma)
    {
        if (text.WordOf(comma) != ",") return null;
        var claims = false;
        for (var k = comma + 1; k < Math.Min(sentence.EndToken - 1, comma + 8); k++)
        {
            if (text.WordOf(k) == ",") return claims ? k + 1 : null;
            if (ClauseBreaks.Contains(text.WordOf(k))) return null;
            if ((text.PosOf(k) ?? "").StartsWith("VB", StringComparison.Ordinal) && Lemmas.Candidates(text.WordOf(k)).Any(_claimVerbs.Contains)) claims = true;
        }
        return null;
    }

    /// <summary>
    /// "stood at 40 on Saturday and rose to 46 on Sunday": after a tally's number (and the words of its day, if any), "and"
    /// and a verb of change with its link word and a number give the same toll's later count, a tally of its own from the
    /// verb, <see cref="Tally.Later"/>; null when the words after the tally are not that.
    /// </summary>
    private Tally? Later(AnnotatedText text, TokenSpan sentence, Tally first)
    {
        var k = first.Number.Span.EndToken;
        // Past the first count's day ("on Saturday", "by late Friday"): only words of a time.
        while (k < sentence.EndToken && k - first.Number.Span.EndToken < 6 && !text.WordOf(k).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            if (RelativeClosedAt(text, first, k)) break;
            if (!text.InTime(k) && text.WordOf(k).ToLowerInvariant() is not ("on" or "by" or "as" or "of" or "late" or "early")) return null;
            k++;
        }
        // "The death toll, which stood at 12 on Saturday, has risen to 20": the toll noun's own verb after the relative
        // clause that told the earlier count.
        var afterRelative = RelativeClosedAt(text, first, k);
        if (k >= sentence.EndToken || !afterRelative && !text.WordOf(k).Equals("and", StringComparison.OrdinalIgnoreCase)) return null;
        var v = k + 1;
        // "and has since risen to 13": past auxiliaries and adverbs, "since" among them.
        while (v < sentence.EndToken && v - k < 4 && (text.PosOf(v) is "RB" || IsAuxiliary(text.WordOf(v)) || text.WordOf(v).Equals("since", StringComparison.OrdinalIgnoreCase))) v++;
        if (v + 1 >= sentence.EndToken || !IsChangeVerb(text, v) && !(afterRelative && IsRaising(text, v))) return null;
        // "was revised down to 26": a particle between the verb and its link word.
        if (afterRelative && text.WordOf(v + 1).ToLowerInvariant() is "down" or "up" && v + 2 < sentence.EndToken && _links.Contains(text.WordOf(v + 2))) v++;
        var n = RiseBy(text, v + 1) ?? UpTo(text, v)
            ?? (_links.Contains(text.WordOf(v + 1)) ? NumberStartingAt(text, v + 2) : NumberStartingAt(text, v + 1));
        if (n is not { } number || !CountsPeopleOrNothing(number)) return null;
        if (IsExceeding(text, v) && number.Max is { } max && max == number.Min) number = number with { Min = decimal.Floor(number.Min) == number.Min ? number.Min + 1 : number.Min, Max = null };
        return new Tally(first.Measure, v, number.Span.EndToken, number, Later: true);
    }

    /// <summary>
    /// "Casualties stand at 12 killed and 30 wounded": a count of casualties whose number a word that counts the dead or
    /// the hurt follows counts those alone; any other measure stays.
    /// </summary>
    private TollMeasure CountedAs(AnnotatedText text, TokenSpan sentence, TollMeasure measure, NumberMention n) =>
        measure == TollMeasure.Casualties && CountWordAfter(text, sentence, n) is { } counted ? counted : measure;

    /// <summary>
    /// "12 killed", "22 soldiers dead": the measure of a word that counts the dead or the hurt right after a number, past
    /// the people it names ("soldiers", one of the data file's own words or a plural noun); null when none follows.
    /// </summary>
    private TollMeasure? CountWordAfter(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        var k = n.Span.EndToken;
        if (k + 1 < sentence.EndToken && !_counts.ContainsKey(text.WordOf(k)) && (_ownVictims.Contains(text.WordOf(k)) || PersonNouns.Contains(text.WordOf(k)))) k++;
        return k < sentence.EndToken && _counts.TryGetValue(text.WordOf(k), out var counted) && counted is TollMeasure.Killed or TollMeasure.Injured ? counted : null;
    }

    /// <summary>
    /// "Casualties from the shelling stand at 44": a verb of change or level the tagger took for a noun (after another
    /// noun), told as one by the link word and the number right after it.
    /// </summary>
    private bool ChangeTakenForNoun(AnnotatedText text, TokenSpan sentence, int k) =>
        text.PosOf(k) is "NN" or "NNS" && k + 2 < sentence.EndToken && _links.Contains(text.WordOf(k + 1)) && NumberStartingAt(text, k + 2) is not null
        && _changes.Contains(Lemmas.Of(text.WordOf(k), text.PosOf(k) == "NNS" ? "VBZ" : "VBP"));

    /// <summary>
    /// "The dead now total 225": a verb of change or level the tagger took for an adjective or a noun, told as one by the
    /// number right after it (a count word's verb slot, so "total" there is no adjective).
    /// </summary>
    private bool ChangeTakenForOtherBeforeNumber(AnnotatedText text, TokenSpan sentence, int k) =>
        text.PosOf(k) is "JJ" or "NN" or "NNS" && k + 1 < sentence.EndToken && NumberStartingAt(text, k + 1) is not null
        && _changes.Contains(Lemmas.Of(text.WordOf(k), text.PosOf(k) == "NNS" ? "VBZ" : "VBP"));

    private static bool IsAuxiliary(string word) => word.ToLowerInvariant() is "has" or "have" or "had" or "been" or "is" or "are" or "was" or "were" or "'s" or "’s";

    /// <summary>Whether "and" joins another group right after the number <paramref name="n"/> or the plural it counts ("two herders and a girl").</summary>
    private static bool GroupJoinedAfter(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        // A bare figure ("The dead were 19 and the wounded 40") is a tally: only a group named by its noun is people.
        var k = n.Span.EndToken;
        if (k < sentence.EndToken && text.PosOf(k) is "NNS" or "NNPS") k++;
        else if (text.PosOf(k - 1) is not ("NNS" or "NNPS")) return false;
        return k + 1 < sentence.EndToken && text.WordOf(k).Equals("and", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the word at <paramref name="i"/> is a verb of change or level ("risen", "climbed", "stands", "exceeds").</summary>
    private bool IsChangeVerb(AnnotatedText text, int i) =>
        text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && (_changes.Contains(Lemmas.Of(text.WordOf(i), tag)) || BaseFormMistagged(text, i, _changes));

    /// <summary>
    /// "Deaths from the shelling now exceed 40": a base form the tagger read as a past verb, whose lemma for that tag is
    /// no word ("exce"), is the verb of the set all the same.
    /// </summary>
    private static bool BaseFormMistagged(AnnotatedText text, int i, System.Collections.Frozen.FrozenSet<string> verbs) =>
        text.PosOf(i) is "VBD" or "VBN" && verbs.Contains(text.WordOf(i));

    /// <summary>
    /// "rose by seven to 58": after a verb of change, "by" and a number range joined by "to" are the rise and the new
    /// count; the new count, or null.
    /// </summary>
    private NumberMention? RiseBy(AnnotatedText text, int by)
    {
        if (by < 1 || !text.WordOf(by).Equals("by", StringComparison.OrdinalIgnoreCase) || !IsChangeVerb(text, by - 1) || NumberStartingAt(text, by + 1) is not { Max: { } max } n || max <= n.Min) return null;
        for (var k = n.Span.StartToken; k < n.Span.EndToken; k++)
        {
            if (text.WordOf(k).Equals("to", StringComparison.OrdinalIgnoreCase)) return n with { Min = max, Max = max };
        }
        return null;
    }

    /// <summary>
    /// "has gone up to 21", "went up to 40": a verb with "up to" and a number after it names the count the verb reached,
    /// not an upper bound; that count, or null.
    /// </summary>
    private static NumberMention? UpTo(AnnotatedText text, int verb) =>
        verb + 2 < text.Count && text.PosOf(verb) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal)
        && text.WordOf(verb + 1).Equals("up", StringComparison.OrdinalIgnoreCase) && text.WordOf(verb + 2).Equals("to", StringComparison.OrdinalIgnoreCase)
        && NumberStartingAt(text, verb + 1) is { Max: { } max } n && CountsPeopleOrNothing(n) ? n with { Min = max } : null;

    /// <summary>Whether the word at <paramref name="i"/> is a verb that goes past a number ("exceeds", "topped"; the <c>exceed</c> verbs).</summary>
    private bool IsExceeding(AnnotatedText text, int i) =>
        text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && (_exceeds.Contains(Lemmas.Of(text.WordOf(i), tag)) || BaseFormMistagged(text, i, _exceeds));

    /// <summary>Whether a number ends right before <paramref name="i"/> ("77 dead").</summary>
    private static bool NumberEndingAt(AnnotatedText text, TokenSpan sentence, int i)
    {
        foreach (var n in text.NumbersStartingIn(Math.Max(sentence.StartToken, i - 6), i))
        {
            if (n.Span.EndToken == i) return true;
        }
        return false;
    }

    /// <summary>
    /// "the death toll from three days of clashes in the province had risen to 248": past a phrase that says what the toll
    /// is of (a preposition, then up to fourteen words of noun phrases, prepositions and gerunds after a preposition; no
    /// comma, other verb or clause word) and the verbs and adverbs after it, the link word or verb of change right before
    /// a number; its index, or null.
    /// </summary>
    private int? LinkPastScope(AnnotatedText text, TokenSpan sentence, int after)
    {
        if (after >= sentence.EndToken) return null;
        var j = after + 1;
        // "the number of people killed when a drone hit a wedding hall in the town rose to 19": a "when" clause of one
        // subject and a past verb, then what it hit, as a phrase would.
        if (text.WordOf(after).Equals("when", StringComparison.OrdinalIgnoreCase))
        {
            if (WhenSubjectEnd(text, after, sentence.EndToken) is not { } verb || text.PosOf(verb) != "VBD") return null;
            j = verb + 1;
        }
        else if (text.PosOf(after) != "IN" || text.WordOf(after).Equals("that", StringComparison.OrdinalIgnoreCase)) return null;
        // "… clashes between police and miners in the town …": "and" between two nouns joins them within the phrase.
        while (j < sentence.EndToken && j - after <= 14 && (text.PosOf(j) is "IN" or "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "POS" or "PRP$" or "HYPH" || text.PosOf(j) is "VBG" && (text.PosOf(j - 1) is "IN" || text.PosOf(j - 1) is "DT" && text.PosOf(j + 1) is "NN" or "NNS")
                || text.PosOf(j) is "CC" && text.PosOf(j - 1) is "NN" or "NNS" or "NNP" or "NNPS" && j + 1 < sentence.EndToken && text.PosOf(j + 1) is "NN" or "NNS" or "NNP" or "NNPS" or "DT" or "JJ")
            && !ClauseBreaks.Contains(text.WordOf(j)) && !text.WordOf(j).Equals("that", StringComparison.OrdinalIgnoreCase) && !ChangeTakenForNoun(text, sentence, j)) j++;
        for (int k = j, skipped = 0; k + 1 < sentence.EndToken && k - j - skipped < 5; k++)
        {
            if ((_links.Contains(text.WordOf(k)) || IsChangeVerb(text, k)) && NumberStartingAt(text, k + 1) is not null || UpTo(text, k) is not null) return k;
            // "rose from 45 on Sunday to 63": the count it rose from, and that count's day, stand between the verb and its link word.
            if (k > j && text.WordOf(k).Equals("from", StringComparison.OrdinalIgnoreCase) && IsChangeVerb(text, k - 1) && NumberStartingAt(text, k + 1) is { } earlier)
            {
                var past = earlier.Span.EndToken;
                while (past < sentence.EndToken && past - earlier.Span.EndToken < 4 && (text.InTime(past) || text.WordOf(past).ToLowerInvariant() is "on" or "by" or "late" or "early")) past++;
                skipped += past - k;
                k = past - 1;
                continue;
            }
            if (ChangeTakenForNoun(text, sentence, k)) continue;
            // "has gone up to 21": a verb's particle goes with it.
            if (text.PosOf(k) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD" or "TO" or "RP")) return null;
        }
        return null;
    }

    /// <summary>
    /// The index of the "to" before a number hanging from the verb whose subject is the toll noun at <paramref name="noun"/>
    /// ("The death toll from Wednesday's strike on the port rose to 34"); null when none or without a parse.
    /// </summary>
    private static int? SubjectsNumber(AnnotatedText text, TokenSpan sentence, int noun)
    {
        if (!SyntaxScope.HasParse(text, sentence) || text.RelationOf(noun) is not "nsubj" || text.HeadOf(noun) is not (var verb and >= 0) || verb <= noun) return null;
        for (var j = verb + 1; j + 1 < sentence.EndToken && j - verb < 3; j++)
        {
            if (!text.WordOf(j).Equals("to", StringComparison.OrdinalIgnoreCase)) continue;
            // "… has risen to 41 soldiers": the number may count a noun of the victims, which hangs from the verb in its stead.
            return NumberStartingAt(text, j + 1) is { } n && SyntaxScope.HeadOf(text, n.Span.StartToken, n.Span.EndToken) is var head
                && (text.HeadOf(head) == verb || text.RelationOf(head) == "nummod" && text.HeadOf(head) is var counted and > 0
                    && counted == n.Span.EndToken && text.HeadOf(counted) == verb) ? j : null;
        }
        return null;
    }
}
