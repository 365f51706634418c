using System.Text;
using Crosscheck.Documents;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>The document store on each engine: every test runs on SQLite and on PostgreSQL (see <see cref="StoreTarget"/>).</summary>
public sealed class DocumentStoreTests
{
    internal static Document Doc(string text, string source = "a.txt") =>
        new DocumentReader().ReadBytes(source, Encoding.UTF8.GetBytes(text), Path.GetExtension(source)).Single().Document!;

    internal const string Report = """
        Coast guard seizes fishing boat near the northern cape
        The coast guard seized a fishing boat carrying forty drums of fuel near the northern cape on Tuesday, a spokesman said.
        The crew of six was taken to the harbor at Port Alder for questioning and released in the evening.
        The spokesman said the boat had no permit to carry fuel and that its captain would be fined.
        Fishermen in the area said patrols had become more frequent since the summer.
        One captain said he now carried his papers on deck so that boarding crews could check them quickly.
        The ministry of fisheries said it would publish new rules for fuel transport before the end of the year.
        """;

    [Theory, OnSqlite, OnPostgres]
    public void The_same_content_is_stored_once_and_every_source_is_kept(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        store.Add(Doc(Report, "first.txt")).Status.ShouldBe(StoreStatus.Added);
        var again = store.Add(Doc(Report.Replace("\n", "\r\n", StringComparison.Ordinal), "copy.txt"));
        again.Status.ShouldBe(StoreStatus.AlreadyStored);
        store.Count.ShouldBe(1);
        store.Sources(again.Document.Id).ShouldBe(["copy.txt", "first.txt"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_reprint_with_small_edits_is_linked_to_the_original(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        var original = store.Add(Doc(Report, "original.txt")).Document;
        var reprint = Report
            .Replace("Coast guard seizes fishing boat near the northern cape", "Fuel boat seized off northern cape", StringComparison.Ordinal)
            .Replace("on Tuesday", "late on Tuesday", StringComparison.Ordinal)
            + "\nThe boat remains impounded.";
        var outcome = store.Add(Doc(reprint, "reprint.txt"));
        outcome.Status.ShouldBe(StoreStatus.AddedNearDuplicate);
        outcome.Document.DuplicateOf.ShouldBe(original.Id);
        store.Get(outcome.Document.Id)!.DuplicateOf.ShouldBe(original.Id);
        store.Count.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_different_article_on_the_same_story_is_not_a_duplicate(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        store.Add(Doc(Report, "one.txt"));
        var other = """
            Fishermen protest patrols after fuel boat seizure
            Dozens of fishermen gathered at Port Alder on Wednesday to protest against coast guard patrols.
            They said the seizure of a fishing boat near the northern cape on Tuesday was heavy-handed.
            A union leader said crews carried fuel only for their own engines and were being treated like smugglers.
            The coast guard said it would continue the patrols.
            """;
        store.Add(Doc(other, "two.txt")).Status.ShouldBe(StoreStatus.Added);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_stored_document_reads_back_exactly(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var doc = Doc("---\noutlet: Harbor Ledger\npublished: 2025-11-04\ntitle: Boat seized\n---\n" + Report, "x.txt");
        using (var store = target.Open()) store.Add(doc);
        using (var store = target.Open())
        {
            var back = store.Get(doc.Id)!;
            back.Text.ShouldBe(doc.Text);
            back.Segments.ShouldBe(doc.Segments);
            // The store keeps the date, not where it came from (README, "Publication dates").
            back.Metadata.ShouldBe(doc.Metadata with { PublishedFrom = null });
            back.Source.ShouldBe("x.txt");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void Full_text_search_finds_documents_by_their_words_and_survives_punctuation(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        store.Add(Doc(Report, "one.txt"));
        store.Add(Doc("Talks between the two governments resumed in the capital on Monday.\nNegotiators said progress was slow.\n", "two.txt"));
        var hits = store.List("drums", 0, 10);
        hits.Total.ShouldBe(1);
        hits.Items.Single().Source.ShouldBe("one.txt");
        hits.Items.Single().Snippet.ShouldContain("[drums]");
        store.List("\"unbalanced (quote AND", 0, 10).Total.ShouldBe(0);
        store.List(null, 0, 10).Total.ShouldBe(2);
        store.List(null, 1, 10).Items.Single().Source.ShouldBe("two.txt");
    }

    [Theory, OnSqlite, OnPostgres]
    public void Migrations_run_once_and_reopening_keeps_the_data(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = target.Open()) store.Add(Doc(Report));
        using (var store = target.Open()) store.Count.ShouldBe(1);
        target.Scalar("SELECT count(*) FROM schema_migrations").ShouldBe(backend == Backend.Sqlite ? SqliteMigrations.All.Count : PostgresMigrations.All.Count);
        if (backend == Backend.Sqlite)
        {
            using var connection = target.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            cmd.ExecuteScalar().ShouldBe("wal");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_database_from_before_the_record_is_upgraded_and_its_documents_linked_on_the_next_load(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using (var store = target.Open()) store.Add(Doc(Report));
        target.Execute("DROP TABLE desks; DROP TABLE taken_back_incidents; DROP TABLE document_readings; DROP TABLE analysis_queue; DROP TABLE users; DROP TABLE event_successors; DROP TABLE decisions; DROP TABLE record_versions; DROP TABLE record_items; DROP TABLE unplaced_decisions; DROP TABLE archived_places; DROP TABLE open_stories; DROP TABLE link_queue; DROP TABLE linker_state; DROP TABLE key_frequency; DROP TABLE archived_documents; DROP TABLE archived_stories; DROP TABLE archived_incidents; DROP TABLE incident_rows; DROP TABLE archive_counts; DROP TABLE link_failures; DROP INDEX documents_link_order; DROP TABLE event_assignments; DROP TABLE document_facts; DELETE FROM schema_migrations WHERE version >= 2;");
        using (var store = target.Open())
        {
            store.LinkedCount.ShouldBe(0);
            var load = RecordLoader.Load(store);
            load.Linked.ShouldBe(1);
            load.Record.Snapshot().Stories.Single().Documents.ShouldBe([store.List(null, 0, 1).Items[0].Id]);
            store.LinkedCount.ShouldBe(1);
        }
    }

    [Fact]
    public void The_minhash_estimate_tracks_shingle_overlap()
    {
        var a = MinHashSignature.Compute(Report);
        a.Similarity(MinHashSignature.Compute(Report)).ShouldBe(1.0);
        a.Similarity(MinHashSignature.Compute("Completely unrelated words about a football match that ended in a draw on Saturday night.")).ShouldBeLessThan(0.1);
    }
}
