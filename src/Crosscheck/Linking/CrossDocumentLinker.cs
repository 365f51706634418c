using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>What one added document changed.</summary>
public sealed record LinkUpdate(string Document, string Story, ImmutableArray<string> Incidents)
{
    /// <summary>Other documents whose events moved (two series found to be one were merged); a store saves them again.</summary>
    public ImmutableArray<string> Reassigned { get; init; } = [];
}

/// <summary>Where an event was put and why: what the store keeps so that reloading never scores again.</summary>
public sealed record EventAssignment(string Incident, IncidentLink Link);

/// <summary>A document's place in the record: its story and each event's incident.</summary>
public sealed record DocumentAssignment(string Story, IReadOnlyDictionary<string, EventAssignment> Events);

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
    private readonly List<string> _order = [];
    private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.Ordinal);
    private readonly List<IncidentState> _incidentOrder = [];
    private readonly Dictionary<string, List<IncidentState>> _incidentsByStory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentState> _incidentOfEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventFacts> _events = new(StringComparer.Ordinal);
    private readonly HashSet<string> _detached = new(StringComparer.Ordinal);
    // Incidents by type and place, so that one event reported in two stories (a campaign in a story about the
    // campaign and in one about a plan) is still one incident. Only the latest few per key are candidates.
    private readonly Dictionary<(PloverType, string), List<IncidentState>> _incidentsByPlace = new();
    private const int PlaceCandidates = 32;
    private readonly Dictionary<string, (Incident Incident, ImmutableArray<Discrepancy> Discrepancies)> _summaries = new(StringComparer.Ordinal);

    public CrossDocumentLinker(StoryClusterOptions? storyOptions = null) => _stories = new StoryClusterer(storyOptions);

    public int DocumentCount => _documents.Count;

    public IEnumerable<DocumentFacts> Documents => _order.Select(id => _documents[id]);

    /// <summary>
    /// Adds one document; a document added before is left as it is. With <paramref name="known"/> (a document
    /// reloaded from the store) the document and its events go where they were put before, without scoring.
    /// </summary>
    public LinkUpdate Add(DocumentFacts document, DocumentAssignment? known = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_documents.ContainsKey(document.Id))
        {
            var story = _stories.StoryOf(document.Id)!;
            return new LinkUpdate(document.Id, story.Id, [.. document.Events.Select(e => _incidentOfEvent[e.Id].Id).Distinct()]);
        }
        _documents[document.Id] = document;
        _rank[document.Id] = _order.Count;
        _order.Add(document.Id);
        var cluster = _stories.Add(document, known?.Story);
        if (!_incidentsByStory.TryGetValue(cluster.Id, out var storyIncidents)) _incidentsByStory[cluster.Id] = storyIncidents = [];
        var touched = new List<string>();
        var reassigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ev in document.Events)
        {
            _events[ev.Id] = ev;
            if (known?.Events.GetValueOrDefault(ev.Id) is { } restored)
            {
                if (!_incidents.TryGetValue(restored.Incident, out var into))
                {
                    into = new IncidentState(restored.Incident, cluster.Id);
                    _incidents[into.Id] = into;
                    _incidentOrder.Add(into);
                    storyIncidents.Add(into);
                }
                if (restored.Link.Reason.StartsWith("detached", StringComparison.Ordinal)) _detached.Add(ev.Id);
                into.Add(ev, restored.Link);
                _incidentOfEvent[ev.Id] = into;
                IndexPlace(ev, into);
                if (!storyIncidents.Contains(into)) storyIncidents.Add(into);
                _summaries.Remove(into.Id);
                if (!touched.Contains(into.Id)) touched.Add(into.Id);
                continue;
            }
            var (target, score, reason, joinedTo) = Best(ev, Candidates(ev, storyIncidents));
            if (target is null)
            {
                target = new IncidentState(DocumentId.ForKey("i-", ev.Id), cluster.Id);
                _incidents[target.Id] = target;
                _incidentOrder.Add(target);
                storyIncidents.Add(target);
                target.Add(ev, new IncidentLink(ev.Id, null, 0, "first report"));
            }
            else
            {
                target.Add(ev, new IncidentLink(ev.Id, joinedTo, Math.Round(score, 3), reason));
            }
            _incidentOfEvent[ev.Id] = target;
            IndexPlace(ev, target);
            if (!storyIncidents.Contains(target)) storyIncidents.Add(target);
            _summaries.Remove(target.Id);
            if (!touched.Contains(target.Id)) touched.Add(target.Id);
            MergeSeries(ev, target, storyIncidents, touched, reassigned);
        }
        reassigned.Remove(document.Id);
        return new LinkUpdate(document.Id, cluster.Id, [.. touched]) { Reassigned = [.. reassigned.Order(StringComparer.Ordinal)] };
    }

    /// <summary>
    /// Undoes a join: the event leaves its incident for one of its own and is never joined to another again.
    /// Returns the new incident's id, or null when the event is unknown or already alone.
    /// </summary>
    public string? Detach(string eventId)
    {
        if (!_incidentOfEvent.TryGetValue(eventId, out var from) || from.Events.Count < 2) return null;
        var ev = _events[eventId];
        from.Remove(eventId);
        _detached.Add(eventId);
        var alone = new IncidentState(DocumentId.ForKey("i-", "detached|" + eventId), from.Story);
        alone.Add(ev, new IncidentLink(ev.Id, null, 0, $"detached by hand from {from.Id}"));
        _incidents[alone.Id] = alone;
        _incidentOrder.Add(alone);
        _incidentsByStory[from.Story].Add(alone);
        _incidentOfEvent[eventId] = alone;
        _summaries.Remove(from.Id);
        return alone.Id;
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
        return new DocumentAssignment(story.Id, events);
    }

    /// <summary>The incident an event sits in, or null.</summary>
    public string? IncidentOf(string eventId) => _incidentOfEvent.GetValueOrDefault(eventId)?.Id;

    /// <summary>The story a document sits in, or null.</summary>
    public string? StoryOf(string documentId) => _stories.StoryOf(documentId)?.Id;

    public CrossRecord Snapshot()
    {
        var incidents = ImmutableArray.CreateBuilder<Incident>();
        var discrepancies = ImmutableArray.CreateBuilder<Discrepancy>();
        // In order of first report, so that a record reloaded from the store (where incidents are rebuilt in
        // document order) lists them as the live linker does.
        foreach (var state in _incidentOrder.Where(s => s.Events.Count > 0).OrderBy(FirstReport))
        {
            var (incident, found) = Summary(state);
            incidents.Add(incident with { PartOf = CampaignOf(state) });
            discrepancies.AddRange(found);
        }
        var stories = ImmutableArray.CreateBuilder<Story>();
        foreach (var cluster in _stories.Stories)
        {
            var ids = _incidentsByStory.GetValueOrDefault(cluster.Id, []).Where(i => i.Events.Count > 0).OrderBy(FirstReport).Select(i => i.Id);
            stories.Add(new Story(cluster.Id, StoryTitle(cluster), [.. cluster.Documents], [.. ids], cluster.First, cluster.Last));
        }
        return new CrossRecord(stories.ToImmutable(), incidents.ToImmutable(), discrepancies.ToImmutable());
    }

    /// <summary>One incident as it stands, or null.</summary>
    public Incident? IncidentById(string id) =>
        _incidents.TryGetValue(id, out var state) && state.Events.Count > 0 ? Summary(state).Incident with { PartOf = CampaignOf(state) } : null;

    private (Incident Incident, ImmutableArray<Discrepancy> Discrepancies) Summary(IncidentState state)
    {
        if (_summaries.TryGetValue(state.Id, out var cached)) return cached;
        // Events in document order, whatever order they joined in (a merge appends a whole series).
        var events = state.Events.OrderBy(e => _rank.GetValueOrDefault(e.Document)).ThenBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var order = events.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var links = state.Links.OrderBy(l => order.GetValueOrDefault(l.Event)).ToList();
        var summary = IncidentSummarizer.Summarize(state.Id, state.Story, null, events, links, _documents, _rank);
        _summaries[state.Id] = summary;
        return summary;
    }

    private (int, int, string) FirstReport(IncidentState state)
    {
        if (state.Events.Count == 0) return (int.MaxValue, 0, state.Id);
        var first = state.Events.MinBy(e => (_rank.GetValueOrDefault(e.Document), e.Start))!;
        return (_rank.GetValueOrDefault(first.Document), first.Start, first.Id);
    }

    private static string? PlaceKey(EventFacts ev) =>
        ev.Location is { } l ? (l.Country ?? l.Name).ToLowerInvariant() : null;

    private void IndexPlace(EventFacts ev, IncidentState incident)
    {
        if (PlaceKey(ev) is not { } key) return;
        if (!_incidentsByPlace.TryGetValue((ev.Type, key), out var list)) _incidentsByPlace[(ev.Type, key)] = list = [];
        if (list.Count > 0 && list[^1] == incident) return;
        list.Add(incident);
        // Old entries fall out; duplicates among the recent ones are skipped when read.
        if (list.Count > 4 * PlaceCandidates) list.RemoveRange(0, list.Count - PlaceCandidates);
    }

    private IEnumerable<(IncidentState Incident, bool OtherStory)> Candidates(EventFacts ev, List<IncidentState> storyIncidents)
    {
        var seen = new HashSet<IncidentState>(ReferenceEqualityComparer.Instance);
        foreach (var i in storyIncidents)
        {
            if (seen.Add(i)) yield return (i, false);
        }
        if (PlaceKey(ev) is not { } key || !_incidentsByPlace.TryGetValue((ev.Type, key), out var list)) yield break;
        for (var i = list.Count - 1; i >= Math.Max(0, list.Count - PlaceCandidates); i--)
        {
            if (seen.Add(list[i])) yield return (list[i], true);
        }
    }

    /// <summary>An incident of another story, found by its place, joins only with more in common than the place.</summary>
    private const double OtherStoryThreshold = 0.75;

    private (IncidentState? Target, double Score, string Reason, string? JoinedTo) Best(EventFacts ev, IEnumerable<(IncidentState Incident, bool OtherStory)> candidates)
    {
        IncidentState? best = null;
        var bestScore = 0.0;
        var bestReason = "";
        string? joinedTo = null;
        if (_detached.Contains(ev.Id)) return (null, 0, "", null);
        foreach (var (incident, otherStory) in candidates)
        {
            if (incident.Events.Count == 0 || incident.Type != ev.Type) continue;
            var match = IncidentMatcher.Match(ev, incident.Events);
            if (match is { } m && otherStory && m.Score < OtherStoryThreshold) continue;
            if (match is { } m2 && m2.Score > bestScore)
            {
                best = incident;
                bestScore = m2.Score;
                bestReason = otherStory ? m2.Reason + "; reported in another story" : m2.Reason;
                joinedTo = m2.Event;
            }
        }
        return bestScore >= IncidentMatcher.JoinThreshold ? (best, bestScore, bestReason, joinedTo) : (null, 0, "", null);
    }

    /// <summary>
    /// A report of a series that fits two series of its story shows they are one: the later-started one moves into
    /// the one it joined, each moved event keeping its own link, with the merge noted. Detach undoes it event by event.
    /// </summary>
    private void MergeSeries(EventFacts ev, IncidentState target, List<IncidentState> storyIncidents, List<string> touched, HashSet<string> reassigned)
    {
        if (!ev.Plural || IncidentMatcher.ClassOf(ev.Modality) != ModalityClass.Factual || target.Scope != IncidentScope.Campaign) return;
        foreach (var other in storyIncidents.ToList())
        {
            if (other == target || other.Events.Count == 0 || other.Type != target.Type || other.Scope != IncidentScope.Campaign
                || other.ModalityClass != ModalityClass.Factual || other.Events.Any(e => _detached.Contains(e.Id))) continue;
            if (IncidentMatcher.Match(ev, other.Events) is null) continue;
            // Every report of the other series must fit this one too.
            if (other.Events.Any(e => IncidentMatcher.Match(e, target.Events) is null)) continue;
            foreach (var moved in other.Events.ToList())
            {
                var link = other.Links.First(l => l.Event == moved.Id);
                target.Add(moved, link with { Reason = link.Reason + $"; series merged: {ev.Id} fits both" });
                _incidentOfEvent[moved.Id] = target;
                reassigned.Add(moved.Document);
            }
            other.Events.Clear();
            other.Links.Clear();
            _summaries.Remove(other.Id);
            if (!touched.Contains(other.Id)) touched.Add(other.Id);
        }
    }

    /// <summary>
    /// The campaign of its story a single event of fact belongs to ("the latest" of "the 15 strikes"): the best-fitting
    /// series of the same type. Worked out from the record as it stands, so it is the same however the record was built.
    /// </summary>
    private string? CampaignOf(IncidentState incident)
    {
        if (incident.Events.Count == 0 || incident.Scope != IncidentScope.Single || incident.ModalityClass != ModalityClass.Factual) return null;
        IncidentState? best = null;
        var bestScore = 0.0;
        foreach (var other in _incidentsByStory.GetValueOrDefault(incident.Story, []).OrderBy(FirstReport))
        {
            if (other == incident || other.Events.Count == 0 || other.Type != incident.Type || other.Scope != IncidentScope.Campaign
                || other.ModalityClass != ModalityClass.Factual) continue;
            foreach (var ev in incident.Events)
            {
                var match = IncidentMatcher.Match(ev with { Single = false }, other.Events);
                if (match is { } m && m.Score > bestScore) { best = other; bestScore = m.Score; }
            }
        }
        return best?.Id;
    }

    private static string StoryTitle(StoryCluster cluster) => cluster.Title;
}

/// <summary>Whether an event is reported as fact or as something ahead (planned, weighed, conditional, ruled out).</summary>
internal enum ModalityClass
{
    Factual,
    Prospective,
}

/// <summary>The mutable state of one incident inside the linker.</summary>
internal sealed class IncidentState(string id, string story)
{
    public string Id { get; } = id;
    public string Story { get; } = story;
    public List<EventFacts> Events { get; } = [];
    public List<IncidentLink> Links { get; } = [];
    public PloverType Type => Events[0].Type;
    public ModalityClass ModalityClass => IncidentMatcher.ClassOf(Events[0].Modality);
    public IncidentScope Scope => IncidentSummarizer.ScopeOf(Events);

    public void Add(EventFacts ev, IncidentLink link)
    {
        Events.Add(ev);
        Links.Add(link);
    }

    public void Remove(string eventId)
    {
        Events.RemoveAll(e => e.Id == eventId);
        Links.RemoveAll(l => l.Event == eventId);
        // Links that pointed at the removed event now point at the incident's first report.
        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i].JoinedTo == eventId) Links[i] = Links[i] with { JoinedTo = Events.Count > 0 && Events[0].Id != Links[i].Event ? Events[0].Id : null };
        }
    }
}
