using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>One event told by the headline and again by the lede is one event.</summary>
public sealed class HeadlineMergerTests
{
    private static ArticleReading Read(string text) => ArticleText.Read(text);

    [Fact]
    public void A_headline_restating_the_lede_is_one_event_with_the_lede_words_and_the_headline_values()
    {
        var reading = Read("""
            ---
            published: 2025-06-12
            ---
            Gunmen kill three in attack on market in Kessa

            Gunmen attacked a crowded market on Wednesday, killing three people, police said.

            Shops stayed closed on Thursday.
            """);
        var attacks = reading.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.Count.ShouldBe(1);
        var attack = attacks[0];
        attack.Segment.ShouldBe(SegmentKind.Lede);
        attack.Fatalities!.Min.ShouldBe(3);
        attack.Time!.Start.ShouldBe(new DateOnly(2025, 6, 11));
    }

    [Fact]
    public void A_headline_whose_dead_differ_from_the_lede_stays_its_own_event()
    {
        var reading = Read("""
            ---
            published: 2025-06-12
            ---
            Gunmen kill nine in attack on market

            Gunmen attacked a crowded market on Wednesday, killing three people, police said.
            """);
        reading.Events.Count(e => e.Type == PloverType.Assault).ShouldBe(2);
    }
}
