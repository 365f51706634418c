using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Web;

/// <summary>The pages and the API over HTTP, against a real server on a loopback port.</summary>
public sealed class WebAppTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private Task<IDocument> Page(string path) => app.Client.GetPageAsync(path);

    private async Task<JsonElement> Json(string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await app.Client.GetAsync(path);
        response.StatusCode.ShouldBe(status, path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/documents")]
    public async Task The_list_shows_every_document_with_a_link_to_its_page(string path)
    {
        var page = await Page(path);
        var rows = page.QuerySelectorAll("li.document");
        rows.Length.ShouldBe(app.DocumentCount);
        var dam = rows.Single(r => r.GetAttribute("data-id") == app.Dam.Id);
        dam.QuerySelector("a.title")!.TextContent.ShouldBe(WebAppFixture.DamTitle);
        dam.QuerySelector("a.title")!.GetAttribute("href").ShouldBe($"/documents/{app.Dam.Id}");
        dam.QuerySelector(".outlet")!.TextContent.ShouldBe("The Example Post");
        dam.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2024-03-05");
        dam.QuerySelector(".snippet")!.TextContent.ShouldContain("Negotiators");
        dam.QuerySelector(".duplicate").ShouldBeNull();
        page.QuerySelector("form.search input[name=q]").ShouldNotBeNull();
        page.QuerySelector(".summary")!.TextContent.ShouldContain($"of {app.DocumentCount} documents");
    }

    [Fact]
    public async Task A_document_without_a_title_is_listed_by_its_headline()
    {
        var page = await Page("/documents");
        page.QuerySelectorAll("li.document a.title").Select(a => a.TextContent).ShouldContain("Harbour report number 1");
    }

    [Fact]
    public async Task A_near_duplicate_is_marked_and_links_to_the_original()
    {
        app.DamCopy.DuplicateOf.ShouldBe(app.Dam.Id);
        var page = await Page("/documents");
        var copy = page.QuerySelectorAll("li.document").Single(r => r.GetAttribute("data-id") == app.DamCopy.Id);
        copy.QuerySelector("a.duplicate")!.GetAttribute("href").ShouldBe($"/documents/{app.Dam.Id}");

        var copyPage = await Page($"/documents/{app.DamCopy.Id}");
        copyPage.QuerySelector("a.duplicate-of")!.GetAttribute("href").ShouldBe($"/documents/{app.Dam.Id}");
    }

    [Fact]
    public async Task Search_finds_matching_documents_and_highlights_the_words()
    {
        var page = await Page("/documents?q=turbines");
        var ids = page.QuerySelectorAll("li.document").Select(r => r.GetAttribute("data-id")).ToList();
        ids.ShouldBe([app.Dam.Id, app.DamCopy.Id], ignoreOrder: true);
        page.QuerySelectorAll(".snippet mark").Select(m => m.TextContent.ToLowerInvariant()).ShouldContain("turbines");
        page.QuerySelector("input[name=q]")!.GetAttribute("value").ShouldBe("turbines");
        page.QuerySelector(".summary")!.TextContent.ShouldContain("matching “turbines”");
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var page = await Page("/documents?q=zeppelin");
        page.QuerySelectorAll("li.document").ShouldBeEmpty();
        page.QuerySelector(".summary")!.TextContent.ShouldContain("No documents match");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20")]
    [InlineData("%21%3F%5B%5D")]
    public async Task A_search_without_words_lists_everything(string q)
    {
        var page = await Page($"/documents?q={q}");
        page.QuerySelectorAll("li.document").Length.ShouldBe(app.DocumentCount);
        page.QuerySelectorAll("mark").ShouldBeEmpty();
        page.QuerySelector(".summary")!.TextContent.ShouldNotContain("matching");
    }

    [Fact]
    public async Task Paging_shows_a_window_and_links_to_the_neighbours()
    {
        var page = await Page("/documents?offset=2&limit=2");
        page.QuerySelectorAll("li.document").Length.ShouldBe(2);
        page.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe("/documents?limit=2");
        page.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("/documents?offset=4&limit=2");
        // The search form keeps the page size.
        page.QuerySelector("form.search input[name=limit]")!.GetAttribute("value").ShouldBe("2");

        var last = await Page($"/documents?offset={app.DocumentCount - 1}&limit=2");
        last.QuerySelectorAll("li.document").Length.ShouldBe(1);
        last.QuerySelector("a[rel=next]").ShouldBeNull();
    }

    [Fact]
    public async Task The_document_page_marks_every_segment_with_its_kind()
    {
        var page = await Page($"/documents/{app.Dam.Id}");
        var segments = page.QuerySelectorAll("article.text .segment");
        segments.Select(s => s.GetAttribute("data-kind")).ShouldBe(app.Dam.Segments.Select(s => Segment.Name(s.Kind)));
        foreach (var (element, segment) in segments.Zip(app.Dam.Segments))
        {
            var kind = Segment.Name(segment.Kind);
            element.ClassList.ShouldContain("segment-" + kind);
            element.QuerySelector(".segment-label")!.TextContent.ShouldBe(kind);
            element.QuerySelector(".segment-text")!.TextContent.ShouldBe(app.Dam.Slice(segment));
        }
        // The article was written to have one of each kind.
        segments.Select(s => s.GetAttribute("data-kind")).Distinct().ShouldBe(
            ["headline", "lede", "body", "subhead", "caption", "boilerplate", "comment"], ignoreOrder: true);
        page.QuerySelector("h2.segment-headline")!.QuerySelector(".segment-text")!.TextContent.ShouldBe(WebAppFixture.DamTitle);
    }

    [Fact]
    public async Task The_document_page_shows_metadata_sources_and_a_way_back()
    {
        var page = await Page($"/documents/{app.Dam.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(WebAppFixture.DamTitle);
        page.Title.ShouldStartWith(WebAppFixture.DamTitle);
        var meta = page.QuerySelector("dl.docmeta")!.TextContent;
        meta.ShouldContain("The Example Post");
        meta.ShouldContain("5 March 2024");
        meta.ShouldContain(app.Dam.Id);
        page.QuerySelector("dl.docmeta a[href='https://news.example/dam-talks']").ShouldNotBeNull();
        // Added twice from the same name, recorded once.
        page.QuerySelectorAll("section.sources li").Select(li => li.TextContent).ShouldBe(["dam.txt"]);
        page.QuerySelector("a.back")!.GetAttribute("href").ShouldBe("/documents");
    }

    [Fact]
    public async Task Markup_in_titles_and_text_is_shown_as_text()
    {
        using var list = await app.Client.GetAsync("/documents");
        var listHtml = await list.Content.ReadAsStringAsync();
        listHtml.ShouldNotContain("<script>alert");
        listHtml.ShouldContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; other tags");
        listHtml.ShouldNotContain("<b>Weekly</b>");

        using var doc = await app.Client.GetAsync($"/documents/{app.Script.Id}");
        var html = await doc.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("h1")!.TextContent.ShouldBe(WebAppFixture.ScriptTitle);
        page.QuerySelectorAll("script, img, b").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/documents/d-0000000000000000")]
    [InlineData("/api/documents/d-0000000000000000")]
    [InlineData("/api/documents/d-0000000000000000/sources")]
    public async Task An_unknown_document_is_a_404_problem(string path)
    {
        using var response = await app.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldBe("No such document");
        problem.GetProperty("detail").GetString()!.ShouldContain("d-0000000000000000");
    }

    [Fact]
    public async Task A_browser_asking_for_an_unknown_document_gets_an_error_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/documents/d-0000000000000000");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await app.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("No such document");
    }

    [Theory]
    [InlineData("/documents", "offset=-1", "offset")]
    [InlineData("/documents", "offset=abc", "offset")]
    [InlineData("/documents", "limit=0", "limit")]
    [InlineData("/documents", "limit=101", "limit")]
    [InlineData("/", "limit=ten", "limit")]
    [InlineData("/api/documents", "offset=1.5", "offset")]
    [InlineData("/api/documents", "limit=-3", "limit")]
    [InlineData("/api/documents", "offset=99999999999", "offset")]
    public async Task Bad_paging_is_a_400_problem(string path, string query, string field)
    {
        using var response = await app.Client.GetAsync($"{path}?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await app.Client.GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_api_lists_documents_a_page_at_a_time()
    {
        var all = await Json("/api/documents");
        all.GetProperty("total").GetInt32().ShouldBe(app.DocumentCount);
        all.GetProperty("offset").GetInt32().ShouldBe(0);
        all.GetProperty("limit").GetInt32().ShouldBe(20);
        all.GetProperty("items").GetArrayLength().ShouldBe(app.DocumentCount);
        var first = all.GetProperty("items")[0];
        first.GetProperty("id").GetString().ShouldBe(app.Dam.Id);
        first.GetProperty("title").GetString().ShouldBe(WebAppFixture.DamTitle);
        first.GetProperty("outlet").GetString().ShouldBe("The Example Post");
        first.GetProperty("published").GetString().ShouldBe("2024-03-05");
        first.GetProperty("duplicateOf").ValueKind.ShouldBe(JsonValueKind.Null);
        all.GetProperty("items")[1].GetProperty("duplicateOf").GetString().ShouldBe(app.Dam.Id);

        var window = await Json("/api/documents?offset=1&limit=2");
        window.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .ShouldBe(all.GetProperty("items").EnumerateArray().Skip(1).Take(2).Select(i => i.GetProperty("id").GetString()));
        window.GetProperty("total").GetInt32().ShouldBe(app.DocumentCount);
    }

    [Fact]
    public async Task The_api_searches_with_full_text()
    {
        var found = await Json("/api/documents?q=harbour%20cargo&limit=2");
        found.GetProperty("total").GetInt32().ShouldBe(WebAppFixture.HarbourReports);
        found.GetProperty("items").GetArrayLength().ShouldBe(2);
        found.GetProperty("items")[0].GetProperty("snippet").GetString()!.ShouldContain("[cargo]");
    }

    [Fact]
    public async Task The_api_returns_a_document_in_the_analysis_contract_shape()
    {
        var doc = await Json($"/api/documents/{app.DamCopy.Id}");
        doc.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "source", "outlet", "title", "published", "url", "language", "text", "duplicateOf", "segments"]);
        doc.GetProperty("id").GetString().ShouldBe(app.DamCopy.Id);
        doc.GetProperty("source").GetString().ShouldBe("dam-copy.txt");
        doc.GetProperty("published").GetString().ShouldBe("2024-03-06");
        doc.GetProperty("language").GetString().ShouldBe("en");
        doc.GetProperty("text").GetString().ShouldBe(app.DamCopy.Text);
        doc.GetProperty("duplicateOf").GetString().ShouldBe(app.Dam.Id);
        doc.GetProperty("segments").EnumerateArray()
            .Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))
            .ShouldBe(app.DamCopy.Segments.Select(s => ((string?)Segment.Name(s.Kind), s.Start, s.End)));

        var sources = await Json($"/api/documents/{app.Dam.Id}/sources");
        sources.EnumerateArray().Select(s => s.GetString()).ShouldBe(["dam.txt"]);
    }
}
