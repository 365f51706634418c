using Crosscheck.Storage;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// Two writers of one database (a watch storing documents, a server or an ingest linking them) each get their turn:
/// a linker that batches its writes never holds the write lock while it waits for something else or for long, and
/// a rebuild stopped half way is never resumed with half of its archive. Each store here has its own connection to the
/// file, as two processes have.
/// </summary>
public sealed class WriterTurnTests
{
    [Fact]
    public async Task A_batch_of_record_writes_opened_before_its_first_write_leaves_another_writer_in()
    {
        // `ingest` and `watch` open their batch and then wait for the link lock; the server holding that lock must still
        // be able to write (it waited 30 s for the database and gave up, "database is locked").
        using var dir = new TempDirectory();
        var path = dir.Combine("turns.db");
        using var linker = DocumentStore.Open(path);
        using var other = DocumentStore.Open(path);
        using (linker.SaveInBatches())
        {
            var store = Task.Run(() => other.Add(DocumentStoreTests.Doc(DocumentStoreTests.Report, "other.txt")));
            (await Task.WhenAny(store, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(store, "the other writer is still waiting for the write lock");
            (await store).Status.ShouldBe(StoreStatus.Added);
        }
    }

    [Fact]
    public void A_writer_of_another_connection_gets_in_between_two_batches_of_a_linker_writing_without_a_pause()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("turns.db");
        using var linker = DocumentStore.Open(path);
        using var other = DocumentStore.Open(path);
        var id = linker.Add(DocumentStoreTests.Doc(DocumentStoreTests.Report, "linked.txt")).Document.Id;
        const int mostWrites = 64 * 400;
        var writes = 0;
        var storedAfter = -1;
        Thread store;
        using (linker.SaveInBatches(64))
        {
            // The linker holds the write lock before the other writer starts, and writes until the other is in (or at most 400 batches).
            linker.SaveFailure(id, "first write");
            writes++;
            store = new Thread(() =>
            {
                other.Add(DocumentStoreTests.Doc("Ferry delayed\nThe morning ferry was delayed by fog on Tuesday, the harbour office said.\n", "other.txt"));
                Volatile.Write(ref storedAfter, Volatile.Read(ref writes));
            });
            store.Start();
            while (Volatile.Read(ref storedAfter) < 0 && writes < mostWrites)
            {
                linker.SaveFailure(id, "write " + writes);
                Volatile.Write(ref writes, writes + 1);
            }
        }
        // Left waiting until then, the other writer gets in once the batches end.
        store.Join();
        storedAfter.ShouldBeLessThan(mostWrites, "the other writer got in only after the linker stopped writing");
        other.Count.ShouldBe(2);
    }

    [Fact]
    public void A_rebuild_stopped_half_way_is_begun_again_by_the_next_load_and_not_resumed_with_half_of_its_archive()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("rebuild.db");
        using (var store = SampleRecord.StoreDocuments(path))
        {
            SampleRecord.CrossJsonOf(RecordLoader.Load(store).Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
        StoreSql.Scalar(path, "SELECT count(*) FROM archived_incidents").ShouldBeGreaterThan(0);
        // The first document the linker holds lost what resuming needs, so the next load rebuilds; that rebuild puts it
        // back early on and fails at the last document (a refused write), after committing its first batches.
        StoreSql.Execute(path, "UPDATE document_facts SET weights = NULL WHERE document_seq = (SELECT document_seq FROM document_facts WHERE held = 1 ORDER BY rank LIMIT 1)");
        var last = SampleRecord.Facts[^1].Id;
        StoreSql.Execute(path, $"""
            CREATE TRIGGER fail_last BEFORE UPDATE OF weights ON document_facts
            WHEN NEW.document_seq = (SELECT seq FROM documents WHERE id = '{last}')
            BEGIN SELECT RAISE(ABORT, 'disk on fire'); END
            """);
        using (var store = DocumentStore.Open(path))
        using (store.SaveInBatches(documents: 3))
        {
            Should.Throw<SqliteException>(() => RecordLoader.Load(store)).Message.ShouldContain("disk on fire");
        }
        StoreSql.Execute(path, "DROP TRIGGER fail_last");
        using (var store = DocumentStore.Open(path))
        {
            var pending = RecordLoader.Open(store);
            pending.Resumed.ShouldBeFalse();
            SampleRecord.CrossJsonOf(pending.LinkPending().Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
        using (var store = DocumentStore.Open(path))
        {
            // And once rebuilt whole, the record resumes again.
            var pending = RecordLoader.Open(store);
            pending.Resumed.ShouldBeTrue();
            SampleRecord.CrossJsonOf(pending.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
    }
}
