using System.Globalization;
using Crosscheck.Language;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Events;

/// <summary>
/// Ranks the speaker candidates of a quote (<see cref="SpeakerCandidates"/>) and "no speaker" with one averaged
/// perceptron: the candidate with the highest score wins. Trained on PolNeAR (<c>crosscheck train attribution</c>);
/// the committed model is models/attribution.model. Read-only once built; thread-safe.
/// </summary>
internal sealed class QuoteSpeakerModel
{
    public const string ModelKind = "attribution-speaker";
    public const string Resource = "Crosscheck.Models.attribution.model";

    private static readonly Lazy<QuoteSpeakerModel?> LazyEmbedded = new(LoadEmbedded);

    public QuoteSpeakerModel(PerceptronModel model)
    {
        if (model.Kind != ModelKind) throw new ModelLoadException($"a {model.Kind} model is not a quote speaker model");
        if (model.FeatureVersion != SpeakerCandidates.FeatureVersion)
            throw new ModelLoadException($"quote speaker model of feature version {model.FeatureVersion}, this build needs {SpeakerCandidates.FeatureVersion}; run 'crosscheck train attribution'");
        Model = model;
    }

    public PerceptronModel Model { get; }

    /// <summary>The model built into Crosscheck.dll, or null when the build has none (the rules then work alone).</summary>
    public static QuoteSpeakerModel? Embedded => LazyEmbedded.Value;

    private static QuoteSpeakerModel? LoadEmbedded()
    {
        using var stream = typeof(QuoteSpeakerModel).Assembly.GetManifestResourceStream(Resource);
        return stream is null ? null : new QuoteSpeakerModel(PerceptronModel.Load(stream, "models/attribution.model (embedded)"));
    }

    /// <summary>
    /// The index of the best candidate, or -1 for "no speaker". <paramref name="features"/> is a scratch buffer of at
    /// least <see cref="SpeakerCandidates.MaxFeatures"/>.
    /// </summary>
    public int Pick(AnnotatedText text, in QuoteSituation q, ReadOnlySpan<SpeakerCandidate> candidates, Span<ulong> features)
    {
        Span<float> scores = stackalloc float[Model.Stride];
        var n = SpeakerCandidates.NoSpeakerFeatures(text, q, candidates, features);
        Model.Score(features[..n], scores);
        var best = -1;
        var bestScore = scores[0];
        for (var i = 0; i < candidates.Length; i++)
        {
            n = SpeakerCandidates.Features(text, q, candidates, i, features);
            Model.Score(features[..n], scores);
            if (scores[0] > bestScore) { best = i; bestScore = scores[0]; }
        }
        return best;
    }

    /// <summary>The best row of an example's feature rows (row 0 is "no speaker"), ties to the lower row.</summary>
    internal int Best(ulong[][] rows)
    {
        Span<float> scores = stackalloc float[Model.Stride];
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var r = 0; r < rows.Length; r++)
        {
            Model.Score(rows[r], scores);
            if (scores[0] > bestScore) { best = r; bestScore = scores[0]; }
        }
        return best;
    }

    /// <summary>One training quote: the feature rows of "no speaker" (row 0) and of each candidate, and which rows are right.</summary>
    internal sealed record Example(ulong[][] Rows, bool[] Right);

    /// <summary>
    /// Trains the ranking perceptron: on each example, when the best-scoring row is wrong, the best right row's
    /// features gain one and the wrong row's lose one; the weights are averaged over all steps. Examples are visited
    /// in an order shuffled with <paramref name="seed"/> each pass, so a run is reproducible.
    /// </summary>
    public static QuoteSpeakerModel Train(IReadOnlyList<Example> examples, int iterations, int seed, List<string> notes, Action<string>? progress = null)
    {
        var index = new Dictionary<ulong, int>();
        var weights = new List<double>();
        var totals = new List<double>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var step = 1L;
        for (var pass = 0; pass < iterations; pass++)
        {
            random.Shuffle(order);
            var errors = 0;
            foreach (var e in order)
            {
                var example = examples[e];
                int predicted = -1, right = -1;
                double predictedScore = double.NegativeInfinity, rightScore = double.NegativeInfinity;
                for (var r = 0; r < example.Rows.Length; r++)
                {
                    var s = 0.0;
                    foreach (var f in example.Rows[r]) if (index.TryGetValue(f, out var at)) s += weights[at];
                    if (s > predictedScore) { predicted = r; predictedScore = s; }
                    if (example.Right[r] && s > rightScore) { right = r; rightScore = s; }
                }
                if (right >= 0 && !example.Right[predicted])
                {
                    errors++;
                    Update(example.Rows[right], +1);
                    Update(example.Rows[predicted], -1);
                }
                step++;
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"pass {pass + 1}: {errors:N0} errors on {examples.Count:N0} quotes"));
        }
        var ids = new List<ulong>();
        var averaged = new List<float>();
        foreach (var (id, at) in index.OrderBy(p => p.Key))
        {
            var w = (float)(weights[at] - totals[at] / step);
            if (w == 0) continue;
            ids.Add(id);
            averaged.Add(w);
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"ranking perceptron, {iterations} passes, seed {seed}, {examples.Count} quotes, {ids.Count} features"));
        return new QuoteSpeakerModel(new PerceptronModel(ModelKind, SpeakerCandidates.FeatureVersion, ["speaker"], notes, [.. ids], [.. averaged]));

        void Update(ulong[] row, int delta)
        {
            foreach (var f in row)
            {
                if (!index.TryGetValue(f, out var at))
                {
                    at = weights.Count;
                    index[f] = at;
                    weights.Add(0);
                    totals.Add(0);
                }
                weights[at] += delta;
                totals[at] += step * delta;
            }
        }
    }
}
