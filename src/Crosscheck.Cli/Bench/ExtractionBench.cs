using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Crosscheck.Documents;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// Article-body extraction quality on the article-extraction-benchmark pages (html/&lt;id&gt;.html.gz and
/// ground-truth.json), scored with the benchmark's own shingle metric, beside readability.js in the same run.
/// Crosscheck's prediction is the text of the lede, body and subhead segments of the document it reads.
/// </summary>
internal static class ExtractionBench
{
    public static int Run(string dataDirectory, bool withPeer, TextWriter stdout, TextWriter stderr) =>
        Run(dataDirectory, withPeer, dumpDirectory: null, stdout, stderr);

    /// <param name="dumpDirectory">When given, each page's truth and predictions and a per-page score table
    /// are written there, to see where the systems differ.</param>
    public static int Run(string dataDirectory, bool withPeer, string? dumpDirectory, TextWriter stdout, TextWriter stderr)
    {
        var pages = LoadPages(dataDirectory);
        stdout.WriteLine($"bench extraction: {pages.Count} pages from {Path.GetFullPath(dataDirectory)}");

        var reader = new DocumentReader();
        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        // One untimed page first, so the figure is the steady rate rather than JIT warm-up.
        _ = Predict(reader, pages[0]);
        var stopwatch = Stopwatch.StartNew();
        foreach (var page in pages) predictions[page.Id] = Predict(reader, page);
        stopwatch.Stop();
        var ours = Score(pages, predictions);

        PeerRun? peer = null;
        if (withPeer)
        {
            stderr.WriteLine($"running {ReadabilityPeer.Name} (installing it on first use into {ReadabilityPeer.CacheFolder()})...");
            var (run, failure) = ReadabilityPeer.Run(dataDirectory);
            if (failure is not null) stdout.WriteLine($"{ReadabilityPeer.Name} not measured: {failure}");
            peer = run;
        }
        (ShingleScore Score, List<ShingleMatch> PerPage)? theirs = peer is null ? null : Score(pages, peer.Texts);

        stdout.WriteLine($"{"system",-16} {"pages",5} {"F1",7} {"precision",9} {"recall",7} {"seconds",8}");
        stdout.WriteLine(Row("crosscheck", pages.Count, ours.Score, stopwatch.Elapsed.TotalSeconds));
        if (peer is not null && theirs is not null)
        {
            stdout.WriteLine(Row(ReadabilityPeer.Name, pages.Count, theirs.Value.Score, peer.Seconds));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"difference (crosscheck - {ReadabilityPeer.Name}): F1 {ours.Score.F1 - theirs.Value.Score.F1:+0.000;-0.000;0.000}, precision {ours.Score.Precision - theirs.Value.Score.Precision:+0.000;-0.000;0.000}, recall {ours.Score.Recall - theirs.Value.Score.Recall:+0.000;-0.000;0.000}"));
        }
        stdout.WriteLine("F1 is the harmonic mean of precision and recall averaged over pages (4-token shingles, as the benchmark's evaluate.py);");
        stdout.WriteLine($"seconds are extraction time only (crosscheck: in process after one warm-up page; {ReadabilityPeer.Name}: jsdom parse and Readability, without node start-up).");

        if (dumpDirectory is not null) Dump(dumpDirectory, pages, predictions, ours.PerPage, peer?.Texts, theirs?.PerPage);
        return CrosscheckCli.Ok;
    }

    private sealed record Page(string Id, string Url, string Truth, byte[] Html);

    private static List<Page> LoadPages(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory)) throw new CliFailure($"{dataDirectory}: no such directory (expected the extraction benchmark: html/*.html.gz and ground-truth.json)");
        var truthPath = Path.Combine(dataDirectory, "ground-truth.json");
        if (!File.Exists(truthPath)) throw new CliFailure($"{truthPath}: not found");
        var htmlDirectory = Path.Combine(dataDirectory, "html");
        if (!Directory.Exists(htmlDirectory)) throw new CliFailure($"{htmlDirectory}: no such directory");

        var pages = new List<Page>();
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(truthPath));
            if (json.RootElement.ValueKind != JsonValueKind.Object) throw new CliFailure($"{truthPath}: expected a JSON object of pages");
            foreach (var entry in json.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var body = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
                var url = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "";
                var htmlPath = Path.Combine(htmlDirectory, entry.Name + ".html.gz");
                if (!File.Exists(htmlPath)) throw new CliFailure($"{htmlPath}: not found (named in {truthPath})");
                pages.Add(new Page(entry.Name, url, body, Gunzip(htmlPath)));
            }
        }
        catch (JsonException ex)
        {
            throw new CliFailure($"{truthPath}: not valid JSON ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliFailure($"{dataDirectory}: cannot read the benchmark ({ex.Message})");
        }
        if (pages.Count == 0) throw new CliFailure($"{truthPath}: no pages");
        return pages;
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Predict(DocumentReader reader, Page page)
    {
        foreach (var result in reader.ReadBytes(page.Id + ".html", page.Html, ".html"))
        {
            if (result.Document is not { } document) continue;
            return string.Join("\n", document.Segments.Where(s => Segment.IsArticleBody(s.Kind)).Select(document.Slice));
        }
        // A page Crosscheck refuses counts as an empty prediction, as a crashed extractor would in evaluate.py.
        return "";
    }

    private static (ShingleScore Score, List<ShingleMatch> PerPage) Score(List<Page> pages, IReadOnlyDictionary<string, string> predictions)
    {
        var perPage = pages.Select(p => ShingleMetric.Match(p.Truth, predictions.GetValueOrDefault(p.Id) ?? "")).ToList();
        return (ShingleMetric.Aggregate(perPage), perPage);
    }

    private static string Row(string system, int pages, ShingleScore score, double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{system,-16} {pages,5} {score.F1,7:F3} {score.Precision,9:F3} {score.Recall,7:F3} {seconds,8:F2}");

    private static void Dump(string directory, List<Page> pages, Dictionary<string, string> ours, List<ShingleMatch> ourScores,
        IReadOnlyDictionary<string, string>? theirs, List<ShingleMatch>? theirScores)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var table = new StringBuilder("id\tcrosscheck_p\tcrosscheck_r\tpeer_p\tpeer_r\turl\n");
            for (var i = 0; i < pages.Count; i++)
            {
                var id = pages[i].Id;
                File.WriteAllText(Path.Combine(directory, id + ".truth.txt"), pages[i].Truth);
                File.WriteAllText(Path.Combine(directory, id + ".crosscheck.txt"), ours[id]);
                if (theirs is not null) File.WriteAllText(Path.Combine(directory, id + ".peer.txt"), theirs.GetValueOrDefault(id) ?? "");
                table.Append(CultureInfo.InvariantCulture, $"{id}\t{ourScores[i].Precision:F3}\t{ourScores[i].Recall:F3}\t");
                table.Append(theirScores is null ? "\t" : string.Create(CultureInfo.InvariantCulture, $"{theirScores[i].Precision:F3}\t{theirScores[i].Recall:F3}"));
                table.Append(CultureInfo.InvariantCulture, $"\t{pages[i].Url}\n");
            }
            File.WriteAllText(Path.Combine(directory, "scores.tsv"), table.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{directory}: cannot write the dump ({ex.Message})");
        }
    }
}
