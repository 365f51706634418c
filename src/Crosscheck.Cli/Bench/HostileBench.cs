using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// Hostile inputs through <c>crosscheck ingest</c>, each in a child process with a fresh database, so its time and peak
/// memory are its own: per case the seconds (and how many of them before the record is linked), the peak resident set,
/// and the outcome (documents stored, inputs refused and the first refusal line). Inputs are generated the same way every run.
/// </summary>
internal static class HostileBench
{
    private sealed record Case(string Name, string Describes, Func<string, string> Make, long? MaxBytes = null);

    private static readonly Case[] Cases =
    [
        new("nested-divs", "200,000 nested <div>s around a paragraph", dir => Write(dir, "nested.html", w =>
        {
            w.Write("<html><body>");
            for (var i = 0; i < 200_000; i++) w.Write("<div>");
            w.Write("<p>" + Paragraph(1) + "</p>");
            for (var i = 0; i < 200_000; i++) w.Write("</div>");
            w.Write("</body></html>");
        })),
        new("attributes", "one tag with 1,000,000 attributes", dir => Write(dir, "attributes.html", w =>
        {
            w.Write("<html><body><div");
            for (var i = 0; i < 1_000_000; i++) w.Write(string.Create(CultureInfo.InvariantCulture, $" a{i}=\"v\""));
            w.Write("><p>" + Paragraph(2) + "</p></div></body></html>");
        })),
        new("json-line-50mb", "one JSON line of 50 MB (--max-bytes 100 MB)", dir => Write(dir, "big.jsonl", w =>
        {
            w.Write("{\"id\":\"big\",\"text\":\"");
            var p = Paragraph(3);
            for (long n = 0; n < 50_000_000; n += p.Length + 1) w.Write(p + " ");
            w.Write("\"}\n");
        }), MaxBytes: 100_000_000),
        new("feed-100k", "an RSS feed with 100,000 items (32 MB, --max-bytes 100 MB)", dir => Write(dir, "feed.xml", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Hostile Wire</title>");
            for (var i = 0; i < 100_000; i++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<item><guid>item-{i}</guid><title>Report {i}</title><description>{Paragraph(i)}</description></item>"));
            }
            w.Write("</channel></rss>");
        }), MaxBytes: 100_000_000),
        new("deep-feed", "an RSS item holding 200,000 nested elements", dir => Write(dir, "deep.xml", w =>
        {
            w.Write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile Wire</title><item><guid>a</guid><description>" + Paragraph(7) + "</description><x>");
            for (var i = 0; i < 200_000; i++) w.Write("<y>");
            for (var i = 0; i < 200_000; i++) w.Write("</y>");
            w.Write("</x></item></channel></rss>");
        })),
        new("text-200mb", "a 200 MB plain-text file (--max-bytes 300 MB)", dir => Write(dir, "huge.txt", w =>
        {
            var p = Paragraph(4);
            for (long n = 0; n < 200_000_000; n += p.Length + 1) w.Write(p + "\n");
        }), MaxBytes: 300_000_000),
        new("no-space-10mb", "10 MB without a space or line break", dir => Write(dir, "nospace.txt", w =>
        {
            var chunk = new string('a', 999) + ".";
            for (var i = 0; i < 10_000; i++) w.Write(chunk);
        })),
        new("longest-article", "one article just under the limit of 1,000,000 characters", dir => Write(dir, "long.txt", w =>
        {
            w.Write("Reports from the district\n");
            var written = 0;
            for (var i = 0; ; i++)
            {
                var p = Paragraph(i);
                if (written + p.Length + 1 > Crosscheck.Documents.ReaderOptions.Default.MaxArticleChars - 1_000) break;
                w.Write(p + "\n");
                written += p.Length + 1;
            }
        })),
        new("tiny-files-10k", "10,000 small files in one folder", dir =>
        {
            var folder = Path.Combine(dir, "tiny");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < 10_000; i++) File.WriteAllText(Path.Combine(folder, $"{i:D5}.txt"), $"Report {i}\n{Paragraph(i)}\n");
            return folder;
        }),
        new("fifo-and-loop", "a folder with a named pipe, a link loop and two articles", dir =>
        {
            var folder = Path.Combine(dir, "special");
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            File.WriteAllText(Path.Combine(folder, "one.txt"), "Report one\n" + Paragraph(5) + "\n");
            File.WriteAllText(Path.Combine(folder, "sub", "two.txt"), "Report two\n" + Paragraph(6) + "\n");
            File.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), "..");
            using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "pipe.txt"))) mkfifo.WaitForExit();
            return folder;
        }),
    ];

    public static int Run(string? only, int timeoutSeconds, TextWriter stdout)
    {
        var cases = only is null ? Cases : Cases.Where(c => c.Name == only).ToArray();
        if (cases.Length == 0) throw new UsageException($"--case must be one of: {string.Join(", ", Cases.Select(c => c.Name))}");
        stdout.WriteLine($"bench hostile: each case through `crosscheck ingest` in a child process with a fresh database (stopped after {timeoutSeconds} s)");
        stdout.WriteLine($"{"case",-16} {"input MB",9} {"seconds",8} {"stored s",9} {"stored MB",9} {"peak MB",8}  outcome");
        foreach (var c in cases)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"crosscheck-hostile-{Environment.ProcessId}-{c.Name}");
            Directory.CreateDirectory(dir);
            try
            {
                var input = c.Make(dir);
                var size = SizeOf(input);
                var run = RunIngest(input, Path.Combine(dir, "case.db"), c.MaxBytes, timeoutSeconds);
                var outcome = run.Outcome.Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Name,-16} {size / 1e6,9:F1} {run.Seconds,8:F2} {(run.StoredAt is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-"),9} {run.StoredPeakBytes / 1e6,9:F0} {run.PeakBytes / 1e6,8:F0}  {outcome}"));
            }
            finally
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        stdout.WriteLine("seconds: the whole ingest (read, store, analyze, link); stored s: when the documents were stored, before analysis and linking.");
        stdout.WriteLine("stored MB: the child's peak resident set (VmHWM) when the documents were stored; peak MB: at the end (sampled every 20 ms).");
        return CrosscheckCli.Ok;
    }

    private sealed record ChildRun(double Seconds, double? StoredAt, long StoredPeakBytes, long PeakBytes, string Outcome);

    private static ChildRun RunIngest(string input, string db, long? maxBytes, int timeoutSeconds)
    {
        var self = typeof(HostileBench).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(self);
        foreach (var a in new[] { "ingest", input, "--db", db }) start.ArgumentList.Add(a);
        if (maxBytes is { } m) { start.ArgumentList.Add("--max-bytes"); start.ArgumentList.Add(m.ToString(CultureInfo.InvariantCulture)); }
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        double? storedAt = null;
        var errors = new List<string>();
        long storedPeak = 0;
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Summary", StringComparison.Ordinal) != true || storedAt is not null) return;
            storedAt = clock.Elapsed.TotalSeconds;
            storedPeak = PeakOf(child.Id);
        };
        child.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) lock (errors) errors.Add(line); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        long peak = 0;
        var stopped = false;
        while (!child.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakOf(child.Id));
            if (clock.Elapsed.TotalSeconds > timeoutSeconds)
            {
                child.Kill(entireProcessTree: true);
                stopped = true;
            }
        }
        child.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        int stored;
        using (var store = DocumentStore.Open(db)) stored = store.Count;
        string outcome;
        lock (errors)
        {
            var refused = errors.Count(e => e.StartsWith("crosscheck: ", StringComparison.Ordinal));
            outcome = stopped ? $"stopped after {timeoutSeconds} s; stored {stored:N0}" : $"stored {stored:N0}, exit {child.ExitCode}";
            if (refused > 0) outcome += $", refused {refused:N0}: {Shorten(errors.First(e => e.StartsWith("crosscheck: ", StringComparison.Ordinal)))}";
        }
        return new ChildRun(seconds, storedAt, storedPeak, peak, outcome);
    }

    private static long PeakOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "…";

    private static long SizeOf(string path) => Directory.Exists(path)
        ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : new FileInfo(path).Length;

    private static string Write(string dir, string name, Action<TextWriter> write)
    {
        var path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        write(w);
        return path;
    }

    private static readonly string[] Places = ["the harbor", "the old bridge", "the northern district", "the airport road", "the river port", "the market square"];
    private static readonly string[] Doings = ["reopened after repairs", "was closed for inspection", "was cleared by police", "flooded after heavy rain", "was visited by the mayor", "hosted a protest"];

    private static readonly string[] Syllables = ["ka", "lo", "mar", "te", "vin", "sa", "dor", "el", "qui", "ran", "bo", "tu", "nes", "ha", "gri", "po"];

    /// <summary>A few sentences of plausible news with made-up names drawn from <paramref name="n"/>: the same every run, and
    /// different enough between values that the reports are not near-duplicates of each other.</summary>
    private static string Paragraph(int n)
    {
        var r = new Random(n);
        string Name()
        {
            var sb = new StringBuilder();
            for (var i = 0; i < 2 + r.Next(2); i++) sb.Append(Syllables[r.Next(Syllables.Length)]);
            sb[0] = char.ToUpperInvariant(sb[0]);
            return sb.ToString();
        }
        return $"Officials in {Name()} said {Places[r.Next(Places.Length)]} {Doings[r.Next(Doings.Length)]} on Monday, and {r.Next(2, 99)} people from {Name()} were questioned. "
            + $"The council of {Name()} will meet again in {r.Next(2, 30)} days, {Name()} {Name()}, a spokesperson for the district, told reporters.";
    }
}
