using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Reads an article's running tolls: tallies ("raising the death toll to 83", "bringing the number of dead to 32"),
/// casualty counts with a cue that makes them totals ("at least 64 people have been killed since September", "in all",
/// "the war has killed 400"), and counts of strikes or boats with such a cue ("the 15 strikes so far"). Each toll
/// says what it counts, since when and as of which day; the same cues keep these numbers out of events' casualties
/// (<see cref="CasualtyFinder.Statements"/>), so "killed three people … raising the death toll to 83" gives the
/// event its three and the toll its 83.
/// </summary>
public sealed class TollFinder
{
    public static readonly TollFinder Default = new();

    public CasualtyFinder Casualties { get; init; } = CasualtyFinder.Default;

    /// <summary>The tolls of <paramref name="text"/>, in text order.</summary>
    public ImmutableArray<Toll> Find(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cues = Casualties.Tolls;
        var tolls = ImmutableArray.CreateBuilder<Toll>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            if (text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var found = new List<Toll>();
            var tallies = cues.Tallies(text, sentence);
            var statements = Casualties.AllStatements(text, sentence);
            // The words that gave a count (a tally, a statement's victims), so that no number is read twice.
            var used = new List<(int Start, int End)>();
            foreach (var t in tallies)
            {
                var cue = cues.CueNear(text, sentence, t.Start, t.End, tallies);
                if (cue is not { Since: true } && cues.SinceInside(text, t) is { } inside) cue = inside;
                // "… and has since risen to 13": "since" as the adverb of the later count's verb names no start.
                if (t.Later && cue is { Since: true } adverb && adverb.End == t.Start) cue = null;
                var tally = Make(text, cues, sentence, t.Measure, t.Number.Min, t.Number.Max, t.Start, t.End, cue);
                // "… and rose to 46 on Sunday": a later count stands at its own day, not at the earlier one's.
                if (t.Later) tally = tally with { AsOf = DayRightAfter(text, sentence, t.End) ?? text.Published };
                found.Add(tally);
                used.Add((t.Start, t.End));
                // "the death toll had risen to 23 by late Thursday, 19 of them civilians": a part of the tally, as of its day.
                AddPart(text, cues, sentence, tally, t.End, found, used);
                AddEarlier(text, sentence, tally, t.End, found, used);
                AddMeasuredParts(text, cues, sentence, tally, t.Number, found, used, statements);
                // "The dead numbered 15 in Laos, including nine farmers, and 11 in Vietnam": the tally told place by place.
                var placeEnd = PlaceAfter(text, sentence, t.Number.Span.EndToken);
                for (var next = placeEnd is { } first ? NextByPlace(text, sentence, first) : null; next is { } more; next = NextByPlace(text, sentence, more.PlaceEnd))
                {
                    var words = text.Span(more.Number.Span.StartToken, more.PlaceEnd);
                    var other = tally with { Min = more.Number.Min, Max = more.Number.Max, Span = words, Victims = null };
                    found.Add(other);
                    used.Add((more.Number.Span.StartToken, more.PlaceEnd));
                    AddPart(text, cues, sentence, other, more.PlaceEnd, found, used);
                }
            }
            foreach (var s in statements)
            {
                if (s.Min == 0 || tallies.Exists(t => t.Start < s.End && s.Start < t.End)) continue;
                // "the funerals of soldiers killed in last weekend's fighting": victims the text does not count give no toll.
                if (s.Max is null && text.NumbersStartingIn(s.VictimStart, s.VictimEnd).Length == 0) continue;
                if (cues.StatementCue(text, sentence, s, tallies, statements) is not { } cue) continue;
                var measure = s.Kind == CasualtyFinder.Outcome.Killed ? KilledOrInjured(text, sentence, s) ? TollMeasure.Casualties : TollMeasure.Killed : TollMeasure.Injured;
                var whole = Make(text, cues, sentence, measure, s.Min, s.Max, Math.Min(s.Start, cue.Start), Math.Max(s.End, cue.End), cue);
                // "The death toll had risen to 23 by late Thursday. It said 38 people were wounded": as of the tally's day.
                if (cue.OtherHalf && whole.AsOf == text.Published && LastOf(tolls, text.SentenceIndexOf(sentence.StartToken) - 1, text) is { } tally) whole = whole with { AsOf = tally.AsOf };
                // "three guards and six farmers had been killed": each counted group is its own toll, as stated.
                var parts = TollParts.Of(text, s.VictimStart, s.VictimEnd);
                if (parts.Count < 2) found.Add(whole with { Victims = text.Span(s.VictimStart, s.VictimEnd) });
                else found.AddRange(parts.Select(p => whole with { Min = p.Min, Max = p.Max, Span = p.Span, Victims = p.Span }));
                used.Add((s.VictimStart, s.VictimEnd));
                // "38 people were hurt, including 12 police officers": a part of the count, told after it.
                if (parts.Count < 2) AddPart(text, cues, sentence, whole, s.End, found, used);
                if (parts.Count < 2) AddEarlier(text, sentence, whole, s.End, found, used);
                // "with 25 killed in Thailand and 15 in Cambodia": the count told place by place, the verb left out after the first.
                if (parts.Count >= 2 || PlaceAfter(text, sentence, s.End) is not { } placed) continue;
                for (var next = NextByPlace(text, sentence, placed); next is { } more; next = NextByPlace(text, sentence, more.PlaceEnd))
                {
                    if (used.Exists(u => u.Start < more.PlaceEnd && more.Number.Span.StartToken < u.End)) break;
                    found.Add(whole with { Min = more.Number.Min, Max = more.Number.Max, Span = text.Span(more.Number.Span.StartToken, more.PlaceEnd), Victims = null });
                    used.Add((more.Number.Span.StartToken, more.PlaceEnd));
                }
            }
            foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
            {
                if (n.Span.EndToken > sentence.EndToken) continue;
                if (cues.UnitMeasure(n.Unit) is not { } unit || used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) continue;
                // "The military has carried out 21 strikes", "has now struck 19 vessels": a series counted in the perfect.
                if ((cues.CueNear(text, sentence, n.Span.StartToken, n.Span.EndToken, tallies) ?? cues.SeriesInPerfect(text, sentence, n)) is not { } cue) continue;
                var counted = Make(text, cues, sentence, unit, n.Min, n.Max, Math.Min(n.Span.StartToken, cue.Start), Math.Max(n.Span.EndToken, cue.End), cue);
                found.Add(counted);
                used.Add((n.Span.StartToken, n.Span.EndToken));
                AddMeasuredParts(text, cues, sentence, counted, n, found, used, statements);
            }
            // "the 15th strike since early September", "the fifth such strike of the campaign": an ordinal with a cue
            // counts the events so far.
            for (var i = sentence.StartToken; i + 1 < sentence.EndToken; i++)
            {
                if (Ordinal(cues, text.WordOf(i)) is not { } nth || (UnitAfter(text, cues, sentence, i + 1) ?? UnitBefore(text, cues, sentence, i)) is not { } unitAt) continue;
                var unit = cues.UnitMeasure(text.WordOf(unitAt))!.Value;
                var (from, to) = (Math.Min(i, unitAt), Math.Max(i + 1, unitAt + 1));
                if (used.Exists(u => u.Start <= i && i < u.End)) continue;
                // "the 20th such strike", "the 15th known strike": a word between the ordinal and its unit that makes it one of a series.
                var series = Enumerable.Range(from + 1, Math.Max(0, to - from - 2)).Where(k => cues.IsSeriesWord(text.WordOf(k))).Select(k => (int?)k).FirstOrDefault();
                if ((cues.CueNear(text, sentence, from, to, tallies) ?? (series is { } w ? new TollCues.Cue(w, w + 1, false) : (TollCues.Cue?)null) ?? cues.CurrentSpan(text, sentence, from, to)) is not { } cue) continue;
                found.Add(Make(text, cues, sentence, unit, nth, nth, Math.Min(from, cue.Start), Math.Max(to, cue.End), cue));
            }
            // "officials confirmed an eighth victim", "a sixth person died in hospital": the nth one of the dead is a count of n so far.
            for (var i = sentence.StartToken + 1; i + 1 < sentence.EndToken; i++)
            {
                if (NthVictim(text, cues, sentence, i) is not { } nth || used.Exists(u => u.Start <= i && i < u.End)) continue;
                found.Add(Make(text, cues, sentence, nth.Measure, nth.N, nth.N, i - 1, OfWhat(text, sentence, nth.End), null));
                used.Add((i - 1, nth.End));
            }
            // "22 people remain missing", "some 30 others are still unaccounted for": people not found are a toll of the
            // missing (never of the dead), as of the statement's day.
            foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
            {
                if (n.Span.EndToken > sentence.EndToken || used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) continue;
                if (MissingAfter(text, sentence, n) is not { } missing) continue;
                found.Add(Make(text, cues, sentence, TollMeasure.Missing, n.Min, n.Max, n.Span.StartToken, missing.End, null) with { Victims = text.Span(n.Span.StartToken, missing.VictimEnd) });
                used.Add((n.Span.StartToken, missing.End));
            }
            // "The fighting has killed 36 people. The dead included 29 fighters and seven civilians.": the toll just told, by groups.
            if (found.Count == 0 && Breakdown(text, sentence) is { } breakdown && LastOf(tolls, text.SentenceIndexOf(sentence.StartToken) - 1, text) is { } told)
            {
                foreach (var p in TollParts.Of(text, breakdown.Start, breakdown.End))
                {
                    found.Add(told with { Counts = breakdown.Measure, Min = p.Min, Max = p.Max, Span = p.Span, Victims = p.Span, Evidence = text.Span(sentence.StartToken, sentence.EndToken) });
                }
            }
            found.Sort((a, b) => a.Span.StartToken != b.Span.StartToken ? a.Span.StartToken.CompareTo(b.Span.StartToken) : a.Counts.CompareTo(b.Counts));
            tolls.AddRange(found);
        }
        return tolls.ToImmutable();
    }

    /// <summary>
    /// "1,300 civilians have been killed or injured since April", "killed or wounded": one number for the dead and the
    /// hurt together counts casualties, not the dead (a killing participle, "or" or "and", and a wounding one, right after
    /// the victims or within the statement's words).
    /// </summary>
    private static bool KilledOrInjured(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s)
    {
        for (var k = Math.Max(s.Start, s.VictimEnd); k + 2 < Math.Min(sentence.EndToken, s.End + 3); k++)
        {
            if (KilledWords.Contains(text.WordOf(k)) && text.WordOf(k + 1).ToLowerInvariant() is "or" or "and" && InjuredWords.Contains(text.WordOf(k + 2))) return true;
        }
        return false;
    }

    /// <summary>
    /// ", including 47 deaths and 456 injuries" after a toll's count: each part, a toll of its own measure as of the same day
    /// (<see cref="TollCues.MeasuredParts"/>), unless its words gave a toll already.
    /// </summary>
    private static void AddMeasuredParts(AnnotatedText text, TollCues cues, TokenSpan sentence, Toll toll, NumberMention head, List<Toll> found, List<(int Start, int End)> used,
        List<CasualtyFinder.Statement> statements)
    {
        foreach (var (number, end, measure) in cues.MeasuredParts(text, sentence, head))
        {
            // A part the casualty reader reads as a count of its own ("with 27 injured") is a toll of the statements, by the same cue.
            if (used.Exists(u => u.Start < end && number.Span.StartToken < u.End) || statements.Exists(s => s.Min > 0 && s.VictimStart < end && number.Span.StartToken < s.VictimEnd)) continue;
            var words = text.Span(number.Span.StartToken, end);
            found.Add(toll with { Counts = measure, Min = number.Min, Max = number.Max, Span = words, Victims = words });
            used.Add((number.Span.StartToken, end));
        }
    }

    private static void AddPart(AnnotatedText text, TollCues cues, TokenSpan sentence, Toll toll, int after, List<Toll> found, List<(int Start, int End)> used)
    {
        if (RecentPart(text, sentence, after) is { } recent && !used.Exists(u => u.Start < recent.End && recent.Number.Span.StartToken < u.End))
        {
            // "…5,380 people have been injured, including 12 in the past 24 hours": the part counts a span of its own, up to now.
            var span = text.Span(recent.Number.Span.StartToken, recent.End);
            found.Add(toll with { Min = recent.Number.Min, Max = recent.Number.Max, Span = span, Victims = null, Since = null, SinceDate = null, AsOf = text.Published });
            used.Add((recent.Number.Span.StartToken, recent.End));
            return;
        }
        if (PartOf(text, cues, sentence, after) is not { } part || used.Exists(u => u.Start < part.End && part.Number.Span.StartToken < u.End)) return;
        var words = text.Span(part.Number.Span.StartToken, part.End);
        found.Add(toll with { Min = part.Number.Min, Max = part.Number.Max, Span = words, Victims = words });
        used.Add((part.Number.Span.StartToken, part.End));
    }

    /// <summary>
    /// "The death toll stood at 51 on Monday, up from 37 on Saturday", "…has risen to 63, up from 41 a day earlier": the count
    /// a toll is compared with (", up from", ", down from" within a few words after its number) is the same toll at an
    /// earlier day, a toll of its own as of the day the aside names (null when it names none, never the article's day).
    /// </summary>
    private static void AddEarlier(AnnotatedText text, TokenSpan sentence, Toll toll, int after, List<Toll> found, List<(int Start, int End)> used)
    {
        for (var k = after; k + 3 < sentence.EndToken && k - after <= 6; k++)
        {
            if (text.WordOf(k) != ",") continue;
            if (text.WordOf(k + 1).ToLowerInvariant() is not ("up" or "down") || !text.WordOf(k + 2).Equals("from", StringComparison.OrdinalIgnoreCase)) return;
            var numbers = text.NumbersStartingIn(k + 3, k + 4);
            if (numbers.Length == 0 || numbers[0] is not { } n || n.Span.EndToken > sentence.EndToken) return;
            if (used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) return;
            // The aside runs to the next comma or the sentence's end; a one-day time inside it is the earlier count's day.
            var end = n.Span.EndToken;
            while (end < sentence.EndToken && text.WordOf(end) is not ("," or ";" or "." or "—" or "–")) end++;
            var day = text.Times.FirstOrDefault(t => t.Span.StartToken >= n.Span.EndToken && t.Span.EndToken <= end && t.Precision == TimePrecision.Day && t.Start is not null && t.Start == t.End);
            DateOnly? asOf = day?.End is { } d && (toll.AsOf is not { } later || d < later) ? d : null;
            found.Add(toll with { Min = n.Min, Max = n.Max, Span = text.Span(k + 1, end), Victims = null, AsOf = asOf });
            used.Add((n.Span.StartToken, n.Span.EndToken));
            return;
        }
    }

    /// <summary>"19 in Thailand": the end of the country or place named by "in" right after a toll's number; null when none is.</summary>
    private static int? PlaceAfter(AnnotatedText text, TokenSpan sentence, int numberEnd)
    {
        if (numberEnd + 1 >= sentence.EndToken || !text.WordOf(numberEnd).Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var m in text.EntitiesStartingIn(numberEnd + 1, numberEnd + 2))
        {
            if (m.Type is EntityType.Gpe or EntityType.Loc) return m.Span.EndToken;
        }
        return null;
    }

    /// <summary>
    /// ", and 13 in Cambodia" (within a few words after a toll told by place, past a part of it): the next place's number;
    /// null when the words after are not that.
    /// </summary>
    private static (NumberMention Number, int PlaceEnd)? NextByPlace(AnnotatedText text, TokenSpan sentence, int after)
    {
        foreach (var n in text.NumbersStartingIn(after + 1, int.MaxValue))
        {
            var at = n.Span.StartToken;
            if (at - after > 8 || !sentence.Contains(at)) return null;
            if (!text.WordOf(at - 1).Equals("and", StringComparison.OrdinalIgnoreCase) || n.Max is not { } max || max > n.Min) continue;
            return PlaceAfter(text, sentence, n.Span.EndToken) is { } end ? (n, end) : null;
        }
        return null;
    }

    /// <summary>
    /// "The dead included 29 fighters and seven civilians", "The wounded include 22 men, eight women and four children": a
    /// sentence that opens with "the" and a word of the dead or the hurt as the subject of "include"; the groups after it
    /// (up to a comma that opens no other group) and what they count, or null. The words may follow a saying with no count
    /// of its own ("The monitor said the dead included …", "According to the governor, the dead included …").
    /// </summary>
    internal static (int Start, int End, TollMeasure Measure)? Breakdown(AnnotatedText text, TokenSpan sentence)
    {
        var i = AfterSaying(text, sentence);
        if (i + 3 >= sentence.EndToken || !text.WordOf(i).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        TollMeasure? measure = text.WordOf(i + 1).ToLowerInvariant() switch { "dead" or "killed" => TollMeasure.Killed, "wounded" or "injured" => TollMeasure.Injured, _ => null };
        if (measure is not { } counted || text.WordOf(i + 2).ToLowerInvariant() is not ("included" or "include" or "includes")) return null;
        var end = sentence.EndToken;
        while (end > i + 3 && text.PosOf(end - 1) is "." or ":" or "''") end--;
        for (var k = i + 3; k < end; k++)
        {
            if (text.WordOf(k) == "," && TollCues.NumberStartingAt(text, k + 1) is null && text.WordOf(k + 1).ToLowerInvariant() is not ("a" or "an" or "and")) { end = k; break; }
        }
        return (i + 3, end, counted);
    }

    /// <summary>
    /// Where the words a saying reports start: right after its verb (and "that") or the comma after "according to …", when
    /// the words before hold no number; the sentence's start otherwise.
    /// </summary>
    private static int AfterSaying(AnnotatedText text, TokenSpan sentence)
    {
        for (var k = sentence.StartToken + 1; k + 2 < sentence.EndToken && k - sentence.StartToken <= 12; k++)
        {
            if (text.PosOf(k - 1) == "CD") break;
            if (!text.WordOf(k).Equals("the", StringComparison.OrdinalIgnoreCase) || text.WordOf(k + 1).ToLowerInvariant() is not ("dead" or "killed" or "wounded" or "injured")) continue;
            var before = text.WordOf(k - 1) == "that" && k - 2 >= sentence.StartToken ? k - 2 : k - 1;
            var said = (text.PosOf(before) ?? "").StartsWith("VB", StringComparison.Ordinal);
            var according = text.WordOf(k - 1) == "," && text.WordOf(sentence.StartToken).Equals("according", StringComparison.OrdinalIgnoreCase);
            return said || according ? k : sentence.StartToken;
        }
        return sentence.StartToken;
    }

    /// <summary>The last toll read from the sentence at <paramref name="index"/>; null when it gave none.</summary>
    private static Toll? LastOf(ImmutableArray<Toll>.Builder tolls, int index, AnnotatedText text)
    {
        for (var i = tolls.Count - 1; i >= 0; i--)
        {
            var at = text.SentenceIndexOf(tolls[i].Evidence.StartToken);
            if (at == index) return tolls[i];
            if (at < index) break;
        }
        return null;
    }

    /// <summary>
    /// ", including 12 in the past 24 hours", ", including 40 over the last day" (within a few words after a toll): a number
    /// whose own words, right after it, count back from now ("in"/"over" and "the past"/"the last"); the number and the end
    /// of those words, or null.
    /// </summary>
    private static (NumberMention Number, int End)? RecentPart(AnnotatedText text, TokenSpan sentence, int tollEnd)
    {
        foreach (var n in text.NumbersStartingIn(tollEnd, int.MaxValue))
        {
            var at = n.Span.StartToken;
            if (at - tollEnd > 12 || at - 2 < sentence.StartToken || n.Span.EndToken + 3 >= sentence.EndToken) return null;
            if (!text.WordOf(at - 1).Equals("including", StringComparison.OrdinalIgnoreCase) || text.WordOf(at - 2) != "," || n.Unit is not null) return null;
            var k = n.Span.EndToken;
            if (text.WordOf(k).ToLowerInvariant() is not ("in" or "over") || !text.WordOf(k + 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                || text.WordOf(k + 2).ToLowerInvariant() is not ("past" or "last")) return null;
            var end = k + 3;
            while (end < sentence.EndToken && end - k < 6 && text.WordOf(end) is not ("," or "." or ";") && text.PosOf(end) is "CD" or "NN" or "NNS" or "JJ") end++;
            return end > k + 3 ? (n, end) : null;
        }
        return null;
    }

    /// <summary>
    /// ", 14 of them civilians", ", including 15 soldiers", ", with eight civilians" after a toll (within a few words of
    /// it): the number and its noun, as one part of the toll's count; null when the words after the toll are not that.
    /// After "including" or "with" the noun must name a side's own people (the "own" words of the data file), so
    /// ", including 300 homes" is no part.
    /// </summary>
    private static (NumberMention Number, int End)? PartOf(AnnotatedText text, TollCues cues, TokenSpan sentence, int tollEnd)
    {
        foreach (var n in text.NumbersStartingIn(tollEnd, int.MaxValue))
        {
            var at = n.Span.StartToken;
            if (at - tollEnd > 6 || n.Span.EndToken >= sentence.EndToken || at - 2 < sentence.StartToken) break;
            int noun;
            var own = false;
            if (text.WordOf(at - 1) == "," && n.Span.EndToken + 2 < sentence.EndToken && text.WordOf(n.Span.EndToken).Equals("of", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(n.Span.EndToken + 1).ToLowerInvariant() is "them" or "whom") noun = n.Span.EndToken + 2;
            else if (text.WordOf(at - 1).ToLowerInvariant() is "including" or "with" && text.WordOf(at - 2) == ",")
            {
                noun = n.Span.EndToken;
                own = true;
            }
            else return null;
            // "14 of them civilians": the noun that says who the part are (adjectives before it allowed).
            while (noun < sentence.EndToken && noun - n.Span.EndToken < 5 && text.PosOf(noun) is "JJ") noun++;
            if (noun >= sentence.EndToken || text.PosOf(noun) is not ("NNS" or "NN") || n.Max is not { } max || max > n.Min) return null;
            return !own || cues.IsOwnVictimWord(text.WordOf(noun)) ? (n, noun + 1) : null;
        }
        return null;
    }

    /// <summary>
    /// "The strike was the 17th since early September", "the attack marked the fifth of the campaign": the unit word of a
    /// subject whose copula or "marked" gives it an ordinal with no noun of its own; its index, or null.
    /// </summary>
    private static int? UnitBefore(AnnotatedText text, TollCues cues, TokenSpan sentence, int ordinal)
    {
        if (ordinal - 2 < sentence.StartToken || !text.WordOf(ordinal - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        if (ordinal + 1 < sentence.EndToken && text.PosOf(ordinal + 1) is "NN" or "NNS") return null;
        if (text.WordOf(ordinal - 2).ToLowerInvariant() is not ("was" or "is" or "marked" or "marks" or "became" or "becomes")) return null;
        for (var k = ordinal - 3; k >= Math.Max(sentence.StartToken, ordinal - 6); k--)
        {
            if (cues.UnitMeasure(text.WordOf(k)) is not null) return k;
        }
        return null;
    }

    /// <summary>
    /// The unit word at <paramref name="at"/>, or after up to two words that describe it ("such", "known", "U.S.",
    /// "lethal"); its index, or null.
    /// </summary>
    private static int? UnitAfter(AnnotatedText text, TollCues cues, TokenSpan sentence, int at)
    {
        for (var k = at; k < Math.Min(sentence.EndToken, at + 3); k++)
        {
            if (cues.UnitMeasure(text.WordOf(k)) is not null) return k;
            if (text.PosOf(k) is not ("JJ" or "NNP" or "VBN")) return null;
        }
        return null;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DeathNouns = CasualtyWords.Set("killed-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DiedWords = CasualtyWords.Set("died");
    private static readonly System.Collections.Frozen.FrozenSet<string> KilledWords = CasualtyWords.Set("killed-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredWords = CasualtyWords.Set("injured-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> WeakWords = CasualtyWords.Set("weak");

    /// <summary>
    /// "an eighth victim", "the fifth death", "a sixth person died", "a third soldier has been wounded": "a", "an" or "the",
    /// an ordinal of two or more, and (past a describing word) a noun of the dead, a victim, or a person whom a verb of
    /// dying, killing or wounding right after it befalls; the count so far, its measure and the end of its words, or null.
    /// </summary>
    private static (decimal N, TollMeasure Measure, int End)? NthVictim(AnnotatedText text, TollCues cues, TokenSpan sentence, int i)
    {
        if (text.WordOf(i - 1).ToLowerInvariant() is not ("a" or "an" or "the") || Ordinal(cues, text.WordOf(i)) is not { } n) return null;
        var k = i + 1;
        if (k + 1 < sentence.EndToken && text.PosOf(k) is "JJ" && !PersonNouns.Contains(text.WordOf(k))) k++;
        if (k >= sentence.EndToken) return null;
        var noun = text.WordOf(k).ToLowerInvariant();
        if (DeathNouns.Contains(noun) && text.PosOf(k) is "NN") return (n, TollMeasure.Killed, k + 1);
        if (!PersonNouns.Contains(noun) || text.PosOf(k) is not ("NN" or "NNP")) return null;
        var v = k + 1;
        while (v < sentence.EndToken && v - k <= 3 && text.WordOf(v).ToLowerInvariant() is "has" or "had" or "was" or "have" or "been" or "is" or "later" or "also") v++;
        if (v < sentence.EndToken)
        {
            var verb = text.WordOf(v);
            if (DiedWords.Contains(verb) || KilledWords.Contains(verb)) return (n, TollMeasure.Killed, v + 1);
            if (InjuredWords.Contains(verb) && !WeakWords.Contains(verb)) return (n, TollMeasure.Injured, v + 1);
        }
        // "an eighth victim": a victim counted alone is one of the dead.
        return noun is "victim" ? (n, TollMeasure.Killed, k + 1) : null;
    }

    /// <summary>
    /// "… of the attack", "… in Tuesday's strike": the end of the words right after a count that say what it is of (a
    /// preposition and a short noun phrase ending in a common noun), so the attack they name is inside the toll's words;
    /// <paramref name="end"/> when none follows.
    /// </summary>
    private static int OfWhat(AnnotatedText text, TokenSpan sentence, int end)
    {
        if (end + 2 >= sentence.EndToken || text.WordOf(end).ToLowerInvariant() is not ("of" or "in" or "from")) return end;
        var last = end;
        for (var k = end + 1; k < sentence.EndToken && k - end <= 5 && text.PosOf(k) is "DT" or "JJ" or "NN" or "NNP" or "POS" or "PRP$"; k++)
        {
            if (text.PosOf(k) is "NN") last = k + 1;
        }
        return last;
    }

    /// <summary>
    /// "22 people remain missing", "30 others are still unaccounted for", "four crew members were reported missing": after
    /// the number, up to three words naming people (none, or ending in a person noun), a verb of being or remaining (with
    /// "still", "now", "reported", "listed" beside it) and "missing" or "unaccounted"; the end of the words and of the
    /// people's, or null.
    /// </summary>
    private static (int End, int VictimEnd)? MissingAfter(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        var k = n.Span.EndToken;
        while (k < sentence.EndToken && k - n.Span.EndToken < 3 && text.PosOf(k) is "JJ" or "NN" or "NNS") k++;
        if (k > n.Span.EndToken && !PersonNouns.Contains(text.WordOf(k - 1))) return null;
        var victimEnd = k;
        var verb = false;
        while (k < sentence.EndToken && k - victimEnd < 4 && text.WordOf(k).ToLowerInvariant() is "remain" or "remains" or "remained" or "are" or "were" or "is" or "was" or "have" or "had" or "been"
            or "still" or "now" or "reported" or "listed" or "considered")
        {
            verb |= text.WordOf(k).ToLowerInvariant() is not ("still" or "now");
            k++;
        }
        if (!verb || k >= sentence.EndToken || text.WordOf(k).ToLowerInvariant() is not ("missing" or "unaccounted")) return null;
        // "were missing their families": a verb with an object.
        if (k + 1 < sentence.EndToken && text.PosOf(k + 1) is "DT" or "PRP$" or "PRP" or "NN" or "NNS" or "CD") return null;
        return (text.WordOf(k).Equals("unaccounted", StringComparison.OrdinalIgnoreCase) && k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("for", StringComparison.OrdinalIgnoreCase) ? k + 2 : k + 1, victimEnd);
    }

    /// <summary>"15th", "21st", "2nd", "fifth": the number of an ordinal of two or more; null for other words.</summary>
    internal static decimal? Ordinal(TollCues cues, string word)
    {
        if (cues.WordOrdinal(word) is { } spelled) return spelled;
        if (word.Length < 3 || !char.IsAsciiDigit(word[0])) return null;
        var suffix = word[^2..].ToLowerInvariant();
        if (suffix is not ("st" or "nd" or "rd" or "th") || !word[..^2].All(char.IsAsciiDigit)) return null;
        return decimal.TryParse(word[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : null;
    }

    private static Toll Make(AnnotatedText text, TollCues cues, TokenSpan sentence, TollMeasure measure, decimal min, decimal? max, int start, int end, TollCues.Cue? cue)
    {
        TokenSpan? since = null;
        DateOnly? sinceDate = null;
        if (cue is { Since: true } c)
        {
            var sinceEnd = c.End;
            var time = text.Times.FirstOrDefault(t => t.Span.StartToken <= c.End && c.End < t.Span.EndToken || t.Span.StartToken == c.Start);
            if (time is not null)
            {
                sinceEnd = Math.Max(sinceEnd, time.Span.EndToken);
                sinceDate = time.Start;
            }
            else
            {
                // "since border clashes broke out": the noun phrase after the cue.
                while (sinceEnd < sentence.EndToken && sinceEnd - c.End < 6 && text.PosOf(sinceEnd) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "CD" or "IN") sinceEnd++;
                // "since the start of the war on 12 February": a day in the noun phrase is where the count starts; "since the
                // fresh fighting began Sunday": so is a day in the clause the cue opens.
                var inPhrase = text.Times.FirstOrDefault(t => t.Span.StartToken >= c.End && t.Span.EndToken <= sinceEnd && t.Precision == TimePrecision.Day && t.Start == t.End);
                if ((inPhrase ?? SinceClauseDay(text, sentence, c.Start) ?? StartVerbDay(text, cues, sentence, c.End)) is { } day)
                {
                    sinceEnd = Math.Max(sinceEnd, day.Span.EndToken);
                    sinceDate = day.Start;
                }
            }
            since = text.Span(c.Start, sinceEnd);
            end = Math.Max(end, sinceEnd);
        }
        return new Toll(measure, min, max, text.Span(start, end))
        {
            Since = since,
            SinceDate = sinceDate,
            AsOf = AsOf(text, cues, sentence, start, end, since),
            Evidence = sentence,
        };
    }

    /// <summary>
    /// The day a toll stood at: a day the statement names ("as of late Thursday", "remained at 19 on Saturday"), else the
    /// article's date; null when the statement counts a past span ("the July fighting killed 38") or no date is known.
    /// </summary>
    private static DateOnly? AsOf(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end, TokenSpan? since)
    {
        // "…, with 27 injured, as of October 26": a day the sentence states its counts "as of" dates every count in it.
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || t.Span.StartToken - 2 < sentence.StartToken || t.Precision != TimePrecision.Day || t.End is not { } stated || t.Start != t.End) continue;
            if (!text.WordOf(t.Span.StartToken - 2).Equals("as", StringComparison.OrdinalIgnoreCase) || !text.WordOf(t.Span.StartToken - 1).Equals("of", StringComparison.OrdinalIgnoreCase)) continue;
            if (text.Published is not { } published || stated <= published) return stated;
        }
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || since is { } s && s.Overlaps(t.Span) || StartsSomething(text, cues, sentence, t) || NamesCountedEvent(text, t, start, end)
                || DatesAttackBefore(text, cues, sentence, t, start, end)) continue;
            // ", up from 13 a day earlier": the day of the count compared with, not of this one.
            if (TollCues.InComparingAside(text, sentence, t.Span.StartToken)) continue;
            if (t.Span.EndToken < start - 6 || t.Span.StartToken > end + 6 || t.Start is null || t.End is null) continue;
            if (text.Published is { } published && t.End > published) continue;
            if (t.Precision == TimePrecision.Day && t.Start == t.End) return LastDayOfSpan(text, sentence, t) ?? t.End;
            if (text.Published is { } p && t.End < p && t.Precision is TimePrecision.Month or TimePrecision.Season or TimePrecision.Year) return null;
        }
        // "the civilian toll for June alone was 64": a toll "for" a past month sums up that month.
        if (ForPastMonth(text, start, end)) return null;
        // "September was the deadliest month, with 310 killed": a count over a past month named bare as its subject.
        if (cues.PastSpanSubject(text, sentence, start, end) is not null) return null;
        if (GoverningDay(text, cues, sentence, start, end, since) is { } day) return day;
        return RecallsPastCampaign(text, cues, sentence, start, end) ? null : text.Published;
    }

    /// <summary>"46 on Sunday", "46 by late Sunday": a single day (not after the article's) within two words after a count; null when none is.</summary>
    private static DateOnly? DayRightAfter(AnnotatedText text, TokenSpan sentence, int end)
    {
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < end || t.Span.StartToken > end + 2 || t.Span.EndToken > sentence.EndToken || t.Precision != TimePrecision.Day || t.Start != t.End || t.End is not { } day) continue;
            if (text.Published is { } published && day > published) continue;
            return day;
        }
        return null;
    }

    /// <summary>
    /// "the toll for June alone", "the count for the month of June": "for" and a full month name other than the article's
    /// within a toll's words; the recognizer leaves a bare month after "for" to context, and news names a month past.
    /// </summary>
    private static bool ForPastMonth(AnnotatedText text, int start, int end)
    {
        for (var k = start; k + 1 < end; k++)
        {
            if (!text.WordOf(k).Equals("for", StringComparison.OrdinalIgnoreCase)) continue;
            var m = k + 1;
            if (m + 3 < end && text.WordOf(m).Equals("the", StringComparison.OrdinalIgnoreCase) && text.WordOf(m + 1).Equals("month", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(m + 2).Equals("of", StringComparison.OrdinalIgnoreCase)) m += 3;
            var word = text.WordOf(m);
            if (Lexicon.MonthOf(word) is var month and > 0 && Lexicon.IsFullMonthName(word) && (text.Published is not { } published || month != published.Month)) return true;
        }
        return false;
    }

    /// <summary>
    /// "on October 11–12", "on Oct. 11-12", "between October 10 and October 17": a day followed by a dash (or "to", "and") and a
    /// later day names a span, and a count over it stands at its last day; null when no such day follows or it would lie
    /// after the publication.
    /// </summary>
    private static DateOnly? LastDayOfSpan(AnnotatedText text, TokenSpan sentence, TimeMention t)
    {
        var at = t.Span.EndToken;
        // "between October 10 and October 17", "from October 10 to October 17": a day joined to a later one names a span.
        if (at + 1 < sentence.EndToken && text.WordOf(at).ToLowerInvariant() is "and" or "to" or "through" or "until" or "–" or "-" && t.End is { } first
            && text.Times.FirstOrDefault(o => o.Span.StartToken == at + 1 && o.Precision == TimePrecision.Day && o.Start == o.End) is { End: { } later }
            && later > first && (text.Published is not { } p || later <= p)) return later;
        if (t.End is not { } day || at + 1 >= sentence.EndToken || text.WordOf(at) is not ("–" or "-" or "to")) return null;
        if (!int.TryParse(text.WordOf(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            || last <= day.Day || last > DateTime.DaysInMonth(day.Year, day.Month)) return null;
        var end = new DateOnly(day.Year, day.Month, last);
        return text.Published is { } published && end > published ? null : end;
    }

    /// <summary>
    /// "That bout of fighting … resulted in at least 48 deaths": a count under a verb in the simple past whose subject,
    /// pointed to with "that" or "those", is or names a campaign counts a finished campaign the article recalls, so the
    /// day it stood at is not the article's; false without a parse.
    /// </summary>
    private static bool RecallsPastCampaign(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && text.PosOf(verb) is { } pos && !pos.StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        if (verb < 0 || text.PosOf(verb) != "VBD") return false;
        foreach (var subject in new Token(text, verb).Dependents.Where(d => d.Relation == "nsubj"))
        {
            if (!subject.Dependents.Any(d => d.Relation == "det" && d.Text.ToLowerInvariant() is "that" or "those")) continue;
            if (cues.IsCampaignNoun(text, subject.Index) || subject.Dependents.Any(d => d.Relation == "nmod" && cues.IsCampaignNoun(text, d.Index))) return true;
        }
        return false;
    }

    /// <summary>
    /// "Thailand launched air strikes Monday …, trading blame for renewed fighting … that has killed four civilians": a
    /// toll told inside a clause dated by a day of its own stands as of that day, however far the day's words are. The
    /// day must hang from a word above the toll's head in the parse (not from a clause of its own beside it), name one
    /// day no later than the publication and lie outside the toll's "since" words; null when none does or without a parse.
    /// </summary>
    private static DateOnly? GoverningDay(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end, TokenSpan? since)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        var head = SyntaxScope.HeadOf(text, start, end);
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || since is { } s && s.Overlaps(t.Span) || StartsSomething(text, cues, sentence, t) || DatesAttackBefore(text, cues, sentence, t, start, end)
                || TollCues.InComparingAside(text, sentence, t.Span.StartToken)) continue;
            if (t.Precision != TimePrecision.Day || t.Start is null || t.Start != t.End || text.Published is { } published && t.End > published) continue;
            if (t.Span.Length == 0 || t.Span.StartToken < sentence.StartToken || t.Span.EndToken > sentence.EndToken) continue;
            var timeHead = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            var governor = text.HeadOf(timeHead);
            if (governor >= 0 && (governor == head || SyntaxScope.IsAncestor(text, governor, head))) return t.End;
            // "The death toll has reached 88, while 230 others were wounded, officials said on Monday": the day of the verb of
            // saying the parse hangs beside the count's clause (parataxis, or a "conj" after it) dates the count as it would the clause it governs,
            // also when it hangs from a clause inside the count's ("while 230 others were wounded").
            if (governor >= 0 && governor > head && text.RelationOf(governor) is "parataxis" or "conj" && SyntaxActors.IsSpeechVerb(text, governor) && text.HeadOf(governor) is var said and >= 0
                && (said == head || SyntaxScope.IsAncestor(text, said, head) || SyntaxScope.IsAncestor(text, head, said))) return t.End;
        }
        return null;
    }

    /// <summary>
    /// "The death toll from Wednesday's strike rose to 34 on Sunday": a day inside the toll's words that owns a noun ("'s",
    /// or a possessive in the parse), or that stands between "the" and an event noun ("the June 9 drone attack"), dates the
    /// event counted, not the day the count stood at.
    /// </summary>
    private static bool NamesCountedEvent(AnnotatedText text, TimeMention t, int start, int end)
    {
        if (t.Span.Length == 0 || t.Span.StartToken < start || t.Span.EndToken > end) return false;
        if (t.Span.EndToken < end && text.WordOf(t.Span.EndToken) is "'s" or "’s") return true;
        // "The death toll from the June 9 drone attack …": a date between "the" and an event noun names the attack.
        if (t.Span.StartToken > start && text.WordOf(t.Span.StartToken - 1).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            for (var k = t.Span.EndToken; k < end && k < t.Span.EndToken + 3 && text.PosOf(k) is "NN" or "JJ"; k++)
            {
                if (text.PosOf(k) is "NN" && TriggerLexicon.Default.Starts(text.WordOf(k).ToLowerInvariant())) return true;
            }
        }
        // "The death toll from a drone attack on Sumy on Sunday has risen to 12": a day after an attack's noun, in toll words
        // with no verb before the day, is the attack's.
        var attack = false;
        for (var k = t.Span.StartToken - 1; k >= start; k--)
        {
            // "The number of people killed in a strike on Kharkiv on Sunday": the participle of the toll noun is no verb of the count.
            if (k > start && text.PosOf(k) is "VBN" or "VBD" && text.PosOf(k - 1) is "NNS" or "NN" && CasualtyFinder.IsOutcomeWord(text.WordOf(k))) continue;
            if (text.PosOf(k) is { } pos && (pos.StartsWith("VB", StringComparison.Ordinal) || pos is "CD")) { attack = false; break; }
            attack |= text.PosOf(k) is "NN" && TriggerLexicon.Default.Starts(text.WordOf(k).ToLowerInvariant());
        }
        if (attack) return true;
        return SyntaxScope.HasParse(text, text.SentenceOf(t.Span.StartToken)) && text.RelationOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken)) == "nmod:poss";
    }

    /// <summary>
    /// "… an apartment block that was hit by a missile on Wednesday, putting the final death toll at 31": a day before a toll
    /// noun's count that hangs from an attack word in a clause describing a noun (a relative clause) dates the thing
    /// described, not the day the count stood at (the count is the report's). A day of the sentence's own telling
    /// ("killed in a strike on Sunday, bringing the number of dead to 19") still dates the count; false without a parse.
    /// </summary>
    private static bool DatesAttackBefore(AnnotatedText text, TollCues cues, TokenSpan sentence, TimeMention t, int start, int end)
    {
        if (t.Span.Length == 0 || t.Span.EndToken > start || !SyntaxScope.HasParse(text, sentence) || !cues.OpensWithTollNoun(text, start, end)) return false;
        var governor = text.HeadOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken));
        return governor >= 0 && text.RelationOf(governor) is "acl:relcl" or "acl"
            && TriggerLexicon.Default.Starts(Lemmas.Of(text.WordOf(governor), text.PosOf(governor) ?? "").ToLowerInvariant());
    }

    /// <summary>
    /// "The fighting began Monday": a time hanging from a verb of starting names when the counted began, not when the count
    /// stood; so does one in a participle describing a campaign word ("the offensive, launched in 2022, has cost 400 lives").
    /// </summary>
    private static bool StartsSomething(AnnotatedText text, TollCues cues, TokenSpan sentence, TimeMention t)
    {
        if (t.Span.Length == 0 || !SyntaxScope.HasParse(text, sentence)) return false;
        var governor = text.HeadOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken));
        if (cues.IsStartVerb(text, governor)) return true;
        return governor >= 0 && text.PosOf(governor) == "VBN" && text.RelationOf(governor) == "acl" && cues.IsCampaignAt(text, text.HeadOf(governor));
    }

    /// <summary>
    /// "since fighting began on Thursday", where the parse does not make the verb the clause "since" opens: a verb of
    /// starting within four words after the cue (no comma between) and a time starting within three words after it;
    /// null when none.
    /// </summary>
    private static TimeMention? StartVerbDay(AnnotatedText text, TollCues cues, TokenSpan sentence, int after)
    {
        for (var v = after; v < Math.Min(sentence.EndToken, after + 4) && text.WordOf(v) != ","; v++)
        {
            if (!cues.IsStartVerb(text, v)) continue;
            return text.Times.FirstOrDefault(t => t.Span.Length > 0 && t.Start is not null && t.Span.StartToken > v && t.Span.StartToken <= v + 3 && t.Span.EndToken <= sentence.EndToken);
        }
        return null;
    }

    /// <summary>The day named in the clause a "since" opens ("since the fighting began Sunday"); null when none or without a parse.</summary>
    private static TimeMention? SinceClauseDay(AnnotatedText text, TokenSpan sentence, int cue)
    {
        if (!SyntaxScope.HasParse(text, sentence) || text.RelationOf(cue) != "mark" || text.HeadOf(cue) is not (var verb and >= 0)) return null;
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || t.Span.Length == 0 || t.Span.StartToken < cue || t.Start is null) continue;
            var timeHead = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            if (timeHead == verb || SyntaxScope.IsAncestor(text, verb, timeHead)) return t;
        }
        return null;
    }
}
