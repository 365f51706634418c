using System.Globalization;
using System.Text;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>Writes are bounded by rows and parameters, not by documents: any document stores, one refusal costs one document.</summary>
public sealed class BoundedBatchTests
{
    [Fact]
    public void A_document_of_twelve_thousand_segments_is_stored_whole_and_reads_back()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("Harbor traffic log\n\n");
        for (var i = 0; i < 12_000; i++) text.Append(CultureInfo.InvariantCulture, $"Vessel {i} left berth {i % 40} before noon.\n\n");
        var file = dir.File("log.txt", text.ToString());
        using var store = DocumentStore.Open(dir.Combine("big.db"));
        var summary = new DocumentIngestor(store, new DocumentReader()).Ingest([file]);
        summary.Failed.ShouldBe(0);
        summary.Added.ShouldBe(1);
        var id = summary.Items.Single().Document!.Id;
        var stored = store.Get(id)!;
        stored.Segments.Length.ShouldBeGreaterThan(12_000);
        stored.Segments.Select(s => s.Start).ShouldBeInOrder();
        stored.Text[stored.Segments[^1].Start..stored.Segments[^1].End].ShouldBe("Vessel 11999 left berth 39 before noon.");
    }

    [Fact]
    public void A_document_the_store_refuses_is_named_and_the_rest_of_its_batch_is_stored()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 20; i++)
        {
            dir.File($"in/report-{i:D2}.txt", $"Report {i} from the port\nThe port authority logged vessel {i} arriving at berth {i % 5} with {i + 3} crew on board.\n");
        }
        var db = dir.Combine("refuse.db");
        using (var store = DocumentStore.Open(db)) { }
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.text LIKE '%vessel 7 %' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END";
            cmd.ExecuteNonQuery();
        }
        using (var store = DocumentStore.Open(db))
        {
            var errors = new List<string>();
            var summary = new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("in")], item => { if (item.Error is { } e) errors.Add(e.ToString()); });
            summary.Added.ShouldBe(19);
            summary.Failed.ShouldBe(1);
            errors.Single().ShouldStartWith(dir.Combine("in/report-07.txt") + ": cannot be stored (");
            errors.Single().ShouldContain("refused by the test");
            store.Count.ShouldBe(19);
        }
    }
}
