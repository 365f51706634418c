using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary><see cref="SalienceJudge"/>: the headline's and lede's news against recalled background.</summary>
public sealed class SalienceTests
{
    private static ArticleReading Read(string text) => ArticleText.Read(text);

    /// <summary>The front matter, headline and lede of the made-up article the tests add paragraphs to.</summary>
    private const string Lede = """
        ---
        published: 2025-06-12
        ---
        Rebels shell border town

        Rebel artillery shelled the border town of Kessa on Wednesday, killing four civilians, the army said.
        """;

    private const string Article = Lede + "\n\n" + """
        The shelling damaged a school and a clinic, officials said.

        In March, the government imposed sanctions on the rebel leadership.

        The army said it would open talks with tribal elders.
        """;

    [Fact]
    public void The_headline_and_lede_events_are_the_news()
    {
        var reading = Read(Article);
        var lede = reading.Events.Where(e => e.Segment is SegmentKind.Headline or SegmentKind.Lede).ToList();
        lede.ShouldNotBeEmpty();
        lede.ShouldAllBe(e => e.Salience == Salience.Main);
    }

    [Fact]
    public void A_body_event_of_the_news_type_without_a_date_is_the_news()
    {
        var damage = Read(Article).Events.Where(e => e.Evidence.Text.Contains("damaged a school", StringComparison.Ordinal)).ToList();
        damage.ShouldNotBeEmpty();
        damage.ShouldAllBe(e => e.Salience == Salience.Main);
    }

    [Fact]
    public void An_attack_dated_by_a_lapse_before_the_news_is_background_however_close()
    {
        var events = Read(Lede + "\n\n" + """
            It came a day after militia fighters raided a police post in the hills, killing a guard.
            """).Events;
        var raid = events.Single(e => e.Evidence.Text.Contains("raided", StringComparison.Ordinal));
        raid.Time!.Start.ShouldBe(new DateOnly(2025, 6, 10));
        raid.Salience.ShouldBe(Salience.Background);
    }

    [Fact]
    public void An_attack_told_in_the_simple_present_is_a_habit_not_news()
    {
        var events = Read(Lede + "\n\n" + """
            The rebels often attack convoys on the mountain road.

            Later, the rebels attacked a convoy on the mountain road, officials said.
            """).Events;
        events.Single(e => e.Evidence.Text.Contains("often attack", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Background);
        events.Single(e => e.Evidence.Text.Contains("attacked a convoy", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Main);
    }

    [Fact]
    public void An_attack_in_the_present_perfect_with_an_adverb_of_habit_is_background()
    {
        var events = Read(Lede + "\n\n" + """
            The two armies have clashed repeatedly along the unmarked frontier.

            Gunmen repeatedly fired on a patrol near the river, officials said.
            """).Events;
        events.Single(e => e.Evidence.Text.Contains("clashed repeatedly", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Background);
        events.Single(e => e.Evidence.Text.Contains("repeatedly fired", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Main);
    }

    [Fact]
    public void An_event_noun_under_a_present_verb_of_habit_is_background()
    {
        var events = Read(Lede + "\n\n" + """
            Mortar attacks on the outlying farms are reported nightly, residents say. Sniper shooting incidents are reported weekly.

            Mortar attacks on the outlying farms were reported on Thursday, residents said.
            """).Events;
        events.Single(e => e.Evidence.Text.Contains("reported nightly", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Background);
        events.Single(e => e.Evidence.Text.Contains("reported weekly", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Background);
        events.Single(e => e.Evidence.Text.Contains("on Thursday", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Main);
    }

    [Fact]
    public void An_event_dated_months_before_the_news_is_background()
    {
        var sanction = Read(Article).Events.Single(e => e.Type == PloverType.Sanction);
        sanction.Time.ShouldNotBeNull();
        sanction.Salience.ShouldBe(Salience.Background);
    }

    [Fact]
    public void An_event_the_text_sets_earlier_than_its_news_is_background_even_when_its_span_reaches_the_news()
    {
        var earlier = Read(Lede + "\n\n" + """
            Earlier this month, rebel gunners shelled the market of Arvel, killing two people.
            """).Events.Single(e => e.Evidence.Text.Contains("Arvel", StringComparison.Ordinal));
        earlier.Time!.End.ShouldBe(new DateOnly(2025, 6, 12));
        earlier.Salience.ShouldBe(Salience.Background);
    }

    [Fact]
    public void An_undated_body_event_of_another_kind_than_the_news_is_background()
    {
        var talks = Read(Article).Events.Where(e => e.Type != PloverType.Assault && e.Type != PloverType.Sanction).ToList();
        talks.ShouldNotBeEmpty();
        talks.ShouldAllBe(e => e.Salience == Salience.Background);
    }

    [Fact]
    public void A_text_without_headline_takes_its_first_event_sentence_as_the_news()
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Gunmen attacked a bus on Monday, killing two. A week earlier, police arrested three suspects.", new DateOnly(2025, 6, 10)));
        reading.Events.First().Salience.ShouldBe(Salience.Main);
        var arrest = reading.Events.Where(e => e.Type != PloverType.Assault).ToList();
        arrest.ShouldNotBeEmpty();
        arrest.ShouldAllBe(e => e.Salience == Salience.Background);
    }

    [Fact]
    public void An_event_told_days_before_the_news_event_is_dated_from_it()
    {
        var reading = Read("""
            ---
            published: 2025-06-12
            ---
            Gunmen raid village near the river

            Gunmen raided a village near the river on Wednesday, killing four people, police said.

            The raid came three days after an ambush on the river road that killed two soldiers.
            """);
        var ambush = reading.Events.Single(e => e.Type == PloverType.Assault && e.Fatalities?.Min == 2);
        ambush.Time.ShouldNotBeNull();
        ambush.Time.Start.ShouldBe(new DateOnly(2025, 6, 8));
        ambush.Time.Span.Text.ShouldBe("three days after");
    }

    [Fact]
    public void An_event_clause_days_before_the_news_event_is_dated_from_it()
    {
        // "after" introduces a clause whose subject is the event word ("after looting wrecked …"), not a noun phrase.
        var reading = Read("""
            ---
            published: 2025-06-12
            ---
            Gunmen raid village near the river

            Gunmen raided a village near the river on Wednesday, killing four people, police said.

            The raid came four days after shelling killed three farmers in a hamlet upstream.
            """);
        var shelling = reading.Events.Single(e => e.Type == PloverType.Assault && e.Fatalities?.Min == 3);
        shelling.Time.ShouldNotBeNull();
        shelling.Time.Start.ShouldBe(new DateOnly(2025, 6, 7));
    }

    [Fact]
    public void An_event_days_before_a_dated_event_of_its_sentence_is_dated_from_it()
    {
        var reading = Read("""
            ---
            published: 2025-06-13
            ---
            Rebels shelled a market in the north on Thursday, killing six people, the army said, a week after an ambush on a convoy killed three.
            """);
        var ambush = reading.Events.Single(e => e.Type == PloverType.Assault && e.Fatalities?.Min == 3);
        ambush.Time.ShouldNotBeNull();
        ambush.Time.Start.ShouldBe(new DateOnly(2025, 6, 5));
        ambush.Time.Span.Text.ShouldBe("a week after");
        reading.Events.Single(e => e.Fatalities?.Min == 6).Time!.Start.ShouldBe(new DateOnly(2025, 6, 12));
    }
    [Fact]
    public void A_day_two_days_before_the_news_events_own_day_is_recalled_but_a_month_ending_then_is_its_setting()
    {
        var reading = Read("""
            ---
            published: 2025-06-14
            ---
            Rebels shell border town

            Rebel artillery shelled the border town of Kessa on Friday, killing four civilians, the army said.

            On June 11, rebel gunners shelled the market of Arvel.
            """);
        // The news is Friday, 13 June, by its own words: the 11th is two days before it.
        var market = reading.Events.Single(e => e.Evidence.Text.Contains("Arvel", StringComparison.Ordinal));
        market.Time!.Start.ShouldBe(new DateOnly(2025, 6, 11));
        market.Salience.ShouldBe(Salience.Background);
        // Dated by the publication alone, the news covers the 13th and 14th, and the 11th stays within the slack.
        var undated = Read("""
            ---
            published: 2025-06-14
            ---
            Rebels shell border town

            Rebel artillery shelled the border town of Kessa, killing four civilians, the army said.

            On June 12, rebel gunners shelled the market of Arvel.
            """);
        undated.Events.Single(e => e.Evidence.Text.Contains("Arvel", StringComparison.Ordinal)).Salience.ShouldBe(Salience.Main);
        // A month that ends two days before the news day is the setting of the news, as before.
        var setting = Read("""
            ---
            published: 2025-06-03
            ---
            Rebels shell border town

            Rebel artillery shelled the border town of Kessa on Monday, killing four civilians, the army said.

            The strike is the first use of force in the naval buildup the army began in May.
            """);
        var buildup = setting.Events.Single(e => e.Evidence.Text.Contains("buildup", StringComparison.Ordinal) && e.Type != PloverType.Assault);
        buildup.Time!.End.ShouldBe(new DateOnly(2025, 5, 31));
        buildup.Salience.ShouldBe(Salience.Main);
    }

    [Fact]
    public void A_lede_attack_dated_long_before_the_publication_is_recalled_beside_the_days_news()
    {
        var events = Read("""
            ---
            published: 2026-05-15
            ---
            Tribunal convicts militia leaders

            A tribunal in Bunia on Thursday convicted three militia leaders over the massacre of displaced families at a camp near the lake that killed 31 people on June 3, 2023.
            """).Events;
        events.Single(e => e.Type == PloverType.Assault).Salience.ShouldBe(Salience.Background);
    }
}
