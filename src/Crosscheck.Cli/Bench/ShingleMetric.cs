using System.Globalization;
using System.Text;

namespace Crosscheck.Cli.Bench;

/// <summary>One page's shingle counts, normalized so that they sum to 1 (or all 0 when both texts are empty).</summary>
internal readonly record struct ShingleMatch(double TruePositives, double FalsePositives, double FalseNegatives)
{
    /// <summary>1 for a perfect match; 0 when nothing predicted matches. Only meaningful when something was predicted.</summary>
    public double Precision =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1.0
        : TruePositives == 0 && FalsePositives == 0 ? 0.0
        : TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 for a perfect match; 0 when nothing true was found. Only meaningful when the truth has text.</summary>
    public double Recall =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1.0
        : TruePositives == 0 && FalseNegatives == 0 ? 0.0
        : TruePositives / (TruePositives + FalseNegatives);

    public bool HasPrediction => TruePositives + FalsePositives > 0;
    public bool HasTruth => TruePositives + FalseNegatives > 0;
}

/// <summary>Averaged figures over a set of pages.</summary>
internal readonly record struct ShingleScore(double F1, double Precision, double Recall);

/// <summary>
/// The article-extraction-benchmark's metric, reproduced so that figures compare with its published table:
/// texts are cut into <c>\w+</c> tokens (Python's Unicode notion of a word character), tokens into
/// overlapping 4-grams ("shingles", or one shingle of all tokens when there are fewer than four), and the
/// multisets of shingles are compared per page. Precision is averaged over pages with a prediction, recall
/// over pages with a truth, and F1 is the harmonic mean of those two averages.
/// </summary>
internal static class ShingleMetric
{
    public const int ShingleSize = 4;

    public static ShingleMatch Match(string truth, string prediction)
    {
        var truthShingles = Shingles(truth);
        var predictedShingles = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, trueCount) in truthShingles)
        {
            var predictedCount = predictedShingles.GetValueOrDefault(shingle);
            tp += Math.Min(trueCount, predictedCount);
            fn += Math.Max(0, trueCount - predictedCount);
        }
        foreach (var (shingle, predictedCount) in predictedShingles)
        {
            fp += Math.Max(0, predictedCount - truthShingles.GetValueOrDefault(shingle));
        }
        // Normalized so that a long article weighs no more than a short one in the averages.
        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
    }

    public static ShingleScore Aggregate(IReadOnlyList<ShingleMatch> pages)
    {
        var precisions = pages.Where(p => p.HasPrediction).Select(p => p.Precision).ToList();
        var recalls = pages.Where(p => p.HasTruth).Select(p => p.Recall).ToList();
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new ShingleScore(f1, precision, recall);
    }

    internal static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        var last = Math.Max(1, tokens.Count - ShingleSize + 1);
        var sb = new StringBuilder();
        for (var i = 0; i < last; i++)
        {
            sb.Clear();
            for (var j = i; j < Math.Min(tokens.Count, i + ShingleSize); j++)
            {
                // U+0001 cannot occur inside a token, so joined shingles stay distinct.
                if (j > i) sb.Append('\u0001');
                sb.Append(tokens[j]);
            }
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsPythonWordCharacter(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>
    /// Python's <c>\w</c> on str patterns: letters (L*), numbers (N*, and anything with a numeric value) and
    /// the underscore. Unlike .NET's <c>\w</c> it excludes combining marks and other connector punctuation,
    /// which matters for scripts such as Devanagari where a vowel sign splits Python's tokens.
    /// </summary>
    internal static bool IsPythonWordCharacter(Rune rune)
    {
        if (rune.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return Rune.GetNumericValue(rune) != -1;
        }
    }
}
