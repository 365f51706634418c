using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Crosscheck.Access;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Tests.Web;

/// <summary>Articles whose URLs are scripts, the headers every answer carries, and the host names a server answers to.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly List<WebApplication> _apps = [];
    private string _path = "";
    private string _key = "";
    private HttpClient _client = null!;
    private readonly Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        _path = _dir.Combine("hard.db");
        using (var store = DocumentStore.Open(_path))
        {
            foreach (var (name, url) in new[] { ("script", "javascript:alert(document.cookie)"), ("spaced", " JavaScript:alert(1)"), ("data", "data:text/html,<script>alert(1)</script>"), ("web", "https://news.example/flood") })
            {
                var text = $"---\ntitle: Flood report {name}\nurl: {url}\n---\nFlood report {name}\n\nThe river rose overnight in the {name} district, officials said.";
                var read = new DocumentReader().ReadBytes($"{name}.txt", Encoding.UTF8.GetBytes(text), ".txt").Single();
                read.Error.ShouldBeNull();
                _ids[name] = store.Add(read.Document!).Document.Id;
            }
        }
        _key = TestAccounts.Add(_path, Role.Reader);
        var app = await StartAsync(WebOptions.LoopbackHosts);
        _client = TestAccounts.KeyClient(app, _key);
    }

    private async Task<Uri> StartAsync(IReadOnlyList<string> hosts)
    {
        var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = _path, Urls = "http://127.0.0.1:0", Hosts = hosts });
        await app.StartAsync();
        _apps.Add(app);
        return new Uri(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        _dir.Dispose();
    }

    [Theory]
    [InlineData("script")]
    [InlineData("spaced")]
    [InlineData("data")]
    public async Task An_article_url_that_is_not_a_web_address_is_shown_as_text_never_as_a_link(string name)
    {
        var page = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/documents/{_ids[name]}"));
        var url = page.QuerySelectorAll("dl.docmeta dt").Single(dt => dt.TextContent == "URL").NextElementSibling!;
        url.QuerySelector("a").ShouldBeNull();
        url.TextContent.Trim().ShouldNotBeEmpty();
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Trim().ToLowerInvariant())
            .ShouldAllBe(href => !href.StartsWith("javascript:") && !href.StartsWith("data:"));
    }

    [Fact]
    public async Task An_article_url_on_the_web_is_a_link_that_sends_no_referrer()
    {
        var page = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/documents/{_ids["web"]}"));
        var link = page.QuerySelector("dl.docmeta a[href^='https:']").ShouldNotBeNull();
        link.GetAttribute("href").ShouldBe("https://news.example/flood");
        link.GetAttribute("rel")!.Split(' ').ShouldContain("noreferrer");
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_whatever_it_is()
    {
        using var anonymous = TestAccounts.KeyClient(_client.BaseAddress!, null);
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("page", await _client.GetAsync("/documents")),
            ("document page", await _client.GetAsync($"/documents/{_ids["web"]}")),
            ("API", await _client.GetAsync("/api/documents")),
            ("404", await _client.GetAsync("/api/documents/nothing-here")),
            ("400", await _client.GetAsync("/api/documents?limit=0")),
            ("401", await anonymous.GetAsync("/stories")),
            ("stylesheet", await anonymous.GetAsync(HtmlPage.StylesheetPath)),
            ("sign-in page", await anonymous.GetAsync("/login")),
            ("refused form", await anonymous.PostAsync("/login", new FormUrlEncodedContent([]))),
        };
        foreach (var (what, response) in answers)
        {
            var headers = response.Headers;
            headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy, what);
            headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", what);
            headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", what);
            headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer", what);
            response.Dispose();
        }
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldNotContain("unsafe-inline");
        SecurityHeaders.ContentSecurityPolicy.ShouldNotContain("script-src");
    }

    [Fact]
    public async Task The_pages_hold_no_script_and_no_inline_style_so_the_policy_costs_them_nothing()
    {
        using var anonymous = TestAccounts.KeyClient(_client.BaseAddress!, null);
        var pages = new List<string>
        {
            await _client.GetStringAsync("/documents"),
            await _client.GetStringAsync("/documents?q=flood"),
            await _client.GetStringAsync($"/documents/{_ids["script"]}"),
            await _client.GetStringAsync("/stories"),
            await anonymous.GetStringAsync("/login"),
        };
        foreach (var html in pages)
        {
            var page = new HtmlParser().ParseDocument(html);
            page.QuerySelectorAll("script, style, [style]").ShouldBeEmpty();
            page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).ShouldBeEmpty();
            page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href").ShouldBe(HtmlPage.StylesheetPath);
        }
        using var css = await anonymous.GetAsync(HtmlPage.StylesheetPath);
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (await css.Content.ReadAsStringAsync()).ShouldContain(".segment-headline");
    }

    [Fact]
    public async Task Only_the_configured_host_names_are_answered()
    {
        foreach (var host in new[] { "evil.example", "127.0.0.1.evil.example", "localhost.", "10.0.0.5" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
            request.Headers.Host = $"{host}:{_client.BaseAddress!.Port}";
            using var response = await _client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, host);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Flood report");
        }
        foreach (var host in new[] { "localhost", "127.0.0.1", "LOCALHOST" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
            request.Headers.Host = $"{host}:{_client.BaseAddress!.Port}";
            using var response = await _client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, host);
        }

        // A server given its own name answers to it, and no longer to the loopback names.
        using var named = TestAccounts.KeyClient(await StartAsync(["crosscheck.example.org"]), _key);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents"))
        {
            request.Headers.Host = "crosscheck.example.org";
            (await named.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await named.GetAsync("/api/documents")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Serve_listens_on_loopback_unless_told_otherwise()
    {
        new Uri(ServeCommand.DefaultUrls).IsLoopback.ShouldBeTrue();
        new Uri(new WebOptions { DatabasePath = _path }.Urls).IsLoopback.ShouldBeTrue();
        var parse = Crosscheck.Cli.CrosscheckCli.Create(TextWriter.Null, TextWriter.Null).Parse(["serve", "--host", "http://evil.example/"]);
        parse.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("--host http://evil.example/: not a host name");
    }
}
