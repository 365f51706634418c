using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Web;
using Crosscheck.Web.Maps;

namespace Crosscheck.Tests.Web;

/// <summary>The map of incidents over the analyzed samples: what it should draw is read from the record itself.</summary>
[Collection(RecordWebCollection.Name)]
public sealed class MapPagesTests(RecordWebFixture fixture)
{
    private RecordApp App => fixture.Shared;
    private CrossRecord Record => App.Record.Snapshot();

    private Task<IDocument> Page(string path) => App.Client.GetPageAsync(path);

    private static bool HasPoint(Incident i) => i.Location is { Latitude: not null, Longitude: not null };

    private static MapPoint Centre(IElement link)
    {
        var circle = link.QuerySelector("circle").ShouldNotBeNull();
        return new MapPoint(double.Parse(circle.GetAttribute("cx")!, CultureInfo.InvariantCulture), double.Parse(circle.GetAttribute("cy")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_map_draws_every_located_incident_as_a_link_with_a_tooltip_and_lists_the_rest()
    {
        var listed = Record.Incidents.Where(i => !i.Mention).ToList();
        var located = listed.Where(HasPoint).ToList();
        located.ShouldNotBeEmpty();
        var page = await Page("/map");
        page.QuerySelectorAll("header.site nav a[href='/map']").Length.ShouldBe(1);

        var svg = page.QuerySelector("figure.map svg").ShouldNotBeNull();
        svg.GetAttribute("viewBox").ShouldNotBeNull();
        svg.QuerySelectorAll("path.country").Length.ShouldBe(WorldMap.Default.CountryCount);
        svg.QuerySelectorAll("path.country").All(p => p.GetAttribute("d")!.StartsWith('M')).ShouldBeTrue();

        var links = svg.QuerySelectorAll("g.incidents a.incident");
        links.Select(a => a.GetAttribute("data-id")).ShouldBe(located.Select(i => i.Id), ignoreOrder: true);
        foreach (var link in links)
        {
            var incident = located.Single(i => i.Id == link.GetAttribute("data-id"));
            link.GetAttribute("href").ShouldBe($"/incidents/{incident.Id}");
            link.ClassList.ShouldContain($"grade-{Grades.Name(incident.Grade)}");
            link.ClassList.ShouldContain($"type-{PloverTypes.Name(incident.Type).ToLowerInvariant()}");
            link.QuerySelector("title")!.TextContent.ShouldStartWith(incident.Title);
            var r = double.Parse(link.QuerySelector("circle")!.GetAttribute("r")!, CultureInfo.InvariantCulture);
            r.ShouldBeGreaterThan(0);
        }
        // More dead, a larger circle.
        var byDead = located.Where(i => i.Scope == IncidentScope.Single).OrderBy(i => i.Fatalities?.Best ?? 0).ToList();
        double Radius(Incident i) => double.Parse(svg.QuerySelector($"a.incident[data-id='{i.Id}'] circle")!.GetAttribute("r")!, CultureInfo.InvariantCulture);
        Radius(byDead[^1]).ShouldBeGreaterThan(Radius(byDead[0]));

        page.QuerySelectorAll("table.drawn tbody tr").Select(r => r.GetAttribute("data-id")).ShouldBe(located.Select(i => i.Id), ignoreOrder: true);
        var leftOut = listed.Where(i => !HasPoint(i)).Select(i => i.Id).ToList();
        page.QuerySelectorAll("table.left-out tbody tr").Select(r => r.GetAttribute("data-id")).ShouldBe(leftOut, ignoreOrder: true);
        page.QuerySelector(".summary")!.TextContent.ShouldStartWith($"{listed.Count} incidents: {located.Count} on the map, {leftOut.Count} incident");
    }

    [Fact]
    public async Task Sea_incidents_are_drawn_at_sea_and_land_ones_on_their_country()
    {
        var sea = Record.Incidents.Where(i => !i.Mention && HasPoint(i) && i.Location!.Precision == "sea").ToList();
        sea.Select(i => i.Location!.Name).ShouldContain("Caribbean Sea");
        sea.Select(i => i.Location!.Name).ShouldContain("Eastern Pacific");
        var page = await Page("/map");
        foreach (var incident in sea)
        {
            var link = page.QuerySelector($"svg a.incident[data-id='{incident.Id}']").ShouldNotBeNull();
            link.GetAttribute("data-precision").ShouldBe("sea");
            WorldMap.Default.CountryAt(Centre(link)).ShouldBeNull($"{incident.Title} is drawn on {WorldMap.Default.CountryAt(Centre(link))?.Name}");
        }
        // A land incident placed in the United States (its capital or the country) is drawn on it.
        var american = Record.Incidents.First(i => !i.Mention && HasPoint(i) && i.Location is { Precision: not "sea", Country: "US" });
        WorldMap.Default.CountryAt(Centre(page.QuerySelector($"svg a.incident[data-id='{american.Id}']")!))?.Name.ShouldBe("United States of America");
    }

    [Fact]
    public async Task The_map_filters_by_story_type_and_days_and_refuses_bad_values()
    {
        var story = RecordPagesTests.BusiestStory(Record);
        var ofStory = story.Incidents.Select(id => Record.Incidents.Single(i => i.Id == id)).Where(i => !i.Mention && HasPoint(i)).Select(i => i.Id).ToList();
        var page = await Page($"/map?story={story.Id}");
        page.QuerySelectorAll("svg a.incident").Select(a => a.GetAttribute("data-id")).ShouldBe(ofStory, ignoreOrder: true);
        page.QuerySelector("form.filters input[name=story]")!.GetAttribute("value").ShouldBe(story.Id);

        var assaults = Record.Incidents.Where(i => !i.Mention && HasPoint(i) && i.Type == PloverType.Assault).Select(i => i.Id).ToList();
        assaults.Count.ShouldBeGreaterThan(1);
        page = await Page("/map?type=assault");
        page.QuerySelectorAll("svg a.incident").Select(a => a.GetAttribute("data-id")).ShouldBe(assaults, ignoreOrder: true);
        page.QuerySelector("form.filters select[name=type] option[selected]")!.GetAttribute("value").ShouldBe("ASSAULT");

        var (from, to) = (new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 31));
        var inOctober = Record.Incidents.Where(i => !i.Mention && HasPoint(i) && i.Time is { Start: { } s } t && (t.End ?? s) >= from && s <= to).Select(i => i.Id).ToList();
        inOctober.ShouldNotBeEmpty();
        page = await Page("/map?from=2025-10-01&to=2025-10-31");
        page.QuerySelectorAll("svg a.incident").Select(a => a.GetAttribute("data-id")).ShouldBe(inOctober, ignoreOrder: true);

        (await App.Client.GetAsync("/map?type=BOMBING")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.Client.GetAsync("/map?from=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.Client.GetAsync("/map?story=no-such-story")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_map_zooms_to_its_incidents_unless_the_whole_world_is_asked_for()
    {
        var zoomed = (await Page("/map")).QuerySelector("svg.map")!.GetAttribute("viewBox")!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        zoomed[2].ShouldBeLessThan(WorldMap.Width);
        var whole = (await Page("/map?view=world")).QuerySelector("svg.map")!.GetAttribute("viewBox");
        whole.ShouldBe($"0 0 {WorldMap.Width.ToString(CultureInfo.InvariantCulture)} {WorldMap.Height.ToString("0.#", CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task The_map_needs_a_reader_and_has_no_script_or_inline_style()
    {
        using var anonymous = TestAccounts.KeyClient(App.BaseAddress, null);
        (await anonymous.GetAsync("/map")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var reader = TestAccounts.KeyClient(App.BaseAddress, fixture.ReaderKey);
        using var response = await reader.GetAsync("/map");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelectorAll("script, style, [style]").ShouldBeEmpty();
        page.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}

/// <summary>The embedded world-atlas countries, decoded from TopoJSON and projected.</summary>
public sealed class WorldMapTests
{
    [Fact]
    public void The_embedded_topology_gives_every_country_of_world_atlas_110m()
    {
        WorldMap.Default.CountryCount.ShouldBe(177);
    }

    [Theory]
    [InlineData(2.35, 48.85, "France")]
    [InlineData(-74.08, 4.61, "Colombia")]
    [InlineData(-66.9, 10.5, "Venezuela")]
    [InlineData(28.2, -29.6, "Lesotho")] // a hole of South Africa
    [InlineData(139.7, 35.7, "Japan")]
    [InlineData(-99.1, 19.4, "Mexico")]
    [InlineData(-175, 66, "Russia")]       // east of the antimeridian
    [InlineData(178.4, -17.8, "Fiji")]     // an island the antimeridian cuts
    [InlineData(0, -80, "Antarctica")]     // a ring around the pole
    public void A_point_of_a_country_falls_in_that_country(double lon, double lat, string country)
    {
        WorldMap.Default.CountryAt(WorldMap.Project(lon, lat))?.Name.ShouldBe(country);
    }

    [Theory]
    [InlineData(-75, 15)]   // Caribbean Sea
    [InlineData(-100, 10)]  // Eastern Pacific
    [InlineData(-30, 0)]    // Atlantic
    [InlineData(65, 15)]    // Arabian Sea
    public void A_point_at_sea_falls_in_no_country(double lon, double lat)
    {
        WorldMap.Default.CountryAt(WorldMap.Project(lon, lat)).ShouldBeNull();
    }

    [Fact]
    public void No_country_is_drawn_across_the_map_from_one_edge_to_the_other()
    {
        var layer = new HtmlParser().ParseDocument($"<svg>{WorldMap.Default.CountryLayer}</svg>");
        foreach (var path in layer.QuerySelectorAll("path.country"))
        {
            foreach (var ring in path.GetAttribute("d")!.Split('M', StringSplitOptions.RemoveEmptyEntries))
            {
                var start = ring[..ring.IndexOf('l')].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
                var steps = ring[(ring.IndexOf('l') + 1)..].TrimEnd('z').Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
                var (x, y) = (start[0], start[1]);
                for (var i = 0; i < steps.Count; i += 2)
                {
                    // Only the pole, which the projection draws as a line along the bottom, may be crossed in one step.
                    var onPole = Math.Abs(y - WorldMap.Height) < 0.2 && Math.Abs(steps[i + 1]) < 0.2;
                    if (!onPole) Math.Abs(steps[i]).ShouldBeLessThan(WorldMap.Width / 4, path.QuerySelector("title")!.TextContent);
                    (x, y) = (x + steps[i], y + steps[i + 1]);
                }
            }
        }
    }

    [Fact]
    public void The_projection_puts_the_origin_at_the_centre_and_keeps_north_up_and_east_right()
    {
        WorldMap.Project(0, 0).ShouldBe(new MapPoint(WorldMap.Width / 2, WorldMap.Height / 2));
        WorldMap.Project(10, 0).X.ShouldBeGreaterThan(WorldMap.Width / 2);
        WorldMap.Project(0, 10).Y.ShouldBeLessThan(WorldMap.Height / 2);
        WorldMap.Project(180, 0).X.ShouldBe(WorldMap.Width, 1e-9);
        WorldMap.Project(0, -90).Y.ShouldBe(WorldMap.Height, 0.1);
        // Meridians bend toward the poles: 180° east is nearer the centre at 60° north than on the equator.
        WorldMap.Project(180, 60).X.ShouldBeLessThan(WorldMap.Project(180, 0).X);
    }
}
