using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// An event counted as two or more ("two earlier raids") is a series: it covers every day its words name, and a day
/// carried from another sentence does not make it one attack of that day.
/// </summary>
public class CountedSeriesTests
{
    private static DocumentFacts Facts(string name, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, "Coast Courier", published, body);

    [Fact]
    public void Two_counted_attacks_with_two_days_cover_both_days()
    {
        var facts = Facts("two-raids", "2026-06-10",
            "Two earlier raids, near the harbour on June 2 and at the fish market on June 6, killed five people, the police said.");
        var series = facts.Events.Single(e => e.Evidence.Contains("raids", StringComparison.Ordinal));
        series.Time.ShouldNotBeNull();
        (series.Time.Start, series.Time.End).ShouldBe((new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 6)));
    }

    [Fact]
    public void A_counted_series_takes_no_day_from_the_sentence_before()
    {
        var facts = Facts("later", "2026-06-10",
            "When the army shelled a village near the lake on June 2, killing five people, officials described it as a mistake. Four raids later, with at least 14 people dead, the operation has become a campaign.");
        var series = facts.Events.Single(e => e.Type == Crosscheck.Events.PloverType.Assault && e.Evidence.StartsWith("Four raids", StringComparison.Ordinal));
        series.Time.ShouldBeNull();
    }
}
