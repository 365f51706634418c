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

    private static string Front(string outlet, DateOnly published, string title) =>
        "---\noutlet: " + outlet + "\npublished: " + published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n"
        + "title: " + title + "\n---\n" + title + "\n";
}
