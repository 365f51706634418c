using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Reprints on other sites print one text with other characters; the shingles read them as one text.</summary>
public sealed class ShingleWordsTests
{
    // Invented for this test.
    private const string Plain =
        "The U.S. envoy said on Friday that 1,000 families had fled the official firing zone near Dovrik, and that the mayor's office " +
        "would open shelters in the old market hall before the first snow.";

    [Theory]
    [InlineData("The U.S. envoy said on Friday that 1,000 families had fled the official firing zone near Dovrik, and that the mayor&#8217;s office would open shelters in the old market hall before the first snow.")]
    [InlineData("The U.S. envoy said on Friday that 1,000&nbsp;families had fled the official firing zone near Dovrik, and that the mayor&rsquo;s office would open shelters in the old market hall before the first snow.")]
    [InlineData("The US envoy said on Friday that 1000 families had fled the official firing zone near Dovrik, and that the mayor’s office would open shelters in the old market hall before the first snow.")]
    [InlineData("The U.S. envoy said on Friday that 1,000 families had ﬂed the oﬃcial ﬁring zone near Dovrik, and that the mayor's oﬃce would open shelters in the old market hall before the ﬁrst snow.")]
    [InlineData("The U.S. envoy said on Friday that 1,000 families had fled the official firing zone near Dóvrik, and that the mayor's office would open shelters in the old market hall before the first snow.")]
    public void A_reprint_with_entities_ligatures_accents_or_other_abbreviations_has_the_same_shingles(string reprint)
    {
        MinHashSignature.Compute(reprint).Values.ShouldBe(MinHashSignature.Compute(Plain).Values);
        ShingleSketch.Compute(reprint).Samples.ShouldBe(ShingleSketch.Compute(Plain).Samples);
        MinHashSignature.Words(reprint).ShouldBe(MinHashSignature.Words(Plain));
    }

    [Fact]
    public void Abbreviation_dots_join_single_letters_only_and_an_ampersand_that_is_no_entity_is_a_break()
    {
        MinHashSignature.Words("U.N.-backed talks").Count.ShouldBe(3); // un, backed, talks
        MinHashSignature.Words("U.N.-backed talks").ShouldBe(MinHashSignature.Words("UN backed talks"));
        MinHashSignature.Words("see www.example.com now").Count.ShouldBe(5);
        MinHashSignature.Words("Mr. Smith and Mrs. Jones").Count.ShouldBe(5);
        MinHashSignature.Words("salt & pepper; rice").ShouldBe(MinHashSignature.Words("salt &amp; pepper; rice"));
        MinHashSignature.Words("at 3.5 per cent").ShouldBe(MinHashSignature.Words("at 35 per cent"));
    }
}
