using System.Text.Json;
using System.Text.Json.Nodes;
using Crosscheck.Linking;
using Crosscheck.Review;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// What an incident's API answer and page read of its documents and events (<see cref="SourcedRecord.FactsOf"/>): read
/// together, archived documents taken apart without parsing their whole facts, it must be what one lookup of each
/// (<see cref="SourcedRecord.Facts"/>, <see cref="SourcedRecord.Event"/>) gives, held or archived, with analysts' values.
/// </summary>
public sealed class IncidentFactsTests
{
    [Theory, OnSqlite, OnPostgres]
    public void Each_incidents_documents_and_events_read_together_are_those_read_one_by_one(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        var record = RecordLoader.Load(store).Record;
        ILinkArchive archive = store;
        var incidents = record.Snapshot().Incidents;
        incidents.ShouldContain(i => archive.Incident(i.Id) != null, "some incidents are archived");
        incidents.ShouldContain(i => archive.Incident(i.Id) == null, "some are held");
        incidents.ShouldContain(i => i.Documents.Length > 1);
        SameAsOneByOne(record, incidents);

        // An analyst's values on an archived event and a held one are laid over both ways alike.
        var desk = new ReviewDesk(store, record);
        var archivedEvent = incidents.First(i => archive.Incident(i.Id) != null).Events[0];
        var heldEvent = incidents.Last(i => archive.Incident(i.Id) == null).Events[0];
        foreach (var id in new[] { archivedEvent, heldEvent })
        {
            desk.Decide(new DecisionRequest(DecisionTarget.Event, id, DecisionAction.Set, "killed", JsonValue.Create(41), "the ministry's list", "tester"))
                .Error.ShouldBeNull();
        }
        record.FactsOf([], [archivedEvent, heldEvent]).Events.Values.ShouldAllBe(e => e.Fatalities!.Min == 41);
        SameAsOneByOne(record, record.Snapshot().Incidents);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_store_reads_the_archived_documents_and_events_asked_for_as_it_reads_each_alone(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        RecordLoader.Load(store);
        ILinkArchive archive = store;
        var archived = archive.Incidents().ToList();
        archived.ShouldNotBeEmpty();
        var documents = archived.SelectMany(a => a.Incident.Documents).Distinct().Append("d-unknown").ToList();
        var events = archived.SelectMany(a => a.Incident.Events).Append("v-unknown").ToList();
        var together = archive.Reports(documents, events);
        var alone = ((ILinkArchive)new OneByOne(archive)).Reports(documents, events);
        together.Documents.Count.ShouldBeGreaterThan(0);
        // Events of documents still held (another of their events is in a live incident) are not the archive's.
        together.Events.Count.ShouldBeGreaterThan(0);
        Json(together).ShouldBe(Json(alone));
        // Only what is asked for: one event of a document of several is read without the others.
        var several = archive.Documents().Select(d => d.Document).First(d => d.Events.Length > 1);
        var one = archive.Reports([], [several.Events[1].Id]);
        one.Documents.ShouldBeEmpty();
        one.Events.Keys.ShouldBe([several.Events[1].Id]);
        Json(one.Events.Values.Single()).ShouldBe(Json(several.Events[1]));
        archive.Reports([], []).Events.ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_archived_document_whose_facts_cannot_be_read_is_left_out_and_named_as_a_lookup_of_it_would(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        RecordLoader.Load(store);
        ILinkArchive archive = store;
        var (broken, _) = archive.Documents().First(d => d.Document.Events.Length > 0);
        target.Execute($"UPDATE document_facts SET facts = '{{\"id\": \"{broken.Id}\", \"events\": [{{\"id\": 3' WHERE document_seq = (SELECT seq FROM documents WHERE id = '{broken.Id}')");
        var problems = new List<string>();
        store.ArchiveProblem = problems.Add;
        var read = archive.Reports([broken.Id], [broken.Events[0].Id]);
        read.Documents.ShouldBeEmpty();
        read.Events.ShouldBeEmpty();
        problems.ShouldHaveSingleItem().ShouldContain($"the archived document {broken.Id} cannot be read");
    }

    private static void SameAsOneByOne(SourcedRecord record, IEnumerable<Incident> incidents)
    {
        foreach (var incident in incidents)
        {
            var documents = incident.Documents.Append("d-unknown").ToList();
            var events = incident.Events.Concat(incident.Links.Select(l => l.JoinedTo).OfType<string>()).Append("v-unknown").ToList();
            var facts = record.FactsOf(documents, events);
            var expectedDocuments = documents.Distinct().Select(record.Facts).OfType<DocumentFacts>().ToDictionary(d => d.Id, DocumentHeader.Of);
            var expectedEvents = events.Distinct().Select(record.Event).OfType<EventFacts>().ToDictionary(e => e.Id);
            expectedDocuments.Count.ShouldBe(incident.Documents.Distinct().Count(), incident.Id);
            Json(facts.Documents.OrderBy(p => p.Key, StringComparer.Ordinal))
                .ShouldBe(Json(expectedDocuments.OrderBy(p => p.Key, StringComparer.Ordinal)), incident.Id);
            Json(facts.Events.OrderBy(p => p.Key, StringComparer.Ordinal))
                .ShouldBe(Json(expectedEvents.OrderBy(p => p.Key, StringComparer.Ordinal)), incident.Id);
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, DocumentStore.FactsJson);

    private static string Json(IncidentFacts facts) => Json(new
    {
        Documents = facts.Documents.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
        Events = facts.Events.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
    });

    /// <summary>The interface's own reading: each document and event looked up alone.</summary>
    private sealed class OneByOne(ILinkArchive inner) : ILinkArchive
    {
        public void Put(ArchivedIncident incident) => inner.Put(incident);
        public void Put(ArchivedStory story) => inner.Put(story);
        public void Put(DocumentFacts document, int rank) => inner.Put(document, rank);
        public ArchivedIncident? Incident(string id) => inner.Incident(id);
        public IEnumerable<string> IncidentsAt(Crosscheck.Events.PloverType type, string place, DateOnly from, DateOnly to) => inner.IncidentsAt(type, place, from, to);
        public IEnumerable<string> IncidentsOn(Crosscheck.Events.PloverType type, DateOnly from, DateOnly to) => inner.IncidentsOn(type, from, to);
        public ArchivedStory? Story(string id) => inner.Story(id);
        public void Remove(string incidentId) => inner.Remove(incidentId);
        public void TakeBack(ArchivedIncident incident) => inner.TakeBack(incident);
        public void Restore(string documentId) => inner.Restore(documentId);
        public IEnumerable<ArchivedIncident> Incidents() => inner.Incidents();
        public IEnumerable<ArchivedStory> Stories() => inner.Stories();
        public IEnumerable<(int Order, string Id)> StoryOrder() => inner.StoryOrder();
        public IEnumerable<(int Rank, int Start, string Id)> ListedIncidentOrder() => inner.ListedIncidentOrder();
        public RecordCounts Counts() => inner.Counts();
        public IEnumerable<(DocumentFacts Document, int Rank)> Documents() => inner.Documents();
        public IEnumerable<(int Rank, string Id, int Events)> DocumentSizes() => inner.DocumentSizes();
        public DocumentFacts? Document(string documentId) => inner.Document(documentId);
        public EventFacts? Event(string eventId) => inner.Event(eventId);
        public string? IncidentOfEvent(string eventId) => inner.IncidentOfEvent(eventId);
        public string? StoryOfDocument(string documentId) => inner.StoryOfDocument(documentId);
    }
}
