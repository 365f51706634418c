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
            if ((NounAt(text, i, sentence.EndToken) ?? NumberOfVictims(text, i, sentence.EndToken) ?? RaisedTotal(text, sentence, i) ?? ChangedCount(text, sentence, i)
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
                if (NumberStartingAt(text, j + 1) is not { } n || !CountsPeopleOrNothing(n)) continue;
                // "The dead were two herders and a girl": the people themselves named group by group are the dead, no tally.
                if (reach == 1 && GroupJoinedAfter(text, sentence, n)) break;
                // "the toll now exceeds 90", "topped 100": more than the number, with no upper bound.
                if (IsExceeding(text, j) && n.Max is { } max && max == n.Min) n = n with { Min = decimal.Floor(n.Min) == n.Min ? n.Min + 1 : n.Min, Max = null };
                // "put its losses at 22 soldiers dead": a word of losses tallies only the dead or the hurt its number is told as.
                if (loss && CountWordAfter(text, sentence, n) is null) break;
                found.Add(new Tally(CountedAs(text, sentence, noun.Measure, n), i, n.Span.EndToken, n));
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
    /// "the number of civilians killed", "the number of children wounded": "number of", a noun that names people (after
    /// up to two describing words) and a participle of killing or wounding is a toll noun of the dead or the hurt, for
    /// any people the data file's list of person nouns names (the fixed phrases of the noun list come first).
    /// </summary>
    private (int End, TollMeasure Measure)? NumberOfVictims(AnnotatedText text, int i, int end)
    {
        if (i + 3 >= end || !text.WordOf(i).Equals("number", StringComparison.OrdinalIgnoreCase) || !text.WordOf(i + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
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
            if (!text.InTime(k) && text.WordOf(k).ToLowerInvariant() is not ("on" or "by" or "as" or "of" or "late" or "early")) return null;
            k++;
        }
        if (k >= sentence.EndToken || !text.WordOf(k).Equals("and", StringComparison.OrdinalIgnoreCase)) return null;
        var v = k + 1;
        // "and has since risen to 13": past auxiliaries and adverbs, "since" among them.
        while (v < sentence.EndToken && v - k < 4 && (text.PosOf(v) is "RB" || IsAuxiliary(text.WordOf(v)) || text.WordOf(v).Equals("since", StringComparison.OrdinalIgnoreCase))) v++;
        if (v + 1 >= sentence.EndToken || !IsChangeVerb(text, v)) return null;
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
        text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && _changes.Contains(Lemmas.Of(text.WordOf(i), tag));

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
        text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && _exceeds.Contains(Lemmas.Of(text.WordOf(i), tag));

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
        if (after >= sentence.EndToken || text.PosOf(after) != "IN" || text.WordOf(after).Equals("that", StringComparison.OrdinalIgnoreCase)) return null;
        var j = after + 1;
        // "… clashes between police and miners in the town …": "and" between two nouns joins them within the phrase.
        while (j < sentence.EndToken && j - after <= 14 && (text.PosOf(j) is "IN" or "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "POS" or "PRP$" or "HYPH" || text.PosOf(j) is "VBG" && text.PosOf(j - 1) is "IN"
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
            return NumberStartingAt(text, j + 1) is { } n && text.HeadOf(SyntaxScope.HeadOf(text, n.Span.StartToken, n.Span.EndToken)) == verb ? j : null;
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
        if (text.WordOf(det).ToLowerInvariant() is "the" or "its" or "their") det--;
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
