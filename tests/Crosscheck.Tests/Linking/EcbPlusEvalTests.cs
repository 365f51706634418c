using Crosscheck.Cli;
using Crosscheck.Cli.Eval;

namespace Crosscheck.Tests.Linking;

/// <summary>Stories against ECB+ sub-topics (B³ over documents) as a regression test, and the corpus reader.</summary>
public sealed class EcbPlusEvalTests
{
    [SharedDataFact("data/ecbplus")]
    public void Dev_topics_cluster_into_their_sub_topics_above_the_floor()
    {
        var dev = EcbPlusEval.Load(SharedData.PathTo("data", "ecbplus")).Where(a => EcbPlusEval.DevTopics.Contains(a.Topic)).ToList();
        var score = EcbPlusEval.Score("dev", EcbPlusEval.Read(dev));
        score.Documents.ShouldBe(197);
        score.GoldStories.ShouldBe(16);
        // Measured 0.867 / 0.886 / 0.876 (22 predicted stories).
        score.F1.ShouldBeGreaterThanOrEqualTo(0.86);
        score.Precision.ShouldBeGreaterThanOrEqualTo(0.84);
        // 0.853 since publication dates are recovered from datelines (2026-12-04: dated documents link differently).
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.845);
    }

    [Fact]
    public void B_cubed_follows_its_definition()
    {
        // Gold {a,b,c} {d}; predicted {a,b} {c,d}: precision (1+1+.5+.5)/4, recall (2/3+2/3+1/3+1)/4.
        var (precision, recall) = EcbPlusEval.BCubed(["g1", "g1", "g1", "g2"], ["p1", "p1", "p2", "p2"]);
        precision.ShouldBe(0.75, 1e-9);
        recall.ShouldBe(2.0 / 3, 1e-9);
        EcbPlusEval.BCubed(["x", "x", "y"], ["a", "a", "b"]).ShouldBe((1.0, 1.0));
    }

    [Fact]
    public void Tokens_become_running_text()
    {
        EcbPlusEval.Detokenize(["Tara", "Reid", ",", "33", ",", "starred", "in", "``", "American", "Pie", "''", "-LRB-", "1999", "-RRB-", "."])
            .ShouldBe("Tara Reid, 33, starred in \"American Pie\" (1999).");
        EcbPlusEval.Detokenize(["Lohan", "’", "s", "90", "-", "day", "rehab", "began", "at", "4", ":", "59", "PM", "and", "she", "did", "n't", "leave", "."])
            .ShouldBe("Lohan’s 90-day rehab began at 4:59 PM and she didn't leave.");
        EcbPlusEval.Detokenize(["``", "Scrubs", ",", "'", "'", "has", "ended"]).ShouldBe("\"Scrubs,\" has ended");
    }

    [Fact]
    public void The_corpus_reader_orders_topics_and_halves_and_keeps_the_web_address_apart()
    {
        using var dir = new TempDirectory();
        dir.File("12/12_10ecb.xml", Xml(["Ten"]));
        dir.File("12/12_2ecbplus.xml", Xml(["http", ":", "/", "/", "example", ".", "com", "/", "a"], ["Two", "plus", "."]));
        dir.File("3/3_1ecb.xml", Xml(["Three", "."]));
        dir.File("README.txt", "not a topic");
        var articles = EcbPlusEval.Load(dir.Path);
        articles.Select(a => (a.Topic, a.Number, a.Plus)).ShouldBe([(3, 1, false), (12, 2, true), (12, 10, false)]);
        articles[1].Url.ShouldBe("http://example.com/a");
        articles[1].Text.ShouldBe("Two plus.\n");
        articles[1].Gold.ShouldBe("12ecbplus");
        articles[2].Gold.ShouldBe("12ecb");
    }

    [Fact]
    public void Bad_input_fails_with_one_message_naming_it()
    {
        using var dir = new TempDirectory();
        Should.Throw<CliFailure>(() => EcbPlusEval.Load(dir.Combine("missing"))).Message.ShouldContain("missing");
        Should.Throw<CliFailure>(() => EcbPlusEval.Load(dir.Path)).Message.ShouldContain("no ECB+ documents");
        var broken = dir.File("1/1_1ecb.xml", "<Document doc_name=\"1_1ecb.xml\"><token t_id=\"1\" sentence=\"0\">Hi</Document>");
        Should.Throw<CliFailure>(() => EcbPlusEval.Load(dir.Path)).Message.ShouldContain(broken);
    }

    private static string Xml(params string[][] sentences)
    {
        var tokens = sentences.SelectMany((words, s) => words.Select((w, i) => $"<token t_id=\"{s * 100 + i + 1}\" sentence=\"{s}\" number=\"{i}\">{System.Security.SecurityElement.Escape(w)}</token>"));
        return $"<Document doc_name=\"x.xml\" doc_id=\"1\">\n{string.Join("\n", tokens)}\n<Markables/>\n</Document>\n";
    }
}
