using System.Text.Json;
using Crosscheck.Cli;

namespace Crosscheck.Tests.Cli;

/// <summary><c>crosscheck analyze</c> over pages dated at the ends of the calendar: every page is written, none crashes the run.</summary>
public sealed class AnalyzeCalendarEdgeTests
{
    private static string Page(string published, string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><title>{{title}}</title>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "{{title}}", "datePublished": "{{published}}"}</script>
        </head>
        <body><article><h1>{{title}}</h1>{{body}}</article></body></html>
        """;

    private const string EdgeBody = """
        <p>Three people were killed in an air strike on Tuesday near the border town, local officials said.</p>
        <p>A second strike hit the same area yesterday, and residents said shelling had continued since last week.</p>
        <p>Aid groups said 12345678901234567890 people had asked for help over the past 30 days.</p>
        """;

    private const string OrdinaryBody = """
        <p>Two ferries collided in the harbor on Monday, injuring four passengers, the coast guard said.</p>
        <p>The port reopened on Wednesday after divers cleared the wreckage, officials said.</p>
        """;

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-12:00")]
    public void A_page_dated_at_either_end_of_the_calendar_is_written_beside_an_ordinary_one(string published)
    {
        using var dir = new TempDirectory();
        dir.File("a-edge.html", Page(published, "Strikes hit border town", EdgeBody));
        dir.File("b-ordinary.html", Page("2025-03-14", "Ferries collide in harbor", OrdinaryBody));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CrosscheckCli.Run(["analyze", dir.Path, "--format", "json"], stdout, stderr);

        stderr.ToString().ShouldBeEmpty();
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout.ToString());
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => d.GetProperty("published").GetString()).ShouldBe([published[..10], "2025-03-14"]);
        var times = json.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("time")).Where(t => t.ValueKind == JsonValueKind.Object).ToList();
        foreach (var t in times)
        {
            // A day before 0001-01-01 or after 9999-12-31 is no day: the time stays, unresolved.
            var start = t.GetProperty("start");
            var end = t.GetProperty("end");
            (start.ValueKind == JsonValueKind.Null).ShouldBe(end.ValueKind == JsonValueKind.Null);
        }
    }
}
