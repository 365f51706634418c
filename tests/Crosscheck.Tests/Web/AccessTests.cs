using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Crosscheck.Access;
using Crosscheck.Storage;

using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Web;

/// <summary>
/// Who may read and change the record over HTTP. Each refusal is checked by its effect: the event is still in its
/// incident, in the served record and in the database.
/// </summary>
public sealed class AccessTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    /// <summary>The incident an event is saved in, read from the database itself.</summary>
    private static string SavedIncidentOf(string databasePath, string eventId)
    {
        using var connection = StoreSql.OpenAny(databasePath);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT incident FROM event_assignments WHERE event = @e";
        var e = cmd.CreateParameter();
        e.ParameterName = "e";
        e.Value = eventId;
        cmd.Parameters.Add(e);
        return (string)cmd.ExecuteScalar()!;
    }

    private static HttpClient Browser(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    [Theory]
    [OnSqliteWith("none", HttpStatusCode.Unauthorized)]
    [OnSqliteWith("wrong", HttpStatusCode.Unauthorized)]
    [OnSqliteWith("not-bearer", HttpStatusCode.Unauthorized)]
    [OnSqliteWith("reader", HttpStatusCode.Forbidden)]
    [OnPostgresWith("wrong", HttpStatusCode.Unauthorized)]
    [OnPostgresWith("reader", HttpStatusCode.Forbidden)]
    public async Task A_detach_without_a_key_with_a_wrong_key_or_with_a_reader_s_key_is_refused_and_changes_nothing(string sent, HttpStatusCode status, Backend backend)
    {
        var (analyst, record, path) = await app.StartCopyAsync($"refused-{sent}.db", backend: backend);
        var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 2);
        var moved = merged.Events[1];
        using var client = TestAccounts.KeyClient(analyst.BaseAddress!, sent switch
        {
            "wrong" => AccessKey.New(),
            "reader" => app.ReaderKey,
            _ => null,
        });
        if (sent == "not-bearer") client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "YW5hbHlzdDphbmFseXN0");

        using (var response = await client.PostAsync($"/api/incidents/{merged.Id}/events/{moved}/detach", null))
        {
            var problem = await Problem(response, status);
            problem.GetProperty("title").GetString().ShouldBe(status == HttpStatusCode.Forbidden ? "Not allowed" : "Sign in needed");
            if (status == HttpStatusCode.Unauthorized) response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
        // The page's form route refuses the same way.
        using (var response = await client.PostAsync($"/incidents/{merged.Id}/events/{moved}/detach", new FormUrlEncodedContent([])))
        {
            response.StatusCode.ShouldBe(status);
        }

        record.Incident(merged.Id)!.Events.ShouldBe(merged.Events);
        SavedIncidentOf(path, moved).ShouldBe(merged.Id);

        // The analyst's key does it.
        using (var done = await analyst.PostAsync($"/api/incidents/{merged.Id}/events/{moved}/detach", null))
        {
            done.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        record.Incident(merged.Id)!.Events.ShouldNotContain(moved);
        SavedIncidentOf(path, moved).ShouldNotBe(merged.Id);
    }

    [Fact]
    public async Task Another_site_s_form_cannot_detach_with_or_without_the_reader_s_session()
    {
        var (analyst, record, path) = await app.StartCopyAsync("cross-site.db");
        var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 2);
        var moved = merged.Events[1];
        var action = $"/incidents/{merged.Id}/events/{moved}/detach";

        // The session cookie is SameSite=Strict, so a browser sends none with another site's form: no account.
        using var stranger = Browser(analyst.BaseAddress!);
        stranger.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        using (var response = await stranger.PostAsync(action, new FormUrlEncodedContent([])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Even with the session (an older browser), a post without the page's token is refused, on the page's route and the API's.
        using var signedIn = Browser(analyst.BaseAddress!);
        await TestAccounts.SignInAsync(signedIn, app.AnalystKey);
        using (var response = await signedIn.PostAsync(action, new FormUrlEncodedContent([])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        using (var response = await signedIn.PostAsync($"/api/incidents/{merged.Id}/events/{moved}/detach", null))
        {
            (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("title").GetString().ShouldBe("The form has expired");
        }
        record.Incident(merged.Id)!.Events.ShouldBe(merged.Events);
        SavedIncidentOf(path, moved).ShouldBe(merged.Id);

        // The page's own form, token included, does it.
        var token = await TestAccounts.FormTokenAsync(signedIn, $"/incidents/{merged.Id}", $"article.event[data-event='{moved}'] form.detach");
        using (var response = await signedIn.PostAsync(action, new FormUrlEncodedContent([token])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }
        SavedIncidentOf(path, moved).ShouldNotBe(merged.Id);
    }

    [Fact]
    public async Task Reads_need_an_account_unless_the_server_is_public_and_writes_always_do()
    {
        using var anonymous = TestAccounts.KeyClient(app.Client.BaseAddress!, null);
        foreach (var path in new[] { "/api/documents", "/api/stories", "/openapi/v1.json", "/documents", "/stories" })
        {
            using var response = await anonymous.GetAsync(path);
            await Problem(response, HttpStatusCode.Unauthorized);
        }
        // A browser gets the problem as a page that leads to the sign-in form and back.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/stories?limit=5"))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await anonymous.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            page.QuerySelector("a.sign-in")!.GetAttribute("href").ShouldBe("/login?returnUrl=%2Fstories%3Flimit%3D5");
        }
        using (var reader = TestAccounts.KeyClient(app.Client.BaseAddress!, app.ReaderKey))
        {
            (await reader.GetAsync("/api/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync("/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (analyst, record, dbPath) = await app.StartCopyAsync("public.db", isPublic: true);
        using var visitor = TestAccounts.KeyClient(analyst.BaseAddress!, null);
        (await visitor.GetAsync("/api/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync("/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 2);
        using (var response = await visitor.PostAsync($"/api/incidents/{merged.Id}/events/{merged.Events[1]}/detach", null))
        {
            await Problem(response, HttpStatusCode.Unauthorized);
        }
        SavedIncidentOf(dbPath, merged.Events[1]).ShouldBe(merged.Id);
        // A visitor sees no detach button.
        (await visitor.GetStringAsync($"/incidents/{merged.Id}")).ShouldNotContain("form class=\"detach\"");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_removed_account_s_key_and_session_stop_working_at_once(Backend backend)
    {
        var (analyst, _, path) = await app.StartCopyAsync("removed.db", backend: backend);
        var key = TestAccounts.Add(path, Role.Reader, "leaving");
        using var byKey = TestAccounts.KeyClient(analyst.BaseAddress!, key);
        using var bySession = Browser(analyst.BaseAddress!);
        await TestAccounts.SignInAsync(bySession, key);
        (await byKey.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bySession.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var store = DocumentStore.Open(StoreLocation.Parse(path))) store.RemoveUser("leaving").ShouldBeTrue();
        (await byKey.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await bySession.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_and_out_needs_the_form_s_token_and_a_wrong_key_opens_no_session()
    {
        using var browser = Browser(app.Client.BaseAddress!);
        // No token: refused, whatever the key.
        using (var response = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", app.ReaderKey)])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var token = await TestAccounts.FormTokenAsync(browser, "/login", "form.login");
        using (var response = await browser.PostAsync("/login", new FormUrlEncodedContent([token, new("key", AccessKey.New())])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).ShouldContain("That key is not the key of any account.");
        }
        (await browser.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The token as a header and a body that is not a form: no key, no session (and no server error).
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new StringContent($"{{\"key\":\"{app.ReaderKey}\"}}", System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("RequestVerificationToken", token.Value);
            using var response = await browser.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await browser.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Back only to a page of this site, never to another (an open redirect would lend it this site's name).
        using (var response = await browser.PostAsync("/login", new FormUrlEncodedContent([token, new("key", app.ReaderKey), new("returnUrl", "//evil.example/x")])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            response.Headers.Location!.ToString().ShouldBe("/");
        }
        (await browser.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var response = await browser.PostAsync("/logout", new FormUrlEncodedContent([])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await browser.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var logout = await TestAccounts.FormTokenAsync(browser, "/login", "form.logout");
        using (var response = await browser.PostAsync("/logout", new FormUrlEncodedContent([logout])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }
        (await browser.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
