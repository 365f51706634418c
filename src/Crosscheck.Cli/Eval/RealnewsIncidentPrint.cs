using System.Globalization;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>Prints the incident-level figures of <c>eval realnews</c> with their definitions, and with <c>--show-incidents N</c> the mismatches.</summary>
internal static class RealnewsIncidentPrint
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Print(RealnewsIncidentEval.Report r, RealnewsRecord.View view, int articles, int show, TextWriter o)
    {
        var counted = r.Predicted.Where(p => p.Counted).ToList();
        var record = view.Record;
        o.WriteLine();
        o.WriteLine($"incident level: the record `ingest` builds from the split's {articles} articles (in-memory SQLite store, RecordLoader, CrossDocumentLinker), "
            + $"{view.Seconds.ToString("F1", C)} s: {record.Stories.Length} stories, {record.Incidents.Length} incidents, {record.Discrepancies.Length} discrepancies"
            + (view.Problems.Count > 0 ? $", {view.Problems.Count} documents failed" : ""));
        o.WriteLine("counted    = record incidents of type ASSAULT, asserted, single (a campaign is scored as an episode), with an event that is not");
        o.WriteLine($"             background: {counted.Count} of {r.Predicted.Count} ({string.Join(", ", r.Predicted.Where(p => !p.Counted).GroupBy(p => p.NotCounted).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))})");
        o.WriteLine("match      = the incident's time (start..end) spans at most 3 days and overlaps the gold date or range ±1 day, or lies inside that");
        o.WriteLine("             window when longer; and its place agrees: the gold place (name, city) names it (gazetteer name or the article's words,");
        o.WriteLine("             accents ignored), or it is a country the gold country field names, or a city or division in a GeoNames first-level");
        o.WriteLine("             division that a city or division named in the gold place lies in (a sea agrees only when named; no time or no place: no match)");
        o.WriteLine("reports    = each article's asserted ASSAULT events that are not background go to the incidents it reports as news, as the");
        o.WriteLine("             event-level matching gives them; a record incident holds a gold incident's reports when it holds such an event");
        o.WriteLine("killed     = the record figure (fatalities best) of the matching incident holding most of the gold incident's events, against killed.best");
        o.WriteLine("toll       = per gold episode with killed statements in the split: its campaign in the record (the ASSAULT series with most documents");
        o.WriteLine("             among the split's articles about the episode) is right when its fatalities best equals a killed value the gold gives");
        o.WriteLine("             on the latest as-of day (the whole's, side ALL, when that day has one; else any side; '>' N also N+1)");
        o.WriteLine("wire       = gold wire groups with 2+ members in the split: traced when the members are one document, or one origin (case and a");
        o.WriteLine("             leading 'the' ignored) is the origin of a report of every member");
        o.WriteLine("dispute    = gold disputes scored in the split: found when an incident holding the gold incident's reports (for an episode, its");
        o.WriteLine("             campaign) is contested or has a discrepancy of the field's kind (killed/injured: fatalities; attacker/responsibility: actor;");
        o.WriteLine("             date/time: date; place: location; a denial: modality; a denial, blame, attribution, victim or target: dispute)");
        o.WriteLine("discrepancy= each of the record's: supported when such a gold dispute exists for a gold incident its incident holds (or its episode)");
        o.WriteLine("             and the discrepancy's values differ between the files of two of the dispute's sides (a dispute read from one article:");
        o.WriteLine("             that article is one of the dispute's sides);");
        o.WriteLine("             else a wrong merge when the incident holds two gold incidents' reports; else a rising toll when fatalities and the gold's");
        o.WriteLine("             killed figures for that incident in those articles never fall from one as-of day to a later one; else not supported");
        o.WriteLine();
        var found = r.Gold.Count(g => g.Found);
        var matched = counted.Count(p => p.Matches.Count > 0);
        o.WriteLine($"incident recall            {F(Share(found, r.Gold.Count))}  ({found} of {r.Gold.Count} gold incidents reported as news; "
            + $"holding their reports {r.Gold.Count(g => g.Holding.Count > 0)})");
        o.WriteLine($"incident precision         {F(Share(matched, counted.Count))}  ({matched} of {counted.Count} counted incidents match one; "
            + $"{counted.Count(p => p.Incident.Time is not { Start: not null, End: not null })} have no time, {counted.Count(p => p.Incident.Location is null)} no place)");
        var holding = r.Gold.Where(g => g.Holding.Count > 0).ToList();
        o.WriteLine($"incidents per gold incident {(holding.Count == 0 ? 0 : holding.Average(g => g.Holding.Count)).ToString("F2", C)}  "
            + $"(record incidents holding one gold incident's reports, over the {holding.Count} that have any; most {(holding.Count == 0 ? 0 : holding.Max(g => g.Holding.Count))})");
        var from = counted.Where(p => p.From.Count > 0).ToList();
        o.WriteLine($"mixed incidents            {F(Share(counted.Count(p => p.Mixed), counted.Count))}  ({counted.Count(p => p.Mixed)} of {counted.Count} counted incidents hold two or more "
            + $"gold incidents' reports; of the {from.Count} holding any, {F(Share(from.Count(p => p.Mixed), from.Count))})");
        var withBest = r.Gold.Where(g => g.Gold.KilledBest is not null).ToList();
        o.WriteLine($"incident killed exact      {F(Share(withBest.Count(g => g.KilledExact), withBest.Count))}  ({withBest.Count(g => g.KilledExact)} of {withBest.Count} gold incidents with killed.best; "
            + $"found {withBest.Count(g => g.Found)}, with a record figure {withBest.Count(g => g.Killed is not null)})");
        o.WriteLine($"latest toll per campaign   {r.Episodes.Count(e => e.Right)} of {r.Episodes.Count} episodes  ("
            + string.Join("; ", r.Episodes.Select(e => $"{e.Episode} {Values(e.Gold)} as of {e.AsOf:yyyy-MM-dd} → {(e.Campaign is null ? "no campaign" : $"{e.Value?.ToString(C) ?? "none"}")}")) + ")");
        var reprints = r.Wires.Where(w => w.Reprint).ToList();
        o.WriteLine($"wire groups traced         {F(Share(r.Wires.Count(w => w.Traced), r.Wires.Count))}  ({r.Wires.Count(w => w.Traced)} of {r.Wires.Count} groups; reprint kinds "
            + $"{reprints.Count(w => w.Traced)} of {reprints.Count}, same-origin rewrites {r.Wires.Count(w => !w.Reprint && w.Traced)} of {r.Wires.Count(w => !w.Reprint)})");
        o.WriteLine($"disputes found             {F(Share(r.Disputes.Count(d => d.Found), r.Disputes.Count))}  ({r.Disputes.Count(d => d.Found)} of {r.Disputes.Count} scored in the split; "
            + $"{r.Disputes.Count(d => d.Incidents.Count == 0)} have no record incident to flag)");
        o.WriteLine($"discrepancies              {r.Discrepancies.Count}  ({string.Join(", ", new[] { RealnewsIncidentEval.Supported, RealnewsIncidentEval.RisingToll, RealnewsIncidentEval.WrongMerge, RealnewsIncidentEval.NotSupported }.Select(v => $"{v} {r.Discrepancies.Count(d => d.Verdict == v)}"))}; "
            + $"by kind: {string.Join(", ", r.Discrepancies.GroupBy(d => DiscrepancyKinds.Name(d.Discrepancy.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
        foreach (var problem in view.Problems) o.WriteLine($"problem: {problem}");
        if (show > 0) Mismatches(r, view, show, o);
    }

    private static void Mismatches(RealnewsIncidentEval.Report r, RealnewsRecord.View view, int show, TextWriter o)
    {
        o.WriteLine();
        var fileOf = view.DocumentOfFile.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var wrong = r.Gold.Where(g => !g.Found || g.Holding.Count != 1 || g.Gold.KilledBest is not null && !g.KilledExact).Take(show);
        foreach (var g in wrong)
        {
            var i = g.Gold;
            var range = i.End != i.Start ? $"{i.Start:yyyy-MM-dd}..{i.End:yyyy-MM-dd}" : $"{i.Start:yyyy-MM-dd}";
            o.WriteLine($"gold {i.Id} {range} {i.Place} [{i.Country}] killed {i.KilledBest?.ToString(C) ?? "-"}: matched {List(g.Matched)}; holding {List(g.Holding)}");
        }
        foreach (var p in r.Predicted.Where(p => p.Counted && (p.Matches.Count == 0 || p.Mixed)).Take(show))
        {
            o.WriteLine($"record {Describe(p.Incident)} matches [{string.Join(",", p.Matches)}] holds [{string.Join(",", p.From)}]{(p.Mixed ? " MIXED" : "")}");
        }
        foreach (var e in r.Episodes.Where(e => !e.Right).Take(show))
        {
            o.WriteLine($"toll {e.Episode}: gold {Values(e.Gold)} as of {e.AsOf:yyyy-MM-dd} → {(e.Campaign is { } c ? Describe(c) + " " + c.Title : "no campaign")}");
        }
        foreach (var w in r.Wires.Where(w => !w.Traced).Take(show))
        {
            o.WriteLine($"wire {w.Group.Id} ({w.Group.Kind}, {w.Group.Origin}) not traced: {string.Join("; ", w.Members.Select(m => $"{m} → {Origins(r, view.DocumentOfFile.GetValueOrDefault(m))}"))}");
        }
        foreach (var d in r.Disputes.Where(d => !d.Found).Take(show))
        {
            o.WriteLine($"dispute {d.Dispute.Id} {d.Dispute.Scope} {d.Dispute.Field} ({d.Dispute.Kind}) not found; record incidents {List(d.Incidents)}");
        }
        foreach (var d in r.Discrepancies.Take(show))
        {
            var x = d.Discrepancy;
            o.WriteLine($"discrepancy {x.Incident} {DiscrepancyKinds.Name(x.Kind)} ({d.Verdict}): {string.Join(" | ", x.Values.Select(v => $"{v.Value} in {fileOf.GetValueOrDefault(v.Document) ?? v.Document}"))}");
        }
    }

    /// <summary>
    /// <c>--details</c>: each gold incident's killed against its record incident's figure with every source's value, and
    /// every event of each mixed or unmatched counted incident, with its file, the gold incident the matching gives
    /// it, its salience, day, place, dead, the link that joined it and its words, to see why two gold incidents met.
    /// </summary>
    public static void Details(RealnewsIncidentEval.Report r, RealnewsRecord.View view, IReadOnlyDictionary<string, string> owner, TextWriter o)
    {
        var fileOf = view.DocumentOfFile.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        o.WriteLine();
        foreach (var p in r.Predicted.Where(p => p.Counted).OrderBy(p => p.Incident.Time?.Start).ThenBy(p => p.Incident.Id, StringComparer.Ordinal))
        {
            o.WriteLine($"counted {Describe(p.Incident)} matches [{string.Join(",", p.Matches)}] holds [{string.Join(",", p.From)}]");
        }
        o.WriteLine();
        // Why an incident's figure is not the gold's best: every source's value, its event and its words.
        foreach (var g in r.Gold.Where(g => g.Gold.KilledBest is not null))
        {
            var f = g.Chosen?.Fatalities;
            o.WriteLine($"killed {g.Gold.Id} gold {g.Gold.KilledBest?.ToString(C)} record {f?.Best.ToString(C) ?? "-"}{(g.KilledExact ? "" : " WRONG")} "
                + $"{(g.Chosen is { } c ? Describe(c) : "no incident")}{(f is null ? "" : $" [{f.Rule}]")}");
            foreach (var v in f?.BySource ?? [])
            {
                var words = v.Text.ReplaceLineEndings(" ");
                o.WriteLine($"  {v.Min.ToString(C)}..{v.Max?.ToString(C) ?? "+"} {owner.GetValueOrDefault(v.Event ?? "") ?? "-",-5} {fileOf.GetValueOrDefault(v.Document) ?? v.Document} \"{(words.Length > 120 ? words[..120] + "…" : words)}\"");
            }
        }
        foreach (var p in r.Predicted.Where(p => p.Counted && (p.Mixed || p.Matches.Count == 0)))
        {
            o.WriteLine();
            o.WriteLine($"{(p.Mixed ? "mixed" : "unmatched")} {Describe(p.Incident)} matches [{string.Join(",", p.Matches)}] holds [{string.Join(",", p.From)}]");
            var links = p.Incident.Links.ToDictionary(l => l.Event, StringComparer.Ordinal);
            foreach (var id in p.Incident.Events)
            {
                if (view.Events.GetValueOrDefault(id) is not { } e) continue;
                var time = e.Time is { Start: { } s } t ? $"{s:MM-dd}{(t.End != s ? $"..{t.End:MM-dd}" : "")}{(t.Basis is { } b ? "/" + b : "")}" : "-";
                var place = e.Location is { } l ? $"{l.Name}({l.Precision})" : "-";
                var link = links.GetValueOrDefault(id) is { } k ? $"{(k.JoinedTo is null ? "starts" : "joins")} {k.Score.ToString("F2", C)} {k.Reason}" : "";
                var words = e.Evidence.ReplaceLineEndings(" ");
                if (words.Length > 220) words = words[..220] + "…";
                o.WriteLine($"  {owner.GetValueOrDefault(id) ?? "-",-5} {e.Salience[..4]} {time,-14} {place,-24} k={e.Fatalities?.Min.ToString(C) ?? "-"} {fileOf.GetValueOrDefault(e.Document) ?? e.Document}");
                var sides = $"A:{string.Join("/", e.Actors.Select(a => a.Country ?? "?"))} R:{string.Join("/", e.Recipients.Select(a => a.Country ?? "?"))}";
                o.WriteLine($"        {id} {sides} {link}");
                o.WriteLine($"        \"{words}\"");
            }
        }
    }

    private static string Origins(RealnewsIncidentEval.Report r, string? document) => document is null ? "not stored"
        : string.Join("/", r.Predicted.SelectMany(p => p.Incident.Reports).Where(x => x.Document == document).Select(x => x.Origin).Distinct(StringComparer.Ordinal).DefaultIfEmpty("no report"));

    private static string List(List<Incident> incidents) => incidents.Count == 0 ? "none" : string.Join(", ", incidents.Select(Describe));

    private static string Describe(Incident p)
    {
        var t = p.Time is { Start: { } s, End: { } e } ? s == e ? $"{s:yyyy-MM-dd}" : $"{s:yyyy-MM-dd}..{e:yyyy-MM-dd}" : "no day";
        var place = p.Location is { } l ? $"{l.Name} ({l.Precision}{(l.Country is { } c ? " " + c : "")})" : "no place";
        return $"{p.Id} {t} {place} killed {p.Fatalities?.Best.ToString(C) ?? "-"} {p.Documents.Length} docs";
    }

    private static string Values(List<RealnewsGold.Statement> gold) =>
        string.Join("|", gold.Select(s => (s.Qualifier is "=" ? "" : s.Qualifier) + s.Max.ToString(C)).Distinct(StringComparer.Ordinal));

    private static double Share(int n, int of) => of == 0 ? 0 : n / (double)of;

    private static string F(double x) => x.ToString("F3", C);
}
