using System.Diagnostics;
using System.Globalization;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Trains the transition model globally for beam search (Zhang and Nivre 2011): a structured averaged perceptron over
/// whole transition sequences, with early update (Collins and Roark 2004) when no parse that is still right remains in
/// the beam, the right one being the best-scoring parse that has lost no gold arc (so any of the equivalent gold
/// sequences counts). The label model learns on the gold arcs of that right parse, as the greedy trainer's does.
/// Averages count one instance per sentence. Deterministic: <c>new Random(seed)</c> orders the sentences.
/// </summary>
internal static class BeamTrainer
{
    public static ((ulong[] Ids, float[] Weights) Transitions, (ulong[] Ids, float[] Weights) Labels) TrainOne(ParserTrainingOptions options, int seed,
        List<ParserExample> sentences, List<int[]> gold, List<int[]> goldLabels, ulong[] labelIds, int labelCount, int rootLabel,
        ParserAtoms atoms, WordClusters? clusters, Action<string>? progress, Stopwatch clock)
    {
        var transitions = new GrowingWeights(ParseState.TransitionCount);
        var labelWeights = new GreedyTrainer.Weights(labelIds, labelCount);
        var labelScores = new float[labelCount];
        var labelFeatures = new ulong[ParserFeatures.MaxFeatures];
        var features = new ulong[ParserFeatures.MaxFeatures];
        var search = new BeamSearch(options.Beam) { MaxViolation = options.MaxViolation };
        var replay = new ParseState();
        int ChooseLabel(ParserAtoms a, ParseState state, int h, int d)
        {
            if (h == state.N) return rootLabel;
            var m = ParserFeatures.Label(a, state, h, d, labelFeatures);
            labelWeights.Score(labelFeatures.AsSpan(0, m), labelScores);
            return Best(labelScores);
        }
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            random.Shuffle(order);
            long whole = 0, early = 0, labelRight = 0, labelTotal = 0;
            foreach (var s in order)
            {
                var n = sentences[s].Words.Length;
                atoms.Set(sentences[s].Words, sentences[s].Tags, clusters);
                var (predicted, right, wholeRight) = search.Train(atoms, n, transitions, ChooseLabel, gold[s]);
                if (predicted < 0) whole++;
                else if (right >= 0)
                {
                    var wrongPath = search.History(predicted);
                    var rightPath = search.History(right);
                    if (wrongPath.Count != rightPath.Count) throw new InvalidOperationException("paths of unequal length");
                    var from = 0;
                    while (from < rightPath.Count && rightPath[from].Node == wrongPath[from].Node) from++;
                    Replay(rightPath, from, +1f);
                    Replay(wrongPath, from, -1f);
                    if (wrongPath.Count < 2 * n) early++;
                }
                if (wholeRight >= 0)
                {
                    // The label model learns on the right parse's arcs, in the configurations that parse met.
                    var path = search.History(wholeRight);
                    replay.Reset(n);
                    foreach (var (_, t, label) in path)
                    {
                        var (h, d) = replay.ArcOf(t);
                        if (d >= 0 && h != n && gold[s][d] == h && goldLabels[s][d] != rootLabel)
                        {
                            var m = ParserFeatures.Label(atoms, replay, h, d, labelFeatures);
                            labelWeights.Score(labelFeatures.AsSpan(0, m), labelScores);
                            var guess = Best(labelScores);
                            labelWeights.Update(labelFeatures.AsSpan(0, m), goldLabels[s][d], guess);
                            labelTotal++;
                            if (guess == goldLabels[s][d]) labelRight++;
                        }
                        replay.Apply(t, label);
                    }
                }
                transitions.Tick();
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"iteration {iteration}/{options.Iterations}: {100.0 * whole / sentences.Count:0.00}% of sentences parsed right, {100.0 * early / sentences.Count:0.00}% updated before the end, {100.0 * labelRight / Math.Max(1, labelTotal):0.00}% of gold arcs' labels, {transitions.Count:N0} features ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        return (transitions.Averaged(options.MinFeatureCount, options.PruneBelow), labelWeights.Averaged(options.PruneBelow));

        // Adds delta to the features of each chosen transition of the path from step 'from' on (the shared start cancels).
        void Replay(List<(int Node, int Transition, int Label)> path, int from, float delta)
        {
            replay.Reset(atoms.Length);
            for (var k = 0; k < path.Count; k++)
            {
                var (_, t, label) = path[k];
                if (k >= from && DependencyParser.OnlyValid(replay) < 0)
                {
                    var m = ParserFeatures.Transition(atoms, replay, features);
                    transitions.Add(features.AsSpan(0, m), t, delta);
                }
                replay.Apply(t, label);
            }
        }
    }

    private static int Best(float[] scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }
}
