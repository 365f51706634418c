using System.Collections.Immutable;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>The record as it stands: incidents summarized (a campaign with its toll series), stories, campaigns of single events.</summary>
public sealed partial class CrossDocumentLinker
{
    /// <summary>The whole record: what the linker holds and what it archived, incidents in order of first report, stories in order started.</summary>
    public CrossRecord Snapshot()
    {
        // In order of first report, so that a record reloaded from the store (where incidents are rebuilt in
        // document order) lists them as the live linker does.
        var all = new List<((int, int, string) Order, Incident Incident, ImmutableArray<Discrepancy> Discrepancies)>();
        var campaigns = new Dictionary<string, List<IncidentState>>(StringComparer.Ordinal);
        foreach (var state in _incidentOrder.Where(s => s.Events.Count > 0))
        {
            var (incident, found) = Summary(state);
            all.Add((ListKey(state), incident with { PartOf = CampaignOf(state, campaigns) }, found));
        }
        foreach (var archived in _archive?.Incidents() ?? [])
        {
            all.Add(((archived.FirstRank, archived.FirstStart, archived.Incident.Id), archived.Incident, archived.Discrepancies));
        }
        all.Sort((a, b) => ReportOrder(a.Order, b.Order));
        var stories = new List<(int Order, Story Story)>();
        foreach (var cluster in _stories.Stories) stories.Add((cluster.Order, StoryRecord(cluster)));
        foreach (var archived in _archive?.Stories() ?? []) stories.Add((archived.Order, archived.Story));
        stories.Sort((a, b) => a.Order.CompareTo(b.Order));
        return new CrossRecord([.. stories.Select(s => s.Story)], [.. all.Select(a => a.Incident)], [.. all.SelectMany(a => a.Discrepancies)]);
    }

    /// <summary>Where an incident stands in the record's lists: its first report's rank and start, then its id (as archived).</summary>
    private (int Rank, int Start, string Id) ListKey(IncidentState state)
    {
        var (rank, start, _) = FirstReport(state);
        return (rank, start, state.Id);
    }

    internal static int ReportOrder((int Rank, int Start, string Id) a, (int Rank, int Start, string Id) b)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        if (byRank != 0) return byRank;
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>A held story as a record: its incidents held and archived, mentions left out, in order of first report.</summary>
    private Story StoryRecord(StoryCluster cluster)
    {
        var ids = _index.Story(cluster.Id).Where(i => i.Events.Count > 0 && !i.IsMention).Select(i => (ListKey(i), i.Id))
            .Concat((_archivedOfStory.GetValueOrDefault(cluster.Id) ?? []).Where(a => !a.Mention).Select(a => ((a.Rank, a.Start, a.Id), a.Id)))
            .ToList();
        ids.Sort((a, b) => ReportOrder(a.Item1, b.Item1));
        return new Story(cluster.Id, StoryTitle(cluster), [.. cluster.Documents], [.. ids.Select(i => i.Id).Distinct(StringComparer.Ordinal)], cluster.First, cluster.Last);
    }

    /// <summary>Where the linker puts what it lets go (null: it holds everything).</summary>
    public ILinkArchive? Archive => _archive;

    /// <summary>An incident the linker holds, with its discrepancies, or null (it may be archived).</summary>
    public (Incident Incident, ImmutableArray<Discrepancy> Discrepancies)? HeldIncident(string id)
    {
        if (!_incidents.TryGetValue(id, out var state) || state.Events.Count == 0) return null;
        var (incident, discrepancies) = Summary(state);
        return (incident with { PartOf = CampaignOf(state, []) }, discrepancies);
    }

    /// <summary>A story the linker holds, or null (it may be archived).</summary>
    public Story? HeldStory(string id) => _stories.Cluster(id) is { } cluster ? StoryRecord(cluster) : null;

    /// <summary>The listed incidents the linker holds (mentions apart): where each stands in the record's order, in that order.</summary>
    public List<(int Rank, int Start, string Id)> HeldIncidentOrder()
    {
        var held = _incidentOrder.Where(s => s.Events.Count > 0 && !s.IsMention).Select(ListKey).ToList();
        held.Sort(ReportOrder);
        return held;
    }

    /// <summary>The listed incidents the linker holds (mentions apart) as rows, in the record's order.</summary>
    public List<IncidentRow> HeldIncidentRows()
    {
        // With its campaign, as the record has it (see Snapshot).
        var campaigns = new Dictionary<string, List<IncidentState>>(StringComparer.Ordinal);
        var rows = _incidentOrder.Where(s => s.Events.Count > 0 && !s.IsMention).Select(s =>
        {
            var (rank, start, _) = ListKey(s);
            return IncidentRow.Of(Summary(s).Incident with { PartOf = CampaignOf(s, campaigns) }, rank, start);
        }).ToList();
        rows.Sort((a, b) => ReportOrder(a.ListKey, b.ListKey));
        return rows;
    }

    /// <summary>What the linker holds counted: stories, listed incidents, mentions and discrepancies (the archive apart).</summary>
    public RecordCounts HeldCounts()
    {
        var held = _incidentOrder.Where(s => s.Events.Count > 0).ToList();
        return new RecordCounts(_stories.HeldCount, held.Count(s => !s.IsMention), held.Count(s => s.IsMention), held.Sum(DiscrepancyCount));
    }

    /// <summary>One incident as it stands, held or archived, or null.</summary>
    public Incident? IncidentById(string id) => IncidentAndDiscrepancies(id)?.Incident;

    /// <summary>One incident with its discrepancies, held or archived (one indexed read), or null.</summary>
    public (Incident Incident, ImmutableArray<Discrepancy> Discrepancies)? IncidentAndDiscrepancies(string id)
    {
        if (_incidents.TryGetValue(id, out var state) && state.Events.Count > 0)
        {
            var (incident, discrepancies) = Summary(state);
            return (incident with { PartOf = CampaignOf(state, []) }, discrepancies);
        }
        return _archive?.Incident(id) is { } archived ? (archived.Incident, archived.Discrepancies) : null;
    }

    /// <summary>One story as it stands, held or archived, or null.</summary>
    public Story? StoryById(string id) =>
        _stories.Cluster(id) is { } cluster ? StoryRecord(cluster) : _archive?.Story(id)?.Story;

    /// <summary>A page of the stories in the order they were started, held and archived, reading only that page's stories.</summary>
    public RecordPage<Story> StoryPage(int offset, int limit)
    {
        var held = _stories.Stories.Select(c => (c.Order, c.Id)).OrderBy(c => c.Order).ToList();
        var archived = _archive?.StoryOrder() ?? [];
        var ids = Merge(held, archived, (a, b) => a.Order.CompareTo(b.Order)).Skip(offset).Take(limit).Select(k => k.Id).ToList();
        var total = held.Count + (_archive?.Counts().Stories ?? 0);
        return new RecordPage<Story>([.. ids.Select(StoryById).OfType<Story>()], total, offset, limit);
    }

    /// <summary>
    /// A page of the incidents that are listed (mentions apart) in order of first report, held and archived, reading
    /// only that page's incidents.
    /// </summary>
    public RecordPage<Incident> IncidentPage(int offset, int limit)
    {
        var held = _incidentOrder.Where(s => s.Events.Count > 0 && !s.IsMention).Select(ListKey).ToList();
        held.Sort(ReportOrder);
        var archived = _archive?.ListedIncidentOrder() ?? [];
        var ids = Merge(held, archived, ReportOrder).Skip(offset).Take(limit).Select(k => k.Item3).ToList();
        var total = held.Count + (_archive?.Counts().Incidents ?? 0);
        return new RecordPage<Incident>([.. ids.Select(IncidentById).OfType<Incident>()], total, offset, limit);
    }

    /// <summary>
    /// A page of every event, in the order their documents were added, reading only the documents the page falls in
    /// (the others are skipped by their numbers of events).
    /// </summary>
    public RecordPage<EventFacts> EventPage(int offset, int limit)
    {
        var held = _documents.Values.Select(d => (Rank: _rank[d.Id], d.Id, Events: d.Events.Length)).OrderBy(d => d.Rank).ToList();
        var archived = _archive?.DocumentSizes() ?? [];
        var items = new List<EventFacts>();
        var seen = 0;
        foreach (var (_, id, count) in Merge(held, archived, (a, b) => a.Rank.CompareTo(b.Rank)))
        {
            if (items.Count < limit && seen + count > offset && Facts(id) is { } doc)
            {
                foreach (var ev in doc.Events.Skip(Math.Max(0, offset - seen)).Take(limit - items.Count)) items.Add(ev);
            }
            seen += count;
        }
        return new RecordPage<EventFacts>(items, seen, offset, limit);
    }

    /// <summary>How many stories, listed incidents, mentions and discrepancies the record has, held and archived.</summary>
    public RecordCounts Counts()
    {
        var held = _incidentOrder.Where(s => s.Events.Count > 0).ToList();
        var archived = _archive?.Counts() ?? default;
        return new RecordCounts(_stories.HeldCount + archived.Stories, held.Count(s => !s.IsMention) + archived.Incidents,
            held.Count(s => s.IsMention) + archived.Mentions, held.Sum(DiscrepancyCount) + archived.Discrepancies);
    }

    /// <summary>
    /// How many discrepancies an incident has, summarizing it only when it can have one: every kind but a claim
    /// against a denial and a party's dispute compares two documents (<see cref="IncidentDiscrepancies.Find"/>), so an
    /// incident of one document with no denial beside a claim and no dispute of its events has none.
    /// </summary>
    private int DiscrepancyCount(IncidentState state)
    {
        if (_summaries.TryGetValue(state.Id, out var cached)) return cached.Discrepancies.Length;
        return MayDiffer(state) ? Summary(state).Discrepancies.Length : 0;
    }

    private bool MayDiffer(IncidentState state)
    {
        var events = state.Events;
        var document = events[0].Document;
        bool asserted = false, denied = false;
        foreach (var e in events)
        {
            if (!string.Equals(e.Document, document, StringComparison.Ordinal)) return true;
            asserted |= e.Modality == Modality.Asserted;
            denied |= e.Modality == Modality.Denied;
        }
        if (asserted && denied) return true;
        if (!_documents.TryGetValue(document, out var doc)) return false;
        foreach (var dispute in doc.Disputes)
        {
            if (dispute.Event is { } anchor && events.Exists(e => string.Equals(e.Id, anchor, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    internal static IEnumerable<T> Merge<T>(IEnumerable<T> a, IEnumerable<T> b, Comparison<T> order)
    {
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        bool hasX = x.MoveNext(), hasY = y.MoveNext();
        while (hasX || hasY)
        {
            if (hasX && (!hasY || order(x.Current, y.Current) <= 0)) { yield return x.Current; hasX = x.MoveNext(); }
            else { yield return y.Current; hasY = y.MoveNext(); }
        }
    }

    /// <summary>The incidents a document's events sit in, in order of first report (what a document's page lists).</summary>
    public IReadOnlyList<Incident> IncidentsOfDocument(string documentId)
    {
        if (Facts(documentId) is not { } doc) return [];
        var found = new List<((int, int, string) Order, Incident Incident)>();
        foreach (var id in doc.Events.Select(e => IncidentOf(e.Id)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (_incidents.TryGetValue(id, out var state) && state.Events.Count > 0) found.Add((ListKey(state), IncidentById(id)!));
            else if (_archive?.Incident(id) is { } archived) found.Add(((archived.FirstRank, archived.FirstStart, id), archived.Incident));
        }
        found.Sort((a, b) => ReportOrder(a.Order, b.Order));
        return [.. found.Select(f => f.Incident)];
    }

    private (Incident Incident, ImmutableArray<Discrepancy> Discrepancies) Summary(IncidentState state)
    {
        if (_summaries.TryGetValue(state.Id, out var cached)) return cached;
        // Events in document order, whatever order they joined in (a merge appends a whole series).
        var events = state.Events.OrderBy(e => _rank.GetValueOrDefault(e.Document)).ThenBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var order = events.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var links = state.Links.OrderBy(l => order.GetValueOrDefault(l.Event)).ToList();
        var summary = IncidentSummarizer.Summarize(state.Id, state.Story, null, events, links, _documents, _rank);
        var incident = summary.Incident with { Mention = state.IsMention };
        if (incident.Scope == IncidentScope.Campaign && CampaignTolls.Counts(incident.Type))
        {
            // A campaign's figure is the latest credible toll of the reports that tell it, not one report's count.
            var tolls = CampaignTolls.Series(events.Select(e => e.Document), _documents);
            var latest = CampaignTolls.Fatalities(tolls);
            var time = CampaignTolls.Span(tolls)
                ?? (NewsDays(state) is { } days && (days.Start != incident.Time?.Start || days.End != incident.Time?.End) ? days : incident.Time);
            incident = incident with
            {
                Tolls = tolls,
                Fatalities = latest ?? incident.Fatalities,
                Time = time,
                // The title says the campaign's span and its latest toll; no one sea when its reports name two
                // ("the attacks in the Caribbean and the Eastern Pacific").
                Title = IncidentTitle.Of(events, incident.Modality, incident.Scope, events.Any(e => e.Spread) ? null : incident.Location, time,
                    latest ?? incident.Fatalities, latestToll: latest is not null),
            };
        }
        summary = (incident, summary.Discrepancies);
        _summaries[state.Id] = summary;
        return summary;
    }

    /// <summary>
    /// A series' days when its tolls give none: from the first to the last day its reports of news speak of (else its
    /// reports of background), not the narrowest time one report gives (kept, with its words, when it is those days).
    /// Null when that is one day.
    /// </summary>
    private static TimeFacts? NewsDays(IncidentState state) =>
        state.Traits.NewsFirst is { } first && state.Traits.NewsLast is { } last && first < last ? new TimeFacts("", first, last, "range") : null;

    /// <summary>
    /// The campaign of its story a single event of fact belongs to ("the latest" of "the 15 strikes"): the best-fitting
    /// open series of the same type, else the campaign it had when it closed (a report recalling it opened it again after
    /// its campaign closed). Worked out from the record as it stands, so it is the same however the record was built,
    /// with or without a store.
    /// </summary>
    /// <param name="campaignsByStory">Each story's series in order of first report, filled as stories are asked for.</param>
    private string? CampaignOf(IncidentState incident, Dictionary<string, List<IncidentState>> campaignsByStory)
    {
        if (incident.Closed) return incident.ClosedPartOf;
        if (incident.Events.Count == 0 || incident.Scope != IncidentScope.Single || incident.ModalityClass != ModalityClass.Factual) return null;
        IncidentState? best = null;
        var bestScore = 0.0;
        if (!campaignsByStory.TryGetValue(incident.Story, out var campaigns))
        {
            campaignsByStory[incident.Story] = campaigns = [.. _index.Story(incident.Story)
                .Where(other => other.Events.Count > 0 && !other.Closed && other.Scope == IncidentScope.Campaign && other.ModalityClass == ModalityClass.Factual)
                .OrderBy(FirstReport)];
        }
        foreach (var other in campaigns)
        {
            if (other == incident || other.Type != incident.Type) continue;
            // A single attack is at one place: one its reports place in a country the series does not involve is no part of
            // it, even through a line of its report with no place ("The Pakistani Taliban claimed the attack").
            if (incident.Events.Any(e => IncidentMatcher.OutsideSeries(e, other.Traits))
                && !incident.Events.Any(e => e.Location?.Country is { } c && other.Traits.Involved.Contains(c))) continue;
            foreach (var ev in incident.Events)
            {
                var match = IncidentMatcher.Match(ev with { Single = false, Plural = true }, other.Events, other.Traits, asPart: true);
                if (match is { } m && m.Score > bestScore) { best = other; bestScore = m.Score; }
            }
        }
        return best?.Id ?? incident.ClosedPartOf;
    }
}
