using System.Collections.Immutable;

namespace Crosscheck.Linking;

/// <summary>
/// What leaves memory (with an <see cref="ILinkArchive"/>): once a day of the news has passed, closed incidents (no
/// report for <see cref="QuietDays"/>; a series stays while one of its stories runs, so the single events of its story
/// still find it), stories past their gap, and documents none of whose events is in a held incident go to the
/// archive (a running story keeps only its vector and its members' ids). None of them can be a candidate
/// for a later document (<see cref="IncidentIndex"/> and <see cref="StoryClusterer"/> skip them already), so the record
/// is the one the linker would build holding everything; a single event's campaign is the one it fitted when it left.
/// </summary>
public sealed partial class CrossDocumentLinker
{
    // The day incidents were last closed; each held story's archived incidents.
    private DateOnly? _closedOn;
    private readonly Dictionary<string, List<(int Rank, int Start, string Id, bool Mention)>> _archivedOfStory = new(StringComparer.Ordinal);
    // Documents that may leave memory: one of their incidents (or their story) left; they go once none of their events is held.
    private readonly HashSet<string> _awaiting = new(StringComparer.Ordinal);
    // The stories leaving in the eviction under way (their records are written after their incidents').
    private HashSet<string> _evicting = new(StringComparer.Ordinal);

    /// <summary>
    /// Closes the incidents no later document can join, once per day of the news: quiet ones (<see cref="QuietDays"/>),
    /// a series only when none of its stories runs on (so the single events of its story still find it); a closed
    /// incident keeps the campaign it fits now. With an archive, closed incidents, stories past their gap and
    /// documents of neither then leave memory.
    /// </summary>
    private void Close(IReadOnlyCollection<string> keep)
    {
        if (_restoring || _today is not { } today) return;
        _closedOn = today;
        var campaigns = new Dictionary<string, List<IncidentState>>(StringComparer.Ordinal);
        var closing = new List<IncidentState>();
        foreach (var state in _incidentOrder)
        {
            if (state.Closed || state.Events.Count == 0 || StillReported(state) || keep.Contains(state.Id)) continue;
            if (state.Scope == IncidentScope.Campaign && state.Stories.Any(s => _stories.Runs(s, today))) continue;
            closing.Add(state);
        }
        // Every campaign is read before any incident closes, so the order of closing does not matter.
        foreach (var state in closing) state.ClosedPartOf = CampaignOf(state, campaigns);
        foreach (var state in closing) state.Closed = true;
        if (_archive is not null) Evict(today);
    }

    private void Evict(DateOnly today)
    {
        var archive = _archive!;
        var stories = _stories.Evict(today);
        _evicting = stories.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var state in _incidentOrder.Where(s => s.Closed && s.Events.Count > 0).ToList())
        {
            var record = Archived(state);
            archive.Put(record);
            Forget(state, record);
        }
        _incidentOrder.RemoveAll(s => s.Events.Count == 0 || !_incidents.ContainsKey(s.Id));
        foreach (var story in stories)
        {
            archive.Put(new ArchivedStory(StoryRecord(story), story.Order));
            _archivedOfStory.Remove(story.Id);
            _index.DropStory(story.Id);
            foreach (var d in story.Documents) _awaiting.Add(d);
        }
        _evicting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var documentId in _awaiting.ToList()) ArchiveIfUnheld(documentId);
    }

    private ArchivedIncident Archived(IncidentState state)
    {
        var (incident, discrepancies) = Summary(state);
        var (rank, start, _) = FirstReport(state);
        var ranks = state.Events.Select(e => e.Document).Distinct(StringComparer.Ordinal).ToImmutableDictionary(d => d, d => _rank[d], StringComparer.Ordinal);
        return new ArchivedIncident(incident with { PartOf = state.ClosedPartOf }, discrepancies, rank, start)
        {
            Ranks = ranks,
            Places = [.. state.Traits.Places.Keys.Order(StringComparer.Ordinal)],
            First = state.Traits.First,
            Last = state.Traits.Last,
        };
    }

    /// <summary>Takes an archived incident out of every index; its held stories remember it for their story records.</summary>
    private void Forget(IncidentState state, ArchivedIncident record)
    {
        foreach (var ev in state.Events)
        {
            _index.Unfile(ev, state);
            _incidentOfEvent.Remove(ev.Id);
            _awaiting.Add(ev.Document);
        }
        foreach (var story in state.Stories.ToList())
        {
            _index.LeaveStory(state, story);
            if (!_stories.Holds(story) && !_evicting.Contains(story)) continue;
            if (!_archivedOfStory.TryGetValue(story, out var list)) _archivedOfStory[story] = list = [];
            list.Add((record.FirstRank, record.FirstStart, state.Id, record.Incident.Mention));
        }
        _incidents.Remove(state.Id);
        _summaries.Remove(state.Id);
    }

    /// <summary>
    /// Brings an archived incident back into memory (an analyst changes it): its documents and events as they were, in
    /// its stories' lists while those stories are held. It goes back to the archive at the next eviction.
    /// </summary>
    private IncidentState? Revive(string incidentId)
    {
        if (_archive is not { } archive || archive.Incident(incidentId) is not { } record) return null;
        var incident = record.Incident;
        var events = new List<EventFacts>();
        foreach (var (documentId, rank) in record.Ranks)
        {
            if (!_documents.TryGetValue(documentId, out var doc))
            {
                if (archive.Document(documentId) is not { } stored) return null;
                doc = stored;
                archive.Restore(documentId);
                _documents[documentId] = doc;
                _rank[documentId] = rank;
                foreach (var e in doc.Events) _events[e.Id] = IncidentAnchors.AsLinked(e);
                _awaiting.Add(documentId);
            }
            events.AddRange(doc.Events.Where(e => incident.Events.Contains(e.Id)).Select(e => _events.GetValueOrDefault(e.Id) ?? IncidentAnchors.AsLinked(e)));
        }
        archive.TakeBack(record);
        var state = NewIncident(incidentId, incident.Story);
        var links = incident.Links.ToDictionary(l => l.Event, StringComparer.Ordinal);
        foreach (var ev in events)
        {
            state.Add(ev, links.GetValueOrDefault(ev.Id) ?? new IncidentLink(ev.Id, null, 0, "restored"));
            _incidentOfEvent[ev.Id] = state;
            if (links.GetValueOrDefault(ev.Id)?.Reason.StartsWith("detached", StringComparison.Ordinal) == true) _detached.Add(ev.Id);
            _index.File(ev, state);
            if (_stories.StoryOf(ev.Document) is { } story) state.Stories.Add(story.Id);
        }
        // Still closed, with the campaign it had: a report that joins it opens it again.
        state.Closed = true;
        state.ClosedPartOf = incident.PartOf;
        foreach (var story in state.Stories)
        {
            _archivedOfStory.GetValueOrDefault(story)?.RemoveAll(a => a.Id == incidentId);
        }
        _index.Touch(state);
        return state;
    }

    /// <summary>
    /// Closed incidents a report may still join: one that recalls a single attack of fact by its own day (from its words)
    /// and place, that day before the quiet days, meets the closed incidents of its type filed under that place whose
    /// days are within a day of it (those in memory, and those in the archive, taken back); one naming no place meets the
    /// one closed single incident of its type and story on those days, held or archived (none when there are two).
    /// Anything else a closed incident never meets.
    /// </summary>
    private List<(IncidentState Incident, bool OtherStory)> Recalled(EventFacts ev, string story)
    {
        var found = new List<(IncidentState, bool)>();
        if (_today is not { } today || ev.Plural || IncidentMatcher.ClassOf(ev.Modality) != ModalityClass.Factual || ev.Time?.Basis is not null
            || IncidentAnchors.Days(ev) is not { } days
            || days.End.DayNumber >= today.DayNumber - QuietDays) return found;
        var from = days.Start.AddDays(-IncidentAnchors.DaySlack);
        var to = days.End.AddDays(IncidentAnchors.DaySlack);
        if (IncidentTraits.PlaceKey(ev) is not { } place)
        {
            // "Sept. 15: Three people were killed in a strike on a boat" (a timeline naming no place): the one closed
            // incident of its type and story on those days, held or archived; none when there are two to choose from.
            foreach (var state in _incidentOrder)
            {
                if (state.Closed && state.Events.Count > 0 && state.Type == ev.Type && state.Story == story && !state.Traits.AnyPlural
                    && state.Traits.First is { } f && state.Traits.Last is { } l && f <= to && l >= from) found.Add((state, false));
            }
            // Of the archive's incidents on those days, only the story's own (listed, not mentions) are read whole.
            var ofStory = (_archivedOfStory.GetValueOrDefault(story) ?? []).Where(a => !a.Mention).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var archived = ofStory.Count == 0 ? [] : (_archive?.IncidentsOn(ev.Type, from, to) ?? [])
                .Where(id => ofStory.Contains(id) && !_incidents.ContainsKey(id))
                .Where(id => _archive!.Incident(id) is { Incident: { Scope: IncidentScope.Single, Mention: false } a } && a.Story == story)
                .Take(2).ToList();
            if (found.Count + archived.Count != 1) return [];
            if (archived.Count == 1 && Revive(archived[0]) is { } revived)
            {
                found.Add((revived, false));
                _recalled.Add(revived);
            }
            return found;
        }
        foreach (var state in _incidentOrder)
        {
            if (state.Closed && state.Events.Count > 0 && state.Type == ev.Type && state.Traits.Places.ContainsKey(place)
                && state.Traits.First is { } f && state.Traits.Last is { } l && f <= to && l >= from) found.Add((state, state.Story != story));
        }
        foreach (var id in _archive?.IncidentsAt(ev.Type, place, from, to).ToList() ?? [])
        {
            if (!_incidents.ContainsKey(id) && Revive(id) is { } state)
            {
                found.Add((state, state.Story != story));
                _recalled.Add(state);
            }
        }
        return found;
    }

    // Incidents taken back from the archive for a report recalling them (see Recalled), while its document is added.
    private readonly List<IncidentState> _recalled = [];

    /// <summary>
    /// Once a document is added, the incidents its reports recalled from the archive but did not join go back to it
    /// as they were, with those of their documents no held incident needs. A linker then never holds a closed incident
    /// between two documents: held, it would keep the campaign it had when it closed, which the store does not keep
    /// for a held incident, so the linker resumed after a restart would not have it.
    /// </summary>
    private void ReturnRecalled()
    {
        if (_recalled.Count == 0) return;
        var archive = _archive!;
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in _recalled)
        {
            if (!state.Closed || state.Events.Count == 0 || !_incidents.TryGetValue(state.Id, out var held) || !ReferenceEquals(held, state)) continue;
            foreach (var ev in state.Events) documents.Add(ev.Document);
            var record = Archived(state);
            archive.Put(record);
            Forget(state, record);
        }
        _recalled.Clear();
        _incidentOrder.RemoveAll(s => s.Events.Count == 0 || !_incidents.ContainsKey(s.Id));
        foreach (var documentId in documents.Order(StringComparer.Ordinal)) ArchiveIfUnheld(documentId);
    }

    /// <summary>A held document none of whose events is in a held incident goes to the archive.</summary>
    private void ArchiveIfUnheld(string documentId)
    {
        if (!_documents.TryGetValue(documentId, out var doc)) { _awaiting.Remove(documentId); return; }
        if (doc.Events.Any(e => _incidentOfEvent.ContainsKey(e.Id))) return;
        _archive!.Put(doc, _rank[documentId]);
        _stories.Forget(documentId);
        _documents.Remove(documentId);
        _rank.Remove(documentId);
        foreach (var e in doc.Events)
        {
            _events.Remove(e.Id);
            _detached.Remove(e.Id);
        }
        _awaiting.Remove(documentId);
    }

    /// <summary>After an analyst's change to incidents whose stories have left memory: their story records say so.</summary>
    private void RefreshArchivedStories(IEnumerable<string> incidentIds)
    {
        if (_archive is not { } archive) return;
        foreach (var id in incidentIds)
        {
            if (!_incidents.TryGetValue(id, out var state) || state.Events.Count == 0) continue;
            foreach (var storyId in state.Events.Select(e => StoryOf(e.Document)).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (_stories.Holds(storyId) || archive.Story(storyId) is not { } stored || stored.Story.Incidents.Contains(id)) continue;
                archive.Put(stored with { Story = stored.Story with { Incidents = stored.Story.Incidents.Add(id) } });
            }
        }
    }
}
