using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

// The parts of a toll told after it: a group of its count, the count by place or by measure, an earlier count compared with it.
public sealed partial class TollFinder
{
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

    /// <summary>
    /// "The toll from the strike has now reached nine dead and 31 injured": the hurt beside one event's tally stay that
    /// event's (the casualty reader keeps them) and are a toll as well, as of the tally's day.
    /// </summary>
    private static void AddOneEventHalf(AnnotatedText text, TollCues cues, TokenSpan sentence, CasualtyFinder.Statement s, List<TollCues.Tally> tallies,
        List<Toll> found, List<(int Start, int End)> used)
    {
        if (cues.OneEventTallyHalf(text, sentence, s, tallies) is not { } half || found.Find(f => f.Span.EndToken == half.End) is not { } tally) return;
        var words = text.Span(s.VictimStart, s.VictimEnd);
        found.Add(tally with { Counts = s.Kind == CasualtyFinder.Outcome.Killed ? TollMeasure.Killed : TollMeasure.Injured, Min = s.Min, Max = s.Max, Span = words, Victims = words });
        used.Add((s.VictimStart, s.VictimEnd));
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

    /// <summary>
    /// "The number of dead has climbed to 63 from 45 on Sunday", "the toll rose from 45 on Sunday to 63": the count a tally
    /// rose from ("from" and a number after the tally's number or after its verb, between <paramref name="from"/> and
    /// <paramref name="to"/>) is the same toll at an earlier day, a toll of its own as of the day right after it (null when
    /// none is named or it is not before the tally's).
    /// </summary>
    private static void AddRisenFrom(AnnotatedText text, TokenSpan sentence, Toll toll, int from, int to, List<Toll> found, List<(int Start, int End)> used)
    {
        for (var k = from; k < to && k + 1 < sentence.EndToken; k++)
        {
            if (!text.WordOf(k).Equals("from", StringComparison.OrdinalIgnoreCase) || k == sentence.StartToken) continue;
            var before = text.PosOf(k - 1) ?? "";
            if (before != "CD" && !before.StartsWith("VB", StringComparison.Ordinal)) continue;
            if (TollCues.NumberStartingAt(text, k + 1) is not { } n || n.Unit is not null || n.Span.EndToken > sentence.EndToken) return;
            var day = DayRightAfter(text, sentence, n.Span.EndToken);
            DateOnly? asOf = day is { } d && (toll.AsOf is not { } later || d < later) ? d : null;
            var end = day is null ? n.Span.EndToken : text.Times.First(t => t.Span.StartToken >= n.Span.EndToken && t.End == day).Span.EndToken;
            found.Add(toll with { Min = n.Min, Max = n.Max, Span = text.Span(k, end), Victims = null, AsOf = asOf, Since = null, SinceDate = null });
            used.Add((n.Span.StartToken, n.Span.EndToken));
            return;
        }
    }

    /// <summary>
    /// "19 in Thailand", "52 people on the Tajik side": the end of the country or place named by "in" right after a toll's
    /// number, or of "on the" a nationality or country and "side"; null when none is.
    /// </summary>
    private static int? PlaceAfter(AnnotatedText text, TokenSpan sentence, int numberEnd)
    {
        if (numberEnd + 3 < sentence.EndToken && text.WordOf(numberEnd).Equals("on", StringComparison.OrdinalIgnoreCase) && text.WordOf(numberEnd + 1).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var m in text.EntitiesStartingIn(numberEnd + 2, numberEnd + 3))
            {
                if (m.Type is EntityType.Gpe or EntityType.Norp && m.Span.EndToken < sentence.EndToken && text.WordOf(m.Span.EndToken).Equals("side", StringComparison.OrdinalIgnoreCase)) return m.Span.EndToken + 1;
            }
            return null;
        }
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
    /// After a <c>part</c> phrase ("including", "with", "among them") the noun must name a side's own people (the "own" words of the data file), so
    /// ", including 300 homes" is no part.
    /// </summary>
    /// <summary>Whether a comma and a <c>part</c> phrase ("including", "among them") stand right before <paramref name="at"/>.</summary>
    private static bool JoinedAfterComma(AnnotatedText text, TollCues cues, TokenSpan sentence, int at) =>
        text.WordOf(at - 2) == "," && cues.PartJoinEnd(text, at - 1, at) == at
        || at - 3 >= sentence.StartToken && text.WordOf(at - 3) == "," && cues.PartJoinEnd(text, at - 2, at) == at;

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
            else if (JoinedAfterComma(text, cues, sentence, at))
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
}
