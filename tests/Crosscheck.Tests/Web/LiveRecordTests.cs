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
    private readonly List<StoreTarget> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases) database.Dispose();
        _dir.Dispose();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_document_another_process_ingests_shows_in_the_running_servers_incidents_within_five_seconds(Backend backend)
    {
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first, backend);
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

    [Theory, OnSqlite, OnPostgres]
    public async Task Earlier_documents_another_store_only_stores_are_linked_by_the_server_which_rebuilds_the_record_in_link_order(Backend backend)
    {
        var expected = SampleRecord.ExpectedCrossJson; // reads every sample once in this process before the clock runs
        var (first, rest) = SplitSamples(held: 3, earliest: true);
        var path = LinkedDatabase(first, backend);
        await using var app = await StartAsync(path);
        var linkedBefore = Scalar(path, "SELECT value FROM linker_state WHERE name = 'documents'");

        using (var other = OpenStore(path))
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

    [Theory, OnSqlite, OnPostgres]
    public async Task Earlier_documents_another_store_ingests_and_links_are_read_back_by_the_server_not_linked_again(Backend backend)
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var (first, rest) = SplitSamples(held: 3, earliest: true);
        var path = LinkedDatabase(first, backend);
        var linkedByServer = 0;
        await using var app = await StartAsync(path, doc =>
        {
            Interlocked.Increment(ref linkedByServer);
            return RecordLoader.Analyze(doc);
        });

        using (var other = OpenStore(path))
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

    [Theory, OnSqlite, OnPostgres]
    public async Task While_another_process_holds_the_link_lock_the_server_shows_what_it_linked_and_links_nothing(Backend backend)
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first, backend);
        var linkedByServer = 0;
        await using var app = await StartAsync(path, doc =>
        {
            Interlocked.Increment(ref linkedByServer);
            return RecordLoader.Analyze(doc);
        });

        // The lock is held as a linking process holds it, from storing to the end of its links.
        using (var other = OpenStore(path))
        using (var waited = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (LinkLock.Take(other, cancellation: waited.Token))
        {
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

    [Theory, OnSqlite, OnPostgres]
    public async Task A_decision_made_on_the_server_still_shows_after_the_record_is_reloaded_for_another_process_s_documents(Backend backend)
    {
        var (first, rest) = SplitSamples(held: 3, earliest: false);
        var path = LinkedDatabase(first, backend);
        await using var app = await StartAsync(path);
        var before = app.Services.GetRequiredService<SourcedRecord>();
        var incident = before.Incidents(null, 0, 1).Items[0];
        var decided = app.Services.GetRequiredService<ReviewDesk>().Decide(new DecisionRequest(
            DecisionTarget.Incident, incident.Id, DecisionAction.Set, ReviewFields.Killed, JsonValue.Create(41), "counted again from the ministry's list", "tester"));
        decided.Stored.ShouldBeTrue(decided.Error);
        ReviewFields.ValueOf(before.Incident(incident.Id)!, ReviewFields.Killed).ShouldBe("""{"min":41,"max":41}""");

        using (var other = OpenStore(path))
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

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reprocess_run_by_another_process_is_loaded_by_the_server_once_it_is_whole(Backend backend)
    {
        var expected = SampleRecord.ExpectedCrossJson;
        var path = LinkedDatabase(SampleRecord.Directory, backend);
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

    [Theory, OnSqlite, OnPostgres]
    public void The_store_mark_moves_when_a_document_is_stored_or_linked_or_decided_and_stays_when_the_record_is_read(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        var empty = store.ReadMark();
        new DocumentIngestor(store, new DocumentReader()).Ingest([SampleRecord.Directory]);
        var stored = store.ReadMark();
        stored.LastDocument.ShouldBeGreaterThan(empty.LastDocument);
        stored.Changes.ShouldBe(empty.Changes);
        var record = RecordLoader.Load(store).Record;
        var linked = store.ReadMark();
        linked.Changes.ShouldBeGreaterThan(stored.Changes);
        linked.Decisions.ShouldBe(0);
        RecordLoader.Resume(store).ShouldNotBeNull().Pending.ShouldBe(0);
        store.ReadMark().ShouldBe(linked);

        // An analyst's decision and a detach move the analysts' part of the mark (another server follows it), not the linker's.
        var incident = record.Snapshot().Incidents.First(i => i.Events.Length >= 2);
        new ReviewDesk(store, record).Decide(new DecisionRequest(
            DecisionTarget.Incident, incident.Id, DecisionAction.Set, ReviewFields.Killed, JsonValue.Create(3), "a later count", "tester")).Stored.ShouldBeTrue();
        store.ReadMark().ShouldBe(linked with { Decisions = 1 });
        record.Detach(incident.Events[1]).ShouldNotBeNull();
        // A detach moves a report: the part of the mark that changes the record itself, which another server reads again.
        store.ReadMark().ShouldBe(linked with { Decisions = 2, Reassigned = 1 });
        store.AnalystWrites.ShouldBe(2);
        // A rebuild keeps the count: a mark never goes back.
        using (var other = target.Open()) other.SaveLinkerState(new Dictionary<string, int>(), 0, 0, 0);
        store.ReadMark().Decisions.ShouldBe(2);
        store.ReadMark().Reassigned.ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task One_linker_holds_a_database_at_a_time_and_a_load_waits_for_it(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var first = target.Open();
        var held = LinkLock.TryTake(first).ShouldNotBeNull();
        LinkLock.TryTake(first).ShouldBeNull();

        var waited = 0;
        var load = Task.Run(() =>
        {
            using var store = target.Open();
            return RecordLoader.Load(store, waiting: () => Interlocked.Increment(ref waited));
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref waited) > 0, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        load.IsCompleted.ShouldBeFalse();
        held.Dispose();
        await load.WaitAsync(TimeSpan.FromSeconds(30));
        waited.ShouldBe(1);
        using var again = LinkLock.TryTake(first).ShouldNotBeNull();
    }

    /// <summary>
    /// Issue 16 item 4: two servers over one database answer alike, and what an analyst decides or moves through one shows
    /// through the other at its next look (every second), without reloading the server that made it.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Two_servers_over_one_database_answer_alike_and_a_decision_made_through_one_shows_through_the_other_within_its_next_look(Backend backend)
    {
        var path = LinkedDatabase(SampleRecord.Directory, backend);
        var key = TestAccounts.Add(path, Crosscheck.Access.Role.Analyst, "analyst");
        // Each looks at the database four times a second (the default is once a second).
        var look = TimeSpan.FromMilliseconds(250);
        await using var one = await StartAsync(path, followEvery: look);
        await using var two = await StartAsync(path, followEvery: look);
        using var readOne = Client(one);
        using var readTwo = Client(two);
        using var analyst = TestAccounts.KeyClient(new Uri(one.Urls.Single()), key);
        using var analystTwo = TestAccounts.KeyClient(new Uri(two.Urls.Single()), key);
        var listed = await IncidentList(readOne);
        listed.ShouldBe(await IncidentList(readTwo));
        ServedJson(one).ShouldBe(ServedJson(two));
        // Both have looked at the database since they started (the mark each started from may be older than the other's start).
        await Task.Delay(4 * look);
        var servedByOne = one.Services.GetRequiredService<SourcedRecord>();
        var servedByTwo = two.Services.GetRequiredService<SourcedRecord>();

        // A value set through the first server: the second shows it within its next look.
        var incident = servedByOne.Snapshot().Incidents.First(i => !i.Mention && i.Events.Length >= 2);
        using (var decided = await analyst.PostAsync($"/api/incidents/{incident.Id}/decisions", JsonContent(new { action = "set", field = "killed", value = 4242, reason = "the ministry's list" })))
        {
            decided.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        }
        var clock = Stopwatch.StartNew();
        await Eventually(async () => await Killed(readTwo, incident.Id) == 4242m);
        (await Killed(readTwo, incident.Id)).ShouldBe(4242m, $"the second server does not show the decision {clock.Elapsed.TotalSeconds:0.0} s after it was made");
        clock.Elapsed.ShouldBeLessThan(2 * look + TimeSpan.FromSeconds(2)); // its next look, and a reload (under load)
        (await Killed(readOne, incident.Id)).ShouldBe(4242m);
        // The server that made it keeps the record it serves (its own decision is in it already), and the other lays the
        // decision over the record it serves (a value moves no report): no reload at their next looks.
        await Task.Delay(4 * look);
        one.Services.GetRequiredService<SourcedRecord>().ShouldBeSameAs(servedByOne);
        two.Services.GetRequiredService<SourcedRecord>().ShouldBeSameAs(servedByTwo);

        // A report detached through the second server: the first shows it apart within its next look.
        var moved = incident.Events[1];
        using (var detached = await analystTwo.PostAsync($"/api/incidents/{incident.Id}/events/{moved}/detach", null))
        {
            detached.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await detached.Content.ReadAsStringAsync());
        }
        clock.Restart();
        await Eventually(() => one.Services.GetRequiredService<SourcedRecord>().IncidentOf(moved) != incident.Id);
        one.Services.GetRequiredService<SourcedRecord>().IncidentOf(moved).ShouldNotBe(incident.Id);
        clock.Elapsed.ShouldBeLessThan(2 * look + TimeSpan.FromSeconds(2));
        await Task.Delay(4 * look);
        two.Services.GetRequiredService<SourcedRecord>().ShouldBeSameAs(servedByTwo);

        // Both answer alike again: the same list, the same record, and the decisions of both in each.
        await Eventually(async () => await IncidentList(readOne) == await IncidentList(readTwo));
        (await IncidentList(readOne)).ShouldBe(await IncidentList(readTwo));
        // The same incidents with the same reports (the server that detached lists the new incident last until it reloads).
        Membership(one).ShouldBe(Membership(two));
        (await Killed(readOne, incident.Id)).ShouldBe(4242m);
        (await Killed(readTwo, incident.Id)).ShouldBe(4242m);
        Scalar(path, "SELECT count(*) FROM decisions").ShouldBe(1);
    }

    /// <summary>Issue 16 item 4 as an operator runs it: two <c>crosscheck serve</c> processes over one PostgreSQL database.</summary>
    [PostgresFact]
    public async Task Two_serve_processes_over_one_postgresql_database_answer_alike_and_a_decision_through_one_shows_through_the_other()
    {
        var path = LinkedDatabase(SampleRecord.Directory, Backend.Postgres);
        var key = TestAccounts.Add(path, Crosscheck.Access.Role.Analyst, "analyst");
        var servers = new List<(Process Process, HttpClient Client, System.Text.StringBuilder Output)>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                probe.Start();
                var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
                probe.Stop();
                var output = new System.Text.StringBuilder();
                var process = new Process { StartInfo = CliRunner.StartInfo("serve", "--db", path, "--urls", address) };
                process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                var client = TestAccounts.KeyClient(new Uri(address), key);
                client.Timeout = TimeSpan.FromSeconds(10);
                servers.Add((process, client, output));
            }
            foreach (var (process, client, output) in servers)
            {
                var deadline = Stopwatch.StartNew();
                while (true)
                {
                    process.HasExited.ShouldBeFalse(output.ToString());
                    try
                    {
                        using var response = await client.GetAsync("/api/incidents?limit=1");
                        if (response.IsSuccessStatusCode) break;
                    }
                    catch (HttpRequestException) { }
                    deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), output.ToString());
                    await Task.Delay(200);
                }
            }
            var (one, two) = (servers[0].Client, servers[1].Client);
            (await IncidentList(one)).ShouldBe(await IncidentList(two));

            var first = JsonDocument.Parse(await one.GetStringAsync("/api/incidents?limit=100")).RootElement.GetProperty("items").EnumerateArray()
                .First().GetProperty("id").GetString()!;
            using (var decided = await one.PostAsync($"/api/incidents/{first}/decisions", JsonContent(new { action = "set", field = "killed", value = 777, reason = "the hospital's count" })))
            {
                decided.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
            }
            var clock = Stopwatch.StartNew();
            await Eventually(async () => await Killed(two, first) == 777m);
            (await Killed(two, first)).ShouldBe(777m, servers[1].Output.ToString());
            clock.Elapsed.ShouldBeLessThan(Within);
            (await IncidentList(one)).ShouldBe(await IncidentList(two));
        }
        finally
        {
            foreach (var (process, client, _) in servers)
            {
                client.Dispose();
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
                process.Dispose();
            }
        }
    }

    /// <summary>Each incident served with its events, in id order.</summary>
    private static List<string> Membership(WebApplication app) =>
        [.. app.Services.GetRequiredService<SourcedRecord>().Snapshot().Incidents.Select(i => i.Id + ": " + string.Join(", ", i.Events)).Order(StringComparer.Ordinal)];

    private static System.Net.Http.StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    /// <summary>The best count of the dead of an incident, as GET /api/incidents/{id} gives it.</summary>
    private static async Task<decimal?> Killed(HttpClient client, string incident)
    {
        var full = JsonDocument.Parse(await client.GetStringAsync($"/api/incidents/{incident}")).RootElement;
        return full.GetProperty("incident").TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Object && f.TryGetProperty("best", out var best) && best.ValueKind == JsonValueKind.Number
            ? best.GetDecimal()
            : null;
    }

    /// <summary>Every page of GET /api/incidents, as the server wrote them.</summary>
    private static async Task<string> IncidentList(HttpClient client)
    {
        var pages = new System.Text.StringBuilder();
        for (var offset = 0; ; offset += 100)
        {
            var page = await client.GetStringAsync($"/api/incidents?offset={offset}&limit=100");
            pages.AppendLine(page);
            if (JsonDocument.Parse(page).RootElement.GetProperty("items").GetArrayLength() < 100) return pages.ToString();
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
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

    /// <summary>The documents of <paramref name="folder"/> ingested and linked into a new database; what <c>--db</c> takes for it.</summary>
    private string LinkedDatabase(string folder, Backend backend = Backend.Sqlite)
    {
        var target = StoreTarget.Create(backend);
        _databases.Add(target);
        using var store = target.Open();
        IngestCommand.Ingest(store, new DocumentReader(), [folder], TextWriter.Null, TextWriter.Null).Load.Failed.ShouldBe(0);
        return target.DbOption;
    }

    /// <summary>Another store on the database <paramref name="db"/> (a SQLite file or a postgres:// location), as another process opens it.</summary>
    private static DocumentStore OpenStore(string db) => DocumentStore.Open(StoreLocation.Parse(db));

    private static async Task<WebApplication> StartAsync(string path, Func<Document, DocumentFacts>? analyze = null, TimeSpan? followEvery = null)
    {
        var app = CrosscheckWeb.Build(new WebOptions
        {
            DatabasePath = path,
            Urls = "http://127.0.0.1:0",
            Public = true, // reads without an account: these tests read the API as any reader
            Analyze = analyze,
            FollowEvery = followEvery ?? TimeSpan.FromSeconds(1),
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
        using var store = OpenStore(path);
        return [.. store.List(null, 0, 100).Items.Where(d => d.Source.StartsWith(folder, StringComparison.Ordinal)).Select(d => d.Id)];
    }

    private static string ServedJson(WebApplication app) => SampleRecord.CrossJsonOf(app.Services.GetRequiredService<SourcedRecord>().Snapshot());

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
    }

    private static long Scalar(string path, string sql) => StoreSql.Scalar(path, sql);
}
