using System.Text.Json;
using Crosscheck.Cli;

namespace Crosscheck.Tests.Cli;

/// <summary>
/// A lede attack dated only by a local paper's dateline takes the day the body gives the attack taking place
/// (<c>ToldOccurrenceDays</c>); the dateline is read by the document reader, so this is checked through <c>analyze</c>.
/// </summary>
public sealed class AnalyzeBodyDayTests
{
    [Fact]
    public void A_lede_dated_by_its_dateline_takes_the_day_the_body_gives_the_attack()
    {
        using var dir = new TempDirectory();
        dir.File("ambush.txt", "---\npublished: 2026-03-12\ntitle: Four policemen killed in ambush\n---\n"
            + "Kadugli, March 12: Four policemen were killed when gunmen ambushed a patrol truck near the market in the Kalogi area, officials said on Thursday. "
            + "One of the wounded policemen died at the state hospital overnight.\n"
            + "The ambush took place around 4 pm on Wednesday as the truck returned to its base.\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CrosscheckCli.Run(["analyze", dir.Path], stdout, stderr).ShouldBe(0, stderr.ToString());

        using var json = JsonDocument.Parse(stdout.ToString());
        var lede = json.RootElement.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "ASSAULT" && e.GetProperty("evidence").GetProperty("text").GetString()!.Contains("ambushed a patrol truck", StringComparison.Ordinal));
        lede.GetProperty("time").GetProperty("start").GetString().ShouldBe("2026-03-11");
    }
}
