using System.Globalization;
using Crosscheck.Storage;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>Record writes committed a few documents at a time: a failure takes its whole batch back, never half a document.</summary>
public sealed class BatchedSaveTests
{
    [Theory, OnSqlite, OnPostgres]
    public void A_save_that_fails_inside_a_batch_takes_the_batch_back_and_the_next_load_links_it_all(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(target))
        {
            // The fifth document to be linked fails as its facts are written.
            var fifth = SampleRecord.Facts[4].Id;
            target.FailInsert("fail_fifth", "document_facts", $"NEW.document_seq = (SELECT seq FROM documents WHERE id = '{fifth}')");
            using (store.SaveInBatches(documents: 3))
            {
                Should.Throw<System.Data.Common.DbException>(() => RecordLoader.Load(store)).Message.ShouldContain("disk on fire");
            }
        }
        // The batches before the failing one were committed, and it was taken back whole (a batch ends after three
        // documents or BatchTime, whichever comes first, so how many came before depends on the machine's speed).
        var committed = (int)target.Scalar("SELECT count(*) FROM document_facts");
        committed.ShouldBeLessThan(5);
        target.Scalar($"""
            SELECT count(*) FROM document_facts f
            WHERE coalesce({target.EventCount("f.facts")}, 0) != (SELECT count(*) FROM event_assignments a WHERE a.document_seq = f.document_seq)
            """).ShouldBe(0);
        target.DropTrigger("fail_fifth", "document_facts");
        using (var store = target.Open())
        using (store.SaveInBatches(documents: 3))
        {
            var load = RecordLoader.Load(store);
            load.Reloaded.ShouldBe(committed);
            load.Linked.ShouldBe(SampleRecord.Facts.Count - committed);
            SampleRecord.CrossJsonOf(load.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        }
        target.Scalar("SELECT count(*) FROM document_facts").ShouldBe(SampleRecord.Facts.Count);
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
