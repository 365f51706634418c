using System.Globalization;
using Crosscheck.Language;
using FsCheck;
using FsCheck.Fluent;

namespace Crosscheck.Tests.Language;

/// <summary>
/// Time expressions against any publication date, years 1 to 9999: reading never throws, and a time is anchored
/// exactly when publication and its days lie in the sane range (years 1000-2999), relating to publication as the rules say (times.spec.md).
/// </summary>
public sealed class TimePropertyTests
{
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new TimeRecognizer()).Build();

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] Units = ["hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"];

    /// <summary>Counts as a writer may give them, from "a" to more digits than any number type holds.</summary>
    private static readonly Gen<string> Count = Gen.OneOf(
        Gen.Choose(0, 40).Select(Invariant),
        Gen.Choose(0, 12_000).Select(Invariant),
        Gen.Choose(0, int.MaxValue).Select(Invariant),
        Gen.Elements("a", "an", "a few", "several", "two", "twenty-five", "one hundred", "three thousand", "a million", "dozens of",
            "99999999999999999999999", "12345678901234567890", "79228162514264337593543950335", "1.5", "2,500", "3.5 million",
            "9 trillion trillion", "one hundred one hundred one hundred one hundred one hundred one hundred one hundred one hundred one hundred one hundred"));

    private static readonly Gen<string> YearText = Gen.OneOf(Gen.Choose(1, 9999).Select(y => y.ToString("0000", CultureInfo.InvariantCulture)),
        Gen.Choose(1790, 2110).Select(Invariant));

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.Elements(Weekdays).Select(d => "on " + d),
        Gen.Elements("last", "next", "this", "early", "late").Zip(Gen.Elements(Weekdays)).Select(p => $"{p.Item1} {p.Item2}"),
        Gen.Elements("yesterday", "today", "tomorrow", "tonight", "last night", "this morning", "over the weekend", "at the weekend",
            "recent days", "recent weeks", "recent months", "recent years", "at the time", "in the spring", "last winter", "this winter",
            "next summer", "this fall", "earlier this year", "later this month", "earlier this week", "the past few days", "the coming weeks"),
        Gen.Elements("last", "next", "this").Zip(Gen.Elements("week", "month", "year", "weekend")).Select(p => $"{p.Item1} {p.Item2}"),
        Count.Zip(Gen.Elements(Units)).Select(p => $"{p.Item1} {p.Item2} ago"),
        PropertyCheck.Zip(Gen.Elements("the past", "the last", "the coming", "the next"), Count, Gen.Elements(Units)).Select(p => $"{p.Item1} {p.Item2} {p.Item3}"),
        Gen.Elements("in", "during", "since", "by").Zip(Gen.Elements(Months)).Select(p => $"{p.Item1} {p.Item2}"),
        Gen.Elements("early", "mid", "late").Zip(Gen.Elements(Months)).Select(p => p.Item1 == "mid" ? $"mid-{p.Item2}" : $"{p.Item1} {p.Item2}"),
        Gen.Elements(Months).Zip(Gen.Elements("last year", "this year", "next year")).Select(p => $"{p.Item1} {p.Item2}"),
        Gen.Elements(Months).Zip(Gen.Choose(1, 31)).Select(p => $"{p.Item1} {p.Item2}"),
        PropertyCheck.Zip(Gen.Choose(1, 31), Gen.Elements(Months), YearText).Select(p => $"{p.Item1} {p.Item2} {p.Item3}"),
        PropertyCheck.Zip(Gen.Elements(Weekdays), Gen.Elements(Months), Gen.Choose(1, 31)).Select(p => $"{p.Item1}, {p.Item2} {p.Item3}"),
        YearText.Select(y => "in " + y),
        YearText.Select(y => "mid-" + y),
        YearText.Select(y => "the summer of " + y),
        YearText.Zip(YearText).Select(p => $"between {p.Item1} and {p.Item2}"),
        Gen.Choose(180, 210).Select(d => $"the {d * 10}s"),
        Gen.Elements("since").Zip(Gen.Elements(Weekdays)).Select(p => $"{p.Item1} {p.Item2}"),
        PropertyCheck.AnyDay.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Sentence = Gen.Elements("The council met", "Officials said they will meet", "Fighting began", "Witnesses said it happened")
        .Zip(Fragment).Select(p => $"{p.Item1} {p.Item2}.");

    private static readonly Gen<DateOnly?> Published = Gen.Frequency(
        (9, PropertyCheck.AnyDay.Select(d => (DateOnly?)d)),
        (1, Gen.Constant((DateOnly?)null)));

    [Fact]
    public void Any_text_against_any_publication_date_reads_without_throwing_and_anchors_both_ends_or_neither()
    {
        var cases = Published.Zip(Gen.ListOf(Sentence).Resize(6));
        PropertyCheck.ForAll(cases, c =>
        {
            var (published, sentences) = c;
            var text = string.Join(" ", sentences);
            var times = Pipeline.Process(text, published).Times;
            foreach (var t in times)
            {
                // Only "since X" without a publication date keeps a start and no end (see TimeMention).
                if (published is not null) (t.Start is null).ShouldBe(t.End is null, $"{t.Span.Text} in: {text}");
                if (t.IsResolved) t.Start!.Value.ShouldBeLessThanOrEqualTo(t.End!.Value, $"{t.Span.Text} in: {text}");
            }
        }, count: 400);
    }

    [Fact]
    public void Yesterday_today_and_tomorrow_are_publication_shifted_by_a_day_when_that_day_exists()
    {
        var words = Gen.Elements(("yesterday", -1), ("today", 0), ("tomorrow", 1));
        PropertyCheck.ForAll(PropertyCheck.AnyDay.Zip(words), c =>
        {
            var (published, (word, shift)) = c;
            var time = Pipeline.Process($"The council met {word}.", published).Times.ShouldHaveSingleItem();
            time.Span.Text.ShouldBe(word);
            var day = published.DayNumber + shift;
            ShouldBeDays(time, InCalendar(day) && Anchors(published) ? (day, day) : null);
        });
    }

    [Fact]
    public void A_weekday_is_that_weekday_within_a_week_of_publication_on_the_side_the_sentence_says()
    {
        // (how the sentence puts it, the nearest and farthest days from publication the weekday may fall on)
        var readings = Gen.Elements(
            ("The council met on {0}.", "{0}", 0, 6, -1),
            ("The council will meet on {0}.", "{0}", 0, 6, 1),
            ("The council met last {0}.", "last {0}", 1, 7, -1),
            ("The council meets next {0}.", "next {0}", 1, 7, 1));
        PropertyCheck.ForAll(PropertyCheck.Zip(PropertyCheck.AnyDay, Gen.Choose(0, 6), readings), c =>
        {
            var (published, weekday, (sentence, words, near, far, side)) = c;
            var name = Weekdays[weekday];
            var time = Pipeline.Process(string.Format(CultureInfo.InvariantCulture, sentence, name), published).Times.ShouldHaveSingleItem();
            time.Span.Text.ShouldBe(string.Format(CultureInfo.InvariantCulture, words, name));
            var wanted = (DayOfWeek)((weekday + 1) % 7);
            // The one day in [near, far] on that side with that weekday; it is there to find unless the calendar ends first.
            var day = Enumerable.Range(near, far - near + 1).Select(k => published.DayNumber + side * k)
                .Single(n => (DayOfWeek)(((n + 1) % 7 + 7) % 7) == wanted);
            ShouldBeDays(time, InCalendar(day) && Anchors(published) ? (day, day) : null);
        });
    }

    [Fact]
    public void Counting_back_from_publication_lands_on_the_day_week_month_or_year_when_the_calendar_reaches_it()
    {
        var units = Gen.Elements("days", "weeks", "months", "years");
        // Counts that could be years (1800-2100) included: "2000 days ago" counts days.
        PropertyCheck.ForAll(PropertyCheck.Zip(PropertyCheck.AnyDay, Gen.Choose(2, 10_000), units), c =>
        {
            var (published, n, unit) = c;
            var time = Pipeline.Process($"The council met {n} {unit} ago.", published).Times.ShouldHaveSingleItem();
            time.Span.Text.ShouldBe($"{n} {unit} ago");
            (int, int)? expected = unit switch
            {
                "days" => Day(published.DayNumber - n),
                "weeks" => Week(published.DayNumber - 7 * n),
                "months" => Month(published.Year * 12 + published.Month - 1 - n),
                _ => Year(published.Year - n),
            };
            ShouldBeDays(time, Anchors(published) ? expected : null);
        }, count: 400);
    }

    [Fact]
    public void Last_this_and_next_week_month_and_year_are_the_calendar_neighbours_of_publication_when_they_exist()
    {
        PropertyCheck.ForAll(PropertyCheck.Zip(PropertyCheck.AnyDay, Gen.Elements(("last", -1), ("this", 0), ("next", 1)), Gen.Elements("week", "month", "year")), c =>
        {
            var (published, (word, shift), unit) = c;
            var time = Pipeline.Process($"Prices rose {word} {unit}.", published).Times.ShouldHaveSingleItem();
            time.Span.Text.ShouldBe($"{word} {unit}");
            var monday = published.DayNumber - published.DayNumber % 7; // day 0 (0001-01-01) is a Monday
            (int, int)? expected = unit switch
            {
                "week" => Week(monday + 7 * shift),
                "month" => Month(published.Year * 12 + published.Month - 1 + shift),
                _ => Year(published.Year + shift),
            };
            ShouldBeDays(time, Anchors(published) ? expected : null);
        });
    }

    [Fact]
    public void A_year_named_in_the_text_is_that_year_whatever_the_publication_date()
    {
        PropertyCheck.ForAll(Published.Zip(Gen.Choose(1800, 2100)), c =>
        {
            var (published, year) = c;
            var time = Pipeline.Process($"The council met in {year}.", published).Times.ShouldHaveSingleItem();
            ShouldBeDays(time, Year(year));
        });
    }

    private static void ShouldBeDays(TimeMention time, (int Start, int End)? expected)
    {
        if (expected is not { } e)
        {
            time.IsResolved.ShouldBeFalse($"{time.Span.Text} resolved to {time.Start}..{time.End}");
            time.Start.ShouldBeNull();
            return;
        }
        time.Start.ShouldBe(DateOnly.FromDayNumber(e.Start), time.Span.Text);
        time.End.ShouldBe(DateOnly.FromDayNumber(e.End), time.Span.Text);
    }

    /// <summary>A day a time may resolve to: within years 1000-2999 (TimeRecognizer.SaneFirst and SaneLast).</summary>
    private static bool InCalendar(int dayNumber) => dayNumber >= new DateOnly(1000, 1, 1).DayNumber && dayNumber <= new DateOnly(2999, 12, 31).DayNumber;

    /// <summary>A publication date that anchors relative times: within years 1000-2999.</summary>
    private static bool Anchors(DateOnly published) => InCalendar(published.DayNumber);

    private static (int, int)? Day(int n) => InCalendar(n) ? (n, n) : null;

    /// <summary>The Monday-to-Sunday week holding day <paramref name="n"/>, when all of it is in the calendar.</summary>
    private static (int, int)? Week(int n)
    {
        var monday = n - ((n % 7) + 7) % 7;
        return InCalendar(monday) && InCalendar(monday + 6) ? (monday, monday + 6) : null;
    }

    /// <summary>Month number <paramref name="index"/> counted from January of year 0.</summary>
    private static (int, int)? Month(int index)
    {
        var year = index / 12;
        if (year is < 1000 or > 2999) return null;
        var month = index % 12 + 1;
        return (new DateOnly(year, month, 1).DayNumber, new DateOnly(year, month, DateTime.DaysInMonth(year, month)).DayNumber);
    }

    private static (int, int)? Year(int year) =>
        year is >= 1000 and <= 2999 ? (new DateOnly(year, 1, 1).DayNumber, new DateOnly(year, 12, 31).DayNumber) : null;

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
