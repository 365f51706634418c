using System.Data.Common;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Tests.Cli;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// Desks (issue 16): the partitions of a store a team declares when it stores documents, each linked within itself,
/// under its own link lock, on both engines.
/// </summary>
public sealed class DeskTests
{
    // Two invented reports of one invented attack.
    private const string First = """
        ---
        outlet: Ridgeline Courier
        published: 2026-03-14
        title: Bomb kills 9 at Tarvessa market
        ---
        A bomb exploded at a crowded market in the town of Tarvessa, Norland, on Friday, killing nine people and wounding 20 others, police said.

        The blast struck the main market in Tarvessa shortly after noon, a police spokesman told reporters. No group has claimed responsibility for the attack.
        """;

    private const string Second = """
        ---
        outlet: Lowfield Tribune
        published: 2026-03-14
        title: Market blast in Tarvessa
        ---
        Nine people were killed when a bomb went off in a busy market in Tarvessa, Norland, on Friday, according to local officials.

        Officials said about 20 people were injured in the explosion at the Tarvessa market. Witnesses described scenes of panic as the bomb detonated.
        """;

    private static readonly DeskName Sahel = DeskName.Parse("sahel");
    private static readonly DeskName Delta = DeskName.Parse("river-delta");

    [Theory, OnSqlite, OnPostgres]
    public void Two_reports_of_one_attack_are_one_incident_in_one_desk_and_two_in_two_desks(Backend backend)
    {
        using var dir = new TempDirectory();
        var first = dir.File("first.txt", First);
        var second = dir.File("second.txt", Second);

        using (var one = StoreTarget.Create(backend))
        {
            using var store = DocumentStore.Open(Root(one).ForDesk(Sahel));
            Ingest(store, first, second);
            var record = RecordLoader.Load(store).Record;
            record.Counts().Incidents.ShouldBe(1);
            record.Counts().Stories.ShouldBe(1);
        }

        using var two = StoreTarget.Create(backend);
        var root = Root(two);
        using var sahel = DocumentStore.Open(root.ForDesk(Sahel));
        using var delta = DocumentStore.Open(root.ForDesk(Delta));
        Ingest(sahel, first);
        Ingest(delta, second);
        var a = RecordLoader.Load(sahel).Record;
        var b = RecordLoader.Load(delta).Record;
        a.Counts().Incidents.ShouldBe(1);
        b.Counts().Incidents.ShouldBe(1);
        a.Linker.Snapshot().Incidents.Single().Id.ShouldNotBe(b.Linker.Snapshot().Incidents.Single().Id);
        // Each desk's record holds its own document only; the default desk holds none, and both desks are declared.
        a.DocumentCount.ShouldBe(1);
        b.DocumentCount.ShouldBe(1);
        using var main = DocumentStore.Open(root);
        main.Count.ShouldBe(0);
        main.Desks().ShouldBe([DeskName.Default, Delta, Sahel]);
        DeskScalar(two, Sahel, "SELECT count(*) FROM document_facts").ShouldBe(1);
        DeskScalar(two, Delta, "SELECT count(*) FROM document_facts").ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_command_line_stores_into_desks_links_them_apart_and_exports_every_desk(Backend backend)
    {
        using var dir = new TempDirectory();
        var first = dir.File("first.txt", First);
        var second = dir.File("second.txt", Second);
        using var target = StoreTarget.Create(backend);
        CliRunner.Run(["ingest", first, "--db", target.DbOption, "--desk", "sahel"]).ExitCode.ShouldBe(0);
        CliRunner.Run(["ingest", second, "--db", target.DbOption, "--desk", "river-delta"]).ExitCode.ShouldBe(0);
        var (code, _, stderr) = CliRunner.Run(["ingest", first, "--db", target.DbOption, "--desk", "river-delta"]);
        code.ShouldBe(0);
        stderr.ShouldContain("first.txt: already stored in desk 'sahel'");
        if (backend == Backend.Postgres)
        {
            // The workers link every desk.
            var worker = CliRunner.Run(["worker", "--db", target.DbOption, "--threads", "1", "--until-idle"]);
            worker.ExitCode.ShouldBe(0, worker.Stderr);
            worker.Stdout.ShouldContain("3 desks");
        }
        var json = dir.Combine("record.json");
        var export = CliRunner.Run(["export", "--db", target.DbOption, "--out", json]);
        export.ExitCode.ShouldBe(0, export.Stderr);
        using var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var incidents = record.RootElement.GetProperty("incidents").EnumerateArray().ToList();
        incidents.Select(i => i.GetProperty("desk").GetString()).Order().ShouldBe(["river-delta", "sahel"]);
        record.RootElement.GetProperty("stories").EnumerateArray().Select(i => i.GetProperty("desk").GetString()).Order().ShouldBe(["river-delta", "sahel"]);
        record.RootElement.GetProperty("documents").GetArrayLength().ShouldBe(2);
        record.RootElement.GetProperty("desks").GetArrayLength().ShouldBe(2);
        var one = CliRunner.Run(["export", "--db", target.DbOption, "--desk", "sahel", "--out", json]);
        one.ExitCode.ShouldBe(0, one.Stderr);
        using var sahel = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        sahel.RootElement.GetProperty("incidents").GetArrayLength().ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_merge_of_incidents_of_two_desks_is_refused_naming_the_desks(Backend backend)
    {
        using var dir = new TempDirectory();
        using var target = StoreTarget.Create(backend);
        var root = Root(target);
        using var sahel = DocumentStore.Open(root.ForDesk(Sahel));
        using var delta = DocumentStore.Open(root.ForDesk(Delta));
        Ingest(sahel, dir.File("first.txt", First));
        Ingest(delta, dir.File("second.txt", Second));
        var here = RecordLoader.Load(sahel).Record;
        var there = RecordLoader.Load(delta).Record.Linker.Snapshot().Incidents.Single().Id;
        var incident = here.Linker.Snapshot().Incidents.Single().Id;
        var desk = new Crosscheck.Review.ReviewDesk(sahel, here);
        var outcome = desk.Decide(new Crosscheck.Review.DecisionRequest(Crosscheck.Review.DecisionTarget.Incident, incident,
            Crosscheck.Review.DecisionAction.Merge, null, System.Text.Json.Nodes.JsonValue.Create(there), "the same attack", "analyst"));
        outcome.Decision.ShouldBeNull();
        outcome.Error.ShouldBe($"value: incident {there} is in desk 'river-delta', not in desk 'sahel' whose record this is; incidents of two desks are never merged");
        // An id no desk has is the usual refusal.
        desk.Decide(new Crosscheck.Review.DecisionRequest(Crosscheck.Review.DecisionTarget.Incident, incident,
            Crosscheck.Review.DecisionAction.Merge, null, System.Text.Json.Nodes.JsonValue.Create("i-0000000000000000"), "no", "analyst"))
            .Error.ShouldBe("value: expected the id of the incident to merge into this one");
        here.Linker.Snapshot().Incidents.Single().Id.ShouldBe(incident);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_document_another_desk_holds_stays_there_with_one_line(Backend backend)
    {
        using var dir = new TempDirectory();
        var first = dir.File("first.txt", First);
        using var target = StoreTarget.Create(backend);
        var root = Root(target);
        using (var sahel = DocumentStore.Open(root.ForDesk(Sahel))) Ingest(sahel, first);
        var lines = new List<string>();
        using var delta = DocumentStore.Open(root.ForDesk(Delta));
        using var guard = DeskGuard.Over(delta, root.ForDesk(Delta), lines.Add);
        var summary = new DocumentIngestor(guard, new DocumentReader(new ReaderOptions())).Ingest([first]);
        summary.AlreadyStored.ShouldBe(1);
        delta.Count.ShouldBe(0);
        lines.ShouldHaveSingleItem().ShouldContain("already stored in desk 'sahel'");
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_desks_link_lock_leaves_the_other_desks_to_be_linked(Backend backend)
    {
        using var dir = new TempDirectory();
        using var target = StoreTarget.Create(backend);
        var root = Root(target);
        using var sahel = DocumentStore.Open(root.ForDesk(Sahel));
        using var delta = DocumentStore.Open(root.ForDesk(Delta));
        using var main = DocumentStore.Open(root);
        Ingest(sahel, dir.File("first.txt", First));
        Ingest(delta, dir.File("second.txt", Second));
        using (var held = LinkLock.TryTake(sahel))
        {
            held.ShouldNotBeNull();
            LinkLock.TryTake(sahel).ShouldBeNull();
            using (var other = LinkLock.TryTake(delta)) other.ShouldNotBeNull();
            using (var other = LinkLock.TryTake(main)) other.ShouldNotBeNull();
            RecordLoader.Load(delta).Linked.ShouldBe(1);
        }
        RecordLoader.Load(sahel).Linked.ShouldBe(1);
    }

    [PostgresFact]
    public void A_worker_links_a_desk_while_another_desks_lock_is_held_and_that_desk_when_it_is_let_go()
    {
        using var dir = new TempDirectory();
        using var target = StoreTarget.Create(Backend.Postgres);
        var root = Root(target);
        using var sahel = DocumentStore.Open(root.ForDesk(Sahel));
        using var delta = DocumentStore.Open(root.ForDesk(Delta));
        Ingest(sahel, dir.File("first.txt", First));
        Ingest(delta, dir.File("second.txt", Second), dir.File("third.txt", First.Replace("Friday", "Friday morning", StringComparison.Ordinal)));
        DeskScalar(target, Sahel, "SELECT count(*) FROM analysis_queue").ShouldBe(1);
        DeskScalar(target, Delta, "SELECT count(*) FROM analysis_queue").ShouldBe(2);

        using var main = DocumentStore.Open(root);
        using var workers = new DeskWorkers(main, desk => DocumentStore.Open(root.ForDesk(desk)), store => new ReadingWorker(store, "test") { Threads = 1 });
        var held = LinkLock.TryTake(sahel)!;
        try
        {
            held.ShouldNotBeNull();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DeskScalar(target, Delta, "SELECT count(*) FROM document_facts") < 2)
            {
                DateTime.UtcNow.ShouldBeLessThan(until, "the worker did not link the free desk");
                workers.RunOnce();
                Thread.Sleep(50);
            }
            // The free desk is linked; the held one is read (its reading stored) and left queued for linking.
            DeskScalar(target, Delta, "SELECT count(*) FROM analysis_queue").ShouldBe(0);
            DeskScalar(target, Delta, "SELECT value FROM linker_state WHERE name = 'documents'").ShouldBe(2);
            DeskScalar(target, Sahel, "SELECT count(*) FROM document_facts").ShouldBe(0);
            DeskScalar(target, Sahel, "SELECT count(*) FROM document_readings").ShouldBe(1);
            workers.RunOnce().LinkedAll.ShouldBeFalse();
        }
        finally
        {
            held.Dispose();
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        workers.Run(TimeSpan.FromMilliseconds(50), untilIdle: true, cancellation: stop.Token);
        stop.IsCancellationRequested.ShouldBeFalse();
        DeskScalar(target, Sahel, "SELECT count(*) FROM document_facts WHERE stale = 0").ShouldBe(1);
        DeskScalar(target, Sahel, "SELECT count(*) FROM document_readings").ShouldBe(0);
        DeskScalar(target, Sahel, "SELECT count(*) FROM analysis_queue").ShouldBe(0);
        // Nothing of either desk went into the default desk.
        target.Scalar("SELECT count(*) FROM documents").ShouldBe(0);
        target.Scalar("SELECT count(*) FROM document_facts").ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_store_made_before_desks_has_every_document_in_the_default_desk(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        string before;
        using (var store = SampleRecord.StoreDocuments(target)) before = SampleRecord.CrossJsonOf(RecordLoader.Load(store).Record.Snapshot());
        // The store as it was before migration 16.
        target.Execute("DROP TABLE desks");
        target.Execute("DELETE FROM schema_migrations WHERE version = 16");
        using var again = target.Open();
        target.Scalar("SELECT count(*) FROM schema_migrations WHERE version = 16").ShouldBe(1);
        again.Desks().ShouldBe([DeskName.Default]);
        again.Desk.ShouldBe(DeskName.Default);
        again.Count.ShouldBe(SampleRecord.Facts.Count);
        var load = RecordLoader.Load(again);
        load.Linked.ShouldBe(0);
        SampleRecord.CrossJsonOf(load.Record.Snapshot()).ShouldBe(before);
    }

    [Theory]
    [InlineData("sahel")]
    [InlineData("myanmar-2026")]
    [InlineData("0")]
    [InlineData("a234567890123456789012345678901234567890")]
    public void A_desk_name_is_lowercase_letters_digits_and_hyphens(string name)
    {
        DeskName.Parse(name).Name.ShouldBe(name);
        DeskName.Parse(name).IsDefault.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Sahel", "desk name 'Sahel' has 'S' (desk names are lowercase); use lowercase letters a-z, digits and hyphens")]
    [InlineData("sa hel", "desk name 'sa hel' has ' '; use lowercase letters a-z, digits and hyphens")]
    [InlineData("sahel_1", "desk name 'sahel_1' has '_'; use lowercase letters a-z, digits and hyphens")]
    [InlineData("-sahel", "desk name '-sahel' starts with a hyphen; start it with a letter or a digit")]
    [InlineData("a2345678901234567890123456789012345678901", "desk name 'a2345678901234567890123456789012345678901' is too long (41 characters; at most 40)")]
    [InlineData("sahél", "desk name 'sahél' has 'é'; use lowercase letters a-z, digits and hyphens")]
    public void A_malformed_desk_name_is_one_line(string name, string error)
    {
        DeskName.TryParse(name, out _, out var problem).ShouldBeFalse();
        problem.ShouldBe(error);
        Should.Throw<FormatException>(() => DeskName.Parse(name)).Message.ShouldBe(error);
    }

    [Fact]
    public void The_default_desk_is_unnamed_and_a_desks_key_is_stable()
    {
        DeskName.Parse(null).ShouldBe(DeskName.Default);
        DeskName.Parse("").IsDefault.ShouldBeTrue();
        default(DeskName).Name.ShouldBe("");
        // The first four bytes of SHA-256("sahel"), the same on every machine and run (never string.GetHashCode).
        var sha = System.Security.Cryptography.SHA256.HashData("sahel"u8);
        Sahel.Key.ShouldBe((sha[0] << 24) | (sha[1] << 16) | (sha[2] << 8) | sha[3]);
        StoreLocation.Parse("x.db").ForDesk(DeskName.Default).Path.ShouldBe("x.db");
        StoreLocation.Parse("x.db").ForDesk(Sahel).Path.ShouldBe("x.db.desk-sahel");
        StoreLocation.SchemaOf(Delta).ShouldBe("desk_river_delta");
    }

    [Fact]
    public void A_malformed_desk_on_the_command_line_is_a_usage_error_of_one_line()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("one.db");
        var (code, stdout, stderr) = CliRunner.Run(["ingest", dir.File("first.txt", First), "--db", db, "--desk", "Sahel"]);
        code.ShouldBe(Crosscheck.Cli.CrosscheckCli.UsageError);
        stderr.Trim().ShouldBe("crosscheck: --desk 'Sahel' has 'S' (desk names are lowercase); use lowercase letters a-z, digits and hyphens (see 'crosscheck ingest --help')");
        stdout.ShouldBeEmpty();
        File.Exists(db).ShouldBeFalse();
    }

    private static StoreLocation Root(StoreTarget target) => StoreLocation.Parse(target.DbOption);

    private static void Ingest(DocumentStore store, params string[] paths) =>
        new DocumentIngestor(store, new DocumentReader(new ReaderOptions())).Ingest(paths).Failed.ShouldBe(0);

    /// <summary>A number from a named desk's own tables (its schema, or its file).</summary>
    private static long DeskScalar(StoreTarget target, DeskName desk, string sql)
    {
        var location = Root(target).ForDesk(desk);
        using DbConnection connection = target.Backend == Backend.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Path};Pooling=False")
            : new Npgsql.NpgsqlConnection(location.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }
}
