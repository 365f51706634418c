using System.Collections.Frozen;
using System.Collections.Immutable;
using static Crosscheck.Language.TimeCalendar;
using static Crosscheck.Language.RelativeTimes;
using static Crosscheck.Language.TimeRules;
using static Crosscheck.Language.VagueTimes;

namespace Crosscheck.Language;

/// <summary>Times named by the calendar: "September 5, 2025", "Sept. 5", "5 September", "April 2024", "in April", "2025-09-05", "in 2024", "the 1990s", seasons.</summary>
internal static class CalendarTimes
{
    private static TimeCues Cues => TimeCues.Default;

    /// <summary>
    /// A month at <paramref name="i"/>: "September 5, 2025", "Sept. 5", "September 2025", "April of 2024",
    /// "April last year", or a bare "April" after a preposition ("in April") or before "'s".
    /// </summary>
    internal static bool TryMonth(TimeScope s, int i, Pick pick, bool bare, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        var month = Lexicon.MonthOf(w);
        var pub = s.Published;
        if (DayRanges.TryMonthFirst(s, i, out m)) return true;
        if (s.At(i + 1) is { } next && TryDay(next, out var day))
        {
            var j = i + 2;
            int? year = null;
            if (s.Is(j, ",") && s.At(j + 1) is { } y1 && TryYear(y1, out var yy)) { year = yy; j += 2; }
            else if (s.At(j) is { } y2 && TryYear(y2, out yy)) { year = yy; j++; }
            var attributive = year is null && s.Is(i - 1, "the") && s.At(j) is { } after && after.Length > 1 && char.IsLower(after[0]);
            if (!TryDate(year, month, day, pub, attributive, out var period)) return false;
            m = new TimeMatch(i, j, period);
            return true;
        }
        if (s.At(i + 1) is { } y && TryYear(y, out var year2))
        {
            m = new TimeMatch(i, i + 2, MonthPeriod(SafeDates.Create(year2, month, 1)));
            return true;
        }
        if (s.Is(i + 1, "of") && s.At(i + 2) is { } y3 && TryYear(y3, out var year3))
        {
            m = new TimeMatch(i, i + 3, MonthPeriod(SafeDates.Create(year3, month, 1)));
            return true;
        }
        if (!Lexicon.IsFullMonthName(w)) return false;
        // "April last year", "March this year", "April of last year".
        var of = s.Is(i + 1, "of") ? 1 : 0;
        if (s.At(i + 2 + of) is { } yearWord && yearWord.Equals("year", StringComparison.OrdinalIgnoreCase) && s.At(i + 1 + of) is { } rel)
        {
            var shift = rel.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : rel.Equals("this", StringComparison.OrdinalIgnoreCase) ? 0
                : rel.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1 : (int?)null;
            if (shift is { } sh)
            {
                m = new TimeMatch(i, i + 3 + of, Relative(pub, p => MonthPeriod(SafeDates.Create(p.Year + sh, month, 1)), TimePrecision.Month));
                return true;
            }
        }
        var lead = s.At(i - 1);
        if (!bare && !(lead is not null && Cues.LeadIns.Contains(lead)) && !(s.Is(i + 1, "'s") || s.Is(i + 1, "’s")) && !Attributive(s, i)) return false;
        m = new TimeMatch(i, i + 1, ResolveMonth(pub, month, pick == Pick.Past ? DefaultPick(s, i) : pick));
        return true;
    }

    /// <summary>
    /// "the September fighting", "the July war": a full month name between "the" and a lower-case word that is no
    /// function word names the month of the thing after it.
    /// </summary>
    private static bool Attributive(TimeScope s, int i) =>
        s.Is(i - 1, "the") && s.At(i + 1) is { Length: > 2 } next && char.IsLower(next[0]) && !Cues.LeadIns.Contains(next)
        && next is not ("and" or "or" or "but" or "of" or "to" or "for" or "with" or "was" or "were" or "is" or "had" or "has" or "will" or "that" or "which");

    /// <summary>A month chosen by <paramref name="pick"/> ("last April"), the match starting at <paramref name="start"/>.</summary>
    internal static bool TryMonthAt(TimeScope s, int start, int monthAt, Pick pick, out TimeMatch m)
    {
        if (!TryMonth(s, monthAt, pick, bare: true, out m)) return false;
        m = m with { Start = start };
        return true;
    }

    internal static Period ResolveMonth(DateOnly? pub, int month, Pick pick) =>
        Relative(pub, p => Choose(y => MonthPeriod(SafeDates.Create(y, month, 1)), pick, p, p.Year), TimePrecision.Month);

    /// <summary>How far back a day used as an event's name ("the Sept. 2 attack") is taken to lie: half a year.</summary>
    private const int AttributiveDays = 183;

    /// <summary>A day of a month; without a year, the occurrence nearest publication (news omits the current year).</summary>
    internal static bool TryDate(int? year, int month, int day, DateOnly? pub, bool attributive, out Period period)
    {
        period = Period.Unresolved(TimePrecision.Day);
        if (year is { } y)
        {
            if (!SafeDates.TryCreate(y, month, day, out var date)) return false;
            period = Period.Day(date);
            return true;
        }
        if (day > (month == 2 ? 29 : DateTime.DaysInMonth(2001, month))) return false;
        if (pub is not { } p) return true;
        // "the Sept. 2 attack" names an event by its day: the latest such day on or before publication, when it lies
        // within the half year before it; an older one may be of any year ("the Oct. 7 attack" months later): left unresolved.
        if (attributive)
        {
            if (SafeDates.TryCreate(p.Year, month, day, out var thisYear) && thisYear > p) SafeDates.TryCreate(p.Year - 1, month, day, out thisYear);
            if (thisYear != default && thisYear <= p && p.DayNumber - thisYear.DayNumber <= AttributiveDays) period = Period.Day(thisYear);
            return true;
        }
        DateOnly? best = null;
        for (var cy = p.Year - 1; cy <= p.Year + 1; cy++)
        {
            // Years the calendar lacks (0, 10000) and days a month lacks in that year (Feb 29) are no candidates.
            if (!SafeDates.TryCreate(cy, month, day, out var d)) continue;
            if (best is null || Math.Abs(d.DayNumber - p.DayNumber) < Math.Abs(best.Value.DayNumber - p.DayNumber)) best = d;
        }
        if (best is { } b) period = Period.Day(b);
        return true;
    }

    /// <summary>A season: "spring 2024", "the summer of 2024", "in the spring", "last winter", "this fall".</summary>
    internal static bool TrySeason(TimeScope s, int at, int start, Pick? pick, out TimeMatch m)
    {
        m = default;
        var w = s.Word(at);
        if (char.IsUpper(w[0]) && at != s.Start) return false;
        var startMonth = Cues.Seasons[w];
        int? year = null;
        var end = at + 1;
        if (s.At(at + 1) is { } y && TryYear(y, out var yy)) { year = yy; end++; }
        else if (s.Is(at + 1, "of"))
        {
            // "the fall of Kabul" is no season.
            if (s.At(at + 2) is not { } y2 || !TryYear(y2, out yy)) return false;
            year = yy;
            end += 2;
        }
        if (year is { } known)
        {
            m = new TimeMatch(start, end, SeasonPeriod(known, startMonth));
            return true;
        }
        if (pick is null)
        {
            // A bare season needs a preposition before it (or before its "the").
            var leadAt = start - 1;
            if (s.At(leadAt) is not { } lead || !Cues.LeadIns.Contains(lead)) return false;
            pick = DefaultPick(s, start);
        }
        var chosen = pick.Value;
        m = new TimeMatch(start, end, Relative(s.Published, p =>
        {
            if (chosen == Pick.This && startMonth == 12)
            {
                // "this winter": the one under way, else the next.
                return Choose(y => SeasonPeriod(y, 12), Pick.Future, p, p.Year);
            }
            return Choose(y => SeasonPeriod(y, startMonth), chosen, p, p.Year);
        }, TimePrecision.Season));
        return true;
    }

    /// <summary>Digits: "three days ago", an ISO date, "5 September 2025", a decade, or a year after a preposition.</summary>
    internal static bool TryDigits(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        // "2000 days ago" counts days back, whatever the number would be as a year.
        if (TryAgo(s, i, out m)) return true;
        // An ISO date in prose is a date only in a year a year word may name (1800-2100): "0001-01-01" is no day of news.
        if (w.Length == 10 && DateOnly.TryParseExact(w, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var iso) && TryYear(w[..4], out _))
        {
            m = new TimeMatch(i, i + 1, Period.Day(iso));
            return true;
        }
        if (DayRanges.TryNumericDate(s, i, out m) || DayRanges.TryDaysFirst(s, i, out m) || TryDayFirst(s, i, out m)) return true;
        if (w.Length == 5 && w[4] == 's' && w[3] == '0' && TryYear(w[..4], out var decade))
        {
            m = new TimeMatch(i, i + 1, Period.Between(SafeDates.Create(decade, 1, 1), SafeDates.Create(decade + 9, 12, 31), TimePrecision.Range));
            return true;
        }
        if (TryYear(w, out var year))
        {
            var lead = s.At(i - 1);
            var next = s.At(i + 1);
            var yearLike = lead is not null && Cues.LeadIns.Contains(lead)
                           || next is "'s" or "’s"
                           // "the 2024 election", "a 2019 raid" (not "a 2000 km front": no measure after "a")
                           || lead is not null && (lead.Equals("the", StringComparison.OrdinalIgnoreCase)
                               || lead.ToLowerInvariant() is "a" or "an" && next is not null && !Cues.Measures.Contains(next))
                              && next is not null && next.Length > 1 && char.IsLower(next[0]) && !Lexicon.IsPluralNoun(next)
                           // "between 1995 and 2000"
                           || lead is "and" or "to" or "-" or "–" && s.At(i - 2) is { } prevYear && TryYear(prevYear, out _);
            if (!yearLike) return false;
            m = new TimeMatch(i, i + 1, YearPeriod(year));
            return true;
        }
        return false;
    }

    /// <summary>"5 September 2025", "5 Sept", "5th September".</summary>
    internal static bool TryDayFirst(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (!TryDay(s.Word(i), out var day) || s.At(i + 1) is not { } mw || Lexicon.MonthOf(mw) is not (var month and not 0)) return false;
        var j = i + 2;
        int? year = null;
        if (s.At(j) is { } y && TryYear(y, out var yy)) { year = yy; j++; }
        if (!TryDate(year, month, day, s.Published, attributive: false, out var period)) return false;
        m = new TimeMatch(i, j, period);
        return true;
    }

    internal static bool TryYear(string w, out int year)
    {
        year = 0;
        if (w.Length != 4) return false;
        foreach (var c in w) if (!char.IsAsciiDigit(c)) return false;
        year = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
        return year is >= 1800 and <= 2100;
    }

    /// <summary>"5", "05", "5th", "21st": a day of a month.</summary>
    internal static bool TryDay(string w, out int day)
    {
        day = 0;
        var n = 0;
        while (n < w.Length && n < 3 && char.IsAsciiDigit(w[n])) { day = day * 10 + (w[n] - '0'); n++; }
        if (n is 0 or > 2 || day is < 1 or > 31) return false;
        var rest = w.AsSpan(n);
        return rest.Length == 0 || rest is "st" or "nd" or "rd" or "th";
    }
}
