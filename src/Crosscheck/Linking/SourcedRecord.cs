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
}

/// <summary>
/// The sourced record as readers see it: stories, incidents, discrepancies and events, read from a
/// <see cref="CrossDocumentLinker"/> (a store reloads it without scoring) and what it archived. Thread-safe: reads and
/// writes take one lock, since the linker is not safe for concurrent use.
/// </summary>
public sealed class SourcedRecord(CrossDocumentLinker linker)
{
    private readonly object _gate = new();
    private CrossRecord? _snapshot;

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
                _snapshot = null;
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
            // The linker says whether it knew the document (asking it first would read the archive twice per document).
            var update = linker.Add(document, known);
            var isNew = !update.AddedBefore;
            _snapshot = null;
            if (isNew && known is null && Journal is { } journal)
            {
                journal.Linked(document, linker.AssignmentOf(document.Id)!);
                // Two series merged: the events of other documents moved with them.
                if (update.Reassigned.Length > 0)
                {
                    var moved = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
                    foreach (var other in update.Reassigned)
                    {
                        foreach (var (eventId, assignment) in linker.AssignmentOf(other)?.Events ?? new Dictionary<string, EventAssignment>()) moved[eventId] = assignment;
                    }
                    journal.Reassigned(moved);
                }
            }
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
            _snapshot = null;
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
            _snapshot = null;
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

    public DocumentFacts? Facts(string documentId)
    {
        lock (_gate) return linker.Facts(documentId) is { } facts ? _review.Apply(facts) : null;
    }

    public EventFacts? Event(string eventId)
    {
        lock (_gate) return linker.Event(eventId) is { } e ? _review.Apply(e) : null;
    }

    /// <summary>The incident an event sits in now, or null.</summary>
    public string? IncidentOf(string eventId)
    {
        lock (_gate) return linker.IncidentOf(eventId);
    }

    /// <summary>The story a document sits in, or null.</summary>
    public string? StoryOf(string documentId)
    {
        lock (_gate) return linker.StoryOf(documentId);
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
        lock (_gate) return linker.Counts();
    }

    /// <summary>One story, without reading the whole record.</summary>
    public Story? Story(string id)
    {
        lock (_gate) return linker.StoryById(id);
    }

    /// <summary>
    /// Incidents, of one story when <paramref name="storyId"/> is given, in the order they were first reported; mentions
    /// (<see cref="Incident.Mention"/>) are not listed, though each is found by its id.
    /// </summary>
    public RecordPage<Incident> Incidents(string? storyId, int offset, int limit)
    {
        if (storyId is null)
        {
            lock (_gate) return Reviewed(linker.IncidentPage(offset, limit));
        }
        // A story's own incidents (first reported in it), as the story lists them.
        var ids = Story(storyId)?.Incidents ?? [];
        var own = ids.Select(Incident).OfType<Incident>().Where(i => i.Story == storyId && !i.Mention).ToList();
        return Page(own, offset, limit);
    }

    /// <summary>One incident, without reading the whole record.</summary>
    public Incident? Incident(string id)
    {
        lock (_gate) return linker.IncidentById(id) is { } i ? _review.Apply(i) : null;
    }

    /// <summary>An incident's discrepancies, without reading the whole record.</summary>
    public ImmutableArray<Discrepancy> DiscrepanciesOf(string incidentId)
    {
        lock (_gate) return linker.IncidentAndDiscrepancies(incidentId)?.Discrepancies ?? [];
    }

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
