using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>How the event reader groups event words into events and fills their arguments; sentences written for these tests.</summary>
public sealed class EventReaderTests
{
    private static ArticleReading Read(string text) => EventReader.Default.Read(StandardPipeline.Default.Process(text, new DateOnly(2025, 11, 10)));

    [Fact]
    public void Two_words_for_one_attack_in_a_sentence_make_one_event_with_its_count()
    {
        var r = Read("So far 40 people have been killed in the 12 strikes that began in early October.");
        var assault = r.Events.ShouldHaveSingleItem();
        assault.Type.ShouldBe(PloverType.Assault);
        assault.Count.ShouldNotBeNull();
        assault.Count!.Min.ShouldBe(12);
        assault.Count.Text.ShouldBe("the 12 strikes");
        assault.Time?.Span.Text.ShouldBe("early October");
    }

    [Fact]
    public void A_time_inside_an_after_clause_belongs_to_that_clause_not_to_the_attack()
    {
        var r = Read("The skirmishes came after Ruritania recalled its ambassador late on Wednesday.");
        r.Events.Single(e => e.Type == PloverType.Assault).Time.ShouldBeNull();
        var other = Read("The skirmishes broke out on Wednesday after Ruritania recalled its ambassador.");
        other.Events.Single(e => e.Type == PloverType.Assault).Time?.Span.Text.ShouldBe("Wednesday");
    }

    [Fact]
    public void An_attack_at_two_places_each_after_its_own_preposition_is_one_attack_at_each()
    {
        var r = Read("Fighting broke out in Kidal and in Gao on Wednesday, killing at least 15 people.");
        var attacks = r.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.Select(e => e.Location?.Name).ShouldBe(["Kidal", "Gao"], ignoreOrder: true);
        attacks.Count(e => e.Fatalities is not null).ShouldBe(1);
    }

    [Fact]
    public void An_attack_on_places_joined_by_and_is_one_attack_at_each_and_the_first_keeps_the_counts()
    {
        var r = Read("Drones hit Kharkiv and Poltava on Monday, killing two people.");
        var attacks = r.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.Select(e => e.Location?.Name).ShouldBe(["Kharkiv", "Poltava"], ignoreOrder: true);
        attacks[0].Fatalities?.Min.ShouldBe(2);
        attacks[0].AtAnotherPlace.ShouldBeFalse();
        attacks[1].Fatalities.ShouldBeNull();
        attacks[1].AtAnotherPlace.ShouldBeTrue();
        attacks[1].Time?.Span.Text.ShouldBe("Monday");
        EventIds.Of("d-1", attacks[1]).ShouldNotBe(EventIds.Of("d-1", attacks[0]));
        // A list closed by "and", the area word after the first name or before the names.
        Read("Shelling hit the provinces of Kharkiv, Sumy and Odesa on Monday.").Events.Where(e => e.Type == PloverType.Assault)
            .Select(e => e.Location?.Name).ShouldBe(["Kharkiv", "Sumy", "Odessa"], ignoreOrder: true);
        Read("Jets struck targets in Kharkiv province and Poltava on Monday.").Events.Count(e => e.Type == PloverType.Assault).ShouldBe(2);
    }

    [Fact]
    public void Overnight_after_a_city_is_never_its_verb_and_the_city_stays_the_attack_place()
    {
        // The tagger once read "overnight" as a past verb with the city its subject, and the attack lost its place.
        var r = Read("Russian drones attacked Mykolaiv overnight into Sunday, wounding three people, the governor said.");
        var attack = r.Events.Single(e => e.Type == PloverType.Assault);
        attack.Location?.Name.ShouldBe("Mykolayiv");
        attack.Injured?.Min.ShouldBe(3);
    }

    [Fact]
    public void A_city_named_before_a_site_is_where_the_site_is()
    {
        // "the Samara oil refinery": the name before a site noun says where it is, not whose it is.
        var r = Read("A blaze broke out at the Samara oil refinery after a drone attack overnight, the governor said.");
        r.Events.Single(e => e.Type == PloverType.Assault).Location?.Name.ShouldBe("Samara");
    }

    [Fact]
    public void No_one_hurt_in_a_sentence_of_its_own_is_the_attack_count_not_a_denied_attack()
    {
        var r = Read("Drones attacked a village near Belgorod on Monday, damaging three houses. No one was injured.");
        var attack = r.Events.Where(e => e.Type == PloverType.Assault).ShouldHaveSingleItem();
        attack.Modality.ShouldBe(Modality.Asserted);
    }

    [Fact]
    public void A_military_sector_of_a_named_place_places_the_event_there()
    {
        // A front-line area noun ("sector", "frontier", "axis") before "of" stands for its area, like "district".
        Read("A farmer was wounded when troops opened fire on houses in the Kharkiv sector of the border on Monday.").Events
            .Single(e => e.Type == PloverType.Assault).Location?.Name.ShouldBe("Kharkiv");
    }

    [Fact]
    public void Counts_each_told_at_its_own_place_are_an_attack_at_each_past_the_words_that_describe_the_place()
    {
        // "in the northern border city of Sumy": the words that describe the place stand between "in" and its name.
        var r = Read("Artillery pounded the area on Sunday, wounding six people in the northern border city of Sumy and two in Poltava.");
        var attacks = r.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.Select(e => (e.Location?.Name, e.Injured?.Min)).ShouldBe([("Sumy", 6m), ("Poltava", 2m)]);
        // The place the attack's words took first is not the first count's: the counts keep their own places, and it stays
        // an attack of those words with no count.
        var moved = Read("Missiles struck Zaporizhzhia overnight, killing five people in Pavlohrad and two in Poltava.")
            .Events.Where(e => e.Type == PloverType.Assault).ToList();
        moved.Select(e => (e.Location?.Span.Text, e.Fatalities?.Min)).ShouldBe([("Pavlohrad", 5m), ("Zaporizhzhia", null), ("Poltava", 2m)]);
    }

    [Fact]
    public void Counts_told_at_places_of_their_own_with_their_own_verbs_or_as_parts_of_a_toll_are_each_places_attack()
    {
        static List<(string?, decimal?, decimal?)> Attacks(ArticleReading r) =>
            r.Events.Where(e => e.Type == PloverType.Assault).Select(e => (e.Location?.Span.Text, e.Fatalities?.Min, e.Injured?.Min)).ToList();
        // The other outcome, told with its own verb after or before its count.
        Attacks(Read("Two people were killed in Lviv and five were injured in Rivne on Friday."))
            .ShouldBe([("Lviv", 2m, null), ("Rivne", null, 5m)]);
        Attacks(Read("A missile attack on Friday killed three people in Kherson and wounded six in Mykolaiv."))
            .ShouldBe([("Kherson", 3m, null), ("Mykolaiv", null, 6m)]);
        // Seas after a sea; as many strikes as places, so each is one.
        var seas = Read("The navy carried out two strikes on Friday, killing three people in the Caribbean and one in the eastern Pacific.");
        Attacks(seas).Select(a => (a.Item2, a.Item3)).ShouldBe([(3m, null), (1m, null)]);
        seas.Events.Where(e => e.Type == PloverType.Assault).ShouldAllBe(e => e.Count == null);
        // A toll's parts at cities after ", including".
        Attacks(Read("Strikes overnight killed at least ten people across Ukraine, including four in Kharkiv and three in Poltava."))
            .Where(a => a.Item2 is not null).ShouldBe([("Kharkiv", 4m, null), ("Poltava", 3m, null)]);
        // A running toll's part is no attack's count.
        Attacks(Read("Shelling has killed more than 9,000 civilians across Ukraine since March 2022, including 700 in Kharkiv."))
            .ShouldAllBe(a => a.Item2 == null);
    }

    [Fact]
    public void An_attack_a_speaker_tells_at_a_place_of_its_own_in_one_quotation_is_another_attack_not_a_repeat()
    {
        var r = Read("“Nine people were killed in the attack. Rebels also carried out attacks in Kharkiv, wounding four villagers,” the governor said.");
        var attacks = r.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.Count.ShouldBe(2);
        attacks[1].Location?.Name.ShouldBe("Kharkiv");
    }

    [Fact]
    public void An_attack_credited_after_it_to_the_holder_of_an_office_over_an_area_took_place_in_that_area()
    {
        var place = Read("Three villagers were seriously injured in the shelling, according to the deputy governor of the Kharkiv region.")
            .Events.Single(e => e.Type == PloverType.Assault).Location;
        place.ShouldNotBeNull();
        place.Precision.ShouldBe("admin1");
        place.Span.Text.ShouldBe("Kharkiv");
        // An office named with no word of saying or crediting between names no place of the attack.
        Read("Three villagers were seriously injured in the shelling near the home of the governor of the Kharkiv region.")
            .Events.Single(e => e.Type == PloverType.Assault).Location?.Span.Text.ShouldNotBe("Kharkiv");
    }

    [Fact]
    public void Places_joined_only_by_commas_name_one_place_by_what_holds_it_and_countries_name_sides()
    {
        Read("A shell struck a market in Kupiansk, Kharkiv region, on Monday.").Events.Count(e => e.Type == PloverType.Assault).ShouldBe(1);
        Read("Fighting broke out in Ukraine and Russia on Monday.").Events.Count(e => e.Type == PloverType.Assault).ShouldBe(1);
    }

    [Fact]
    public void A_place_named_as_the_province_or_town_of_X_is_where_it_happened()
    {
        // A place elsewhere in the sentence ("Officials in Kyiv") is what the attack would take without it.
        Read("Officials in Kyiv said fresh clashes broke out in the northern province of Kharkiv on Monday.").Events.Single(e => e.Type == PloverType.Assault)
            .Location?.Name.ShouldBe("Kharkiv");
        Read("Officials in Kyiv said artillery shelling hit the town of Kharkiv on Monday.").Events.Single(e => e.Type == PloverType.Assault)
            .Location?.Name.ShouldBe("Kharkiv");
    }

    [Fact]
    public void A_sea_describing_a_port_named_after_it_is_not_the_place_and_the_city_is_the_city_named_just_before()
    {
        Read("A drone struck the Baltic Sea port of Gdansk overnight, damaging a fuel depot.").Events.First(e => e.Type == PloverType.Assault)
            .Location?.Name.ShouldBe("Gdańsk");
        var r = Read("A drone struck the port of Gdansk overnight. Nine people were injured in the city, the mayor said.");
        r.Events.Where(e => e.Type == PloverType.Assault).Select(e => e.Location?.Name).ShouldBe(["Gdańsk", "Gdańsk"]);
        // Two sentences on, "the city" is no longer the one named.
        Read("A drone struck the port of Gdansk overnight. The mayor spoke to reporters. He said nine people were injured in the city.")
            .Events.Last(e => e.Type == PloverType.Assault).Location.ShouldBeNull();
    }

    [Fact]
    public void A_place_beside_the_noun_that_names_it_is_where_it_happened_and_a_distance_from_a_place_is_not()
    {
        (Read("Moscow launched a fresh barrage of drones and rockets at the Ukrainian capital Kyiv on Friday, killing four people, wounding 9.").Events.First(e => e.Type == PloverType.Assault)
            .Location?.Precision ?? "").ShouldBe("city");
        (Read("The clashes started late on Monday near a shrine on the frontier, some 410km from the Thai capital Bangkok.").Events
            .First(e => e.Type == PloverType.Assault).Location?.Name ?? "").ShouldNotBe("Bangkok");
    }

    [Fact]
    public void A_country_naming_whose_attacks_is_no_place_but_a_province_word_is()
    {
        Read("At least 40 people have been killed in U.S. attacks on boats since September.").Events
            .Where(e => e.Type == PloverType.Assault).ShouldAllBe(e => e.Location == null || e.Location.Country != "US");
        Read("Shelling killed two people in Kharkiv region on Monday.").Events.Single(e => e.Type == PloverType.Assault)
            .Location?.Precision.ShouldBe("admin1");
    }

    [Fact]
    public void A_speaker_telling_its_own_attack_as_it_is_the_actor()
    {
        var assault = Read("The Thai army said it shelled a Cambodian position Sunday, killing two soldiers.").Events.Single(e => e.Type == PloverType.Assault);
        assault.Actors.ShouldHaveSingleItem().Span.Text.ShouldBe("The Thai army");
        // A pronoun that is not the subject of what is said stays as it was.
        Read("Officials said the strike hit it on Monday.").Events.Where(e => e.Type == PloverType.Assault).SelectMany(e => e.Actors)
            .ShouldAllBe(a => a.Span.Text != "Officials");
    }

    [Fact]
    public void A_year_before_the_actor_is_its_time_not_part_of_the_actor()
    {
        // "In 2017 Norvian gunships ...": the year the parse hangs on the actor's noun says when.
        var assault = Read("In 2017 Norvian gunships shelled a ferry near the island, killing four crew.").Events.Single(e => e.Type == PloverType.Assault);
        assault.Actors.ShouldHaveSingleItem().Span.Text.ShouldBe("Norvian gunships");
    }

    [Fact]
    public void Waters_off_a_country_take_the_sea_their_sentence_names()
    {
        var caribbean = Read("Navy jets struck a skiff in the Caribbean on Sunday.").Events.Single(e => e.Type == PloverType.Assault).Location!;
        var off = Read("Navy jets struck a skiff off the coast of Colombia in the Caribbean on Sunday.").Events.Single(e => e.Type == PloverType.Assault).Location!;
        off.Precision.ShouldBe("sea");
        (off.Latitude, off.Longitude).ShouldBe((caribbean.Latitude, caribbean.Longitude));
    }

    [Fact]
    public void An_attack_s_side_comes_from_its_noun_its_light_verb_or_the_attack_its_dead_died_in()
    {
        static string[] Actors(ArticleReading r, string word) =>
            [.. r.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Text.Contains(word, StringComparison.Ordinal)).Actors.Select(a => a.Span.Text)];
        // The dead "killed in last week's Chilean strike": the strike's side, though "killed" has no doer of its own.
        Actors(Read("The mayor said the four people killed in last week's Chilean strike were farmers."), "killed").ShouldBe(["Chilean"]);
        // A place owning the place of the dead is no side.
        Actors(Read("Two people were killed in Lviv's Sykhiv district on Sunday, the mayor said."), "killed").ShouldBeEmpty();
        // "carried out two raids", its particle misparsed as the noun's preposition: the light verb's subject.
        Actors(Read("The Peruvian navy carried out two raids on smuggling camps on Tuesday, killing five people."), "raids").ShouldContain(a => a.Contains("navy"));
        // A sea before the attack noun says where, not who.
        Actors(Read("The Atlantic strike hit a trawler west of the islands on Friday."), "strike").ShouldBeEmpty();
    }

    [Fact]
    public void A_claim_of_an_attack_told_before_makes_the_claimant_its_actor()
    {
        static string[] Actors(ArticleReading r, string word) =>
            [.. r.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Text.Contains(word, StringComparison.Ordinal)).Actors.Select(a => a.Span.Text)];
        // "claimed responsibility for the ambush": the ambush told in the sentence before is the claimant's.
        Actors(Read("A convoy of fuel tankers was ambushed near Mandera on Sunday, leaving five drivers dead. The Coastal Brigades claimed responsibility for the ambush."),
            "convoy").ShouldBe(["The Coastal Brigades"]);
        // "claimed the raid": a definite attack noun as the claim's object owns it as well; a description of the doers stays first.
        Actors(Read("Armed men raided a police post in Tillia on Saturday, killing three officers. The Saharan Legion claimed the raid in an online post."),
            "police post").ShouldBe(["Armed men", "The Saharan Legion"]);
        // The attack is the one its words tell, not a later sentence of its victims' fate.
        Actors(Read("A church in Sevare was stormed during Sunday mass. Nine worshippers were wounded and two of them later died. The Macina Battalion claimed the attack."),
            "church").ShouldBe(["The Macina Battalion"]);
        // "claimed the shells killed 30": a clause the claim reports is no claim of the attack before.
        Actors(Read("Rebels shelled a barracks near Tillia on Saturday, killing four guards. The ministry claimed the shells killed 30 rebels."),
            "barracks").ShouldBe(["Rebels"]);
    }

    [Fact]
    public void A_truce_that_collapsed_is_no_agreement_and_a_toll_since_it_dates_no_day()
    {
        // "since the truce collapsed": no truce is agreed in the sentence, and the dead the toll counts fell over the span
        // since, which neither the publication day nor the attack told before dates.
        var r = Read("Militias raided a village in Ituri on Monday, killing 12. At least 80 people have been killed in the province since the truce collapsed.");
        r.Events.ShouldNotContain(e => e.Type == PloverType.Agree);
        r.Events.Single(e => e.Evidence.Text.Contains("since the truce", StringComparison.Ordinal)).Time.ShouldBeNull();
        r.Tolls.ShouldContain(t => t.Min == 80 && t.Since != null && t.SinceDate == null);
    }

    [Fact]
    public void A_claimant_telling_the_dead_in_its_own_words_is_the_actor_of_both_sentences()
    {
        // "saying it had killed nine troops": "it" is the claimant, whose count is its own (credited to it), and the
        // explosion it claims is the roadside bomb told before.
        var r = Read("A roadside bomb struck a patrol near Kidal on Friday. The Azawad Front claimed responsibility for the explosion, saying it had killed nine troops.");
        var bomb = r.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Text.Contains("patrol", StringComparison.Ordinal));
        bomb.Actors.Select(a => a.Span.Text).ShouldBe(["The Azawad Front"]);
        var claim = r.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Text.Contains("explosion", StringComparison.Ordinal));
        claim.Actors.Select(a => a.Span.Text).ShouldBe(["The Azawad Front"]);
        claim.Attribution.Kind.ShouldBe(AttributionKind.Named);
        claim.Fatalities!.Max.ShouldBe(9);
    }

    [Fact]
    public void An_accusation_s_charge_is_not_the_main_word_of_the_attack_it_names()
    {
        // "accused Lima of murder": the attack is the strike the dead were killed in, read with its side.
        var r = Read("President Ruiz said the three men killed in Sunday's Peruvian strike on the river were farmers, and accused Lima of murder.");
        var attack = r.Events.Single(e => e.Type == PloverType.Assault);
        attack.Actors.Select(a => a.Span.Text).ShouldBe(["Peruvian"]);
    }

    [Fact]
    public void A_place_on_the_outskirts_or_at_the_edge_of_a_city_is_that_city()
    {
        static string? Place(string text) => Read(text).Events.Single(e => e.Type == PloverType.Assault).Location?.Name;
        Place("Gunmen attacked a village on the outskirts of Kano on Friday, killing ten people.").ShouldBe("Kano");
        Place("A bomb exploded at the northern edge of Kano on Friday.").ShouldBe("Kano");
        // A distance from a city still says where it is not.
        Place("Gunmen attacked a village 80 km from Kano on Friday.").ShouldBeNull();
    }

    [Fact]
    public void A_strike_off_a_country_s_sea_coast_is_in_that_sea()
    {
        var attack = Read("A drone hit a tanker off Romania's Black Sea coast on Monday, the navy said.").Events.Single(e => e.Type == PloverType.Assault);
        attack.Location.ShouldNotBeNull();
        attack.Location!.Name.ShouldBe("Black Sea");
    }

    [Fact]
    public void Those_who_died_are_no_actor_of_the_attack_they_died_in()
    {
        // "died" has its victims for subject; the conjoined "were wounded" finds no actor there either.
        var r = Read("The ship's owner said two Indonesian sailors died and four were wounded.");
        r.Events.Where(e => e.Type == PloverType.Assault).SelectMany(e => e.Actors).ShouldBeEmpty();
    }

    [Fact]
    public void An_armed_group_that_says_it_attacked_is_the_actor()
    {
        // "it" under a speech verb stands for an armed group that speaks, as for a government or an army.
        var attack = Read("Al-Shabaab said it attacked an army convoy near the river on Monday.").Events.Single(e => e.Type == PloverType.Assault);
        attack.Actors.Select(a => a.Span.Text).ShouldBe(["Al-Shabaab"]);
    }

    [Fact]
    public void An_attacker_noun_that_is_the_subject_of_an_attack_verb_is_its_actor()
    {
        var attack = Read("A suicide bomber attacked a hotel in Kano on Friday, killing ten people.").Events.Single(e => e.Type == PloverType.Assault);
        attack.Actors.Select(a => a.Span.Text).ShouldBe(["A suicide bomber"]);
        attack.Recipients.Select(r => r.Span.Text).ShouldContain("a hotel");
    }

    [Fact]
    public void A_target_ends_before_a_compass_word_that_says_where_it_lay()
    {
        // The parse may hang "a trawler" under "south", and the tagger take an unknown noun for an adjective.
        Read("The frigate's missile hit a trawler south of the island of Sark, the ministry said.").Events.Single(e => e.Type == PloverType.Assault)
            .Recipients.ShouldHaveSingleItem().Span.Text.ShouldBe("a trawler");
        Read("The drone struck a gunboat northwest of the cape on Sunday.").Events.Single(e => e.Type == PloverType.Assault)
            .Recipients.ShouldHaveSingleItem().Span.Text.ShouldBe("a gunboat");
    }

    [Fact]
    public void A_bounded_count_of_victims_keeps_its_bound()
    {
        // From the parse ("killed at least 9 people") and from the words after the event ("killing at least 9 people").
        Read("Gunmen have killed at least 9 people in the town.").Events.Single(e => e.Type == PloverType.Assault)
            .Recipients.ShouldHaveSingleItem().Span.Text.ShouldBe("at least 9 people");
        Read("The militia raided the town, killing at least 9 people, officials said.").Events.Where(e => e.Type == PloverType.Assault)
            .SelectMany(e => e.Recipients).ShouldAllBe(p => !p.Span.Text.StartsWith("least", StringComparison.Ordinal));
    }

    [Fact]
    public void A_place_hit_by_an_attack_is_where_it_happened_and_its_target_never_a_day()
    {
        var r = Read("A missile strike hit Kharkiv on Saturday, officials said.");
        var assault = r.Events.Single(e => e.Type == PloverType.Assault);
        assault.Location?.Name.ShouldBe("Kharkiv");
        assault.Recipients.ShouldHaveSingleItem().Span.Text.ShouldBe("Kharkiv");
        var drones = Read("Russian drones hit Kharkiv overnight, killing two people, officials said.");
        drones.Events.Single(e => e.Type == PloverType.Assault).Location?.Name.ShouldBe("Kharkiv");
        var followed = Read("The strike followed one on Saturday.");
        followed.Events.Single(e => e.Type == PloverType.Assault).Recipients.ShouldBeEmpty();
    }

    [Fact]
    public void An_attack_after_a_past_link_is_its_own_event_not_the_content_of_an_agreement()
    {
        var r = Read("The ceasefire request came after Ruritania carried out strikes on rebel camps.");
        var assault = r.Events.Single(e => e.Type == PloverType.Assault);
        assault.Modality.ShouldBe(Modality.Asserted);
    }

    [Fact]
    public void An_exchange_of_fire_is_an_attack_and_its_fire_no_accident()
    {
        var r = Read("A soldier was killed in a brief exchange of fire on Monday.");
        var assault = r.Events.Single(e => e.Type == PloverType.Assault);
        assault.Fatalities?.Min.ShouldBe(1);
    }

    [Fact]
    public void A_clause_opened_by_as_takes_no_subject_from_the_main_clause()
    {
        var r = Read("Lawmakers on Friday rejected a bill that would have limited the war, as the US military kept up its raids on camps in the area.");
        var raid = r.Events.Single(e => e.Type == PloverType.Assault);
        raid.Actors.ShouldNotContain(a => a.Span.Text.Contains("Lawmakers"));
    }

    [Fact]
    public void An_attack_named_as_the_object_of_a_condemnation_is_what_the_condemnation_is_about()
    {
        var r = Read("European leaders condemned the airstrikes.");
        r.Events.Select(e => e.Type).ShouldBe([PloverType.Accuse]);
    }

    [Fact]
    public void The_actor_of_a_gerund_adjunct_is_the_subject_of_the_main_clause()
    {
        var r = Read("The Kenyan government has angered the Somali government by sending troops across the border.");
        var mobilize = r.Events.Single(e => e.Type == PloverType.Mobilize);
        mobilize.Actors.ShouldHaveSingleItem().Text.ShouldContain("Kenyan government");
    }

    [Theory]
    [InlineData("The missile attack on the capital followed negotiations in Geneva over the weekend.")]
    [InlineData("The drone strike on the port came a day after a secret meeting in Doha between the envoys.")]
    [InlineData("The drone strike on the port came after a secret meeting on Sunday between the foreign minister and a visiting delegation in Doha.")]
    [InlineData("The envoy told a summit of regional leaders, convened by the president late on Friday in Geneva, that the rocket attack had killed four.")]
    public void A_place_of_a_gathering_is_not_where_the_attack_happened(string text)
    {
        var r = Read(text);
        var attack = r.Events.First(e => e.Type == PloverType.Assault);
        (attack.Location?.Name ?? "").ShouldNotBeOneOf("Genève", "Geneva", "Doha");
    }

    [Theory]
    [InlineData("Shells struck a market in Kramatorsk on Monday, and nine wounded were taken to the city hospital in Dnipro.", "Dnipro")]
    [InlineData("A drone hit a bus near Kherson on Monday; the injured were later airlifted to Odesa.", "Odesa")]
    [InlineData("Nine wounded were evacuated to the regional hospital in Dnipro, a health worker said.", "Dnipro")]
    public void A_town_the_wounded_were_taken_to_is_not_where_the_attack_happened(string text, string careTown)
    {
        var r = Read(text);
        var attacks = r.Events.Where(e => e.Type == PloverType.Assault).ToList();
        attacks.ShouldNotBeEmpty();
        attacks.ShouldAllBe(e => e.Location == null || !e.Location.Name.StartsWith(careTown.Substring(0, 4)));
    }

    [Fact]
    public void A_day_between_the_speaker_and_the_verb_of_saying_dates_the_saying()
    {
        var r = Read("The army on Monday said 14 civilians had died in the raid on the village of Tessit.");
        r.Events.First(e => e.Type == PloverType.Assault).TimeIsReportDay.ShouldBeTrue();
        var fronted = Read("On Monday, the army said, gunmen raided the village of Tessit.");
        fronted.Events.First(e => e.Type == PloverType.Assault).TimeIsReportDay.ShouldBeFalse();
    }

    [Fact]
    public void A_place_another_noun_bears_on_is_not_where_the_attack_happened()
    {
        var r = Read("The minister described the drone attack as proof of the need for more pressure on Iran.");
        (r.Events.First(e => e.Type == PloverType.Assault).Location?.Name ?? "").ShouldNotBe("Iran");
        // The event's own "on" still names its place.
        Read("A missile attack on Kharkiv killed two people on Friday.").Events.First(e => e.Type == PloverType.Assault).Location!.Name.ShouldBe("Kharkiv");
    }

    [Fact]
    public void A_place_after_a_gathering_but_past_a_verb_of_its_own_is_the_attacks()
    {
        var r = Read("After talks with the envoys on Sunday, the army shelled villages in Kunar province.");
        r.Events.First(e => e.Type == PloverType.Assault).Location!.Name.ShouldBe("Kunar");
    }

    [Fact]
    public void A_country_followed_by_its_own_province_in_one_phrase_is_that_province()
    {
        var r = Read("An air strike killed eight people in Afghanistan's eastern Paktika province on Friday.");
        r.Events.First(e => e.Type == PloverType.Assault).Location!.Precision.ShouldBe("admin1");
        var apart = Read("An air strike killed eight people in Afghanistan, and officials in Kabul condemned it.");
        apart.Events.First(e => e.Type == PloverType.Assault).Location!.Name.ShouldBe("Afghanistan");
    }

    [Fact]
    public void A_name_before_a_word_for_a_division_is_the_division_not_the_city()
    {
        var kandahar = Read("Pakistani forces struck targets in Kandahar province on Wednesday, killing 12 civilians, Afghan officials said.");
        var place = kandahar.Events.First(e => e.Type == PloverType.Assault).Location!;
        (place.Precision, place.Country).ShouldBe(("admin1", "AF"));
        // "Khost province": GeoNames spells the division Khowst; the city of Khost lies in it and names it.
        var khost = Read("An air strike killed ten people in Khost province on Monday, the Taliban said.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (khost.Name, khost.Precision).ShouldBe(("Khowst", "admin1"));
        Read("An air strike killed ten people in Khost on Monday, the Taliban said.").Events.First(e => e.Type == PloverType.Assault).Location!.Precision.ShouldBe("city");
    }

    [Fact]
    public void A_name_before_regional_or_provincial_is_the_division_and_the_town_stays_the_town_named()
    {
        // "the Sumy regional governor" speaks of the region: "the town" after it is still Shostka, not the city of Sumy.
        var r = Read("A Russian drone strike on Shostka killed two people on Thursday, the Sumy regional governor said. The drone hit a barn on the edge of the town.");
        r.Events.Where(e => e.Type == PloverType.Assault).Select(e => e.Location?.Name).ShouldBe(["Shostka", "Shostka"]);
        var provincial = Read("A drone strike on Konotop wounded two people on Friday, the Sumy provincial administration said. The drone hit a shed near a school in the town.");
        provincial.Events.Where(e => e.Type == PloverType.Assault).Select(e => e.Location?.Name).ShouldBe(["Konotop", "Konotop"]);
    }

    [Fact]
    public void A_city_name_before_a_word_for_a_region_is_the_division_of_that_name()
    {
        // GeoNames puts the city of Kyiv in a division of its own (Kyiv City) beside the Kiev oblast: "the Kyiv region" is the oblast.
        var kyiv = Read("Russian drones struck homes in the Kyiv region on Friday, the police said.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (kyiv.Name, kyiv.Precision, kyiv.Country).ShouldBe(("Kiev", "admin1", "UA"));
        Read("Russian drones struck homes in Kyiv on Friday, the police said.").Events.First(e => e.Type == PloverType.Assault).Location!.Precision.ShouldBe("city");
        // GeoNames spells the division of Kharkiv adjectivally (Kharkivs'ka Oblast').
        var kharkiv = Read("A missile attack on the Kharkiv region wounded four people on Friday.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (kharkiv.Precision, kharkiv.Country).ShouldBe(("admin1", "UA"));
    }

    [Fact]
    public void A_noun_before_the_area_noun_of_a_place_keeps_its_preposition()
    {
        // "in the border province of X": the preposition governs X through "border province of"; a country after it in a
        // relative clause about the province is not where the strike was.
        var place = Read("The air strike on Tuesday hit a market in the border province of Kunar, which lies close to Pakistan.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (place.Name, place.Country).ShouldBe(("Kunar", "AF"));
    }

    [Fact]
    public void An_unknown_village_takes_the_division_named_after_it_even_when_that_division_is_found_later()
    {
        // The division is a name only the recognizer saw (GeoNames spells it Si Sa Ket), read after the village.
        var place = Read("A rocket fired by Cambodian troops during the attack on Friday is still stuck in a shop in Ban Nong Sai, Kantharalak District, Sisaket Province. Rescuers have still not recovered the Thai victims.")
            .Events.First(e => e.Type == PloverType.Assault).Location!;
        (place.Span.Text, place.Precision, place.Country).ShouldBe(("Ban Nong Sai", "admin1", "TH"));
    }

    [Fact]
    public void A_place_that_undergoes_the_attack_as_its_subject_is_where_it_happened()
    {
        var under = Read("On Friday the Kharkiv region was under attack by drones and missiles.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (under.Precision, under.Country).ShouldBe(("admin1", "UA"));
        var passive = Read("The town of Sumy was shelled overnight.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (passive.Name, passive.Country).ShouldBe(("Sumy", "UA"));
    }

    [Fact]
    public void A_place_the_attack_noun_takes_with_of_is_where_it_happened()
    {
        var shelling = Read("Separately, Russian shelling of Kherson wounded three people at a bus stop on Thursday.").Events.First(e => e.Type == PloverType.Assault).Location;
        (shelling?.Name, shelling?.Country).ShouldBe(("Kherson", "UA"));
        var bombardment = Read("The overnight bombardment of Sumy damaged a hospital, officials said.").Events.First(e => e.Type == PloverType.Assault).Location;
        (bombardment?.Name, bombardment?.Country).ShouldBe(("Sumy", "UA"));
    }

    [Fact]
    public void The_area_of_an_office_whose_holder_tells_of_an_attack_is_its_place_when_the_clause_gives_none()
    {
        var told = Read("The governor of the Kharkiv region said drone strikes injured six people on Friday.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (told.Precision, told.Country).ShouldBe(("admin1", "UA"));
        // A place the event's own words give comes first.
        var own = Read("The governor of the Kharkiv region said drone strikes injured six people in Sumy on Friday.").Events.First(e => e.Type == PloverType.Assault).Location!;
        own.Name.ShouldBe("Sumy");
    }

    [Fact]
    public void A_places_candidates_are_ranked_by_the_countries_the_document_is_about()
    {
        // "Florida" is the US state in a report naming the US president, not the Cuban town.
        var florida = Read("US President Donald Trump said a drone attack in Florida killed two people on Sunday.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (florida.Country, florida.Precision).ShouldBe(("US", "admin1"));
        // A small town abroad that none of the document's countries holds is no known place: not Tira, Israel.
        var tirah = Read("Pakistan retaliated with artillery fire near Tirah on Friday, Afghan officials said.").Events.First(e => e.Type == PloverType.Assault).Location;
        (tirah?.Country).ShouldNotBe("IL");
    }

    [Fact]
    public void A_division_spelled_another_way_than_GeoNames_is_found_by_its_skeleton()
    {
        // Without a word for a division, a long name of two words is enough: "in Oddar Meanchey" is the province too.
        var bare = Read("Thai shelling killed a civilian in Oddar Meanchey on Thursday, Cambodian officials said.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (bare.Precision, bare.Country).ShouldBe(("admin1", "KH"));
        // GeoNames spells Cambodia's Oddar Meanchey province "Otar Meanchey"; a word for a division backs the name.
        var r = Read("Thai shelling killed a civilian in Cambodia's Oddar Meanchey province on Thursday, Cambodian officials said.");
        var place = r.Events.First(e => e.Type == PloverType.Assault).Location!;
        (place.Precision, place.Country).ShouldBe(("admin1", "KH"));
        EventReader.Skeleton("Si Sa Ket").ShouldBe(EventReader.Skeleton("Sisaket"));
        EventReader.Skeleton("Khost").ShouldBe(EventReader.Skeleton("Khowst"));
        EventReader.Skeleton("Kandahar").ShouldNotBe(EventReader.Skeleton("Kabul"));
    }

    [Fact]
    public void A_place_the_gazetteer_lacks_is_the_division_or_city_the_words_put_it_in()
    {
        var r = Read("Pakistani forces struck targets in the Spin Boldak area of Kandahar province on Wednesday, killing 12 civilians, Afghan officials said.");
        var place = r.Events.First(e => e.Type == PloverType.Assault).Location!;
        (place.Name, place.Precision, place.Country).ShouldBe(("Kandahar", "admin1", "AF"));
        var urgun = Read("Eight people were killed in an air strike in Urgun district in Paktika on Friday, Afghan officials said.").Events.First(e => e.Type == PloverType.Assault).Location!;
        (urgun.Name, urgun.Country).ShouldBe(("Paktika", "AF"));
        // A district is part of a province: "the Dorvan district of Kandahar" names Kandahar province, not the city.
        var district = Read("Pakistani forces shelled homes in the Dorvan district of Kandahar on Wednesday, killing 12 civilians, Afghan officials said.")
            .Events.First(e => e.Type == PloverType.Assault).Location!;
        (district.Name, district.Precision, district.Country).ShouldBe(("Kandahar", "admin1", "AF"));
    }

    [Fact]
    public void An_outlets_name_or_a_title_case_line_is_no_place()
    {
        var tolo = Read("Twelve soldiers were killed in the clash on Sunday, according to Tolo News.").Events.First(e => e.Type == PloverType.Assault).Location;
        (tolo?.Name).ShouldNotBe("Tolo News");
        var line = Read("What Happened to Nine Cambodian Civilians Killed in Border Fighting").Events.FirstOrDefault(e => e.Type == PloverType.Assault)?.Location;
        (line?.Name).ShouldNotBe("Border Fighting");
    }

    [Fact]
    public void A_place_of_the_attack_itself_stays()
    {
        var r = Read("The missile attack in Geneva followed negotiations over the weekend.");
        r.Events.First(e => e.Type == PloverType.Assault).Location!.Name.ShouldBe("Genève");
    }

    [Fact]
    public void The_country_resolves_to_the_country_last_named_and_its_coast_is_at_sea()
    {
        var r = Read("Tension with the Chilean navy grew after Lima deployed a frigate off the coast of the country.");
        var ev = r.Events.Single(e => e.Type == PloverType.Mobilize);
        ev.Location.ShouldNotBeNull();
        ev.Location!.Name.ShouldBe("Chile");
        ev.Location.Precision.ShouldBe("sea");
    }

    [Fact]
    public void The_place_after_the_countrys_is_where_it_happened_not_the_country_last_named()
    {
        // The demonym of the attackers ("Chilean") must not become the place through "the country's".
        var r = Read("Four farmers were killed after Chilean aircraft bombed a farm in the country's northern Puno region.");
        var ev = r.Events.Single(e => e.Type == PloverType.Assault);
        ev.Location.ShouldNotBeNull();
        ev.Location!.Country.ShouldBe("PE");
    }

    [Fact]
    public void Places_after_a_place_word_locate_the_event_and_give_its_country()
    {
        var r = Read("The army deployed 2,500 troops to Niger last week.");
        var ev = r.Events.ShouldHaveSingleItem();
        ev.Type.ShouldBe(PloverType.Mobilize);
        ev.Location!.Country.ShouldBe("NE");
        ev.Quantities.ShouldHaveSingleItem().Value.ShouldBe(2500);
        ev.Quantities[0].Unit.ShouldBe("troops");
    }

    [Fact]
    public void Reader_comments_yield_no_events()
    {
        var doc = Crosscheck.Documents.DocumentAssembler.Assemble(new Crosscheck.Documents.ArticleDraft
        {
            Source = "comment.txt",
            PlainText = "Rebels attacked a convoy near Goma on Monday.\n\n\n\nI bet the army will bomb them all next week, typical.",
        });
        var text = StandardPipeline.Default.Process(doc);
        var r = EventReader.Default.Read(text);
        r.Events.ShouldAllBe(e => e.Segment != Crosscheck.Documents.SegmentKind.Comment);
        r.Events.ShouldContain(e => e.Type == PloverType.Assault);
    }

    [Fact]
    public void Reading_is_deterministic()
    {
        const string text = "Militants attacked a police station in Kano on Tuesday, killing three officers, officials said.";
        var a = Read(text).Events.Select(e => (e.Type, e.Modality, e.Evidence.Start, e.Evidence.End)).ToList();
        var b = Read(text).Events.Select(e => (e.Type, e.Modality, e.Evidence.Start, e.Evidence.End)).ToList();
        a.ShouldBe(b);
        a.ShouldNotBeEmpty();
    }

    [Fact]
    public void Coordinated_verbs_over_one_object_report_one_act()
    {
        var r = Read("Coast guard crews have bombed and intercepted several vessels near Aden.");
        r.Events.ShouldHaveSingleItem().Type.ShouldBe(PloverType.Assault);
    }

    [Fact]
    public void An_infinitive_after_an_event_word_is_its_content_not_a_second_event()
    {
        var r = Read("The rebel commander threatened to attack the airport.");
        r.Events.Select(e => e.Type).ShouldBe([PloverType.Threaten]);
    }

    [Fact]
    public void Such_events_are_kinds_not_events()
    {
        var r = Read("Operators of such airstrikes must be trained for months.");
        r.Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_light_verb_names_an_attack_only_in_the_passive()
    {
        Read("The raid was carried out near Tikrit on Sunday.").Events.ShouldHaveSingleItem().Type.ShouldBe(PloverType.Assault);
        Read("Engineers carried out repairs on the bridge.").Events.ShouldBeEmpty();
    }

    [Fact]
    public void An_attack_that_killed_no_one_happened_and_counts_none()
    {
        var r = Read("No one was killed in the rocket attack on the base in Ebro, the army said.");
        var assault = r.Events.Single(e => e.Type == PloverType.Assault);
        assault.Modality.ShouldBe(Modality.Asserted);
        assault.Fatalities.ShouldNotBeNull().Max.ShouldBe(0);
    }
}
