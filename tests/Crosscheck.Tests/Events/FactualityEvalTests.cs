using Crosscheck.Cli;
using Crosscheck.Cli.Eval;
using Crosscheck.Events;

namespace Crosscheck.Tests.Events;

/// <summary>The factuality eval as a regression test: dev figures stay above floors a little under what was measured, and above the always-asserted baseline.</summary>
public sealed class FactualityEvalTests
{
    [SharedDataTheory("data/factuality")]
    [InlineData("meantime", 0.80, 0.92, 0.45, 0.30)]
    [InlineData("uw", 0.71, 0.72, 0.56, 0.56)]
    public void Dev_figures_stay_above_their_floors(string corpus, double accuracyFloor, double calibratedFloor, double macroF1Floor, double maeCeiling)
    {
        var folder = SharedData.PathTo("data", "factuality", corpus);
        var train = FactualityEval.Judge(FactualityEval.Read(Path.Combine(folder, "train.conll")));
        var dev = FactualityEval.Judge(FactualityEval.Read(Path.Combine(folder, "dev.conll")));
        var figures = FactualityEval.Score(dev, FactualityEval.Calibrate(train));
        figures.Accuracy.ShouldBeGreaterThanOrEqualTo(accuracyFloor);
        figures.CalibratedAccuracy.ShouldBeGreaterThanOrEqualTo(calibratedFloor);
        figures.CalibratedAccuracy.ShouldBeGreaterThan(figures.BaselineAccuracy + 0.02);
        figures.MacroF1.ShouldBeGreaterThanOrEqualTo(macroF1Floor);
        figures.MacroF1.ShouldBeGreaterThan(figures.BaselineMacroF1 + 0.15);
        figures.MeanAbsoluteError.ShouldBeLessThanOrEqualTo(maeCeiling);
        figures.MeanAbsoluteError.ShouldBeLessThan(figures.BaselineMeanAbsoluteError);
    }

    [SharedDataTheory("data/factuality")]
    [InlineData("meantime", 0.68, 0.84)]
    [InlineData("uw", 0.85, 0.78)]
    public void The_contracts_predicates_cover_the_dev_reporting_half_and_beat_always_factual(string corpus, double coverageFloor, double accuracyFloor)
    {
        var dev = FactualityEval.Read(SharedData.PathTo("data", "factuality", corpus, "dev.conll"));
        var c = FactualityEval.CoverageOf(FactualityEval.ReportingHalf(corpus, dev), text => EventReader.Default.Read(text).Predicates);
        c.Share.ShouldBeGreaterThanOrEqualTo(coverageFloor);
        c.Accuracy.ShouldBeGreaterThanOrEqualTo(accuracyFloor);
        c.Accuracy.ShouldBeGreaterThan(c.BaselineAccuracy);
    }

    [Fact]
    public void The_bands_split_the_scale_as_documented()
    {
        FactualityEval.GoldBand(3.0).ShouldBe(FactualityEval.Band.Factual);
        FactualityEval.GoldBand(2.5).ShouldBe(FactualityEval.Band.Factual);
        FactualityEval.GoldBand(2.4).ShouldBe(FactualityEval.Band.Uncertain);
        FactualityEval.GoldBand(-2.5).ShouldBe(FactualityEval.Band.NonFactual);
        FactualityEval.BandOf(Modality.Denied).ShouldBe(FactualityEval.Band.NonFactual);
        FactualityEval.BandOf(Modality.Hypothetical).ShouldBe(FactualityEval.Band.Uncertain);
    }

    [Fact]
    public void A_malformed_file_fails_with_its_name()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.conll");
        File.WriteAllText(path, "0\tTroops\t_\tNNS\n1\tattacked\thigh\tVBD\n");
        var failure = Should.Throw<CliFailure>(() => FactualityEval.Read(path));
        failure.Message.ShouldContain("bad.conll:2");
        Should.Throw<CliFailure>(() => FactualityEval.Read(Path.Combine(dir.Path, "missing.conll"))).Message.ShouldContain("missing.conll");
    }
}
