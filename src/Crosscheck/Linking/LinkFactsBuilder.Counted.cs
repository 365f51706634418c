using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>The days of a counted series told in one clause ("two earlier strikes, on 12 and 23 February").</summary>
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// The time of an event counted as two or more: the days its words name (<see cref="CountedDays"/>), else its own
    /// time when its sentence gives it; a day carried from another sentence ("… on February 12. Four strikes later, …")
    /// dates one attack, not a series.
    /// </summary>
    private static TimeFacts? CountedTime(AnnotatedText text, EventMention e)
    {
        if (e.Count is not { Min: >= 2 }) return TimeOf(text, e);
        if (CountedDays(text, e) is { } days) return days;
        if (e.Time is { } t && e.Trigger.Length > 0 && !text.SentenceOf(e.Trigger.StartToken).Contains(t.Span.StartToken)) return null;
        return TimeOf(text, e);
    }

    /// <summary>
    /// "Two earlier strikes, near the island on February 12 and off the cape on February 23, killed seven people": an
    /// event counted as two or more whose words name two or more different days covers them all (first to last), not the
    /// day nearest its word, so that it is never one attack of its first day. Null otherwise.
    /// </summary>
    private static TimeFacts? CountedDays(AnnotatedText text, EventMention e)
    {
        if (e.Count is not { Min: >= 2 } || e.Evidence.Length == 0) return null;
        DateOnly? first = null, last = null;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < e.Evidence.StartToken || t.Span.EndToken > e.Evidence.EndToken) continue;
            if (t.Precision != TimePrecision.Day || t.Start is not { } start || t.End != start) continue;
            if (first is null || start < first) first = start;
            if (last is null || start > last) last = start;
        }
        if (first is not { } from || last is not { } to || from == to) return null;
        return new TimeFacts(text.Span(e.Evidence.StartToken, e.Evidence.EndToken).Text, from, to, "range");
    }
}
