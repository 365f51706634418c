using System.Globalization;
using System.Text.Json;
using Crosscheck.Cli;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>The sourced record in SQLite: saved as documents are linked, reloaded without scoring, never half-stored.</summary>
public sealed class RecordStoreTests
{
    [Theory, OnSqlite, OnPostgres]
    public void Linking_from_the_store_and_reloading_give_the_record_of_the_in_memory_linker(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(target))
        {
            store.LinkedCount.ShouldBe(0);
            var first = RecordLoader.Load(store);
            first.Reloaded.ShouldBe(0);
            first.Linked.ShouldBe(SampleRecord.Facts.Count);
            store.LinkedCount.ShouldBe(store.Count);
            // The samples span two months: closed incidents and their documents left memory for the store.
            store.ArchiveCounts.Incidents.ShouldBeGreaterThan(0);
            store.ArchiveCounts.Documents.ShouldBeGreaterThan(0);
            first.Record.Linker.HeldDocuments.ShouldBeLessThan(store.Count);
            SampleRecord.CrossJsonOf(first.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
        using (var store = target.Open())
        {
            var again = RecordLoader.Load(store, analyze: _ => throw new InvalidOperationException("a reload must not analyze"));
            again.Reloaded.ShouldBe(SampleRecord.Facts.Count);
            again.Linked.ShouldBe(0);
            var cross = again.Record.Snapshot();
            cross.Stories.Length.ShouldBeGreaterThan(1);
            cross.Incidents.Length.ShouldBeGreaterThan(10);
            cross.Incidents.ShouldContain(i => i.Grade == Grade.Fair || i.Grade == Grade.Confirmed);
            SampleRecord.CrossJsonOf(cross).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void Stored_facts_read_back_equal_to_what_was_saved(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        RecordLoader.Load(store);
        var stored = store.ReadLinks(pageSize: 5).ToList();
        stored.Select(l => l.DocumentId).ShouldBe(SampleRecord.Facts.Select(f => f.Id));
        for (var i = 0; i < stored.Count; i++)
        {
            Serialize(stored[i].Facts!).ShouldBe(Serialize(SampleRecord.Facts[i]));
            stored[i].Assignment!.Events.Keys.ShouldBe(SampleRecord.Facts[i].Events.Select(e => e.Id), ignoreOrder: true);
        }
        SampleRecord.Facts.SelectMany(f => f.Events).ShouldContain(e => e.Acled != null && e.Modes.Length + e.Contexts.Length > 0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_save_that_fails_leaves_no_half_stored_document_and_the_next_load_links_it(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        long failing;
        using (var store = SampleRecord.StoreDocuments(target))
        {
            // The third document with events fails as its second event row is written: its facts row was written
            // in the same transaction, so neither may remain.
            failing = target.Scalar("""
                SELECT seq FROM documents ORDER BY seq LIMIT 1 OFFSET 
                """ + IndexOfThirdWithEvents().ToString(CultureInfo.InvariantCulture));
            target.FailInsert("fail_once", "event_assignments", $"NEW.document_seq = {failing} AND (SELECT count(*) FROM event_assignments WHERE document_seq = {failing}) >= 1");
            Should.Throw<System.Data.Common.DbException>(() => RecordLoader.Load(store)).Message.ShouldContain("disk on fire");
        }
        target.Scalar($"SELECT count(*) FROM document_facts WHERE document_seq = {failing}").ShouldBe(0);
        target.Scalar($"SELECT count(*) FROM event_assignments WHERE document_seq = {failing}").ShouldBe(0);
        target.Scalar("SELECT count(*) FROM document_facts").ShouldBe(IndexOfThirdWithEvents());
        // Every stored facts row has one assignment per event it lists.
        target.Scalar($"""
            SELECT count(*) FROM document_facts f
            WHERE coalesce({target.EventCount("f.facts")}, 0) != (SELECT count(*) FROM event_assignments a WHERE a.document_seq = f.document_seq)
            """).ShouldBe(0);

        target.DropTrigger("fail_once", "event_assignments");
        using (var store = target.Open())
        {
            var load = RecordLoader.Load(store);
            load.Reloaded.ShouldBe(IndexOfThirdWithEvents());
            load.Linked.ShouldBe(SampleRecord.Facts.Count - IndexOfThirdWithEvents());
            SampleRecord.CrossJsonOf(load.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_detach_is_saved_and_a_reload_keeps_the_event_apart(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        string moved, from, alone;
        List<string> expected;
        List<IncidentLink> links;
        using (var store = SampleRecord.StoreDocuments(target))
        {
            var record = RecordLoader.Load(store).Record;
            var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 3);
            from = merged.Id;
            moved = merged.Events[0];
            alone = record.Detach(moved).ShouldNotBeNull();
            record.Incident(alone)!.Events.ShouldBe([moved]);
            record.Incident(from)!.Events.ShouldNotContain(moved);
            expected = Membership(record);
            links = [.. record.Incident(from)!.Links];
            target.Scalar($"SELECT count(*) FROM event_assignments WHERE event = '{moved}' AND incident = '{alone}'").ShouldBe(1);
        }
        using (var store = target.Open())
        {
            var reloaded = RecordLoader.Load(store).Record;
            Membership(reloaded).ShouldBe(expected);
            reloaded.Incident(from)!.Links.ShouldBe(links);
            reloaded.Incident(alone)!.Links.Single().Reason.ShouldStartWith("detached");
            // The event stays apart: no later document joins it back.
            reloaded.Linker.IncidentOf(moved).ShouldBe(alone);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void Ingesting_the_same_files_twice_changes_nothing_the_second_time(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var (code, first, _) = Run("ingest", SampleRecord.Directory, "--db", target.DbOption);
        code.ShouldBe(0);
        if (backend == Backend.Sqlite) first.ShouldContain($"({SampleRecord.Facts.Count} newly linked)");
        else
        {
            // A shared store: ingest stores and queues, a worker reads and links.
            first.ShouldContain($"Queued: {SampleRecord.Facts.Count} document(s) to read, 0 read and waiting to be linked");
            Run("worker", "--db", target.DbOption, "--until-idle").Code.ShouldBe(0);
        }
        var rows = (target.Scalar("SELECT count(*) FROM document_facts"), target.Scalar("SELECT count(*) FROM event_assignments"));
        var before = CrossJsonOf(target);

        var (code2, second, _) = Run("ingest", SampleRecord.Directory, "--db", target.DbOption);
        code2.ShouldBe(0);
        if (backend == Backend.Sqlite)
        {
            second.ShouldContain("(0 newly linked)");
            LastLine(second).ShouldBe(LastLine(first).Replace($"({SampleRecord.Facts.Count} newly linked)", "(0 newly linked)", StringComparison.Ordinal));
        }
        else second.ShouldContain("Queued: 0 document(s) to read, 0 read and waiting to be linked");
        (target.Scalar("SELECT count(*) FROM document_facts"), target.Scalar("SELECT count(*) FROM event_assignments")).ShouldBe(rows);
        rows.Item1.ShouldBe(SampleRecord.Facts.Count);
        CrossJsonOf(target).ShouldBe(before);
        before.ShouldBe(SampleRecord.ExpectedCrossJson);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Unreadable_stored_facts_are_one_clear_message_and_are_read_again_from_the_text(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(target)) RecordLoader.Load(store);
        var before = CrossJsonOf(target);
        var seq = target.Scalar("SELECT seq FROM documents ORDER BY (published IS NULL), coalesce(published, ''), id LIMIT 1 OFFSET 1");
        var id = SampleRecord.Facts[1].Id;
        target.Execute($"UPDATE document_facts SET facts = '{{\"id\": ' WHERE document_seq = {seq}");

        var (code, _, stderr) = Run("export", "--db", target.DbOption);
        code.ShouldBe(CrosscheckCli.SomeFailed, stderr);
        var lines = stderr.Trim().Split('\n');
        lines.Length.ShouldBe(2, stderr);
        lines[0].ShouldStartWith($"crosscheck: {target.Display}: the stored facts of document {id} cannot be read (");
        lines[1].ShouldStartWith("crosscheck: exported ");
        // Read again from the document's text and saved: the next run has nothing to say, and the record is whole.
        var (again, _, quiet) = Run("export", "--db", target.DbOption);
        again.ShouldBe(CrosscheckCli.Ok, quiet);
        quiet.Trim().Split('\n').Single().ShouldStartWith("crosscheck: exported ");
        CrossJsonOf(target).ShouldBe(before);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_unreadable_archived_incident_is_one_clear_line_and_the_next_load_rebuilds_the_record(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(target)) RecordLoader.Load(store);
        var before = CrossJsonOf(target);
        target.Scalar("SELECT count(*) FROM archived_incidents").ShouldBeGreaterThan(0);
        var id = target.Scalar("SELECT count(*) FROM archived_incidents WHERE id = (SELECT min(id) FROM archived_incidents)");
        id.ShouldBe(1);
        target.Execute("UPDATE archived_incidents SET summary = '{\"incident\": ' WHERE id = (SELECT min(id) FROM archived_incidents)");

        var (code, _, stderr) = Run("export", "--db", target.DbOption);
        code.ShouldBe(CrosscheckCli.SomeFailed, stderr);
        var lines = stderr.Trim().Split('\n');
        lines.Length.ShouldBe(2, stderr);
        lines[0].ShouldStartWith($"crosscheck: {target.Display}: the archived incident i-");
        lines[0].ShouldEndWith("left out now, and the next load rebuilds the record");
        lines[1].ShouldStartWith("crosscheck: exported ");
        // The next load rebuilds the archive from the documents' facts: quiet, and the record is whole again.
        var (again, _, quiet) = Run("export", "--db", target.DbOption);
        again.ShouldBe(CrosscheckCli.Ok, quiet);
        quiet.Trim().Split('\n').Single().ShouldStartWith("crosscheck: exported ");
        CrossJsonOf(target).ShouldBe(before);
    }

    private static string CrossJsonOf(StoreTarget target)
    {
        using var store = target.Open();
        return SampleRecord.CrossJsonOf(RecordLoader.Load(store).Record.Snapshot());
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static int IndexOfThirdWithEvents()
    {
        var seen = 0;
        for (var i = 0; i < SampleRecord.Facts.Count; i++)
        {
            if (SampleRecord.Facts[i].Events.Length >= 2 && ++seen == 3) return i;
        }
        throw new InvalidOperationException("the samples have fewer than three documents with two events");
    }

    /// <summary>Each incident with its events, in id order (a detached incident is listed last until a reload puts it in document order).</summary>
    private static List<string> Membership(SourcedRecord record) =>
        [.. record.Snapshot().Incidents.Select(i => i.Id + ": " + string.Join(", ", i.Events)).Order(StringComparer.Ordinal)];

    private static string Serialize(DocumentFacts facts) => JsonSerializer.Serialize(facts, DocumentStore.FactsJson);



}
