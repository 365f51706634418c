using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>What one added document changed.</summary>
public sealed record LinkUpdate(string Document, string Story, ImmutableArray<string> Incidents)
{
    /// <summary>Other documents whose events moved (two series found to be one were merged); a store saves them again.</summary>
    public ImmutableArray<string> Reassigned { get; init; } = [];

    /// <summary>
    /// Where the moved events of those documents sit now, taken when they moved: a document whose story left memory
    /// (held by an incident open in another story) has no assignment of its own to ask for, its events still moved.
    /// </summary>
    public ImmutableSortedDictionary<string, EventAssignment> Moved { get; init; } = ImmutableSortedDictionary<string, EventAssignment>.Empty;

    /// <summary>The document was added before (held or archived): nothing changed.</summary>
    public bool AddedBefore { get; init; }
}

/// <summary>Where an event was put and why: what the store keeps so that reloading never scores again.</summary>
public sealed record EventAssignment(string Incident, IncidentLink Link);

/// <summary>A document's place in the record: its story and each event's incident.</summary>
public sealed record DocumentAssignment(string Story, IReadOnlyDictionary<string, EventAssignment> Events)
{
    /// <summary>Its rank in the linker's order (documents added earlier rank lower).</summary>
    public int? Rank { get; init; }

    /// <summary>Its story vector as linked, and its story's order: what restores a held document without the frequencies of then.</summary>
    public RestoredVector? Vector { get; init; }
}

/// <summary>
/// Where a linker resumes from (a store): how many documents were linked, the next rank, how many stories were started,
/// and each archived incident that a held document's event sits in (its first report's place and whether it is a mention).
/// </summary>
public sealed record LinkResume(int Documents, int NextRank, int StartedStories,
    IReadOnlyDictionary<string, (int Rank, int Start, bool Mention)> ArchivedIncidents)
{
    /// <summary>
    /// The held incidents that were taken back from the archive (a report recalled them), each with the campaign it had
    /// when it closed: what it keeps for when no held campaign fits it (<see cref="ILinkArchive.TakeBack"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> TakenBack { get; init; } = new Dictionary<string, string?>();
}

/// <summary>
/// The cross-document stage, incremental: each added document joins a story (<see cref="StoryClusterer"/>),
/// each of its events joins the most fitting incident of that story or starts one (<see cref="IncidentMatcher"/>),
/// and only the incidents it touched are summarized again (origins, numbers, discrepancies, grade). Every join
/// records why; <see cref="Detach"/> undoes one and keeps the event apart from then on.
/// </summary>
public sealed partial class CrossDocumentLinker
{
    private readonly StoryClusterer _stories;
    private readonly Dictionary<string, DocumentFacts> _documents = new(StringComparer.Ordinal);
    // How many documents were added, and the next one's rank (they differ after a resume).
    private int _added;
    private int _nextRank;
    private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.Ordinal);
    private readonly List<IncidentState> _incidentOrder = [];
    private readonly Dictionary<string, IncidentState> _incidentOfEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventFacts> _events = new(StringComparer.Ordinal);
    private readonly HashSet<string> _detached = new(StringComparer.Ordinal);
    // Where incidents are found: by story and by type and place, latest report first.
    private readonly IncidentIndex _index;
    private readonly Dictionary<string, (Incident Incident, ImmutableArray<Discrepancy> Discrepancies)> _summaries = new(StringComparer.Ordinal);
    // Human decisions kept through a relink: events detached by hand go back where the analyst put them.
    private readonly Dictionary<string, EventAssignment> _keptApart = new(StringComparer.Ordinal);

    /// <param name="archive">
    /// Where closed incidents, finished stories and their documents go (see <see cref="ILinkArchive"/>); documents must
    /// then come in link order (<see cref="LinkOrder"/>), as a store gives them. Null: everything stays in memory.
    /// </param>
    public CrossDocumentLinker(StoryClusterOptions? storyOptions = null, ILinkArchive? archive = null)
    {
        _storyOptions = storyOptions ?? new StoryClusterOptions();
        _stories = new StoryClusterer(_storyOptions);
        _index = new IncidentIndex(LastRank, StillReported);
        _archive = archive;
    }

    private readonly StoryClusterOptions _storyOptions;
    private readonly ILinkArchive? _archive;

    /// <summary>
    /// Keeps an event that was detached by hand apart when its document is linked again (a relink after an earlier
    /// document arrived): it goes alone into <paramref name="decided"/>'s incident with its link, never joined.
    /// </summary>
    public void KeepApart(string eventId, EventAssignment decided)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(decided);
        _keptApart[eventId] = decided;
    }

    /// <summary>How many documents were added.</summary>
    public int DocumentCount => _added;

    /// <summary>How many documents the linker holds in memory (all of them without an archive).</summary>
    public int HeldDocuments => _documents.Count;

    /// <summary>Every document added, archived or held, in the order they were added.</summary>
    public IEnumerable<DocumentFacts> Documents
    {
        get
        {
            var held = _documents.Values.OrderBy(d => _rank[d.Id]).Select(d => (d, _rank[d.Id]));
            return _archive is null ? held.Select(p => p.d) : Merge(_archive.Documents(), held, (a, b) => a.Item2.CompareTo(b.Item2)).Select(p => p.Item1);
        }
    }

    /// <summary>An event as its document has it, held or archived, or null.</summary>
    public EventFacts? Event(string eventId) =>
        _events.TryGetValue(eventId, out var linked) && _documents.TryGetValue(linked.Document, out var doc)
            ? doc.Events.FirstOrDefault(e => e.Id == eventId) : _archive?.Event(eventId);

    /// <summary>An event of a document the linker holds, or null (it may be archived).</summary>
    public EventFacts? HeldEvent(string eventId) =>
        _events.TryGetValue(eventId, out var linked) && _documents.TryGetValue(linked.Document, out var doc) ? doc.Events.FirstOrDefault(e => e.Id == eventId) : null;

    /// <summary>A document the linker holds, or null (it may be archived).</summary>
    public DocumentFacts? HeldFacts(string documentId) => _documents.GetValueOrDefault(documentId);

    /// <summary>The incident an event sits in when the linker holds it, or null (it may be archived).</summary>
    public string? HeldIncidentOf(string eventId) => _incidentOfEvent.GetValueOrDefault(eventId)?.Id;

    /// <summary>The story a document sits in when the linker holds it, or null (it may be archived).</summary>
    public string? HeldStoryOf(string documentId) => _stories.StoryOf(documentId)?.Id;

    /// <summary>A document's facts, held or archived, or null.</summary>
    public DocumentFacts? Facts(string documentId) => _documents.GetValueOrDefault(documentId) ?? _archive?.Document(documentId);

    /// <summary>
    /// Adds one document; a document added before is left as it is. With <paramref name="known"/> (a document
    /// reloaded from the store) the document and its events go where they were put before, without scoring.
    /// </summary>
    public LinkUpdate Add(DocumentFacts document, DocumentAssignment? known = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        // A held document restored from the store keeps its rank and its vector (and was counted); otherwise ranks follow arrival.
        var restoring = _restoring && known?.Rank is not null;
        // A document of an archived story was added before, unless it is a held one being restored: its story left
        // memory before the run ended while an incident still held one of its events (a series another story's reports
        // kept open), so the run held it outside any story, and so does the resumed linker.
        var archivedStory = _documents.ContainsKey(document.Id) ? null : _archive?.StoryOfDocument(document.Id);
        if (_documents.ContainsKey(document.Id) || archivedStory is not null && !restoring)
        {
            return new LinkUpdate(document.Id, StoryOf(document.Id)!, [.. document.Events.Select(e => IncidentOf(e.Id)).OfType<string>().Distinct()])
            {
                AddedBefore = true,
            };
        }
        _documents[document.Id] = document;
        if (document.Published is { } published && (_today is not { } today || published > today)) _today = published;
        if (!restoring) _added++;
        var rank = restoring ? known!.Rank!.Value : _nextRank;
        _rank[document.Id] = rank;
        _nextRank = Math.Max(_nextRank, rank + 1);
        var cluster = archivedStory is null ? _stories.Add(document, known?.Story, _restoring ? known?.Vector : null) : null;
        var storyId = cluster?.Id ?? archivedStory!;
        var storyIncidents = cluster is null ? new List<IncidentState>() : _index.Story(cluster.Id);
        var touched = new List<string>();
        var reassigned = new HashSet<string>(StringComparer.Ordinal);
        var movedEvents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ev in InLinkOrder(document.Events))
        {
            _events[ev.Id] = ev;
            var restored = known?.Events.GetValueOrDefault(ev.Id);
            if (restored is null && _keptApart.Remove(ev.Id, out var decided)) restored = decided;
            if (restored is not null && _restoring && _archivedAtResume.TryGetValue(restored.Incident, out var gone))
            {
                // Its incident closed and left memory before the run ended: a held story remembers it, nothing more.
                if (cluster is null) continue;
                if (!_archivedOfStory.TryGetValue(cluster.Id, out var list)) _archivedOfStory[cluster.Id] = list = [];
                if (!list.Exists(a => a.Id == restored.Incident)) list.Add((gone.Rank, gone.Start, restored.Incident, gone.Mention));
                continue;
            }
            if (restored is not null)
            {
                if (!_incidents.TryGetValue(restored.Incident, out var into))
                {
                    // Reloading a report that recalled an archived incident: it is taken back, as when the report was linked.
                    // Not while resuming: what was archived then is known (_archivedAtResume), and an incident archived
                    // since (another process linking on) must not be taken back, nor the archive written, by a reader.
                    into = (_restoring ? null : Revive(restored.Incident)) ?? NewIncident(restored.Incident, storyId);
                    // Taken back from the archive before the run ended: it keeps the campaign it had when it closed.
                    if (_restoring && _takenBackAtResume.TryGetValue(restored.Incident, out var partOf)) into.ClosedPartOf = partOf;
                }
                into.Closed = false;
                if (restored.Link.Reason.StartsWith("detached", StringComparison.Ordinal)) _detached.Add(ev.Id);
                into.Add(ev, restored.Link);
                _incidentOfEvent[ev.Id] = into;
                _index.File(ev, into);
                if (cluster is not null) into.Stories.Add(cluster.Id);
                _index.Touch(into);
                _summaries.Remove(into.Id);
                if (!touched.Contains(into.Id)) touched.Add(into.Id);
                continue;
            }
            var (target, score, reason, joinedTo) = Best(ev, _index.Candidates(ev, storyIncidents).Concat(Recalled(ev, storyId)));
            if (target is null && _incidents.TryGetValue(DocumentId.ForKey("i-", ev.Id), out var opened) && opened.Events.Count > 0)
            {
                // Its own incident was opened already by a report an analyst placed there, met first on a relink.
                target = opened;
                target.Add(ev, new IncidentLink(ev.Id, null, 0, "first report; its incident was opened by a report placed there by hand"));
            }
            else if (target is null)
            {
                target = NewIncident(DocumentId.ForKey("i-", ev.Id), storyId);
                target.Add(ev, new IncidentLink(ev.Id, null, 0, reason == Undecided ? UndecidedReason
                    : IncidentAnchors.CanStart(ev) ? "first report" : MentionReason(ev)));
            }
            else
            {
                target.Add(ev, new IncidentLink(ev.Id, joinedTo, Math.Round(score, 3), reason));
                // A report recalling a closed incident by its day and place opens it again (keeping its campaign
                // for when none held fits it: the campaign may have left memory).
                target.Closed = false;
            }
            _incidentOfEvent[ev.Id] = target;
            _index.File(ev, target);
            if (cluster is not null) target.Stories.Add(cluster.Id);
            _index.Touch(target);
            _summaries.Remove(target.Id);
            if (!touched.Contains(target.Id)) touched.Add(target.Id);
            MergeSeries(ev, target, storyIncidents, touched, reassigned, movedEvents);
        }
        if (known is null) Reconsider(document, storyIncidents, touched, reassigned, movedEvents);
        ReturnRecalled();
        reassigned.Remove(document.Id);
        var moved = ImmutableSortedDictionary.CreateBuilder<string, EventAssignment>(StringComparer.Ordinal);
        foreach (var id in movedEvents)
        {
            var now = _incidentOfEvent[id];
            moved[id] = new EventAssignment(now.Id, now.Links.First(l => l.Event == id));
        }
        var update = new LinkUpdate(document.Id, storyId, [.. touched])
        {
            Reassigned = [.. reassigned.Order(StringComparer.Ordinal)],
            Moved = moved.ToImmutable(),
        };
        // What this document touched stays held until the next day's closing, so its assignment can be saved.
        if (_today != _closedOn) Close(touched);
        return update;
    }

    /// <summary>
    /// A report's events as the linker compares them (<see cref="IncidentAnchors.AsLinked"/>), its own news first: the
    /// events that may start an incident (<see cref="IncidentAnchors.CanStart"/>), then those that name no day or place
    /// of their own ("the attack killed five"), each group in the report's order. What a report tells without a place
    /// refers back to the attacks that report places, wherever in the text it stands; linked in text order, a lede's
    /// "the fighting killed four on Monday" would be compared only with other reports' attacks. Of the news, what the
    /// gazetteer places goes first: a headline's clipped name ("shelling killed a civilian in Oddar", a name it does not
    /// know) or a country would otherwise be compared with other reports' attacks before the one its own lede places.
    /// </summary>
    private static IEnumerable<EventFacts> InLinkOrder(IReadOnlyList<EventFacts> events)
    {
        var linked = events.Select(IncidentAnchors.AsLinked).ToList();
        var news = linked.Where(IncidentAnchors.CanStart).ToList();
        var rest = linked.Where(e => !IncidentAnchors.CanStart(e)).ToList();
        return news.Where(KnownPlace).Concat(news.Where(e => !KnownPlace(e))).Concat(rest.Where(OwnDay)).Concat(rest.Where(e => !OwnDay(e)));
    }

    /// <summary>
    /// Whether an event that may not start an incident still has a day of its own words, so it is linked before those
    /// without one: a single attack joins another report of one only on a day they share, so a follow-up's "the death toll
    /// from the strike in the state rose to 19" can only refer back to the attack its body dates ("the strike on Monday
    /// evening hit the market"), which must be linked first.
    /// </summary>
    private static bool OwnDay(EventFacts ev) => ev.Time?.Basis is null && IncidentAnchors.Days(ev) is not null;

    /// <summary>Whether an event's place is one the gazetteer knows, narrower than a country (a city, a division, a sea).</summary>
    private static bool KnownPlace(EventFacts ev) =>
        ev.Location is { } place && place.Precision != "country" && (place.Country is not null || place.Latitude is not null);

    /// <summary>
    /// Undoes a join: the event leaves its incident for one of its own, is never joined to another again, and no
    /// other report joins it.
    /// Returns the new incident's id, or null when the event is unknown or already alone.
    /// </summary>
    public string? Detach(string eventId)
    {
        if (!_incidentOfEvent.ContainsKey(eventId) && _archive?.IncidentOfEvent(eventId) is { } archived) Revive(archived);
        if (!_incidentOfEvent.TryGetValue(eventId, out var from) || from.Events.Count < 2) return null;
        var ev = _events[eventId];
        _detached.Add(eventId);
        var alone = NewIncident(DocumentId.ForKey("i-", "detached|" + eventId), StoryIdOf(ev.Document));
        Relocate(ev, from, alone, new IncidentLink(ev.Id, null, 0, $"detached by hand from {from.Id}"));
        return alone.Id;
    }

    /// <summary>The reason a report placed by an analyst carries (<see cref="Move"/>); a relink puts it back where it was placed.</summary>
    public const string MovedByHand = "moved by hand";

    /// <summary>
    /// An analyst's move: the event leaves its incident for <paramref name="toIncident"/> (held or archived; with
    /// <paramref name="create"/>, opened when it does not exist, in the event's story) and is never scored again; other
    /// reports may still join the incident it is in. Returns false when the event or the incident is unknown, or the
    /// event is there already.
    /// </summary>
    public bool Move(string eventId, string toIncident, string reason, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(toIncident);
        if (!_incidentOfEvent.ContainsKey(eventId) && _archive?.IncidentOfEvent(eventId) is { } archived) Revive(archived);
        if (!_incidentOfEvent.TryGetValue(eventId, out var from)) return false;
        if (!_incidents.TryGetValue(toIncident, out var to) || to.Events.Count == 0 && !create) to = Revive(toIncident) ?? to;
        var ev = _events[eventId];
        var story = StoryIdOf(ev.Document);
        if (to is null || to.Events.Count == 0 && !_incidentOrder.Contains(to))
        {
            if (!create) return false;
            to = NewIncident(toIncident, story);
        }
        if (ReferenceEquals(from, to)) return false;
        _detached.Remove(eventId);
        Relocate(ev, from, to, new IncidentLink(ev.Id, null, 0, $"{MovedByHand} from {from.Id}" + (reason.Length > 0 ? ": " + reason : "")));
        return true;
    }

    /// <summary>
    /// Takes a held event from one held incident into another with the link it has there (what a detach and an analyst's
    /// move share). The incident left behind looks as if it had been built without the event: it leaves the event's
    /// story unless another of its reports is there, it is filed under the event's place only while it still has a
    /// report there, and its story is its first report's; the one joined opens again and stands in the event's story.
    /// </summary>
    private void Relocate(EventFacts ev, IncidentState from, IncidentState to, IncidentLink link)
    {
        var story = StoryIdOf(ev.Document);
        from.Remove(ev.Id);
        to.Add(ev, link);
        to.Closed = false;
        _incidentOfEvent[ev.Id] = to;
        if (!from.Events.Any(e => StoryIdOf(e.Document) == story)) _index.LeaveStory(from, story);
        if (from.Events.Count > 0) from.Story = StoryIdOf(from.Events[0].Document);
        else foreach (var left in from.Stories.ToList()) _index.LeaveStory(from, left);
        _index.Touch(from);
        _index.Refile(ev, from);
        if (_stories.Holds(story)) to.Stories.Add(story);
        to.Story = StoryIdOf(to.Events[0].Document);
        _index.File(ev, to);
        _index.Touch(to);
        _summaries.Remove(from.Id);
        _summaries.Remove(to.Id);
        if (_archive is not null)
        {
            RefreshArchivedStories([from.Id, to.Id]);
            Close([]);
        }
    }

    /// <summary>Where a document and its events sit now (what a store saves); null for an unknown document.</summary>
    public DocumentAssignment? AssignmentOf(string documentId)
    {
        if (!_documents.TryGetValue(documentId, out var doc) || _stories.StoryOf(documentId) is not { } story) return null;
        var events = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
        foreach (var ev in doc.Events)
        {
            var incident = _incidentOfEvent[ev.Id];
            events[ev.Id] = new EventAssignment(incident.Id, incident.Links.First(l => l.Event == ev.Id));
        }
        return new DocumentAssignment(story.Id, events)
        {
            Rank = _rank[documentId],
            Vector = _stories.WeightsOf(documentId) is { } weights ? new RestoredVector([.. weights], story.Order) : null,
        };
    }

    /// <summary>The incident an event sits in, or null.</summary>
    public string? IncidentOf(string eventId) => _incidentOfEvent.GetValueOrDefault(eventId)?.Id ?? _archive?.IncidentOfEvent(eventId);

    /// <summary>The story a document sits in, or null.</summary>
    public string? StoryOf(string documentId) => _stories.StoryOf(documentId)?.Id ?? _archive?.StoryOfDocument(documentId);

    private (int, int, string) FirstReport(IncidentState state)
    {
        if (state.Events.Count == 0) return (int.MaxValue, 0, state.Id);
        // An incident keeps its reports in event order (document rank, start, id): the first is the first report.
        var first = state.Events[0];
        return (_rank.GetValueOrDefault(first.Document), first.Start, first.Id);
    }

    private IncidentState NewIncident(string id, string story)
    {
        var incident = new IncidentState(id, story, CompareEvents);
        _incidents[id] = incident;
        _incidentOrder.Add(incident);
        return incident;
    }

    /// <summary>Events in document order, then by where they start, then by id: the order an incident keeps them in.</summary>
    private int CompareEvents(EventFacts a, EventFacts b)
    {
        var byDocument = _rank.GetValueOrDefault(a.Document).CompareTo(_rank.GetValueOrDefault(b.Document));
        if (byDocument != 0) return byDocument;
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// An incident with no report published in this many days before the latest report the linker has seen is closed:
    /// no later report joins it (a report of the same thing starts a new incident), and a linker with a store hands it
    /// over (<see cref="Evict"/>). As long as a story's gap (<see cref="StoryClusterOptions.MaxGapDays"/>); a series
    /// already parts from reports more than <see cref="IncidentMatcher.SeriesGapDays"/> away, a single attack from
    /// reports of another day.
    /// </summary>
    public const int QuietDays = 45;

    /// <summary>The latest publication day of the documents added so far: the linker's today.</summary>
    private DateOnly? _today;

    private bool StillReported(IncidentState incident) =>
        _today is not { } today || incident.Traits.LastReported is not { } last || last.DayNumber >= today.DayNumber - QuietDays;

    private int LastRank(IncidentState incident) => incident.Events.Count == 0 ? -1 : _rank.GetValueOrDefault(incident.Events[^1].Document);

    private string StoryIdOf(string documentId) => StoryOf(documentId)!;

    /// <summary>An incident of another story, found by its place, joins only with more in common than the place.</summary>
    private const double OtherStoryThreshold = 0.75;

    private (IncidentState? Target, double Score, string Reason, string? JoinedTo) Best(EventFacts ev, IEnumerable<(IncidentState Incident, bool OtherStory)> candidates)
    {
        IncidentState? best = null;
        var bestScore = 0.0;
        var bestReason = "";
        string? joinedTo = null;
        if (_detached.Contains(ev.Id)) return (null, 0, "", null);
        var all = candidates as IReadOnlyList<(IncidentState Incident, bool OtherStory)> ?? candidates.ToList();
        // What an attack placed only by its country, or by no place but with a day, fits, to tell whether its words say
        // which attack it is. One with neither refers back to its own report's news ("the strike was the first").
        var countryOnly = Unlocated(ev) && (ev.Location is not null || IncidentAnchors.Days(ev) is not null);
        var fitting = new List<(IncidentState Incident, IncidentMatcher.MatchResult Match, bool OtherStory)>();
        // The places its report names, for an attack its own words place no closer than its country. When it fits an attack
        // of a country whose places its report names, never that attack's, the report tells other attacks than that one:
        // then it joins only an attack at a place its report names, or one of no named place.
        var named = Unlocated(ev) && _documents.TryGetValue(ev.Document, out var report) ? ReportPlaces.Of(report, ev) : default;
        var scored = new List<(IncidentState Incident, IncidentMatcher.MatchResult? Match, bool OtherStory)>();
        foreach (var (incident, otherStory) in all)
        {
            if (incident.Events.Count == 0 || incident.Type != ev.Type) continue;
            // A report detached by hand stays alone: relinked before the reports it was taken from, it would gather
            // them again and undo the decision.
            if (_detached.Count > 0 && incident.Events.Any(e => _detached.Contains(e.Id))) continue;
            var match = IncidentMatcher.Match(ev, incident.Events, incident.Traits);
            if (match is { } m && otherStory && m.Score < OtherStoryThreshold) continue;
            scored.Add((incident, match, otherStory));
        }
        var elsewhere = !named.IsDefaultOrEmpty && scored.Exists(c => c.Match is not null && NotItsReports(ev, c.Incident)
            && ReportPlaces.OnlyElsewhere(named, c.Incident.Events, inItsCountry: true));
        foreach (var (incident, match, otherStory) in scored)
        {
            if (match is not null && SwallowsUndecided(ev, incident, all)) continue;
            // An attack placed no closer than its country does not gather mentions that name no place: neither says which
            // attack of the day they are, and together they would read as one.
            if (match is not null && Unlocated(ev) && IncidentAnchors.CanStart(ev) && incident.IsMention) continue;
            if (match is not null && Unlocated(ev) && IsUndecided(incident)) continue;
            if (match is not null && elsewhere && NotItsReports(ev, incident) && ReportPlaces.OnlyElsewhere(named, incident.Events, inItsCountry: false)) continue;
            if (countryOnly && match is { } f && f.Score >= IncidentMatcher.JoinThreshold && !incident.IsMention) fitting.Add((incident, f, otherStory));
            // Equal scores go to the incident more reports tell ("an attack on Tuesday" fits Tuesday's two attacks alike;
            // the one more outlets reported is the likelier), then to the smaller id, so the choice never depends on the
            // order candidates come in.
            if (match is { } m2 && (m2.Score > bestScore || (m2.Score == bestScore && best is not null && TieBreak(incident, best) < 0)))
            {
                best = incident;
                bestScore = m2.Score;
                bestReason = otherStory ? m2.Reason + "; reported in another story" : m2.Reason;
                joinedTo = m2.Event;
            }
        }
        if (fitting.Count >= 2)
        {
            // "Fighting in Thailand killed two on Monday" on a day of several attacks there: the one its own report places,
            // else it cannot say which, and stays a mention.
            // One whose reports name the unknown village its words name ("the shelling of Ak-Sai") is the one.
            var byLocality = fitting.Where(x => x.Match.Shared.HasFlag(IncidentMatcher.SharedFacts.Place)).ToList();
            if (ev.Locality is not null && byLocality.Count == 1)
            {
                var (at, fit, apart) = byLocality[0];
                return (at, fit.Score, apart ? fit.Reason + "; reported in another story" : fit.Reason, fit.Event);
            }
            var own = fitting.Where(x => x.Incident.Events.Any(e => e.Document == ev.Document && !Unlocated(e))).ToList();
            // An attack of another report that fits better (its very day where its own report's is a day off) is the one.
            if (own.Count != 1 || fitting.Any(x => x.Match.Score > own[0].Match.Score)) return (null, 0, Undecided, null);
            var (incident, m, otherStory) = own[0];
            return (incident, m.Score, (otherStory ? m.Reason + "; reported in another story" : m.Reason) + "; the attack its own report places", m.Event);
        }
        return bestScore >= IncidentMatcher.JoinThreshold ? (best, bestScore, bestReason, joinedTo) : (null, 0, "", null);
    }

    /// <summary>Whether none of the incident's reports is of the event's own document.</summary>
    private static bool NotItsReports(EventFacts ev, IncidentState incident) => !incident.Events.Any(e => e.Document == ev.Document);

    /// <summary>What <see cref="Best"/> says of an attack placed only by its country that fits several attacks of its day.</summary>
    private const string Undecided = "undecided";

    /// <summary>
    /// News of one attack of fact whose words place it no closer than its country ("two civilians were killed overnight",
    /// "fighting in Thailand"): which of a day's attacks there it is, they do not say. So too an attack a report recalls
    /// with no place at all ("struck again on Thursday, a week after a missile strike killed six people there"): its day
    /// alone does not say which of that day's attacks it was.
    /// </summary>
    private static bool Unlocated(EventFacts ev) =>
        ev.Type == PloverType.Assault && !ev.Plural && IncidentMatcher.ClassOf(ev.Modality) == ModalityClass.Factual
        && (string.Equals(ev.Salience, "background", StringComparison.Ordinal) ? ev.Location is null : ev.Location is null or { Precision: "country" });

    /// <summary>
    /// Whether an attack placed within its country would take in another report's mention whose reports fit another attack
    /// of their day: reports that place their attack no closer than a country wait for the attack they are of, and one
    /// placed by another report takes them in only when nothing else of their day fits them.
    /// </summary>
    private static bool SwallowsUndecided(EventFacts ev, IncidentState mention, IReadOnlyList<(IncidentState Incident, bool OtherStory)> candidates)
    {
        if (ev.Type != PloverType.Assault || Unlocated(ev) || !mention.IsMention || !IncidentAnchors.CanStart(ev) || mention.Events.Any(e => e.Document == ev.Document)) return false;
        if (mention.Traits is not { First: { } first, Last: { } last }) return false;
        foreach (var (other, _) in candidates)
        {
            if (ReferenceEquals(other, mention) || other.Events.Count == 0 || other.Type != ev.Type) continue;
            // Only an attack of the mention's days (with their slack) can fit its reports: the rest are not compared.
            if (other.Traits is not { First: { } from, Last: { } to } || from.DayNumber > last.DayNumber + 2 || to.DayNumber < first.DayNumber - 2 || other.IsMention) continue;
            foreach (var m in mention.Events)
            {
                if (IncidentMatcher.Match(m, other.Events, other.Traits) is { } fit && fit.Shared.HasFlag(IncidentMatcher.SharedFacts.Time)) return true;
            }
        }
        return false;
    }

    /// <summary>Of two incidents an event fits equally well, the one more reports tell first (it is the likelier), then the smaller id.</summary>
    private static int TieBreak(IncidentState a, IncidentState b)
    {
        // The documents are counted as reports join (a campaign's thousands of events were walked for every tie).
        var docsA = a.Traits.Documents.Count;
        var docsB = b.Traits.Documents.Count;
        if (docsA != docsB) return docsA > docsB ? -1 : 1;
        return string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// A report of a series that fits two series of its story shows they are one: the later-started one moves into
    /// the one it joined, each moved event keeping its own link, with the merge noted. Detach undoes it event by event.
    /// </summary>
    private void MergeSeries(EventFacts ev, IncidentState target, List<IncidentState> storyIncidents, List<string> touched, HashSet<string> reassigned, HashSet<string> movedEvents)
    {
        if (!ev.Plural || IncidentMatcher.ClassOf(ev.Modality) != ModalityClass.Factual || target.Scope != IncidentScope.Campaign) return;
        foreach (var other in _index.Recent(storyIncidents).OrderBy(FirstReport).ToList())
        {
            if (other == target || other.Events.Count == 0 || other.Type != target.Type || other.Scope != IncidentScope.Campaign
                || other.ModalityClass != ModalityClass.Factual || other.Events.Any(e => _detached.Contains(e.Id))) continue;
            if (IncidentMatcher.Match(ev, other.Events, other.Traits) is null) continue;
            // Every report of the other series must fit this one too.
            if (other.Events.Any(e => IncidentMatcher.Match(e, target.Events, target.Traits) is null)) continue;
            var moving = other.Events.ToList();
            foreach (var moved in moving) _index.Unfile(moved, other);
            foreach (var moved in moving)
            {
                var link = other.Links.First(l => l.Event == moved.Id);
                target.Add(moved, link with { Reason = link.Reason + $"; series merged: {ev.Id} fits both" });
                _incidentOfEvent[moved.Id] = target;
                target.Stories.Add(StoryIdOf(moved.Document));
                reassigned.Add(moved.Document);
                if (moved.Document != ev.Document) movedEvents.Add(moved.Id);
            }
            other.Clear();
            foreach (var story in other.Stories.ToList()) _index.LeaveStory(other, story);
            foreach (var moved in moving) _index.File(moved, target);
            target.Story = StoryIdOf(target.Events[0].Document);
            _index.Touch(target);
            _summaries.Remove(other.Id);
            if (!touched.Contains(other.Id)) touched.Add(other.Id);
        }
    }

    private static string StoryTitle(StoryCluster cluster) => cluster.Title;

    /// <summary>The link of an attack placed only by its country that fits several attacks of its day: a mention (<see cref="IncidentState.IsMention"/>).</summary>
    internal const string UndecidedReason = "a mention: an attack placed by no more than its country, on a day of several attacks there it fits";

    private static string MentionReason(EventFacts ev) => string.Equals(ev.Salience, "background", StringComparison.Ordinal)
        ? "a mention: background of its report, fitting no incident"
        : ev.Antecedent ? "a mention: told as what its report's news came after, fitting no incident"
        : ev.Riposte ? "a mention: the forces' answer to its report's attack, told with the attackers' dead"
        : ev.Disputing ? "a mention: a party's dispute of another event's report, which that event's incident carries"
        : ev.Type == PloverType.Assault && IncidentAnchors.Days(ev) is not null && ev.Location is null ? "a mention: an attack with no place of its own, fitting no incident"
        : ev.Type == PloverType.Assault && ev.Location is not null ? "a mention: an attack with no day of its own, fitting no incident"
        : "a mention: no day or place of its own, fitting no incident";
}
