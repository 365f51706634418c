using Crosscheck.Language.Parsing;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

public sealed class TrainingTests
{
    private static readonly TrainingOptions Options = new() { Iterations = 8, MinFeatureCount = 1 };

    [Fact]
    public void A_tagger_trained_on_a_tiny_corpus_tags_it_back()
    {
        var sentences = TinyCorpus.Sentences();
        var tagger = PosTagger.Train(sentences, Options, []);
        foreach (var s in sentences) tagger.Tag(s.Words).ShouldBe(s.Pos);
    }

    [Fact]
    public void A_recognizer_trained_on_a_tiny_corpus_finds_people_places_and_agencies_in_a_new_combination()
    {
        var sentences = TinyCorpus.Sentences();
        var tagger = PosTagger.Train(sentences, Options, []);
        var recognizer = EntityRecognizer.Train(sentences, tagger, Options, []);
        string[] words = ["The", "World", "Bank", "said", "Sara", "Nolan", "left", "Oslo", "."];
        var entities = recognizer.Recognize(words, tagger.Tag(words));
        entities.ShouldBe([new EntitySpan(1, 3, "ORG"), new EntitySpan(4, 6, "PERSON"), new EntitySpan(7, 8, "LOC")]);
    }

    [Fact]
    public void Training_twice_with_the_same_seed_writes_the_same_bytes()
    {
        var sentences = TinyCorpus.Sentences();
        var first = PosTagger.Train(sentences, Options, ["note"]);
        var second = PosTagger.Train(sentences, Options, ["note"]);
        first.Model.ToBytes().ShouldBe(second.Model.ToBytes());
        var ner1 = EntityRecognizer.Train(sentences, first, Options, []);
        var ner2 = EntityRecognizer.Train(sentences, second, Options, []);
        ner1.Model.ToBytes().ShouldBe(ner2.Model.ToBytes());
    }

    [Fact]
    public void A_saved_model_loads_and_tags_as_before()
    {
        var sentences = TinyCorpus.Sentences();
        var tagger = PosTagger.Train(sentences, Options, ["trained in a test"]);
        var loaded = PerceptronModel.Load(new MemoryStream(tagger.Model.ToBytes()), "test.model");
        loaded.Notes.ShouldBe(["trained in a test"]);
        new PosTagger(loaded).Tag(sentences[1].Words).ShouldBe(sentences[1].Pos);
    }

    [Fact]
    public void A_corrupt_or_truncated_model_fails_with_a_message_naming_it()
    {
        var bytes = PosTagger.Train(TinyCorpus.Sentences(), Options, []).Model.ToBytes();
        Should.Throw<ModelLoadException>(() => PerceptronModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.model"))
            .Message.ShouldStartWith("half.model: corrupt or truncated model");
        Should.Throw<ModelLoadException>(() => PerceptronModel.Load(new MemoryStream("not a model"u8.ToArray()), "text.model"))
            .Message.ShouldStartWith("text.model: corrupt or truncated model");
        Should.Throw<ModelLoadException>(() => PerceptronModel.Load("/no/such/pos.model")).Message.ShouldBe("/no/such/pos.model: model file not found");
    }

    [Fact]
    public void A_part_of_speech_model_is_refused_as_an_entity_model()
    {
        var tagger = PosTagger.Train(TinyCorpus.Sentences(), Options, []);
        Should.Throw<ModelLoadException>(() => new EntityRecognizer(tagger.Model)).Message.ShouldContain("not an entity model");
    }

    [Fact]
    public void Decoding_never_starts_an_entity_with_an_inside_tag()
    {
        var sentences = TinyCorpus.Sentences();
        var tagger = PosTagger.Train(sentences, Options, []);
        var recognizer = EntityRecognizer.Train(sentences, tagger, Options, []);
        string[] words = ["Berg", "visited", "Reed", "Omar", "."];
        var bio = recognizer.Tag(words, tagger.Tag(words));
        for (var i = 0; i < bio.Length; i++)
            if (bio[i].StartsWith("I-")) (i > 0 && bio[i - 1][2..] == bio[i][2..] && bio[i - 1] != "O").ShouldBeTrue();
    }

    [Fact]
    public void A_tagger_with_word_classes_tags_an_unseen_word_by_its_class_and_needs_the_classes_to_load()
    {
        // Nouns and verbs alone before a full stop: nothing but the class tells an unseen word's tag.
        string[] nouns = ["apple", "pear", "plum", "fig"], verbs = ["run", "walk", "swim", "eat"];
        var sentences = nouns.Select(w => (w, "NN")).Concat(verbs.Select(w => (w, "VB")))
            .Select((p, i) => new TaggedSentence("tiny", i, [p.w, "."], [p.Item2, "."], null)).ToList();
        WordClusters Classes(int unseen) => new([.. nouns.Select(w => KeyValuePair.Create(w, 1)), .. verbs.Select(w => KeyValuePair.Create(w, 2)),
            KeyValuePair.Create("zonk", unseen)]);
        var tagger = PosTagger.Train(sentences, Options, [], null, PosTagger.ClassFeatureVersion, Classes(1));
        tagger.Tag(["zonk", "."])[0].ShouldBe("NN");
        new PosTagger(PerceptronModel.Load(new MemoryStream(tagger.Model.ToBytes()), "classes.model"), Classes(2)).Tag(["zonk", "."])[0].ShouldBe("VB");
        Should.Throw<ModelLoadException>(() => new PosTagger(tagger.Model)).Message.ShouldContain("word classes");
        Should.Throw<ArgumentException>(() => PosTagger.Train(sentences, Options, [], null, PosTagger.ClassFeatureVersion));
    }
}
