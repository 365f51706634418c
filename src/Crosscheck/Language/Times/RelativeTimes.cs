using System.Collections.Frozen;
using System.Collections.Immutable;
using static Crosscheck.Language.TimeCalendar;
using static Crosscheck.Language.CalendarTimes;
using static Crosscheck.Language.TimeRules;
using static Crosscheck.Language.VagueTimes;

namespace Crosscheck.Language;

/// <summary>Times counted from publication: "last week", "this Friday", "early September", "the past two weeks", "recent days", "three days ago", weekdays.</summary>
internal static class RelativeTimes
{
    private static TimeCues Cues => TimeCues.Default;

    /// <summary>"this week", "last month", "next year", "last Friday", "this spring", "last night", "next weekend".</summary>
    internal static bool TryDeictic(TimeScope s, int i, Pick pick, out TimeMatch m)
    {
        m = default;
        var x = s.At(i + 1);
        if (x is null) return false;
        var pub = s.Published;
        var shift = pick switch { Pick.Last => -1, Pick.Next => 1, _ => 0 };
        Period period;
        if (Cues.Units.TryGetValue(x, out var unit) && x[^1] != 's' && unit is TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)
        {
            period = unit switch
            {
                TimeUnit.Week => Relative(pub, p => Week(SafeDates.AddDays(WeekStart(p), 7 * shift)), TimePrecision.Week),
                TimeUnit.Month => Relative(pub, p => MonthPeriod(SafeDates.AddMonths(p, shift)), TimePrecision.Month),
                _ => Relative(pub, p => YearPeriod(p.Year + shift), TimePrecision.Year),
            };
        }
        else if (x.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            period = Relative(pub, p =>
            {
                var saturday = SafeDates.AddDays(WeekStart(p), 5 + 7 * shift);
                return Period.Between(saturday, SafeDates.AddDays(saturday, 1), TimePrecision.Range);
            }, TimePrecision.Range);
        }
        else if (Lexicon.TryWeekday(x, out var day)) return TryWeekday(s, i + 1, day, pick, i, out m);
        else if (Lexicon.MonthOf(x) != 0 && Lexicon.IsFullMonthName(x)) return TryMonthAt(s, i, i + 1, pick, out m);
        else if (Cues.Seasons.ContainsKey(x)) return TrySeason(s, i + 1, i, pick, out m);
        else if (pick == Pick.Last && x.Equals("night", StringComparison.OrdinalIgnoreCase))
            period = Relative(pub, p => Period.Day(SafeDates.AddDays(p, -1)), TimePrecision.Day);
        else if (pick == Pick.This && (x.Equals("morning", StringComparison.OrdinalIgnoreCase) || x.Equals("afternoon", StringComparison.OrdinalIgnoreCase)
                 || x.Equals("evening", StringComparison.OrdinalIgnoreCase)))
            period = Relative(pub, p => Period.Day(p), TimePrecision.Day);
        else return false;
        m = new TimeMatch(i, i + 2, period);
        return true;
    }

    /// <summary>"earlier this year" runs from the start of the year to publication; "later this month" from publication to its end.</summary>
    internal static bool TryEarlierLater(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (!s.Is(i + 1, "this") || s.At(i + 2) is not { } x || !Cues.Units.TryGetValue(x, out var unit) || x[^1] == 's'
            || unit is TimeUnit.Hour or TimeUnit.Day) return false;
        var earlier = s.Word(i).Equals("earlier", StringComparison.OrdinalIgnoreCase);
        var period = Relative(s.Published, p =>
        {
            var whole = unit switch { TimeUnit.Week => Week(WeekStart(p)), TimeUnit.Month => MonthPeriod(p), _ => YearPeriod(p.Year) };
            return earlier ? Period.Between(whole.Start, p, TimePrecision.Range) : Period.Between(p, whole.End, TimePrecision.Range);
        }, TimePrecision.Range);
        m = new TimeMatch(i, i + 3, period);
        return true;
    }

    /// <summary>"early September" (days 1-10), "mid-September" (11-20), "late September" (21 to the end); "early 2025" (January-April), "mid-2025" (May-August), "late 2025" (September-December).</summary>
    internal static bool TryPart(TimeScope s, int start, int j, Part part, out TimeMatch m)
    {
        m = default;
        var x = s.At(j);
        if (x is null) return false;
        // "early on Sunday", "late on Monday": a weekday after "on".
        if (part != Part.Mid && x.Equals("on", StringComparison.OrdinalIgnoreCase) && s.At(j + 1) is { } onDay && Lexicon.TryWeekday(onDay, out var dayOn))
        {
            return TryWeekday(s, j + 1, dayOn, DefaultPick(s, start), start, out m);
        }
        TimeMatch inner;
        // "the start of the year", "the end of the month": the one publication falls in, as "this" says.
        var theUnit = x.Equals("the", StringComparison.OrdinalIgnoreCase) && s.At(j + 1) is "year" or "month";
        if (theUnit || x.Equals("this", StringComparison.OrdinalIgnoreCase) || x.Equals("last", StringComparison.OrdinalIgnoreCase) || x.Equals("next", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDeictic(s, j, theUnit || x.Equals("this", StringComparison.OrdinalIgnoreCase) ? Pick.This : x.Equals("last", StringComparison.OrdinalIgnoreCase) ? Pick.Last : Pick.Next, out inner)) return false;
        }
        else if (Lexicon.MonthOf(x) != 0 && Lexicon.IsFullMonthName(x))
        {
            if (!TryMonthAt(s, j, j, DefaultPick(s, start), out inner)) return false;
        }
        else if (TryYear(x, out var year)) inner = new TimeMatch(j, j + 1, YearPeriod(year));
        else if (part != Part.Mid && Lexicon.TryWeekday(x, out var day))
        {
            return TryWeekday(s, j, day, DefaultPick(s, start), start, out m);
        }
        else return false;
        if (inner.Time.Precision is not (TimePrecision.Month or TimePrecision.Year)) return false;
        m = new TimeMatch(start, inner.End, PartOf(inner.Time, part));
        return true;
    }

    internal static bool TryMidToken(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        var rest = w.AsSpan(4);
        // "mid-September", "mid-2025": the tokenizer keeps them whole.
        if (rest.Length == 0) return false;
        var restText = w[4..];
        Period inner;
        if (Lexicon.MonthOf(restText) is var month and not 0)
        {
            var end = i + 1;
            int? year = null;
            if (s.At(i + 1) is { } y && TryYear(y, out var yy)) { year = yy; end++; }
            inner = year is { } known ? MonthPeriod(SafeDates.Create(known, month, 1)) : ResolveMonth(s.Published, month, DefaultPick(s, i));
            m = new TimeMatch(i, end, PartOf(inner, Part.Mid));
            return true;
        }
        if (TryYear(restText, out var yr))
        {
            m = new TimeMatch(i, i + 1, PartOf(YearPeriod(yr), Part.Mid));
            return true;
        }
        return false;
    }

    /// <summary>
    /// A weekday at <paramref name="at"/>, the match starting at <paramref name="start"/>: with a date after it
    /// ("Friday, Sept. 5") the date decides; otherwise <paramref name="pick"/> does.
    /// </summary>
    internal static bool TryWeekday(TimeScope s, int at, DayOfWeek day, Pick pick, int start, out TimeMatch m)
    {
        var dateAt = s.Is(at + 1, ",") ? at + 2 : at + 1;
        if (s.At(dateAt) is { } d && (Lexicon.MonthOf(d) != 0 && TryMonth(s, dateAt, Pick.Past, bare: false, out var date) && date.Time.Precision == TimePrecision.Day
                                     || char.IsAsciiDigit(d[0]) && TryDayFirst(s, dateAt, out date)))
        {
            m = new TimeMatch(start, date.End, date.Time);
            return true;
        }
        // "Tuesday night", "Monday morning": the same day, the part of it kept in the words.
        var end = s.At(at + 1) is { } part && Cues.DayParts.Contains(part) ? at + 2 : at + 1;
        // "Thursday last week", "Monday of next week": that day of that calendar week, whatever the pick.
        var of = s.Is(end, "of") ? 1 : 0;
        if (s.Is(end + of + 1, "week") && s.At(end + of) is { } which && WeekShift(which) is { } weeks)
        {
            m = new TimeMatch(start, end + of + 2, Relative(s.Published, p => Period.Day(SafeDates.AddDays(WeekStart(p), 7 * weeks + ((int)day + 6) % 7)), TimePrecision.Day));
            return true;
        }
        // "on Saturday and Sunday": two days of one week are the span from the first to the second.
        if (s.Is(end, "and") && s.At(end + 1) is { } next && Lexicon.TryWeekday(next, out var second) && second != day)
        {
            m = new TimeMatch(start, end + 2, Relative(s.Published, p => TwoDays(Weekday(day, pick, p), Weekday(second, pick, p)), TimePrecision.Range));
            return true;
        }
        m = new TimeMatch(start, end, Relative(s.Published, p => Period.Day(Weekday(day, pick, p)), TimePrecision.Day));
        return true;
    }

    /// <summary>The calendar weeks "last", "this" or "next" before "week" moves from the publication's; null for other words.</summary>
    private static int? WeekShift(string word) => word.ToLowerInvariant() switch
    {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => null,
    };

    /// <summary>The span of two weekdays read alike ("Saturday and Sunday"): from the earlier to the later, at most a week.</summary>
    private static Period TwoDays(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y) return Period.Unresolved(TimePrecision.Range);
        var (from, to) = x <= y ? (x, y) : (y, x);
        return to.DayNumber - from.DayNumber <= 6 ? Period.Between(from, to, TimePrecision.Range) : Period.Day(x);
    }

    /// <summary>
    /// "three days ago" is that day; "two weeks ago" the week (Monday to Sunday) holding the day 14 days back;
    /// months and years the same. A vague count ("a few weeks ago") gives the range its bounds allow.
    /// </summary>
    internal static bool TryAgo(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        decimal lo, hi;
        int unitAt;
        var w = s.Word(i);
        if (Quantities.TryParse(s.Text, i, s.End, out var q))
        {
            if (q.Max is not { } max) return false;
            lo = q.Min;
            hi = max;
            unitAt = q.End;
        }
        else if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            lo = hi = 1;
            unitAt = i + 1;
        }
        else return false;
        if (s.At(unitAt) is not { } u || !Cues.Units.TryGetValue(u, out var unit) || !s.Is(unitAt + 1, "ago")) return false;
        if (lo != decimal.Truncate(lo) || hi != decimal.Truncate(hi) || hi > 10_000) return false;
        var a = (int)lo;
        var b = (int)hi;
        var precision = a != b ? TimePrecision.Range : unit switch
        {
            TimeUnit.Hour or TimeUnit.Day => TimePrecision.Day,
            TimeUnit.Week => TimePrecision.Week,
            TimeUnit.Month => TimePrecision.Month,
            _ => TimePrecision.Year,
        };
        m = new TimeMatch(i, unitAt + 2, Relative(s.Published, p =>
        {
            if (a != b) return Period.Between(Shift(p, unit, -b), Shift(p, unit, -a), precision);
            if (Shift(p, unit, -a) is not { } d) return Period.Unresolved(precision);
            return unit switch
            {
                TimeUnit.Hour or TimeUnit.Day => Period.Day(d),
                TimeUnit.Week => Week(WeekStart(d)),
                TimeUnit.Month => MonthPeriod(d),
                _ => YearPeriod(d.Year),
            };
        }, precision));
        return true;
    }
}
