using System.Text.Json;

namespace Crosscheck.Tests.Cli;

public sealed class AnalyzeEntitiesTests
{
    private const string Article = """
        ---
        outlet: Harbor Ledger
        published: 2025-03-14
        ---
        Port official Ines Valdrano said on Monday that two patrol boats had left Puerto Cabello.
        Valdrano told Reuters the boats would return within a week.
        """;

    [Fact]
    public void Analyze_lists_entities_with_types_countries_and_exact_mentions()
    {
        using var dir = new TempDirectory();
        var file = dir.File("port.txt", Article);
        var (code, stdout, _) = CliRunner.Run(["analyze", file]);
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        var reuters = entities.Single(e => e.GetProperty("name").GetString() == "Reuters");
        reuters.GetProperty("type").GetString().ShouldBe("OUTLET");
        var city = entities.Single(e => e.GetProperty("name").GetString() == "Puerto Cabello");
        city.GetProperty("type").GetString().ShouldBe("GPE");
        city.GetProperty("country").GetString().ShouldBe("VE");
        city.GetProperty("geonameId").GetInt32().ShouldBeGreaterThan(0);
        foreach (var e in entities)
        {
            e.GetProperty("id").GetString().ShouldStartWith("e-");
            e.GetProperty("mentions").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void A_user_gazetteer_names_a_person_the_shipped_lists_do_not_know()
    {
        using var dir = new TempDirectory();
        var file = dir.File("port.txt", Article);
        var gazetteer = dir.File("mine.txt", "person:ines-valdrano | PERSON | VE | Ines Valdrano | Valdrano | titles=Port official\n");
        var (code, stdout, stderr) = CliRunner.Run(["analyze", file, "--gazetteer", gazetteer]);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var person = json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Ines Valdrano");
        person.GetProperty("type").GetString().ShouldBe("PERSON");
        person.GetProperty("country").GetString().ShouldBe("VE");
        person.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldContain("Valdrano");
    }

    [Fact]
    public void A_malformed_user_gazetteer_is_one_line_naming_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var file = dir.File("port.txt", Article);
        var gazetteer = dir.File("bad.txt", "# fine\nperson:x | SPACESHIP | VE | Somebody\n");
        var (code, stdout, stderr) = CliRunner.Run(["analyze", file, "--gazetteer", gazetteer]);
        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.Trim().Split('\n').Length.ShouldBe(1);
        stderr.ShouldContain("bad.txt:2");
    }
}
