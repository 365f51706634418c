using System.Globalization;
using static Crosscheck.Language.CalendarTimes;

namespace Crosscheck.Language;

/// <summary>
/// Days written as numbers ("15/03/2026") and stretches of days of one month ("13-15 March", "between 13 and 15 March",
/// "from March 13 to 15").
/// </summary>
internal static class DayRanges
{
    /// <summary>
    /// "15/03/2026", "3/15/2026", "15.03.2026": a day, month and year joined by slashes (or dots). The day comes first where the first number
    /// cannot be a month, the month first where the second cannot be; when both could be a month and differ, the order is
    /// the writer's habit, which the words do not tell: the date stays unresolved (with its words).
    /// </summary>
    internal static bool TryNumericDate(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        var parts = w.Split(w.Contains('/') ? '/' : '.');
        if (parts.Length != 3 || !TryYear(parts[2], out var year) || !Number(parts[0], out var a) || !Number(parts[1], out var b)) return false;
        var dayFirst = a > 12 && b is >= 1 and <= 12;
        var monthFirst = b > 12 && a is >= 1 and <= 12;
        var same = a == b && a is >= 1 and <= 12;
        if (!dayFirst && !monthFirst && !same)
        {
            if (a is < 1 or > 12 || b is < 1 or > 12) return false;
            m = new TimeMatch(i, i + 1, Period.Unresolved(TimePrecision.Day));
            return true;
        }
        var (day, month) = monthFirst ? (b, a) : (a, b);
        if (!SafeDates.TryCreate(year, month, day, out var date)) return false;
        m = new TimeMatch(i, i + 1, Period.Day(date));
        return true;
    }

    /// <summary>
    /// Days of one month named first: "13-15 March", "13 to 15 March 2026", "between 13 and 15 March". Two numbers
    /// joined by "and" need "between" before them, and by "to" need "between" or "from" ("13 to 15 March" alone may
    /// count something else).
    /// </summary>
    internal static bool TryDaysFirst(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (Pair(s.Word(i)) is { } pair && s.At(i + 1) is { } mw && Lexicon.MonthOf(mw) != 0)
            return Resolve(s, i, i + 1, pair, i + 2, out m);
        if (!TryDay(s.Word(i), out var first) || !Joined(s, i - 1, i + 1) || s.At(i + 2) is not { } second || !TryDay(second, out var last)
            || s.At(i + 3) is not { } month || Lexicon.MonthOf(month) == 0) return false;
        return Resolve(s, i, i + 3, (first, last), i + 4, out m);
    }

    /// <summary>Days of one month named after it: "March 13-15", "Mar. 13-15, 2026", "between March 13 and 15".</summary>
    internal static bool TryMonthFirst(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var at = i + (s.Is(i + 1, ".") ? 2 : 1);
        if (s.At(at) is not { } w) return false;
        if (Pair(w) is { } pair) return Resolve(s, i, i, pair, at + 1, out m);
        if (!TryDay(w, out var first) || !Joined(s, i - 1, at + 1) || s.At(at + 2) is not { } second || !TryDay(second, out var last)) return false;
        return Resolve(s, i, i, (first, last), at + 3, out m);
    }

    /// <summary>Whether the word at <paramref name="join"/> joins two days a word before (<paramref name="lead"/>) opens: "between … and", "between|from … to".</summary>
    private static bool Joined(TimeScope s, int lead, int join) =>
        s.Is(lead, "between") && (s.Is(join, "and") || s.Is(join, "to")) || s.Is(lead, "from") && (s.Is(join, "to") || s.Is(join, "until"));

    /// <summary>The stretch from the first day to the last of the month at <paramref name="monthAt"/>, a year after the match read.</summary>
    private static bool Resolve(TimeScope s, int start, int monthAt, (int First, int Last) days, int end, out TimeMatch m)
    {
        m = default;
        if (days.First >= days.Last) return false;
        var month = Lexicon.MonthOf(s.Word(monthAt));
        int? year = null;
        // "13-15 March 2026", "March 13-15, 2026".
        if (s.At(end) is { } y && TryYear(y, out var yy)) { year = yy; end++; }
        else if (s.Is(end, ",") && s.At(end + 1) is { } y2 && TryYear(y2, out yy)) { year = yy; end += 2; }
        if (!TryDate(year, month, days.Last, s.Published, attributive: false, out var last)) return false;
        var period = Period.Unresolved(TimePrecision.Range);
        if (last.End is { } l)
        {
            if (!SafeDates.TryCreate(l.Year, l.Month, days.First, out var from)) return false;
            period = Period.Between(from, l, TimePrecision.Range);
        }
        m = new TimeMatch(start, end, period);
        return true;
    }

    /// <summary>"13-15": two day numbers, the first the smaller, in one word; null otherwise.</summary>
    private static (int First, int Last)? Pair(string w)
    {
        var dash = w.IndexOfAny(['-', '–']);
        if (dash <= 0 || !TryDay(w[..dash], out var a) || !TryDay(w[(dash + 1)..], out var b)) return null;
        return a < b ? (a, b) : null;
    }

    private static bool Number(string w, out int n) =>
        int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out n) && w.Length is 1 or 2;
}
