using System.Diagnostics;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Tests.Cli;

namespace Crosscheck.Tests.Storage;

/// <summary>Workers sharing a PostgreSQL store (issue 16): claims, leases, readings, and processes killed mid-document.</summary>
public sealed class WorkerTests
{
    [PostgresFact]
    public void Claims_are_disjoint_an_expired_claim_goes_to_another_worker_and_a_reading_is_stored_once()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        using var store = SampleRecord.StoreDocuments(target);
        store.QueuesReadings.ShouldBeTrue();
        store.Queue().ShouldBe(new QueueCounts(SampleRecord.Facts.Count, 0, 0));
        using var other = target.Open();

        var dead = store.ClaimForReading("dead", 4, TimeSpan.FromSeconds(1));
        var alive = other.ClaimForReading("alive", 4, TimeSpan.FromHours(1));
        dead.Count.ShouldBe(4);
        alive.Count.ShouldBe(4);
        dead.Select(d => d.Seq).Intersect(alive.Select(a => a.Seq)).ShouldBeEmpty();
        // The dead worker's claim holds until its lease runs out; then its documents wait again, first in link order.
        var free = FreeSeqs(target).ToList();
        free.Count.ShouldBe(SampleRecord.Facts.Count - 8);
        other.ClaimForReading("alive", 100, TimeSpan.FromHours(1)).Select(d => d.Seq).ShouldBe(free, ignoreOrder: true);
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        var taken = other.ClaimForReading("alive", 100, TimeSpan.FromHours(1));
        taken.Select(d => d.Seq).ShouldBe(dead.Select(d => d.Seq), ignoreOrder: true);

        // Both read the first of them: the first reading stands, the late one changes nothing, and only the claimant's claim goes.
        var document = dead[0];
        var facts = RecordLoader.Analyze(store.Get(document.Id)!);
        store.SaveReading(document, "dead", facts);
        target.Scalar($"SELECT count(*) FROM analysis_queue WHERE document_seq = {document.Seq}").ShouldBe(1);
        other.SaveReading(document, "alive", facts with { Title = "a late reading" });
        target.Scalar($"SELECT count(*) FROM analysis_queue WHERE document_seq = {document.Seq}").ShouldBe(0);
        target.Scalar($"SELECT count(*) FROM document_readings WHERE document_seq = {document.Seq} AND read_by = 'dead'").ShouldBe(1);
        target.Scalar("SELECT count(*) FROM document_readings").ShouldBe(1);
        store.Reading(document.Id, facts.Analyzer!)!.Title.ShouldBe(facts.Title);
        store.Reading(document.Id, "another analyzer").ShouldBeNull();

        // A reading that comes after the document was read and linked (its queue row and reading gone) is not kept:
        // it would wait for a link that never comes.
        var late = dead[1];
        other.SaveReading(late, "alive", RecordLoader.Analyze(store.Get(late.Id)!));
        target.Execute($"DELETE FROM document_readings WHERE document_seq = {late.Seq}");
        store.SaveReading(late, "dead", RecordLoader.Analyze(store.Get(late.Id)!));
        target.Scalar($"SELECT count(*) FROM document_readings WHERE document_seq = {late.Seq}").ShouldBe(0);
    }

    [PostgresFact]
    public void A_load_outside_the_workers_links_what_they_read_as_read_and_reads_only_the_rest()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        using var store = SampleRecord.StoreDocuments(target);
        // A worker read the first half of the backlog and died before linking; the rest waits, unclaimed.
        var claimed = store.ClaimForReading("worker", SampleRecord.Facts.Count / 2, TimeSpan.FromHours(1));
        foreach (var document in claimed) store.SaveReading(document, "worker", RecordLoader.Analyze(store.Get(document.Id)!));
        store.Queue().Read.ShouldBe(claimed.Count);

        // A server or an export links them: the workers' readings are linked as they are, the others read here.
        var readHere = new List<string>();
        var load = RecordLoader.Load(store, analyze: document =>
        {
            lock (readHere) readHere.Add(document.Id);
            return RecordLoader.Analyze(document);
        });
        load.Linked.ShouldBe(SampleRecord.Facts.Count);
        readHere.Count.ShouldBe(SampleRecord.Facts.Count - claimed.Count);
        readHere.ShouldNotContain(id => claimed.Any(c => c.Id == id));
        SampleRecord.CrossJsonOf(load.Record.Linker.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        store.Queue().ShouldBe(new QueueCounts(0, 0, 0));
    }

    [PostgresFact]
    public void A_worker_keeps_the_record_it_linked_until_another_process_changes_it()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        using var dir = new TempDirectory();
        // The samples in two deliveries, the second all published after the first.
        var files = Directory.GetFiles(SampleRecord.Directory).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(dir.Combine("first"));
        Directory.CreateDirectory(dir.Combine("later"));
        for (var i = 0; i < files.Count; i++) File.Copy(files[i], Path.Combine(dir.Combine(i < files.Count - 3 ? "first" : "later"), Path.GetFileName(files[i])));
        using var store = target.Open();
        new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("first")]).Failed.ShouldBe(0);
        var worker = new ReadingWorker(store, "keeper") { Threads = 1 };
        worker.Run(TimeSpan.FromMilliseconds(10), untilIdle: true);
        worker.Reopened.ShouldBe(1);

        // More news, stored by another process: linked onto the record the worker kept.
        using (var other = target.Open()) new DocumentIngestor(other, new DocumentReader()).Ingest([dir.Combine("later")]).Failed.ShouldBe(0);
        worker.Run(TimeSpan.FromMilliseconds(10), untilIdle: true);
        worker.Reopened.ShouldBe(1);
        using (var check = target.Open()) SampleRecord.CrossJsonOf(RecordLoader.Load(check).Record.Linker.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);

        // Another process marks a linked document to be linked again: the worker puts the record back before linking.
        using (var other = target.Open()) other.MarkStale([SampleRecord.Facts[0].Id]);
        worker.Run(TimeSpan.FromMilliseconds(10), untilIdle: true);
        worker.Reopened.ShouldBe(2);
        using (var check = target.Open()) SampleRecord.CrossJsonOf(RecordLoader.Load(check).Record.Linker.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
    }

    [PostgresFact]
    public void A_worker_leaves_linking_to_another_that_links_now_and_takes_it_over_once_that_one_stops()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        using var dir = new TempDirectory();
        // The samples in three deliveries, each published after the one before.
        var files = Directory.GetFiles(SampleRecord.Directory).Order(StringComparer.Ordinal).ToList();
        string Delivery(string name, int from, int to)
        {
            Directory.CreateDirectory(dir.Combine(name));
            foreach (var file in files.Skip(from).Take(to - from)) File.Copy(file, Path.Combine(dir.Combine(name), Path.GetFileName(file)));
            return dir.Combine(name);
        }
        var deliveries = new[] { Delivery("one", 0, 7), Delivery("two", 7, 8), Delivery("three", 8, files.Count) };
        void Store(string folder)
        {
            using var other = target.Open();
            new DocumentIngestor(other, new DocumentReader()).Ingest([folder]).Failed.ShouldBe(0);
        }
        static int Drain(ReadingWorker worker)
        {
            var linked = 0;
            for (var round = worker.RunOnce(); ; round = worker.RunOnce())
            {
                linked += round.Linked;
                if (round.Read + round.Failed == 0) return linked;
            }
        }
        using var storeA = target.Open();
        using var storeB = target.Open();
        var a = new ReadingWorker(storeA, "a") { Threads = 1, ClaimPerThread = 100, LinkEvery = TimeSpan.FromSeconds(1) };
        var b = new ReadingWorker(storeB, "b") { Threads = 1, ClaimPerThread = 100, LinkEvery = TimeSpan.FromSeconds(1) };

        Store(deliveries[0]);
        Drain(a).ShouldBe(7);
        Drain(b).ShouldBe(0); // b's first look: whoever changed the record, it is not known to be linking now
        Store(deliveries[1]);
        Drain(a).ShouldBe(1);
        // a has just linked: b leaves linking to it, and says nothing is left to link.
        var round = b.RunOnce();
        round.ShouldBe(new WorkerRound(0, 0, 0, LinkedAll: true));
        (a.Reopened, b.Reopened).ShouldBe((1, 1));

        // a stops; after a while b reads and links the next delivery itself, putting back the record a left.
        Thread.Sleep(b.LeaveLinking + TimeSpan.FromMilliseconds(500));
        Store(deliveries[2]);
        Drain(b).ShouldBe(files.Count - 8 + 2); // the feed holds three articles
        b.Reopened.ShouldBe(2);
        using var check = target.Open();
        SampleRecord.CrossJsonOf(RecordLoader.Load(check).Record.Linker.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
    }

    [PostgresFact]
    public void Two_worker_processes_share_a_backlog_and_one_killed_mid_document_loses_nothing_and_doubles_nothing()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        var (code, stdout, _) = CliRunner.Run(["ingest", SampleRecord.Directory, "--db", target.DbOption]);
        code.ShouldBe(0);
        stdout.ShouldContain($"Queued: {SampleRecord.Facts.Count} document(s) to read");
        target.Scalar("SELECT count(*) FROM document_facts").ShouldBe(0);

        // The first worker is killed (SIGKILL) as soon as it holds claims: they stay behind it until the lease runs out.
        using (var doomed = Process.Start(CliRunner.StartInfo("worker", "--db", target.DbOption, "--threads", "1", "--lease", "3s"))!)
        {
            var until = Stopwatch.StartNew();
            while (target.Scalar($"SELECT count(*) FROM analysis_queue WHERE claimed_by LIKE '%:{doomed.Id}'") == 0)
            {
                until.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the worker claimed nothing");
                Thread.Sleep(20);
            }
            doomed.Kill(entireProcessTree: true);
            doomed.WaitForExit();
        }
        var left = target.Scalar("SELECT count(*) FROM analysis_queue WHERE claimed_by IS NOT NULL");
        left.ShouldBeGreaterThan(0);

        var workers = Enumerable.Range(0, 2)
            .Select(_ => Process.Start(CliRunner.StartInfo("worker", "--db", target.DbOption, "--threads", "1", "--lease", "3s", "--until-idle"))!)
            .ToList();
        var outputs = workers.Select(w => w.StandardOutput.ReadToEndAsync()).ToList();
        var errors = workers.Select(w => w.StandardError.ReadToEndAsync()).ToList();
        foreach (var w in workers) w.StandardInput.Close();
        for (var i = 0; i < workers.Count; i++)
        {
            if (!workers[i].WaitForExit(240_000))
            {
                foreach (var w in workers) w.Kill(true);
                throw new TimeoutException($"a worker did not finish:\n{outputs[i].Result}\n{errors[i].Result}");
            }
            workers[i].ExitCode.ShouldBe(0, errors[i].Result);
            workers[i].Dispose();
        }
        var reads = outputs.Select(o => int.Parse(System.Text.RegularExpressions.Regex.Match(o.Result, @"Worker \S+: read (\d+)").Groups[1].Value)).ToList();
        reads.ShouldAllBe(r => r > 0, "both workers read part of the backlog: " + string.Join(", ", reads));

        // Nothing lost, nothing twice: every document linked once, counted once, nothing left queued.
        target.Scalar("SELECT count(*) FROM analysis_queue").ShouldBe(0);
        target.Scalar("SELECT count(*) FROM document_readings").ShouldBe(0);
        target.Scalar("SELECT count(*) FROM link_failures").ShouldBe(0);
        target.Scalar("SELECT count(*) FROM document_facts WHERE stale = 0").ShouldBe(SampleRecord.Facts.Count);
        target.Scalar("SELECT value FROM linker_state WHERE name = 'documents'").ShouldBe(SampleRecord.Facts.Count);
        using var store = target.Open();
        var load = RecordLoader.Load(store);
        load.Linked.ShouldBe(0);
        SampleRecord.CrossJsonOf(load.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
    }

    [Fact]
    public void A_worker_on_a_sqlite_store_is_refused_with_one_line()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("one.db");
        using (DocumentStore.Open(db)) { }
        var (code, _, stderr) = CliRunner.Run(["worker", "--db", db]);
        code.ShouldNotBe(0);
        stderr.Trim().ShouldBe($"crosscheck: {Path.GetFullPath(db)}: workers share a PostgreSQL store (--db postgres://…); a SQLite store is read and linked by ingest and watch");
    }

    [Theory]
    [InlineData("--lease", "0s", "crosscheck: --lease 0s: out of range (from 1s to 24h) (see 'crosscheck worker --help')")]
    [InlineData("--lease", "soon", "crosscheck: --lease soon: not an interval (a whole number and s, m or h, for example 30s, 5m or 1h) (see 'crosscheck worker --help')")]
    [InlineData("--threads", "0", "crosscheck: --threads takes a number from 1 to 256 (see 'crosscheck worker --help')")]
    public void Worker_options_are_checked_before_anything_is_opened(string option, string value, string line)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Crosscheck.Cli.CrosscheckCli.Run(["worker", "--db", "postgres://nobody@127.0.0.1:1/none", option, value], stdout, stderr);
        code.ShouldBe(Crosscheck.Cli.CrosscheckCli.UsageError);
        stderr.ToString().Trim().ShouldBe(line);
        stdout.ToString().ShouldBeEmpty();
    }

    private static IEnumerable<long> FreeSeqs(StoreTarget target)
    {
        using var connection = target.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT document_seq FROM analysis_queue WHERE claimed_by IS NULL";
        using var r = cmd.ExecuteReader();
        var seqs = new List<long>();
        while (r.Read()) seqs.Add(r.GetInt64(0));
        return seqs;
    }
}
