using System.Globalization;
using Crosscheck.Access;
using Crosscheck.Cli;
using Crosscheck.Events;
using Crosscheck.Web;
using Microsoft.Playwright;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The analyst's pages in headless Chromium: a review round trip done with the keyboard alone, the pages on a 400 px
/// wide screen, and an article whose title, text and address carry script, event handlers and javascript: links.
/// </summary>
public sealed class ReviewBrowserTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    private static async Task<IPage> NewPage(IBrowser browser, int width)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    [Fact]
    public async Task An_analyst_filters_the_list_corrects_an_incident_and_reverts_it_with_the_keyboard_alone()
    {
        var (client, record, _) = await app.StartCopyAsync("review-browser.db");
        var incident = record.Snapshot().Incidents.First(i => i.Type == PloverType.Assault && !i.Mention && i.Fatalities is { Best: > 0 });
        var machine = incident.Fatalities!.Best;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await NewPage(browser, 1200);
        await BrowserSignIn.SignInAsync(page, client.BaseAddress!, app.AnalystKey);

        // The list, filtered by typing into its form and pressing Enter.
        await page.GotoAsync(new Uri(client.BaseAddress!, "/incidents").ToString());
        await page.Locator("#f-type").FocusAsync();
        await page.Keyboard.TypeAsync("ASSAULT");
        await page.Locator("#f-q").FocusAsync();
        var filtered = page.WaitForURLAsync("**/incidents?type=ASSAULT*");
        await page.Keyboard.PressAsync("Enter");
        await filtered;
        var types = await page.Locator("table.incident-list tr.incident td:nth-child(4)").AllTextContentsAsync();
        types.ShouldNotBeEmpty();
        types.ShouldAllBe(t => t == "ASSAULT");

        // To the incident by its link, with Tab and Enter.
        var link = page.Locator($"tr.incident[data-id='{incident.Id}'] a");
        await link.FocusAsync();
        var toIncident = page.WaitForURLAsync($"**/incidents/{incident.Id}");
        await page.Keyboard.PressAsync("Enter");
        await toIncident;

        // Set the dead: choose the field with the arrow keys, type the value and the reason, press Enter.
        await page.Locator("#r-field").FocusAsync();
        var options = await page.Locator("#r-field option").AllTextContentsAsync();
        for (var i = 0; i < options.ToList().IndexOf("killed"); i++) await page.Keyboard.PressAsync("ArrowDown");
        (await page.Locator("#r-field").InputValueAsync()).ShouldBe("killed");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync((machine + 2).ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("later count");
        var back = page.WaitForURLAsync($"**/incidents/{incident.Id}#history");
        await page.Keyboard.PressAsync("Enter");
        await back;
        (await page.Locator("dd.fatalities").TextContentAsync())!.ShouldContain((machine + 2).ToString(CultureInfo.InvariantCulture));
        (await page.Locator("table.decisions tr.decision").CountAsync()).ShouldBe(1);
        record.Incident(incident.Id)!.Fatalities!.Best.ShouldBe(machine + 2);

        // Revert it from the history: focus the button, press Enter.
        await page.Locator("table.decisions form.revert button").FocusAsync();
        // The page comes back to the same address: wait for the history's second row (the revert).
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('table.decisions tr.decision').length === 2");
        (await page.Locator("table.decisions tr.decision.reverted").CountAsync()).ShouldBe(1);
        record.Incident(incident.Id)!.Fatalities!.Best.ShouldBe(machine);
        // Every control of the forms is reachable and shows where the focus is.
        var outline = await page.Locator("#r-value").EvaluateAsync<string>("e => { e.focus(); return getComputedStyle(e).outlineStyle; }");
        outline.ShouldNotBe("none");
    }

    [Fact]
    public async Task On_a_400_pixel_screen_no_page_is_wider_than_the_screen()
    {
        var (client, record, _) = await app.StartCopyAsync("narrow.db");
        var incident = record.Snapshot().Incidents.Where(i => !i.Mention).OrderByDescending(i => i.Events.Length).First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await NewPage(browser, 400);
        await BrowserSignIn.SignInAsync(page, client.BaseAddress!, app.AnalystKey);
        foreach (var path in new[] { "/incidents", $"/incidents/{incident.Id}", $"/stories/{incident.Story}", "/stories", "/documents" })
        {
            await page.GotoAsync(new Uri(client.BaseAddress!, path).ToString());
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, inner) = (widths[0], widths[1]);
            var wide = scroll <= inner ? "" : await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))"
                + ".slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
            scroll.ShouldBeLessThanOrEqualTo(inner, $"{path} is wider than the screen: {wide}");
            // Wide tables scroll inside their own box instead of breaking the page.
            var loose = await page.EvaluateAsync<int>("""
                () => [...document.querySelectorAll('table')].filter(t => {
                    const r = t.getBoundingClientRect();
                    if (r.right <= window.innerWidth + 1) return false;
                    const box = t.closest('.table-scroll');
                    return !box || box.getBoundingClientRect().right > window.innerWidth + 1;
                }).length
                """);
            loose.ShouldBe(0, $"{path} has a table running off the screen");
        }
    }

    [Fact]
    public async Task An_article_with_script_handlers_and_javascript_links_is_shown_inert()
    {
        using var dir = new TempDirectory();
        var article = dir.Combine("hostile.txt");
        File.WriteAllText(article, """
            ---
            title: Strike <script>window.__pwned = 'title'</script><img src=x onerror="window.__pwned = 'img'">
            url: javascript:window.__pwned='url'
            outlet: <b onmouseover="window.__pwned='outlet'">Evil Wire</b>
            published: 2025-10-07
            ---
            The navy struck a boat in the Caribbean on Tuesday, killing three people <script>window.__pwned = 'text'</script>.
            Officials said <a href="javascript:window.__pwned='link'">click here</a> and <svg onload="window.__pwned='svg'"></svg> nothing more.
            """);
        var db = dir.Combine("hostile.db");
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            CrosscheckCli.Run(["ingest", article, "--db", db], stdout, stderr).ShouldBe(0, stderr.ToString());
        }
        var key = TestAccounts.Add(db, Role.Analyst, "analyst");
        await using var web = CrosscheckWeb.Build(new WebOptions { DatabasePath = db, Urls = "http://127.0.0.1:0" });
        await web.StartAsync();
        var baseAddress = new Uri(web.Urls.Single());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await NewPage(browser, 1200);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await BrowserSignIn.SignInAsync(page, baseAddress, key);

        var record = web.Services.GetService(typeof(Crosscheck.Linking.SourcedRecord)) as Crosscheck.Linking.SourcedRecord;
        var documentId = record!.DocumentIds.Single();
        var paths = new List<string> { "/documents", $"/documents/{documentId}", "/incidents", "/stories" };
        paths.AddRange(record.Snapshot().Incidents.Select(i => $"/incidents/{i.Id}"));
        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(baseAddress, path).ToString());
            // Every link is drawn from http(s) or the site's own paths; the article's words are text.
            var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            hrefs.ShouldAllBe(h => h.StartsWith('/') || h.StartsWith('#') || h.StartsWith("http://", StringComparison.Ordinal) || h.StartsWith("https://", StringComparison.Ordinal), path);
            (await page.Locator("main script, main img[onerror], main svg[onload], main [onmouseover]").CountAsync()).ShouldBe(0, path);
            foreach (var text in await page.Locator("main a").AllAsync())
            {
                if ((await text.TextContentAsync())?.Contains("click here", StringComparison.Ordinal) == true) await text.ClickAsync();
            }
            await page.Mouse.MoveAsync(200, 200);
            (await page.EvaluateAsync<string?>("() => window.__pwned ?? null")).ShouldBeNull(path);
        }
        // The words are shown as written, not dropped.
        await page.GotoAsync(new Uri(baseAddress, $"/documents/{documentId}").ToString());
        (await page.Locator("main").TextContentAsync())!.ShouldContain("<script>window.__pwned = 'text'</script>");
        dialogs.ShouldBe(0);
    }
}
