using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// The incident-level figures of <c>crosscheck eval realnews</c>: the record that <c>ingest</c> builds from one
/// split (<see cref="RealnewsRecord"/>) against the gold's incidents, episode tolls, wire groups and disputes. The
/// definitions are printed in the header (<see cref="RealnewsIncidentPrint"/>) and in README's realnews section.
/// </summary>
internal static class RealnewsIncidentEval
{
    /// <summary>One gold incident reported as news: the record incidents matching it, those holding its reports' events, the one whose killed is read.</summary>
    internal sealed record GoldOutcome(RealnewsGold.Incident Gold, List<Incident> Matched, List<Incident> Holding, Incident? Chosen)
    {
        public bool Found => Matched.Count > 0;
        public decimal? Killed => Chosen?.Fatalities?.Best;
        public bool KilledExact => Gold.KilledBest is { } best && Killed == best;
    }

    /// <summary>A record incident: whether it is counted (and why not), the gold incidents it matches and those its events report.</summary>
    internal sealed record PredictedOutcome(Incident Incident, string? NotCounted, List<string> Matches, List<string> From)
    {
        public bool Counted => NotCounted is null;
        public bool Mixed => From.Count >= 2;
    }

    internal sealed record EpisodeOutcome(string Episode, DateOnly AsOf, List<RealnewsGold.Statement> Gold, Incident? Campaign)
    {
        public decimal? Value => Campaign?.Fatalities?.Best;
        public bool Right => Value is { } v && Gold.Any(s => RealnewsEval.SameFigure(TollMeasure.Killed, v, v, s));
    }

    internal sealed record WireOutcome(RealnewsGold.WireGroup Group, List<string> Members, string? Origin)
    {
        public bool Traced => Origin is not null;
        public bool Reprint => Group.Kind.StartsWith("reprint", StringComparison.Ordinal);
    }

    internal sealed record DisputeOutcome(RealnewsGold.Dispute Dispute, List<Incident> Incidents, string? How)
    {
        public bool Found => How is not null;
    }

    /// <summary>A discrepancy of the record and what the gold says of it: supported, rising toll, wrong merge, or not supported.</summary>
    internal sealed record DiscrepancyOutcome(Discrepancy Discrepancy, string Verdict);

    internal sealed record Report(List<GoldOutcome> Gold, List<PredictedOutcome> Predicted, List<EpisodeOutcome> Episodes, List<WireOutcome> Wires,
        List<DisputeOutcome> Disputes, List<DiscrepancyOutcome> Discrepancies);

    public const string Supported = "supported", RisingToll = "rising toll", WrongMerge = "wrong merge", NotSupported = "not supported";

    public static Report Score(RealnewsGold.Gold gold, string split, RealnewsRecord.View view, RealnewsPlaces places)
    {
        bool InSplit(string s) => split == "all" || s == split;
        var articles = gold.Articles.Where(a => InSplit(a.Split)).ToList();
        var news = gold.Incidents.Values.Where(i => i.News && InSplit(i.Split)).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var owner = Attribution(articles, gold, view);
        var predicted = new List<PredictedOutcome>();
        foreach (var p in view.Record.Incidents)
        {
            var matches = news.Where(g => Matches(p, g, places)).Select(g => g.Id).ToList();
            var from = p.Events.Select(owner.GetValueOrDefault).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            predicted.Add(new PredictedOutcome(p, WhyNotCounted(p, view), matches, from));
        }
        var counted = predicted.Where(p => p.Counted).ToList();
        var goldOutcomes = new List<GoldOutcome>();
        foreach (var g in news)
        {
            var matched = counted.Where(p => p.Matches.Contains(g.Id)).Select(p => p.Incident).ToList();
            var holding = counted.Where(p => p.From.Contains(g.Id)).Select(p => p.Incident).ToList();
            // The incident whose killed is read: of those matching, the one holding most of the gold incident's events.
            var chosen = matched.OrderByDescending(p => p.Events.Count(e => owner.GetValueOrDefault(e) == g.Id)).ThenByDescending(p => p.Documents.Length).FirstOrDefault();
            goldOutcomes.Add(new GoldOutcome(g, matched, holding, chosen));
        }
        var campaigns = Campaigns(articles, view);
        var episodes = Episodes(articles, campaigns);
        var disputes = Disputes(gold, split, goldOutcomes, campaigns, view);
        var discrepancies = view.Record.Discrepancies.Select(d => new DiscrepancyOutcome(d, Verdict(d, gold, split, articles, predicted, campaigns, view))).ToList();
        return new Report(goldOutcomes, predicted, episodes, Wires(gold, articles, view), disputes, discrepancies);
    }

    /// <summary>Null when the incident counts for precision: an asserted ASSAULT, a single event, not a mention (the record's own mark), not only background.</summary>
    internal static string? WhyNotCounted(Incident p, RealnewsRecord.View view)
    {
        if (p.Type != PloverType.Assault) return "not an attack";
        if (p.Modality != Modality.Asserted) return "not asserted";
        if (p.Scope == IncidentScope.Campaign) return "campaign";
        if (p.Mention) return "a mention";
        if (p.Events.All(e => view.Events.GetValueOrDefault(e)?.Salience == "background")) return "background only";
        return null;
    }

    /// <summary>
    /// The record incident's day: its time (start to end) when it spans at most 3 days and overlaps the gold date
    /// ±1 day, or lies inside it when longer; and its place agrees (<see cref="RealnewsPlaces"/>).
    /// </summary>
    internal static bool Matches(Incident p, RealnewsGold.Incident g, RealnewsPlaces places) => DayAgrees(p.Time, g) && places.Agrees(p.Location, places.AreaOf(g));

    internal static bool DayAgrees(TimeFacts? time, RealnewsGold.Incident g)
    {
        if (time is not { Start: { } s, End: { } e }) return false;
        DateOnly from = g.Start.AddDays(-1), to = g.End.AddDays(1);
        return e.DayNumber - s.DayNumber <= 2 ? s <= to && e >= from : s >= from && e <= to;
    }

    /// <summary>
    /// The gold incident each of the record's events reports: the article's main (news) asserted ASSAULT events are
    /// given to its reported incidents by <see cref="RealnewsMatch.OwnerOf"/>, as the event-level figures do.
    /// </summary>
    internal static Dictionary<string, string> Attribution(List<RealnewsGold.Article> articles, RealnewsGold.Gold gold, RealnewsRecord.View view)
    {
        var byDocument = view.Events.Values.GroupBy(e => e.Document).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            if (!view.DocumentOfFile.TryGetValue(a.File, out var doc) || !byDocument.TryGetValue(doc, out var events)) continue;
            var reported = a.Reports.Select(id => gold.Incidents.GetValueOrDefault(id)).OfType<RealnewsGold.Incident>().ToList();
            foreach (var e in events.Where(e => e.Salience != "background").OrderBy(e => e.Start))
            {
                if (owner.ContainsKey(e.Id)) continue;
                if (RealnewsMatch.OwnerOf(RealnewsMatch.Anchor.Of(e), reported, useDate: true) is { News: true } g) owner[e.Id] = g.Id;
            }
        }
        return owner;
    }

    /// <summary>
    /// Each gold episode's campaign in the record: of the asserted ASSAULT campaigns (series), the one with most
    /// documents among the split's articles about that episode (then the most documents, then the first).
    /// </summary>
    internal static Dictionary<string, Incident> Campaigns(List<RealnewsGold.Article> articles, RealnewsRecord.View view)
    {
        var result = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var series = view.Record.Incidents.Where(p => p.Scope == IncidentScope.Campaign && p.Type == PloverType.Assault && p.Modality == Modality.Asserted).ToList();
        foreach (var episode in articles.SelectMany(a => a.Episodes).Distinct().Order(StringComparer.Ordinal))
        {
            var docs = articles.Where(a => a.Episodes.Contains(episode)).Select(a => view.DocumentOfFile.GetValueOrDefault(a.File)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var best = series.Select(p => (p, n: p.Documents.Count(docs.Contains))).Where(x => x.n > 0)
                .OrderByDescending(x => x.n).ThenByDescending(x => x.p.Documents.Length).Select(x => x.p).FirstOrDefault();
            if (best is not null) result[episode] = best;
        }
        return result;
    }

    /// <summary>
    /// The gold's latest killed toll per episode: of the split's episode statements (not "possible", "dozens", ranges or
    /// increments) those with the latest as-of day, the whole's (side ALL) when that day has one, else every side's.
    /// </summary>
    private static List<EpisodeOutcome> Episodes(List<RealnewsGold.Article> articles, Dictionary<string, Incident> campaigns)
    {
        var statements = articles.SelectMany(a => a.Tolls).Where(t => t.Episode && t.Measure == "killed" && t.AsOf is not null
            && t.Qualifier is not ("possible" or "dozens" or "range" or "+"));
        var result = new List<EpisodeOutcome>();
        foreach (var group in statements.GroupBy(t => RealnewsGold.ScopeId(t.Scope)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = group.Max(t => t.AsOf!.Value);
            var day = group.Where(t => t.AsOf == latest).ToList();
            var whole = day.Where(t => t.Side == "ALL").ToList();
            result.Add(new EpisodeOutcome(group.Key, latest, whole.Count > 0 ? whole : day, campaigns.GetValueOrDefault(group.Key)));
        }
        return result;
    }

    /// <summary>
    /// Gold wire groups with two or more members in the split: traced when every member's document is one document, or
    /// some origin (compared without case and a leading "the") is the origin of a report of each member in the record.
    /// </summary>
    private static List<WireOutcome> Wires(RealnewsGold.Gold gold, List<RealnewsGold.Article> articles, RealnewsRecord.View view)
    {
        var files = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var origins = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var report in view.Record.Incidents.SelectMany(p => p.Reports))
        {
            if (!origins.TryGetValue(report.Document, out var set)) origins[report.Document] = set = new(StringComparer.Ordinal);
            set.Add(OriginKey(report.Origin));
        }
        var result = new List<WireOutcome>();
        foreach (var group in gold.WireGroups)
        {
            var members = group.Members.Where(files.Contains).ToList();
            if (members.Count < 2) continue;
            var docs = members.Select(m => view.DocumentOfFile.GetValueOrDefault(m) ?? "").ToList();
            string? origin = null;
            if (docs.All(d => d.Length > 0 && d == docs[0])) origin = "one document";
            else
            {
                var common = docs.Select(d => origins.GetValueOrDefault(d) ?? []).Aggregate((IEnumerable<string>?)null, (acc, s) => acc is null ? s : acc.Intersect(s));
                origin = common?.Order(StringComparer.Ordinal).FirstOrDefault();
            }
            result.Add(new WireOutcome(group, members, origin));
        }
        return result;
    }

    internal static string OriginKey(string origin)
    {
        var key = origin.Trim().ToLowerInvariant();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    /// <summary>
    /// The discrepancy kinds that would surface a gold dispute: killed, injured or casualty fields as fatalities;
    /// attacker or responsibility as actor; a date or time as date; a place as location; a denial as modality; a denial,
    /// blame, an attribution or who the victims or the target were as a dispute.
    /// </summary>
    internal static HashSet<DiscrepancyKind> KindsFor(RealnewsGold.Dispute d)
    {
        var kinds = new HashSet<DiscrepancyKind>();
        var field = d.Field.ToLowerInvariant();
        if (field.Contains("killed", StringComparison.Ordinal) || field.Contains("injured", StringComparison.Ordinal) || field.Contains("casualties", StringComparison.Ordinal)) kinds.Add(DiscrepancyKind.Fatalities);
        if (field.Contains("attacker", StringComparison.Ordinal) || field.Contains("responsibility", StringComparison.Ordinal)) kinds.Add(DiscrepancyKind.Actor);
        if (field.Contains("date", StringComparison.Ordinal) || field.Contains("time", StringComparison.Ordinal)) kinds.Add(DiscrepancyKind.Date);
        if (field.Contains("place", StringComparison.Ordinal)) kinds.Add(DiscrepancyKind.Location);
        if (d.Kind.Contains("denial", StringComparison.OrdinalIgnoreCase)) kinds.Add(DiscrepancyKind.Modality);
        // A party's dispute of the facts (a denial, blame, who the victims or the target were) is what a dispute reads.
        var kind = d.Kind.ToLowerInvariant();
        if (kind.Contains("denial", StringComparison.Ordinal) || kind.Contains("blame", StringComparison.Ordinal) || kind.Contains("description", StringComparison.Ordinal)
            || kind.Contains("attribution", StringComparison.Ordinal) || field.Contains("victim", StringComparison.Ordinal) || field.Contains("target", StringComparison.Ordinal)
            || field.Contains("attacker", StringComparison.Ordinal) || field.Contains("responsibility", StringComparison.Ordinal)) kinds.Add(DiscrepancyKind.Dispute);
        return kinds;
    }

    /// <summary>
    /// Gold disputes scored in the split: found when a record incident it concerns (those holding the gold incident's
    /// events, or the episode's campaign) is graded contested or has a discrepancy of a matching kind.
    /// </summary>
    private static List<DisputeOutcome> Disputes(RealnewsGold.Gold gold, string split, List<GoldOutcome> outcomes, Dictionary<string, Incident> campaigns, RealnewsRecord.View view)
    {
        var result = new List<DisputeOutcome>();
        foreach (var d in gold.Disputes.Where(d => d.ScoredIn.Contains(split)))
        {
            var concerned = d.OnEpisode
                ? campaigns.TryGetValue(d.Target, out var c) ? [c] : []
                : outcomes.FirstOrDefault(o => o.Gold.Id == d.Target)?.Holding ?? [];
            var kinds = KindsFor(d);
            string? how = null;
            foreach (var p in concerned)
            {
                if (p.Grade == Grade.Contested) { how = $"{p.Id} contested"; break; }
                if (view.Record.Discrepancies.FirstOrDefault(x => x.Incident == p.Id && kinds.Contains(x.Kind)) is { } x) { how = $"{p.Id} {DiscrepancyKinds.Name(x.Kind)}"; break; }
            }
            result.Add(new DisputeOutcome(d, concerned, how));
        }
        return result;
    }

    /// <summary>
    /// Supported: the gold has a dispute scored in the split, of a matching kind, about a gold incident the incident's
    /// events report (or the episode its campaign stands for), two of whose sides the discrepancy's articles state with
    /// values that differ (the discrepancy's values from each side's files). Otherwise a wrong merge when the incident's events
    /// report two or more gold incidents; a rising toll when it is about fatalities and the gold's killed figures for
    /// that incident (or episode) in the discrepancy's articles never fall from one as-of day to a later one; else not supported.
    /// </summary>
    private static string Verdict(Discrepancy d, RealnewsGold.Gold gold, string split, List<RealnewsGold.Article> articles, List<PredictedOutcome> predicted,
        Dictionary<string, Incident> campaigns, RealnewsRecord.View view)
    {
        var p = predicted.FirstOrDefault(x => x.Incident.Id == d.Incident);
        var targets = new HashSet<string>(p?.From ?? [], StringComparer.Ordinal);
        foreach (var (episode, campaign) in campaigns) if (campaign.Id == d.Incident) targets.Add(episode);
        var docs = d.Values.Select(v => v.Document).ToHashSet(StringComparer.Ordinal);
        // The discrepancy's values from the articles of each side of the dispute: two sides with values that differ make it the gold's dispute.
        bool TwoSides(RealnewsGold.Dispute x)
        {
            var stated = x.Sides.Select(side => side.Files.Select(f => view.DocumentOfFile.GetValueOrDefault(f)).OfType<string>().ToHashSet(StringComparer.Ordinal))
                .Select(sideDocs => d.Values.Where(v => sideDocs.Contains(v.Document)).Select(v => v.Value).ToHashSet(StringComparer.Ordinal))
                .Where(values => values.Count > 0).ToList();
            return stated.Any(a => stated.Any(b => !a.SetEquals(b)));
        }
        // A dispute read from one article is the gold's when that article is one of the dispute's sides.
        bool OneSide(RealnewsGold.Dispute x) => x.Sides.SelectMany(side => side.Files).Select(f => view.DocumentOfFile.GetValueOrDefault(f)).OfType<string>().Any(docs.Contains);
        if (gold.Disputes.Any(x => x.ScoredIn.Contains(split) && targets.Contains(x.Target) && KindsFor(x).Contains(d.Kind)
            && (d.Kind == DiscrepancyKind.Dispute ? OneSide(x) : TwoSides(x)))) return Supported;
        if (p is { Mixed: true }) return WrongMerge;
        if (d.Kind != DiscrepancyKind.Fatalities || targets.Count == 0) return NotSupported;
        var figures = articles.Where(a => view.DocumentOfFile.TryGetValue(a.File, out var doc) && docs.Contains(doc))
            .SelectMany(a => a.Tolls).Where(t => t.Measure == "killed" && t.AsOf is not null && t.Incidents.Count <= 1 && targets.Contains(RealnewsGold.ScopeId(t.Scope))
                && t.Qualifier is not ("possible" or "dozens" or "range" or "+"))
            .GroupBy(t => t.AsOf!.Value).OrderBy(g => g.Key).Select(g => g.Max(t => t.Max)).ToList();
        var rising = figures.Count >= 2 && figures.Zip(figures.Skip(1)).All(x => x.Second >= x.First);
        return rising ? RisingToll : NotSupported;
    }
}
