using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

public sealed partial class CrossDocumentLinker
{
    /// <summary>
    /// A report whose words place its attack no closer than its country (or nowhere, with a day) joins the one attack of its
    /// day it fits; on a day of several attacks there it cannot say which and stays a mention (<see cref="Best"/>). Which
    /// attacks of the day were linked before it must not decide that: when a newly linked document places an attack of the
    /// same day and country that such a report, joined earlier to another attack, fits as well, the report leaves that
    /// attack and becomes the mention it would have been had the new attack come first (with the lines of its report that
    /// went with it). A report whose own report places the attack stays.
    /// </summary>
    private void Reconsider(DocumentFacts document, List<IncidentState> storyIncidents, List<string> touched, HashSet<string> reassigned, HashSet<string> movedEvents)
    {
        var placed = new List<(EventFacts Event, IncidentState Incident)>();
        foreach (var e in document.Events)
        {
            if (!_events.TryGetValue(e.Id, out var linked) || !_incidentOfEvent.TryGetValue(e.Id, out var t)) continue;
            if (linked.Type != PloverType.Assault || Unlocated(linked) || !KnownPlace(linked) || !IncidentAnchors.CanStart(linked)) continue;
            if (t.IsMention || t.Scope != IncidentScope.Single || placed.Exists(p => ReferenceEquals(p.Incident, t))) continue;
            placed.Add((linked, t));
        }
        foreach (var (ev, t) in placed)
        {
            foreach (var (candidate, _) in _index.Candidates(ev, storyIncidents).ToList())
            {
                foreach (var u in candidate.Events.ToList())
                {
                    // An earlier split may have moved it: the incident it is in now.
                    if (!_incidentOfEvent.TryGetValue(u.Id, out var x) || ReferenceEquals(x, t) || x.Events.Count < 2 || x.Type != PloverType.Assault
                        || x.IsMention || x.Scope != IncidentScope.Single || x.ModalityClass != ModalityClass.Factual) continue;
                    if (FitsBoth(u, x, t)) Unjoin(u, x, touched, reassigned, movedEvents);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="u"/>, a report of another document that <paramref name="x"/> holds, places its attack no closer
    /// than its country (or by its day alone) and fits <paramref name="t"/> as well as the rest of <paramref name="x"/>.
    /// </summary>
    private bool FitsBoth(EventFacts u, IncidentState x, IncidentState t)
    {
        if (!Unlocated(u) || (u.Location is null && IncidentAnchors.Days(u) is null) || u.Locality is not null || _detached.Contains(u.Id)) return false;
        if (t.Events.Exists(e => e.Document == u.Document)) return false;
        var link = x.Links.FirstOrDefault(l => l.Event == u.Id);
        if (link is null || link.Reason.StartsWith(MovedByHand, StringComparison.Ordinal) || link.Reason.StartsWith("detached", StringComparison.Ordinal)) return false;
        // The attack its own report places: it stays with that one.
        if (x.Events.Exists(e => e.Document == u.Document && !Unlocated(e) && KnownPlace(e))) return false;
        var rest = x.Events.Where(e => e.Document != u.Document).ToList();
        if (rest.Count == 0 || !rest.Exists(IncidentAnchors.CanStart)) return false;
        if (IncidentMatcher.Match(u, rest) is not { Score: >= IncidentMatcher.JoinThreshold }) return false;
        if (IncidentMatcher.Match(u, t.Events, t.Traits) is not { Score: >= IncidentMatcher.JoinThreshold } fit) return false;
        // An attack of another story is a candidate only with more in common than the place.
        return fit.Score >= OtherStoryThreshold || StoryOf(u.Document) is { } story && t.Stories.Contains(story);
    }

    /// <summary>
    /// Takes <paramref name="u"/>, and the lines of its report <paramref name="x"/> holds, out into a mention of its own. When
    /// the incident was opened by <paramref name="u"/> (it bears its id), the others leave instead, into the incident their first
    /// report opens: the ids the record would have had, had the placed attacks come first.
    /// </summary>
    private void Unjoin(EventFacts u, IncidentState x, List<string> touched, HashSet<string> reassigned, HashSet<string> movedEvents)
    {
        var ownId = DocumentId.ForKey("i-", u.Id);
        var group = x.Events.Where(e => e.Document == u.Document).ToList();
        var rest = x.Events.Where(e => e.Document != u.Document).ToList();
        var undecided = new IncidentLink(u.Id, null, 0, UndecidedReason + "; it left the attack it was joined to when another of its day was placed");
        if (x.Id == ownId)
        {
            var restId = DocumentId.ForKey("i-", rest[0].Id);
            if (_incidents.TryGetValue(restId, out var taken) && taken.Events.Count > 0) return;
            var opened = Fresh(restId, StoryIdOf(rest[0].Document));
            var links = rest.ToDictionary(e => e.Id, e => x.Links.First(l => l.Event == e.Id), StringComparer.Ordinal);
            var firstReport = new IncidentLink(rest[0].Id, null, 0, IncidentAnchors.CanStart(rest[0]) ? "first report" : MentionReason(rest[0]));
            Shift(rest, x, opened, e => e.Id == rest[0].Id ? firstReport
                : links[e.Id] is { } l && group.Exists(g => g.Id == l.JoinedTo) ? l with { JoinedTo = rest[0].Id } : links[e.Id], touched, reassigned, movedEvents);
            var at = x.Links.FindIndex(l => l.Event == u.Id);
            x.Links[at] = undecided;
            foreach (var e in group) movedEvents.Add(e.Id);
            reassigned.Add(u.Document);
            return;
        }
        if (_incidents.TryGetValue(ownId, out var alone) && alone.Events.Count > 0) return;
        var mention = Fresh(ownId, StoryIdOf(u.Document));
        Shift(group, x, mention, e => e.Id == u.Id ? undecided
            : new IncidentLink(e.Id, u.Id, 0, IncidentAnchors.CanStart(e) ? UndecidedReason + "; of the same report" : "refers back within the same report"),
            touched, reassigned, movedEvents);
        // The links of those left point at another first report now: saved again.
        foreach (var e in x.Events)
        {
            movedEvents.Add(e.Id);
            reassigned.Add(e.Document);
        }
    }

    /// <summary>
    /// A mention left undecided among several attacks of its day: another report placed no closer than its country, or by
    /// no place, that joined it would be as undecided, and together they would read as one attack.
    /// </summary>
    private static bool IsUndecided(IncidentState incident) =>
        incident.IsMention && incident.Links.Exists(l => l.Reason.StartsWith(UndecidedReason, StringComparison.Ordinal));

    /// <summary>A new incident of that id (one emptied before under it is dropped).</summary>
    private IncidentState Fresh(string id, string story)
    {
        if (_incidents.Remove(id, out var empty)) _incidentOrder.Remove(empty);
        return NewIncident(id, story);
    }

    /// <summary>Moves events from one held incident into another, each with the link <paramref name="link"/> gives it.</summary>
    private void Shift(List<EventFacts> moving, IncidentState from, IncidentState to, Func<EventFacts, IncidentLink> link,
        List<string> touched, HashSet<string> reassigned, HashSet<string> movedEvents)
    {
        foreach (var m in moving)
        {
            var l = link(m);
            from.Remove(m.Id);
            _index.Refile(m, from);
            to.Add(m, l);
            _incidentOfEvent[m.Id] = to;
            _index.File(m, to);
            to.Stories.Add(StoryIdOf(m.Document));
            movedEvents.Add(m.Id);
            reassigned.Add(m.Document);
        }
        foreach (var story in from.Stories.ToList())
        {
            if (!from.Events.Exists(e => StoryIdOf(e.Document) == story)) _index.LeaveStory(from, story);
        }
        if (from.Events.Count > 0) from.Story = StoryIdOf(from.Events[0].Document);
        to.Story = StoryIdOf(to.Events[0].Document);
        _index.Touch(from);
        _index.Touch(to);
        _summaries.Remove(from.Id);
        _summaries.Remove(to.Id);
        if (!touched.Contains(from.Id)) touched.Add(from.Id);
        if (!touched.Contains(to.Id)) touched.Add(to.Id);
    }
}
