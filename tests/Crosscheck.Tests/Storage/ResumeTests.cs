using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// A record resumed from the store after a restart (<see cref="RecordLoader.Resume"/>) is the record the linker held
/// when its run ended: the same documents, events, incidents and stories, held or archived.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public void A_held_document_whose_story_left_memory_is_resumed_with_its_events()
    {
        using var dir = new TempDirectory();
        // An attack in Arlon, told by two outlets in mid-January (one story, whose protagonist is the governor).
        dir.File("news/arlon-1.txt", Front("Harbor Ledger", new DateOnly(2025, 1, 14), "Police post attacked in Arlon")
            + "Gunmen attacked a police post in Arlon on January 14, killing three officers, Governor Maren Holt said.\n"
            + "Holt said the attackers fled toward the hills. Maren Holt ordered a curfew in Arlon.\n");
        dir.File("news/arlon-2.txt", Front("Meridian Post", new DateOnly(2025, 1, 15), "Three officers killed in Arlon")
            + "Three police officers were killed when gunmen attacked a police post in Arlon on January 14, Governor Maren Holt said.\n"
            + "Holt visited the wounded on Wednesday. Maren Holt said the curfew would stay.\n");
        // Five weeks later another story (a campaign, another protagonist) recalls the attack: its incident is reported again.
        dir.File("news/dunmore-1.txt", Front("Valley Times", new DateOnly(2025, 2, 20), "Reyes campaigns in Dunmore")
            + "Candidate Tomas Reyes campaigned in Dunmore on Thursday and promised new schools and roads.\n"
            + "Reyes recalled that gunmen attacked a police post in Arlon on January 14, killing three officers.\n"
            + "Tomas Reyes spoke to farmers at the market of Dunmore.\n");
        // In March the Arlon story is past its gap and leaves memory; the recalled incident, reported in February, stays.
        dir.File("news/dunmore-2.txt", Front("Harbor Ledger", new DateOnly(2025, 3, 5), "Reyes leads in Dunmore poll")
            + "Candidate Tomas Reyes leads the race in Dunmore, a poll published on Wednesday showed.\n"
            + "Reyes thanked the farmers of Dunmore. Tomas Reyes will hold a rally on Sunday.\n");
        var db = dir.Combine("news.db");

        string linkedJson;
        List<string> linkedDocuments, linkedEvents;
        using (var store = DocumentStore.Open(db))
        {
            new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("news")]).Failed.ShouldBe(0);
            var linker = RecordLoader.Load(store).Record.Linker;
            linkedJson = SampleRecord.CrossJsonOf(linker.Snapshot());
            linkedDocuments = [.. linker.Documents.Select(d => d.Id)];
            linkedEvents = [.. linker.Documents.SelectMany(d => d.Events).Select(e => e.Id)];
            linkedDocuments.Count.ShouldBe(4);
            // What the scenario is about: a document held (its event is in a held incident) whose story was archived.
            linkedDocuments.Count(id => linker.HeldFacts(id) is not null && linker.HeldStoryOf(id) is null && ((ILinkArchive)store).StoryOfDocument(id) is not null)
                .ShouldBeGreaterThan(0, "an Arlon report stays held after its story left memory");
        }

        using (var store = DocumentStore.Open(db))
        {
            var open = RecordLoader.Open(store);
            open.Resumed.ShouldBeTrue();
            open.Pending.ShouldBe(0);
            var linker = open.Record.Linker;
            linker.Documents.Select(d => d.Id).ShouldBe(linkedDocuments);
            linker.Documents.SelectMany(d => d.Events).Select(e => e.Id).ShouldBe(linkedEvents);
            SampleRecord.CrossJsonOf(linker.Snapshot()).ShouldBe(linkedJson);
        }
    }

    [Fact]
    public void An_incident_a_recall_took_back_from_the_archive_is_resumed_with_the_campaign_it_had()
    {
        using var dir = new TempDirectory();
        // A shelling in March, part of a campaign of attacks, both closed and archived by August (as in CampaignSeriesTests).
        dir.File("news/keep-1.txt", Front("Harbor Ledger", new DateOnly(2025, 3, 4), "Attacks near Kherson")
            + "Rebel forces have carried out attacks on border villages near Kherson since March 1, killing at least 20 people. "
            + "Rebels shelled a village near Kherson on Monday, killing four civilians.\n");
        dir.File("news/keep-2.txt", Front("Gulf Gazette", new DateOnly(2025, 3, 5), "Village shelled near Kherson")
            + "Rebels shelled a village near Kherson on Monday, killing four civilians, officials said. "
            + "Rebel attacks on border villages near Kherson have killed at least 20 people since March 1.\n");
        dir.File("news/keep-4.txt", Front("Valley Times", new DateOnly(2025, 6, 10), "Ministers meet in Geneva")
            + "The foreign minister met his counterpart in Geneva on Wednesday to discuss a ceasefire.\n");
        // In August a recollection of the shelling takes it back from the archive and joins it: held when the run ends,
        // it keeps the campaign it had when it closed, which has left memory.
        dir.File("news/keep-3.txt", Front("Valley Times", new DateOnly(2025, 8, 7), "Shelling recalled")
            + "Four civilians were killed when rebels shelled a village near Kherson on March 3, officials said.\n");
        var db = dir.Combine("news.db");

        string linkedJson, shelling, campaign;
        using (var store = DocumentStore.Open(db))
        {
            new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("news")]).Failed.ShouldBe(0);
            var linker = RecordLoader.Load(store).Record.Linker;
            var record = linker.Snapshot();
            linkedJson = SampleRecord.CrossJsonOf(record);
            var first = linker.Documents.Single(d => d.Title == "Attacks near Kherson");
            shelling = linker.IncidentOf(first.Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id)!;
            campaign = linker.IncidentOf(first.Events.First(e => e.Evidence.Contains("attacks", StringComparison.Ordinal)).Id)!;
            linker.HeldIncident(shelling).ShouldNotBeNull("the recall took the shelling back");
            linker.HeldIncident(campaign).ShouldBeNull("the campaign stays in the archive");
            record.Incidents.Single(i => i.Id == shelling).PartOf.ShouldBe(campaign);
        }

        using (var store = DocumentStore.Open(db))
        {
            var open = RecordLoader.Open(store);
            open.Resumed.ShouldBeTrue();
            var record = open.Record.Linker.Snapshot();
            record.Incidents.Single(i => i.Id == shelling).PartOf.ShouldBe(campaign);
            SampleRecord.CrossJsonOf(record).ShouldBe(linkedJson);
        }
    }

    [Fact]
    public void Two_rounds_merged_into_one_campaign_are_one_campaign_after_a_restart()
    {
        using var dir = new TempDirectory();
        dir.File("news/merge-a.txt", Front("Harbor Ledger", new DateOnly(2025, 9, 10), "Attacks near Kherson")
            + "Rebel forces have carried out attacks on border villages near Kherson since September 1.\n");
        dir.File("news/merge-b.txt", Front("Gulf Gazette", new DateOnly(2025, 10, 20), "More attacks near Kherson")
            + "Rebel forces have carried out attacks on border villages near Kherson since October 15.\n");
        dir.File("news/merge-c.txt", Front("Valley Times", new DateOnly(2025, 10, 22), "Forty killed near Kherson")
            + "Rebel forces have carried out attacks on border villages near Kherson since September 1, killing at least 40 people.\n");
        var db = dir.Combine("news.db");

        string linkedJson;
        using (var store = DocumentStore.Open(db))
        {
            new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("news")]).Failed.ShouldBe(0);
            var linker = RecordLoader.Load(store).Record.Linker;
            var record = linker.Snapshot();
            linkedJson = SampleRecord.CrossJsonOf(record);
            // What the scenario is about: the third report merged the two rounds, moving the other round's events.
            record.Incidents.Where(i => i.Documents.Length > 0 && i.Scope == IncidentScope.Campaign).ShouldHaveSingleItem().Documents.Length.ShouldBe(3);
            var moved = linker.Documents.SelectMany(d => d.Events).Where(e => linker.IncidentById(linker.IncidentOf(e.Id)!)!.Links
                .Single(l => l.Event == e.Id).Reason.Contains("series merged", StringComparison.Ordinal)).ToList();
            moved.ShouldNotBeEmpty();
            // The store keeps where the moved events sit now, not where they were first put.
            foreach (var e in moved) StoredIncidentOf(db, e.Id).ShouldBe(linker.IncidentOf(e.Id));
            // A linker's move, not an analyst's: other servers and workers follow it as a link, not as a decision.
            store.ReadMark().Decisions.ShouldBe(0);
        }

        using (var store = DocumentStore.Open(db))
        {
            var open = RecordLoader.Open(store);
            open.Resumed.ShouldBeTrue();
            SampleRecord.CrossJsonOf(open.Record.Linker.Snapshot()).ShouldBe(linkedJson);
        }
    }

    private static string? StoredIncidentOf(string db, string eventId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT incident FROM event_assignments WHERE event = $event";
        command.Parameters.AddWithValue("$event", eventId);
        return command.ExecuteScalar() as string;
    }

    private static string Front(string outlet, DateOnly published, string title) =>
        "---\noutlet: " + outlet + "\npublished: " + published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n"
        + "title: " + title + "\n---\n" + title + "\n";
}
