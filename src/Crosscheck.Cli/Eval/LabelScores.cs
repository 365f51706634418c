using System.Globalization;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// Single-label classification figures from (gold, predicted) pairs: accuracy, per-class precision, recall
/// and F1, macro and support-weighted F1, and the most frequent confusions.
/// </summary>
internal sealed class LabelScores
{
    private readonly List<(string Gold, string Predicted)> _pairs;

    public LabelScores(IEnumerable<(string Gold, string Predicted)> pairs) => _pairs = [.. pairs];

    public int Count => _pairs.Count;

    public double Accuracy => _pairs.Count == 0 ? 0 : (double)_pairs.Count(p => p.Gold == p.Predicted) / _pairs.Count;

    /// <summary>The gold classes, most frequent first.</summary>
    public IReadOnlyList<string> Classes => [.. _pairs.GroupBy(p => p.Gold, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];

    public (double Precision, double Recall, double F1, int Support) Of(string label)
    {
        int tp = 0, predicted = 0, support = 0;
        foreach (var (gold, guess) in _pairs)
        {
            if (gold == label) support++;
            if (guess == label) predicted++;
            if (gold == label && guess == label) tp++;
        }
        var p = predicted == 0 ? 0 : (double)tp / predicted;
        var r = support == 0 ? 0 : (double)tp / support;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), support);
    }

    /// <summary>F1 averaged over the gold classes, each weighted by its support.</summary>
    public double WeightedF1 => _pairs.Count == 0 ? 0 : Classes.Sum(c => { var s = Of(c); return s.F1 * s.Support; }) / _pairs.Count;

    /// <summary>F1 averaged over the gold classes, each counting once.</summary>
    public double MacroF1 => Classes.Count == 0 ? 0 : Classes.Average(c => Of(c).F1);

    /// <summary>The most frequent (gold → predicted) errors.</summary>
    public IEnumerable<(string Gold, string Predicted, int Count)> Confusions(int top) =>
        _pairs.Where(p => p.Gold != p.Predicted)
            .GroupBy(p => p)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Gold, StringComparer.Ordinal).ThenBy(g => g.Key.Predicted, StringComparer.Ordinal)
            .Take(top)
            .Select(g => (g.Key.Gold, g.Key.Predicted, g.Count()));

    /// <summary>Per-class lines: class, support, P, R, F1.</summary>
    public void WriteClasses(TextWriter stdout, string indent = "  ")
    {
        var width = Math.Max(5, Classes.Count == 0 ? 0 : Classes.Max(c => c.Length));
        stdout.WriteLine($"{indent}{"class".PadRight(width)}  gold     P     R    F1");
        foreach (var c in Classes)
        {
            var (p, r, f, n) = Of(c);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}{c.PadRight(width)}  {n,4}  {p,4:0.00}  {r,4:0.00}  {f,4:0.00}"));
        }
    }

    public void WriteConfusions(TextWriter stdout, int top, string indent = "  ")
    {
        foreach (var (gold, predicted, count) in Confusions(top)) stdout.WriteLine($"{indent}{count,3} × {gold} → {predicted}");
    }
}
