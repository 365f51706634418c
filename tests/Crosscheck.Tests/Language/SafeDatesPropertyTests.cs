using Crosscheck.Language;
using FsCheck.Fluent;

namespace Crosscheck.Tests.Language;

/// <summary>Calendar arithmetic that never throws: DateOnly's answer when there is one, no date when there is none.</summary>
public sealed class SafeDatesPropertyTests
{
    private static readonly FsCheck.Gen<long> AnyOffset = Gen.Frequency(
        (4, Gen.Choose(-400, 400).Select(i => (long)i)),
        (3, Gen.Choose(-4_000_000, 4_000_000).Select(i => (long)i)),
        (1, Gen.Elements(long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, -3_652_059L, 3_652_059L, 0L)));

    [Fact]
    public void Adding_days_gives_DateOnlys_answer_or_no_date_when_it_leaves_the_calendar()
    {
        PropertyCheck.ForAll(PropertyCheck.AnyDay.Zip(AnyOffset), c =>
        {
            var (day, offset) = c;
            var fits = day.DayNumber + (decimal)offset is >= 0 and <= 3_652_058;
            SafeDates.TryAddDays(day, offset, out var result).ShouldBe(fits);
            if (fits) result.ShouldBe(day.AddDays((int)offset));
        }, count: 500);
    }

    [Fact]
    public void Adding_months_and_years_gives_DateOnlys_answer_or_no_date_when_it_leaves_the_calendar()
    {
        PropertyCheck.ForAll(PropertyCheck.AnyDay.Zip(AnyOffset), c =>
        {
            var (day, offset) = c;
            var monthIndex = day.Year * 12m + day.Month - 1 + offset;
            var monthFits = monthIndex is >= 12 and < 120_000;
            SafeDates.TryAddMonths(day, offset, out var byMonths).ShouldBe(monthFits);
            if (monthFits) byMonths.ShouldBe(day.AddMonths((int)offset));

            var yearFits = day.Year + (decimal)offset is >= 1 and <= 9999;
            SafeDates.TryAddYears(day, offset, out var byYears).ShouldBe(yearFits);
            if (yearFits) byYears.ShouldBe(day.AddYears((int)offset));
        }, count: 500);
    }

    [Fact]
    public void A_date_is_created_only_when_the_calendar_has_that_day()
    {
        var parts = PropertyCheck.Zip(Gen.Choose(-2, 10_002), Gen.Choose(-1, 14), Gen.Choose(-1, 32));
        PropertyCheck.ForAll(parts, p =>
        {
            var (year, month, day) = p;
            var exists = year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
            SafeDates.Create(year, month, day).ShouldBe(exists ? new DateOnly(year, month, day) : null);
        }, count: 500);
    }
}
