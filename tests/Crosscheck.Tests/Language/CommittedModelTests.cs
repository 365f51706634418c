using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

public sealed class CommittedModelTests
{
    private static string[] Words(string sentence) => sentence.Split(' ');

    private static List<(string Text, string Type)> Entities(string sentence)
    {
        var words = Words(sentence);
        var pos = Models.Pos.Tag(words);
        return [.. Models.Ner.Recognize(words, pos).Select(e => (string.Join(' ', words[e.Start..e.End]), e.Type))];
    }

    [Fact]
    public void The_committed_tagger_gives_penn_treebank_tags_to_an_ordinary_news_sentence()
    {
        var tags = Models.Pos.Tag(Words("The company said it would cut 1,000 jobs in the next three months ."));
        tags.ShouldBe(["DT", "NN", "VBD", "PRP", "MD", "VB", "CD", "NNS", "IN", "DT", "JJ", "CD", "NNS", "."]);
    }

    [Fact]
    public void The_committed_tagger_handles_treebank_style_tokens()
    {
        var words = Words("Mexico 's president did n't visit the U.S. last week .");
        var tags = Models.Pos.Tag(words);
        tags[0].ShouldBe("NNP");
        tags[1].ShouldBe("POS");
        tags[4].ShouldBe("RB");
        tags[7].ShouldBe("NNP");
    }

    [Fact]
    public void The_committed_recognizer_finds_a_titled_person_and_a_city()
    {
        var entities = Entities("President Emmanuel Macron arrived in Berlin on Tuesday for talks with the German chancellor .");
        entities.ShouldContain(e => e.Text.EndsWith("Emmanuel Macron") && e.Type == "PERSON");
        entities.ShouldContain(("Berlin", "LOC"));
        entities.ShouldContain(("German", "NORP"));
        entities.ShouldNotContain(e => e.Text.Contains("Tuesday"));
    }

    [Fact]
    public void The_committed_recognizer_finds_an_agency_a_nationality_and_a_country()
    {
        var entities = Entities("The United Nations said Iraqi forces had retaken the town from militants near the border with Syria .");
        entities.ShouldContain(("United Nations", "ORG"));
        entities.ShouldContain(("Iraqi", "NORP"));
        entities.ShouldContain(("Syria", "LOC"));
        entities.Count.ShouldBe(3);
    }

    [Fact]
    public void The_committed_models_say_how_they_were_trained()
    {
        Models.Pos.Model.Notes.ShouldContain(n => n.Contains("ner_dataset.csv"));
        Models.Ner.Model.Notes.ShouldNotContain("data: wikigold.conll.txt");
        Models.Ner.Model.Classes.ShouldContain("B-PERSON");
        Models.Ner.Model.Classes.ShouldNotContain(c => c.EndsWith("-per") || c.EndsWith("-geo"));
    }
}
