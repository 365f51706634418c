using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Crosscheck.Access;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Web;

/// <summary>Accounts for the web tests: made in a test database as <c>crosscheck users add</c> makes them, and clients that use them.</summary>
public static class TestAccounts
{
    /// <summary>Adds an account of <paramref name="role"/> to the database and returns its key.</summary>
    /// <remarks><paramref name="databasePath"/> is what <c>--db</c> takes: a SQLite file or a <c>postgres://</c> location.</remarks>
    public static string Add(string databasePath, Role role, string? name = null) => Add(databasePath, role, name, AccessKey.New());

    /// <summary>Adds an account of <paramref name="role"/> whose key is <paramref name="key"/> and returns the key.</summary>
    public static string Add(string databasePath, Role role, string? name, string key)
    {
        using var store = DocumentStore.Open(StoreLocation.Parse(databasePath));
        store.AddUser(name ?? $"{Roles.Name(role)}-{Guid.NewGuid():N}"[..20], role, AccessKey.Hash(key)).ShouldNotBeNull();
        return key;
    }

    /// <summary>A client that sends <paramref name="key"/> with every request (none when null).</summary>
    public static HttpClient KeyClient(Uri baseAddress, string? key, bool followRedirects = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = baseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Signs a cookie-keeping client in at <c>/login</c> with <paramref name="key"/>, through the form as a browser would.</summary>
    public static async Task SignInAsync(HttpClient client, string key)
    {
        var token = await FormTokenAsync(client, "/login", "form.login");
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent([token, new("key", key)]));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery field of the form <paramref name="selector"/> on the page at <paramref name="path"/>.</summary>
    public static async Task<KeyValuePair<string, string>> FormTokenAsync(HttpClient client, string path, string selector)
    {
        var html = await client.GetStringAsync(path);
        var form = new HtmlParser().ParseDocument(html).QuerySelector(selector).ShouldNotBeNull($"no {selector} on {path}");
        var field = form.QuerySelector("input[type=hidden][name^='__RequestVerificationToken']").ShouldNotBeNull();
        return new(field.GetAttribute("name")!, field.GetAttribute("value")!);
    }
}
