using System.Diagnostics;
using System.Globalization;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>One training sentence: words, the tags the parser will see (predicted, not gold), the gold tree.</summary>
internal sealed record ParserExample(string[] Words, string[] Tags, int[] Heads, string[] Relations);

/// <summary>Settings of a parser training run; the defaults are the committed model's.</summary>
internal sealed record ParserTrainingOptions
{
    public int Iterations { get; init; } = 12;
    public int Seed { get; init; } = 1;
    public int MinFeatureCount { get; init; } = 5;
    public float PruneBelow { get; init; } = 0.001f;

    /// <summary>Passes before the trainer starts following its own wrong transitions (Goldberg and Nivre 2012's k).</summary>
    public int ExploreAfter { get; init; } = 1;

    /// <summary>How often, once exploring, a wrong transition is followed rather than the oracle's (their p).</summary>
    public double ExploreProbability { get; init; } = 0.9;

    /// <summary>
    /// Parsers trained with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …, whose weights are averaged into one model
    /// (the features with the most weight kept, as many as one member has, so parsing costs what one member's does).
    /// </summary>
    public int Ensemble { get; init; } = 3;

    /// <summary>
    /// The beam width: 1 trains greedily with the dynamic oracle; more trains globally for beam search (<see cref="BeamTrainer"/>),
    /// and the model then parses with that beam.
    /// </summary>
    public int Beam { get; init; } = 1;

    /// <summary>With a beam: max-violation updates (Huang, Fayong and Guo 2012) instead of early ones.</summary>
    public bool MaxViolation { get; init; }

    public void Validate()
    {
        if (Iterations is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "iterations must be 1 to 1000");
        if (MinFeatureCount < 1) throw new ArgumentOutOfRangeException(nameof(MinFeatureCount), MinFeatureCount, "at least 1");
        if (Ensemble is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(Ensemble), Ensemble, "1 to 20 members");
        if (Beam is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(Beam), Beam, "a beam of 1 to 64");
    }
}

/// <summary>
/// Trains the parser online with the dynamic oracle of Goldberg and Nivre (2012): at each configuration the
/// transition model is corrected towards the best transition that loses no reachable gold arc, and after the first
/// passes the trainer usually follows its own mistake, so it learns to recover from them. Non-projective gold trees
/// are projectivized first (an arc that crosses is lifted to its head's head). The label model learns on every
/// gold arc the parser makes. Deterministic: fixed feature set, <c>new Random(seed)</c> for order and exploration.
/// </summary>
internal static class ParserTrainer
{
    public static DependencyParser Train(IReadOnlyList<ParserExample> examples, ParserTrainingOptions options, IReadOnlyList<string> notes,
        Action<string>? progress = null, PosTagger? tagger = null, WordClusters? clusters = null)
    {
        options.Validate();
        if (examples.Count == 0) throw new ArgumentException("no training sentences", nameof(examples));
        var clock = Stopwatch.StartNew();
        var labels = examples.SelectMany(e => e.Relations).Where(r => r != DependencyParser.RootRelation).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labels.Length > 254) throw new ArgumentException("more than 254 relations", nameof(examples));
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var rootLabel = labels.Length;
        var sentences = examples.Where(e => e.Words.Length is > 0 and <= DependencyParser.MaxLength).ToList();
        var gold = sentences.Select(e => Projectivizer.Lift(e.Heads)).ToList();
        var goldLabels = sentences.Select(e => e.Relations.Select(r => labelIndex.GetValueOrDefault(r, rootLabel)).ToArray()).ToList();
        var lifted = sentences.Select((e, i) => e.Heads.Where((h, j) => (h < 0 ? e.Words.Length : h) != gold[i][j]).Count()).Sum();

        var atoms = new ParserAtoms();
        var state = new ParseState();
        var buffer = new ulong[ParserFeatures.MaxFeatures];

        // The label features: what the static oracle's arcs show at least MinFeatureCount times. Transition features
        // grow as the trainer meets them (GrowingWeights), since exploration reaches configurations the oracle never does.
        var labelCounts = new Dictionary<ulong, int>();
        for (var s = 0; s < sentences.Count; s++)
        {
            atoms.Set(sentences[s].Words, sentences[s].Tags, clusters);
            state.Reset(sentences[s].Words.Length);
            while (!state.IsTerminal)
            {
                var t = StaticOracle(state, gold[s]);
                var label = -1;
                var (h, d) = state.ArcOf(t);
                if (d >= 0)
                {
                    label = h == state.N ? rootLabel : goldLabels[s][d];
                    if (h != state.N) Count(labelCounts, buffer.AsSpan(0, ParserFeatures.Label(atoms, state, h, d, buffer)));
                }
                state.Apply(t, label);
            }
        }
        var labelIds = Kept(labelCounts, options.MinFeatureCount);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{sentences.Count:N0} sentences ({lifted:N0} non-projective arcs lifted); label features {labelCounts.Count:N0} seen, {labelIds.Length:N0} kept"));
        labelCounts = null;

        var members = new List<((ulong[] Ids, float[] Weights) Transitions, (ulong[] Ids, float[] Weights) Labels)>();
        for (var member = 0; member < options.Ensemble; member++)
        {
            if (options.Ensemble > 1) progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"member {member + 1}/{options.Ensemble}, seed {options.Seed + member}"));
            members.Add(options.Beam > 1
                ? BeamTrainer.TrainOne(options, options.Seed + member, sentences, gold, goldLabels, labelIds, labels.Length, rootLabel, atoms, clusters, progress, clock)
                : TrainOne(options, options.Seed + member, sentences, gold, goldLabels, labelIds, labels.Length, rootLabel, atoms, state, buffer, clusters, progress, clock));
        }
        var (tIds, tWeights) = Average([.. members.Select(m => m.Transitions)], ParseState.TransitionCount);
        var (lIds, lWeights) = Average([.. members.Select(m => m.Labels)], labels.Length);
        var allNotes = notes.Append(options.Beam > 1
            ? string.Create(CultureInfo.InvariantCulture, $"parser: {sentences.Count} sentences, {lifted} non-projective arcs lifted, beam {options.Beam}, global training with {(options.MaxViolation ? "max-violation" : "early")} update")
            : string.Create(CultureInfo.InvariantCulture, $"parser: {sentences.Count} sentences, {lifted} non-projective arcs lifted, explore after {options.ExploreAfter} with p {options.ExploreProbability}"));
        if (options.Ensemble > 1)
            allNotes = allNotes.Append(string.Create(CultureInfo.InvariantCulture,
                $"the average of {options.Ensemble} parsers (seeds {options.Seed} to {options.Seed + options.Ensemble - 1}), keeping as many features as one has"));
        return new DependencyParser(
            new PerceptronModel(DependencyParser.TransitionKind, DependencyParser.FeatureVersion, ["shift", "reduce", "left-arc", "right-arc"], [.. allNotes], tIds, tWeights),
            new PerceptronModel(DependencyParser.LabelKind, DependencyParser.FeatureVersion, labels, [], lIds, lWeights), tagger, clusters, options.Beam);
    }

    /// <summary>
    /// The mean of the members' weights over the union of their features, keeping the features with the largest summed
    /// absolute weight, as many as the members have on average (ties by id), in id order, and of their weights the
    /// largest, as many non-zero ones as the members have on average (ties by position).
    /// </summary>
    internal static (ulong[] Ids, float[] Weights) Average(IReadOnlyList<(ulong[] Ids, float[] Weights)> members, int classes)
    {
        if (members.Count == 1) return members[0];
        var sum = new SortedDictionary<ulong, float[]>();
        foreach (var (ids, weights) in members)
            for (var r = 0; r < ids.Length; r++)
            {
                if (!sum.TryGetValue(ids[r], out var w)) sum[ids[r]] = w = new float[classes];
                for (var c = 0; c < classes; c++) w[c] += weights[r * classes + c] / members.Count;
            }
        var keep = (int)members.Average(m => m.Ids.Length);
        var kept = sum.OrderByDescending(p => p.Value.Sum(Math.Abs)).ThenBy(p => p.Key).Take(keep).OrderBy(p => p.Key).ToList();
        // As many non-zero weights as a member has too (the sparse label scorer reads only those), the heaviest.
        var cells = (int)members.Average(m => m.Weights.Count(w => w != 0));
        var mean = kept.SelectMany(p => p.Value).ToArray();
        foreach (var cell in Enumerable.Range(0, mean.Length).Where(i => mean[i] != 0)
                     .OrderByDescending(i => Math.Abs(mean[i])).ThenBy(i => i).Skip(cells).ToList())
            mean[cell] = 0;
        return ([.. kept.Select(p => p.Key)], mean);
    }

    private static ((ulong[] Ids, float[] Weights) Transitions, (ulong[] Ids, float[] Weights) Labels) TrainOne(ParserTrainingOptions options, int seed,
        List<ParserExample> sentences, List<int[]> gold, List<int[]> goldLabels, ulong[] labelIds, int labelCount, int rootLabel,
        ParserAtoms atoms, ParseState state, ulong[] buffer, WordClusters? clusters, Action<string>? progress, Stopwatch clock)
    {
        var transitions = new GrowingWeights(ParseState.TransitionCount);
        var labelWeights = new GreedyTrainer.Weights(labelIds, labelCount);
        var scores = new float[ParseState.TransitionCount];
        var labelScores = new float[labelCount];
        var costs = new int[ParseState.TransitionCount];
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            random.Shuffle(order);
            long right = 0, total = 0, labelRight = 0, labelTotal = 0;
            foreach (var s in order)
            {
                atoms.Set(sentences[s].Words, sentences[s].Tags, clusters);
                state.Reset(sentences[s].Words.Length);
                var g = gold[s];
                while (!state.IsTerminal)
                {
                    if (DependencyParser.OnlyValid(state) is var only and >= 0)
                    {
                        // Shift on an empty stack, reduce or attach to the root at the end: nothing to choose or learn.
                        state.Apply(only, only == ParseState.LeftArc ? rootLabel : -1);
                        continue;
                    }
                    var n = ParserFeatures.Transition(atoms, state, buffer);
                    var features = buffer.AsSpan(0, n);
                    transitions.Score(features, scores);
                    int predicted = -1, oracle = -1;
                    for (var t = 0; t < ParseState.TransitionCount; t++)
                    {
                        if (!state.IsValid(t)) continue;
                        costs[t] = state.Cost(t, g);
                        if (predicted < 0 || scores[t] > scores[predicted]) predicted = t;
                        if (costs[t] == 0 && (oracle < 0 || scores[t] > scores[oracle])) oracle = t;
                    }
                    total++;
                    var next = predicted;
                    if (costs[predicted] == 0) right++;
                    else
                    {
                        transitions.Update(features, oracle, predicted);
                        if (iteration <= options.ExploreAfter || random.NextDouble() >= options.ExploreProbability) next = oracle;
                    }
                    if (costs[predicted] == 0) transitions.Update(features, predicted, predicted);
                    var label = -1;
                    var (h, d) = state.ArcOf(next);
                    if (d >= 0)
                    {
                        if (h == state.N) label = rootLabel;
                        else
                        {
                            var m = ParserFeatures.Label(atoms, state, h, d, buffer);
                            labelWeights.Score(buffer.AsSpan(0, m), labelScores);
                            label = Best(labelScores);
                            if (g[d] == h && goldLabels[s][d] != rootLabel)
                            {
                                labelWeights.Update(buffer.AsSpan(0, m), goldLabels[s][d], label);
                                labelTotal++;
                                if (label == goldLabels[s][d]) labelRight++;
                            }
                        }
                    }
                    state.Apply(next, label);
                }
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"iteration {iteration}/{options.Iterations}: {100.0 * right / Math.Max(1, total):0.00}% of transitions right, {100.0 * labelRight / Math.Max(1, labelTotal):0.00}% of gold arcs' labels ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        return (transitions.Averaged(options.MinFeatureCount, options.PruneBelow), labelWeights.Averaged(options.PruneBelow));
    }

    /// <summary>The first transition, in the order left-arc, right-arc, reduce, shift, that loses no gold arc.</summary>
    internal static int StaticOracle(ParseState state, ReadOnlySpan<int> gold)
    {
        foreach (var t in (ReadOnlySpan<int>)[ParseState.LeftArc, ParseState.RightArc, ParseState.Reduce, ParseState.Shift])
            if (state.IsValid(t) && state.Cost(t, gold) == 0) return t;
        // Unreachable for a projective tree; keep going with any valid transition.
        for (var t = 0; t < ParseState.TransitionCount; t++) if (state.IsValid(t)) return t;
        throw new InvalidOperationException("no valid transition");
    }

    private static int Best(float[] scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    private static void Count(Dictionary<ulong, int> counts, ReadOnlySpan<ulong> features)
    {
        foreach (var f in features) counts[f] = counts.GetValueOrDefault(f) + 1;
    }

    private static ulong[] Kept(Dictionary<ulong, int> counts, int min) => counts.Where(c => c.Value >= min).Select(c => c.Key).Order().ToArray();
}

/// <summary>Makes a tree projective by lifting crossing arcs, shortest first, to the head's head (Nivre and Nilsson 2005, without encoding the lift in labels).</summary>
internal static class Projectivizer
{
    /// <summary>The lifted heads, with the root written as n (the sentence length).</summary>
    public static int[] Lift(int[] heads)
    {
        var n = heads.Length;
        var h = heads.Select(x => x < 0 || x >= n ? n : x).ToArray();
        for (var guard = 0; guard < n * n; guard++)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 0; d < n; d++)
            {
                if (h[d] == n) continue;
                var length = Math.Abs(h[d] - d);
                if (length < worstLength && !IsProjective(h, d)) { worst = d; worstLength = length; }
            }
            if (worst < 0) break;
            h[worst] = h[h[worst]];
        }
        return h;
    }

    /// <summary>Whether every word between <paramref name="d"/> and its head descends from that head.</summary>
    private static bool IsProjective(int[] h, int d)
    {
        var head = h[d];
        int lo = Math.Min(head, d), hi = Math.Max(head, d);
        for (var k = lo + 1; k < hi; k++)
        {
            var a = k;
            var steps = 0;
            while (a != head && a < h.Length && steps++ <= h.Length) a = h[a];
            if (a != head) return false;
        }
        return true;
    }
}
