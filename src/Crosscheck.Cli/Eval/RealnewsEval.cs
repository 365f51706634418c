using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval realnews</c>: the per-article reading of the realnews corpus (<c>../shared/data/realnews</c>)
/// against its hand-made gold record, on one split (dev for tuning, test for reporting). Each article is read as
/// <c>analyze</c> reads it (file with front matter → document → standard pipeline → event reader). Figures:
/// event-level killed exact, tolls found, event days exact (definitions in <see cref="Print"/> and README); then the
/// incident-level figures of the record <c>ingest</c> builds from the same articles (<see cref="RealnewsIncidentEval"/>).
/// </summary>
internal static class RealnewsEval
{
    internal sealed record ArticleRead(RealnewsGold.Article Gold, ArticleReading Reading, DateOnly? Published);

    /// <summary>One reported incident in one article: the article's own figures, the reading's, and their words.</summary>
    internal sealed record IncidentOutcome(string File, string Incident, List<decimal> Expected, decimal? Predicted, bool Exact, bool InRange,
        DateOnly? Day, bool DayExact, string Words, string DayWords)
    {
        /// <summary>Exact when the gold's "more than N" is also taken as N + 1, as a reading gives it (a proposed convention; see <see cref="Expected"/>).</summary>
        public bool ExactOpen { get; init; }

        /// <summary>How many of the article's events the day measure gives the incident (by place or as the main news, whatever their day): none means no day to read.</summary>
        public int OwnEvents { get; init; }
    }

    internal sealed record TollOutcome(string File, RealnewsGold.Statement Gold, bool InTolls, bool Anywhere);

    internal sealed record Report(RealnewsGold.Gold Gold, int Articles, List<IncidentOutcome> Incidents, List<TollOutcome> Tolls, int PredictedTolls, int TollsMatching,
        int Assaults, int AssaultsWithKilled, int AssaultsWithDay, double Seconds)
    {
        public double KilledExact => Share(Incidents.Where(i => i.Expected.Count > 0), i => i.Exact);
        public double KilledExactOpen => Share(Incidents.Where(i => i.Expected.Count > 0), i => i.ExactOpen);
        public double DaysExact => Share(Incidents, i => i.DayExact);
        public double TollsFound => Share(Tolls.Where(t => t.Gold.Episode), t => t.InTolls);
        public double FiguresFound => Share(Tolls, t => t.Anywhere);
    }

    public static int Run(string dataDirectory, string split, int show, int showIncidents, TextWriter stdout, bool details = false, string? topic = null)
    {
        if (split is not ("dev" or "test" or "all")) throw new CliFailure($"--split must be dev, test or all, not '{split}'");
        var report = Score(dataDirectory, split, topic);
        Print(report, dataDirectory, split, show, stdout, topic);
        // The incident level: the record ingest builds from the same articles.
        var articles = report.Gold.Articles.Where(a => split == "all" || a.Split == split).ToList();
        var view = RealnewsRecord.Build(dataDirectory, articles);
        var incidents = RealnewsIncidentEval.Score(report.Gold, split, view, RealnewsPlaces.Default);
        RealnewsIncidentPrint.Print(incidents, view, articles.Count, showIncidents, stdout);
        if (details) RealnewsIncidentPrint.Details(incidents, view, RealnewsIncidentEval.Attribution(articles, report.Gold, view), stdout);
        return CrosscheckCli.Ok;
    }

    internal static Report Score(string dataDirectory, string split, string? topic = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var gold = RealnewsGold.Load(dataDirectory);
        if (topic is not null) gold = gold.Only(topic);
        var reads = new List<ArticleRead>();
        var reader = new DocumentReader();
        foreach (var article in gold.Articles.Where(a => split == "all" || a.Split == split))
        {
            var path = Path.Combine(dataDirectory, article.Path);
            var result = reader.Read([path]).FirstOrDefault();
            if (result.Document is not { } document) throw new CliFailure($"cannot read {path}: {result.Error}");
            var text = StandardPipeline.Default.Process(document);
            reads.Add(new ArticleRead(article, EventReader.Default.Read(text), document.Metadata.Published));
        }
        var incidents = new List<IncidentOutcome>();
        var tolls = new List<TollOutcome>();
        int predictedTolls = 0, matching = 0, assaults = 0, withKilled = 0, withDay = 0;
        foreach (var read in reads)
        {
            var events = read.Reading.Events;
            var asserted = events.Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted).ToList();
            assaults += asserted.Count;
            withKilled += asserted.Count(e => e.Fatalities is not null);
            withDay += asserted.Count(e => RealnewsMatch.DayOf(e) is not null);
            var reported = read.Gold.Reports.Select(id => gold.Incidents[id]).ToList();
            foreach (var incident in reported.Where(i => i.News)) incidents.Add(Outcome(read, incident, reported));
            foreach (var statement in read.Gold.Tolls)
            {
                var inTolls = read.Reading.Tolls.Any(t => SameFigure(t.Counts, t.Min, t.Max, statement) && (t.AsOf is null || t.AsOf == statement.AsOf));
                var inEvents = asserted.Any(e => e.Fatalities is { } k && SameFigure(TollMeasure.Killed, k.Min, k.Max, statement)
                    || e.Injured is { } i && SameFigure(TollMeasure.Injured, i.Min, i.Max, statement));
                tolls.Add(new TollOutcome(read.Gold.File, statement, inTolls, inTolls || inEvents));
            }
            predictedTolls += read.Reading.Tolls.Length;
            matching += read.Reading.Tolls.Count(t => read.Gold.Tolls.Any(s => SameFigure(t.Counts, t.Min, t.Max, s)));
        }
        return new Report(gold, reads.Count, incidents, tolls, predictedTolls, matching, assaults, withKilled, withDay, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Whether the one who gives the event's words is its own actor, by the record's rule (<see cref="ArticleFigure.ActorSpeaks"/>): the count is that side's claim.</summary>
    private static bool ActorSpeaks(EventMention e) =>
        ArticleFigure.ActorSpeaks(e.Actors.Select(a => (a.Text, (string?)null)), e.Attribution.SpeakerName ?? e.Attribution.Speaker?.Text, null);

    private static IncidentOutcome Outcome(ArticleRead read, RealnewsGold.Incident incident, List<RealnewsGold.Incident> reported)
    {
        var events = RealnewsMatch.EventsOf(read.Reading.Events, incident, reported, useDate: true);
        // The article's figure as the record reads it (ArticleFigure): its highest own count, a claim or a vague count only failing one.
        var pick = ArticleFigure.Pick([.. events.Select(e => e.Fatalities is { } f ? new ArticleFigure.Count(f.Min, f.Max, e.Attribution.Verb, e.Modality, ActorSpeaks(e)) : (ArticleFigure.Count?)null)]);
        var best = pick < 0 ? null : events[pick];
        decimal? predicted = best is null ? null : Value(best.Fatalities!);
        var expected = Expected(read.Gold, incident.Id);
        var exact = predicted is { } p && expected.Contains(p);
        var inRange = incident.KilledMin is { } min && incident.KilledMax is { } max && predicted is { } v && v >= min && v <= max;
        // The day comes from the incident's events matched by place or as the main news, whatever their day says.
        var own = RealnewsMatch.EventsOf(read.Reading.Events, incident, reported, useDate: false);
        var dated = own.FirstOrDefault(e => RealnewsMatch.DayOf(e) is not null);
        var day = dated is null ? null : RealnewsMatch.DayOf(dated);
        var words = best is null ? "" : $"'{best.Trigger.Text}': \"{best.Fatalities!.Text}\"";
        // What gave the day: the event's word and its time's words (none when the day is assumed), else how many events the incident has.
        var dayWords = dated is null ? $"({own.Count} events{string.Concat(own.Select(e => $", '{e.Trigger.Text}'"))})" : $"'{dated.Trigger.Text}': \"{dated.Time!.Span.Text}\"{(dated.Time.Basis is { } basis ? $" ({basis})" : "")}";
        var exactOpen = exact || predicted is { } q && Expected(read.Gold, incident.Id, openAsNext: true).Contains(q);
        return new IncidentOutcome(read.Gold.File, incident.Id, expected, predicted, exact, inRange, day,
            day is { } d && RealnewsMatch.DayWithin(d, incident, 0), words, dayWords) { ExactOpen = exactOpen, OwnEvents = own.Count };
    }

    /// <summary>
    /// The killed figure the article gives the incident: of its killed statements scoped to that incident alone (not
    /// "possible", "dozens", a range or an increment), those with the latest as-of date, the highest; with figures per
    /// side, the sum of each side's figure so chosen is accepted too. Empty when the article gives none. With
    /// <paramref name="openAsNext"/>, a "more than N" figure counts as N + 1, as the reader gives it ("more than 200" is
    /// at least 201): a proposed convention, printed beside the headline figure, not in it.
    /// </summary>
    internal static List<decimal> Expected(RealnewsGold.Article article, string incident, bool openAsNext = false)
    {
        var figures = article.Tolls.Where(t => t.Measure == "killed" && t.Incidents.Count == 1 && t.Incidents[0] == incident
            && t.Qualifier is not ("possible" or "dozens" or "range" or "+")).ToList();
        var result = new List<decimal>();
        decimal sides = 0;
        foreach (var side in figures.GroupBy(t => t.Side).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = side.Max(t => t.AsOf ?? DateOnly.MinValue);
            var value = side.Where(t => (t.AsOf ?? DateOnly.MinValue) == latest).Max(t => t.Max + (openAsNext && t.Qualifier == ">" ? 1 : 0));
            if (side.Key.Length == 0) result.Add(value);
            else sides += value;
        }
        if (figures.Any(t => t.Side.Length > 0)) result.Add(sides);
        return result;
    }

    /// <summary>A reading's count as one number: its maximum, or its minimum when it has none ("at least 12" is 12).</summary>
    private static decimal Value(CountRange r) => r.Max ?? r.Min;

    /// <summary>Same measure and value: a gold range needs both ends; "more than 40" also matches 41.</summary>
    internal static bool SameFigure(TollMeasure measure, decimal min, decimal? max, RealnewsGold.Statement gold)
    {
        var goldMeasure = gold.Measure switch
        {
            "killed" => TollMeasure.Killed,
            "injured" => TollMeasure.Injured,
            "missing" => TollMeasure.Missing,
            "killed+injured" => TollMeasure.Casualties,
            _ => TollMeasure.Other,
        };
        if (measure != goldMeasure) return false;
        if (gold.Min != gold.Max) return min == gold.Min && max == gold.Max;
        var value = max ?? min;
        // "around 70" is read as the range 63–77: its middle is the stated value.
        if (gold.Qualifier == "~" && max is { } high && high > min && (min + high) / 2 == gold.Min) return true;
        return value == gold.Min || gold.Qualifier == ">" && (value == gold.Min + 1 || min == gold.Min + 1);
    }

    private static double Share<T>(IEnumerable<T> items, Func<T, bool> ok)
    {
        var list = items.ToList();
        return list.Count == 0 ? 0 : list.Count(ok) / (double)list.Count;
    }

    private static void Print(Report r, string dataDirectory, string split, int show, TextWriter stdout, string? topic)
    {
        var c = CultureInfo.InvariantCulture;
        string F(double x) => x.ToString("F3", c);
        stdout.WriteLine($"realnews {split}{(topic is null ? "" : ", " + topic)} ({dataDirectory}): {r.Articles} articles, {r.Seconds.ToString("F1", c)} s"
            + (split == "dev" ? "  [dev: the tuning split]" : split == "test" ? "  [test: the reporting split; tune on dev]" : "  [all: dev and test together]"));
        stdout.WriteLine("matching   = asserted ASSAULT events whose day is within the incident's date ±1 or whose place is named in the incident's place;");
        stdout.WriteLine("             the article's first reported incident also takes the events that fit no incident and contradict it not;");
        stdout.WriteLine("             an event counts for one incident: the first whose place it names, else the main one, else the first it fits");
        stdout.WriteLine("killed     = the article's figure as the record reads it: the largest killed (max, else min) among the incident's events that count\n             (exact or \"at least\", not possible), a side's claim or a vague count or range only when none other; gold = the article's own latest figure for");
        stdout.WriteLine("             that incident (the sum over sides accepted), over the reported incidents the article gives a killed figure");
        stdout.WriteLine();
        var withFigure = r.Incidents.Where(i => i.Expected.Count > 0).ToList();
        var ranged = r.Incidents.Where(i => r.Gold.Incidents[i.Incident].KilledMin is not null).ToList();
        var noFigure = r.Incidents.Where(i => i.Expected.Count == 0).ToList();
        stdout.WriteLine($"event-level killed exact   {F(r.KilledExact)}  ({withFigure.Count(i => i.Exact)} of {withFigure.Count} reported incidents with a killed figure in the article; "
            + $"of the {r.Incidents.Count} reported incidents {r.Incidents.Count(i => i.Exact)} exact)");
        stdout.WriteLine($"  with '>' N as N+1        {F(r.KilledExactOpen)}  ({withFigure.Count(i => i.ExactOpen)} of {withFigure.Count}; proposed: the gold's \"more than N\" taken as N + 1, as the reader gives it)");
        stdout.WriteLine($"killed inside [min, max]   {F(Share(ranged, i => i.InRange))}  ({ranged.Count(i => i.InRange)} of {ranged.Count} reported incidents whose gold has a killed range)");
        stdout.WriteLine($"no figure, none predicted  {F(Share(noFigure, i => i.Predicted is null))}  ({noFigure.Count(i => i.Predicted is null)} of {noFigure.Count} reported incidents the article gives no killed figure)");
        var episode = r.Tolls.Where(t => t.Gold.Episode).ToList();
        stdout.WriteLine($"tolls found                {F(r.TollsFound)}  ({episode.Count(t => t.InTolls)} of {episode.Count} episode toll statements among the tolls, same measure, value and as-of)");
        stdout.WriteLine($"figures found              {F(r.FiguresFound)}  ({r.Tolls.Count(t => t.Anywhere)} of {r.Tolls.Count} toll statements, episode and incident, among the tolls or events' killed/injured)");
        stdout.WriteLine($"event days exact           {F(r.DaysExact)}  ({r.Incidents.Count(i => i.DayExact)} of {r.Incidents.Count}; within ±1 day "
            + $"{r.Incidents.Count(i => i.Day is { } d && RealnewsMatch.DayWithin(d, Incident(i), 1))}; no day {r.Incidents.Count(i => i.Day is null)}, of them {r.Incidents.Count(i => i.Day is null && i.OwnEvents == 0)} with no event given to the incident)");
        var attributed = r.Incidents.Where(i => i.OwnEvents > 0).ToList();
        stdout.WriteLine($"  of incidents with events {F(Share(attributed, i => i.DayExact))}  ({attributed.Count(i => i.DayExact)} of {attributed.Count}: the reported incidents the day measure gives an event of the article, by place or as its main news)");
        stdout.WriteLine($"predicted: {r.Assaults} asserted ASSAULT events ({r.AssaultsWithKilled} with killed, {r.AssaultsWithDay} with a day), "
            + $"{r.PredictedTolls} tolls ({r.TollsMatching} match a gold statement's measure and value)");
        var wrong = r.Incidents.Where(i => i.Expected.Count > 0 ? !i.Exact : i.Predicted is not null).ToList();
        stdout.WriteLine($"killed errors: {wrong.Count(i => i.Predicted is null)} none predicted, {wrong.Count(i => i.Predicted is not null && i.Expected.Count == 0)} predicted where the article gives none, "
            + $"{wrong.Count(i => i.Predicted is { } p && i.Expected.Count > 0 && p > i.Expected.Max())} too high, {wrong.Count(i => i.Predicted is { } p && i.Expected.Count > 0 && p < i.Expected.Min())} too low");
        if (show <= 0) return;
        stdout.WriteLine();
        foreach (var i in wrong.Take(show))
        {
            stdout.WriteLine($"killed {i.Incident} {i.File}: gold {(i.Expected.Count == 0 ? "none" : string.Join("|", i.Expected))} → {i.Predicted?.ToString(c) ?? "none"} {i.Words}");
        }
        foreach (var i in r.Incidents.Where(i => !i.DayExact).Take(show))
        {
            stdout.WriteLine($"day {i.Incident} {i.File}: gold {Incident(i).Start:yyyy-MM-dd}{(Incident(i).End != Incident(i).Start ? $"..{Incident(i).End:yyyy-MM-dd}" : "")} → {i.Day?.ToString("yyyy-MM-dd", c) ?? "none"} {i.DayWords}");
        }
        foreach (var t in r.Tolls.Where(t => t.Gold.Episode && !t.InTolls).Take(show))
        {
            stdout.WriteLine($"toll {t.File}: {t.Gold.Measure} {t.Gold.Qualifier}{t.Gold.Min}{(t.Gold.Max != t.Gold.Min ? $"-{t.Gold.Max}" : "")} as of {t.Gold.AsOf:yyyy-MM-dd} \"{t.Gold.Quote}\"");
        }
        foreach (var t in r.Tolls.Where(t => !t.Gold.Episode && !t.Anywhere).Take(show))
        {
            stdout.WriteLine($"figure {t.File}: {t.Gold.Measure} {t.Gold.Qualifier}{t.Gold.Min}{(t.Gold.Max != t.Gold.Min ? $"-{t.Gold.Max}" : "")} as of {t.Gold.AsOf:yyyy-MM-dd} \"{t.Gold.Quote}\"");
        }

        RealnewsGold.Incident Incident(IncidentOutcome i) => r.Gold.Incidents[i.Incident];
    }
}
