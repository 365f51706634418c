using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>
/// Two violent events in one sentence, told apart by the parse, each with its own dead. These run through the
/// committed parser model: a retrained model that parses these sentences otherwise fails them (check the parse with
/// <c>analyze --format conllu</c>).
/// </summary>
public sealed class SyntaxGroupingTests
{
    private static List<EventMention> Assaults(string sentence) =>
        EventReader.Default.Read(StandardPipeline.Default.Process(sentence, new DateOnly(2025, 6, 12)))
            .Events.Where(e => e.Type == PloverType.Assault).ToList();

    [Fact]
    public void A_strike_and_an_earlier_attack_in_one_sentence_keep_their_own_dead()
    {
        var events = Assaults("The army shelled a village on Wednesday, killing five people, three days after rebels had ambushed a convoy, killing two soldiers.");
        events.Count.ShouldBe(2);
        events.Select(e => e.Fatalities?.Min).ShouldBe([5m, 2m], ignoreOrder: true);
        var shelling = events.Single(e => e.Fatalities?.Min == 5);
        shelling.Trigger.Text.ShouldBe("shelled");
        shelling.Time!.Start.ShouldBe(new DateOnly(2025, 6, 11));
        // "three days after" the Wednesday shelling: the Sunday before.
        events.Single(e => e.Fatalities?.Min == 2).Time!.Start.ShouldBe(new DateOnly(2025, 6, 8));
    }

    [Fact]
    public void A_count_held_by_a_later_attack_word_is_not_its_governors()
    {
        // The parse hangs "killed" under "shelled"; its two are its own, so "shelled" and "killing four" stay one event.
        var events = Assaults("Artillery shelled a village near the river on Wednesday, killing four people, a day after a similar attack killed two.");
        events.Count.ShouldBe(2);
        var shelling = events.Single(e => e.Trigger.Text == "shelled");
        shelling.Fatalities?.Min.ShouldBe(4m);
        shelling.Time!.Start.ShouldBe(new DateOnly(2025, 6, 11));
        events.Single(e => e.Trigger.Text != "shelled").Fatalities?.Min.ShouldBe(2m);
    }

    [Fact]
    public void An_attack_after_which_another_came_keeps_its_own_day()
    {
        var events = Assaults("The army shelled a village on Wednesday and killed five people, after rebels ambushed a convoy on Sunday and killed two soldiers.");
        events.Count.ShouldBe(2);
        events.Single(e => e.Fatalities?.Min == 2).Time!.Start.ShouldBe(new DateOnly(2025, 6, 8));
        events.Single(e => e.Fatalities?.Min == 5).Time!.Start.ShouldBe(new DateOnly(2025, 6, 11));
    }

    [Fact]
    public void Two_coordinated_clauses_each_with_its_own_day_are_two_events_with_their_own_dead()
    {
        // The parse hangs "on Monday" on the first clause's place; the day opens the second clause all the same.
        var events = Assaults("On Sunday three guards died in Lowbridge and on Monday another guard was killed.");
        events.Count.ShouldBe(2);
        events.Single(e => e.Time!.Start == new DateOnly(2025, 6, 8)).Fatalities!.Min.ShouldBe(3);
        events.Single(e => e.Time!.Start == new DateOnly(2025, 6, 9)).Fatalities!.Min.ShouldBe(1);
        // The dead are no actors of their own deaths.
        events.ShouldAllBe(e => e.Actors.IsEmpty);
    }

    [Fact]
    public void One_attack_told_with_its_dead_and_wounded_stays_one_event()
    {
        var events = Assaults("Gunmen attacked a bus on Wednesday, killing three passengers and wounding four.");
        events.Count.ShouldBe(1);
        events[0].Fatalities!.Min.ShouldBe(3);
        events[0].Injured!.Min.ShouldBe(4);
    }

    [Fact]
    public void The_syntax_distance_follows_the_parse()
    {
        var text = StandardPipeline.Default.Process("Rebels attacked the town.", null);
        text[1].Relation.ShouldBe("root");
        SyntaxScope.Distance(text, 0, 1).ShouldBe(1);
        SyntaxScope.Distance(text, 0, 3).ShouldBe(2);
    }

    [Fact]
    public void More_victims_said_in_the_next_sentence_belong_to_the_attack_before()
    {
        var events = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Coast guard gunners fired on a speedboat near the island on Thursday, and one sailor was rescued. Officials said on Friday that two other crew members were killed.",
            new DateOnly(2025, 6, 14))).Events.Where(e => e.Type == PloverType.Assault).ToList();
        events.Count.ShouldBe(1);
        events[0].Fatalities!.Min.ShouldBe(2);
        events[0].Time!.Start.ShouldBe(new DateOnly(2025, 6, 12));
    }

    [Fact]
    public void Two_earlier_attacks_each_holding_their_dead_are_two_events()
    {
        // Before the split a chain of attachments made these one event with 9 dead and no day.
        var events = Assaults("The raid follows one on May 30, which officials said killed four fishermen near a reef, and the June 2 raid that killed nine.");
        var dead = events.Where(e => e.Fatalities is not null).ToList();
        dead.Select(e => e.Fatalities!.Min).ShouldBe([4m, 9m], ignoreOrder: true);
        dead.Single(e => e.Fatalities!.Min == 9).Time!.Start.ShouldBe(new DateOnly(2025, 6, 2));
    }

    [Fact]
    public void A_place_a_thing_comes_from_is_not_where_the_attack_happened()
    {
        var events = Assaults("Police fired on a truck from Ecuador in Tulcan on Monday, killing two men.");
        events.Count.ShouldBe(1);
        events[0].Location?.Name.ShouldNotBe("Ecuador");
    }
}
