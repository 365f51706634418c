using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Review;
using Crosscheck.Storage;
using Crosscheck.Tests.Cli;
using Crosscheck.Tests.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Crosscheck.Tests.Web;

/// <summary>
/// A running server takes in what other processes store and link in its database: the samples are split in two, the
/// server starts over the first part, another store or process ingests the rest, and the record served must become the
/// record a single ingest of every sample makes, within five seconds.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class LiveRecordTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_document_another_process_ingests_shows_in_the_running_servers_incidents_within_five_seconds()
    {
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first);
        await using var app = await StartAsync(path);
        using var client = Client(app);
        var before = await IncidentDocuments(client);

        var ingest = CliRunner.Run(["ingest", "--db", path, rest]);
        ingest.ExitCode.ShouldBe(0, ingest.Stderr);
        var clock = Stopwatch.StartNew();
        var added = NewDocuments(path, rest);
        added.ShouldNotBeEmpty();
        HashSet<string> now;
        do
        {
            now = await IncidentDocuments(client);
            if (added.Any(now.Contains)) break;
            await Task.Delay(50);
        }
        while (clock.Elapsed < Within);
        added.Where(now.Contains).ShouldNotBeEmpty($"no new document in /api/incidents {clock.Elapsed.TotalSeconds:0.0} s after the ingest ended");
        before.ShouldNotContain(added[0]);

        // Linked once, by the ingest: the server read its links back and the record is the one a single ingest makes.
        await Eventually(() => ServedJson(app) == SampleRecord.ExpectedCrossJson);
        ServedJson(app).ShouldBe(SampleRecord.ExpectedCrossJson);
        Scalar(path, "SELECT value FROM linker_state WHERE name = 'documents'").ShouldBe(SampleRecord.Facts.Count);
    }

    [Fact]
    public async Task Earlier_documents_another_store_only_stores_are_linked_by_the_server_which_rebuilds_the_record_in_link_order()
    {
        var expected = SampleRecord.ExpectedCrossJson; // reads every sample once in this process before the clock runs
        var (first, rest) = SplitSamples(held: 3, earliest: true);
        var path = LinkedDatabase(first);
        await using var app = await StartAsync(path);
        var linkedBefore = Scalar(path, "SELECT value FROM linker_state WHERE name = 'documents'");

        using (var other = DocumentStore.Open(path))
        {
            new DocumentIngestor(other, new DocumentReader()).Ingest([rest]).Added.ShouldBe(3);
        }
        var clock = Stopwatch.StartNew();
        await Eventually(() => ServedJson(app) == expected);
        clock.Elapsed.ShouldBeLessThan(Within);
        ServedJson(app).ShouldBe(expected);
        Scalar(path, "SELECT count(*) FROM link_queue").ShouldBe(0);
        Scalar(path, "SELECT value FROM linker_state WHERE name = 'documents'").ShouldBe(linkedBefore + 3);
    }

    [Fact]
    public async Task Earlier_documents_another_store_ingests_and_links_are_read_back_by_the_server_not_linked_again()
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var (first, rest) = SplitSamples(held: 3, earliest: true);
        var path = LinkedDatabase(first);
        var linkedByServer = 0;
        await using var app = await StartAsync(path, doc =>
        {
            Interlocked.Increment(ref linkedByServer);
            return RecordLoader.Analyze(doc);
        });

        using (var other = DocumentStore.Open(path))
        {
            var (summary, load) = IngestCommand.Ingest(other, new DocumentReader(), [rest], TextWriter.Null, TextWriter.Null);
            summary.Added.ShouldBe(3);
            load.Linked.ShouldBeGreaterThanOrEqualTo(3);
        }
        var clock = Stopwatch.StartNew();
        await Eventually(() => ServedJson(app) == expected);
        clock.Elapsed.ShouldBeLessThan(Within);
        linkedByServer.ShouldBe(0);
        Scalar(path, "SELECT count(*) FROM link_queue").ShouldBe(0);
    }

    [Fact]
    public async Task While_another_process_holds_the_link_lock_the_server_shows_what_it_linked_and_links_nothing()
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first);
        var linkedByServer = 0;
        await using var app = await StartAsync(path, doc =>
        {
            Interlocked.Increment(ref linkedByServer);
            return RecordLoader.Analyze(doc);
        });

        // The lock is held as a linking process holds it, from storing to the end of its links.
        using (var waited = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (LinkLock.Take(path, cancellation: waited.Token))
        {
            using var other = DocumentStore.Open(path);
            new DocumentIngestor(other, new DocumentReader()).Ingest([rest]).Added.ShouldBeGreaterThan(0);
            await Task.Delay(1500); // the server sees documents stored, finds the lock taken, and must not link them
            linkedByServer.ShouldBe(0);
            RecordLoader.Open(other).LinkPending().Failed.ShouldBe(0);
            var clock = Stopwatch.StartNew();
            await Eventually(() => ServedJson(app) == expected);
            clock.Elapsed.ShouldBeLessThan(Within);
        }
        linkedByServer.ShouldBe(0);
    }

    [Fact]
    public async Task A_decision_made_on_the_server_still_shows_after_the_record_is_reloaded_for_another_process_s_documents()
    {
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first);
        await using var app = await StartAsync(path);
        var before = app.Services.GetRequiredService<SourcedRecord>();
        var incident = before.Incidents(null, 0, 1).Items[0];
        var decided = app.Services.GetRequiredService<ReviewDesk>().Decide(new DecisionRequest(
            DecisionTarget.Incident, incident.Id, DecisionAction.Set, ReviewFields.Killed, JsonValue.Create(41), "counted again from the ministry's list", "tester"));
        decided.Stored.ShouldBeTrue(decided.Error);
        ReviewFields.ValueOf(before.Incident(incident.Id)!, ReviewFields.Killed).ShouldBe("""{"min":41,"max":41}""");

        using (var other = DocumentStore.Open(path))
        {
            IngestCommand.Ingest(other, new DocumentReader(), [rest], TextWriter.Null, TextWriter.Null).Load.Failed.ShouldBe(0);
        }
        await Eventually(() => !ReferenceEquals(app.Services.GetRequiredService<SourcedRecord>(), before));
        var after = app.Services.GetRequiredService<SourcedRecord>();
        after.ShouldNotBeSameAs(before);
        ReviewFields.ValueOf(after.Incident(incident.Id)!, ReviewFields.Killed).ShouldBe("""{"min":41,"max":41}""");
        // Decisions are made on the record served now.
        var desk = app.Services.GetRequiredService<ReviewDesk>();
        desk.Decide(new DecisionRequest(DecisionTarget.Incident, incident.Id, DecisionAction.Set, ReviewFields.Killed, JsonValue.Create(42), "one more", "tester")).Stored.ShouldBeTrue();
        ReviewFields.ValueOf(after.Incident(incident.Id)!, ReviewFields.Killed).ShouldBe("""{"min":42,"max":42}""");
    }

    [Fact]
    public async Task A_reprocess_run_by_another_process_is_loaded_by_the_server_once_it_is_whole()
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var path = LinkedDatabase(SampleRecord.Directory);
        var linkedByServer = 0;
        await using var app = await StartAsync(path, doc =>
        {
            Interlocked.Increment(ref linkedByServer);
            return RecordLoader.Analyze(doc);
        });
        var before = app.Services.GetRequiredService<SourcedRecord>();

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Crosscheck.Cli.CrosscheckCli.Run(["reprocess", "--all", "--db", path], stdout, stderr).ShouldBe(0, stderr.ToString());
        var clock = Stopwatch.StartNew();
        await Eventually(() => !ReferenceEquals(app.Services.GetRequiredService<SourcedRecord>(), before));
        clock.Elapsed.ShouldBeLessThan(Within);
        ServedJson(app).ShouldBe(expected);
        linkedByServer.ShouldBe(0);
    }

    [Fact]
    public void The_store_mark_moves_when_a_document_is_stored_or_linked_and_stays_when_the_record_is_read()
    {
        using var store = DocumentStore.Open(_dir.Combine("mark.db"));
        var empty = store.ReadMark();
        new DocumentIngestor(store, new DocumentReader()).Ingest([SampleRecord.Directory]);
        var stored = store.ReadMark();
        stored.LastDocument.ShouldBeGreaterThan(empty.LastDocument);
        stored.Changes.ShouldBe(empty.Changes);
        RecordLoader.Load(store);
        var linked = store.ReadMark();
        linked.Changes.ShouldBeGreaterThan(stored.Changes);
        RecordLoader.Resume(store).ShouldNotBeNull().Pending.ShouldBe(0);
        store.ReadMark().ShouldBe(linked);
    }

    [Fact]
    public async Task One_linker_holds_a_database_at_a_time_and_a_load_waits_for_it()
    {
        var path = _dir.Combine("locked.db");
        using (DocumentStore.Open(path)) { }
        var held = LinkLock.TryTake(path).ShouldNotBeNull();
        LinkLock.TryTake(path).ShouldBeNull();

        var waited = 0;
        var load = Task.Run(() =>
        {
            using var store = DocumentStore.Open(path);
            return RecordLoader.Load(store, waiting: () => Interlocked.Increment(ref waited));
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref waited) > 0, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        load.IsCompleted.ShouldBeFalse();
        held.Dispose();
        await load.WaitAsync(TimeSpan.FromSeconds(30));
        waited.ShouldBe(1);
        using var again = LinkLock.TryTake(path).ShouldNotBeNull();
    }

    /// <summary>The samples, sorted by name (their day), in two folders: all but <paramref name="held"/>, and those held back.</summary>
    private (string First, string Later) SplitSamples(int held, bool earliest)
    {
        var files = Directory.GetFiles(SampleRecord.Directory).Order(StringComparer.Ordinal).ToList();
        var rest = earliest ? files.Take(held).ToList() : files.TakeLast(held).ToList();
        var first = _dir.Combine("first");
        var later = _dir.Combine("rest");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(later);
        foreach (var file in files) File.Copy(file, Path.Combine(rest.Contains(file) ? later : first, Path.GetFileName(file)));
        return (first, later);
    }

    private string LinkedDatabase(string folder)
    {
        var path = _dir.Combine("live.db");
        using var store = DocumentStore.Open(path);
        IngestCommand.Ingest(store, new DocumentReader(), [folder], TextWriter.Null, TextWriter.Null).Load.Failed.ShouldBe(0);
        return path;
    }

    private static async Task<WebApplication> StartAsync(string path, Func<Document, DocumentFacts>? analyze = null)
    {
        var app = CrosscheckWeb.Build(new WebOptions
        {
            DatabasePath = path,
            Urls = "http://127.0.0.1:0",
            Public = true, // reads without an account: these tests read the API as any reader
            Analyze = analyze,
            Problem = line => Console.Error.WriteLine("unexpected problem: " + line),
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every document that some listed incident names, as GET /api/incidents pages them (each read at its URL).</summary>
    private static async Task<HashSet<string>> IncidentDocuments(HttpClient client)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 100)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/incidents?offset={offset}&limit=100")).RootElement;
            var items = page.GetProperty("items").EnumerateArray().ToList();
            foreach (var incident in items)
            {
                // A list gives summaries; the incident in full (with its documents) is at its own URL.
                var full = JsonDocument.Parse(await client.GetStringAsync(incident.GetProperty("url").GetString())).RootElement;
                foreach (var d in full.GetProperty("incident").GetProperty("documents").EnumerateArray()) documents.Add(d.GetString()!);
            }
            if (items.Count < 100) return documents;
        }
    }

    private static List<string> NewDocuments(string path, string folder)
    {
        using var store = DocumentStore.Open(path);
        return [.. store.List(null, 0, 100).Items.Where(d => d.Source.StartsWith(folder, StringComparison.Ordinal)).Select(d => d.Id)];
    }

    private static string ServedJson(WebApplication app) => SampleRecord.CrossJsonOf(app.Services.GetRequiredService<SourcedRecord>().Snapshot());

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
