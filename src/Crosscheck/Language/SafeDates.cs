namespace Crosscheck.Language;

/// <summary>
/// Calendar arithmetic that cannot throw: a result outside <see cref="DateOnly.MinValue"/> to
/// <see cref="DateOnly.MaxValue"/> (years 1 to 9999) is no date (false, or null) rather than an exception,
/// for any date and any offset. Within range every result equals what <see cref="DateOnly"/>'s own methods give
/// (months and years clamp the day to the end of a shorter month, as <see cref="DateOnly.AddMonths"/> does).
/// </summary>
internal static class SafeDates
{
    private const int MinYear = 1;
    private const int MaxYear = 9999;

    /// <summary>True for a year <see cref="DateOnly"/> can hold.</summary>
    public static bool IsYear(long year) => year is >= MinYear and <= MaxYear;

    public static bool TryAddDays(DateOnly date, long days, out DateOnly result)
    {
        result = default;
        // Compared before adding, so no offset (long.MinValue included) can overflow the sum.
        if (days < DateOnly.MinValue.DayNumber - date.DayNumber || days > DateOnly.MaxValue.DayNumber - date.DayNumber) return false;
        result = DateOnly.FromDayNumber(date.DayNumber + (int)days);
        return true;
    }

    public static bool TryAddMonths(DateOnly date, long months, out DateOnly result)
    {
        result = default;
        const long span = (MaxYear - MinYear + 1) * 12L;
        if (months < -span || months > span) return false;
        var index = (date.Year - MinYear) * 12L + (date.Month - 1) + months;
        if (index < 0 || index >= span) return false;
        var year = (int)(index / 12) + MinYear;
        var month = (int)(index % 12) + 1;
        result = new DateOnly(year, month, Math.Min(date.Day, DateTime.DaysInMonth(year, month)));
        return true;
    }

    public static bool TryAddYears(DateOnly date, long years, out DateOnly result)
    {
        result = default;
        return years >= -MaxYear && years <= MaxYear && TryAddMonths(date, years * 12, out result);
    }

    /// <summary>The date of <paramref name="year"/>, <paramref name="month"/>, <paramref name="day"/> when the calendar has it.</summary>
    public static bool TryCreate(long year, int month, int day, out DateOnly result)
    {
        result = default;
        if (!IsYear(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, month)) return false;
        result = new DateOnly((int)year, month, day);
        return true;
    }

    // Null-propagating forms, so a chain of steps ("the Monday of the week, then seven days on") stays one expression.

    public static DateOnly? AddDays(DateOnly? date, long days) => date is { } d && TryAddDays(d, days, out var r) ? r : null;

    public static DateOnly? AddMonths(DateOnly? date, long months) => date is { } d && TryAddMonths(d, months, out var r) ? r : null;

    public static DateOnly? AddYears(DateOnly? date, long years) => date is { } d && TryAddYears(d, years, out var r) ? r : null;

    public static DateOnly? Create(long year, int month, int day) => TryCreate(year, month, day, out var r) ? r : null;

    /// <summary>The last day of <paramref name="date"/>'s month (always representable).</summary>
    public static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
