using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>An attack whose sentence names no time takes the day its article's news attacks agree on; made-up articles.</summary>
public sealed class DiscourseDaysTests
{
    private static List<EventMention> Attacks(string body)
    {
        var document = new DocumentReader().ReadBytes("made-up.txt", System.Text.Encoding.UTF8.GetBytes("---\npublished: 2025-11-07\n---\n" + body), ".txt").Single().Document!;
        return [.. EventReader.Default.Read(StandardPipeline.Default.Process(document)).Events
            .Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted)];
    }

    private static string? Day(EventMention e) => e.Time?.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void An_undated_lede_attack_takes_the_day_the_body_gives_its_news()
    {
        var attacks = Attacks("Border town shelled\n\nAt least nine people are dead after rebel gunners shelled the town of Arvel.\n\n"
            + "The shelling began early on Thursday, officials said.");
        var dead = attacks.Single(e => e.Fatalities is { Min: 9 });
        Day(dead).ShouldBe("2025-11-06");
        // The day keeps its own words: the characters that name it in the body.
        dead.Time!.Span.Text.ShouldContain("Thursday");
    }

    [Fact]
    public void News_attacks_dated_to_two_days_give_no_day()
    {
        var attacks = Attacks("Two attacks on the border\n\nAt least nine people are dead after rebel gunners shelled the town of Arvel.\n\n"
            + "Gunmen raided a checkpoint on Tuesday. A drone struck a depot on Thursday.");
        Day(attacks.Single(e => e.Fatalities is { Min: 9 })).ShouldBeNull();
    }

    [Fact]
    public void A_plural_mention_of_the_campaign_takes_no_day()
    {
        var attacks = Attacks("Navy strikes a boat\n\nThe navy struck a boat on Wednesday, killing three people.\n\n"
            + "Critics called the strikes unlawful.");
        Day(attacks.Single(e => e.Fatalities is { Min: 3 })).ShouldBe("2025-11-05");
        attacks.Where(e => e.Fatalities is null).ShouldAllBe(e => e.Time == null);
    }

    [Fact]
    public void With_no_time_in_its_news_an_article_dates_its_news_attacks_to_its_own_day_marked_as_assumed()
    {
        var attacks = Attacks("Rebels shell border town\n\nRebel gunners have shelled the town of Arvel, killing nine people, officials said.\n\n"
            + "Critics called the attacks unlawful.");
        var dead = attacks.Single(e => e.Fatalities is { Min: 9 });
        Day(dead).ShouldBe("2025-11-07");
        dead.Time!.Basis.ShouldBe("publication");
        dead.Time.Span.Length.ShouldBe(0);
        attacks.Where(e => e.Fatalities is null).ShouldAllBe(e => e.Time == null);
        // A news attack with a time of its own, even a vague one, leaves the others undated.
        var weekend = Attacks("Rebels shell border town\n\nRebel gunners shelled the town of Arvel over the weekend.\n\n"
            + "A second attack killed nine people, officials said.");
        Day(weekend.Single(e => e.Fatalities is { Min: 9 })).ShouldBeNull();
    }

    [Fact]
    public void Fighting_told_as_breaking_out_takes_the_news_day_and_a_mere_mention_of_it_none()
    {
        var attacks = Attacks("Rebels shell border town\n\nRebel gunners have shelled the town of Arvel, killing nine people, officials said.\n\n"
            + "The latest clashes broke out near the village of Tesmor, the army said. Critics called the clashes a provocation.");
        Day(attacks.Single(e => e.Evidence.Text.Contains("broke out", StringComparison.Ordinal))).ShouldBe("2025-11-07");
        attacks.Where(e => e.Evidence.Text.Contains("Critics", StringComparison.Ordinal)).ShouldAllBe(e => e.Time == null);
        var erupted = Attacks("Rebels shell border town\n\nRebel gunners shelled the town of Arvel on Thursday, killing nine people.\n\n"
            + "Heavy fighting erupted around the Tesmor pass, the army said.");
        Day(erupted.Single(e => e.Evidence.Text.Contains("erupted", StringComparison.Ordinal))).ShouldBe("2025-11-06");
    }

    [Fact]
    public void The_attack_takes_the_day_named_last_before_it_in_its_paragraph_where_the_attack_is_told_in_other_words()
    {
        var attacks = Attacks("Clinic hit\n\nOn the morning of November 4, two rockets fired from rebel positions landed near the Arvel clinic. "
            + "Two wards of the clinic were damaged. The attack forced the evacuation of patients.");
        Day(attacks.Single(e => e.Trigger.Text == "attack")).ShouldBe("2025-11-04");
        // The first sentence tells no attack the lexicon knows: the day is not handed on from one.
        attacks.ShouldNotContain(e => e.Evidence.Text.Contains("rockets", StringComparison.Ordinal));
        // A day that dates a saying is the day of a report, not of the attack.
        var said = Attacks("Clinic hit\n\nOfficials said on Tuesday that talks with the rebels would resume. "
            + "The attack forced the evacuation of patients.");
        said.Where(e => e.Trigger.Text == "attack").ShouldAllBe(e => e.Time == null || e.Time.Basis != null);
    }

    [Fact]
    public void With_no_time_in_its_news_an_article_whose_toll_stands_at_an_earlier_day_dates_its_news_to_that_day()
    {
        var attacks = Attacks("Rebels shell border town\n\nRebel gunners have shelled the town of Arvel, officials said.\n\n"
            + "The death toll had risen to 23 as of late Thursday, the health ministry said.");
        var shelled = attacks.Single(e => e.Evidence.Text.Contains("Arvel", StringComparison.Ordinal));
        Day(shelled).ShouldBe("2025-11-06");
        shelled.Time!.Basis.ShouldBeNull();
        shelled.Time.Span.Text.ShouldContain("Thursday");
        // The wounded counted right after the tally stand at its day without naming it: they agree with it.
        var carried = Attacks("Rebels shell border town\n\nRebel gunners have shelled the town of Arvel, officials said.\n\n"
            + "The death toll had risen to 23 as of late Thursday, the health ministry said. It said 38 people were wounded, including 12 soldiers.");
        Day(carried.Single(e => e.Evidence.Text.Contains("Arvel", StringComparison.Ordinal))).ShouldBe("2025-11-06");
    }

    [Fact]
    public void The_day_a_report_was_made_gives_way_to_the_day_of_the_attack_and_is_kept_without_one()
    {
        // "…, officials said on Thursday" dates the report; the body's "late on Wednesday" dates the shelling itself.
        var attacks = Attacks("Border town shelled\n\nRebel gunners shelled the town of Arvel, killing nine people, officials said on Thursday.\n\n"
            + "The shelling began late on Wednesday near the market.");
        Day(attacks.Single(e => e.Fatalities is { Min: 9 })).ShouldBe("2025-11-05");
        // With no day of the attack anywhere, the report's day stays: the attack was that day or before.
        var alone = Attacks("Border town shelled\n\nRebel gunners shelled the town of Arvel, killing nine people, officials said on Thursday.");
        Day(alone.Single(e => e.Fatalities is { Min: 9 })).ShouldBe("2025-11-06");
        // A day the article names just before the report's is the attack's: reports are mostly of the night before.
        var night = Attacks("Border town shelled\n\nRebel gunners shelled the town of Arvel, killing nine people, officials said on Friday.\n\n"
            + "The power failed across the town last night, residents said.");
        Day(night.Single(e => e.Fatalities is { Min: 9 })).ShouldBe("2025-11-06");
        // Two such days give none, and the report's day stays.
        var two = Attacks("Border town shelled\n\nRebel gunners shelled the town of Arvel, killing nine people, officials said on Friday.\n\n"
            + "The power failed on Wednesday and again last night.");
        Day(two.Single(e => e.Fatalities is { Min: 9 })).ShouldBe("2025-11-07");
        // A day before the verb of saying dates what is said.
        var fronted = Attacks("Border town shelled\n\nOn Tuesday, officials said, rebel gunners shelled the town of Arvel, killing nine people.\n\n"
            + "The shelling began late on Wednesday near the market.");
        Day(fronted.Single(e => e.Fatalities is { Min: 9 })).ShouldBe("2025-11-04");
    }

    [Fact]
    public void A_participle_clause_of_a_past_verb_tells_an_attack_that_took_place_and_takes_the_news_day()
    {
        var attacks = Attacks("Rebels shell border town\n\nRebel gunners shelled the town of Arvel on Wednesday, killing nine people.\n\n"
            + "The rebels also used rocket launchers, striking a village near the river.");
        Day(attacks.Single(e => e.Evidence.Text.Contains("village", StringComparison.Ordinal))).ShouldBe("2025-11-05");
        // "accused … of bombing" is what was said of the rebels, not an attack told as done.
        var accused = Attacks("Rebels shell border town\n\nRebel gunners shelled the town of Arvel on Wednesday, killing nine people.\n\n"
            + "The governor accused the rebels of bombing a village near the river.");
        accused.Where(e => e.Trigger.Text == "bombing").ShouldAllBe(e => e.Time == null);
        // "… withdrew after shelling …": the shelling came before the withdrawal, and happened.
        var after = Attacks("Rebels shell border town\n\nRebel gunners shelled the town of Arvel on Wednesday, killing nine people.\n\n"
            + "The rebels withdrew to the hills after shelling the village of Brin.");
        Day(after.Single(e => e.Evidence.Text.Contains("Brin", StringComparison.Ordinal))).ShouldBe("2025-11-05");
    }

    [Fact]
    public void An_undated_attack_goes_on_with_the_day_of_the_sentence_before_it_when_the_news_spans_two_days()
    {
        // The news attacks are of Sunday and Monday, so no one day is agreed; the sentence before the undated one is Monday's.
        var attacks = Attacks("Fighting spreads along the border\n\nRebel gunners shelled the town of Arvel on Sunday.\n\n"
            + "Rebels shelled the village of Brin on Monday, killing four people.\n\nThree others were killed by shelling in the village of Osk.");
        Day(attacks.Single(e => e.Fatalities is { Min: 3 })).ShouldBe("2025-11-03");
        // An attack set against another ("after …") is not the sentence before's news.
        var after = Attacks("Fighting spreads along the border\n\nRebel gunners shelled the town of Arvel on Sunday.\n\n"
            + "Rebels shelled the village of Brin on Monday, killing four people.\n\nIt comes after a drone struck a depot near Osk.");
        after.Single(e => e.Evidence.Text.Contains("drone", StringComparison.Ordinal)).Time.ShouldBeNull();
        // A day inside quoted words is the speaker's ("tonight" said on Sunday night), not handed on.
        var quoted = Attacks("Fighting spreads along the border\n\nRebel gunners shelled the town of Arvel on Sunday.\n\n"
            + "The army said: \"Rebels shelled the village of Brin tonight, killing four people.\"\n\nThree others were killed by shelling in the village of Osk.");
        Day(quoted.Single(e => e.Fatalities is { Min: 3 })).ShouldBeNull();
    }

    [Fact]
    public void An_attack_hours_before_the_news_takes_the_day_the_news_is_of()
    {
        // Published Friday 7 November: the truce is Wednesday's news, and the raids came only hours before it.
        var attacks = Attacks("Truce agreed in the north\n\nThe two factions agreed to a three-day truce on Wednesday, the council announced.\n\n"
            + "The agreement came hours after militia fighters raided two army posts near the river crossing.");
        var raid = attacks.Single(e => e.Trigger.Text.Contains("raided", StringComparison.Ordinal));
        Day(raid).ShouldBe("2025-11-05");
        // Without a word of soon before "after", an attack set before the news keeps no day from it.
        var before = Attacks("Truce agreed in the north\n\nThe two factions agreed to a three-day truce on Wednesday, the council announced.\n\n"
            + "The agreement came after militia fighters raided two army posts near the river crossing.");
        before.Where(e => e.Trigger.Text.Contains("raided", StringComparison.Ordinal)).ShouldAllBe(e => e.Time == null);
    }
}
