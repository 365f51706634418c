using System.Globalization;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Events;

/// <summary>How sure the text is that a predicate happened: the three bands of the factuality scales (MEANTIME, UW).</summary>
public enum FactualityBand
{
    Factual,
    Uncertain,
    NonFactual,
}

/// <summary>Contract names of <see cref="FactualityBand"/> ("non-factual").</summary>
public static class FactualityBands
{
    public static string Name(FactualityBand band) => band switch
    {
        FactualityBand.Factual => "factual",
        FactualityBand.Uncertain => "uncertain",
        _ => "non-factual",
    };

    /// <summary>The band a modality stands for: asserted factual; negated and denied non-factual; the rest uncertain.</summary>
    public static FactualityBand Of(Modality modality) => modality switch
    {
        Modality.Asserted => FactualityBand.Factual,
        Modality.Negated or Modality.Denied => FactualityBand.NonFactual,
        _ => FactualityBand.Uncertain,
    };
}

/// <summary>
/// One averaged perceptron over <see cref="PredicateFeatures"/> holding two decisions on disjoint classes: whether a noun
/// names an event (no predicate, predicate) and a predicate's band (factual, uncertain, non-factual). Verbs always are
/// predicates. The two never share a class, so each is trained only on its own examples (a noun that names no event
/// does not move the bands). Trained on the factuality corpora's train files (<c>crosscheck train
/// modality</c>); the committed model is models/modality.model. Read-only once built; thread-safe.
/// </summary>
internal sealed class FactualityModel
{
    public const string ModelKind = "factuality";
    public const string Resource = "Crosscheck.Models.modality.model";

    /// <summary>Classes 0 and 1 decide whether a noun is a predicate; class <see cref="FirstBand"/> + band is a band.</summary>
    public static readonly string[] Classes = ["none", "predicate", "factual", "uncertain", "non-factual"];

    /// <summary>The class of the first band (factual).</summary>
    public const int FirstBand = 2;

    private static readonly Lazy<FactualityModel?> LazyEmbedded = new(LoadEmbedded);

    public FactualityModel(PerceptronModel model)
    {
        if (model.Kind != ModelKind) throw new ModelLoadException($"a {model.Kind} model is not a factuality model");
        if (model.FeatureVersion != PredicateFeatures.FeatureVersion)
            throw new ModelLoadException($"factuality model of feature version {model.FeatureVersion}, this build needs {PredicateFeatures.FeatureVersion}; run 'crosscheck train modality'");
        if (!model.Classes.SequenceEqual(Classes)) throw new ModelLoadException("a factuality model has the classes none, predicate, factual, uncertain, non-factual");
        Model = model;
    }

    public PerceptronModel Model { get; }

    /// <summary>The model built into Crosscheck.dll, or null when the build has none (predicates then take the rules' band).</summary>
    public static FactualityModel? Embedded => LazyEmbedded.Value;

    /// <summary>
    /// A model of another feature version (features changed, model not yet retrained) is left out rather than failing
    /// every analysis, so <c>crosscheck train modality</c> can run; a test requires the embedded model to load.
    /// </summary>
    private static FactualityModel? LoadEmbedded()
    {
        using var stream = typeof(FactualityModel).Assembly.GetManifestResourceStream(Resource);
        if (stream is null) return null;
        try
        {
            return new FactualityModel(PerceptronModel.Load(stream, "models/modality.model (embedded)"));
        }
        catch (ModelLoadException)
        {
            return null;
        }
    }

    /// <summary>The predicate's band, or null when <paramref name="mayBeNone"/> (a noun) and the model takes it for no event.</summary>
    public FactualityBand? Predict(ReadOnlySpan<ulong> features, bool mayBeNone)
    {
        Span<float> scores = stackalloc float[Model.Stride];
        Model.Score(features, scores);
        if (mayBeNone && scores[0] >= scores[1]) return null;
        var best = FirstBand;
        for (var c = FirstBand + 1; c < Classes.Length; c++) if (scores[c] > scores[best]) best = c;
        return (FactualityBand)(best - FirstBand);
    }

    /// <summary>One training decision: its features, its right class, and the classes it chooses among (From..To, inclusive).</summary>
    internal sealed record Example(ulong[] Features, int Class, int From, int To);

    /// <summary>The example deciding whether a noun is a predicate.</summary>
    public static Example Detection(ulong[] features, bool predicate) => new(features, predicate ? 1 : 0, 0, 1);

    /// <summary>The example deciding a predicate's band.</summary>
    public static Example Banding(ulong[] features, FactualityBand band) => new(features, FirstBand + (int)band, FirstBand, Classes.Length - 1);

    /// <summary>
    /// Trains the perceptron: on each example whose best class among its own is wrong, the right class's weights of
    /// its features gain one and the predicted class's lose one; weights are averaged over all steps. Examples are visited
    /// in an order shuffled with <paramref name="seed"/> each pass, so a run is reproducible.
    /// </summary>
    public static FactualityModel Train(IReadOnlyList<Example> examples, int iterations, int seed, List<string> notes, Action<string>? progress = null)
    {
        var classes = Classes.Length;
        var index = new Dictionary<ulong, int>();
        var weights = new List<double>();
        var totals = new List<double>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var step = 1L;
        Span<double> scores = stackalloc double[classes];
        for (var pass = 0; pass < iterations; pass++)
        {
            random.Shuffle(order);
            var errors = 0;
            foreach (var e in order)
            {
                var example = examples[e];
                scores.Clear();
                foreach (var f in example.Features)
                {
                    if (!index.TryGetValue(f, out var at)) continue;
                    for (var c = 0; c < classes; c++) scores[c] += weights[at * classes + c];
                }
                var guess = -1;
                for (var c = example.From; c <= example.To; c++) if (guess < 0 || scores[c] > scores[guess]) guess = c;
                if (guess != example.Class)
                {
                    errors++;
                    foreach (var f in example.Features)
                    {
                        if (!index.TryGetValue(f, out var at))
                        {
                            at = index.Count;
                            index[f] = at;
                            for (var c = 0; c < classes; c++) { weights.Add(0); totals.Add(0); }
                        }
                        Bump(at * classes + example.Class, 1);
                        Bump(at * classes + guess, -1);
                    }
                }
                step++;
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"pass {pass + 1}: {errors:N0} errors on {examples.Count:N0} decisions"));
        }
        var ids = new List<ulong>();
        var averaged = new List<float>();
        foreach (var (id, at) in index.OrderBy(p => p.Key))
        {
            var row = new float[classes];
            var any = false;
            for (var c = 0; c < classes; c++)
            {
                var w = (float)(weights[at * classes + c] - totals[at * classes + c] / step);
                row[c] = Math.Abs(w) < 1e-4f ? 0 : w;
                any |= row[c] != 0;
            }
            if (!any) continue;
            ids.Add(id);
            averaged.AddRange(row);
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"multiclass averaged perceptron, {iterations} passes, seed {seed}, {examples.Count} decisions, {ids.Count} features"));
        return new FactualityModel(new PerceptronModel(ModelKind, PredicateFeatures.FeatureVersion, Classes, notes, [.. ids], [.. averaged]));

        // Lazy averaging: totals hold the sum of step * change, so the average is weight - totals / steps.
        void Bump(int cell, int delta)
        {
            weights[cell] += delta;
            totals[cell] += step * delta;
        }
    }
}
