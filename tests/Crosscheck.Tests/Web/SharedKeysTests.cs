using System.Net;
using Crosscheck.Access;
using Crosscheck.Tests.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Tests.Web;

/// <summary>
/// Several servers, one record (issue 16 item 4) behind one address: servers given one keys folder (<c>serve --keys</c>)
/// accept each other's sign-in sessions; a server with keys of its own does not.
/// </summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task Servers_given_one_keys_folder_accept_each_other_s_sessions_and_a_server_with_its_own_keys_does_not()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("record.db");
        SampleRecord.StoreDocuments(db).Dispose();
        var key = TestAccounts.Add(db, Role.Reader, "reader");
        var keys = dir.Combine("keys");
        await using var one = await StartAsync(db, keys);
        await using var two = await StartAsync(db, keys);
        await using var own = await StartAsync(db, keysDirectory: null);

        // One browser (its cookies go to every port of 127.0.0.1) signs in on the first server.
        var cookies = new CookieContainer();
        using var atOne = Browser(one, cookies);
        (await atOne.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await TestAccounts.SignInAsync(atOne, key);
        (await atOne.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var atTwo = Browser(two, cookies);
        (await atTwo.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var atOwn = Browser(own, cookies);
        (await atOwn.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The keys are in the folder, which only the server's user may read.
        Directory.GetFiles(keys, "*.xml").ShouldNotBeEmpty();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void A_keys_folder_that_cannot_be_made_is_refused_at_start_naming_it()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("record.db");
        SampleRecord.StoreDocuments(db).Dispose();
        var taken = dir.Combine("a-file");
        File.WriteAllText(taken, "not a folder");
        var error = Should.Throw<InvalidDataException>(() => CrosscheckWeb.Build(new WebOptions { DatabasePath = db, Urls = "http://127.0.0.1:0", KeysDirectory = taken }));
        error.Message.ShouldStartWith($"--keys {taken}: cannot keep the session keys there");
    }

    private static async Task<WebApplication> StartAsync(string db, string? keysDirectory)
    {
        var app = CrosscheckWeb.Build(new WebOptions
        {
            DatabasePath = db,
            Urls = "http://127.0.0.1:0",
            KeysDirectory = keysDirectory,
            Problem = line => Console.Error.WriteLine("unexpected problem: " + line),
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    private static HttpClient Browser(WebApplication app, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = new Uri(app.Urls.Single()),
            Timeout = TimeSpan.FromSeconds(10),
        };
}
