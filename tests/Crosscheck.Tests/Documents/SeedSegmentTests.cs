using System.Text.Json;
using System.Text.RegularExpressions;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>The gold file's segment checks (../shared/gold/seeds.gold.json), scored the way the gold README says.</summary>
public sealed partial class SeedSegmentTests
{
    [SharedDataFact("seeds", "gold/seeds.gold.json")]
    public void Every_segment_the_seed_gold_lists_gets_its_kind()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.PathTo("gold", "seeds.gold.json")));
        var reader = new DocumentReader();
        var checkedCount = 0;
        foreach (var expected in gold.RootElement.GetProperty("segments").EnumerateArray())
        {
            var file = expected.GetProperty("document").GetString()!;
            var evidence = expected.GetProperty("evidence").GetString()!;
            var kind = expected.GetProperty("kind").GetString()!;
            var doc = reader.Read([SharedData.PathTo("seeds", file)]).Single().Document!;
            var at = Fold(doc.Text).IndexOf(Fold(evidence), StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"evidence not found in {file}: {evidence}");
            var covering = doc.Segments.FirstOrDefault(s => FoldedOffset(doc.Text, s.Start) <= at && at < FoldedOffset(doc.Text, s.End));
            Segment.Name(covering.Kind).ShouldBe(kind, $"{file}: {evidence}");
            checkedCount++;
        }
        checkedCount.ShouldBeGreaterThan(0);
    }

    /// <summary>Curly quotes and dashes folded to straight ones, white space runs to one space.</summary>
    internal static string Fold(string s) => Spaces().Replace(s.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u2013', '-').Replace('\u2014', '-'), " ");

    private static int FoldedOffset(string text, int offset) => Fold(text[..offset]).Length;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
