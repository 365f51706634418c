using System.Diagnostics;
using System.Text;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Export;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// <c>crosscheck bench analyze</c>: articles/s of the whole single-article analysis on the GVDB article texts:
/// reading the bytes into a document, the language pipeline, the event reader, entity linking and the
/// contract JSON. No peer does this whole job, so none runs beside it.
/// </summary>
internal static class AnalyzeBench
{
    private sealed record Figures(string Name, int Articles, int Passes, double Seconds, long Events, long Quotes, long PeakBytes)
    {
        public double ArticlesPerSecond => Articles * (double)Passes / Seconds;
    }

    public static int Run(string dataDirectory, int passes, TextWriter stdout) => Run(dataDirectory, passes, stdout, null);

    /// <summary>
    /// As <c>bench analyze</c>, with <paramref name="extra"/> (a named step, e.g. a sentence encoder's embedding of
    /// the document) run on every document after its analysis, for measuring what a step would cost there.
    /// </summary>
    internal static int Run(string dataDirectory, int passes, TextWriter stdout, (string Name, Action<Document> Run)? extra)
    {
        if (passes < 1) throw new UsageException("--passes must be at least 1.");
        var texts = LanguageBench.LoadTexts(Path.Combine(dataDirectory, "dev.tsv"));
        var probe = new DocumentReader();
        var inputs = texts.Select((t, i) => ($"gvdb-{i}.txt", Encoding.UTF8.GetBytes(t)))
            .Where(x => probe.ReadBytes(x.Item1, x.Item2, ".txt").Any(r => r.Document is not null)).ToList();
        stdout.WriteLine($"GVDB dev articles: {inputs.Count:N0} of {texts.Count:N0} read as articles ({texts.Sum(t => (long)t.Length):N0} characters), {passes} timed passes after a warm-up until the runtime settles (at least two seconds, on while a pass gets more than 3% faster)");
        stdout.WriteLine("Each article: bytes → document → language pipeline → events and quotes → entities → contract JSON"
            + (extra is { } x ? $" → {x.Name}." : "."));
        var one = Measure(inputs, passes, parallel: false, extra?.Run);
        var all = Environment.ProcessorCount > 1 ? Measure(inputs, passes, parallel: true, extra?.Run) : null;
        stdout.WriteLine();
        stdout.WriteLine($"{"",-14} {"articles/s",11} {"ms/article",11} {"events",8} {"quotes",8} {"peak MB",8}");
        foreach (var f in new[] { one, all })
        {
            if (f is null) continue;
            stdout.WriteLine($"{f.Name,-14} {f.ArticlesPerSecond,11:N1} {1000 / f.ArticlesPerSecond,11:N2} {f.Events,8:N0} {f.Quotes,8:N0} {f.PeakBytes / 1048576.0,8:N0}");
        }
        stdout.WriteLine();
        stdout.WriteLine("Time per step on one thread (one more pass):");
        foreach (var (name, seconds) in StepTimes(inputs, extra))
            stdout.WriteLine($"  {name,-10} {seconds * 1000,9:N1} ms  {inputs.Count / seconds,10:N0} articles/s");
        return CrosscheckCli.Ok;
    }

    private static (long Events, long Quotes) AnalyzeOne(DocumentReader reader, string source, byte[] bytes, Action<Document>? extra)
    {
        long events = 0, quotes = 0;
        foreach (var result in reader.ReadBytes(source, bytes, ".txt"))
        {
            if (result.Document is not { } doc) continue;
            var text = StandardPipeline.Default.Process(doc);
            var reading = EventReader.Default.Read(text);
            var index = new EntityIndex();
            index.Add(doc.Id, text);
            AnalysisJson.Write(Stream.Null, [(doc, [doc.Source])], index.Build(), new Dictionary<string, ArticleReading> { [doc.Id] = reading });
            extra?.Invoke(doc);
            events += reading.Events.Length;
            quotes += reading.Quotes.Length;
        }
        return (events, quotes);
    }

    private static Figures Measure(List<(string Source, byte[] Bytes)> inputs, int passes, bool parallel, Action<Document>? extra)
    {
        var reader = new DocumentReader();
        (long, long) Pass()
        {
            long events = 0, quotes = 0;
            if (parallel)
            {
                Parallel.For(0, inputs.Count, i =>
                {
                    var (e, q) = AnalyzeOne(reader, inputs[i].Source, inputs[i].Bytes, extra);
                    Interlocked.Add(ref events, e);
                    Interlocked.Add(ref quotes, q);
                });
            }
            else
            {
                foreach (var (source, bytes) in inputs)
                {
                    var (e, q) = AnalyzeOne(reader, source, bytes, extra);
                    events += e;
                    quotes += q;
                }
            }
            return (events, quotes);
        }
        WarmUp(() => Pass());
        var clock = Stopwatch.StartNew();
        (long Events, long Quotes) counts = default;
        for (var p = 0; p < passes; p++) counts = Pass();
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        return new Figures(parallel ? $"Crosscheck×{Environment.ProcessorCount}" : "Crosscheck×1", inputs.Count, passes, seconds, counts.Events, counts.Quotes, self.PeakWorkingSet64);
    }

    /// <summary>
    /// Passes until the runtime has settled: at least two seconds, then on while a pass is still more than 3% faster than
    /// every pass before it (the runtime's background compiler is still replacing first-tier code with optimised code;
    /// measured under load, the timed passes had run a fifth slower than later ones), at most <see cref="MaxWarmUp"/>.
    /// A long ingest runs at the settled speed; the figures are of that.
    /// </summary>
    internal static int WarmUp(Action pass)
    {
        var warm = Stopwatch.StartNew();
        var best = double.MaxValue;
        var passes = 0;
        while (warm.Elapsed < MaxWarmUp)
        {
            var one = Stopwatch.StartNew();
            pass();
            passes++;
            var seconds = one.Elapsed.TotalSeconds;
            var faster = seconds < best * 0.97;
            best = Math.Min(best, seconds);
            if (warm.Elapsed >= TimeSpan.FromSeconds(2) && passes >= 2 && !faster) break;
        }
        return passes;
    }

    /// <summary>The longest warm-up: a machine too loaded to settle still gets its figures.</summary>
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);

    private static List<(string Name, double Seconds)> StepTimes(List<(string Source, byte[] Bytes)> inputs, (string Name, Action<Document> Run)? extra)
    {
        double step = 0;
        var reader = new DocumentReader();
        double read = 0, language = 0, events = 0, predicates = 0, output = 0;
        var eventsAlone = new EventReader { Predicates = null };
        var clock = new Stopwatch();
        foreach (var (source, bytes) in inputs)
        {
            clock.Restart();
            var doc = reader.ReadBytes(source, bytes, ".txt").Select(r => r.Document).First(d => d is not null)!;
            read += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var text = StandardPipeline.Default.Process(doc);
            language += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var reading = eventsAlone.Read(text);
            events += clock.Elapsed.TotalSeconds;
            clock.Restart();
            reading = reading with { Predicates = PredicateReader.Default.Read(text) };
            predicates += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var index = new EntityIndex();
            index.Add(doc.Id, text);
            AnalysisJson.Write(Stream.Null, [(doc, [doc.Source])], index.Build(), new Dictionary<string, ArticleReading> { [doc.Id] = reading });
            output += clock.Elapsed.TotalSeconds;
            if (extra is { } x)
            {
                clock.Restart();
                x.Run(doc);
                step += clock.Elapsed.TotalSeconds;
            }
        }
        List<(string, double)> steps = [("document", read), ("language", language), ("events", events), ("predicates", predicates), ("output", output)];
        if (extra is { } e) steps.Add((e.Name, step));
        return steps;
    }
}
