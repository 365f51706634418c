using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// How the days of two reports of single events compare for <see cref="IncidentMatcher"/>: their own days, a night's,
/// a few days of words that hold a day, a toll that rose since its day, and the window before a report with no time.
/// </summary>
internal static class IncidentDays
{
    /// <summary>
    /// The slack two times of single events may lie apart and still meet: a day (<see cref="IncidentAnchors.DaySlack"/>)
    /// for two reports dating one day differently; none for two spans of their own words ("in May", "in April"), which
    /// are two times when they do not overlap, however close their ends.
    /// </summary>
    internal static int SpanSlack(EventFacts a, EventFacts b) =>
        IncidentAnchors.Days(a) is null && IncidentAnchors.Days(b) is null && a.Time?.Basis is null && b.Time?.Basis is null ? 0 : IncidentAnchors.DaySlack;

    /// <summary>
    /// Whether both events have one day of their own from their words, and the days differ; a night ("overnight",
    /// "Saturday night", "late Friday") straddles two days, so reports may date it either way.
    /// </summary>
    internal static bool OwnDaysDiffer(EventFacts a, EventFacts b) =>
        a.Time is { Basis: null, Start: { } sa, End: { } ea } && sa == ea && b.Time is { Basis: null, Start: { } sb, End: { } eb } && sb == eb && sa != sb
        && !OfANight(a.Time.Text) && !OfANight(b.Time.Text);

    /// <summary>
    /// Whether two reports of an attack, each dated by its own words on a day of its own, the two days apart, are two attacks
    /// by their actors: both name who acted, none of them in common (<paramref name="actorsMeet"/>: by name or country), and
    /// no place ties them (<paramref name="placeShared"/>).
    /// </summary>
    internal static bool OtherSidesNextDay(EventFacts a, EventFacts b, bool placeShared, bool actorsMeet) =>
        !placeShared && !actorsMeet && !a.Actors.IsEmpty && !b.Actors.IsEmpty && OwnDaysDiffer(a, b);

    /// <summary>Whether the two events' days meet with no slack, a night's words ("overnight") covering the day before its day too.</summary>
    internal static bool OwnDaysMeet(EventFacts a, EventFacts b)
    {
        if (IncidentAnchors.Days(a) is not { } da || IncidentAnchors.Days(b) is not { } db) return true;
        var (sa, sb) = (da.Start.DayNumber - (OfANight(a.Time?.Text) ? 1 : 0), db.Start.DayNumber - (OfANight(b.Time?.Text) ? 1 : 0));
        return sa <= db.End.DayNumber && sb <= da.End.DayNumber;
    }

    internal static bool OfANight(string? words) => words is not null
        && (words.Contains("night", StringComparison.OrdinalIgnoreCase) || words.Contains("late", StringComparison.OrdinalIgnoreCase)
            || words.Contains("early", StringComparison.OrdinalIgnoreCase) || words.Contains("dawn", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a few days of <paramref name="span"/>'s words (not a day, not the publication's) meet the days of
    /// <paramref name="day"/>, its own or those its report's day allows: a day the two may have in common.
    /// </summary>
    internal static bool SpanMeets(EventFacts span, EventFacts day) =>
        span.Time is { Basis: null, Start: { } s, End: { } e } && IncidentAnchors.Days(span) is null && e.DayNumber - s.DayNumber < HoldingSpanDays
        && IncidentAnchors.Days(day) is { } d && s.AddDays(-IncidentAnchors.DaySlack) <= d.End && d.Start <= e;

    /// <summary>
    /// Whether <paramref name="later"/>, with no day of its own, gives a higher toll in a report published after
    /// <paramref name="dated"/>'s day, within <see cref="ReportLagDays"/> of it ("the death toll from the strike rose to 20",
    /// two days after the strike that killed 12): the toll told again as it rose, not another attack. Only a veto lifted:
    /// the report must still refer back to it.
    /// </summary>
    internal static bool RoseSinceItsDay(EventFacts later, EventFacts dated, decimal deadLater, decimal deadDated) =>
        IncidentAnchors.Days(later) is null && dated.Time?.Basis is null && IncidentAnchors.Days(dated) is { } day && deadLater > deadDated
        && later.Reported is { } reported && reported.DayNumber >= day.End.DayNumber && reported.DayNumber <= day.End.DayNumber + ReportLagDays;

    /// <summary>
    /// Whether one of two reports recalls the other's attack days later with its risen toll: a report of another outlet,
    /// published at least two days after both days its words give (a roundup or a follow-up, not the next day's news of a
    /// next attack), that gives the higher toll ("the March 3 attack that killed six" after Monday's four dead). Reporters
    /// date such an attack a day off; the day's slack is what it is for.
    /// </summary>
    internal static bool RecalledWithRisenToll(EventFacts a, EventFacts b, decimal deadA, decimal deadB)
    {
        if (a.Document == b.Document || !TollRose(a, b, deadA, deadB)) return false;
        var (later, other) = a.Reported > b.Reported ? (a, b) : (b, a);
        if (later.Reported is not { } reported || IncidentAnchors.Days(later) is not { } dl || IncidentAnchors.Days(other) is not { } dother) return false;
        var lastDay = Math.Max(dl.End.DayNumber, dother.End.DayNumber);
        return reported.DayNumber >= lastDay + IncidentAnchors.DaySlack + 1;
    }

    /// <summary>Whether the report published later gives the higher of the two tolls.</summary>
    internal static bool TollRose(EventFacts a, EventFacts b, decimal deadA, decimal deadB) =>
        a.Reported is { } ra && b.Reported is { } rb && (ra > rb && deadA > deadB || rb > ra && deadB > deadA);

    /// <summary>The most days a span of an event's words ("earlier this week") may cover and still tie it to a day it holds.</summary>
    public const int HoldingSpanDays = 7;

    /// <summary>
    /// The words of <paramref name="span"/>'s time when they give a few days of its own (not a day, not the publication's)
    /// that hold the day of <paramref name="day"/>; null otherwise. A day's slack before the span, as between two days:
    /// "earlier this week", read on a Wednesday as Monday to Wednesday, holds Sunday's attack for a week begun on Sunday.
    /// </summary>
    internal static string? SpanHolds(EventFacts span, EventFacts day) =>
        span.Time is { Basis: null, Start: { } s, End: { } e, Text: var words } && IncidentAnchors.Days(span) is null
        && e.DayNumber - s.DayNumber < HoldingSpanDays && day.Time?.Basis is null && IncidentAnchors.Days(day) is { } d
        && s.AddDays(-IncidentAnchors.DaySlack) <= d.Start && d.End <= e
            ? words : null;

    /// <summary>How many days before its report a single event with no resolved time may have happened.</summary>
    public const int ReportLagDays = 7;

    internal static (int Start, int End)? Window(EventFacts e) =>
        e.Time is { Start: { } s, End: { } end } ? (s.DayNumber, end.DayNumber)
        : e.Reported is { } r ? (r.DayNumber - ReportLagDays, r.DayNumber) : null;
}
