using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Actors from the parse: subject or agent, never the speaker of a report about the event.</summary>
public sealed class SyntaxActorTests
{
    private static EventMention Assault(string sentence) =>
        EventReader.Default.Read(StandardPipeline.Default.Process(sentence, new DateOnly(2025, 6, 12)))
            .Events.First(e => e.Type == PloverType.Assault);

    [Fact]
    public void A_passive_event_takes_its_agent()
    {
        var e = Assault("The convoy was ambushed by militants near the border on Monday.");
        e.Actors.Select(a => a.Text).ShouldContain(t => t.Contains("militants", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_noun_after_a_light_verb_takes_the_verb_subject()
    {
        var e = Assault("Navy commandos carried out two strikes on smuggling boats.");
        e.Actors.Select(a => a.Text).ShouldContain(t => t.Contains("commandos", StringComparison.Ordinal));
    }

    [Fact]
    public void Whoever_speaks_of_an_attack_is_not_its_actor()
    {
        Assault("In the capital, President Maduro called the strikes an act of aggression.")
            .Actors.ShouldNotContain(a => a.Text.Contains("Maduro", StringComparison.Ordinal));
        Assault("President Maduro said the strikes had killed innocent fishermen.")
            .Actors.ShouldNotContain(a => a.Text.Contains("Maduro", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Colombia's president has called the strikes murder.", "president")]
    [InlineData("The opposition leader branded the raids a massacre of civilians.", "leader")]
    [InlineData("Two fishermen survived the strike on their boat.", "fishermen")]
    [InlineData("The village suffered heavy shelling overnight.", "village")]
    public void Whoever_judges_or_undergoes_an_attack_is_not_its_actor(string sentence, string judge)
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(sentence, new DateOnly(2025, 6, 12)));
        reading.Events.ShouldNotBeEmpty();
        reading.Events.ShouldAllBe(e => !e.Actors.Any(a => a.Text.Contains(judge, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Three farmers were wounded in Indian shelling of the village on Sunday.", "Indian")]
    [InlineData("Chinese artillery fire hit a border post overnight, the ministry said.", "Chinese")]
    public void A_nationality_adjective_on_an_event_noun_names_its_side(string sentence, string side)
    {
        Assault(sentence).Actors.Select(a => a.Text).ShouldContain(side);
        // A nationality on the victims is not the actor's.
        Assault("Shelling wounded three Indian farmers on Sunday.").Actors.ShouldNotContain(a => a.Text.Contains("Indian", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Villagers accused the soldiers of shooting nine herders near the well.", "soldiers", "Villagers")]
    [InlineData("The mayor blamed a rival militia for shelling the bus station overnight.", "militia", "mayor")]
    public void The_one_accused_of_an_attack_is_its_actor_not_the_accuser(string sentence, string accused, string accuser)
    {
        var e = Assault(sentence);
        e.Actors.Select(a => a.Text).ShouldContain(t => t.Contains(accused, StringComparison.Ordinal));
        e.Actors.ShouldNotContain(a => a.Text.Contains(accuser, StringComparison.Ordinal));
    }

    [Fact]
    public void They_as_what_a_plural_body_says_it_did_is_that_body()
    {
        Assault("Government forces said they had shelled a rebel camp near the lake on Sunday.")
            .Actors.Select(a => a.Text).ShouldContain(t => t.Contains("forces", StringComparison.Ordinal));
        // A person who speaks is never the body: witnesses who say "they" saw it are no actor.
        Assault("Witnesses said they had watched jets bomb the camp on Sunday.")
            .Actors.ShouldNotContain(a => a.Text.Contains("Witnesses", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attack_a_killing_is_set_in_time_against_lends_it_no_actor()
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Troops killed at least 20 fishermen in Kanam on Friday, two days after an attack on a police post in Lafia.", new DateOnly(2025, 6, 12)));
        var recalled = reading.Events.Single(e => e.Type == PloverType.Assault && e.Location?.Name == "Lafia");
        recalled.Actors.ShouldNotContain(a => a.Text.Contains("Troops", StringComparison.Ordinal));
        reading.Events.Single(e => e.Type == PloverType.Assault && e.Fatalities != null).Actors.Select(a => a.Text).ShouldContain("Troops");
    }

    [Fact]
    public void A_coordinated_verb_takes_the_subject_of_the_first()
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process("Gunmen stormed the village and burned several homes.", null));
        reading.Events.Where(e => e.Type == PloverType.Assault).ShouldAllBe(e => e.Actors.Any(a => a.Text.Contains("Gunmen")));
        reading.Events.ShouldContain(e => e.Type == PloverType.Assault);
    }

    [Theory]
    [InlineData("A separatist faction claimed responsibility for the bombing of the rail line on Sunday.", "faction")]
    [InlineData("The insurgents took credit for an ambush on an army patrol in the hills.", "insurgents")]
    public void Whoever_claims_an_attack_is_its_actor_by_its_own_claim(string sentence, string claimant)
    {
        var actor = Assault(sentence).Actors.ShouldHaveSingleItem();
        actor.Text.ShouldContain(claimant);
        actor.Claimed.ShouldBeTrue();
        // A plain subject is an actor, not a claimant.
        Assault("Gunmen attacked a police post near the border on Monday.").Actors.ShouldAllBe(a => !a.Claimed);
    }

    [Theory]
    [InlineData("The Democratic Karen Buddhist Army's local unit attacked the police post near Myawaddy on Monday.", "The Democratic Karen Buddhist Army's local unit")]
    [InlineData("The Allied Democratic Forces group's local cell carried out the raid on the village on Monday.", "The Allied Democratic Forces group's local cell")]
    public void An_owners_long_name_stays_whole_in_the_actors_phrase(string sentence, string actor) =>
        Assault(sentence).Actors.Select(a => a.Text).ShouldContain(actor);

    [Theory]
    [InlineData("No group has claimed responsibility for the bombing of the rail line.")]
    [InlineData("The separatists have not claimed responsibility for the bombing of the rail line.")]
    public void A_claim_nobody_made_gives_no_actor(string sentence) => Assault(sentence).Actors.ShouldBeEmpty();

    [Theory]
    [InlineData("A bomb exploded outside a police station in the old town on Friday, wounding six people.")]
    [InlineData("Mortar rounds landed in a crowded market overnight, killing four traders.")]
    [InlineData("A rocket struck a fuel depot near the airport on Sunday.")]
    public void A_munition_that_went_off_or_hit_is_no_actor(string sentence) => Assault(sentence).Actors.ShouldBeEmpty();
}
