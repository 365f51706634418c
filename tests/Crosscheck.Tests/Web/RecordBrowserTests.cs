using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The story and incident pages in headless Chromium, over the analyzed samples: from the stories to a story's
/// timeline, on to an incident whose reports disagree, its reports side by side, and undoing a join by its button.
/// What to expect is read from the record the app serves, not from the samples' wording.
/// </summary>
[Collection(RecordWebCollection.Name)]
public sealed class RecordBrowserTests(RecordWebFixture fixture, ITestOutputHelper output)
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    [Fact]
    public async Task A_reader_follows_a_story_to_an_incident_compares_its_reports_and_detaches_one()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: install Debian's chromium (./test.sh does)");
        Directory.CreateDirectory(DemoBrowserTests.ScreenshotDirectory);
        // An app of its own: this test changes the record.
        await using var app = await fixture.StartAsync(fixture.NewRecord());
        var record = app.Record.Snapshot();
        var story = RecordPagesTests.BusiestStory(record);
        var incident = RecordPagesTests.DisputedIncident(record);
        incident.Story.ShouldBe(story.Id, "the disputed incident is expected in the story the samples write most about");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);

        await BrowserSignIn.SignInAsync(page, app.BaseAddress, fixture.AnalystKey);

        // From the documents to the stories through the site's navigation.
        await page.GotoAsync(new Uri(app.BaseAddress, "/documents").ToString());
        var toStories = page.WaitForURLAsync("**/stories");
        await page.Locator("header.site nav a[href='/stories']").ClickAsync();
        await toStories;
        (await page.Locator("li.story").CountAsync()).ShouldBe(record.Stories.Length);
        await Screenshot(page, "stories.png");

        // The story's timeline.
        var toStory = page.WaitForURLAsync($"**/stories/{story.Id}");
        await page.Locator($"li.story[data-id='{story.Id}'] a.title").ClickAsync();
        await toStory;
        var card = page.Locator($"ol.timeline li.incident[data-id='{incident.Id}']");
        (await card.IsVisibleAsync()).ShouldBeTrue();
        (await card.Locator(".flag[data-kind=dispute]").IsVisibleAsync()).ShouldBeTrue();
        // Cards run down the page in date order.
        var dates = await page.Locator("ol.timeline > li.incident").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.date)");
        dates.Length.ShouldBeGreaterThan(1);
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToArray());
        var tops = await page.Locator("ol.timeline > li.incident").EvaluateAllAsync<double[]>("cards => cards.map(c => c.getBoundingClientRect().top)");
        tops.ShouldBe(tops.Order().ToArray());
        await Screenshot(page, "story.png");

        // The incident: reports side by side.
        var toIncident = page.WaitForURLAsync($"**/incidents/{incident.Id}");
        await card.Locator("a.title").ClickAsync();
        await toIncident;
        var columns = page.Locator(".reports > section.report");
        (await columns.CountAsync()).ShouldBe(incident.Reports.Length);
        var first = (await columns.Nth(0).BoundingBoxAsync())!;
        var second = (await columns.Nth(1).BoundingBoxAsync())!;
        second.X.ShouldBeGreaterThanOrEqualTo(first.X + first.Width - 1, "the second report is not to the right of the first");
        Math.Abs(second.Y - first.Y).ShouldBeLessThan(1, "the reports do not start at the same height");

        // The evidence of every event is highlighted, exactly.
        foreach (var report in incident.Reports)
        {
            foreach (var eventId in report.Events)
            {
                var mark = page.Locator($"section.report[data-document='{report.Document}'] article.event[data-event='{eventId}'] blockquote.evidence mark");
                (await mark.TextContentAsync()).ShouldBe(app.Record.Event(eventId)!.Evidence);
                var background = await mark.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor");
                background.ShouldNotBe("rgba(0, 0, 0, 0)", "the evidence is not highlighted");
            }
        }
        // The disagreement is flagged at the top, above the reports.
        var flag = page.Locator("section.discrepancies .discrepancy[data-kind=dispute]");
        (await flag.IsVisibleAsync()).ShouldBeTrue();
        (await flag.BoundingBoxAsync())!.Y.ShouldBeLessThan(first.Y);
        await Screenshot(page, "incident.png");

        // Detach the second report's event by its button: the browser lands on the event's own incident.
        var moved = incident.Reports[1].Events[0];
        var detached = page.WaitForURLAsync(new Regex(@"/incidents/i-[0-9a-f]+$"));
        await page.Locator($"article.event[data-event='{moved}'] form.detach button").ClickAsync();
        await detached;
        page.Url.ShouldNotEndWith(incident.Id);
        var alone = app.Record.Snapshot().Incidents.Single(i => i.Events.Contains(moved));
        page.Url.ShouldEndWith($"/incidents/{alone.Id}");
        (await page.Locator("article.event").CountAsync()).ShouldBe(1);
        (await page.Locator($"article.event[data-event='{moved}']").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("table.links tr.link td").Nth(3).TextContentAsync()).ShouldBe($"detached by hand from {incident.Id}");
        await Screenshot(page, "detached.png");

        // The old incident no longer holds it.
        await page.GotoAsync(new Uri(app.BaseAddress, $"/incidents/{incident.Id}").ToString());
        (await page.Locator($"article.event[data-event='{moved}']").CountAsync()).ShouldBe(0);
        (await page.Locator("article.event").CountAsync()).ShouldBe(incident.Events.Length - 1);

        // A report's outlet opens its document, which links back to the incident.
        var document = incident.Reports[0].Document;
        var toDocument = page.WaitForURLAsync($"**/documents/{document}");
        await page.Locator($"section.report[data-document='{document}'] h3 a").ClickAsync();
        await toDocument;
        var back = page.Locator($"li.doc-incident[data-id='{incident.Id}'] a.title");
        (await back.IsVisibleAsync()).ShouldBeTrue();
        await Screenshot(page, "document.png");
        var toIncidentAgain = page.WaitForURLAsync($"**/incidents/{incident.Id}");
        await back.ClickAsync();
        await toIncidentAgain;
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(DemoBrowserTests.ScreenshotDirectory, "record-" + name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
        output.WriteLine($"screenshot: {path}");
    }
}
