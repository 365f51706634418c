using System.Globalization;
using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval gvdb</c>: per-article killed and injured counts against the Gun Violence Database's
/// crowd annotation (dev split). Gold: a victim whose <c>victim-was</c> holds "killed" is killed; one whose
/// list holds "injured" or "hospitalized" but not "killed" is injured. Predicted: the largest count among
/// the article's asserted ASSAULT events (a range's maximum, its minimum when it has none); 0 when the
/// article has no such event or none states a count.
/// </summary>
internal static class GvdbEval
{
    internal sealed record Article(string Id, string Title, string Text, int GoldKilled, int GoldInjured)
    {
        /// <summary>How many victims the annotation lists, with or without an outcome.</summary>
        public int Victims { get; init; }
    }

    internal sealed record Outcome(Article Article, decimal Killed, decimal Injured)
    {
        /// <summary>The counted events' casualty words, for printing wrong articles.</summary>
        public List<string> Evidence { get; } = [];
    }

    internal sealed record Report(int Articles, double KilledExact, double InjuredExact, int KilledHigh, int KilledLow, int InjuredHigh, int InjuredLow,
        List<Outcome> Outcomes, double Seconds);

    public static int Run(string dataDirectory, int show, TextWriter stdout)
    {
        var path = Path.Combine(dataDirectory, "dev.tsv");
        var articles = Load(path);
        var tuning = Score([.. articles.Where(a => DatasetSplit.Of(a.Id) == DatasetHalf.Tuning)]);
        var report = Score([.. articles.Where(a => DatasetSplit.Of(a.Id) == DatasetHalf.Reporting)]);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"GVDB dev ({path}): {articles.Count} articles, {(tuning.Seconds + report.Seconds).ToString("F1", c)} s");
        stdout.WriteLine("gold killed   = victims whose victim-was holds \"killed\"");
        stdout.WriteLine("gold injured  = victims whose victim-was holds \"injured\" or \"hospitalized\" and not \"killed\"");
        stdout.WriteLine("predicted     = the largest fatalities / injured (max, else min) among the article's asserted ASSAULT events; 0 when none states one");
        stdout.WriteLine("halves        = SHA-256 of the article id, even = tuning (rules are chosen there), odd = reporting (the figures below)");
        stdout.WriteLine();
        stdout.WriteLine($"tuning half ({tuning.Articles} articles): killed exact {tuning.KilledExact.ToString("F3", c)}, injured exact {tuning.InjuredExact.ToString("F3", c)}");
        stdout.WriteLine($"reporting half ({report.Articles} articles):");
        stdout.WriteLine("            exact    right  too high  too low");
        Line("killed", report.KilledExact, report.KilledHigh, report.KilledLow);
        Line("injured", report.InjuredExact, report.InjuredHigh, report.InjuredLow);
        var listed = report.Outcomes.Where(o => o.Article.Victims > 0).ToList();
        stdout.WriteLine();
        stdout.WriteLine($"{report.Articles - listed.Count} articles list no victim (gold 0 and 0, though some texts name one); on the {listed.Count} that list one:");
        stdout.WriteLine($"killed exact {(listed.Count(o => o.Killed == o.Article.GoldKilled) / (double)Math.Max(1, listed.Count)).ToString("F3", c)}, "
            + $"injured exact {(listed.Count(o => o.Injured == o.Article.GoldInjured) / (double)Math.Max(1, listed.Count)).ToString("F3", c)}");
        stdout.WriteLine();
        stdout.WriteLine("gold vs predicted, killed (rows gold 0,1,2,3+; columns predicted 0,1,2,3+):");
        Confusion(o => o.Article.GoldKilled, o => o.Killed);
        stdout.WriteLine("gold vs predicted, injured:");
        Confusion(o => o.Article.GoldInjured, o => o.Injured);
        if (show > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("wrong articles of the tuning half:");
            foreach (var o in tuning.Outcomes.Where(o => o.Killed != o.Article.GoldKilled || o.Injured != o.Article.GoldInjured).Take(show))
            {
                stdout.WriteLine($"#{o.Article.Id} killed {o.Article.GoldKilled}→{o.Killed} injured {o.Article.GoldInjured}→{o.Injured}  {o.Article.Title}");
                foreach (var line in o.Evidence) stdout.WriteLine($"    {line}");
            }
        }
        return CrosscheckCli.Ok;

        void Line(string name, double exact, int high, int low)
        {
            var right = report.Articles - high - low;
            stdout.WriteLine($"{name,-10}  {exact.ToString("F3", c)}  {right,6}  {high,8}  {low,7}");
        }

        void Confusion(Func<Outcome, int> gold, Func<Outcome, decimal> predicted)
        {
            var cells = new int[4, 4];
            foreach (var o in report.Outcomes) cells[Math.Min(3, gold(o)), (int)Math.Min(3, predicted(o))]++;
            for (var g = 0; g < 4; g++)
            {
                stdout.WriteLine($"  {(g == 3 ? "3+" : g.ToString(c)),-3}" + string.Concat(Enumerable.Range(0, 4).Select(p => $"{cells[g, p],6}")));
            }
        }
    }

    /// <summary>Reads the predicted counts of every article and compares them with the gold ones.</summary>
    internal static Report Score(List<Article> articles)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = new List<Outcome>(articles.Count);
        foreach (var article in articles)
        {
            var text = StandardPipeline.Default.Process(article.Text);
            var reading = EventReader.Default.Read(text);
            decimal killed = 0, injured = 0;
            foreach (var e in reading.Events)
            {
                if (e.Type != PloverType.Assault || e.Modality != Modality.Asserted) continue;
                if (e.Fatalities is { } k) killed = Math.Max(killed, k.Max ?? k.Min);
                if (e.Injured is { } i) injured = Math.Max(injured, i.Max ?? i.Min);
            }
            var outcome = new Outcome(article, killed, injured);
            foreach (var e in reading.Events)
            {
                if (e.Type != PloverType.Assault || (e.Fatalities is null && e.Injured is null)) continue;
                outcome.Evidence.Add($"{Modalities.Name(e.Modality)} '{e.Trigger.Text}': killed {Describe(e.Fatalities)} injured {Describe(e.Injured)}");
            }
            outcomes.Add(outcome);
        }
        var n = Math.Max(1, outcomes.Count);
        return new Report(
            outcomes.Count,
            outcomes.Count(o => o.Killed == o.Article.GoldKilled) / (double)n,
            outcomes.Count(o => o.Injured == o.Article.GoldInjured) / (double)n,
            outcomes.Count(o => o.Killed > o.Article.GoldKilled),
            outcomes.Count(o => o.Killed < o.Article.GoldKilled),
            outcomes.Count(o => o.Injured > o.Article.GoldInjured),
            outcomes.Count(o => o.Injured < o.Article.GoldInjured),
            outcomes,
            clock.Elapsed.TotalSeconds);
    }

    private static string Describe(CountRange? r) => r is null ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"[{r.Min},{(r.Max is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}] \"{r.Text}\"");

    /// <summary>
    /// The rows of GVDB's dev.tsv (a header, then one article per line: id, url, title, full text, JSON annotation,
    /// worker), each with its line number; every row has at least <paramref name="minFields"/> fields.
    /// </summary>
    internal static IEnumerable<(int Line, string[] Fields)> Rows(string path, int minFields)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot read {path}: {ex.Message}");
        }
        if (lines.Length < 2 || !lines[0].StartsWith("Article id\t", StringComparison.Ordinal))
            throw new CliFailure($"{path} is not GVDB's dev.tsv: the first line should be the header 'Article id<TAB>Article url<TAB>...'");
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split('\t');
            if (fields.Length < minFields) throw new CliFailure($"{path}:{i + 1}: expected 6 tab-separated fields, found {fields.Length}");
            yield return (i + 1, fields);
        }
    }

    /// <summary>GVDB's dev.tsv as articles with their gold killed and injured counts.</summary>
    internal static List<Article> Load(string path)
    {
        var articles = new List<Article>();
        foreach (var (line, fields) in Rows(path, 5))
        {
            int killed = 0, injured = 0, victimCount = 0;
            try
            {
                using var json = JsonDocument.Parse(fields[4]);
                if (json.RootElement.TryGetProperty("victim-section", out var victims) && victims.ValueKind == JsonValueKind.Array)
                {
                    foreach (var victim in victims.EnumerateArray())
                    {
                        victimCount++;
                        if (!victim.TryGetProperty("victim-was", out var was) || was.ValueKind != JsonValueKind.Array) continue;
                        var outcomes = was.EnumerateArray().Select(v => v.GetString()).ToList();
                        if (outcomes.Contains("killed")) killed++;
                        else if (outcomes.Contains("injured") || outcomes.Contains("hospitalized")) injured++;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new CliFailure($"{path}:{line}: the Json column is not JSON ({ex.Message})");
            }
            articles.Add(new Article(fields[0], fields[2], fields[3], killed, injured) { Victims = victimCount });
        }
        return articles;
    }
}
