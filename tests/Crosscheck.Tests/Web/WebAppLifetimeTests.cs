using System.Text;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Web;

namespace Crosscheck.Tests.Web;

/// <summary>What the app does with its database over its life, each test with an app of its own.</summary>
public sealed class WebAppLifetimeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crosscheck-web-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Stopping_the_app_closes_the_database()
    {
        var path = Path.Combine(_directory, "life.db");
        using (var store = DocumentStore.Open(path))
        {
            var read = new DocumentReader().ReadBytes("a.txt", Encoding.UTF8.GetBytes("A short headline\n\nA first paragraph, said an official."), ".txt").Single();
            store.Add(read.Document!);
        }
        var key = TestAccounts.Add(path, Crosscheck.Access.Role.Reader);
        var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        using (var client = TestAccounts.KeyClient(new Uri(app.Urls.Single()), key))
        {
            (await client.GetStringAsync("/api/documents")).ShouldContain("A short headline");
        }
        File.Exists(path + "-wal").ShouldBeTrue("the app should hold the database open while it runs");

        // Stopping alone (as Ctrl+C does, with nobody disposing the app) must close the connection;
        // SQLite removes the write-ahead log when the last connection closes cleanly.
        await app.StopAsync();
        File.Exists(path + "-wal").ShouldBeFalse();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Many_requests_at_once_all_succeed()
    {
        var path = Path.Combine(_directory, "busy.db");
        using (var store = DocumentStore.Open(path))
        {
            for (var i = 0; i < 30; i++)
            {
                var text = $"Report {i} on the river\n\nThe river rose by {i} centimetres overnight, the water board said.";
                store.Add(new DocumentReader().ReadBytes($"r{i}.txt", Encoding.UTF8.GetBytes(text), ".txt").Single().Document!);
            }
        }
        var key = TestAccounts.Add(path, Crosscheck.Access.Role.Reader);
        await using var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        using var client = TestAccounts.KeyClient(new Uri(app.Urls.Single()), key);
        var first = await client.GetStringAsync("/api/documents?limit=1");
        var id = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        string[] paths = ["/documents", "/documents?q=river", $"/documents/{id}", "/api/documents?offset=5&limit=5", $"/api/documents/{id}"];
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.GetAsync(paths[i % paths.Length])));
        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        foreach (var r in responses) r.Dispose();
        await app.StopAsync();
    }
}
