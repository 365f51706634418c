using System.Collections.Frozen;
using System.Collections.Immutable;
using static Crosscheck.Language.CalendarTimes;
using static Crosscheck.Language.RelativeTimes;
using static Crosscheck.Language.TimeRules;
using static Crosscheck.Language.VagueTimes;

namespace Crosscheck.Language;

/// <summary>
/// Calendar arithmetic for times. Every step goes through <see cref="SafeDates"/>: a publication date near either end of the
/// calendar (0001-01-01 and 9999-12-31 both occur in real metadata) must leave a time unresolved, never throw.
/// </summary>
internal static class TimeCalendar
{
    internal static Period PartOf(Period whole, Part part)
    {
        if (whole.Start is not { } a || whole.End is not { } b) return Period.Unresolved(TimePrecision.Range);
        if (whole.Precision == TimePrecision.Month)
        {
            // a is the first of a month, so its 10th, 11th, 20th and 21st days always exist.
            return part switch
            {
                Part.Early => new Period(a, a.AddDays(9), TimePrecision.Range),
                Part.Mid => new Period(a.AddDays(10), a.AddDays(19), TimePrecision.Range),
                _ => new Period(a.AddDays(20), b, TimePrecision.Range),
            };
        }
        return part switch
        {
            Part.Early => new Period(a, new DateOnly(a.Year, 4, 30), TimePrecision.Range),
            Part.Mid => new Period(new DateOnly(a.Year, 5, 1), new DateOnly(a.Year, 8, 31), TimePrecision.Range),
            _ => new Period(new DateOnly(a.Year, 9, 1), b, TimePrecision.Range),
        };
    }

    /// <summary><paramref name="n"/> units after <paramref name="d"/> (before it when negative); hours count in whole days, rounded away from publication.</summary>
    internal static DateOnly? Shift(DateOnly d, TimeUnit unit, long n) => unit switch
    {
        TimeUnit.Hour => SafeDates.AddDays(d, n >= 0 ? (n + 23) / 24 : -((-n + 23) / 24)),
        TimeUnit.Day => SafeDates.AddDays(d, n),
        TimeUnit.Week => SafeDates.AddDays(d, 7 * n),
        TimeUnit.Month => SafeDates.AddMonths(d, n),
        _ => SafeDates.AddYears(d, n),
    };

    /// <summary>The Monday on or before <paramref name="d"/> (0001-01-01 is a Monday, so one always exists).</summary>
    internal static DateOnly WeekStart(DateOnly d) => DateOnly.FromDayNumber(d.DayNumber - (((int)d.DayOfWeek + 6) % 7));

    internal static Period Week(DateOnly? monday) => Period.Between(monday, SafeDates.AddDays(monday, 6), TimePrecision.Week);

    internal static Period MonthPeriod(DateOnly? d) =>
        d is { } x ? new(new DateOnly(x.Year, x.Month, 1), SafeDates.EndOfMonth(x), TimePrecision.Month) : Period.Unresolved(TimePrecision.Month);

    internal static Period YearPeriod(int year) =>
        Period.Between(SafeDates.Create(year, 1, 1), SafeDates.Create(year, 12, 31), TimePrecision.Year);

    /// <summary>Meteorological seasons: spring March-May, summer June-August, autumn September-November, winter December to February of the next year.</summary>
    internal static Period SeasonPeriod(int year, int startMonth)
    {
        var start = SafeDates.Create(year, startMonth, 1);
        var last = SafeDates.AddMonths(start, 2);
        return Period.Between(start, last is { } l ? SafeDates.EndOfMonth(l) : null, TimePrecision.Season);
    }

    internal static DateOnly? Weekday(DayOfWeek day, Pick pick, DateOnly pub)
    {
        var back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
        var ahead = ((int)day - (int)pub.DayOfWeek + 7) % 7;
        return pick switch
        {
            Pick.Future => SafeDates.AddDays(pub, ahead),
            Pick.Last => SafeDates.AddDays(pub, back == 0 ? -7 : -back),
            Pick.Next => SafeDates.AddDays(pub, ahead == 0 ? 7 : ahead),
            Pick.This => SafeDates.AddDays(WeekStart(pub), ((int)day + 6) % 7),
            _ => SafeDates.AddDays(pub, -back),
        };
    }

    /// <summary>Chooses among a recurring period's occurrences (indexed by year) as <paramref name="pick"/> says.</summary>
    internal static Period Choose(Func<int, Period> occurrence, Pick pick, DateOnly pub, int thisYear)
    {
        if (pick == Pick.This) return occurrence(thisYear);
        Period? chosen = null;
        for (var y = pub.Year - 2; y <= pub.Year + 1; y++)
        {
            var o = occurrence(y);
            // An occurrence in a year the calendar lacks (before year 1, after 9999) is no candidate.
            if (o.Start is not { } start || o.End is not { } end) continue;
            var fits = pick switch
            {
                Pick.Future => end >= pub,
                Pick.Last => end < pub,
                Pick.Next => start > pub,
                _ => start <= pub,
            };
            if (!fits) continue;
            // Past and Last keep the latest that fits; Future and Next the earliest.
            if (pick is Pick.Future or Pick.Next) return o;
            chosen = o;
        }
        return chosen ?? Period.Unresolved(TimePrecision.Month);
    }
}
