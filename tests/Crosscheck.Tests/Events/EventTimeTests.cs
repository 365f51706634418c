using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Relative days (weekdays, overnight, anaphoric days) reach the time of the event in their sentence; sentences written for these tests.</summary>
public sealed class EventTimeTests
{
    // A Monday.
    private static readonly DateOnly Published = new(2025, 11, 10);

    private static EventMention Assault(string text, DateOnly? published = null) =>
        EventReader.Default.Read(StandardPipeline.Default.Process(text, published ?? Published)).Events.First(e => e.Type == PloverType.Assault);

    [Theory]
    [InlineData("Gunmen attacked a police post on Saturday night, killing three officers.", "Saturday night", "2025-11-08")]
    [InlineData("Drones struck a fuel depot in the port city overnight, killing two workers.", "overnight", "2025-11-10")]
    [InlineData("Militants ambushed a convoy late on Sunday near the pass, officials said.", "late on Sunday", "2025-11-09")]
    [InlineData("Artillery shelled the fuel depot on Friday, local officials said.", "Friday", "2025-11-07")]
    public void A_relative_day_in_the_sentence_is_the_event_s_day(string text, string words, string day)
    {
        var time = Assault(text).Time.ShouldNotBeNull();
        time.Span.Text.ShouldBe(words);
        time.Start.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        time.End.ShouldBe(time.Start);
    }

    [Theory]
    [InlineData("Drones hit the capital on Sunday in one of the most intense raids in recent weeks.", "Sunday")]
    [InlineData("Rebels shelled the town on Saturday, the deadliest shelling in years.", "Saturday")]
    public void A_time_that_bounds_a_superlative_s_set_does_not_date_the_event(string text, string words)
    {
        Assault(text).Time.ShouldNotBeNull().Span.Text.ShouldBe(words);
    }

    [Fact]
    public void An_anaphoric_day_counts_from_the_day_named_before_it()
    {
        var events = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Rockets hit the airfield on Friday. A day earlier, artillery shelled the fuel depot.", Published)).Events
            .Where(e => e.Type == PloverType.Assault).ToList();
        var shelling = events.Single(e => e.Time?.Span.Text == "A day earlier");
        shelling.Time!.Start.ShouldBe(new DateOnly(2025, 11, 6));
    }

    [Fact]
    public void Without_a_publication_date_the_weekday_stays_with_its_words_and_no_day()
    {
        var e = EventReader.Default.Read(StandardPipeline.Default.Process("Gunmen attacked a police post on Saturday night.")).Events
            .First(e => e.Type == PloverType.Assault);
        var time = e.Time.ShouldNotBeNull();
        time.Span.Text.ShouldBe("Saturday night");
        time.IsResolved.ShouldBeFalse();
    }
}
