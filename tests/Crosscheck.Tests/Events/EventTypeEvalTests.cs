using Crosscheck.Cli;
using Crosscheck.Cli.Eval;

namespace Crosscheck.Tests.Events;

/// <summary>Floors for <c>eval case2021</c> and <c>eval plover</c>, run in-process on the shared dev data.</summary>
public sealed class EventTypeEvalTests
{
    [SharedDataFact("data/case2021")]
    public void Case2021_weighted_f1_over_acled_labels_stays_above_its_floor()
    {
        var result = Case2021Eval.Score(SharedData.PathTo("data", "case2021", "dev.tsv"));
        result.All.Count.ShouldBe(509);
        result.Acled.Count.ShouldBe(424);
        // Measured 0.782 weighted F1, 0.762 accuracy over the ACLED labels; 0.632 weighted F1 over all 30 labels.
        result.Acled.WeightedF1.ShouldBeGreaterThanOrEqualTo(0.77);
        result.Acled.Accuracy.ShouldBeGreaterThanOrEqualTo(0.75);
        result.All.WeightedF1.ShouldBeGreaterThanOrEqualTo(0.61);
        result.All.Of("SUIC_BOMB").F1.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [SharedDataFact("data/plover")]
    public void Plover_accuracy_and_macro_f1_stay_above_their_floors()
    {
        var result = PloverEval.Score(SharedData.PathTo("data", "plover", "PLOVER_GSR_CAMEO.txt"));
        result.Scores.Count.ShouldBe(322);
        // Measured accuracy 0.543, macro F1 0.542; gold source within our actors 0.80 on records typed right.
        result.Scores.Accuracy.ShouldBeGreaterThanOrEqualTo(0.51);
        result.Scores.MacroF1.ShouldBeGreaterThanOrEqualTo(0.50);
        var (found, checkedCount) = result.Sources;
        // Actors come from the parse only since 2026-12-04 (0.76 over all records; the proximity rule before gave 0.80
        // here but made a critic the actor of the attack he condemned).
        ((double)found / checkedCount).ShouldBeGreaterThanOrEqualTo(0.68);
    }

    [Fact]
    public void A_snippet_is_labelled_by_its_news_not_its_background()
    {
        // The air strike of 2019 is the more confident event, but it is background to the protest the snippet reports.
        Case2021Eval.Predict("Thousands of protesters marched peacefully through the capital on 12 March 2021 to demand new elections. "
            + "In June 2019, warplanes bombed the same city, killing ten civilians.").ShouldBe("PEACE_PROTEST");
    }

    [Fact]
    public void A_malformed_case_file_fails_with_one_message_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.tsv", "id\tEventSnippet\tSubType\n1\tSome text\tNOT_A_LABEL\n");
        Should.Throw<CliFailure>(() => Case2021Eval.Score(path)).Message.ShouldContain(path);
        Should.Throw<CliFailure>(() => PloverEval.Score(dir.Combine("missing.json"))).Message.ShouldContain("missing.json");
    }

    [Fact]
    public void Label_scores_weight_f1_by_support()
    {
        var scores = new LabelScores([("A", "A"), ("A", "A"), ("A", "B"), ("B", "B")]);
        scores.Accuracy.ShouldBe(0.75);
        scores.Of("A").Precision.ShouldBe(1.0);
        scores.Of("A").Recall.ShouldBe(2.0 / 3, 1e-9);
        scores.Of("B").Precision.ShouldBe(0.5);
        scores.WeightedF1.ShouldBe((0.8 * 3 + 2.0 / 3 * 1) / 4, 1e-9);
    }
}
