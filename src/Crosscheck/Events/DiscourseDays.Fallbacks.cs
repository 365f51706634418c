using Crosscheck.Documents;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// The days an undated news attack falls back on: the night before its report, the day the news agrees on, the lede, the tolls, the publication.
internal static partial class DiscourseDays
{
    /// <summary>
    /// "Officials said on Tuesday that nine people were killed in the strikes … Pakistan said it carried out no operation
    /// last night": when the news attacks are dated only by the day of their report, a day the article names outside
    /// quotations on the day or two before it (the one such day, when several name it) is the attack's; null when none
    /// does or they disagree. The report's day is the latest the attack can be, and reports are mostly of the night before.
    /// </summary>
    private static TimeMention? NightBeforeReport(AnnotatedText text, TimeMention report, ImmutableArray<Quote> quotes)
    {
        if (report.Start is not { } reportDay) return null;
        TimeMention? earlier = null;
        foreach (var t in text.Times)
        {
            if (t is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } || start != end || start >= reportDay || reportDay.DayNumber - start.DayNumber > 2) continue;
            if (quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End)) continue;
            if (earlier is null) earlier = t;
            else if (earlier.Start != start) return null;
        }
        return earlier;
    }

    /// <summary>
    /// The one day the news attacks are dated to, within a week before publication; null when they disagree or none is
    /// dated. Days that only date a report of an attack (<see cref="EventMention.TimeIsReportDay"/>) count only with
    /// <paramref name="reportDays"/>.
    /// </summary>
    private static TimeMention? AgreedDay(AnnotatedText text, ImmutableArray<EventMention> events, bool reportDays)
    {
        if (text.Published is not { } published) return null;
        TimeMention? agreed = null;
        foreach (var e in events)
        {
            if (!IsNewsAttack(e) || e.TimeIsReportDay && !reportDays || e.Time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } time || start != end) continue;
            if (end > published || published.DayNumber - end.DayNumber > 7) return null;
            if (agreed is null) agreed = time;
            else if (agreed.Start != start) return null;
        }
        return agreed;
    }

    /// <summary>
    /// The span of a day or two that the first news attack of the headline or lede (or of the first sentence) is dated
    /// to ("over the past day", "overnight into Tuesday"), ending within the week before publication; null when it has a
    /// single day, a longer span or none.
    /// </summary>
    private static TimeMention? LedeSpan(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (text.Published is not { } published) return null;
        foreach (var e in events)
        {
            if (!IsNewsAttack(e) || e.Segment is not (SegmentKind.Headline or SegmentKind.Lede) && text.SentenceIndexOf(e.Trigger.StartToken) != 0) continue;
            if (e.Time is not { Start: { } start, End: { } end, Basis: null } time || e.TimeIsReportDay) return null;
            var days = end.DayNumber - start.DayNumber;
            return days is 1 && end <= published && published.DayNumber - end.DayNumber <= 7 ? time : null;
        }
        return null;
    }

    /// <summary>
    /// When no news attack has a time at all, the article's own day, as its news is of that day unless it says
    /// otherwise ("Laos has shelled posts on the frontier" in a report of 3 May): marked as assumed
    /// from the publication date, with no words of its own.
    /// </summary>
    private static TimeMention? PublicationDay(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Toll> tolls)
    {
        if (text.Published is not { } published) return null;
        foreach (var e in events)
        {
            // Any time of the news, even one judged too old to be the news ("shelled the town over the weekend" in the lede).
            var news = IsNewsAttack(e) || e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Segment is SegmentKind.Headline or SegmentKind.Lede;
            if (news && e.Time is { Start: not null }) return null;
        }
        return TollDay(text, tolls, published) ?? new TimeMention(text.Span(0, 0), published, published, TimePrecision.Day) { Basis = "publication" };
    }

    /// <summary>
    /// "The death toll had risen to 23 by late Thursday" in a Friday paper whose attacks name no time: the attacks a
    /// toll counts took place by the day it stood at, so when the article's tolls stand at one day of their own within the
    /// week before publication, the news is of that day (with the words that name it in the toll's sentence); null when
    /// they stand at several days, or at none before the publication day. A toll that stands at that day without naming
    /// it ("It said 46 people were wounded" after the tally "as of late Thursday", whose day it carries) agrees with it.
    /// </summary>
    private static TimeMention? TollDay(AnnotatedText text, ImmutableArray<Toll> tolls, DateOnly published)
    {
        TimeMention? day = null;
        DateOnly? standsAt = null;
        foreach (var toll in tolls)
        {
            // A toll with no day of its own stands at the publication day: it neither dates the news nor disagrees.
            if (toll.AsOf is not { } asOf || asOf == published) continue;
            if (asOf > published || published.DayNumber - asOf.DayNumber > 7 || standsAt is { } other && other != asOf) return null;
            standsAt = asOf;
            day ??= text.Times.FirstOrDefault(t => toll.Evidence.Contains(t.Span.StartToken) && t is { Precision: TimePrecision.Day } && t.Start == asOf && t.End == asOf);
        }
        return day;
    }

    /// <summary>Whether the sentence names a time of its own: one that bounds a comparison ("the deadliest strike since the spring") dates nothing (<see cref="ComparisonTimes"/>).</summary>
    private static bool SentenceHasTime(AnnotatedText text, TokenSpan sentence) => ComparisonTimes.SentenceHasOwnTime(text, sentence);
}
