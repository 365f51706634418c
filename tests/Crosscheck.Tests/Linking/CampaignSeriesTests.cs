using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Series (campaigns and episodes of fighting) and their tolls (issue 14, item 1): which toll of a series is its
/// figure, which reports a series takes, and which single incidents are its children. Texts and figures are made up.
/// </summary>
public class CampaignSeriesTests
{
    private static DocumentFacts TollDocument(string id, string published, params (string Id, decimal Min, decimal? Max, string Text)[] tolls) => new()
    {
        Id = id,
        Outlet = "Outlet " + id,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Tolls = [.. tolls.Select(t => new TollFacts(t.Id, TollMeasure.Killed, t.Min, t.Max, t.Text, 0, t.Text.Length))],
    };

    [Fact]
    public void A_vague_quantity_neither_is_the_figure_beside_a_count_nor_puts_a_later_count_behind()
    {
        var docs = new[]
        {
            TollDocument("d-1", "2025-03-02", ("t-1", 15, null, "at least 15 people were killed in the fighting")),
            TollDocument("d-2", "2025-03-06", ("t-2", 24, 119, "fighting that left dozens dead")),
            TollDocument("d-3", "2025-04-10", ("t-3", 63, 77, "the March fighting that killed about 70 people")),
        }.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var series = CampaignTolls.Series(["d-1", "d-2", "d-3"], docs);
        series.Single(p => p.Toll == "t-2").Vague.ShouldBeTrue();
        series.Single(p => p.Toll == "t-3").Vague.ShouldBeFalse();
        // "About 70" lies above what "dozens" states at least (24): it is not behind, and it is stated as 70.
        series.ShouldAllBe(p => !p.Behind);
        CampaignTolls.Fatalities(series)!.Best.ShouldBe(70);
        // Beside a count, "dozens" a day later is not the figure; alone, it stands for what it states at least.
        CampaignTolls.Fatalities(CampaignTolls.Series(["d-1", "d-2"], docs))!.Best.ShouldBe(15);
        CampaignTolls.Fatalities(CampaignTolls.Series(["d-2"], docs))!.Best.ShouldBe(24);
        // A later count below what an earlier count states at least is still behind.
        var lower = TollDocument("d-4", "2025-04-12", ("t-4", 50, null, "at least 50 were killed"));
        var withLower = CampaignTolls.Series(["d-1", "d-3", "d-4"], new Dictionary<string, DocumentFacts>(docs) { ["d-4"] = lower });
        withLower.Single(p => p.Toll == "t-4").Behind.ShouldBeTrue();
        CampaignTolls.Fatalities(withLower)!.Best.ShouldBe(70);
    }
}
