using System.Globalization;
using Crosscheck.Cli.Bench;
using Crosscheck.Cli.Eval;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Encoders;

/// <summary>
/// <c>dotnet run -c Release --project src/Crosscheck.Encoders -- ecbplus|realnews|bench [options]</c>: what a sentence
/// encoder (MiniLM) changes in story clustering, and what it costs per document, beside the tf-idf linker alone.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private const string Usage = """
        Crosscheck.Encoders: the MiniLM sentence encoder measured against the tf-idf story clustering (opt-in).
          ecbplus  [--data ../shared/data/ecbplus] [--words 16,32,64,128] [--weights 0.2,...,0.7] [--thresholds 0.1,...,0.55] [--vetoes -1,0.2,0.3,0.4]
                   every setting scored on the ECB+ training topics, tf-idf alone re-tuned on them too; the dev topics for
                   the default, the re-tuned tf-idf and each lede length's best training setting
          realnews [--data ../shared/data/realnews] [--split dev] [--words 32] [--weights 0.4] [--thresholds 0.3] [--vetoes -1]
                   [--settings WORDS:WEIGHT:THRESHOLD:VETO,...] (weight 0 and veto -1: tf-idf alone at that threshold)
                   the incident-level figures of `eval realnews` without and with the encoder (each setting given)
          bench    [--data ../shared/data/gvdb] [--passes 3] [--words 32]
                   `bench analyze` with the encoder's embedding of title and lede as one more step (--words 0: without it)
        Scores: (1 - weight) * tf-idf cosine + weight * embedding cosine to the story's centroid, joined at >= threshold;
        a story whose embedding cosine is below the veto is never joined.
        """;

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var options = Options(args.Skip(1).ToArray());
        string Data(string name) => options.GetValueOrDefault("data") ?? Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "shared", "data", name));
        var words = Ints(options.GetValueOrDefault("words") ?? (args[0] == "ecbplus" ? "16,32,64,128" : "32"));
        switch (args[0])
        {
            case "ecbplus":
                return EcbPlus(Data("ecbplus"), words, Settings(options, "0.2,0.3,0.4,0.5,0.6,0.7", "0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45,0.5,0.55", "-1,0.2,0.3,0.4"));
            case "realnews":
                {
                    // --settings WORDS:WEIGHT:THRESHOLD:VETO,... names each setting whole; else every lede length with every setting.
                    List<(int Words, Setting Setting)> runs = options.GetValueOrDefault("settings") is { } named
                        ? [.. named.Split(',').Select(x => x.Split(':')).Select(p => (int.Parse(p[0], C), new Setting(double.Parse(p[1], C), double.Parse(p[2], C), double.Parse(p[3], C))))]
                        : [.. from n in words from s in Settings(options, "0.4", "0.3", "-1") select (n, s)];
                    return Realnews(Data("realnews"), options.GetValueOrDefault("split") ?? "dev", runs);
                }
            case "bench":
                {
                    var passes = int.Parse(options.GetValueOrDefault("passes") ?? "3", C);
                    if (words[0] == 0) return AnalyzeBench.Run(Data("gvdb"), passes, Console.Out, null);
                    using var encoder = new MiniLmEncoder(words[0]);
                    var status = AnalyzeBench.Run(Data("gvdb"), passes, Console.Out, ("encoder", d => encoder.Encode(d)));
                    Console.WriteLine($"encoder: {encoder.MillisecondsPerDocument.ToString("F2", C)} ms per call over all {encoder.Encoded:N0} embeddings, warm-up and "
                        + $"parallel passes included (title + {words[0]} words, one ONNX thread per call; the step line above is one thread alone)");
                    return status;
                }
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'\n{Usage}");
                return 2;
        }
    }

    private sealed record Setting(double Weight, double Threshold, double Veto)
    {
        public override string ToString() => $"weight {Weight.ToString("F2", C)} threshold {Threshold.ToString("F2", C)} veto {(Veto < 0 ? "none" : Veto.ToString("F2", C))}";

        public StoryClusterOptions Options(MiniLmEncoder encoder) =>
            new() { Threshold = Threshold, Embedding = Weight == 0 && Veto < 0 ? null : encoder.Of, EmbeddingWeight = Weight, EmbeddingVeto = Veto };
    }

    private static int EcbPlus(string directory, List<int> words, List<Setting> settings)
    {
        var articles = EcbPlusEval.Load(directory);
        var documents = new System.Collections.Concurrent.ConcurrentBag<Document>();
        var facts = EcbPlusEval.Read(articles, documents.Add);
        var train = facts.Where(f => !EcbPlusEval.DevTopics.Contains(f.Article.Topic)).ToList();
        var dev = facts.Where(f => EcbPlusEval.DevTopics.Contains(f.Article.Topic)).ToList();
        Console.WriteLine($"ECB+ ({directory}): {train.Count} training documents (settings chosen here), {dev.Count} dev documents (reported)");
        Console.WriteLine($"{"setting",-52} {"train P",8} {"R",6} {"F1",6} {"stories",8}");
        var baseline = EcbPlusEval.Score("train", train);
        Console.WriteLine($"{"tf-idf alone (the linker's default)",-52} {Row(baseline)}");
        // The fair peer: tf-idf alone with its threshold chosen on the same training topics and the same thresholds.
        var thresholds = settings.Select(s => s.Threshold).Distinct().Append(new StoryClusterOptions().Threshold).Distinct().Order().ToList();
        var retuned = thresholds.Select(t => (Threshold: t, Score: EcbPlusEval.Score("train", train, new StoryClusterOptions { Threshold = t }))).MaxBy(x => x.Score.F1);
        Console.WriteLine($"{$"tf-idf alone, threshold {retuned.Threshold.ToString("F3", C)} (best on train)",-52} {Row(retuned.Score)}");
        var devRows = new List<(string Name, EcbPlusEval.SplitScore Score)>
        {
            ("tf-idf alone (the linker's default)", EcbPlusEval.Score("dev", dev)),
            ($"tf-idf alone, threshold {retuned.Threshold.ToString("F3", C)}", EcbPlusEval.Score("dev", dev, new StoryClusterOptions { Threshold = retuned.Threshold })),
        };
        foreach (var n in words)
        {
            using var encoder = new MiniLmEncoder(n);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // One call per core: more calls at once only share the cores and inflate each call's time.
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d => encoder.Encode(d));
            Console.WriteLine($"title + {n} words: {documents.Count} documents encoded in {clock.Elapsed.TotalSeconds.ToString("F1", C)} s, "
                + $"{encoder.MillisecondsPerDocument.ToString("F1", C)} ms per document on one ONNX thread ({Environment.ProcessorCount} in parallel)");
            var scored = settings.Select(s => (Setting: s, Score: EcbPlusEval.Score("train", train, s.Options(encoder)))).ToList();
            foreach (var (s, score) in scored.OrderByDescending(x => x.Score.F1).Take(12)) Console.WriteLine($"  {s,-50} {Row(score)}");
            var best = scored.MaxBy(x => x.Score.F1);
            Console.WriteLine($"  best on train: {best.Setting} (of {scored.Count} settings)");
            devRows.Add(($"MiniLM {n} words, {best.Setting}", EcbPlusEval.Score("dev", dev, best.Setting.Options(encoder))));
        }
        Console.WriteLine();
        Console.WriteLine($"{"dev topics (reported; nothing chosen on them)",-52} {"dev P",8} {"R",6} {"F1",6} {"stories",8}");
        foreach (var (name, score) in devRows) Console.WriteLine($"{name,-52} {Row(score)}");
        return 0;
    }

    private static string Row(EcbPlusEval.SplitScore s) =>
        $"{s.Precision.ToString("F3", C),8} {s.Recall.ToString("F3", C),6} {s.F1.ToString("F3", C),6} {s.PredictedStories,4}/{s.GoldStories}";

    private static int Realnews(string directory, string split, List<(int Words, Setting Setting)> runs)
    {
        if (split is not ("dev" or "test")) throw new ArgumentException($"--split must be dev or test, not '{split}'");
        var gold = RealnewsGold.Load(directory);
        var articles = gold.Articles.Where(a => a.Split == split).ToList();
        Console.WriteLine($"realnews {split} ({articles.Count} articles): the incident level of `eval realnews --split {split}`");
        Console.WriteLine($"{"setting",-52} {"stories",7} {"recall",7} {"prec.",7} {"per gold",8} {"mixed",6} {"killed",7} {"tolls",5} {"wires",6} {"disputes",8} {"discr. (sup/rise/merge/not)",27}");
        Console.WriteLine($"{"tf-idf alone (the linker's default)",-52} {Line(gold, split, RealnewsRecord.Build(directory, articles))}");
        foreach (var group in runs.GroupBy(r => r.Words))
        {
            using var encoder = new MiniLmEncoder(group.Key);
            foreach (var (words, s) in group)
            {
                var view = RealnewsRecord.Build(directory, articles, s.Options(encoder), d =>
                {
                    if (encoder.Of(d.Id) is null) encoder.Encode(d);
                    return RecordLoader.Analyze(d);
                });
                var name = s.Weight == 0 && s.Veto < 0 ? $"tf-idf alone, threshold {s.Threshold.ToString("F3", C)}" : $"MiniLM {words} words, {s}";
                Console.WriteLine($"{name,-52} {Line(gold, split, view)}");
            }
            Console.WriteLine($"encoder: {encoder.MillisecondsPerDocument.ToString("F2", C)} ms per document ({encoder.Encoded} documents, title + {group.Key} words)");
        }
        return 0;
    }

    private static string Line(RealnewsGold.Gold gold, string split, RealnewsRecord.View view)
    {
        var r = RealnewsIncidentEval.Score(gold, split, view, RealnewsPlaces.Default);
        var counted = r.Predicted.Where(p => p.Counted).ToList();
        var found = r.Gold.Count(g => g.Found);
        var matched = counted.Count(p => p.Matches.Count > 0);
        var holding = r.Gold.Where(g => g.Holding.Count > 0).ToList();
        var withBest = r.Gold.Where(g => g.Gold.KilledBest is not null).ToList();
        var verdicts = string.Join("/", new[] { RealnewsIncidentEval.Supported, RealnewsIncidentEval.RisingToll, RealnewsIncidentEval.WrongMerge, RealnewsIncidentEval.NotSupported }
            .Select(v => r.Discrepancies.Count(d => d.Verdict == v)));
        return $"{view.Record.Stories.Length,7} {found,3}/{r.Gold.Count,-3} {matched,3}/{counted.Count,-3} {(holding.Count == 0 ? 0 : holding.Average(g => g.Holding.Count)).ToString("F2", C),8} "
            + $"{counted.Count(p => p.Mixed),6} {withBest.Count(g => g.KilledExact),3}/{withBest.Count,-3} {r.Episodes.Count(e => e.Right),2}/{r.Episodes.Count,-2} "
            + $"{r.Wires.Count(w => w.Traced),3}/{r.Wires.Count,-2} {r.Disputes.Count(d => d.Found),4}/{r.Disputes.Count,-3} {r.Discrepancies.Count,5} ({verdicts})";
    }

    private static List<Setting> Settings(Dictionary<string, string> options, string weights, string thresholds, string vetoes) =>
        [.. from w in Doubles(options.GetValueOrDefault("weights") ?? weights)
            from t in Doubles(options.GetValueOrDefault("thresholds") ?? thresholds)
            from v in Doubles(options.GetValueOrDefault("vetoes") ?? vetoes)
            select new Setting(w, t, v)];

    private static List<double> Doubles(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, C))];

    private static List<int> Ints(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, C))];

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"expected --name value, not '{args[i]}'");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }
}
