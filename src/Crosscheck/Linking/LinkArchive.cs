using System.Collections.Immutable;

namespace Crosscheck.Linking;

/// <summary>
/// An incident no later document can join (<see cref="CrossDocumentLinker.QuietDays"/>), as it stood when the linker
/// handed it over: its summary, its discrepancies, where its first report stands in the link order (so a record lists
/// it where the live linker would) and each of its documents' rank (so it can be taken back whole).
/// </summary>
public sealed record ArchivedIncident(Incident Incident, ImmutableArray<Discrepancy> Discrepancies, int FirstRank, int FirstStart)
{
    /// <summary>Each document of the incident and its rank in the linker's order.</summary>
    public ImmutableDictionary<string, int> Ranks { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The places its reports are filed under (<c>IncidentTraits.PlaceKey</c>), for finding it by place and day.</summary>
    public ImmutableArray<string> Places { get; init; } = [];

    /// <summary>The first and last day its reports speak of.</summary>
    public DateOnly? First { get; init; }
    public DateOnly? Last { get; init; }
}

/// <summary>What a list of an incident's sources shows of a document: its outlet, title, day, the original it copies and its credits.</summary>
public sealed record DocumentHeader(string Id, string? Outlet, string? Title, DateOnly? Published, string? DuplicateOf, ImmutableArray<Credit> Credits)
{
    public static DocumentHeader Of(DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(facts.Id, facts.Outlet, facts.Title, facts.Published, facts.DuplicateOf, facts.Credits);
    }
}

/// <summary>Some documents' headers and some events by id, as read for one incident (<see cref="ILinkArchive.Reports"/>).</summary>
public sealed record IncidentFacts(IReadOnlyDictionary<string, DocumentHeader> Documents, IReadOnlyDictionary<string, EventFacts> Events);

/// <summary>A record (or its archive) counted: stories, listed incidents, mentions, discrepancies.</summary>
public readonly record struct RecordCounts(int Stories, int Incidents, int Mentions, int Discrepancies);

/// <summary>A story no later dated document can join (past its gap), and the order it was started in.</summary>
public sealed record ArchivedStory(Story Story, int Order);

/// <summary>
/// Where a linker puts what has left its memory: closed incidents, finished stories and the documents of both. A
/// linker with an archive holds only what later documents can still change, so its memory follows the news of the
/// last weeks, not the size of the record; reading the whole record reads the archive. A database keeps it
/// (<c>DocumentStore</c>); <see cref="MemoryLinkArchive"/> is the same in memory.
/// </summary>
public interface ILinkArchive
{
    void Put(ArchivedIncident incident);

    void Put(ArchivedStory story);

    /// <summary>A document none of whose events is in a live incident, with its rank.</summary>
    void Put(DocumentFacts document, int rank);

    ArchivedIncident? Incident(string id);

    /// <summary>
    /// The archived incidents of the type filed under the place whose days meet [<paramref name="from"/>,
    /// <paramref name="to"/>], by id: what a report recalling an old event by its day and place may join.
    /// </summary>
    IEnumerable<string> IncidentsAt(Events.PloverType type, string place, DateOnly from, DateOnly to);

    /// <summary>
    /// The archived incidents of the type, filed under any place, whose days meet [<paramref name="from"/>,
    /// <paramref name="to"/>], by id: what a report recalling an old event by its day alone may join.
    /// </summary>
    IEnumerable<string> IncidentsOn(Events.PloverType type, DateOnly from, DateOnly to);

    ArchivedStory? Story(string id);

    /// <summary>Takes an incident back out (an analyst changes it): the linker holds it again until it is closed again.</summary>
    void Remove(string incidentId);

    /// <summary>
    /// Takes an incident back out for the linker to hold again (<see cref="Remove"/>), keeping the campaign it had when it
    /// closed (<see cref="Incident.PartOf"/>) until it is put back: a linker resumed while it is held gets it back
    /// (<see cref="LinkResume.TakenBack"/>).
    /// </summary>
    void TakeBack(ArchivedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        Remove(incident.Incident.Id);
    }

    /// <summary>Takes a document back out: the linker holds it again (an incident of it was taken back).</summary>
    void Restore(string documentId);

    /// <summary>The archived incidents, in any order.</summary>
    IEnumerable<ArchivedIncident> Incidents();

    /// <summary>The archived stories, in any order.</summary>
    IEnumerable<ArchivedStory> Stories();

    /// <summary>The archived stories' orders and ids, in order (what a page of stories skips through).</summary>
    IEnumerable<(int Order, string Id)> StoryOrder();

    /// <summary>The archived incidents that are listed (mentions left out): their first-report places and ids, in that order.</summary>
    IEnumerable<(int Rank, int Start, string Id)> ListedIncidentOrder();

    /// <summary>Part of <see cref="ListedIncidentOrder"/>: <paramref name="limit"/> keys from position <paramref name="offset"/> on.</summary>
    IReadOnlyList<(int Rank, int Start, string Id)> ListedIncidentPage(int offset, int limit) => [.. ListedIncidentOrder().Skip(offset).Take(limit)];

    /// <summary>The last key of <see cref="ListedIncidentOrder"/>, or null when no listed incident is archived.</summary>
    (int Rank, int Start, string Id)? LastListedIncident() =>
        ListedIncidentOrder().Select(k => ((int, int, string)?)k).LastOrDefault();

    /// <summary>How many stories, incidents (mentions apart), mentions and discrepancies are archived.</summary>
    RecordCounts Counts();

    /// <summary>The archived incidents that are listed (mentions apart) as rows, in the record's order (<see cref="IncidentRow.ListKey"/>).</summary>
    IEnumerable<IncidentRow> IncidentRows() => Incidents().Where(a => !a.Incident.Mention)
        .Select(a => IncidentRow.Of(a.Incident, a.FirstRank, a.FirstStart))
        .OrderBy(r => r.ListKey, Comparer<(int, int, string)>.Create(CrossDocumentLinker.ReportOrder));

    /// <summary>The rows of those of the archived incidents <paramref name="ids"/> that have one, by id.</summary>
    IReadOnlyDictionary<string, IncidentRow> IncidentRows(IReadOnlyCollection<string> ids) => ids.Distinct(StringComparer.Ordinal)
        .Select(Incident).OfType<ArchivedIncident>().ToDictionary(a => a.Incident.Id, a => IncidentRow.Of(a.Incident, a.FirstRank, a.FirstStart), StringComparer.Ordinal);

    /// <summary>What a map of the archived incidents shows (see <see cref="MapQuery.Select"/>), those in <paramref name="leaveOut"/> apart.</summary>
    MapSelection Map(MapQuery query, IReadOnlySet<string> leaveOut, int limit) =>
        query.Select(IncidentRows().Where(r => !leaveOut.Contains(r.Id)), limit);

    /// <summary>The archived documents with their ranks, in rank order.</summary>
    IEnumerable<(DocumentFacts Document, int Rank)> Documents();

    /// <summary>The archived documents' ranks, ids and numbers of events, in rank order (what a page of events skips through).</summary>
    IEnumerable<(int Rank, string Id, int Events)> DocumentSizes();

    DocumentFacts? Document(string documentId);

    /// <summary>An event of an archived document, as its document has it, or null.</summary>
    EventFacts? Event(string eventId);

    /// <summary>
    /// What a page of one incident shows of its archived documents, read together: the headers of those of
    /// <paramref name="documents"/> that are archived (as <see cref="Document"/> has them), and those of
    /// <paramref name="events"/> that <see cref="Event"/> finds, without the rest of each document's facts.
    /// </summary>
    IncidentFacts Reports(IReadOnlyCollection<string> documents, IReadOnlyCollection<string> events) => new(
        documents.Select(Document).OfType<DocumentFacts>().DistinctBy(d => d.Id).ToDictionary(d => d.Id, DocumentHeader.Of, StringComparer.Ordinal),
        events.Select(Event).OfType<EventFacts>().DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal));

    /// <summary>The incident an archived event sits in, or null.</summary>
    string? IncidentOfEvent(string eventId);

    /// <summary>The story an archived document sits in, or null.</summary>
    string? StoryOfDocument(string documentId);

    /// <summary>
    /// Whether the archive may be read while the linker writes to it from another thread (a database: each read on a
    /// connection of its own). A record then reads what is archived outside its lock, so readers do not queue.
    /// </summary>
    bool ReadsConcurrently => false;
}

/// <summary>An <see cref="ILinkArchive"/> in memory (tests; a record that needs no database).</summary>
public sealed class MemoryLinkArchive : ILinkArchive
{
    private readonly Dictionary<string, ArchivedIncident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArchivedStory> _stories = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, DocumentFacts> _documents = [];
    private readonly Dictionary<string, DocumentFacts> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventFacts> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _incidentOfEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOfDocument = new(StringComparer.Ordinal);

    public void Put(ArchivedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _incidents[incident.Incident.Id] = incident;
        foreach (var e in incident.Incident.Events) _incidentOfEvent[e] = incident.Incident.Id;
    }

    public void Put(ArchivedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        _stories[story.Story.Id] = story;
        foreach (var d in story.Story.Documents) _storyOfDocument[d] = story.Story.Id;
    }

    public void Put(DocumentFacts document, int rank)
    {
        ArgumentNullException.ThrowIfNull(document);
        _documents[rank] = document;
        _byId[document.Id] = document;
        foreach (var e in document.Events) _events[e.Id] = e;
    }

    public ArchivedIncident? Incident(string id) => _incidents.GetValueOrDefault(id);

    public IEnumerable<string> IncidentsAt(Events.PloverType type, string place, DateOnly from, DateOnly to) => _incidents.Values
        .Where(i => i.Incident.Type == type && i.Places.Contains(place) && i.First is { } f && i.Last is { } l && f <= to && l >= from)
        .Select(i => i.Incident.Id).Order(StringComparer.Ordinal);

    public IEnumerable<string> IncidentsOn(Events.PloverType type, DateOnly from, DateOnly to) => _incidents.Values
        .Where(i => i.Incident.Type == type && i.Places.Length > 0 && i.First is { } f && i.Last is { } l && f <= to && l >= from)
        .Select(i => i.Incident.Id).Order(StringComparer.Ordinal);

    public ArchivedStory? Story(string id) => _stories.GetValueOrDefault(id);

    public void Remove(string incidentId)
    {
        if (!_incidents.Remove(incidentId, out var gone)) return;
        foreach (var e in gone.Incident.Events) _incidentOfEvent.Remove(e);
    }

    public void Restore(string documentId)
    {
        if (!_byId.Remove(documentId, out var doc)) return;
        foreach (var e in doc.Events) _events.Remove(e.Id);
        foreach (var rank in _documents.Where(p => p.Value.Id == documentId).Select(p => p.Key).ToList()) _documents.Remove(rank);
    }

    public IEnumerable<ArchivedIncident> Incidents() => _incidents.Values;

    public IEnumerable<ArchivedStory> Stories() => _stories.Values;

    public IEnumerable<(DocumentFacts Document, int Rank)> Documents() => _documents.Select(p => (p.Value, p.Key));

    public IEnumerable<(int Order, string Id)> StoryOrder() => _stories.Values.Select(s => (s.Order, s.Story.Id)).OrderBy(s => s.Order);

    public IEnumerable<(int Rank, int Start, string Id)> ListedIncidentOrder() => _incidents.Values
        .Where(i => !i.Incident.Mention).Select(i => (i.FirstRank, i.FirstStart, i.Incident.Id))
        .OrderBy(k => k.FirstRank).ThenBy(k => k.FirstStart).ThenBy(k => k.Id, StringComparer.Ordinal);

    public RecordCounts Counts() => new(_stories.Count, _incidents.Values.Count(i => !i.Incident.Mention),
        _incidents.Values.Count(i => i.Incident.Mention), _incidents.Values.Sum(i => i.Discrepancies.Length));

    public IEnumerable<(int Rank, string Id, int Events)> DocumentSizes() => _documents.Select(p => (p.Key, p.Value.Id, p.Value.Events.Length));

    public DocumentFacts? Document(string documentId) => _byId.GetValueOrDefault(documentId);

    public EventFacts? Event(string eventId) => _events.GetValueOrDefault(eventId);

    public string? IncidentOfEvent(string eventId) => _incidentOfEvent.GetValueOrDefault(eventId);

    public string? StoryOfDocument(string documentId) => _storyOfDocument.GetValueOrDefault(documentId);

    /// <summary>How many incidents, stories and documents are archived (tests).</summary>
    public (int Incidents, int Stories, int Documents) Count => (_incidents.Count, _stories.Count, _documents.Count);
}
