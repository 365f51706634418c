using Crosscheck.Language.Gazetteers;
using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Summarizes one incident from its events: the reports and where each traces back to, the independent-source
/// count and fatalities reconciled across sources; the discrepancies, the grade and the title come from
/// <see cref="IncidentDiscrepancies"/>, <see cref="IncidentGrade"/> and <see cref="IncidentTitle"/>.
/// </summary>
internal static class IncidentSummarizer
{
    public static (Incident Incident, ImmutableArray<Discrepancy> Discrepancies) Summarize(
        string id, string story, string? partOf, IReadOnlyList<EventFacts> events, IReadOnlyList<IncidentLink> links,
        IReadOnlyDictionary<string, DocumentFacts> documents, IReadOnlyDictionary<string, int> rank)
    {
        var byDocument = events.GroupBy(e => e.Document).OrderBy(g => rank.GetValueOrDefault(g.Key)).ToList();
        var reports = byDocument.Select(g => SourceOrigins.Report(g.Key, [.. g], documents)).ToImmutableArray();
        reports = SourceOrigins.JoinCopies(reports, documents);
        // "AP" and "The Associated Press" are one origin: the first name given stands for both.
        var origins = reports.Select(r => r.Origin).GroupBy(OriginKey, StringComparer.Ordinal).Select(g => g.First()).ToImmutableArray();

        var modality = Dominant(events);
        var scope = ScopeOf(events);
        var fatalities = Fatalities(byDocument.Select(g => (g.Key, (IReadOnlyList<EventFacts>)[.. g])).ToList(), documents, rank, scope);
        var discrepancies = IncidentDiscrepancies.Find(id, scope, byDocument, reports, fatalities, documents);
        var (grade, gradeReason) = IncidentGrade.Of(events, origins, discrepancies, documents);
        var location = Narrowest(events.Select(e => e.Location).OfType<PlaceFacts>().ToList());
        var time = events.Select(e => e.Time).OfType<TimeFacts>().OrderBy(t => t.Start is null ? 1 : 0).ThenBy(t => Narrowness(t)).FirstOrDefault();
        var incident = new Incident
        {
            Id = id,
            Story = story,
            Type = events[0].Type,
            Modality = modality,
            Scope = scope,
            Title = IncidentTitle.Of(events, modality, scope, location, time, fatalities.Record),
            Events = [.. events.Select(e => e.Id)],
            Documents = [.. byDocument.Select(g => g.Key)],
            Location = location,
            Time = time,
            Fatalities = fatalities.Record,
            Origins = origins,
            IndependentSources = origins.Length,
            Grade = grade,
            GradeReason = gradeReason,
            PartOf = partOf,
            Links = [.. links],
            Reports = reports,
        };
        return (incident, discrepancies);
    }

    /// <summary>A campaign when events reported as fact speak of many ("the 15 strikes"); plans are single.</summary>
    internal static IncidentScope ScopeOf(IReadOnlyList<EventFacts> events) =>
        events.Count > 0 && IncidentMatcher.ClassOf(events[0].Modality) == ModalityClass.Factual && events.Any(e => e.Plural)
            ? IncidentScope.Campaign : IncidentScope.Single;

    // ---- Reports and origins (SourceOrigins) ----

    /// <summary>"NBC" and "NBC News", "AP" and "The Associated Press" are one origin (<see cref="SourceOrigins.Key"/>).</summary>
    internal static string OriginKey(string name) => SourceOrigins.Key(name);

    // ---- Numbers ----

    internal sealed record FatalityResult(FatalityRecord? Record, ImmutableArray<SourceValue> Live);

    /// <summary>
    /// Each document gives one value: the largest its events of the incident state. A value is superseded by a
    /// later-published report that gives a narrower range inside it (the later, more specific count), and, for a
    /// campaign, by any later-published report with a tally at least as high (running tallies only grow). Min and max span
    /// the values not superseded. Best is the incident's latest count, the analyst's rule (Airwars, the realnews
    /// killed.best): of each live report its highest count, leaving out unconfirmed ones (a count of an event said to be
    /// possible), vague ones ("dozens") and ranges ("15 to 20"); of those, the latest day's highest, "at least N" as N
    /// (a count only rises within a day). A report day that gives only "at least" counts raises the running count and
    /// never lowers it: a floor below it agrees with it. Where no report gives such a count, best is the middle of the span.
    /// </summary>
    private static FatalityResult Fatalities(List<(string Document, IReadOnlyList<EventFacts> Events)> reports,
        IReadOnlyDictionary<string, DocumentFacts> documents, IReadOnlyDictionary<string, int> rank, IncidentScope scope)
    {
        var values = new List<(SourceValue Value, DateOnly? Published, int Rank)>();
        var counts = new Dictionary<string, (decimal Value, bool Exact)>(StringComparer.Ordinal);
        var claims = new Dictionary<string, (decimal Value, bool Exact)>(StringComparer.Ordinal);
        var leftOut = false;
        // A count placed by no more than the country ("across Ukraine, the night's barrage killed at least eight") is the
        // whole night's or the war's, not the count of the attack at one place of it that other reports count. A part of the
        // country ("a market in western Sudan", Side) places one attack's count: a later toll of it so placed is its own.
        var placedCount = scope == IncidentScope.Single && reports.Any(r => r.Events.Any(e => e.Fatalities is not null && PlacedWithin(e.Location)));
        // A campaign told as news is counted by its news: what a report recalls of it as background ("In May, an assault on
        // the town killed more than 100") is the count of another time.
        var recalled = scope == IncidentScope.Campaign && reports.Any(r => r.Events.Any(e => !IsBackground(e)));
        foreach (var (document, events) in reports)
        {
            var withCount = events.Where(e => e.Fatalities is not null && !(placedCount && e.Location is { Precision: "country", Side: null })
                && !(recalled && IsBackground(e))).ToList();
            if (withCount.Count == 0) continue;
            // In a campaign the tallies of the whole series speak for it, not a count of one of its strikes.
            var pool = scope == IncidentScope.Campaign && withCount.Any(e => e.Plural) ? withCount.Where(e => e.Plural).ToList() : withCount;
            // A report's value is the largest count it states; a side's claim larger than its other counts is listed beside it.
            static decimal Top(EventFacts e) => e.Fatalities!.Max ?? e.Fatalities.Min;
            var top = pool.OrderByDescending(Top).First();
            var own = pool.Where(e => !IsClaim(e)).OrderByDescending(Top).FirstOrDefault();
            foreach (var e in own is null || own == top ? [top] : new[] { own, top })
            {
                var f = e.Fatalities!;
                values.Add((new SourceValue(document, e.Id, f.Min, f.Max, f.Text), documents.GetValueOrDefault(document)?.Published, rank.GetValueOrDefault(document)));
            }
            var countable = pool.Where(e => IsCount(e))
                .Select(e => (Value: e.Fatalities!.Min, Exact: e.Fatalities.Max is not null, Claim: IsClaim(e)))
                .OrderByDescending(c => c.Value).ThenByDescending(c => c.Exact).ToList();
            // A side's claim ("Moscow claimed the strike killed 40 soldiers") is kept apart from the report's other counts.
            foreach (var (claim, into) in new[] { (false, counts), (true, claims) })
            {
                if (countable.Where(c => c.Claim == claim).Select(c => ((decimal, bool)?)(c.Value, c.Exact)).FirstOrDefault() is { } first) into[document] = first;
            }
            if (countable.Count < pool.Count) leftOut = true;
        }
        if (values.Count == 0)
        {
            // A single attack whose reports count the wounded, or say that no one was hurt ("no injuries were reported"), and
            // give no dead: none were killed, as ACLED codes it.
            var wounded = scope == IncidentScope.Single && reports.Any(r => r.Events.Any(e => e.Injured is { Min: > 0 } or { Min: 0, Max: 0 }));
            return new FatalityResult(wounded ? new FatalityRecord(0, 0, 0, [], NoDeadRule) : null, []);
        }
        var live = values.Where(v => !values.Any(later => Supersedes(later, v, scope))).ToList();
        var min = live.Min(v => v.Value.Min);
        var max = live.Max(v => v.Value.Top);
        // One side's claim is the figure only when no report gives another count.
        var agreed = live.Any(v => counts.ContainsKey(v.Value.Document));
        var pick = agreed ? counts : claims;
        var (best, stale) = LatestCount(live.Where(v => pick.ContainsKey(v.Value.Document)).Select(v => (v.Published, pick[v.Value.Document])));
        var rules = new List<string>();
        if (live.Count < values.Count) rules.Add("later, more specific reports supersede earlier ones");
        if (best is null) rules.Add("no report gives one count: the middle of the span");
        else
        {
            rules.Add("the highest count of the latest report day (\"at least N\" as N)");
            if (leftOut) rules.Add("unconfirmed counts, vague ones and ranges left out");
            if (agreed && live.Any(v => claims.ContainsKey(v.Value.Document))) rules.Add("one side's claims left out");
            if (stale) rules.Add("a later report repeating an earlier, passed count left out");
        }
        return new FatalityResult(new FatalityRecord(min, max, best ?? Math.Floor((min + max) / 2), [.. values.Select(v => v.Value)], string.Join("; ", rules)),
            [.. live.Select(v => v.Value)]);
    }

    /// <summary>Whether a place is narrower than a country: a city, a division, a district or a point (a sea is no narrower).</summary>
    private static bool PlacedWithin(PlaceFacts? place) => place is not null && place.Precision is not ("country" or "sea");

    /// <summary>A count best may stand on (<see cref="ArticleFigure.IsCount"/>).</summary>
    private static bool IsBackground(EventFacts e) => string.Equals(e.Salience, "background", StringComparison.Ordinal);

    private static bool IsCount(EventFacts e) => e.Fatalities is { } f && ArticleFigure.IsCount(f.Min, f.Max, e.Modality);

    /// <summary>
    /// The latest count, day by day (undated reports first): a day with an exact count sets it to that day's highest count
    /// (a count only rises within a day; a report of the same day that gives fewer dead most often counts one part of them,
    /// "two of the dead were soldiers", not a correction); a day with only "at least" counts raises it and never lowers it.
    /// A later day's count below the running one that repeats a count an earlier day already gave is stale (an outlet still
    /// printing the first figure of a rising toll: four dead, then nine, then "four" again) and is passed over, which
    /// <c>Stale</c> says; a new lower figure is the count's correction and stands.
    /// </summary>
    internal static (decimal? Count, bool Stale) LatestCount(IEnumerable<(DateOnly? Day, (decimal Value, bool Exact) Count)> counts)
    {
        decimal? running = null;
        var stale = false;
        var stated = new HashSet<decimal>();
        foreach (var day in counts.GroupBy(c => c.Day).OrderBy(g => g.Key ?? DateOnly.MinValue))
        {
            var fresh = day.Where(c => running is not { } r || c.Count.Value >= r || !stated.Contains(c.Count.Value)).ToList();
            stale |= fresh.Count < day.Count();
            foreach (var c in day) stated.Add(c.Count.Value);
            if (fresh.Count == 0) continue;
            var highest = fresh.Max(c => c.Count.Value);
            running = fresh.Any(c => c.Count.Exact) || running is null ? highest : Math.Max(running.Value, highest);
        }
        return (running, stale);
    }

    /// <summary>A count one side claims (<see cref="ArticleFigure.IsClaim"/>): by its reporting verb, or given by the event's actor.</summary>
    private static bool IsClaim(EventFacts e) =>
        ArticleFigure.IsClaim(e.Verb, ArticleFigure.ActorSpeaks(e.Actors.Select(a => (a.Text, a.EntityKey)), e.Speaker, e.SpeakerKey));

    /// <summary>The rule of a figure of none killed read from reports that count only the wounded.</summary>
    internal const string NoDeadRule = "the reports count the wounded, or no one hurt, and no dead";

    private static bool Supersedes((SourceValue Value, DateOnly? Published, int Rank) later, (SourceValue Value, DateOnly? Published, int Rank) earlier, IncidentScope scope)
    {
        if (later.Published is not { } lp || earlier.Published is not { } ep || lp <= ep) return false;
        // A campaign's running tally only grows: a later, higher count replaces an earlier one; a lower one disagrees.
        if (scope == IncidentScope.Campaign) return later.Value.Max >= earlier.Value.Max;
        if (later.Value.Max is not { } laterMax) return false;
        var earlierMax = earlier.Value.Max ?? decimal.MaxValue;
        var narrower = laterMax - later.Value.Min < earlierMax - earlier.Value.Min;
        return narrower && later.Value.Min >= earlier.Value.Min && laterMax <= earlierMax;
    }

    private static Modality Dominant(IReadOnlyList<EventFacts> events)
    {
        // Headlines and ledes say what a report is about; they count twice. Ties go to the first report.
        var scores = new Dictionary<Modality, (double Score, int First)>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var w = e.Segment is "headline" or "lede" ? 2.0 : 1.0;
            scores[e.Modality] = scores.TryGetValue(e.Modality, out var s) ? (s.Score + w, s.First) : (w, i);
        }
        return scores.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.First).First().Key;
    }

    internal static T? MostCommon<T>(IEnumerable<T> items, Func<T, string> key) where T : class =>
        items.GroupBy(key, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();

    /// <summary>
    /// The most named place, or the most named of the seas its reports name within it: "the eastern Pacific" of one
    /// report says where "the Pacific" of another was; likewise the most named place within a country that is the most named
    /// (a province or town one report gives says where "Niger" of another was). Names the gazetteer knows come before those it does not (a headline's
    /// clipped "Oddar" beside the lede's Oddar Meanchey province).
    /// </summary>
    private static PlaceFacts? Narrowest(List<PlaceFacts> places)
    {
        var known = places.Where(p => p.Country is not null || p.Latitude is not null).ToList();
        var most = MostCommon(known.Count > 0 ? known : places, p => p.Name);
        // "Niger" in a wire's report and "the Tillaberi region" in a paper's: the country says less than a place in it.
        if (most is { Precision: "country", Country: { } country })
        {
            return MostCommon(known.Where(p => p.Country == country && p.Precision is not ("country" or "sea")), p => p.Name) ?? most;
        }
        if (most is not { Precision: "sea" }) return most;
        return MostCommon(places.Where(p => p.Precision == "sea" && SeaParts.LiesWithin(p.Name, most.Name)), p => p.Name) ?? most;
    }

    private static int Narrowness(TimeFacts t) => t.Start is { } s && t.End is { } e ? e.DayNumber - s.DayNumber : int.MaxValue;
}
