using System.Diagnostics;
using System.Globalization;

namespace Crosscheck.Language.Tagging;

/// <summary>Settings of a training run; the defaults are the ones the committed models were trained with (but the recognizer's iterations, see <see cref="EntityRecognizer.DefaultIterations"/>).</summary>
internal sealed record TrainingOptions
{
    /// <summary>Passes over the training sentences.</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Seed of the sentence shuffle before each pass (a fixed seed makes training reproducible).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Features seen fewer times than this in the training data are dropped before training.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>Averaged weights smaller than this in magnitude are dropped from the model.</summary>
    public float PruneBelow { get; init; } = 0.001f;

    public void Validate()
    {
        if (Iterations is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "iterations must be 1 to 1000");
        if (MinFeatureCount < 1) throw new ArgumentOutOfRangeException(nameof(MinFeatureCount), MinFeatureCount, "at least 1");
        if (PruneBelow < 0) throw new ArgumentOutOfRangeException(nameof(PruneBelow), PruneBelow, "not negative");
    }
}

/// <summary>The features of one sentence at a time, for a greedy left-to-right tagger.</summary>
internal interface ISequenceFeatures
{
    /// <summary>Makes sentence <paramref name="sentence"/> the current one and returns its length.</summary>
    int Prepare(int sentence);

    /// <summary>Writes the features of token <paramref name="index"/>, given the classes already chosen for the tokens before it.</summary>
    int Extract(int index, ReadOnlySpan<int> history, Span<ulong> features);
}

/// <summary>
/// Trains an averaged perceptron as a greedy left-to-right sequence tagger: each token is tagged with the
/// earlier predictions as features and the weights are corrected when it is wrong. Deterministic: the
/// feature set is fixed before training (ordered by id), the sentence order of each pass comes from
/// <c>new Random(seed)</c>, and nothing depends on hash-table enumeration order.
/// </summary>
internal static class GreedyTrainer
{
    public const int MaxFeatures = 128;

    /// <param name="transitions">Optional flags (classes + 1) × classes: may class c follow class p (row classes is the sentence start)?</param>
    public static PerceptronModel Train(string kind, int featureVersion, IReadOnlyList<string> classes, IReadOnlyList<int[]> gold,
        ISequenceFeatures extractor, bool[]? transitions, TrainingOptions options, IReadOnlyList<string> notes, Action<string>? progress = null)
    {
        options.Validate();
        var k = classes.Count;
        var clock = Stopwatch.StartNew();
        var buffer = new ulong[MaxFeatures];

        // Count features under gold histories; the rare ones would only let the model memorize.
        var counts = new Dictionary<ulong, int>();
        for (var s = 0; s < gold.Count; s++)
        {
            var length = extractor.Prepare(s);
            for (var i = 0; i < length; i++)
            {
                var n = extractor.Extract(i, gold[s], buffer);
                for (var f = 0; f < n; f++) counts[buffer[f]] = counts.GetValueOrDefault(buffer[f]) + 1;
            }
        }
        var ids = counts.Where(c => c.Value >= options.MinFeatureCount).Select(c => c.Key).Order().ToArray();
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"features: {counts.Count:N0} seen, {ids.Length:N0} seen at least {options.MinFeatureCount} times"));
        counts = null;

        var weights = new Weights(ids, k);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, gold.Count).ToArray();
        var scores = new float[k];
        var predicted = new int[gold.Count == 0 ? 0 : gold.Max(g => g.Length)];
        var allowed = new bool[k];
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            random.Shuffle(order);
            long right = 0, total = 0;
            foreach (var s in order)
            {
                var length = extractor.Prepare(s);
                for (var i = 0; i < length; i++)
                {
                    var n = extractor.Extract(i, predicted.AsSpan(0, i), buffer);
                    var features = buffer.AsSpan(0, n);
                    weights.Score(features, scores);
                    var guess = Best(scores, transitions, i == 0 ? k : predicted[i - 1], k, allowed);
                    weights.Update(features, gold[s][i], guess);
                    predicted[i] = guess;
                    if (guess == gold[s][i]) right++;
                    total++;
                }
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"iteration {iteration}/{options.Iterations}: {(total == 0 ? 0 : 100.0 * right / total):0.00}% of training tokens right ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        var (keptIds, keptWeights) = weights.Averaged(options.PruneBelow);
        return new PerceptronModel(kind, featureVersion, classes, notes, keptIds, keptWeights);
    }

    private static int Best(float[] scores, bool[]? transitions, int previous, int k, bool[] allowed)
    {
        if (transitions is not null) Array.Copy(transitions, previous * k, allowed, 0, k);
        var best = -1;
        for (var c = 0; c < k; c++)
        {
            if (transitions is not null && !allowed[c]) continue;
            if (best < 0 || scores[c] > scores[best]) best = c;
        }
        return best;
    }

    /// <summary>Current weights with lazily kept running totals for the average (each cell remembers when it last changed).</summary>
    internal sealed class Weights(ulong[] ids, int classes)
    {
        private readonly FeatureTable _table = new(ids);
        private readonly float[] _current = new float[ids.Length * classes];
        private readonly double[] _totals = new double[ids.Length * classes];
        private readonly int[] _stamps = new int[ids.Length * classes];
        private int _instances;

        public void Score(ReadOnlySpan<ulong> features, float[] scores)
        {
            Array.Clear(scores);
            foreach (var f in features)
            {
                var row = _table.Find(f);
                if (row < 0) continue;
                var w = _current.AsSpan(row * classes, classes);
                for (var c = 0; c < classes; c++) scores[c] += w[c];
            }
        }

        public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
        {
            _instances++;
            if (truth == guess) return;
            foreach (var f in features)
            {
                var row = _table.Find(f);
                if (row < 0) continue;
                Bump(row * classes + truth, 1);
                Bump(row * classes + guess, -1);
            }
        }

        private void Bump(int cell, float delta)
        {
            _totals[cell] += (double)(_instances - _stamps[cell]) * _current[cell];
            _stamps[cell] = _instances;
            _current[cell] += delta;
        }

        public (ulong[] Ids, float[] Weights) Averaged(float pruneBelow) =>
            AveragedRows.Collect(Enumerable.Range(0, ids.Length).Select(r => (r, ids[r])), classes, _totals, _stamps, _current, _instances, pruneBelow);
    }
}
