using Crosscheck.Cli;
using Crosscheck.Cli.Eval;

namespace Crosscheck.Tests.Events;

/// <summary>The GVDB casualty figures are a regression test: per-article exact killed and injured on the dev split.</summary>
public sealed class GvdbEvalTests
{
    private static readonly string DevFile = SharedData.PathTo("data", "gvdb", "dev.tsv");

    [SharedDataFact("data/gvdb")]
    public void Killed_and_injured_per_article_stay_above_their_floors()
    {
        var report = GvdbEval.Score(GvdbEval.Load(DevFile));
        report.Articles.ShouldBe(400);
        report.KilledExact.ShouldBeGreaterThanOrEqualTo(0.86);
        report.InjuredExact.ShouldBeGreaterThanOrEqualTo(0.84);
    }

    [SharedDataFact("data/gvdb")]
    public void Gold_counts_follow_the_printed_definition()
    {
        var articles = GvdbEval.Load(DevFile);
        // The dataset's README counts 269 killed, 225 injured and 139 hospitalized outcomes; a victim counts once.
        articles.Sum(a => a.GoldKilled).ShouldBe(269);
        articles.Sum(a => a.GoldInjured).ShouldBeLessThanOrEqualTo(225 + 139 - 102);
        articles.Sum(a => a.GoldInjured).ShouldBeGreaterThan(200);
    }

    [Fact]
    public void A_file_that_is_not_gvdb_fails_with_one_message_naming_it()
    {
        using var dir = new TempDirectory();
        var file = dir.File("dev.tsv", "id\ttext\n1\thello\n");
        var failure = Should.Throw<CliFailure>(() => GvdbEval.Load(file));
        failure.Message.ShouldContain(file);
        Should.Throw<CliFailure>(() => GvdbEval.Load(Path.Combine(dir.Path, "missing.tsv"))).Message.ShouldContain("missing.tsv");
    }
}
