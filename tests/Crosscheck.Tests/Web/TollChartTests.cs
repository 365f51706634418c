using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Web;

/// <summary>The story page's chart of a campaign's running toll of the dead, over the samples' boat-strike campaign.</summary>
[Collection(RecordWebCollection.Name)]
public sealed class TollChartTests(RecordWebFixture fixture)
{
    private RecordApp App => fixture.Shared;
    private CrossRecord Record => App.Record.Snapshot();

    private Task<IDocument> Page(string path) => App.Client.GetPageAsync(path);

    private Incident Campaign()
    {
        var campaign = Record.Incidents.FirstOrDefault(i => i.Scope == IncidentScope.Campaign && i.Tolls.Count(t => t.Counts == TollMeasure.Killed && t.AsOf != null) > 2);
        return campaign.ShouldNotBeNull("the samples give no campaign with a running toll of the dead");
    }

    [Fact]
    public async Task A_campaigns_story_page_charts_each_dated_toll_of_the_dead_above_the_timeline()
    {
        var campaign = Campaign();
        var killed = campaign.Tolls.Where(t => t.Counts == TollMeasure.Killed && t.AsOf != null).ToList();
        var page = await Page($"/stories/{campaign.Story}");

        var section = page.QuerySelector($"section.toll-chart[data-incident='{campaign.Id}']").ShouldNotBeNull();
        section.QuerySelector("h2 a")!.GetAttribute("href").ShouldBe($"/incidents/{campaign.Id}");
        // Above the timeline, which is still there.
        var timeline = page.QuerySelector("section.timeline").ShouldNotBeNull();
        section.CompareDocumentPosition(timeline).HasFlag(DocumentPositions.Following).ShouldBeTrue();

        var svg = section.QuerySelector("svg.toll-chart").ShouldNotBeNull();
        var points = svg.QuerySelectorAll("g.toll");
        points.Select(p => p.GetAttribute("data-toll")).ShouldBe(killed.Select(t => t.Toll), ignoreOrder: true);
        foreach (var toll in killed)
        {
            var point = svg.QuerySelector($"g.toll[data-toll='{toll.Toll}']")!;
            point.GetAttribute("data-as-of").ShouldBe(toll.AsOf!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            point.QuerySelector("circle").ShouldNotBeNull();
            var title = point.QuerySelector("title")!.TextContent;
            title.ShouldContain($"“{toll.Text}”");
            title.ShouldContain(toll.Outlet ?? "unknown outlet");
            point.ClassList.Contains("behind").ShouldBe(toll.Behind);
        }
        // The samples hold a reprint behind the news: drawn apart.
        killed.ShouldContain(t => t.Behind);
        svg.QuerySelectorAll("g.toll.behind").Length.ShouldBe(killed.Count(t => t.Behind));

        // Later tolls sit higher (y grows downward), and the line steps through the credible ones.
        double Cy(TollPoint t) => double.Parse(svg.QuerySelector($"g.toll[data-toll='{t.Toll}'] circle")!.GetAttribute("cy")!, CultureInfo.InvariantCulture);
        var lowest = killed.Where(t => !t.Behind).MinBy(t => t.Min)!;
        var highest = killed.Where(t => !t.Behind).MaxBy(t => t.Min)!;
        Cy(highest).ShouldBeLessThan(Cy(lowest));
        svg.QuerySelector("path.toll-line")!.GetAttribute("d")!.ShouldStartWith("M");

        // Axes are text in the drawing: the values from 0, and days.
        var ticks = svg.QuerySelectorAll(".y-axis text.tick").Select(t => double.Parse(t.TextContent, CultureInfo.InvariantCulture)).ToList();
        ticks[0].ShouldBe(0);
        ticks[^1].ShouldBeGreaterThanOrEqualTo((double)killed.Max(t => t.Top));
        svg.QuerySelectorAll(".x-axis text.tick").Select(t => t.TextContent).ShouldContain(killed[0].AsOf!.Value.ToString("d MMM", CultureInfo.InvariantCulture));
        page.QuerySelectorAll("[style], script").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_story_without_a_campaigns_toll_has_no_chart()
    {
        var charted = Record.Incidents.Where(i => i.Scope == IncidentScope.Campaign && i.Tolls.Any(t => t.Counts == TollMeasure.Killed && t.AsOf != null)).Select(i => i.Id).ToHashSet();
        var story = Record.Stories.FirstOrDefault(s => !s.Incidents.Any(charted.Contains));
        story.ShouldNotBeNull("every story of the samples has a campaign's toll");
        var page = await Page($"/stories/{story.Id}");
        page.QuerySelector("section.toll-chart").ShouldBeNull();
        page.QuerySelector("section.timeline").ShouldNotBeNull();
    }
}
