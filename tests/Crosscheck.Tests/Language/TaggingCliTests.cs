using Crosscheck.Tests.Cli;

namespace Crosscheck.Tests.Language;

public sealed class TaggingCliTests
{
    [Fact]
    public void Train_and_eval_run_end_to_end_on_a_tiny_corpus()
    {
        using var dir = new TempDirectory();
        var gmb = dir.File("data/tiny.csv", TinyCorpus.AsGmbCsv());
        var conll = dir.File("dev/tiny.conll", TinyCorpus.AsConll());
        var pos = dir.Combine("models/pos.model");
        var ner = dir.Combine("models/ner.model");

        var (code, stdout, stderr) = CliRunner.Run(["train", "tagger", "--data", gmb, "--out", pos, "--iterations", "5", "--min-count", "1"]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("iteration 5/5");
        stdout.ShouldMatch(@"trained on \d+ sentences, \d+ tokens; 5 classes, [\d,]+ features kept; .*pos\.model: [\d,]+ bytes");
        File.Exists(pos).ShouldBeTrue();

        (code, stdout, stderr) = CliRunner.Run(["train", "ner", "--data", gmb, dir.Combine("dev"), "--tagger", pos, "--out", ner, "--iterations", "5", "--min-count", "1"]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("trained on");

        (code, stdout, stderr) = CliRunner.Run(["eval", "ner", "--data", gmb, "--dev", conll, "--model", ner, "--tagger", pos]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("held-out slice, all sources:");
        stdout.ShouldContain($"{conll}: skipped, the model was trained on it");

        (code, stdout, stderr) = CliRunner.Run(["eval", "tagger", "--data", gmb, "--dev", gmb, "--model", pos]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain($"whole {gmb}: 100.00% of");
    }

    [Fact]
    public void Eval_scores_a_conll_dev_file_the_model_was_not_trained_on()
    {
        using var dir = new TempDirectory();
        var gmb = dir.File("tiny.csv", TinyCorpus.AsGmbCsv());
        var conll = dir.File("other.conll", TinyCorpus.AsConll());
        var pos = dir.Combine("pos.model");
        var ner = dir.Combine("ner.model");
        CliRunner.Run(["train", "tagger", "--data", gmb, "--out", pos, "--min-count", "1"]).ExitCode.ShouldBe(0);
        CliRunner.Run(["train", "ner", "--data", gmb, "--tagger", pos, "--out", ner, "--min-count", "1"]).ExitCode.ShouldBe(0);
        var (code, stdout, stderr) = CliRunner.Run(["eval", "ner", "--data", gmb, "--dev", conll, "--model", ner, "--tagger", pos]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain($"whole {conll}");
        stdout.ShouldMatch(@"PERSON\s+36\s+36\s+1\.000\s+1\.000\s+1\.000");
    }

    [Fact]
    public void A_malformed_training_file_is_one_line_naming_file_and_line()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.conll", "Paris\tB-LOC\nis\tO\nlovely in spring\n");
        var (code, stdout, stderr) = CliRunner.Run(["train", "ner", "--data", bad, "--out", dir.Combine("ner.model")]);
        code.ShouldBe(1);
        stderr.Trim().ShouldBe($"crosscheck: {bad}:3: expected 2 tab-separated columns, found 1");
        File.Exists(dir.Combine("ner.model")).ShouldBeFalse();

        (code, _, stderr) = CliRunner.Run(["train", "tagger", "--data", dir.Combine("missing.csv"), "--out", dir.Combine("pos.model")]);
        code.ShouldBe(1);
        stderr.Trim().ShouldBe($"crosscheck: {dir.Combine("missing.csv")}: no such file or directory");
    }

    [Fact]
    public void A_corrupt_model_file_and_a_missing_out_option_are_clear_errors()
    {
        using var dir = new TempDirectory();
        var junk = dir.File("junk.model", "definitely not gzip");
        var gmb = dir.File("tiny.csv", TinyCorpus.AsGmbCsv());
        var (code, _, stderr) = CliRunner.Run(["eval", "tagger", "--data", gmb, "--dev", gmb, "--model", junk]);
        code.ShouldBe(1);
        stderr.ShouldStartWith($"crosscheck: {junk}: corrupt or truncated model");
        stderr.ShouldNotContain("   at ");
        CliRunner.Run(["train", "tagger", "--data", gmb]).ExitCode.ShouldBe(2);
    }
}
