using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crosscheck.Documents;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// Ingest throughput: documents generated in memory from varied sentences (nothing read from disk but the
/// database written), read, segmented, deduplicated and stored in a fresh SQLite file, on one thread.
/// </summary>
internal static class IngestBench
{
    public static int Run(int documents, TextWriter stdout)
    {
        if (documents < 1) throw new UsageException("--documents must be at least 1");
        stdout.WriteLine($"bench ingest: {documents:N0} generated documents per kind, one thread, fresh SQLite database (WAL)");
        stdout.WriteLine($"{"kind",-8} {"documents",10} {"seconds",8} {"docs/s",9} {"MB/s",7} {"peak MB",8} {"read s",8} {"store s",8}");
        foreach (var kind in new[] { "text", "html" })
        {
            var dir = Path.Combine(Path.GetTempPath(), "crosscheck-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var dbPath = Path.Combine(dir, kind + ".db");
            try
            {
                var inputs = ArticleGenerator.Generate(documents, kind == "html", seed: 20251103);
                var bytes = inputs.Sum(i => (long)i.Length);
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var reader = new DocumentReader();
                var ext = kind == "html" ? ".html" : ".txt";
                var stopwatch = Stopwatch.StartNew();
                var documentsRead = new List<Document>(inputs.Count);
                for (var i = 0; i < inputs.Count; i++)
                {
                    foreach (var r in reader.ReadBytes($"gen/{i:D6}{ext}", inputs[i], ext))
                    {
                        documentsRead.Add(r.Document ?? throw new InvalidOperationException($"generated input failed: {r.Error}"));
                    }
                }
                var readSeconds = stopwatch.Elapsed.TotalSeconds;
                using (var store = DocumentStore.Open(dbPath))
                {
                    foreach (var batch in documentsRead.Chunk(DocumentIngestor.BatchSize)) store.AddRange(batch);
                }
                stopwatch.Stop();
                process.Refresh();
                var seconds = stopwatch.Elapsed.TotalSeconds;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-8} {documents,10:N0} {seconds,8:F2} {documents / seconds,9:F0} {bytes / seconds / 1e6,7:F2} {process.PeakWorkingSet64 / 1e6,8:F0} {readSeconds,8:F2} {seconds - readSeconds,8:F2}"));
            }
            finally
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
        }
        stdout.WriteLine($"read s: decode, extract and segment; store s: dedupe and write (one transaction per batch of {DocumentIngestor.BatchSize}).");
        stdout.WriteLine("peak MB is the process's peak working set so far (it includes the generated inputs).");
        return CrosscheckCli.Ok;
    }
}

/// <summary>Articles made from a fixed pool of sentence parts, varied by a seeded generator: deterministic.</summary>
internal static class ArticleGenerator
{
    private static readonly string[] Actors = ["The defense ministry", "Coast guard officials", "A navy spokesperson", "Regional authorities", "Two officials", "The interior minister", "Local police", "A senior commander"];
    private static readonly string[] Verbs = ["said", "reported", "confirmed", "told reporters", "announced", "denied", "claimed", "wrote"];
    private static readonly string[] Events = ["a patrol boat was stopped near the northern coast", "three vessels were searched overnight", "troops were moved closer to the border", "a shipment was seized at the port", "talks would resume next week", "an aircraft had crossed into the restricted zone", "the operation had ended without casualties", "more than 40 people were detained"];
    private static readonly string[] Places = ["the Caribbean", "the Gulf", "the eastern province", "the capital", "international waters", "the southern border", "the island", "the harbor"];
    private static readonly string[] Days = ["on Monday", "on Tuesday", "late on Friday", "over the weekend", "earlier this month", "in September", "last year", "at dawn"];

    public static List<byte[]> Generate(int count, bool html, int seed)
    {
        var random = new Random(seed);
        var list = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var paragraphs = new List<string>();
            var n = 6 + random.Next(8);
            for (var p = 0; p < n; p++)
            {
                // Names and numbers drawn per sentence keep most word 5-grams rare, as in real reporting.
                paragraphs.Add($"{Pick(random, Actors)} in {Name(random)} {Pick(random, Verbs)} that {Pick(random, Events)} near {Name(random)} in {Pick(random, Places)} {Pick(random, Days)}, according to {Name(random)} {Name(random)}, who gave the figure of {random.Next(2, 500)}. "
                    + $"{Pick(random, Actors)} {Pick(random, Verbs)} {random.Next(2, 90)} people from {Name(random)} had been questioned by {Name(random)} investigators, and {Name(random)} said the review would take {random.Next(2, 30)} days.");
            }
            var title = $"{Pick(random, Actors)} {Pick(random, Verbs)} {Pick(random, Events)} ({i})";
            string text;
            if (html)
            {
                var sb = new StringBuilder();
                sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append(" | Example Wire</title>")
                  .Append("<meta property=\"og:site_name\" content=\"Example Wire\"><meta property=\"article:published_time\" content=\"2025-10-")
                  .Append((1 + i % 28).ToString("D2", CultureInfo.InvariantCulture)).Append("T08:00:00Z\"></head><body>")
                  .Append("<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a></nav></header>")
                  .Append("<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>")
                  .Append("<main><article><h1>").Append(title).Append("</h1>");
                foreach (var p in paragraphs) sb.Append("<p>").Append(p).Append("</p>");
                sb.Append("<div class=\"share-bar\"><a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div></article>")
                  .Append("<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">More news</a></li></ul></aside></main>")
                  .Append("<footer>© 2025 Example Wire</footer></body></html>");
                text = sb.ToString();
            }
            else
            {
                text = title + "\n" + string.Join("\n", paragraphs) + "\n";
            }
            list.Add(Encoding.UTF8.GetBytes(text));
        }
        return list;
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static readonly string[] Syllables = ["ka", "lo", "mar", "te", "vin", "sa", "dor", "el", "qui", "ran", "bo", "tu", "nes", "ha", "gri", "po"];

    private static string Name(Random r)
    {
        var n = 2 + r.Next(2);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++) sb.Append(Syllables[r.Next(Syllables.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }
}
