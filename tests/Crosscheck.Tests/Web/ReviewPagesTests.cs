using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Web;

/// <summary>The incident list (filters, sorting, paging) and the incident page's review forms, over HTTP, checked in the rendered HTML.</summary>
public sealed class ReviewPagesTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    private static Task<IDocument> Page(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) => client.GetPageAsync(path, status);

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's session.</summary>
    private static HttpClient Browser(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = baseAddress };

    private static List<string> Rows(IDocument page) => [.. page.QuerySelectorAll("table.incident-list tr.incident").Select(r => r.GetAttribute("data-id")!)];

    [Fact]
    public async Task The_incident_list_filters_sorts_and_pages_as_the_record_says()
    {
        var listed = app.Record.Snapshot().Incidents.Where(i => !i.Mention).ToList();
        var all = await Page(app.Client, "/incidents?limit=100");
        Rows(all).ShouldBe(listed.Select(i => i.Id));
        all.QuerySelector("header.site nav a[href='/incidents']").ShouldNotBeNull();

        var assaults = listed.Where(i => i.Type == PloverType.Assault).ToList();
        assaults.Count.ShouldBeInRange(1, listed.Count - 1);
        Rows(await Page(app.Client, "/incidents?type=ASSAULT&limit=100")).ShouldBe(assaults.Select(i => i.Id));

        // By the dead, most first; incidents without a figure last.
        var byKilled = Rows(await Page(app.Client, "/incidents?type=ASSAULT&sort=killed&order=desc&limit=100"));
        var figures = byKilled.Select(id => listed.Single(i => i.Id == id).Fatalities?.Best).ToList();
        figures.TakeWhile(f => f is not null).ShouldBe(figures.TakeWhile(f => f is not null).OrderByDescending(f => f));
        figures.SkipWhile(f => f is not null).ShouldAllBe(f => f == null);
        var header = (await Page(app.Client, "/incidents?sort=killed&order=desc")).QuerySelector("th[aria-sort]").ShouldNotBeNull();
        header.GetAttribute("aria-sort").ShouldBe("descending");

        // A day range, a place and a grade.
        var dated = assaults.First(i => i.Time?.Start is not null);
        var day = dated.Time!.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Rows(await Page(app.Client, $"/incidents?from={day}&to={day}&limit=100")).ShouldBe(
            listed.Where(i => i.Time is { Start: { } s, End: { } e } && s <= dated.Time.Start && e >= dated.Time.Start).Select(i => i.Id));
        var placed = assaults.First(i => i.Location is not null);
        Rows(await Page(app.Client, $"/incidents?place={Uri.EscapeDataString(placed.Location!.Name)}&limit=100")).ShouldContain(placed.Id);
        var grade = Grades.Name(placed.Grade);
        Rows(await Page(app.Client, $"/incidents?grade={grade}&limit=100")).ShouldBe(listed.Where(i => i.Grade == placed.Grade).Select(i => i.Id));

        // Pages keep the conditions.
        var first = await Page(app.Client, "/incidents?type=ASSAULT&limit=2");
        Rows(first).ShouldBe(assaults.Take(2).Select(i => i.Id));
        var next = first.QuerySelector("nav.pager a[rel=next]").ShouldNotBeNull().GetAttribute("href")!;
        next.ShouldContain("type=ASSAULT");
        Rows(await Page(app.Client, next)).ShouldBe(assaults.Skip(2).Take(2).Select(i => i.Id));

        // The form shows the conditions; a bad one is a 400 naming it.
        (await Page(app.Client, "/incidents?type=ASSAULT")).QuerySelector("select[name=type] option[selected]")!.GetAttribute("value").ShouldBe("ASSAULT");
        (await Page(app.Client, "/incidents?type=BOMBING", HttpStatusCode.BadRequest)).Body!.TextContent.ShouldContain("type");
        (await Page(app.Client, "/incidents?from=yesterday", HttpStatusCode.BadRequest)).Body!.TextContent.ShouldContain("from");
    }

    [Fact]
    public async Task An_analyst_decides_through_the_incident_page_and_a_stale_page_is_refused()
    {
        var (client, record, _) = await app.StartCopyAsync("review-pages.db");
        var incident = record.Snapshot().Incidents.First(i => i.Type == PloverType.Assault && !i.Mention && i.Fatalities is { Best: > 0 });
        using var signedIn = Browser(client.BaseAddress!);
        await TestAccounts.SignInAsync(signedIn, app.AnalystKey);

        var page = await Page(signedIn, $"/incidents/{incident.Id}");
        var form = page.QuerySelector("section.review-forms form.review").ShouldNotBeNull();
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        fields["kind"].ShouldBe("value");
        var post = new Dictionary<string, string>(fields) { ["target"] = incident.Id, ["field"] = "killed", ["value"] = "at least 40", ["reason"] = "the ministry's count", ["action"] = "set" };
        using (var response = await signedIn.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(post)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.ToString().ShouldBe($"/incidents/{incident.Id}#history");
        }
        record.Incident(incident.Id)!.Fatalities!.Best.ShouldBe(40);
        var after = await Page(signedIn, $"/incidents/{incident.Id}");
        after.QuerySelector("dd.fatalities")!.TextContent.ShouldContain("40");
        after.QuerySelectorAll("table.decisions tr.decision").Length.ShouldBe(1);
        after.QuerySelector("table.decisions form.revert button").ShouldNotBeNull();

        // The same form again: drawn before that decision, so refused and nothing changes.
        using (var stale = await signedIn.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>(post) { ["value"] = "2" })))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        record.Incident(incident.Id)!.Fatalities!.Best.ShouldBe(40);

        // Without the page's token the form is refused; a reader sees no forms and may not post one.
        using (var forged = await signedIn.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(post.Where(p => !p.Key.StartsWith("__Request", StringComparison.Ordinal)))))
        {
            ((int)forged.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
        }
        using var reader = Browser(client.BaseAddress!);
        await TestAccounts.SignInAsync(reader, app.ReaderKey);
        var readerPage = await Page(reader, $"/incidents/{incident.Id}");
        readerPage.QuerySelector("section.review-forms").ShouldBeNull();
        readerPage.QuerySelector("table.decisions form.revert").ShouldBeNull();
        record.Review.Decisions.Length.ShouldBe(1);
    }
}
