using System.Collections.Frozen;
using System.Collections.Immutable;
using static Crosscheck.Language.TimeCalendar;
using static Crosscheck.Language.CalendarTimes;
using static Crosscheck.Language.RelativeTimes;
using static Crosscheck.Language.TimeRules;

namespace Crosscheck.Language;

/// <summary>Times opened by "the" and vague stretches: "over the weekend", "the past two weeks", "the coming days", "recent weeks".</summary>
internal static class VagueTimes
{
    private static TimeCues Cues => TimeCues.Default;

    /// <summary>"over the weekend", "the past two weeks", "the coming days", "the spring of 2024".</summary>
    internal static bool TryThe(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var x = s.At(i + 1);
        if (x is null) return false;
        var pub = s.Published;
        if (x.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            // "over the weekend"; "the weekend attack", "the weekend's shelling": an event the weekend describes.
            var described = s.At(i + 2) is { } next && (Cues.WeekendNouns.Contains(next)
                || next is "'s" or "’s" && s.At(i + 3) is { } owned && Cues.WeekendNouns.Contains(owned));
            if (!described && (s.At(i - 1) is not { } lead || !Cues.WeekendLeadIns.Contains(lead))) return false;
            var pick = DefaultPick(s, i);
            m = new TimeMatch(i, i + 2, Relative(pub, p =>
            {
                // The weekend whose Saturday is the latest on or before publication (or the next one ahead).
                var back = ((int)p.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7;
                var saturday = SafeDates.AddDays(p, pick == Pick.Future && back != 0 ? 7 - back : -back);
                return Period.Between(saturday, SafeDates.AddDays(saturday, 1), TimePrecision.Range);
            }, TimePrecision.Range));
            return true;
        }
        if (x.Equals("past", StringComparison.OrdinalIgnoreCase) || x.Equals("last", StringComparison.OrdinalIgnoreCase))
            return TryRolling(s, i, i + 2, back: true, out m);
        if (x.Equals("coming", StringComparison.OrdinalIgnoreCase) || x.Equals("next", StringComparison.OrdinalIgnoreCase))
            return TryRolling(s, i, i + 2, back: false, out m);
        if (Cues.Seasons.ContainsKey(x)) return TrySeason(s, i + 1, i, null, out m);
        // "the start of the year", "the beginning of March", "the end of last month": that part of the month or year.
        if (Cues.PeriodParts.TryGetValue(x, out var part) && s.Is(i + 2, "of")) return TryPart(s, i, i + 3, part, out m);
        return TryOrdinalDay(s, i, x, out m);
    }

    /// <summary>
    /// "on the 14th": a day of a month named by its ordinal alone is of the publication's month when it is not after
    /// publication, else of the month before (the coming one after a future word in its clause). Only after "on" or a
    /// part of a day and "of" ("the morning of the 14th"), and before no noun: "the 16th strike" counts strikes.
    /// </summary>
    private static bool TryOrdinalDay(TimeScope s, int i, string x, out TimeMatch m)
    {
        m = default;
        if (!char.IsAsciiDigit(x[0]) || char.IsAsciiDigit(x[^1]) || !CalendarTimes.TryDay(x, out var day)) return false;
        // "on the 14th", "the morning of the 14th".
        var partOf = s.Is(i - 1, "of") && s.At(i - 2) is { } part && Cues.DayParts.Contains(part) && s.Is(i - 3, "the");
        if (!partOf && (s.At(i - 1) is not { } lead || !lead.Equals("on", StringComparison.OrdinalIgnoreCase))) return false;
        // A verb after it ("the strike on the 9th killed four") shows it counts no noun.
        if (s.At(i + 2) is { } next && char.IsLetter(next[0]) && !Cues.OrdinalDayFollowers.Contains(next) && !IsVerb(s, i + 2)) return false;
        var pick = DefaultPick(s, i);
        m = new TimeMatch(i, i + 2, Relative(s.Published, p =>
        {
            // The latest month (or, ahead, the earliest) holding that day on the right side of publication.
            for (var k = 0; k < 3; k++)
            {
                var month = SafeDates.AddMonths(new DateOnly(p.Year, p.Month, 1), pick == Pick.Future ? k : -k);
                if (month is not { } first || day > DateTime.DaysInMonth(first.Year, first.Month)) continue;
                var date = new DateOnly(first.Year, first.Month, day);
                if (pick == Pick.Future ? date >= p : date <= p) return Period.Day(date);
            }
            return Period.Unresolved(TimePrecision.Day);
        }, TimePrecision.Day));
        return true;
    }

    /// <summary>Whether the tagger reads the word as a verb or a modal (false when the text is untagged).</summary>
    private static bool IsVerb(TimeScope s, int i) => s.Text.PosOf(i) is { } pos && (pos.StartsWith("VB", StringComparison.Ordinal) || pos == "MD");

    /// <summary>"the past two weeks" is [publication - 14 days, publication]; "the coming days" counts forward; no number means one.</summary>
    internal static bool TryRolling(TimeScope s, int start, int j, bool back, out TimeMatch m)
    {
        m = default;
        decimal count = 1;
        var counted = false;
        if (s.Is(j, "few")) { count = 5; j++; counted = true; }
        else if (j < s.End && Quantities.TryParse(s.Text, j, s.End, out var q))
        {
            count = q.Max ?? q.Min;
            j = q.End;
            counted = true;
        }
        if (s.At(j) is not { } u || !Cues.Units.TryGetValue(u, out var unit) || s.Is(j + 1, "of")) return false;
        // "the next day" points back to an earlier event, not forward from publication.
        if (!back && !counted && u[^1] != 's' && !s.Word(start + 1).Equals("coming", StringComparison.OrdinalIgnoreCase)) return false;
        // "the last days" with no number is vague: a week of days, four weeks, six months, five years, as with "recent".
        if (j == start + 2 && u[^1] == 's') return TryRecentUnit(s, start, j, unit, back, out m);
        // A count past int's range reaches beyond the calendar in every unit (hours included): no date.
        var ceiling = decimal.Ceiling(count);
        long? n = ceiling <= int.MaxValue ? (long)ceiling : null;
        m = new TimeMatch(start, j + 1, Relative(s.Published, p =>
        {
            var other = n is { } k ? Shift(p, unit, back ? -k : k) : null;
            return back ? Period.Between(other, p, TimePrecision.Range) : Period.Between(p, other, TimePrecision.Range);
        }, TimePrecision.Range));
        return true;
    }

    /// <summary>"recent days" is the week before publication, "recent weeks" four weeks, "recent months" six months, "recent years" five years.</summary>
    internal static bool TryRecent(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (s.At(i + 1) is not { } u || u[^1] != 's' || !Cues.Units.TryGetValue(u, out var unit)) return false;
        return TryRecentUnit(s, i, i + 1, unit, back: true, out m);
    }

    internal static bool TryRecentUnit(TimeScope s, int start, int unitAt, TimeUnit unit, bool back, out TimeMatch m)
    {
        m = new TimeMatch(start, unitAt + 1, Relative(s.Published, p =>
        {
            var sign = back ? -1 : 1;
            var other = unit switch
            {
                TimeUnit.Hour => SafeDates.AddDays(p, sign),
                TimeUnit.Day => SafeDates.AddDays(p, 7 * sign),
                TimeUnit.Week => SafeDates.AddDays(p, 28 * sign),
                TimeUnit.Month => SafeDates.AddMonths(p, 6 * sign),
                _ => SafeDates.AddYears(p, 5 * sign),
            };
            return back ? Period.Between(other, p, TimePrecision.Range) : Period.Between(p, other, TimePrecision.Range);
        }, TimePrecision.Range));
        return true;
    }
}
