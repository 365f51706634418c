using System.Collections.Immutable;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>A window on a list: the items, how many there are in all, and where the window starts.</summary>
public sealed record RecordPage<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

/// <summary>Which events to list; every given condition must hold.</summary>
public sealed record EventFilter
{
    public PloverType? Type { get; init; }
    public Modality? Modality { get; init; }
    /// <summary>Matches the place's name or words (case-insensitive, contained), or its country code exactly.</summary>
    public string? Place { get; init; }
    /// <summary>Events whose resolved time ends on or after this day.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Events whose resolved time starts on or before this day.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Matches an actor's words (case-insensitive, contained).</summary>
    public string? Actor { get; init; }
    /// <summary>Matches the evidence (case-insensitive, contained).</summary>
    public string? Text { get; init; }
    /// <summary>Matches an actor's or a target's key (<see cref="ParticipantKeys"/>) exactly.</summary>
    public string? Participant { get; init; }
}

/// <summary>
/// Where a record's changes are kept (a database). Called inside the record's lock, in the order the changes
/// happen, so what is kept always matches an order the linker went through.
/// </summary>
public interface IRecordJournal
{
    /// <summary>A new document was linked (not called for a document re-added with its known assignment).</summary>
    void Linked(DocumentFacts document, DocumentAssignment assignment);

    /// <summary>Events moved or their links changed (after <see cref="SourcedRecord.Detach"/>): their assignments now.</summary>
    void Reassigned(IReadOnlyDictionary<string, EventAssignment> events);

    /// <summary>
    /// Events of other documents moved by linking a document (two series found to be one): their assignments now. A
    /// linker's change, not an analyst's (by default kept as <see cref="Reassigned"/> keeps them).
    /// </summary>
    void SeriesMerged(IReadOnlyDictionary<string, EventAssignment> events) => Reassigned(events);

    /// <summary>
    /// Begins one change of the record (a document added, with what its linker archived or took back meanwhile): what is
    /// kept from it until <see cref="IRecordChange.Complete"/> is kept together, and none of it when the change ends
    /// without completing (a write failed, or the linker threw).
    /// </summary>
    IRecordChange BeginChange() => NoChange.Instance;

    private sealed class NoChange : IRecordChange
    {
        public static readonly NoChange Instance = new();

        public void Complete() { }

        public void Dispose() { }
    }
}

/// <summary>One change of a record being kept (<see cref="IRecordJournal.BeginChange"/>); disposed without <see cref="Complete"/>, it is taken back.</summary>
public interface IRecordChange : IDisposable
{
    void Complete();
}

/// <summary>
/// The sourced record as readers see it: stories, incidents, discrepancies and events, read from a
/// <see cref="CrossDocumentLinker"/> (a store reloads it without scoring) and what it archived. Thread-safe: what the
/// linker holds is read and written under one lock, since the linker is not safe for concurrent use; what it archived is
/// read outside the lock when the archive allows it (<see cref="ILinkArchive.ReadsConcurrently"/>: a database), so
/// readers of archived incidents and documents, the most of a large record, run side by side.
/// </summary>
public sealed class SourcedRecord(CrossDocumentLinker linker)
{
    private readonly object _gate = new();
    private CrossRecord? _snapshot;
    private long _version;

    /// <summary>
    /// Goes up with every change of the record (a document added, a detach or move, a decision laid over it): what was
    /// drawn from it at one version stays right until the next (a page may be kept until then).
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Under the lock: the snapshot is out of date, and so is anything drawn at the version before.</summary>
    private void Changed()
    {
        _snapshot = null;
        Interlocked.Increment(ref _version);
    }

    public CrossDocumentLinker Linker => linker;

    private Crosscheck.Review.ReviewOverlay _review = Crosscheck.Review.ReviewOverlay.Empty;

    /// <summary>The analysts' decisions every read applies over the machine's reading (replaced whole after each decision).</summary>
    public Crosscheck.Review.ReviewOverlay Review
    {
        get { lock (_gate) return _review; }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _review = value;
                Changed();
            }
        }
    }

    /// <summary>Keeps every change (null: the record lives in memory only). Set it before the record is shared.</summary>
    public IRecordJournal? Journal { get; set; }

    /// <summary>
    /// Adds a document (see <see cref="CrossDocumentLinker.Add"/>). A new document (no <paramref name="known"/>
    /// assignment) is handed to the <see cref="Journal"/> with where it was put.
    /// </summary>
    public LinkUpdate Add(DocumentFacts document, DocumentAssignment? known = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            // The linker's archive writes and the journal's rows of one document are kept together or not at all.
            using var change = Journal?.BeginChange();
            // The linker says whether it knew the document (asking it first would read the archive twice per document).
            var update = linker.Add(document, known);
            var isNew = !update.AddedBefore;
            Changed();
            if (isNew && known is null && Journal is { } journal)
            {
                journal.Linked(document, linker.AssignmentOf(document.Id)!);
                // Two series merged: the events of other documents moved with them.
                if (update.Moved.Count > 0) journal.SeriesMerged(update.Moved);
            }
            change?.Complete();
            return update;
        }
    }

    /// <summary>Keeps an event detached by hand apart when its document is linked again (see <see cref="CrossDocumentLinker.KeepApart"/>).</summary>
    public void KeepApart(string eventId, EventAssignment decided)
    {
        lock (_gate) linker.KeepApart(eventId, decided);
    }

    /// <summary>
    /// Undoes a join (see <see cref="CrossDocumentLinker.Detach"/>); the <see cref="Journal"/> gets the new
    /// assignments of every event of the two incidents involved (links that pointed at the event change too).
    /// </summary>
    public string? Detach(string eventId)
    {
        lock (_gate)
        {
            var from = linker.IncidentOf(eventId);
            var id = linker.Detach(eventId);
            if (id is null) return null;
            Changed();
            if (Journal is { } journal)
            {
                var moved = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
                foreach (var incident in new[] { from!, id })
                {
                    foreach (var link in linker.IncidentById(incident)?.Links ?? []) moved[link.Event] = new EventAssignment(incident, link);
                }
                journal.Reassigned(moved);
            }
            return id;
        }
    }

    /// <summary>
    /// An analyst's move of a report into another incident (see <see cref="CrossDocumentLinker.Move"/>); the
    /// <see cref="Journal"/> gets the new assignments of every event of the two incidents.
    /// </summary>
    public bool Move(string eventId, string toIncident, string reason, bool create = false)
    {
        lock (_gate)
        {
            var from = linker.IncidentOf(eventId);
            if (from is null || !linker.Move(eventId, toIncident, reason, create)) return false;
            Changed();
            if (Journal is { } journal)
            {
                var moved = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
                foreach (var incident in new[] { from, toIncident })
                {
                    foreach (var link in linker.IncidentById(incident)?.Links ?? []) moved[link.Event] = new EventAssignment(incident, link);
                }
                journal.Reassigned(moved);
            }
            return true;
        }
    }

    public int DocumentCount { get { lock (_gate) return linker.DocumentCount; } }

    public DocumentFacts? Facts(string documentId) =>
        HeldOrArchived(l => l.HeldFacts(documentId), a => a.Document(documentId), l => l.Facts(documentId)) is { } facts ? Review.Apply(facts) : null;

    public EventFacts? Event(string eventId) =>
        HeldOrArchived(l => l.HeldEvent(eventId), a => a.Event(eventId), l => l.Event(eventId)) is { } e ? Review.Apply(e) : null;

    /// <summary>
    /// The headers of some documents and some events, as <see cref="Facts"/> and <see cref="Event"/> give them, read
    /// together: what the linker holds under the lock, what it archived in one read beside it
    /// (<see cref="ILinkArchive.Reports"/>), so a page of an archived incident reads its own reports, not the whole
    /// facts of each of its documents. Ids found in neither are looked up whole under the lock, as one lookup is.
    /// </summary>
    public IncidentFacts FactsOf(IEnumerable<string> documentIds, IEnumerable<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        ArgumentNullException.ThrowIfNull(eventIds);
        List<string> wantedDocuments = [.. documentIds.Distinct(StringComparer.Ordinal)];
        List<string> wantedEvents = [.. eventIds.Distinct(StringComparer.Ordinal)];
        var documents = new Dictionary<string, DocumentHeader>(StringComparer.Ordinal);
        var events = new Dictionary<string, EventFacts>(StringComparer.Ordinal);
        if (linker.Archive is { ReadsConcurrently: true } archive)
        {
            lock (_gate)
            {
                foreach (var id in wantedDocuments) if (linker.HeldFacts(id) is { } held) documents[id] = DocumentHeader.Of(held);
                foreach (var id in wantedEvents) if (linker.HeldEvent(id) is { } held) events[id] = held;
            }
            var kept = archive.Reports([.. wantedDocuments.Where(d => !documents.ContainsKey(d))], [.. wantedEvents.Where(e => !events.ContainsKey(e))]);
            foreach (var (id, header) in kept.Documents) documents.TryAdd(id, header);
            foreach (var (id, e) in kept.Events) events.TryAdd(id, e);
        }
        Crosscheck.Review.ReviewOverlay review;
        lock (_gate)
        {
            review = _review;
            foreach (var id in wantedDocuments) if (!documents.ContainsKey(id) && linker.Facts(id) is { } facts) documents[id] = DocumentHeader.Of(facts);
            foreach (var id in wantedEvents) if (!events.ContainsKey(id) && linker.Event(id) is { } e) events[id] = e;
        }
        if (!review.IsEmpty)
        {
            foreach (var id in events.Keys.ToList()) events[id] = review.Apply(events[id]);
        }
        return new IncidentFacts(documents, events);
    }

    /// <summary>The incident an event sits in now, or null.</summary>
    public string? IncidentOf(string eventId) => HeldOrArchived(l => l.HeldIncidentOf(eventId), a => a.IncidentOfEvent(eventId), l => l.IncidentOf(eventId));

    /// <summary>The story a document sits in, or null.</summary>
    public string? StoryOf(string documentId) => HeldOrArchived(l => l.HeldStoryOf(documentId), a => a.StoryOfDocument(documentId), l => l.StoryOf(documentId));

    /// <summary>
    /// One lookup: in what the linker holds (under the lock), else in the archive outside the lock when it may be read
    /// so. Something taken back out of the archive meanwhile (an analyst's change) is not found there: the lookup is
    /// then made again whole under the lock, which is also how an unknown id ends.
    /// </summary>
    private T? HeldOrArchived<T>(Func<CrossDocumentLinker, T?> held, Func<ILinkArchive, T?> archived, Func<CrossDocumentLinker, T?> whole) where T : class
    {
        if (linker.Archive is not { ReadsConcurrently: true } archive)
        {
            lock (_gate) return whole(linker);
        }
        lock (_gate)
        {
            if (held(linker) is { } found) return found;
        }
        if (archived(archive) is { } kept) return kept;
        lock (_gate) return whole(linker);
    }

    /// <summary>The documents in the order they were added.</summary>
    public IReadOnlyList<string> DocumentIds
    {
        get { lock (_gate) return [.. linker.Documents.Select(d => d.Id)]; }
    }

    /// <summary>The whole record at this moment (cached until the next change).</summary>
    public CrossRecord Snapshot()
    {
        lock (_gate) return _snapshot ??= Reviewed(linker.Snapshot());
    }

    /// <summary>A page of stories, reading only that page's stories.</summary>
    public RecordPage<Story> Stories(int offset, int limit)
    {
        lock (_gate) return linker.StoryPage(offset, limit);
    }

    /// <summary>How many stories, listed incidents, mentions and discrepancies the record has, without reading it all.</summary>
    public RecordCounts Counts()
    {
        if (linker.Archive is not { ReadsConcurrently: true } archive)
        {
            lock (_gate) return linker.Counts();
        }
        RecordCounts held;
        lock (_gate) held = linker.HeldCounts();
        var kept = archive.Counts();
        return new RecordCounts(held.Stories + kept.Stories, held.Incidents + kept.Incidents, held.Mentions + kept.Mentions, held.Discrepancies + kept.Discrepancies);
    }

    /// <summary>One story, without reading the whole record.</summary>
    public Story? Story(string id) => HeldOrArchived(l => l.HeldStory(id), a => a.Story(id)?.Story, l => l.StoryById(id));

    /// <summary>
    /// Incidents, of one story when <paramref name="storyId"/> is given, in the order they were first reported; mentions
    /// (<see cref="Incident.Mention"/>) are not listed, though each is found by its id.
    /// </summary>
    public RecordPage<Incident> Incidents(string? storyId, int offset, int limit)
    {
        if (storyId is null)
        {
            if (linker.Archive is not { ReadsConcurrently: true } archive)
            {
                lock (_gate) return Reviewed(linker.IncidentPage(offset, limit));
            }
            var (onPage, total) = ListedPage(archive, offset, limit);
            return new RecordPage<Incident>([.. onPage.Select(Incident).OfType<Incident>()], total, offset, limit);
        }
        // A story's own incidents (first reported in it), as the story lists them.
        var ids = Story(storyId)?.Incidents ?? [];
        var own = ids.Select(Incident).OfType<Incident>().Where(i => i.Story == storyId && !i.Mention).ToList();
        return Page(own, offset, limit);
    }

    /// <summary>The ids of a page of listed incidents, and how many are listed: what the linker holds and what it archived, in order.</summary>
    private (List<string> Ids, int Total) ListedPage(ILinkArchive archive, int offset, int limit)
    {
        // What the linker holds is listed under the lock; the archive's order is read beside it.
        List<(int Rank, int Start, string Id)> held;
        lock (_gate) held = linker.HeldIncidentOrder();
        var archived = archive.Counts().Incidents;
        List<string> onPage;
        if (held.Count == 0 || archive.LastListedIncident() is not { } last || CrossDocumentLinker.ReportOrder(last, held[0]) < 0)
        {
            // Every held incident comes after every archived one (news arrives in order): the page is read at its place
            // in the archive, then from what is held, instead of stepping through every key before it.
            var fromArchive = offset < archived ? archive.ListedIncidentPage(offset, limit) : [];
            onPage = [.. fromArchive.Select(k => k.Id), .. held.Skip(Math.Max(0, offset - archived)).Take(limit - fromArchive.Count).Select(k => k.Id)];
        }
        else onPage = [.. CrossDocumentLinker.Merge(held, archive.ListedIncidentOrder(), CrossDocumentLinker.ReportOrder).Skip(offset).Take(limit).Select(k => k.Id)];
        return (onPage, held.Count + archived);
    }

    /// <summary>
    /// A page of <see cref="Incidents"/> (every story) as rows, each what <see cref="IncidentRow.Of"/> makes of the incident
    /// <see cref="Incident"/> reads: archived incidents no analyst changed are read from their rows, not their summaries.
    /// </summary>
    public RecordPage<IncidentRow> IncidentRowPage(int offset, int limit)
    {
        if (linker.Archive is not { ReadsConcurrently: true } archive)
        {
            var whole = Incidents(null, offset, limit);
            return new RecordPage<IncidentRow>([.. whole.Items.Select(i => IncidentRow.Of(i))], whole.Total, offset, limit);
        }
        var (onPage, total) = ListedPage(archive, offset, limit);
        var reviewed = Review.ReviewedIncidents;
        var rows = archive.IncidentRows([.. onPage.Where(id => !reviewed.Contains(id))]);
        // Held incidents, those analysts changed and any without a row (taken back meanwhile) are read whole.
        var items = onPage.Select(id => !reviewed.Contains(id) && rows.TryGetValue(id, out var row) ? row
            : Incident(id) is { } incident ? IncidentRow.Of(incident) : null).OfType<IncidentRow>().ToList();
        return new RecordPage<IncidentRow>(items, total, offset, limit);
    }

    /// <summary>
    /// The listed incidents (mentions apart) as rows, in the record's order, with the analysts' values: what the
    /// incident list filters and sorts. The archived ones are read from their rows, not their summaries.
    /// </summary>
    public IReadOnlyList<IncidentRow> IncidentRows()
    {
        if (linker.Archive is { ReadsConcurrently: true } archive) return RowsWith(archive);
        lock (_gate) return RowsWith(linker.Archive);
    }

    private List<IncidentRow> RowsWith(ILinkArchive? archive)
    {
        var (held, reviewed) = HeldRows();
        var kept = (archive?.IncidentRows() ?? []).Select(r => reviewed.Contains(r.Id) ? ReviewedRow(r) : r);
        return [.. CrossDocumentLinker.Merge(held, kept, (a, b) => CrossDocumentLinker.ReportOrder(a.ListKey, b.ListKey))];
    }

    /// <summary>
    /// What a map of the whole record shows (see <see cref="MapQuery.Select"/>): the archive's part chosen by the
    /// database (<see cref="ILinkArchive.Map"/>), joined with what the linker holds and the incidents analysts changed.
    /// </summary>
    public MapSelection Map(MapQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (linker.Archive is { ReadsConcurrently: true } archive) return MapWith(archive, query, limit);
        lock (_gate) return MapWith(linker.Archive, query, limit);
    }

    private MapSelection MapWith(ILinkArchive? archive, MapQuery query, int limit)
    {
        var (held, reviewed) = HeldRows();
        var heldIds = held.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        // Archived incidents an analyst changed are chosen here, with their values, not by the database.
        var extra = held.Concat(reviewed.Where(id => !heldIds.Contains(id)).Select(id => archive?.Incident(id)).OfType<ArchivedIncident>()
                .Where(a => !a.Incident.Mention).Select(a => ReviewedRow(IncidentRow.Of(a.Incident, a.FirstRank, a.FirstStart))))
            .ToList();
        extra.Sort((a, b) => CrossDocumentLinker.ReportOrder(a.ListKey, b.ListKey));
        var mine = query.Select(extra, limit);
        if (archive is null) return mine;
        var kept = archive.Map(query, reviewed, limit);
        var drawn = kept.Drawn.Concat(mine.Drawn).ToList();
        drawn.Sort(MapQuery.ByDead);
        var unlocated = CrossDocumentLinker.Merge(kept.Unlocated, mine.Unlocated, (a, b) => CrossDocumentLinker.ReportOrder(a.ListKey, b.ListKey)).Take(limit);
        return new MapSelection(kept.Shown + mine.Shown, kept.Located + mine.Located, [.. drawn.Take(limit)], [.. unlocated]);
    }

    /// <summary>The rows of the incidents the linker holds (analysts' values applied), and the incidents analysts changed.</summary>
    private (List<IncidentRow> Held, IReadOnlySet<string> Reviewed) HeldRows()
    {
        List<IncidentRow> held;
        Crosscheck.Review.ReviewOverlay review;
        lock (_gate)
        {
            review = _review;
            held = linker.HeldIncidentRows();
        }
        var reviewed = review.ReviewedIncidents;
        return ([.. held.Select(r => reviewed.Contains(r.Id) ? ReviewedRow(r) : r)], reviewed);
    }

    /// <summary>A row with the analysts' values: from the incident as read now (the list key stays).</summary>
    private IncidentRow ReviewedRow(IncidentRow row) =>
        Incident(row.Id) is { } reviewed ? IncidentRow.Of(reviewed, row.FirstReport.Rank, row.FirstReport.Start) : row;

    /// <summary>One incident, without reading the whole record.</summary>
    public Incident? Incident(string id) =>
        HeldOrArchived(l => l.HeldIncident(id)?.Incident, a => a.Incident(id)?.Incident, l => l.IncidentById(id)) is { } i ? Review.Apply(i) : null;

    /// <summary>An incident's discrepancies, without reading the whole record.</summary>
    public ImmutableArray<Discrepancy> DiscrepanciesOf(string incidentId) =>
        HeldOrArchived(l => l.HeldIncident(incidentId) is { } held ? new Boxed<ImmutableArray<Discrepancy>>(held.Discrepancies) : null,
            a => a.Incident(incidentId) is { } archived ? new Boxed<ImmutableArray<Discrepancy>>(archived.Discrepancies) : null,
            l => l.IncidentAndDiscrepancies(incidentId) is { } whole ? new Boxed<ImmutableArray<Discrepancy>>(whole.Discrepancies) : null)?.Value ?? [];

    private sealed record Boxed<T>(T Value);

    /// <summary>The incidents a document reports, in order of first report, without reading the whole record.</summary>
    public IReadOnlyList<Incident> IncidentsOfDocument(string documentId)
    {
        lock (_gate) return [.. linker.IncidentsOfDocument(documentId).Select(_review.Apply)];
    }

    /// <summary>Events that pass the filter, in the order their documents were added.</summary>
    public RecordPage<EventFacts> Events(EventFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Without a condition a page reads only the documents it falls in.
        if (filter == new EventFilter())
        {
            lock (_gate)
            {
                var page = linker.EventPage(offset, limit);
                return _review.IsEmpty ? page : page with { Items = [.. page.Items.Select(_review.Apply)] };
            }
        }
        List<EventFacts> chosen;
        lock (_gate)
        {
            chosen = [.. linker.Documents.SelectMany(d => d.Events).Select(_review.Apply).Where(e => Passes(e, filter))];
        }
        return Page(chosen, offset, limit);
    }

    private CrossRecord Reviewed(CrossRecord cross) =>
        _review.IsEmpty ? cross : cross with { Incidents = [.. cross.Incidents.Select(_review.Apply)] };

    private RecordPage<Incident> Reviewed(RecordPage<Incident> page) =>
        _review.IsEmpty ? page : page with { Items = [.. page.Items.Select(_review.Apply)] };

    private static bool Passes(EventFacts e, EventFilter f)
    {
        if (f.Type is { } type && e.Type != type) return false;
        if (f.Modality is { } modality && e.Modality != modality) return false;
        if (f.Place is { Length: > 0 } place)
        {
            if (e.Location is not { } l) return false;
            if (!(string.Equals(l.Country, place, StringComparison.OrdinalIgnoreCase)
                || l.Name.Contains(place, StringComparison.OrdinalIgnoreCase) || l.Text.Contains(place, StringComparison.OrdinalIgnoreCase))) return false;
        }
        if (f.From is { } from && (e.Time?.End is not { } end || end < from)) return false;
        if (f.To is { } to && (e.Time?.Start is not { } start || start > to)) return false;
        if (f.Actor is { Length: > 0 } actor && !e.Actors.Any(a => a.Text.Contains(actor, StringComparison.OrdinalIgnoreCase))) return false;
        if (f.Text is { Length: > 0 } text && !e.Evidence.Contains(text, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Participant is { Length: > 0 } key && !e.Actors.Concat(e.Recipients).Any(p => ParticipantKeys.Of(p) == key)) return false;
        return true;
    }

    private static RecordPage<T> Page<T>(IReadOnlyList<T> all, int offset, int limit) =>
        new([.. all.Skip(offset).Take(limit)], all.Count, offset, limit);
}
