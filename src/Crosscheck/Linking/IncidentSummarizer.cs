using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Summarizes one incident from its events: the reports and where each traces back to, the independent-source
/// count, fatalities reconciled across sources, the discrepancies between reports, and the grade.
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
        var discrepancies = Discrepancies(id, scope, byDocument, reports, fatalities, documents, rank);
        var (grade, gradeReason) = GradeOf(events, origins.Length, discrepancies);
        var incident = new Incident
        {
            Id = id,
            Story = story,
            Type = events[0].Type,
            Modality = modality,
            Scope = scope,
            Title = Title(events, modality, scope),
            Events = [.. events.Select(e => e.Id)],
            Documents = [.. byDocument.Select(g => g.Key)],
            Location = MostCommon(events.Select(e => e.Location).OfType<PlaceFacts>(), p => p.Name),
            Time = events.Select(e => e.Time).OfType<TimeFacts>().OrderBy(t => t.Start is null ? 1 : 0).ThenBy(t => Narrowness(t)).FirstOrDefault(),
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

    private sealed record FatalityResult(FatalityRecord? Record, ImmutableArray<SourceValue> Live);

    /// <summary>
    /// Each document gives one value: the largest its events of the incident state. A value is superseded by a
    /// later-published report that gives a narrower range inside it (the later, more specific count), and, for a
    /// campaign, by any later-published report with a tally at least as high (running tallies only grow). Min and max span the values not
    /// superseded; best is the latest of them that is exact, or the middle of the span.
    /// </summary>
    private static FatalityResult Fatalities(List<(string Document, IReadOnlyList<EventFacts> Events)> reports,
        IReadOnlyDictionary<string, DocumentFacts> documents, IReadOnlyDictionary<string, int> rank, IncidentScope scope)
    {
        var values = new List<(SourceValue Value, DateOnly? Published, int Rank)>();
        foreach (var (document, events) in reports)
        {
            var withCount = events.Where(e => e.Fatalities is not null).ToList();
            if (withCount.Count == 0) continue;
            // In a campaign the tallies of the whole series speak for it, not a count of one of its strikes.
            var pool = scope == IncidentScope.Campaign && withCount.Any(e => e.Plural) ? withCount.Where(e => e.Plural).ToList() : withCount;
            var top = pool.OrderByDescending(e => e.Fatalities!.Max ?? e.Fatalities.Min).First();
            var f = top.Fatalities!;
            values.Add((new SourceValue(document, top.Id, f.Min, f.Max, f.Text), documents.GetValueOrDefault(document)?.Published, rank.GetValueOrDefault(document)));
        }
        if (values.Count == 0) return new FatalityResult(null, []);
        var live = values.Where(v => !values.Any(later => Supersedes(later, v, scope))).ToList();
        var min = live.Min(v => v.Value.Min);
        var max = live.Max(v => v.Value.Top);
        var latestExact = live.Where(v => v.Value.Min == v.Value.Max).OrderByDescending(v => v.Published ?? DateOnly.MinValue).ThenByDescending(v => v.Rank).FirstOrDefault();
        var best = latestExact.Value is not null ? latestExact.Value.Top : Math.Floor((min + max) / 2);
        var rule = live.Count < values.Count ? "later, more specific reports supersede earlier ones" : "every source's value counts";
        return new FatalityResult(new FatalityRecord(min, max, best, [.. values.Select(v => v.Value)], rule), [.. live.Select(v => v.Value)]);
    }

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

    // ---- Discrepancies ----

    private static ImmutableArray<Discrepancy> Discrepancies(string incident, IncidentScope scope,
        List<IGrouping<string, EventFacts>> byDocument, ImmutableArray<SourceReport> reports, FatalityResult fatalities,
        IReadOnlyDictionary<string, DocumentFacts> documents, IReadOnlyDictionary<string, int> rank)
    {
        var found = ImmutableArray.CreateBuilder<Discrepancy>();
        if (byDocument.Count < 2) return found.ToImmutable();

        void Add(DiscrepancyKind kind, IEnumerable<DiscrepancyValue> values, string note)
        {
            var list = values.ToImmutableArray();
            var key = string.Join('|', list.Select(v => v.Document + ":" + v.Value));
            found.Add(new Discrepancy(DocumentId.ForKey("x-", incident + "|" + DiscrepancyKinds.Name(kind) + "|" + key), incident, kind, list, note));
        }

        // Fatalities: ranges that do not overlap, among values not superseded.
        if (fatalities.Live.Length > 1 && !Overlap(fatalities.Live.Select(v => (v.Min, v.Max ?? decimal.MaxValue))))
        {
            Add(DiscrepancyKind.Fatalities, fatalities.Live.Select(v => new DiscrepancyValue(v.Max is { } m ? Range(v.Min, m) : v.Min.ToString(CultureInfo.InvariantCulture) + "+", v.Document, v.Event, v.Text)),
                "the reports give fatality counts that cannot all be true");
        }

        // Counts ("the 15 strikes" against "14 strikes") from reports of the same day or undated.
        var counts = byDocument.Select(g => g.FirstOrDefault(e => e.Count is not null)).OfType<EventFacts>().ToList();
        if (counts.Select(e => e.Document).Distinct().Count() > 1 && !Overlap(counts.Select(e => (e.Count!.Min, e.Count.Max ?? e.Count.Min)))
            && counts.Select(e => documents.GetValueOrDefault(e.Document)?.Published).Distinct().Count() == 1)
        {
            Add(DiscrepancyKind.Count, counts.Select(e => new DiscrepancyValue(Range(e.Count!.Min, e.Count.Max ?? e.Count.Min), e.Document, e.Id, e.Count.Text)),
                "the reports count the events differently");
        }

        // Dates: resolved times of single events that cannot overlap. Unresolved words ("at the time") are never compared.
        if (scope == IncidentScope.Single)
        {
            var dated = byDocument.Select(g => g.FirstOrDefault(e => e.Time is { Start: not null, End: not null })).OfType<EventFacts>().ToList();
            if (dated.Select(e => e.Document).Distinct().Count() > 1 && !Overlap(dated.Select(e => ((decimal)e.Time!.Start!.Value.DayNumber, (decimal)e.Time.End!.Value.DayNumber))))
            {
                Add(DiscrepancyKind.Date, dated.Select(e => new DiscrepancyValue(DateRange(e.Time!), e.Document, e.Id, e.Time!.Text)),
                    "the reports date it differently");
            }

            // Places: different countries, or different named places of point precision.
            var placed = byDocument.Select(g => g.FirstOrDefault(e => e.Location is not null)).OfType<EventFacts>().ToList();
            var countries = placed.Where(e => e.Location!.Country is not null).Select(e => e.Location!.Country).Distinct().Count();
            if (placed.Select(e => e.Document).Distinct().Count() > 1 && countries > 1)
            {
                Add(DiscrepancyKind.Location, placed.Select(e => new DiscrepancyValue(e.Location!.Name, e.Document, e.Id, e.Location.Text)),
                    "the reports place it differently");
            }
        }

        // Actors: reports that name sides from different countries for the same event.
        var sides = byDocument.Select(g => (Document: g.Key, Event: g.FirstOrDefault(e => e.Actors.Any(a => a.Country is not null))))
            .Where(x => x.Event is not null).ToList();
        if (sides.Count > 1)
        {
            var sets = sides.Select(s => s.Event!.Actors.Select(a => a.Country).OfType<string>().ToHashSet()).ToList();
            var disjoint = false;
            for (var i = 0; i < sets.Count && !disjoint; i++)
                for (var j = i + 1; j < sets.Count && !disjoint; j++)
                    disjoint = !sets[i].Overlaps(sets[j]);
            if (disjoint)
            {
                Add(DiscrepancyKind.Actor, sides.Select(s => new DiscrepancyValue(s.Event!.Actors.First(a => a.Country is not null).Text, s.Document, s.Event.Id, s.Event.Actors.First(a => a.Country is not null).Text)),
                    "the reports name different parties as responsible");
            }
        }

        // Modality: one report states as fact what another denies or says did not happen.
        var stances = byDocument.Select(g => (Document: g.Key, Event: g.OrderBy(e => e.Modality is Modality.Denied or Modality.Negated ? 0 : 1).First())).ToList();
        var asserted = stances.Where(s => s.Event.Modality == Modality.Asserted).ToList();
        var denied = stances.Where(s => s.Event.Modality == Modality.Denied).ToList();
        if (asserted.Count > 0 && denied.Count > 0)
        {
            Add(DiscrepancyKind.Modality, asserted.Concat(denied).Select(s => new DiscrepancyValue(Modalities.Name(s.Event.Modality), s.Document, s.Event.Id, s.Event.Evidence)),
                "one report states it as fact, another reports a denial");
        }

        // Source counts: reports of one origin that say different numbers of sources stand behind it.
        foreach (var group in reports.Where(r => r.SourceCount is not null).GroupBy(r => OriginKey(r.Origin)))
        {
            var list = group.ToList();
            if (list.Select(r => r.Document).Distinct().Count() > 1 && list.Select(r => r.SourceCount).Distinct().Count() > 1)
            {
                Add(DiscrepancyKind.SourceCount, list.Select(r => new DiscrepancyValue(r.SourceCount!.Value.ToString(CultureInfo.InvariantCulture), r.Document, null, r.SourceCountText ?? "")),
                    $"reports tracing back to {list[0].Origin} give different numbers of sources");
            }
        }

        // Titles: one person given offices that are not the same office and not both known to be theirs.
        var involved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in byDocument)
        {
            foreach (var e in g)
            {
                foreach (var a in e.Actors) if (a.EntityKey is { } k) involved.Add(k);
                if (e.SpeakerKey is { } s) involved.Add(s);
            }
        }
        var titlesByPerson = new Dictionary<string, List<(string Document, PersonTitles Person)>>(StringComparer.Ordinal);
        foreach (var g in byDocument)
        {
            if (documents.GetValueOrDefault(g.Key) is not { } doc) continue;
            foreach (var p in doc.People)
            {
                if (!involved.Contains(p.Key)) continue;
                if (!titlesByPerson.TryGetValue(p.Key, out var list)) titlesByPerson[p.Key] = list = [];
                list.Add((g.Key, p));
            }
        }
        foreach (var (_, list) in titlesByPerson.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (list.Count < 2) continue;
            var conflict = false;
            for (var i = 0; i < list.Count && !conflict; i++)
                for (var j = i + 1; j < list.Count && !conflict; j++)
                    foreach (var ta in list[i].Person.Titles)
                        foreach (var tb in list[j].Person.Titles)
                            if (!TitlesAgree(ta, tb, list[i].Person.KnownTitles.AddRange(list[j].Person.KnownTitles))) conflict = true;
            if (conflict)
            {
                Add(DiscrepancyKind.Title, list.Select(x => new DiscrepancyValue(string.Join("; ", x.Person.Titles), x.Document, null, x.Person.Name, x.Person.Start, x.Person.End)),
                    $"the reports give {list[0].Person.Name} different offices");
            }
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// Two titles of one person agree when they are the same office, one is the other without its country
    /// ("President", "President of Mexico"), or a gazetteer lists both for that person (an office renamed:
    /// "Secretary of Defense" and "Secretary of War").
    /// </summary>
    internal static bool TitlesAgree(string a, string b, ImmutableArray<string> known)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        if (a.StartsWith(b + " ", StringComparison.OrdinalIgnoreCase) || b.StartsWith(a + " ", StringComparison.OrdinalIgnoreCase)) return true;
        static string Bare(string t) => t.Replace("former ", "", StringComparison.OrdinalIgnoreCase).Replace("acting ", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (string.Equals(Bare(a), Bare(b), StringComparison.OrdinalIgnoreCase)) return true;
        var inA = known.Any(k => string.Equals(k, Bare(a), StringComparison.OrdinalIgnoreCase) || Bare(a).StartsWith(k + " ", StringComparison.OrdinalIgnoreCase));
        var inB = known.Any(k => string.Equals(k, Bare(b), StringComparison.OrdinalIgnoreCase) || Bare(b).StartsWith(k + " ", StringComparison.OrdinalIgnoreCase));
        return inA && inB;
    }

    private static bool Overlap(IEnumerable<(decimal Min, decimal Max)> ranges)
    {
        var list = ranges.ToList();
        return list.Max(r => r.Min) <= list.Min(r => r.Max);
    }

    private static string Range(decimal min, decimal max) => min == max
        ? min.ToString(CultureInfo.InvariantCulture)
        : min.ToString(CultureInfo.InvariantCulture) + "–" + max.ToString(CultureInfo.InvariantCulture);

    private static string DateRange(TimeFacts t) => t.Start == t.End
        ? t.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + t.End!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- Grade, modality, title ----

    /// <summary>
    /// Discounted when every report is a denial; contested when reports compete about who or whether;
    /// confirmed when a party named as responsible says so itself (a named speaker who is one of the actors, or a
    /// named official of the actors' country asserting it); fair with two or more independent origins; weak with one.
    /// </summary>
    private static (Grade, string) GradeOf(IReadOnlyList<EventFacts> events, int independent, ImmutableArray<Discrepancy> discrepancies)
    {
        if (events.All(e => e.Modality == Modality.Denied)) return (Grade.Discounted, "every report is a denial");
        if (discrepancies.Any(d => d.Kind is DiscrepancyKind.Actor or DiscrepancyKind.Modality)) return (Grade.Contested, "reports compete about who did it or whether it happened");
        foreach (var e in events)
        {
            if (e.AttributionKind != AttributionKind.Named || e.SpeakerKey is null) continue;
            if (e.Actors.Any(a => a.EntityKey == e.SpeakerKey)) return (Grade.Confirmed, $"{e.Speaker}, named as responsible, says so");
            if (e.Modality == Modality.Asserted && e.SpeakerCountry is { } c && events.Any(x => x.Actors.Any(a => a.Country == c) && x.Actors.All(a => a.Country is null || a.Country == c)))
            {
                return (Grade.Confirmed, $"{e.Speaker} speaks for the responsible side ({c}) and says so");
            }
        }
        return independent >= 2 ? (Grade.Fair, $"{independent} independent sources") : (Grade.Weak, "one source");
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

    private static T? MostCommon<T>(IEnumerable<T> items, Func<T, string> key) where T : class =>
        items.GroupBy(key, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();

    private static int Narrowness(TimeFacts t) => t.Start is { } s && t.End is { } e ? e.DayNumber - s.DayNumber : int.MaxValue;

    private static string Title(IReadOnlyList<EventFacts> events, Modality modality, IncidentScope scope)
    {
        var noun = Noun(events[0].Type, scope == IncidentScope.Campaign);
        var actor = MostCommon(events.SelectMany(e => e.Actors).Where(a => a.Text.Length > 3 && !IsPronounLike(a.Text)), a => a.EntityKey ?? a.Text.ToLowerInvariant())?.Text;
        var place = MostCommon(events.Select(e => e.Location).OfType<PlaceFacts>(), p => p.Name)?.Name;
        var prefix = modality switch
        {
            Modality.Asserted => "",
            Modality.Denied => "Denied ",
            Modality.Negated => "Ruled-out ",
            Modality.Hypothetical => "Possible ",
            _ => char.ToUpperInvariant(Modalities.Name(modality)[0]) + Modalities.Name(modality)[1..] + " ",
        };
        var title = prefix + (prefix.Length == 0 ? char.ToUpperInvariant(noun[0]) + noun[1..] : noun);
        if (actor is not null) title += " by " + actor;
        if (place is not null) title += " in " + place;
        return title;
    }

    private static bool IsPronounLike(string text) => text.ToLowerInvariant() is "they" or "them" or "she" or "her" or "his" or "their" or "the president";

    private static string Noun(PloverType type, bool plural) => (type, plural) switch
    {
        (PloverType.Assault, true) => "attacks",
        (PloverType.Assault, false) => "attack",
        (PloverType.Mobilize, _) => "deployment",
        (PloverType.Threaten, _) => plural ? "threats" : "threat",
        (PloverType.Reject, _) => "rejection",
        (PloverType.Accuse, _) => plural ? "accusations" : "accusation",
        (PloverType.Protest, _) => plural ? "protests" : "protest",
        (PloverType.Sanction, _) => plural ? "sanctions" : "sanction",
        (PloverType.Coerce, _) => "coercion",
        (PloverType.Request, _) => plural ? "requests" : "request",
        (PloverType.Agree, _) => "agreement",
        (PloverType.Consult, _) => "talks",
        (PloverType.Support, _) => "support",
        (PloverType.Concede, _) => "concession",
        (PloverType.Cooperate, _) => "cooperation",
        (PloverType.Aid, _) => "aid",
        (PloverType.Retreat, _) => "withdrawal",
        _ => PloverTypes.Name(type).ToLowerInvariant(),
    };
}
