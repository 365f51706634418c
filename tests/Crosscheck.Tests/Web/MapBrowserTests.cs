using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The map, a story's toll chart and an entity page in headless Chromium under the site's Content-Security-Policy:
/// nothing is refused, the map's incidents are reached with the keyboard, and a 400 px wide screen needs no sideways
/// scrolling.
/// </summary>
[Collection(RecordWebCollection.Name)]
public sealed class MapBrowserTests(RecordWebFixture fixture, ITestOutputHelper output)
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    [Fact]
    public async Task The_map_chart_and_entity_pages_work_with_the_keyboard_on_a_narrow_screen_and_nothing_is_blocked()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: install Debian's chromium (./test.sh does)");
        Directory.CreateDirectory(DemoBrowserTests.ScreenshotDirectory);
        var app = fixture.Shared;
        var record = app.Record.Snapshot();
        var campaign = record.Incidents.First(i => i.Scope == Crosscheck.Linking.IncidentScope.Campaign && i.Tolls.Length > 0);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 400, Height = 800 } });
        page.SetDefaultTimeout(60_000);
        await BrowserSignIn.SignInAsync(page, app.BaseAddress, fixture.AnalystKey);
        // From here on: anything the policy refuses, and any request that fails (the browser's own favicon aside).
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused", StringComparison.Ordinal)) problems.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) problems.Add($"{response.Status} {response.Url}"); };
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url}");

        await page.GotoAsync(new Uri(app.BaseAddress, "/map").ToString());
        (await page.Locator("svg.map path.country").CountAsync()).ShouldBeGreaterThan(100);
        var map = (await page.Locator("svg.map").BoundingBoxAsync())!;
        map.Width.ShouldBeGreaterThan(300, "the map does not fill the narrow screen");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(400, "the map page scrolls sideways at 400 px");
        await Screenshot(page, "map-400.png");

        // Tab from the last filter control onward reaches the incidents drawn on the map; Enter opens one.
        await page.Locator("form.filters button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string?>("document.activeElement && document.activeElement.closest('svg.map a.incident') ? document.activeElement.getAttribute('data-id') : null");
        focused.ShouldNotBeNull("Tab after the filters does not reach an incident on the map");
        var toIncident = page.WaitForURLAsync($"**/incidents/{focused}");
        await page.Keyboard.PressAsync("Enter");
        await toIncident;

        // An actor's link on the incident page leads to its entity page.
        var actor = page.Locator("article.event dl.facts a.entity").First;
        var href = await actor.GetAttributeAsync("href");
        var toEntity = page.WaitForURLAsync("**" + href);
        await actor.ClickAsync();
        await toEntity;
        (await page.Locator("li.entity-event").CountAsync()).ShouldBeGreaterThan(0);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(400, "the entity page scrolls sideways at 400 px");

        // The story's toll chart is drawn, a point per dated toll of the dead.
        await page.GotoAsync(new Uri(app.BaseAddress, $"/stories/{campaign.Story}").ToString());
        var points = page.Locator($"section.toll-chart[data-incident='{campaign.Id}'] g.toll circle");
        (await points.CountAsync()).ShouldBe(Crosscheck.Web.TollChart.Killed(campaign).Count);
        (await points.First.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(0);
        await Screenshot(page, "story-chart-400.png");

        problems.ShouldBeEmpty("the browser reported: " + string.Join(" | ", problems));
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(DemoBrowserTests.ScreenshotDirectory, "pages-" + name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
