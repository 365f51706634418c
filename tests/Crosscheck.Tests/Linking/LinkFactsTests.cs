using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// The facts the cross-document stage sees of one document, read with the word lists of
/// <c>data/events/link-words.txt</c>: hedges, series and single events, left-out terms. Each case has a twin
/// without the word, so a list that stops being read fails here.
/// </summary>
public class LinkFactsTests
{
    private static EventFacts EventOf(string body, string trigger) =>
        CrossDocumentLinkerTests.Facts("link-facts", "Harbor Ledger", "2025-09-03", body).Events.First(e => e.Trigger == trigger);

    [Fact]
    public void A_hedge_word_in_the_sentence_makes_the_event_second_hand()
    {
        EventOf("The navy reportedly struck a boat off the coast on Monday.", "struck").Hedged.ShouldBeTrue();
        EventOf("The navy struck a boat off the coast on Monday.", "struck").Hedged.ShouldBeFalse();
    }

    [Fact]
    public void A_compass_word_next_to_a_country_names_its_side()
    {
        (EventOf("Warplanes struck northern Afghanistan on Monday, killing six people.", "struck").Location?.Side).ShouldBe("northern");
        (EventOf("Warplanes struck targets in Pakistan's north-west on Monday.", "struck").Location?.Side).ShouldBe("north-west");
        EventOf("Warplanes struck Afghanistan on Monday, killing six people.", "struck").Location!.Side.ShouldBeNull();
    }

    [Fact]
    public void A_series_word_makes_the_event_a_series_and_a_singling_word_one_event()
    {
        EventOf("The navy has carried out multiple strikes in the region.", "strikes").Plural.ShouldBeTrue();
        EventOf("The latest strike destroyed the boat.", "strike").Single.ShouldBeTrue();
        EventOf("The strike destroyed the boat.", "strike").Single.ShouldBeFalse();
    }

    [Fact]
    public void A_series_word_that_counts_people_makes_no_series()
    {
        // "several" counts the fighters the attack killed, not attacks.
        EventOf("Soldiers repelled the raid on the outpost and killed several dozen fighters.", "raid").Plural.ShouldBeFalse();
        EventOf("Soldiers repelled several raids on the outpost.", "raids").Plural.ShouldBeTrue();
        EventOf("Soldiers repelled the raid on the outpost in several waves.", "raid").Plural.ShouldBeTrue();
    }

    [Fact]
    public void The_subject_of_a_clause_after_a_killing_is_not_its_object()
    {
        // "gunmen" open the "when" clause: one post was stormed, not many things attacked.
        var one = EventOf("Eleven guards were killed when gunmen stormed a checkpoint near the town earlier this week.", "killed");
        one.Plural.ShouldBeFalse();
        one.Single.ShouldBeTrue();
        EventOf("Eleven guards were killed when gunmen stormed checkpoints near the town earlier this week.", "killed").Plural.ShouldBeTrue();
    }

    [Fact]
    public void Stop_terms_are_left_out_of_the_document_terms()
    {
        var facts = CrossDocumentLinkerTests.Facts("link-terms", "Harbor Ledger", "2025-09-03",
            "Officials said the navy destroyed a smuggling vessel near the island.");
        var terms = facts.Terms.Select(t => t.Key).ToList();
        terms.ShouldContain("vessel");
        terms.ShouldNotContain("said");
        terms.ShouldContain("official");
    }

    [Fact]
    public void A_lapse_of_days_before_after_dates_the_event_back_from_its_clause_day()
    {
        // "Monday" is the reopening's day, as the time reader gives it; the bombing was three days before it.
        var moved = EventOf("Shopkeepers reopened their stalls on Monday, three days after a bombing at the bus station killed 12 people.", "bombing");
        var kept = EventOf("Shopkeepers reopened their stalls on Monday, after a bombing at the bus station killed 12 people.", "bombing");
        kept.Time.ShouldNotBeNull();
        moved.Time.ShouldNotBeNull();
        moved.Time!.Start.ShouldBe(kept.Time!.Start!.Value.AddDays(-3));
        // A week is seven days, loosely: six to eight, a few days and no day of its own.
        var week = EventOf("Shopkeepers reopened their stalls on Monday, a week after a bombing at the bus station killed 12 people.", "bombing").Time!;
        week.Start.ShouldBe(kept.Time.Start!.Value.AddDays(-8));
        week.End.ShouldBe(kept.Time.Start!.Value.AddDays(-6));
        moved.Time.End.ShouldBe(moved.Time.Start);
        // So is a week the time's own words count back from the day before them.
        var counted = EventOf("Drones hit a depot in the port on Monday, a week after a missile strike on the port killed 12 people.", "missile strike").Time!;
        (counted.End!.Value.DayNumber - counted.Start!.Value.DayNumber).ShouldBe(2);
    }

    [Fact]
    public void A_day_of_the_work_at_the_site_of_an_attack_is_not_the_attack_s()
    {
        var saturday = new DateOnly(2025, 8, 30);
        // The day hangs on the search, whose phrase holds the strike only as what the site is "of".
        EventOf("Rescuers ended the search at the site of the strike in the port on Saturday.", "strike").Time?.Start.ShouldNotBe(saturday);
        EventOf("The town marked the anniversary of the bombing on Saturday.", "bombing").Time?.Start.ShouldNotBe(saturday);
        // A strike the day dates itself keeps it.
        EventOf("Rescuers searched the rubble after the strike on the port on Saturday.", "strike").Time!.Start.ShouldBe(saturday);
    }

    [Fact]
    public void An_attack_placed_in_the_capital_takes_no_place_from_the_news_elsewhere()
    {
        const string news = "Government jets struck a militant camp near Beledweyne on Tuesday night, killing 20 fighters, the army said. ";
        var own = CrossDocumentLinkerTests.Facts("standing-a", "Harbor Ledger", "2026-06-17",
            news + "The defence minister said the raid was retaliation for Sunday's bombing in the capital that killed 13 people.").Events.First(e => e.Trigger.Contains("bombing"));
        own.Time!.Start.ShouldBe(new DateOnly(2026, 6, 14));
        own.Location.ShouldBeNull();
        // Placed by nothing in its sentence, the same bombing is taken to be where the news is.
        var lent = CrossDocumentLinkerTests.Facts("standing-b", "Harbor Ledger", "2026-06-17",
            news + "The defence minister said the raid was retaliation for Sunday's bombing that killed 13 people.").Events.First(e => e.Trigger.Contains("bombing"));
        lent.Location?.Name.ShouldBe("Beledweyne");
    }
}
