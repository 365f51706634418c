using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// The discrepancies of one incident: same-kind statements about it that cannot all be true. Two sides' dead for
/// one event as of the same day; counts of events given the same day; two days or two countries for one event;
/// sides of different countries named as its actor; a claim against a denial; a party disputing what was reported
/// (<see cref="DisputeReader"/>); reports of one origin giving different numbers of sources; one person given
/// different offices. A rising toll is never one: a later report's count is the later count, and a count whose
/// words make it a running or cumulative figure ("rose to", "so far", a toll) is never compared.
/// </summary>
internal static class IncidentDiscrepancies
{
    public static ImmutableArray<Discrepancy> Find(string incident, IncidentScope scope,
        List<IGrouping<string, EventFacts>> byDocument, ImmutableArray<SourceReport> reports, IncidentSummarizer.FatalityResult fatalities,
        IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        var found = ImmutableArray.CreateBuilder<Discrepancy>();

        void Add(DiscrepancyKind kind, IEnumerable<DiscrepancyValue> values, string note)
        {
            var list = values.ToImmutableArray();
            var key = string.Join('|', list.Select(v => v.Start is { } at ? $"{v.Document}:{v.Value}:{at}" : v.Document + ":" + v.Value));
            found.Add(new Discrepancy(DocumentId.ForKey("x-", incident + "|" + DiscrepancyKinds.Name(kind) + "|" + key), incident, kind, list, note));
        }

        var originOf = reports.ToDictionary(r => r.Document, r => IncidentSummarizer.OriginKey(r.Origin), StringComparer.Ordinal);
        if (scope == IncidentScope.Single && SameDayDead(byDocument, fatalities, documents, originOf) is { Count: > 1 } dead)
        {
            Add(DiscrepancyKind.Fatalities, dead.Select(v => new DiscrepancyValue(v.Max is { } m ? Range(v.Min, m) : v.Min.ToString(CultureInfo.InvariantCulture) + "+", v.Document, v.Event, v.Text)),
                "reports of the same day give dead that cannot both be true");
        }

        // Counts of events ("the 15 strikes" against "14 strikes") from reports of the same day; running counts are not compared.
        var counts = byDocument.Select(g => g.FirstOrDefault(e => e.Count is not null && !IncidentWords.HasAny(e.Count.Text, IncidentWords.Rising))).OfType<EventFacts>().ToList();
        if (counts.Select(e => e.Document).Distinct().Count() > 1 && !Overlap(counts.Select(e => (e.Count!.Min, e.Count.Max ?? e.Count.Min)))
            && counts.Select(e => documents.GetValueOrDefault(e.Document)?.Published).Distinct().Count() == 1)
        {
            Add(DiscrepancyKind.Count, counts.Select(e => new DiscrepancyValue(Range(e.Count!.Min, e.Count.Max ?? e.Count.Min), e.Document, e.Id, e.Count.Text)),
                "the reports count the events differently");
        }

        if (scope == IncidentScope.Single && byDocument.Count > 1)
        {
            // Dates: resolved times of the reported news more than a day apart (a night attack spans two dates, and the
            // linker joins reports a day apart). Unresolved words ("at the time") are never compared, nor a day assumed from
            // the publication or the saying, which no report gives as the event's.
            var dated = byDocument.Select(g => g.FirstOrDefault(e => e.Salience == "main" && e.Time is { Start: not null, End: not null, Basis: null })).OfType<EventFacts>().ToList();
            if (dated.Select(e => e.Document).Distinct().Count() > 1 && !Overlap(dated.Select(e => ((decimal)e.Time!.Start!.Value.DayNumber - 1, (decimal)e.Time.End!.Value.DayNumber))))
            {
                Add(DiscrepancyKind.Date, dated.Select(e => new DiscrepancyValue(DateRange(e.Time!), e.Document, e.Id, e.Time!.Text)),
                    "the reports date it on different days");
            }

            // Places: different countries.
            var placed = byDocument.Select(g => g.FirstOrDefault(e => e.Location is not null)).OfType<EventFacts>().ToList();
            var countries = placed.Where(e => e.Location!.Country is not null).Select(e => e.Location!.Country).Distinct().Count();
            if (placed.Select(e => e.Document).Distinct().Count() > 1 && countries > 1)
            {
                Add(DiscrepancyKind.Location, placed.Select(e => new DiscrepancyValue(e.Location!.Name, e.Document, e.Id, e.Location.Text)),
                    "the reports place it in different countries");
            }
        }

        // Actors: reports of one event as fact that name sides from different countries as the one acting. (A series of
        // fighting has two sides acting, each in its own attacks: both can be true.)
        var sides = byDocument.Select(g => (Document: g.Key, Event: g.FirstOrDefault(e => e.Modality == Modality.Asserted && e.Actors.Any(a => a.Country is not null))))
            .Where(x => x.Event is not null && scope == IncidentScope.Single).ToList();
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

        // A claim against a denial, in one report or in two.
        var events = byDocument.SelectMany(g => g).ToList();
        // A party's denial of harm ("denied that civilians were killed", read as a dispute of the victims) denies who was hit, not the event.
        if (events.FirstOrDefault(e => e.Modality == Modality.Asserted) is { } claim
            && events.FirstOrDefault(e => e.Modality == Modality.Denied && !HarmDenied(e, documents)) is { } denial)
        {
            Add(DiscrepancyKind.Modality, new[] { claim, denial }.Select(e => new DiscrepancyValue(Modalities.Name(e.Modality), e.Document, e.Id, e.Evidence)),
                denial.Speaker is { } who ? $"one report states it as fact; denied by {who}" : "one report states it as fact, another reports a denial");
        }

        // A party disputing what was reported ("the people killed were fishermen"), with the words it disputes.
        var ids = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var g in byDocument)
        {
            if (documents.GetValueOrDefault(g.Key) is not { } doc) continue;
            // One party's one dispute of one event, said twice in an article (a heading and its paragraph, a repeated wire
            // paragraph), is one discrepancy.
            var seen = new HashSet<(string, string, string?)>();
            foreach (var dispute in doc.Disputes)
            {
                if (dispute.Event is not { } anchor || !ids.Contains(anchor) || !seen.Add((anchor, dispute.Kind, dispute.Speaker))) continue;
                var claimed = g.First(e => e.Id == anchor);
                Add(DiscrepancyKind.Dispute,
                    [new DiscrepancyValue(Modalities.Name(claimed.Modality), g.Key, claimed.Id, claimed.Evidence),
                     new DiscrepancyValue(dispute.Speaker ?? "disputed", g.Key, null, dispute.Text, dispute.Start, dispute.End)],
                    $"disputed by {dispute.Speaker ?? "a party"} ({dispute.Kind}: “{dispute.Cue}”)");
            }
        }

        // Source counts: reports of one origin that say different numbers of sources stand behind it.
        foreach (var group in reports.Where(r => r.SourceCount is not null).GroupBy(r => IncidentSummarizer.OriginKey(r.Origin)))
        {
            var list = group.ToList();
            if (list.Select(r => r.Document).Distinct().Count() > 1 && list.Select(r => r.SourceCount).Distinct().Count() > 1)
            {
                Add(DiscrepancyKind.SourceCount, list.Select(r => new DiscrepancyValue(r.SourceCount!.Value.ToString(CultureInfo.InvariantCulture), r.Document, null, r.SourceCountText ?? "")),
                    $"reports tracing back to {list[0].Origin} give different numbers of sources");
            }
        }

        OfficeDiscrepancies(byDocument, documents, Add);
        return found.ToImmutable();
    }

    /// <summary>Whether the denied event lies in a party's dispute of the victims ("denied that civilians were killed").</summary>
    private static bool HarmDenied(EventFacts e, IReadOnlyDictionary<string, DocumentFacts> documents) =>
        documents.GetValueOrDefault(e.Document)?.Disputes.Any(d => d.Kind == "victims" && d.Start <= e.Start && e.End <= d.End) == true;

    /// <summary>
    /// The dead of one event that cannot both be true: two documents of different outlets and origins, published the
    /// same day, whose counts do not overlap and whose speakers speak for different countries (the two sides' claims).
    /// Counts of many events and counts whose words make them a running or cumulative figure are left out; counts of
    /// different days are a toll's course, and so are one side's counts of one day (a count rises within the day and
    /// only the day of publication is known), so neither is a conflict.
    /// </summary>
    private static List<SourceValue> SameDayDead(List<IGrouping<string, EventFacts>> byDocument, IncidentSummarizer.FatalityResult fatalities,
        IReadOnlyDictionary<string, DocumentFacts> documents, Dictionary<string, string> originOf)
    {
        var plural = byDocument.SelectMany(g => g).Where(e => e.Plural).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var sideOf = byDocument.SelectMany(g => g).Where(e => e.SpeakerCountry is not null).ToDictionary(e => e.Id, e => e.SpeakerCountry!, StringComparer.Ordinal);
        var values = (fatalities.Record?.BySource ?? [])
            .Where(v => v.Event is null || !plural.Contains(v.Event))
            .Where(v => !IncidentWords.HasAny(v.Text, IncidentWords.Rising))
            .ToList();
        var conflicting = new List<SourceValue>();
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                var (a, b) = (values[i], values[j]);
                if (a.Document == b.Document) continue;
                var da = documents.GetValueOrDefault(a.Document);
                var db = documents.GetValueOrDefault(b.Document);
                if (da?.Published is not { } pa || db?.Published is not { } pb || pa != pb) continue;
                if (da.Outlet is { } oa && db.Outlet is { } ob && string.Equals(oa, ob, StringComparison.OrdinalIgnoreCase)) continue;
                if (originOf.GetValueOrDefault(a.Document) is { } ra && ra == originOf.GetValueOrDefault(b.Document)) continue;
                if (Overlap([(a.Min, a.Max ?? decimal.MaxValue), (b.Min, b.Max ?? decimal.MaxValue)])) continue;
                if (a.Event is null || b.Event is null || sideOf.GetValueOrDefault(a.Event) is not { } sa || sideOf.GetValueOrDefault(b.Event) is not { } sb || sa == sb) continue;
                if (!conflicting.Contains(a)) conflicting.Add(a);
                if (!conflicting.Contains(b)) conflicting.Add(b);
            }
        }
        return conflicting;
    }

    /// <summary>Titles: one person given offices that are not the same office and not both known to be theirs.</summary>
    private static void OfficeDiscrepancies(List<IGrouping<string, EventFacts>> byDocument, IReadOnlyDictionary<string, DocumentFacts> documents,
        Action<DiscrepancyKind, IEnumerable<DiscrepancyValue>, string> add)
    {
        if (byDocument.Count < 2) return;
        var involved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in byDocument.SelectMany(g => g))
        {
            foreach (var a in e.Actors) if (a.EntityKey is { } k) involved.Add(k);
            if (e.SpeakerKey is { } s) involved.Add(s);
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
                add(DiscrepancyKind.Title, list.Select(x => new DiscrepancyValue(string.Join("; ", x.Person.Titles), x.Document, null, x.Person.Name, x.Person.Start, x.Person.End)),
                    $"the reports give {list[0].Person.Name} different offices");
            }
        }
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
}
