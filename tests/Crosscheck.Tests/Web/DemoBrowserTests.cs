using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The real <c>crosscheck demo</c> in headless Chromium. Knows nothing of the sample articles' wording:
/// what it expects on the pages it first reads from the demo's own API.
/// </summary>
public sealed partial class DemoBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    /// <summary>Where the screenshots go; kept after the run so a person can look at them.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(Path.GetTempPath(), "crosscheck-web-screenshots");

    [Fact]
    public async Task The_demo_lists_searches_and_shows_the_samples_in_a_browser()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: install Debian's chromium (./test.sh does)");
        Directory.CreateDirectory(ScreenshotDirectory);

        await using var demo = await DemoProcess.StartAsync(TimeSpan.FromSeconds(90));
        using var http = TestAccounts.KeyClient(demo.BaseAddress, demo.AdminKey);
        var list = await http.GetFromJsonAsync<JsonElement>("/api/documents?limit=100");
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        ids.ShouldNotBeEmpty("the demo ingested no samples");

        // The document to search for and open: the first that has both a headline and a lede.
        JsonElement? target = null;
        foreach (var id in ids)
        {
            var doc = await http.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
            var kinds = doc.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToHashSet();
            if (kinds.Contains("headline") && kinds.Contains("lede")) { target = doc; break; }
        }
        target.ShouldNotBeNull("no sample has both a headline and a lede");
        var targetId = target.Value.GetProperty("id").GetString()!;
        var headline = Headline(target.Value);
        var word = SearchWord(target.Value.GetProperty("title").GetString() ?? headline);
        output.WriteLine($"{ids.Count} documents; searching for '{word}' to find {targetId} ({headline})");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        // The machine's cores are shared with other builds; give slow moments room before calling it a failure.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);

        // Signed in with the key the demo printed, through the sign-in form.
        await BrowserSignIn.SignInAsync(page, demo.BaseAddress, demo.AdminKey);

        // The list shows every document the API reports, in the same order.
        await page.GotoAsync(new Uri(demo.BaseAddress, "/documents?limit=100").ToString());
        var rows = page.Locator("li.document");
        (await rows.CountAsync()).ShouldBe(ids.Count);
        var shown = new List<string>();
        for (var i = 0; i < ids.Count; i++) shown.Add((await rows.Nth(i).GetAttributeAsync("data-id"))!);
        shown.ShouldBe(ids);
        await Screenshot(page, "list.png");

        // Search through the form, as a person would.
        // Waiting for the navigation starts before the click so a fast answer cannot slip past it.
        var search = page.Locator("form.search input[name=q]");
        await search.FillAsync(word);
        (await search.InputValueAsync()).ShouldBe(word);
        var searched = page.WaitForURLAsync(new Regex(@"[?&]q="));
        await page.Locator("form.search button[type=submit]").ClickAsync();
        await searched;
        (await page.Locator($"li.document[data-id='{targetId}']").CountAsync()).ShouldBe(1, $"searching '{word}' did not find {targetId}");
        (await page.Locator(".snippet mark").CountAsync()).ShouldBeGreaterThan(0);
        await Screenshot(page, "search.png");

        // Open the document and check its segments are marked.
        var opened = page.WaitForURLAsync($"**/documents/{targetId}");
        await page.Locator($"li.document[data-id='{targetId}'] a.title").ClickAsync();
        await opened;
        (await page.Locator("article.text .segment").CountAsync()).ShouldBe(target.Value.GetProperty("segments").GetArrayLength());
        var headlineElement = page.Locator("article.text .segment-headline").First;
        (await headlineElement.IsVisibleAsync()).ShouldBeTrue();
        (await headlineElement.Locator(".segment-text").TextContentAsync()).ShouldBe(headline);
        (await page.Locator("article.text .segment-lede[data-kind=lede]").CountAsync()).ShouldBeGreaterThan(0);
        // Styled, not just labelled: the headline is set larger than the lede.
        var headlineSize = await headlineElement.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        var ledeSize = await page.Locator("article.text .segment-lede").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Pixels(headlineSize).ShouldBeGreaterThan(Pixels(ledeSize));
        (await page.Locator("section.sources li").CountAsync()).ShouldBeGreaterThan(0);
        var shot = await Screenshot(page, "document.png");
        new FileInfo(shot).Length.ShouldBeGreaterThan(0);

        // And back to the list.
        var back = page.WaitForURLAsync("**/documents");
        await page.Locator("a.back").First.ClickAsync();
        await back;
        (await page.Locator("li.document").CountAsync()).ShouldBe(Math.Min(ids.Count, 20));
    }

    private async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    private static string Headline(JsonElement doc)
    {
        var text = doc.GetProperty("text").GetString()!;
        var segment = doc.GetProperty("segments").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "headline");
        return text[segment.GetProperty("start").GetInt32()..segment.GetProperty("end").GetInt32()];
    }

    /// <summary>The longest word of the title: likely to be distinctive, whatever the samples say.</summary>
    private static string SearchWord(string title) =>
        Word().Matches(title).Select(m => m.Value).OrderByDescending(w => w.Length).FirstOrDefault()
        ?? throw new InvalidOperationException($"no word to search for in '{title}'");

    private static double Pixels(string cssLength) =>
        double.Parse(cssLength.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}
