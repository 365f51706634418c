using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval dates</c> on <c>../shared/data/realnews</c> (one split, by the manifest's <c>split</c> column):
/// (a) the publication date recovered with the front matter's <c>published</c> removed in memory, against that date, per source
/// (top of the text, URL, file name) and as the reader combines them; (b) time expressions in the texts (read with their dates):
/// how many stay unresolved, weekdays among them; and the day of asserted ASSAULT events against the gold incidents' dates.
/// </summary>
internal static class DatesEval
{
    private sealed record Article(string File, string Path, string Url, DateOnly Gold, string GoldFrom, List<(DateOnly Start, DateOnly End)> Reported, List<(DateOnly Start, DateOnly End)> All);

    public static int Run(string? data, string split, bool show, TextWriter stdout)
    {
        var folder = data ?? SharedDataFolder.PathTo("realnews");
        var articles = Load(folder, split);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"realnews {split} ({folder}): {articles.Count} articles");
        stdout.WriteLine();
        stdout.WriteLine("(a) publication date with the front matter's `published` removed (gold: that date)");
        stdout.WriteLine("source                          gives   right   wrong");
        Recovery("top of the text (dateline)", a => PublicationDates.FromHeader(ReadBody(a)));
        Recovery("URL", a => PublicationDates.FromUrl(a.Url).Day);
        Recovery("file name (circular here)", a => PublicationDates.FromFileName(a.Path).Day);
        Recovery("reader, without file name", a => PublicationDates.Recover(ReadBody(a), a.Url, null)?.Date);
        Recovery("reader, all sources", a => ReadWithoutDate(a)?.Metadata.Published);
        stdout.WriteLine("(realnews file names are made from the gold date, so the file-name rows only show the rule works.)");
        foreach (var from in articles.GroupBy(a => a.GoldFrom).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var right = from.Count(a => PublicationDates.Recover(ReadBody(a), a.Url, null)?.Date == a.Gold);
            stdout.WriteLine($"  gold date from '{from.Key}': {from.Count()} articles, reader without file name right on {right}");
        }
        if (show)
        {
            foreach (var a in articles.Where(a => PublicationDates.Recover(ReadBody(a), a.Url, null)?.Date != a.Gold))
            {
                var top = string.Join(" | ", ReadBody(a).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(l => l.Length > 80 ? l[..80] : l));
                stdout.WriteLine($"  miss {a.Gold:yyyy-MM-dd} ({a.GoldFrom}) got {PublicationDates.Recover(ReadBody(a), a.Url, null)?.Date:yyyy-MM-dd} {a.Url}\n      {top}");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine("(b) times in the texts, read with their gold publication date");
        int times = 0, unresolved = 0, weekdays = 0, weekdaysUnresolved = 0, events = 0, withDay = 0, dayInGold = 0, dayExact = 0, mainFound = 0, mainExact = 0, withMain = 0;
        foreach (var a in articles)
        {
            var doc = Read(a, stripDate: false);
            if (doc is null) continue;
            var text = StandardPipeline.Default.Process(doc);
            foreach (var t in text.Times)
            {
                times++;
                if (!t.IsResolved) unresolved++;
                var weekday = Enumerable.Range(t.Span.StartToken, t.Span.EndToken - t.Span.StartToken).Any(i => IsWeekday(text.WordOf(i)));
                if (!weekday) continue;
                weekdays++;
                if (!t.IsResolved) weekdaysUnresolved++;
            }
            var days = new List<DateOnly>();
            foreach (var e in EventReader.Default.Read(text).Events)
            {
                if (e.Type != PloverType.Assault || e.Modality != Modality.Asserted) continue;
                events++;
                if (e.Time is not { IsResolved: true, Precision: TimePrecision.Day } time) continue;
                withDay++;
                days.Add(time.Start!.Value);
                if (a.All.Any(r => Within(time.Start!.Value, r, 1))) dayInGold++;
                if (a.All.Any(r => Within(time.Start!.Value, r, 0))) dayExact++;
            }
            if (a.Reported.Count == 0) continue;
            withMain++;
            if (days.Any(d => Within(d, a.Reported[0], 1))) mainFound++;
            if (days.Any(d => Within(d, a.Reported[0], 0))) mainExact++;
            else if (show)
            {
                stdout.WriteLine($"  day miss {a.File[..Math.Min(60, a.File.Length)]}: gold {a.Reported[0].Start:yyyy-MM-dd}..{a.Reported[0].End:yyyy-MM-dd}, published {a.Gold:yyyy-MM-dd}");
                foreach (var e in EventReader.Default.Read(text).Events.Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted).Take(6))
                {
                    stdout.WriteLine($"      '{e.Trigger.Text}' time: {e.Time?.Span.Text ?? "-"} {e.Time?.Start:yyyy-MM-dd} ({e.Time?.Precision})");
                }
            }
        }
        stdout.WriteLine($"time expressions {times}, unresolved {unresolved} ({Share(unresolved, times)}); with a weekday {weekdays}, unresolved {weekdaysUnresolved}");
        stdout.WriteLine($"asserted ASSAULT events {events}; with a resolved day {withDay} ({Share(withDay, events)}); of these on a day of a gold incident the article reports or mentions {dayExact} ({Share(dayExact, withDay)}), within 1 day {dayInGold} ({Share(dayInGold, withDay)})");
        stdout.WriteLine($"articles reporting an incident {withMain}; with an event dated on a day of its main incident {mainExact} ({Share(mainExact, withMain)}), within 1 day {mainFound} ({Share(mainFound, withMain)})");
        return CrosscheckCli.Ok;

        void Recovery(string name, Func<Article, DateOnly?> recover)
        {
            int gives = 0, right = 0;
            foreach (var a in articles)
            {
                if (recover(a) is not { } d) continue;
                gives++;
                if (d == a.Gold) right++;
            }
            stdout.WriteLine($"{name,-30}  {gives,5}  {right,6}  {gives - right,6}");
        }

        static string Share(int n, int of) => of == 0 ? "-" : (n / (double)of).ToString("F3", CultureInfo.InvariantCulture);
    }

    private static bool Within(DateOnly d, (DateOnly Start, DateOnly End) range, int slack) =>
        d.DayNumber >= range.Start.DayNumber - slack && d.DayNumber <= range.End.DayNumber + slack;

    private static bool IsWeekday(string w) => Enum.GetNames<DayOfWeek>().Any(n => n.Equals(w, StringComparison.OrdinalIgnoreCase));

    private static readonly Dictionary<string, Document?> Cache = [];

    private static string ReadBody(Article a) => ReadWithoutDate(a)?.Text ?? "";

    private static Document? ReadWithoutDate(Article a) => Read(a, stripDate: true);

    /// <summary>The article as the reader reads it from its own path, with the front matter's date line removed in memory when asked.</summary>
    private static Document? Read(Article a, bool stripDate)
    {
        var key = (stripDate ? "-" : "+") + a.Path;
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var lines = File.ReadAllLines(a.Path);
        var kept = stripDate ? lines.Where(l => !l.StartsWith("published:", StringComparison.OrdinalIgnoreCase)) : lines;
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n");
        var doc = new DocumentReader(new ReaderOptions { RecoverPublished = true }).ReadBytes(a.Path, bytes, ".txt").Select(r => r.Document).FirstOrDefault();
        Cache[key] = doc;
        return doc;
    }

    private static List<Article> Load(string folder, string split)
    {
        var manifest = System.IO.Path.Combine(folder, "manifest.tsv");
        var goldPath = System.IO.Path.Combine(folder, "gold.json");
        if (!File.Exists(manifest) || !File.Exists(goldPath)) throw new CliFailure($"{folder} has no manifest.tsv and gold.json (the realnews folder)");
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        var incidents = new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal);
        foreach (var i in gold.RootElement.GetProperty("incidents").EnumerateArray())
        {
            var date = i.GetProperty("date");
            incidents[i.GetProperty("id").GetString()!] = date.ValueKind == JsonValueKind.String
                ? (Day(date.GetString()!), Day(date.GetString()!))
                : (Day(date.GetProperty("start").GetString()!), Day(date.GetProperty("end").GetString()!));
        }
        var goldArticles = gold.RootElement.GetProperty("articles");
        var lines = File.ReadAllLines(manifest);
        var header = lines[0].Split('\t').ToList();
        int Col(string name) => header.IndexOf(name) is var k and >= 0 ? k : throw new CliFailure($"{manifest} has no column '{name}'");
        var (file, path, splitCol, url, published, from) = (Col("file"), Col("path"), Col("split"), Col("url"), Col("published"), Col("date_from"));
        var result = new List<Article>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            if (f[splitCol] != split) continue;
            var reported = new List<(DateOnly, DateOnly)>();
            var all = new List<(DateOnly, DateOnly)>();
            if (goldArticles.TryGetProperty(f[file], out var g))
            {
                foreach (var id in g.GetProperty("reports").EnumerateArray()) if (incidents.TryGetValue(id.GetString()!, out var r)) { reported.Add(r); all.Add(r); }
                foreach (var id in g.GetProperty("mentions").EnumerateArray()) if (incidents.TryGetValue(id.GetString()!, out var r)) all.Add(r);
            }
            result.Add(new Article(f[file], System.IO.Path.Combine(folder, f[path]), f[url], Day(f[published]), f[from], reported, all));
        }
        if (result.Count == 0) throw new CliFailure($"no article of split '{split}' in {manifest}");
        return result;
    }

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
