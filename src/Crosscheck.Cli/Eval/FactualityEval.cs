using System.Globalization;
using Crosscheck.Cli.Commands;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval factuality</c>: scores the modality classifier on the unified event-factuality data
/// (MEANTIME, UW; CoNLL, one factuality score in −3…+3 per labelled predicate). Each sentence's tokens are
/// joined with spaces and run through the standard language pipeline (the one analyze runs, parser included); the predicate is the
/// token at its character offset. Gold bands: factual ≥ 2.5, non-factual ≤ −2.5, uncertain between. Our
/// modalities map onto them: asserted → factual; negated and denied → non-factual; planned, considered and
/// hypothetical → uncertain. For a score, each modality takes the median gold score of the TRAIN predicates
/// given it, and a second 3-way figure maps each modality to the band most of its TRAIN predicates fall in
/// (MEANTIME scores a certain future event as factual, so planned maps to factual there); dev figures never
/// feed back into either mapping.
/// </summary>
internal static class FactualityEval
{
    /// <summary>Gold scores at or above this are factual.</summary>
    public const double FactualFrom = 2.5;

    /// <summary>Gold scores at or below this are non-factual.</summary>
    public const double NonFactualTo = -2.5;

    /// <summary>The three classes of the 3-way figure.</summary>
    internal enum Band { Factual, Uncertain, NonFactual }

    private static readonly string[] BandNames = ["factual", "uncertain", "non-factual"];

    /// <summary>One labelled predicate: its sentence's tokens, its index, its gold score.</summary>
    internal sealed record Labelled(string[] Tokens, int Index, double Score)
    {
        /// <summary>The sentence's index in its file (the key of the tuning/reporting split with the corpus and file).</summary>
        public int Sentence { get; init; }
    }

    /// <summary>A predicate with our reading of it.</summary>
    internal sealed record Judged(Labelled Item, ModalityReading Reading);

    /// <summary>The figures for one split.</summary>
    internal sealed record Figures(int Count, double Accuracy, double BaselineAccuracy, double MacroF1, double BaselineMacroF1,
        double MeanAbsoluteError, double BaselineMeanAbsoluteError, (double P, double R, double F1, int Gold)[] PerBand,
        double CalibratedAccuracy, double CalibratedMacroF1);

    /// <summary>The two corpora, each with its train and dev file.</summary>
    internal static readonly string[] Corpora = ["meantime", "uw"];


    public static int Run(string? folder, int errors, TextWriter stdout)
    {
        folder ??= SharedDataFolder.PathTo("factuality");
        if (!Directory.Exists(folder)) throw new CliFailure($"{folder}: the factuality folder does not exist");
        stdout.WriteLine("event factuality (unified MEANTIME and UW data, scores -3..+3 per predicate)");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  gold bands: factual >= {FactualFrom}, non-factual <= {NonFactualTo}, uncertain between"));
        stdout.WriteLine("  our modality -> band: asserted -> factual; negated, denied -> non-factual; planned, considered, hypothetical -> uncertain");
        stdout.WriteLine("  baseline: every predicate asserted");
        stdout.WriteLine("  predicates: the contract's 'predicates' array (what 'analyze' writes), matched to each labelled predicate by its start;");
        stdout.WriteLine("  their factuality band against the gold band; baseline: every covered predicate factual");
        var pooled = new SortedDictionary<string, Coverage>(StringComparer.Ordinal);
        foreach (var corpus in Corpora)
        {
            var train = Judge(Read(Path.Combine(folder, corpus, "train.conll")));
            var devItems = Read(Path.Combine(folder, corpus, "dev.conll"));
            var dev = Judge([.. devItems.Where(i => DatasetSplit.Of($"{corpus}/dev.conll#{i.Sentence}") == DatasetHalf.Reporting)]);
            var devTuning = Judge([.. devItems.Where(i => DatasetSplit.Of($"{corpus}/dev.conll#{i.Sentence}") == DatasetHalf.Tuning)]);
            var calibration = Calibrate(train);
            stdout.WriteLine(
                $"  {corpus} band per modality calibrated on train (the band most TRAIN predicates given it fall in): {string.Join(", ", calibration.Bands.Select(p => $"{Modalities.Name(p.Key)} {BandNames[(int)p.Value]}"))}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {corpus} score per modality (median gold score of the TRAIN predicates given it): {string.Join(", ", calibration.Scores.Select(p => $"{Modalities.Name(p.Key)} {p.Value:0.0#}"))}; baseline {calibration.Baseline:0.0#}"));
            foreach (var (split, judged) in new[] { ("train", train), ("dev tuning half", devTuning), ("dev reporting half", dev) })
            {
                var f = Score(judged, calibration);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {corpus} {split} ({f.Count:N0} predicates): 3-way accuracy {100 * f.Accuracy:0.0}% (baseline {100 * f.BaselineAccuracy:0.0}%), macro F1 {f.MacroF1:0.000} (baseline {f.BaselineMacroF1:0.000}), MAE {f.MeanAbsoluteError:0.000} (baseline {f.BaselineMeanAbsoluteError:0.000})"));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {corpus} {split} with the bands calibrated on train: 3-way accuracy {100 * f.CalibratedAccuracy:0.0}%, macro F1 {f.CalibratedMacroF1:0.000}"));
                if (split != "dev reporting half") continue;
                for (var b = 0; b < 3; b++)
                {
                    var (p, r, f1, gold) = f.PerBand[b];
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {BandNames[b],-12} P {p:0.000}  R {r:0.000}  F1 {f1:0.000}  (gold {gold:N0})"));
                }
            }
            foreach (var (split, items) in new[] { ("dev tuning half", devTuning), ("dev reporting half", dev) })
            {
                var c = Coded(items);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {corpus} {split}, predicates the event reader codes as an event's trigger: {c.Coded:N0} of {items.Count:N0} ({100.0 * c.Coded / Math.Max(1, items.Count):0.0}%), 3-way accuracy on them {100.0 * c.Right / Math.Max(1, c.Coded):0.0}% (always asserted {100.0 * c.BaselineRight / Math.Max(1, c.Coded):0.0}%)"));
            }
            foreach (var (split, items) in new[] { ("dev tuning half", TuningHalf(corpus, devItems)), ("dev reporting half", ReportingHalf(corpus, devItems)), ("dev", devItems) })
            {
                var c = CoverageOf(items, ContractPredicates);
                pooled[split] = pooled.GetValueOrDefault(split) + c;
                PrintCoverage(stdout, $"{corpus} {split}", c);
            }
            if (errors > 0) PrintErrors(train, errors, corpus, stdout);
        }
        foreach (var (split, c) in pooled) PrintCoverage(stdout, $"pooled {split}", c);
        return CrosscheckCli.Ok;
    }

    /// <summary>The predicates the contract gives: the event reader's, the code behind the <c>predicates</c> array.</summary>
    private static IReadOnlyList<Predicate> ContractPredicates(AnnotatedText text) => EventReader.Default.Read(text).Predicates;

    internal static List<Labelled> TuningHalf(string corpus, List<Labelled> dev) =>
        [.. dev.Where(i => DatasetSplit.Of($"{corpus}/dev.conll#{i.Sentence}") == DatasetHalf.Tuning)];

    internal static List<Labelled> ReportingHalf(string corpus, List<Labelled> dev) =>
        [.. dev.Where(i => DatasetSplit.Of($"{corpus}/dev.conll#{i.Sentence}") == DatasetHalf.Reporting)];

    internal static void PrintCoverage(TextWriter stdout, string what, Coverage c) => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what}, predicates: {c.Covered:N0} of {c.Labelled:N0} labelled covered ({100 * c.Share:0.0}%), 3-way accuracy on them {100 * c.Accuracy:0.0}% (baseline {100 * c.BaselineAccuracy:0.0}%)"));

    /// <summary>Reads a 7-column factuality CoNLL file; a clear failure names the file and line.</summary>
    internal static List<Labelled> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{path}: cannot read the factuality file ({ex.Message})");
        }
        var items = new List<Labelled>();
        var sentenceIndex = 0;
        var tokens = new List<string>();
        var scores = new List<(int Index, double Score)>();
        void Flush()
        {
            if (tokens.Count > 0)
            {
                var sentence = tokens.ToArray();
                foreach (var (index, score) in scores) items.Add(new Labelled(sentence, index, score) { Sentence = sentenceIndex });
                sentenceIndex++;
            }
            tokens.Clear();
            scores.Clear();
        }
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Length == 0) { Flush(); continue; }
            var columns = line.Split('\t');
            if (columns.Length < 3 || columns[1].Length == 0)
            {
                throw new CliFailure($"{path}:{n + 1}: expected tab-separated columns index, token, score (or _), ...");
            }
            if (columns[2] != "_")
            {
                if (!double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || score is < -3 or > 3)
                {
                    throw new CliFailure($"{path}:{n + 1}: the factuality score '{columns[2]}' is not a number in -3..3");
                }
                scores.Add((tokens.Count, score));
            }
            tokens.Add(columns[1]);
        }
        Flush();
        if (items.Count == 0) throw new CliFailure($"{path}: no labelled predicates");
        return items;
    }

    /// <summary>Runs our pipeline on each sentence (once) and classifies every labelled predicate in it.</summary>
    internal static List<Judged> Judge(List<Labelled> items)
    {
        var judged = new List<Judged>(items.Count);
        string[]? current = null;
        AnnotatedText? text = null;
        int[] offsets = [];
        foreach (var item in items)
        {
            if (!ReferenceEquals(item.Tokens, current))
            {
                current = item.Tokens;
                text = Analyze(current, out offsets);
            }
            var token = text!.TokenAtOrAfter(offsets[item.Index]);
            if (token < 0 || token >= text.Count) token = text.Count - 1;
            var reading = ModalityClassifier.Default.ClassifyAt(text, text.SentenceOf(token), token);
            judged.Add(new Judged(item, reading));
        }
        return judged;
    }

    /// <summary>The sentence's tokens joined with spaces and run through the standard pipeline; each token's offset in the text.</summary>
    internal static AnnotatedText Analyze(string[] tokens, out int[] offsets)
    {
        offsets = new int[tokens.Length];
        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0) joined.Append(' ');
            offsets[i] = joined.Length;
            joined.Append(tokens[i]);
        }
        return StandardPipeline.Default.Process(joined.ToString(), null);
    }

    /// <summary>
    /// The predicates the full analysis codes as events (the predicate's token inside an event's trigger), with the
    /// 3-way accuracy of those events' modalities: what a reader of the contract's events sees.
    /// </summary>
    internal static (int Coded, int Right, int BaselineRight) Coded(List<Judged> judged)
    {
        int coded = 0, right = 0, baseline = 0;
        string[]? current = null;
        AnnotatedText? text = null;
        ArticleReading? reading = null;
        int[] offsets = [];
        foreach (var j in judged)
        {
            if (!ReferenceEquals(j.Item.Tokens, current))
            {
                current = j.Item.Tokens;
                text = Analyze(current, out offsets);
                reading = EventReader.Default.Read(text);
            }
            var token = text!.TokenAtOrAfter(offsets[j.Item.Index]);
            var e = reading!.Events.FirstOrDefault(e => e.Trigger.Contains(token));
            if (e is null) continue;
            coded++;
            var gold = GoldBand(j.Item.Score);
            if (BandOf(e.Modality) == gold) right++;
            if (gold == Band.Factual) baseline++;
        }
        return (coded, right, baseline);
    }

    /// <summary>How the contract's predicates meet the labelled ones: how many are labelled, how many of them have a predicate, how many of those have the gold band.</summary>
    internal readonly record struct Coverage(int Labelled, int Covered, int Right, int BaselineRight)
    {
        public static Coverage operator +(Coverage a, Coverage b) =>
            new(a.Labelled + b.Labelled, a.Covered + b.Covered, a.Right + b.Right, a.BaselineRight + b.BaselineRight);

        public double Share => (double)Covered / Math.Max(1, Labelled);

        public double Accuracy => (double)Right / Math.Max(1, Covered);

        public double BaselineAccuracy => (double)BaselineRight / Math.Max(1, Covered);
    }

    /// <summary>
    /// Runs <paramref name="predicates"/> (the code that fills the contract's <c>predicates</c>) on each sentence and
    /// matches every labelled predicate to the predicate that starts at its offset.
    /// </summary>
    internal static Coverage CoverageOf(List<Labelled> items, Func<AnnotatedText, IReadOnlyList<Predicate>> predicates)
    {
        int covered = 0, right = 0, baseline = 0;
        string[]? current = null;
        Dictionary<int, Predicate> byStart = [];
        int[] offsets = [];
        foreach (var item in items)
        {
            if (!ReferenceEquals(item.Tokens, current))
            {
                current = item.Tokens;
                var text = Analyze(current, out offsets);
                byStart = [];
                foreach (var p in predicates(text)) byStart.TryAdd(p.Start, p);
            }
            if (!byStart.TryGetValue(offsets[item.Index], out var found)) continue;
            covered++;
            var gold = GoldBand(item.Score);
            if ((int)found.Band == (int)gold) right++;
            if (gold == Band.Factual) baseline++;
        }
        return new Coverage(items.Count, covered, right, baseline);
    }

    /// <summary>The median TRAIN gold score per predicted modality, and of all predicates (the baseline's constant).</summary>
    internal sealed record Calibration(IReadOnlyDictionary<Modality, double> Scores, double Baseline, IReadOnlyDictionary<Modality, Band> Bands)
    {
        public double ScoreOf(Modality m) => Scores.TryGetValue(m, out var s) ? s : DefaultScore(m);

        /// <summary>The band TRAIN predicates given this modality fall in most often; the fixed mapping when TRAIN never predicts it.</summary>
        public Band CalibratedBandOf(Modality m) => Bands.TryGetValue(m, out var b) ? b : BandOf(m);
    }

    internal static Calibration Calibrate(List<Judged> train)
    {
        var scores = new SortedDictionary<Modality, double>();
        var bands = new SortedDictionary<Modality, Band>();
        foreach (var group in train.GroupBy(j => j.Reading.Modality))
        {
            scores[group.Key] = Median(group.Select(j => j.Item.Score));
            // Ties go to the fixed mapping's band, then to the lower band number.
            bands[group.Key] = group.GroupBy(j => GoldBand(j.Item.Score))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key == BandOf(group.Key) ? 0 : 1).ThenBy(g => g.Key).First().Key;
        }
        return new Calibration(scores, Median(train.Select(j => j.Item.Score)), bands);
    }

    /// <summary>Where a modality sits on the scale before calibration (used when TRAIN never predicts it).</summary>
    private static double DefaultScore(Modality m) => m switch
    {
        Modality.Asserted => 3,
        Modality.Planned => 1.5,
        Modality.Considered => 0.75,
        Modality.Hypothetical => 0,
        _ => -3,
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static Band GoldBand(double score) => score >= FactualFrom ? Band.Factual : score <= NonFactualTo ? Band.NonFactual : Band.Uncertain;

    internal static Band BandOf(Modality m) => m switch
    {
        Modality.Asserted => Band.Factual,
        Modality.Negated or Modality.Denied => Band.NonFactual,
        _ => Band.Uncertain,
    };

    internal static Figures Score(List<Judged> judged, Calibration calibration)
    {
        var confusion = new int[3, 3];
        var calibrated = new int[3, 3];
        var baseline = new int[3, 3];
        double error = 0, baselineError = 0;
        foreach (var j in judged)
        {
            var gold = (int)GoldBand(j.Item.Score);
            confusion[gold, (int)BandOf(j.Reading.Modality)]++;
            calibrated[gold, (int)calibration.CalibratedBandOf(j.Reading.Modality)]++;
            baseline[gold, (int)Band.Factual]++;
            error += Math.Abs(calibration.ScoreOf(j.Reading.Modality) - j.Item.Score);
            baselineError += Math.Abs(calibration.Baseline - j.Item.Score);
        }
        var n = judged.Count;
        var perBand = PerBand(confusion);
        var basePerBand = PerBand(baseline);
        return new Figures(n, Accuracy(confusion, n), Accuracy(baseline, n), perBand.Average(b => b.F1), basePerBand.Average(b => b.F1),
            error / n, baselineError / n, perBand, Accuracy(calibrated, n), PerBand(calibrated).Average(b => b.F1));
    }

    private static double Accuracy(int[,] confusion, int n) => n == 0 ? 0 : (double)(confusion[0, 0] + confusion[1, 1] + confusion[2, 2]) / n;

    private static (double P, double R, double F1, int Gold)[] PerBand(int[,] confusion)
    {
        var result = new (double, double, double, int)[3];
        for (var b = 0; b < 3; b++)
        {
            int predicted = 0, gold = 0;
            for (var o = 0; o < 3; o++) { predicted += confusion[o, b]; gold += confusion[b, o]; }
            var p = predicted == 0 ? 0 : (double)confusion[b, b] / predicted;
            var r = gold == 0 ? 0 : (double)confusion[b, b] / gold;
            result[b] = (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold);
        }
        return result;
    }

    /// <summary>Misjudged TRAIN predicates, for designing rules (never dev).</summary>
    private static void PrintErrors(List<Judged> train, int count, string corpus, TextWriter stdout)
    {
        stdout.WriteLine($"  {corpus} train errors (first {count}):");
        foreach (var j in train.Where(j => GoldBand(j.Item.Score) != BandOf(j.Reading.Modality)).Take(count))
        {
            var words = j.Item.Tokens.Select((t, i) => i == j.Item.Index ? $"[[{t}]]" : t);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    gold {j.Item.Score:+0.0;-0.0} ours {Modalities.Name(j.Reading.Modality)}: {string.Join(' ', words)}"));
        }
    }
}
