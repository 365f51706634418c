using System.Globalization;

namespace Crosscheck.Language.Tagging;

/// <summary>
/// Precision, recall and F1 of entity spans by exact match (same first and last token, same type), per type
/// and micro-averaged, optionally after mapping both sides onto a coarser scheme.
/// </summary>
internal sealed class EntityScores
{
    private readonly SortedDictionary<string, (int Right, int Predicted, int Gold)> _counts = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _map;

    /// <param name="map">Maps a type to the type scored (null: not scored); identity when absent.</param>
    public EntityScores(Func<string, string?>? map = null) => _map = map ?? (t => t);

    /// <summary>
    /// For gold in CoNLL-03 types (WikiGold): our GPE, LOC and FACILITY count as LOC, and NORP as MISC
    /// (CoNLL-03 tags nationalities MISC).
    /// </summary>
    public static string? ToConll(string type) => type switch
    {
        EntityLabels.Gpe or EntityLabels.Loc or EntityLabels.Facility => EntityLabels.Loc,
        EntityLabels.Norp => EntityLabels.Misc,
        _ => type,
    };

    public void Add(ReadOnlySpan<string> gold, ReadOnlySpan<string> predicted)
    {
        var goldSpans = Mapped(gold);
        var predictedSpans = Mapped(predicted);
        foreach (var span in goldSpans) Bump(span.Type, 0, 0, 1);
        foreach (var span in predictedSpans) Bump(span.Type, goldSpans.Contains(span) ? 1 : 0, 1, 0);
    }

    private HashSet<EntitySpan> Mapped(ReadOnlySpan<string> bio)
    {
        var set = new HashSet<EntitySpan>();
        foreach (var span in EntityLabels.Spans(bio))
            if (_map(span.Type) is { } type) set.Add(span with { Type = type });
        return set;
    }

    private void Bump(string type, int right, int predicted, int gold)
    {
        var c = _counts.GetValueOrDefault(type);
        _counts[type] = (c.Right + right, c.Predicted + predicted, c.Gold + gold);
    }

    public IEnumerable<(string Type, Score Score)> PerType => _counts.Select(kv => (kv.Key, new Score(kv.Value.Right, kv.Value.Predicted, kv.Value.Gold)));

    public Score Micro => new(_counts.Values.Sum(c => c.Right), _counts.Values.Sum(c => c.Predicted), _counts.Values.Sum(c => c.Gold));

    /// <summary>A table: type, gold spans, predicted spans, precision, recall, F1, then the micro-average.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine($"  {"type",-9} {"gold",6} {"found",6} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var (type, score) in PerType) output.WriteLine(Row(type, score));
        output.WriteLine(Row("micro", Micro));
    }

    private static string Row(string name, Score s) => string.Create(CultureInfo.InvariantCulture,
        $"  {name,-9} {s.Gold,6} {s.Predicted,6} {s.Precision,9:0.000} {s.Recall,7:0.000} {s.F1,6:0.000}");

    public readonly record struct Score(int Right, int Predicted, int Gold)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Right / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Right / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
