using Crosscheck.Cli;
using Crosscheck.Cli.Eval;

namespace Crosscheck.Tests.Cli;

/// <summary>The PolNeAR attribution eval as a regression test: floors a little under the figures it printed.</summary>
public sealed class PolnearEvalTests
{
    [SharedDataFact("data/polnear")]
    public void Attributions_on_polnear_dev_stay_above_their_floors()
    {
        var scores = PolnearEval.Score(SharedData.PathTo("data", "polnear", "dev")).All;
        scores.Articles.ShouldBe(84);
        scores.Gold.ShouldBeGreaterThan(2000);
        // Measured 0.910 speaker match, 0.934 content precision, 0.430 content recall (crosscheck eval polnear).
        scores.SpeakerMatch.ShouldBeGreaterThanOrEqualTo(0.88);
        scores.ContentPrecision.ShouldBeGreaterThanOrEqualTo(0.90);
        scores.ContentRecall.ShouldBeGreaterThanOrEqualTo(0.41);
    }

    [Fact]
    public void A_malformed_annotation_file_fails_with_its_name()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "text"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "attributions"));
        File.WriteAllText(Path.Combine(dir.Path, "text", "a.txt"), "Officials said the vote was delayed.");
        var ann = Path.Combine(dir.Path, "attributions", "a_x1.ann");
        File.WriteAllText(ann, "T1\tContent 0 zz\tOfficials\n");
        var failure = Should.Throw<CliFailure>(() => PolnearEval.Score(dir.Path));
        failure.Message.ShouldContain(ann);
    }

    [Fact]
    public void A_folder_without_the_split_layout_fails_clearly()
    {
        using var dir = new TempDirectory();
        Should.Throw<CliFailure>(() => PolnearEval.Score(dir.Path)).Message.ShouldContain("text/ and attributions/");
    }
}
