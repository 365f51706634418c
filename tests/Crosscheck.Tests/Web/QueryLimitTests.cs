using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Crosscheck.Access;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Web;

namespace Crosscheck.Tests.Web;

/// <summary>A length limit on what a request searches for, a time limit on each read, and a slow read holding nobody else up.</summary>
[Collection(TimedCollection.Name)]
public sealed class QueryLimitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Vocabulary =
        ["river", "flood", "bridge", "council", "mayor", "water", "village", "road", "storm", "rain", "police", "market", "school", "harbour",
         "ferry", "train", "station", "farm", "crop", "field", "wind", "power", "line", "hospital", "doctor", "nurse", "army", "truck", "fuel", "town"];

    /// <summary>Documents that every word of the vocabulary matches, so a search of many of its words has much to rank.</summary>
    private string Database(int documents)
    {
        var path = _dir.Combine("limits.db");
        var random = new Random(7);
        using var store = DocumentStore.Open(path);
        var batch = new List<Document>();
        for (var i = 0; i < documents; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 120).Select(j => j < Vocabulary.Length ? Vocabulary[j] : Vocabulary[random.Next(Vocabulary.Length)]));
            var text = $"Report {i} from the valley\n\nNumber {i} says: {words}.";
            batch.Add(new DocumentReader().ReadBytes($"r{i}.txt", Encoding.UTF8.GetBytes(text), ".txt").Single().Document!);
            if (batch.Count == 500) { store.AddRange(batch); batch.Clear(); }
        }
        store.AddRange(batch);
        return path;
    }

    /// <summary>Many of the vocabulary's words: each document matches them all, and ranking them takes SQLite many seconds.</summary>
    private static string SlowSearch(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => Vocabulary[i % Vocabulary.Length]));

    [Fact]
    public void A_read_past_its_time_limit_is_interrupted_and_the_pooled_connection_reads_on()
    {
        var path = Database(300);
        using var pool = new SqliteReadPool(path, TimeSpan.FromMilliseconds(200));
        Should.Throw<QueryTimeLimitException>(() => pool.List(SlowSearch(1000), 0, 20));
        pool.List("river", 0, 5).Items.Count.ShouldBe(5);
        // A read stopped by its caller ends as cancelled, not as a timeout.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        using var patient = new SqliteReadPool(path, TimeSpan.FromMinutes(2));
        Should.Throw<OperationCanceledException>(() => patient.Lookup(cancel.Token).List(SlowSearch(1000), 0, 20));
    }

    [Fact]
    public async Task A_slow_search_holds_no_other_request_and_is_stopped_at_the_time_limit()
    {
        // Twice the documents of the other tests: ranking them takes SQLite well past the limit on a fast machine too
        // (over 300 documents the search sometimes ended inside the 6 s, so the limit was never reached).
        var path = Database(600);
        var key = TestAccounts.Add(path, Role.Reader);
        // Long searches allowed here, so that this one reaches the database; the time limit stops it.
        await using var app = CrosscheckWeb.Build(new WebOptions
        {
            DatabasePath = path, Urls = "http://127.0.0.1:0", MaxQueryLength = 100_000, QueryTimeLimit = TimeSpan.FromSeconds(6),
        });
        await app.StartAsync();
        using var client = TestAccounts.KeyClient(new Uri(app.Urls.Single()), key);
        client.Timeout = TimeSpan.FromSeconds(60);
        var id = JsonDocument.Parse(await client.GetStringAsync("/api/documents?limit=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetString();

        var slow = client.GetAsync("/api/documents?q=" + Uri.EscapeDataString(SlowSearch(700)));
        await Task.Delay(300);
        foreach (var page in new[] { $"/documents/{id}", $"/api/documents/{id}", "/documents?q=river", "/api/stories", "/stories" })
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), $"{page} waited for the slow search");
        }
        slow.IsCompleted.ShouldBeFalse("the search was expected to be still running while the pages answered");

        using var stopped = await slow;
        stopped.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        stopped.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await stopped.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().ShouldBe("The query took too long");
    }

    [Theory]
    [InlineData("/api/documents?q=", "q")]
    [InlineData("/documents?q=", "q")]
    [InlineData("/api/events?q=", "q")]
    [InlineData("/api/events?actor=", "actor")]
    [InlineData("/api/events?place=", "place")]
    public async Task A_search_longer_than_the_limit_is_a_400_problem_naming_it(string path, string parameter)
    {
        var db = Database(3);
        var key = TestAccounts.Add(db, Role.Reader);
        await using var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = db, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        using var client = TestAccounts.KeyClient(new Uri(app.Urls.Single()), key);

        // The 7.5 KB search that once held the whole server for half a minute.
        // Words joined by '+' (a space in a query string), so that the request line stays within the server's 8 KB.
        using var response = await client.GetAsync(path + SlowSearch(1250)[..7500].Replace(' ', '+'));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty(parameter)[0].GetString().ShouldBe($"{parameter} must be at most 256 characters (it has 7500).");

        using var fits = await client.GetAsync(path + SlowSearch(60)[..256].Replace(' ', '+'));
        fits.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
