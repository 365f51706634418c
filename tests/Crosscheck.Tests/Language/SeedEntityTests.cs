using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Cli.Eval;
using Crosscheck.Documents;
using Crosscheck.Export;

namespace Crosscheck.Tests.Language;

/// <summary>The gold file's entity checks (../shared/gold/seeds.gold.json), scored by the same code as <c>crosscheck eval seeds</c>.</summary>
public sealed class SeedEntityTests
{
    private static JsonDocument AnalyzeSeeds()
    {
        var (documents, entities, _, _, failed) = AnalyzeCommand.Analyze([SharedData.PathTo("seeds")], new ReaderOptions(), TextWriter.Null);
        failed.ShouldBe(0);
        using var buffer = new MemoryStream();
        AnalysisJson.Write(buffer, documents, entities);
        return JsonDocument.Parse(buffer.ToArray());
    }

    [SharedDataFact("seeds", "gold/seeds.gold.json")]
    public void Every_entity_the_seed_gold_lists_resolves_with_its_mentions_and_titles()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.PathTo("gold", "seeds.gold.json")));
        using var analysis = AnalyzeSeeds();
        var report = SeedsEval.Score(gold.RootElement, analysis.RootElement);
        report.Entities.ShouldBe(1.0, string.Join("\n", report.Lines));
        report.Segments.ShouldBe(1.0, string.Join("\n", report.Lines));
    }

    [SharedDataFact("seeds")]
    public void One_person_under_two_titles_in_two_articles_is_one_entity()
    {
        using var analysis = AnalyzeSeeds();
        var people = analysis.RootElement.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("name").GetString()!.EndsWith("Hegseth", StringComparison.Ordinal)).ToList();
        people.Count.ShouldBe(1);
        var documents = people[0].GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("document").GetString()).Distinct().Count();
        documents.ShouldBe(2);
    }

    [SharedDataFact("seeds")]
    public void Every_mention_is_the_exact_slice_of_its_document()
    {
        using var analysis = AnalyzeSeeds();
        var texts = analysis.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        var count = 0;
        foreach (var e in analysis.RootElement.GetProperty("entities").EnumerateArray())
        {
            foreach (var m in e.GetProperty("mentions").EnumerateArray())
            {
                var text = texts[m.GetProperty("document").GetString()!];
                text[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()].ShouldBe(m.GetProperty("text").GetString());
                count++;
            }
        }
        count.ShouldBeGreaterThan(50);
    }
}
