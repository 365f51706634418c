using Crosscheck.Language.Parsing;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

/// <summary>
/// The parser's scorers lay the weights out for speed (a sparse hash table, whole rows for features with many
/// weights); they must give the scores a plain sum of the model's rows gives, bit for bit.
/// </summary>
public sealed class ScorerTests
{
    private static (ulong[] Ids, float[] Weights) RandomModel(Random random, int features, int classes, Func<int, float> weight)
    {
        var ids = new HashSet<ulong>();
        while (ids.Count < features) ids.Add((ulong)random.NextInt64(1, long.MaxValue) * 2 + 1);
        var weights = new float[features * classes];
        for (var f = 0; f < features; f++)
        {
            // From no weight at all to every class weighted, so both the pairs and the whole rows are used.
            var nonZero = random.Next(classes + 1);
            for (var k = 0; k < nonZero; k++) weights[f * classes + random.Next(classes)] = weight(random.Next());
        }
        return ([.. ids], weights);
    }

    private static ulong[] Query(Random random, ulong[] ids, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? (ulong)random.NextInt64(1, long.MaxValue) * 2 : ids[random.Next(ids.Length)])];

    [Fact]
    public void LabelScoresEqualThePlainSumsOfTheRows()
    {
        var random = new Random(7);
        const int classes = 50;
        var (ids, weights) = RandomModel(random, 3000, classes, r => (r % 2001 - 1000) / 997f);
        var model = new PerceptronModel(DependencyParser.LabelKind, DependencyParser.FeatureVersion, [.. Enumerable.Range(0, classes).Select(c => $"l{c}")], [], ids, weights);
        var scorer = new SparseScorer(model);
        Assert.Equal(weights.Count(w => w != 0), scorer.Entries);
        var expected = new float[model.Stride];
        var actual = new float[model.Stride];
        for (var q = 0; q < 300; q++)
        {
            var features = Query(random, ids, 1 + random.Next(60));
            model.Score(features, expected);
            scorer.Score(features, actual);
            for (var c = 0; c < classes; c++) Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(actual[c]));
        }
    }

    [Fact]
    public void TransitionScoresEqualThePlainSumsOfTheRows()
    {
        var random = new Random(11);
        // Whole numbers up to the quantization's 32,000 levels, one of them the largest, quantize without loss.
        var (ids, weights) = RandomModel(random, 5000, ParseState.TransitionCount, r => r % 64001 - 32000);
        weights[0] = 32_000;
        var model = new PerceptronModel(DependencyParser.TransitionKind, DependencyParser.FeatureVersion, ["shift", "reduce", "left", "right"], [], ids, weights);
        var scorer = new TransitionScorer(model);
        var expected = new float[model.Stride];
        var actual = new float[ParseState.TransitionCount];
        for (var q = 0; q < 300; q++)
        {
            var features = Query(random, ids, 1 + random.Next(ParserFeatures.MaxFeatures));
            model.Score(features, expected);
            scorer.Score(features, actual);
            for (var t = 0; t < ParseState.TransitionCount; t++) Assert.Equal(expected[t], actual[t]);
        }
    }
}
