using Crosscheck.Linking;
using Crosscheck.Tests.Storage;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// The record lives in the store, not in memory (issue 14, item 6): a linker with an archive lets closed incidents,
/// finished stories and their documents go, and the record it gives is the one a linker holding everything gives.
/// Made-up articles over five months, read by the real pipeline, in link order.
/// </summary>
public class LinkArchiveTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    private static readonly Lazy<List<DocumentFacts>> Months = new(() => LinkOrder.Sort(
    [
        Facts("arch-1", "Harbor Ledger", "2025-03-04", "Soldiers shelled a village near Kherson on Monday, killing four civilians, officials said."),
        Facts("arch-2", "Gulf Gazette", "2025-03-04", "Four civilians were killed when artillery hit a village near Kherson on Monday, the regional governor said."),
        Facts("arch-3", "Harbor Ledger", "2025-03-20", "The foreign minister met his counterpart in Geneva on Wednesday to discuss a ceasefire."),
        Facts("arch-4", "Valley Times", "2025-05-12", "Gunmen attacked a police station in Peshawar on Sunday, killing two officers."),
        Facts("arch-5", "Gulf Gazette", "2025-05-13", "Two police officers died in an attack on a station in Peshawar on Sunday, police said."),
        Facts("arch-6", "Valley Times", "2025-07-01", "Troops fired on protesters in Nairobi on Monday, killing three people, witnesses said."),
        Facts("arch-7", "Harbor Ledger", "2025-08-05", "A drone strike hit a convoy near Kandahar on Monday, killing six fighters, the army said."),
        Facts("arch-8", "Gulf Gazette", "2025-08-06", "Six fighters were killed when a drone struck their convoy near Kandahar on Monday."),
    ]));

    private static CrossDocumentLinker Linked(ILinkArchive? archive)
    {
        var linker = new CrossDocumentLinker(archive: archive);
        foreach (var d in Months.Value) linker.Add(d);
        return linker;
    }

    [Fact]
    public void A_linker_that_archives_gives_the_record_of_one_that_holds_everything_and_holds_less()
    {
        var archive = new MemoryLinkArchive();
        var archiving = Linked(archive);
        var holding = Linked(null);
        SampleRecord.CrossJsonOf(archiving.Snapshot()).ShouldBe(SampleRecord.CrossJsonOf(holding.Snapshot()));
        archive.Count.Incidents.ShouldBeGreaterThan(2);
        archive.Count.Stories.ShouldBeGreaterThan(0);
        archive.Count.Documents.ShouldBeGreaterThan(2);
        archiving.HeldDocuments.ShouldBeLessThan(Months.Value.Count);
        holding.HeldDocuments.ShouldBe(Months.Value.Count);
        archiving.DocumentCount.ShouldBe(Months.Value.Count);
        // What left memory is still found by id.
        foreach (var doc in Months.Value)
        {
            archiving.Facts(doc.Id).ShouldNotBeNull();
            archiving.StoryOf(doc.Id).ShouldBe(holding.StoryOf(doc.Id));
            foreach (var ev in doc.Events)
            {
                archiving.IncidentOf(ev.Id).ShouldBe(holding.IncidentOf(ev.Id));
                archiving.Event(ev.Id)!.Id.ShouldBe(ev.Id);
            }
        }
        archiving.Documents.Select(d => d.Id).ShouldBe(holding.Documents.Select(d => d.Id));
    }

    [Fact]
    public void One_incident_story_or_document_is_read_alone_as_the_whole_record_has_it()
    {
        var archive = new MemoryLinkArchive();
        var linker = Linked(archive);
        var record = linker.Snapshot();
        archive.Count.Incidents.ShouldBeGreaterThan(0, "some lookups must reach the archive");
        foreach (var incident in record.Incidents)
        {
            linker.IncidentById(incident.Id).ShouldBe(incident);
            linker.IncidentAndDiscrepancies(incident.Id)!.Value.Discrepancies.ShouldBe(record.Discrepancies.Where(d => d.Incident == incident.Id));
        }
        foreach (var story in record.Stories) SampleRecord.CrossJsonOf(new CrossRecord([linker.StoryById(story.Id)!], [], [])).ShouldBe(SampleRecord.CrossJsonOf(new CrossRecord([story], [], [])));
        foreach (var doc in Months.Value)
        {
            linker.IncidentsOfDocument(doc.Id).Select(i => i.Id)
                .ShouldBe(record.Incidents.Where(i => i.Documents.Contains(doc.Id)).Select(i => i.Id));
        }
        // Pages and counts read only what they show, and agree with the whole record.
        var listed = record.Incidents.Where(i => !i.Mention).Select(i => i.Id).ToList();
        for (var offset = 0; offset <= listed.Count; offset += 2)
        {
            var page = linker.IncidentPage(offset, 3);
            page.Items.Select(i => i.Id).ShouldBe(listed.Skip(offset).Take(3));
            page.Total.ShouldBe(listed.Count);
        }
        linker.StoryPage(0, 100).Items.Select(s => s.Id).ShouldBe(record.Stories.Select(s => s.Id));
        linker.StoryPage(1, 1).Items.Select(s => s.Id).ShouldBe(record.Stories.Skip(1).Take(1).Select(s => s.Id));
        linker.Counts().ShouldBe(new RecordCounts(record.Stories.Length, listed.Count, record.Incidents.Count(i => i.Mention), record.Discrepancies.Length));
        var events = Months.Value.SelectMany(d => d.Events).Select(e => e.Id).ToList();
        for (var offset = 0; offset <= events.Count + 1; offset += 3)
        {
            var page = linker.EventPage(offset, 4);
            page.Items.Select(e => e.Id).ShouldBe(events.Skip(offset).Take(4));
            page.Total.ShouldBe(events.Count);
        }
        linker.IncidentById("i-nothing").ShouldBeNull();
        linker.StoryById("s-nothing").ShouldBeNull();
    }

    [Fact]
    public void A_closed_incident_is_met_again_only_by_a_report_recalling_its_day_and_place()
    {
        foreach (var archive in new ILinkArchive?[] { null, new MemoryLinkArchive() })
        {
            var linker = Linked(archive);
            var march = linker.IncidentOf(Months.Value.Single(d => d.Title == "arch-1").Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id);
            // Months later, a report with the day and the place of the March shelling: the same incident, open again.
            var recall = Facts("arch-9", "Valley Times", "2025-08-07",
                "Four civilians were killed when artillery hit a village near Kherson on March 3, officials said.");
            linker.Add(recall);
            linker.IncidentOf(recall.Events.First(e => e.Evidence.Contains("hit", StringComparison.Ordinal)).Id).ShouldBe(march);
            // Another day at that place is another incident.
            var other = Facts("arch-10", "Valley Times", "2025-08-08",
                "Two civilians were killed when artillery hit a village near Kherson on March 20, officials said.");
            linker.Add(other);
            linker.IncidentOf(other.Events.First(e => e.Evidence.Contains("hit", StringComparison.Ordinal)).Id).ShouldNotBe(march);
            linker.Snapshot().Incidents.Single(i => i.Id == march).Documents.ShouldContain(recall.Id);
        }
    }

    [Fact]
    public void A_report_within_the_quiet_days_joins_and_one_after_them_without_its_own_day_does_not()
    {
        var soon = Facts("arch-11", "Valley Times", "2025-03-10",
            "Four civilians were killed when artillery hit a village near Kherson on March 3, officials said.");
        var early = new CrossDocumentLinker();
        foreach (var d in LinkOrder.Sort([.. Months.Value.Take(2), soon])) early.Add(d);
        var march = early.IncidentOf(Months.Value.Single(d => d.Title == "arch-1").Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id);
        early.IncidentOf(soon.Events.First(e => e.Evidence.Contains("hit", StringComparison.Ordinal)).Id).ShouldBe(march);

        var linker = Linked(new MemoryLinkArchive());
        var late = Facts("arch-12", "Valley Times", "2025-08-07", "Artillery hit a village near Kherson, killing four civilians, officials said.");
        linker.Add(late);
        linker.IncidentOf(late.Events.First(e => e.Evidence.Contains("hit", StringComparison.Ordinal)).Id)
            .ShouldNotBe(linker.IncidentOf(Months.Value.Single(d => d.Title == "arch-1").Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id));
    }

    [Fact]
    public void Detaching_a_report_of_an_archived_incident_brings_it_back_and_archives_both_again()
    {
        var archive = new MemoryLinkArchive();
        var linker = Linked(archive);
        var report = Months.Value.Single(d => d.Title == "arch-2").Events.First(e => e.Evidence.Contains("killed", StringComparison.Ordinal));
        var incident = linker.IncidentOf(report.Id)!;
        archive.Incident(incident).ShouldNotBeNull("the March shelling closed months before August");
        archive.Incident(incident)!.Incident.Events.Length.ShouldBeGreaterThan(1);

        var alone = linker.Detach(report.Id);

        alone.ShouldNotBeNull();
        linker.IncidentOf(report.Id).ShouldBe(alone);
        archive.Incident(alone).ShouldNotBeNull();
        archive.Incident(incident)!.Incident.Events.ShouldNotContain(report.Id);
        var record = linker.Snapshot();
        record.Incidents.Single(i => i.Id == alone).Links.Single().Reason.ShouldStartWith("detached by hand");
        record.Incidents.Count(i => i.Id == incident).ShouldBe(1);
        record.Stories.Single(s => s.Documents.Contains(report.Document)).Incidents.ShouldContain(alone);
    }

    [Fact]
    public void An_archived_incident_a_recall_takes_back_but_does_not_join_goes_back_to_the_archive()
    {
        // A second shelling near Kherson the next day: its own incident, closed and archived with the first by August.
        var nextDay = Facts("arch-13", "Valley Times", "2025-03-05",
            "Soldiers shelled a village near Kherson on Tuesday, killing two civilians, the regional governor said.");
        var archive = new MemoryLinkArchive();
        var linker = new CrossDocumentLinker(archive: archive);
        foreach (var d in LinkOrder.Sort([.. Months.Value, nextDay])) linker.Add(d);
        var march = linker.IncidentOf(Months.Value.Single(d => d.Title == "arch-1").Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id)!;
        var nextShelling = linker.IncidentOf(nextDay.Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id)!;
        nextShelling.ShouldNotBe(march);
        archive.Incident(march).ShouldNotBeNull();
        archive.Incident(nextShelling).ShouldNotBeNull();
        // On the day of the last report, after that day's closing, the recall of March 3 meets both archived incidents
        // (the place, and days a day apart) and joins the first.
        var recall = Facts("arch-14", "Valley Times", "2025-08-06",
            "Four civilians were killed when artillery hit a village near Kherson on March 3, officials said.");
        linker.Add(recall);
        linker.IncidentOf(recall.Events.First(e => e.Evidence.Contains("hit", StringComparison.Ordinal)).Id).ShouldBe(march);
        linker.HeldIncident(march).ShouldNotBeNull();
        // The other one is back in the archive at once, with its document: a closed incident is never held between
        // two documents (a store does not keep a held incident's campaign; a linker resumed from it could not have it).
        linker.HeldIncident(nextShelling).ShouldBeNull();
        archive.Incident(nextShelling).ShouldNotBeNull();
        linker.HeldFacts(nextDay.Id).ShouldBeNull();
        linker.IncidentOf(nextDay.Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id).ShouldBe(nextShelling);
    }
}
