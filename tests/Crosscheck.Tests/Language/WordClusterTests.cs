using Crosscheck.Language.Parsing;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

public sealed class WordClusterTests
{
    /// <summary>Sentences where nouns and verbs each share their contexts: "the dog runs .", "a cat sleeps .", ...</summary>
    private static List<IReadOnlyList<string>> Corpus()
    {
        string[] nouns = ["dog", "cat", "boat", "truck"];
        string[] verbs = ["runs", "sleeps", "sinks", "stops"];
        string[] determiners = ["the", "a", "The", "every"];
        var sentences = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 64; i++)
            sentences.Add([determiners[i % 4], nouns[i / 4 % 4], verbs[i / 16 % 4], "."]);
        return sentences;
    }

    [Fact]
    public void Words_with_the_same_neighbours_share_a_class_and_others_do_not()
    {
        var classes = ClusterTrainer.Train(Corpus(), classes: 5, minCount: 2, passes: 10);
        classes.Keys.ShouldNotContain("The"); // compared in lower case
        new[] { "cat", "boat", "truck" }.ShouldAllBe(w => classes[w] == classes["dog"]);
        new[] { "sleeps", "sinks", "stops" }.ShouldAllBe(w => classes[w] == classes["runs"]);
        classes["runs"].ShouldNotBe(classes["dog"]);
        classes["the"].ShouldNotBe(classes["dog"]);
        ClusterTrainer.Train(Corpus(), classes: 5, minCount: 2, passes: 10).ShouldBe(classes);
    }

    [Fact]
    public void Rare_words_get_no_class()
    {
        var corpus = Corpus();
        corpus.Add(["the", "zebra", "runs", "."]);
        ClusterTrainer.Train(corpus, classes: 4, minCount: 2, passes: 3).Keys.ShouldNotContain("zebra");
    }

    [Fact]
    public void Classes_are_found_by_the_lower_case_id_and_survive_a_round_trip()
    {
        var clusters = new WordClusters([KeyValuePair.Create("boat", 3), KeyValuePair.Create("sinks", 0), KeyValuePair.Create("’s", 1)]);
        clusters.Count.ShouldBe(4);
        clusters.Of(FeatureHash.Lower("Boat")).ShouldBe(3);
        clusters.Of(FeatureHash.Lower("'s")).ShouldBe(1);
        clusters.Of(FeatureHash.Lower("zebra")).ShouldBe(-1);
        var again = WordClusters.FromBytes(clusters.ToBytes(), "test");
        again.Words.ShouldBe(clusters.Words);
        Should.Throw<ModelLoadException>(() => WordClusters.FromBytes("boat\tthree\n"u8.ToArray(), "bad.tsv")).Message.ShouldContain("bad.tsv: line 1");
    }

    [Fact]
    public void The_committed_parser_carries_its_word_classes()
    {
        var clusters = Models.Parser.Clusters.ShouldNotBeNull();
        clusters.Count.ShouldBeGreaterThan(100);
        clusters.Of(FeatureHash.Lower("Tuesday")).ShouldBe(clusters.Of(FeatureHash.Lower("Wednesday")));
    }
}

public sealed class UnlabelledTextTests
{
    [Fact]
    public void Each_source_is_read_as_sentences_of_words_and_labels_are_left_out()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "ecbplus", "1"));
        dir.File("ecbplus/1/1_1ecb.xml", "<Document>\n<token t_id=\"1\" sentence=\"0\" number=\"0\">Boats</token>\n<token t_id=\"2\" sentence=\"0\" number=\"1\">&amp;</token>\n"
            + "<token t_id=\"3\" sentence=\"1\" number=\"0\">Ships</token>\n</Document>\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "ner", "gmb"));
        dir.File("ner/gmb/ner_dataset.csv", "Sentence #,Word,POS,Tag\nSentence: 1,Thousands,NNS,O\n,\"\"\"\",``,O\n,\"10,000\",CD,O\nSentence: 2,Police,NNS,O\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "ner", "wnut", "test"));
        dir.File("ner/wnut/train.conll", "-DOCSTART- O\n\nIt\tO\n's\tO\n\nLondon\tB-location\n");
        dir.File("ner/wnut/test/t.conll", "Hidden\tO\n");
        var sentences = UnlabelledText.Read(dir.Path, []).Select(s => string.Join(" ", s)).ToList();
        sentences.ShouldBe(["Boats &", "Ships", "Thousands \"\"\"\" \"10,000\"", "Police", "It 's", "London"]);
    }
}
