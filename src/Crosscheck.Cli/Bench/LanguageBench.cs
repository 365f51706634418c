using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Language;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// <c>crosscheck bench language</c>: tokens/s, articles/s and peak memory of the whole language layer on the
/// GVDB article texts, beside wink-nlp (wink-eng-lite-web-model: sentences, POS, entities) on the same texts.
/// </summary>
internal static class LanguageBench
{
    public const string PeerName = "wink-nlp";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private const string PeerScript = """
        // Written by `crosscheck bench language`; rewritten on every run.
        'use strict';
        const fs = require('fs');
        const winkNLP = require('wink-nlp');
        const model = require('wink-eng-lite-web-model');
        const [textsFile, passes, outFile] = process.argv.slice(2);
        const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
        const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
        const its = nlp.its;
        function run() {
          let tokens = 0, sentences = 0, entities = 0;
          for (const t of texts) {
            const doc = nlp.readDoc(t);
            tokens += doc.tokens().length();
            sentences += doc.sentences().length();
            entities += doc.entities().out().length;
            doc.tokens().out(its.pos);
          }
          return { tokens, sentences, entities };
        }
        const warmUntil = process.hrtime.bigint() + 2000000000n; // two seconds of warm-up, as for Crosscheck
        do { run(); } while (process.hrtime.bigint() < warmUntil);
        const started = process.hrtime.bigint();
        let counts;
        for (let p = 0; p < Number(passes); p++) counts = run();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const peakBytes = process.resourceUsage().maxRSS * 1024;
        fs.writeFileSync(outFile, JSON.stringify({ seconds, peakBytes, ...counts }));
        """;

    private sealed record Figures(string Name, long Tokens, long Sentences, long Entities, int Articles, int Passes, double Seconds, long PeakBytes, string Does)
    {
        public double TokensPerSecond => Tokens * (double)Passes / Seconds;
        public double ArticlesPerSecond => Articles * (double)Passes / Seconds;
    }

    public static int Run(string dataDirectory, int passes, bool withPeer, TextWriter stdout, TextWriter stderr)
    {
        if (passes < 1) throw new UsageException("--passes must be at least 1.");
        var texts = LoadTexts(Path.Combine(dataDirectory, "dev.tsv"));
        stdout.WriteLine($"GVDB dev articles: {texts.Count:N0} ({texts.Sum(t => (long)t.Length):N0} characters), {passes} timed passes after two seconds of warm-up");

        var ours = RunOurs(texts, passes, parallel: false);
        var oursParallel = Environment.ProcessorCount > 1 ? RunOurs(texts, passes, parallel: true) : null;
        Figures? peer = null;
        if (withPeer)
        {
            stderr.WriteLine($"running {PeerName} (installing it on first use into {NodePeer.CacheFolder("wink")})...");
            var (run, failure) = RunPeer(texts, passes);
            if (failure is not null) stderr.WriteLine($"crosscheck: {PeerName} did not run: {failure}");
            peer = run;
        }

        stdout.WriteLine();
        stdout.WriteLine($"{"",-12} {"tokens/s",12} {"articles/s",11} {"peak MB",8} {"tokens",9} {"sentences",10} {"entities",9}  does");
        foreach (var f in new[] { ours, oursParallel, peer })
        {
            if (f is null) continue;
            stdout.WriteLine($"{f.Name,-12} {f.TokensPerSecond,12:N0} {f.ArticlesPerSecond,11:N1} {f.PeakBytes / 1048576.0,8:N0} {f.Tokens,9:N0} {f.Sentences,10:N0} {f.Entities,9:N0}  {f.Does}");
        }
        if (peer is not null)
        {
            stdout.WriteLine($"\nCrosscheck / {PeerName}, one thread each: {ours.TokensPerSecond / peer.TokensPerSecond:F2}x tokens/s");
            if (oursParallel is not null)
                stdout.WriteLine($"Crosscheck on {Environment.ProcessorCount} threads / {PeerName} (single-threaded JavaScript): {oursParallel.TokensPerSecond / peer.TokensPerSecond:F2}x tokens/s");
        }
        stdout.WriteLine();
        stdout.WriteLine("Crosscheck, time per step (one more pass, each step timed on its own):");
        foreach (var (name, seconds) in StepTimes(texts))
            stdout.WriteLine($"  {name,-12} {seconds * 1000,8:N1} ms  {ours.Tokens / seconds,12:N0} tokens/s");
        return CrosscheckCli.Ok;
    }

    /// <summary>One thread, like the peer; or every core, one article per work item (the pipeline is shared and thread-safe).</summary>
    private static Figures RunOurs(IReadOnlyList<string> texts, int passes, bool parallel)
    {
        var pipeline = StandardPipeline.Default;
        (long Tokens, long Sentences, long Entities) Pass()
        {
            long tokens = 0, sentences = 0, entities = 0;
            if (parallel)
            {
                Parallel.For(0, texts.Count, i =>
                {
                    var a = pipeline.Process(texts[i], published: null);
                    Interlocked.Add(ref tokens, a.Count);
                    Interlocked.Add(ref sentences, a.Sentences.Length);
                    Interlocked.Add(ref entities, a.Entities.Length);
                });
                return (tokens, sentences, entities);
            }
            foreach (var t in texts)
            {
                var a = pipeline.Process(t, published: null);
                tokens += a.Count;
                sentences += a.Sentences.Length;
                entities += a.Entities.Length;
            }
            return (tokens, sentences, entities);
        }
        // Warm up for two seconds at least, so the JIT's tiered, profile-guided code is in place before timing.
        var warm = Stopwatch.StartNew();
        do Pass(); while (warm.Elapsed < TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var counts = (0L, 0L, 0L);
        for (var p = 0; p < passes; p++) counts = Pass();
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var does = string.Join(", ", pipeline.Components.Select(c => c.Name).Prepend("tokens"));
        return new Figures(parallel ? $"Crosscheck×{Environment.ProcessorCount}" : "Crosscheck", counts.Item1, counts.Item2, counts.Item3, texts.Count, passes, seconds, self.PeakWorkingSet64, does);
    }

    private static List<(string Name, double Seconds)> StepTimes(IReadOnlyList<string> texts)
    {
        var pipeline = StandardPipeline.Default;
        var times = new double[pipeline.Components.Length + 1];
        var clock = new Stopwatch();
        foreach (var t in texts)
        {
            clock.Restart();
            var a = Tokenizer.Default.Tokenize(t);
            times[0] += clock.Elapsed.TotalSeconds;
            for (var i = 0; i < pipeline.Components.Length; i++)
            {
                clock.Restart();
                pipeline.Components[i].Process(a);
                times[i + 1] += clock.Elapsed.TotalSeconds;
            }
        }
        return [("tokens", times[0]), .. pipeline.Components.Select((c, i) => (c.Name, times[i + 1]))];
    }

    private static (Figures? Run, string? Failure) RunPeer(IReadOnlyList<string> texts, int passes)
    {
        var (cache, failure) = NodePeer.Install("wink", "wink-nlp", "wink-eng-lite-web-model");
        if (cache is null) return (null, failure);
        var scriptPath = Path.Combine(cache, "language.js");
        var textsPath = Path.Combine(cache, "texts.json");
        var outPath = Path.Combine(cache, "output.json");
        try
        {
            File.WriteAllText(scriptPath, PeerScript);
            File.WriteAllText(textsPath, JsonSerializer.Serialize(texts));
            File.Delete(outPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot write the peer's files in {cache}: {ex.Message}");
        }
        var (ran, runMessage) = NodePeer.Execute("node", [scriptPath, textsPath, passes.ToString(System.Globalization.CultureInfo.InvariantCulture), outPath], RunTimeout);
        if (!ran) return (null, $"node {scriptPath} failed: {runMessage}");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(outPath));
            var r = json.RootElement;
            return (new Figures(PeerName, r.GetProperty("tokens").GetInt64(), r.GetProperty("sentences").GetInt64(), r.GetProperty("entities").GetInt64(),
                texts.Count, passes, r.GetProperty("seconds").GetDouble(), (long)r.GetProperty("peakBytes").GetDouble(),
                "tokens, sentences, pos, ner (wink-eng-lite-web-model)"), null);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the peer's output {outPath} could not be read: {ex.Message}");
        }
    }


    /// <summary>The "Full text" column of GVDB's dev.tsv.</summary>
    internal static List<string> LoadTexts(string path) => [.. Eval.GvdbEval.Rows(path, 4).Select(r => r.Fields[3])];
}
