using Crosscheck.Linking;

namespace Crosscheck.Tests.Linking;

/// <summary>The story clusterer on hand-made document facts: what joins, what separates, and that it is repeatable.</summary>
public sealed class StoryClustererTests
{
    private static DocumentFacts Doc(string id, string[] entities, string[] terms, DateOnly? published = null) => new()
    {
        Id = id,
        Published = published,
        // "p:tara reid*2" is the person Tara Reid named twice.
        Entities = [.. entities.Select(Weighted).Select(w => w with { Label = w.Key[2..] })],
        Terms = [.. terms.Select(Weighted)],
    };

    private static WeightedKey Weighted(string spec)
    {
        var star = spec.IndexOf('*', StringComparison.Ordinal);
        return star < 0 ? new WeightedKey(spec, 1) : new WeightedKey(spec[..star], float.Parse(spec[(star + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly DocumentFacts Quake1 = Doc("q1", ["g:qeshm*2", "k:geo:iran"], ["earthquake*3", "magnitude", "island", "injure", "building", "tremor"]);
    private static readonly DocumentFacts Quake2 = Doc("q2", ["g:qeshm", "k:geo:iran*2"], ["earthquake*2", "magnitude", "island", "damage", "village", "tremor"]);
    private static readonly DocumentFacts Coach1 = Doc("c1", ["o:sixers*3", "p:maurice cheeks*2"], ["coach*3", "fire", "season", "basketball", "team"]);
    private static readonly DocumentFacts Coach2 = Doc("c2", ["o:sixers*2", "p:cheeks*2"], ["coach*2", "fire", "season", "team", "general", "manager"]);

    [Fact]
    public void Documents_of_two_clearly_different_topics_start_two_stories()
    {
        var clusterer = new StoryClusterer();
        var quake = clusterer.Add(Quake1);
        var coach = clusterer.Add(Coach1);
        coach.Id.ShouldNotBe(quake.Id);
        clusterer.Stories.Count.ShouldBe(2);
    }

    [Fact]
    public void Documents_of_the_same_topic_join_one_story_and_each_topic_keeps_its_own()
    {
        var clusterer = new StoryClusterer();
        var quake = clusterer.Add(Quake1);
        var coach = clusterer.Add(Coach1);
        clusterer.Add(Quake2).ShouldBeSameAs(quake);
        // "Cheeks" meets "Maurice Cheeks": names compare by their last word.
        clusterer.Add(Coach2).ShouldBeSameAs(coach);
        quake.Documents.ShouldBe(["q1", "q2"]);
        coach.Documents.ShouldBe(["c1", "c2"]);
        clusterer.StoryOf("q2").ShouldBeSameAs(quake);
    }

    [Fact]
    public void A_document_about_other_people_does_not_join_however_alike_the_words()
    {
        var reid = Doc("r1", ["p:tara reid*3", "g:malibu"], ["rehab*3", "actress", "treatment", "center", "facility", "enter"]);
        var lohan = Doc("l1", ["p:lindsay lohan*3", "g:malibu"], ["rehab*3", "actress", "treatment", "center", "facility", "check"]);
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(reid);
        clusterer.Add(lohan).ShouldNotBeSameAs(first);
        // Without the people the two are one story: the words alone would join them.
        var anonymous = new StoryClusterer();
        var a = anonymous.Add(reid with { Entities = [new WeightedKey("g:malibu", 1, "Malibu")] });
        anonymous.Add(lohan with { Entities = [new WeightedKey("g:malibu", 1, "Malibu")] }).ShouldBeSameAs(a);
    }

    [Fact]
    public void An_embedding_far_from_the_story_keeps_alike_words_apart_and_none_leaves_the_tf_idf_score_alone()
    {
        // Unit vectors standing for a sentence encoder's: the two quakes' meanings are orthogonal.
        var meanings = new Dictionary<string, float[]> { ["q1"] = [1, 0, 0], ["q2"] = [0, 1, 0] };
        var vetoed = new StoryClusterer(new StoryClusterOptions { Embedding = meanings.GetValueOrDefault, EmbeddingVeto = 0.5 });
        var first = vetoed.Add(Quake1);
        vetoed.Add(Quake2).ShouldNotBeSameAs(first);
        // Blended, an orthogonal meaning scales the tf-idf cosine down (to at most 0.1 here), below the threshold of 0.2.
        var blended = new StoryClusterer(new StoryClusterOptions { Embedding = meanings.GetValueOrDefault, EmbeddingWeight = 0.9 });
        var b = blended.Add(Quake1);
        blended.Add(Quake2).ShouldNotBeSameAs(b);
        // The same meaning adds to it.
        var alike = new StoryClusterer(new StoryClusterOptions { Embedding = id => meanings["q1"], EmbeddingWeight = 0.9 });
        var a = alike.Add(Quake1);
        alike.Add(Quake2).ShouldBeSameAs(a);
        // A document the encoder gives no vector for is scored by tf-idf alone, as without the option.
        var partial = new StoryClusterer(new StoryClusterOptions { Embedding = id => id == "q1" ? meanings["q1"] : null, EmbeddingVeto = 0.5 });
        var p = partial.Add(Quake1);
        partial.Add(Quake2).ShouldBeSameAs(p);
    }

    [Fact]
    public void Documents_published_far_apart_are_different_stories()
    {
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(Quake1 with { Published = new DateOnly(2005, 11, 27) });
        clusterer.Add(Quake2 with { Published = new DateOnly(2008, 9, 10) }).ShouldNotBeSameAs(first);
        clusterer.Add(Quake2 with { Id = "q3", Published = new DateOnly(2005, 11, 29) }).ShouldBeSameAs(first);
    }

    [Fact]
    public void The_same_documents_in_the_same_order_give_the_same_stories_and_ids()
    {
        string[] Run()
        {
            var clusterer = new StoryClusterer();
            return [.. new[] { Quake1, Coach1, Quake2, Coach2 }.Select(d => clusterer.Add(d).Id)];
        }
        var first = Run();
        Run().ShouldBe(first);
        first.Distinct().Count().ShouldBe(2);
        first[0].ShouldMatch("^s-[0-9a-f]{16}$");
    }

    [Fact]
    public void A_reloaded_document_joins_its_stored_story_without_scoring_and_adding_twice_changes_nothing()
    {
        var clusterer = new StoryClusterer();
        var coach = clusterer.Add(Coach1);
        // The store says the quake report belongs to the coach story: reloading puts it there, however unlike.
        clusterer.Add(Quake1, coach.Id).ShouldBeSameAs(coach);
        clusterer.Add(Quake1).ShouldBeSameAs(coach);
        coach.Documents.ShouldBe(["c1", "q1"]);
        clusterer.Add(Quake2, "s-stored").Id.ShouldBe("s-stored");
    }

    [Fact]
    public void Scoring_is_bounded_to_the_stories_sharing_the_most_weight()
    {
        // Forty stories share one common word with the new document; only the best few are scored and it still
        // finds the one that shares its specific words.
        var clusterer = new StoryClusterer(new StoryClusterOptions { MaxCandidates = 3, MaxStoriesPerKey = 10 });
        for (var i = 0; i < 40; i++) clusterer.Add(Doc($"x{i}", [$"p:person{i}"], ["police", $"word{i}a", $"word{i}b", $"word{i}c"]));
        var target = clusterer.Add(Coach1);
        clusterer.Add(Coach2 with { Terms = [.. Coach2.Terms, new WeightedKey("police", 1)] }).ShouldBeSameAs(target);
        clusterer.Stories.Count.ShouldBe(41);
    }
}
