using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Where the linker finds the incidents an event may join: the incidents of its story and those filed under its type
/// and place (so that one event reported in two stories is still one incident), each list kept in order of the
/// incidents' latest report, then id. The order depends on the incidents as they stand, never on the order changes
/// reached them, so an index rebuilt from the store equals the one built live; only the latest few of a list are
/// candidates, which bounds the work per event however large the record grows. An incident no longer reported (see
/// <see cref="CrossDocumentLinker.QuietDays"/>) is never a candidate, so the linker can hand it to the store.
/// </summary>
internal sealed class IncidentIndex(Func<IncidentState, int> lastRank, Func<IncidentState, bool> reported)
{
    /// <summary>How many incidents filed under an event's place are candidates.</summary>
    private const int PlaceCandidates = 32;
    /// <summary>How many incidents a place list keeps (the oldest fall out).</summary>
    private const int PlaceListLimit = 4 * PlaceCandidates;

    /// <summary>
    /// How many incidents of its story an event is compared with: those most recently reported (older ones are still
    /// found through their place). Bounds the work per event in a story of thousands of incidents.
    /// </summary>
    internal const int StoryCandidates = 256;

    private readonly Dictionary<string, List<IncidentState>> _byStory = new(StringComparer.Ordinal);
    private readonly Dictionary<(PloverType, string), List<IncidentState>> _byPlace = new();

    /// <summary>The incidents with a report in the story, latest report last.</summary>
    public List<IncidentState> Story(string story)
    {
        if (!_byStory.TryGetValue(story, out var list)) _byStory[story] = list = [];
        return list;
    }

    /// <summary>
    /// Puts an incident where it belongs in the list of each story it has reports in (<see cref="IncidentState.Stories"/>),
    /// after its reports changed.
    /// </summary>
    public void Touch(IncidentState incident)
    {
        foreach (var story in incident.Stories)
        {
            var list = Story(story);
            var at = list.LastIndexOf(incident);
            if (at >= 0) list.RemoveAt(at);
            Insert(list, incident);
        }
    }

    /// <summary>The incident no longer has a report in the story.</summary>
    public void LeaveStory(IncidentState incident, string story)
    {
        incident.Stories.Remove(story);
        if (_byStory.TryGetValue(story, out var list)) list.Remove(incident);
    }

    /// <summary>A story left memory: its list goes, and its incidents still held no longer stand in it.</summary>
    public void DropStory(string story)
    {
        if (!_byStory.Remove(story, out var list)) return;
        foreach (var incident in list) incident.Stories.Remove(story);
    }

    /// <summary>Files the incident under the event's type and place (moving it to where its latest report puts it).</summary>
    public void File(EventFacts ev, IncidentState incident)
    {
        foreach (var key in IncidentTraits.PlaceKeys(ev)) File(ev.Type, key, incident);
    }

    private void File(PloverType type, string key, IncidentState incident)
    {
        if (!_byPlace.TryGetValue((type, key), out var list)) _byPlace[(type, key)] = list = [];
        list.Remove(incident);
        Insert(list, incident);
        if (list.Count > PlaceListLimit) list.RemoveAt(0);
    }

    /// <summary>Takes the incident out from under the event's place.</summary>
    public void Unfile(EventFacts ev, IncidentState incident)
    {
        foreach (var key in IncidentTraits.PlaceKeys(ev)) Unfile(ev.Type, key, incident);
    }

    private void Unfile(PloverType type, string key, IncidentState incident)
    {
        if (_byPlace.TryGetValue((type, key), out var list)) list.Remove(incident);
    }

    /// <summary>After a report left the incident: it stays under each of the report's places only while another report is there.</summary>
    public void Refile(EventFacts left, IncidentState incident)
    {
        foreach (var key in IncidentTraits.PlaceKeys(left))
        {
            if (HasPlace(incident, left.Type, key)) File(left.Type, key, incident);
            else Unfile(left.Type, key, incident);
        }
    }

    /// <summary>The story's latest incidents, then the latest filed under the event's place, each once.</summary>
    public IEnumerable<(IncidentState Incident, bool OtherStory)> Candidates(EventFacts ev, List<IncidentState> storyIncidents)
    {
        var seen = new HashSet<IncidentState>(ReferenceEqualityComparer.Instance);
        foreach (var i in Recent(storyIncidents))
        {
            if (seen.Add(i)) yield return (i, false);
        }
        foreach (var key in IncidentTraits.PlaceKeys(ev))
        {
            if (!_byPlace.TryGetValue((ev.Type, key), out var list)) continue;
            var taken = 0;
            for (var i = list.Count - 1; i >= 0 && taken < PlaceCandidates; i--)
            {
                if (!HasPlace(list[i], ev.Type, key) || !reported(list[i])) continue;
                taken++;
                if (seen.Add(list[i])) yield return (list[i], true);
            }
        }
    }

    /// <summary>The story's incidents most recently reported and still reported, latest first.</summary>
    public IEnumerable<IncidentState> Recent(List<IncidentState> storyIncidents)
    {
        var taken = 0;
        for (var i = storyIncidents.Count - 1; i >= 0 && taken < StoryCandidates; i--)
        {
            if (storyIncidents[i].Events.Count == 0 || !reported(storyIncidents[i])) continue;
            taken++;
            yield return storyIncidents[i];
        }
    }

    private static bool HasPlace(IncidentState incident, PloverType type, string key) =>
        incident.Events.Count > 0 && incident.Type == type && incident.Traits.Places.GetValueOrDefault(key) > 0;

    private void Insert(List<IncidentState> list, IncidentState incident)
    {
        var at = list.Count;
        while (at > 0 && CompareRecency(list[at - 1], incident) > 0) at--;
        list.Insert(at, incident);
    }

    private int CompareRecency(IncidentState a, IncidentState b)
    {
        var byRank = lastRank(a).CompareTo(lastRank(b));
        return byRank != 0 ? byRank : string.CompareOrdinal(a.Id, b.Id);
    }
}
