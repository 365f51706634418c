using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Incidents from reported news with an anchored day and place (issue 14, item 1): one event at one place on one day;
/// background and undated, unplaced reports are mentions; a campaign's tolls are a series whose latest credible value
/// is its figure. Articles are made up; read by the real pipeline.
/// </summary>
public class IncidentAnchorsTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    private static CrossRecord Link(params DocumentFacts[] documents) => CrossDocumentLinkerTests.Link(documents);

    private static Incident IncidentWith(CrossRecord record, DocumentFacts doc, string evidenceWord) =>
        CrossDocumentLinkerTests.IncidentWith(record, doc, evidenceWord);

    [Fact]
    public void Strikes_at_one_place_three_days_apart_are_two_incidents_even_with_one_actor()
    {
        var a = Facts("days-a", "Harbor Ledger", "2025-09-06", "The US military struck a boat in the Caribbean Sea on Tuesday, killing three people.");
        var b = Facts("days-b", "Gulf Gazette", "2025-09-06", "The US military struck a boat in the Caribbean Sea on Friday, killing three people.");
        var record = Link(a, b);
        IncidentWith(record, a, "struck").Id.ShouldNotBe(IncidentWith(record, b, "struck").Id);
        // The same two reports a day apart are one strike.
        var c = Facts("days-c", "Gulf Gazette", "2025-09-06", "The US military struck a boat in the Caribbean Sea on Wednesday, killing three people.");
        var joined = Link(a, c);
        IncidentWith(joined, a, "struck").Id.ShouldBe(IncidentWith(joined, c, "struck").Id);
    }

    [Fact]
    public void A_report_of_the_attack_s_day_ties_it_before_a_dayless_line_of_that_report_at_the_division()
    {
        // The first report's second line (fighting in the state since an election, no day) shares the state with the wire's report;
        // its lede, in a district, shares the day. The report of the day decides: one attack.
        var paper = Facts("byday-a", "Lake Chad Courier", "2026-05-07",
            "Gunmen on motorbikes attacked the weekly market in Dorokasa village in Kwandara district on Thursday, killing at least 14 traders, residents said. "
            + "Dorokasa lies south of Maiduguri in Borno State, where armed groups have been fighting the army since the 2015 elections.");
        var wire = Facts("byday-b", "Sahel Wire", "2026-05-08",
            "At least 16 people were killed in an attack on a village in Nigeria's Borno State on Thursday, residents said on Friday.");
        var record = Link(paper, wire);
        IncidentWith(record, wire, "attack").Id.ShouldBe(IncidentWith(record, paper, "motorbikes").Id);
    }

    [Fact]
    public void Another_strike_told_after_one_in_the_same_report_is_another_incident()
    {
        // Two towns the gazetteer does not know, so only the words "another strike" tell the two attacks apart.
        var roundup = Facts("another-a", "Harbor Ledger", "2026-07-14",
            "A strike hit a market in the town of Arvelon on Monday, killing nine people, medics said. "
            + "Another strike hit a car near the village of Kessabar on Monday, killing two men.");
        var record = Link(roundup);
        IncidentWith(record, roundup, "market").Id.ShouldNotBe(IncidentWith(record, roundup, "car").Id);
    }

    [Fact]
    public void One_report_s_two_attacks_on_days_of_their_own_a_day_apart_are_two_incidents()
    {
        // A weekly roundup: shelling of a known city on Wednesday, air strikes on a town the gazetteer lacks on Tuesday, no
        // exact count for the second. A day's slack is for two reports dating one attack, not for one report's two days.
        var roundup = Facts("owndays-a", "Sahel and Sudan Weekly", "2026-03-19",
            "Fighting spread across the south this week. On Wednesday, rebel shelling of Kadugli killed six people and damaged the main hospital, a doctors' group said. "
            + "In the west, army air strikes on the town of Umm Keddada killed at least eight people on Tuesday, residents said.");
        var record = Link(roundup);
        IncidentWith(record, roundup, "shelling").Id.ShouldNotBe(IncidentWith(record, roundup, "air").Id);
        // Two reports dating one attack a day apart still join.
        var wire = Facts("owndays-b", "Sahel Wire", "2026-03-18", "Rebel shelling of Kadugli killed six people on Tuesday, a doctors' group said.");
        var joined = Link(roundup, wire);
        IncidentWith(joined, roundup, "shelling").Id.ShouldBe(IncidentWith(joined, wire, "shelling").Id);
    }

    [Fact]
    public void A_sentence_opening_in_a_separate_incident_tells_another_attack()
    {
        // Two blasts the same day in one country, the second at a place the gazetteer lacks: only the opening words say
        // the second is not the first.
        var report = Facts("separate-a", "Harbor Ledger", "2026-05-10",
            "A roadside bomb hit a minibus near Kandahar on Saturday, killing six passengers, police said. "
            + "In a separate incident on Saturday, a bomb exploded near a checkpoint in the Qala-e-Naw area, wounding two guards.");
        var record = Link(report);
        IncidentWith(record, report, "minibus").Id.ShouldNotBe(IncidentWith(record, report, "checkpoint").Id);
    }

    [Fact]
    public void A_strike_told_in_the_ocean_and_in_its_part_by_two_stories_is_one_incident()
    {
        // A wire report of the strike, and a minister's statement about its victims a week later, in words the wire never
        // uses (so the two land in two stories): "the Pacific" and "the eastern Pacific" are the same waters.
        var wire = Facts("ocean-a", "Harbor Ledger", "2026-04-10",
            "The US military struck a semi-submersible vessel in the Pacific on Thursday, killing two people, Southern Command said. "
            + "The command released a video of the vessel exploding.");
        var minister = Facts("ocean-b", "Cordillera Herald", "2026-04-14",
            "Minister Elena Quispe told legislators in Lima on Monday that the two fishermen killed in last Thursday's US strike in the eastern Pacific "
            + "came from the port of Paita, and said their families had asked the foreign ministry for help.");
        var record = Link(wire, minister);
        IncidentWith(record, wire, "struck").Id.ShouldBe(IncidentWith(record, minister, "killed").Id);
    }

    [Fact]
    public void A_follow_up_dated_by_days_after_the_attack_joins_that_attack()
    {
        // A bombing on Saturday 2026-02-07, and a follow-up whose only day is the reopening's, three days after it.
        var news = Facts("lapse-a", "Harbor Ledger", "2026-02-08",
            "A bomb exploded at the central bus station in Mombasa on Saturday, killing 12 people, police said.");
        var later = Facts("lapse-b", "Gulf Gazette", "2026-02-11",
            "Traders at the Mombasa bus station reopened their kiosks on Tuesday, three days after a bombing at the station killed 12 people.");
        var record = Link(news, later);
        IncidentWith(record, later, "bombing").Id.ShouldBe(IncidentWith(record, news, "exploded").Id);
        // Without the lapse the bombing is Tuesday's: another attack, three days from Saturday's.
        var other = Facts("lapse-c", "Gulf Gazette", "2026-02-11",
            "Traders at the Mombasa bus station closed their kiosks on Tuesday after a bombing at the station killed 12 people.");
        var apart = Link(news, other);
        IncidentWith(apart, other, "bombing").Id.ShouldNotBe(IncidentWith(apart, news, "exploded").Id);
    }

    [Fact]
    public void Strikes_in_two_seas_on_one_day_are_two_incidents()
    {
        var a = Facts("sea-a", "Harbor Ledger", "2025-10-30", "US forces struck a boat in the Caribbean Sea on Wednesday, killing four people.");
        var b = Facts("sea-b", "Gulf Gazette", "2025-10-30", "US forces struck a boat in the Eastern Pacific on Wednesday, killing four people.");
        var record = Link(a, b);
        IncidentWith(record, a, "struck").Id.ShouldNotBe(IncidentWith(record, b, "struck").Id);
    }

    [Fact]
    public void A_strike_in_a_sea_and_in_the_ocean_holding_it_on_one_day_is_one_incident()
    {
        var a = Facts("ocean-a", "Harbor Ledger", "2025-10-30", "US forces struck a boat in the Pacific on Wednesday, killing four people.");
        var b = Facts("ocean-b", "Gulf Gazette", "2025-10-30", "US forces struck a boat in the Eastern Pacific on Wednesday, killing four people.");
        var record = Link(a, b);
        IncidentWith(record, a, "struck").Id.ShouldBe(IncidentWith(record, b, "struck").Id);
    }

    [Fact]
    public void A_city_and_a_province_it_is_not_in_are_two_attacks_of_one_day()
    {
        // First-level divisions have no point of their own: which division a city is in comes from the gazetteer.
        var city = Facts("div-a", "Harbor Ledger", "2025-11-25", "Pakistani forces bombed a compound in Khost on Monday, killing seven people.");
        var other = Facts("div-b", "Gulf Gazette", "2025-11-25", "Pakistani forces carried out air strikes in Kunar province on Monday, wounding four people.");
        var record = Link(city, other);
        IncidentWith(record, city, "bombed").Id.ShouldNotBe(IncidentWith(record, other, "strikes").Id);
        // The city's own province on that day is the same attack.
        var own = Facts("div-c", "Gulf Gazette", "2025-11-25", "Pakistani forces bombed a compound in Khost province on Monday, killing seven people.");
        var joined = Link(city, own);
        IncidentWith(joined, city, "bombed").Id.ShouldBe(IncidentWith(joined, own, "bombed").Id);
    }

    [Fact]
    public void A_capital_and_the_region_around_it_are_two_attacks_of_one_night()
    {
        // The gazetteer makes the capital a division of its own, so "the Kyiv region" around it is another place.
        var city = Facts("ring-a", "Harbor Ledger", "2026-03-04", "Russian missiles struck an apartment block in Kyiv overnight, killing three people.");
        var region = Facts("ring-b", "Gulf Gazette", "2026-03-04", "A Russian drone hit a house in the Kyiv region overnight, killing one man, the governor said.");
        var record = Link(city, region);
        IncidentWith(record, city, "struck").Id.ShouldNotBe(IncidentWith(record, region, "hit").Id);
        // A city inside its namesake region ("Odesa" and the Odesa region) may still be one attack's place.
        var inside = new PlaceFacts("Odesa", "Odessa", "UA", "city", 46.48, 30.73);
        var around = new PlaceFacts("Odesa region", "Odessa", "UA", "admin1", null, null);
        IncidentMatcher.NamesakesApart(inside, around).ShouldBeFalse();
        IncidentMatcher.NamesakesApart(new PlaceFacts("Kyiv", "Kiev", "UA", "city", 50.45, 30.52), new PlaceFacts("Kyiv region", "Kiev", "UA", "admin1", null, null)).ShouldBeTrue();
    }

    [Fact]
    public void A_country_named_by_its_side_is_not_an_attack_on_a_city_in_its_opposite_part()
    {
        var side = Facts("side-country", "Coastline Wire", "2025-03-13", "Russian missiles struck north-eastern Ukraine overnight, killing five people, officials said on Thursday.");
        side.Events.First(e => e.Evidence.Contains("north-eastern", StringComparison.Ordinal)).Location!.Side.ShouldBe("north-eastern");
        // A southern city's shelling that morning is not what the north-east was struck by.
        var south = Facts("side-south", "Harbor Ledger", "2025-03-13", "Russian shelling hit Kherson on Thursday morning, killing three people at a market, officials said.");
        var apart = Link(south, side);
        IncidentWith(apart, side, "north-eastern").Id.ShouldNotBe(IncidentWith(apart, south, "Kherson").Id);
        // A town in the north-east that night may be.
        var north = Facts("side-north", "Gulf Gazette", "2025-03-13", "A Russian missile hit a depot in Konotop overnight, killing five people, the governor said on Thursday.");
        var joined = Link(north, side);
        IncidentWith(joined, side, "north-eastern").Id.ShouldBe(IncidentWith(joined, north, "Konotop").Id);
        // "the country's south" or "Ukraine's north-east" name a side as well; the whole country names none.
        var konotop = new PlaceFacts("Konotop", "Konotop", "UA", "city", 51.24, 33.2);
        CountrySides.Opposite(new PlaceFacts("Ukraine", "Ukraine", "UA", "country", null, null) { Side = "south" }, konotop).ShouldBeTrue();
        CountrySides.Opposite(new PlaceFacts("Ukraine", "Ukraine", "UA", "country", null, null) { Side = "north-east" }, konotop).ShouldBeFalse();
        CountrySides.Opposite(new PlaceFacts("Ukraine", "Ukraine", "UA", "country", null, null), konotop).ShouldBeFalse();
    }

    [Fact]
    public void A_country_wide_attack_whose_report_names_another_city_does_not_join_the_one_placed_attack_of_its_day()
    {
        var port = Facts("elsewhere-port", "Harbor Ledger", "2026-03-10",
            "Russian shelling hit Kherson on Tuesday morning, killing two people near the river port, the regional governor said.");
        // The next day's report tells the night's attack across the country and names only the capital as hit.
        var wide = Facts("elsewhere-wide", "Coastline Wire", "2026-03-11",
            "Dozens of Russian drones and several missiles struck Ukraine overnight, officials said. Debris fell on a kindergarten in Kyiv, and the mayor of Kyiv said a guard was hurt.");
        var lede = wide.Events.First(e => e.Type == PloverType.Assault && e.Location is null or { Precision: "country" });
        var record = Link(port, wide);
        var shelling = IncidentWith(record, port, "shelling");
        shelling.Events.ShouldNotContain(lede.Id);
    }

    [Fact]
    public void A_recalled_attack_with_no_place_on_a_day_of_two_attacks_joins_neither()
    {
        var south = Facts("recall-south", "Harbor Ledger", "2025-03-13", "Russian shelling hit Kherson on Thursday morning, killing three people at a market, officials said.");
        var north = Facts("recall-north", "Gulf Gazette", "2025-03-13", "A Russian missile hit a depot in Konotop overnight, killing five people, the governor said on Thursday.");
        // A week later a report recalls an attack of that Thursday without saying where: its day alone does not tell which.
        var later = Facts("recall-later", "Coastline Wire", "2025-03-20",
            "Drones hit a school in Sumy on Thursday, wounding four pupils. The town was struck again on Thursday, a week after a missile strike killed six people there, when a drone hit a house and killed two residents.");
        var recalled = later.Events.Where(e => e.Type == PloverType.Assault && e.Location is null && e.Salience == "background").ToList();
        recalled.ShouldNotBeEmpty();
        var record = Link(south, north, later);
        foreach (var e in recalled)
        {
            var incident = record.Incidents.Single(i => i.Events.Contains(e.Id));
            incident.Mention.ShouldBeTrue();
        }
    }

    [Fact]
    public void A_count_across_the_country_is_not_the_count_of_the_attack_on_one_city()
    {
        var first = Facts("wide-a", "Harbor Ledger", "2026-03-04", "Russian missiles struck an apartment block in Kyiv overnight, killing three people.");
        var update = Facts("wide-b", "Gulf Gazette", "2026-03-05",
            "The death toll from Wednesday's Russian missile attack on Kyiv has risen to five, city officials said on Thursday.\n\n"
            + "Across Ukraine, the overnight barrage killed at least eight people, officials said.");
        var kyiv = IncidentWith(Link(first, update), first, "struck");
        kyiv.Fatalities!.Best.ShouldBe(5);
    }

    [Theory]
    [InlineData("western")]
    [InlineData("central")]
    public void A_later_toll_placed_by_a_part_of_the_country_is_still_the_attack_s_own(string part)
    {
        var first = Facts("part-a", "Harbor Ledger", "2026-05-11",
            "A drone struck the livestock market of Tawila in North Darfur state on Sunday, killing nine people, medics said.");
        var update = Facts("part-b", "Gulf Gazette", "2026-05-13",
            "The death toll from a drone strike on a livestock market in " + part + " Sudan has risen to 17, medics said on Tuesday.\n\n"
            + "The drone struck the market of Tawila on Sunday afternoon.");
        var market = IncidentWith(Link(first, update), first, "struck");
        market.Fatalities!.Best.ShouldBe(17);
    }

    [Fact]
    public void A_headline_with_a_clipped_place_goes_with_the_attack_its_own_lede_places()
    {
        var surin = Facts("clip-a", "Harbor Ledger", "2026-04-13",
            "Near a temple in Surin province, Thai and Cambodian soldiers exchanged fire on Monday morning, and one Thai soldier was wounded.");
        var shelling = Facts("clip-b", "Gulf Gazette", "2026-04-13",
            "Cambodia says Thai shelling killed civilian in Oddar Meanchey\n\n"
            + "Thai artillery shelled a village in Cambodia's Oddar Meanchey province on Monday, killing one civilian, the ministry said.");
        var record = Link(surin, shelling);
        var own = IncidentWith(record, shelling, "shelled");
        IncidentWith(record, shelling, "says").Id.ShouldBe(own.Id);
        own.Id.ShouldNotBe(IncidentWith(record, surin, "exchanged").Id);
        own.Location!.Country.ShouldBe("KH");
    }

    [Fact]
    public void A_background_mention_starts_no_incident_and_joins_the_news_that_fits_it()
    {
        // An undated, unplaced recollection is a mention: not listed in its story.
        var recall = Facts("recall", "Harbor Ledger", "2025-10-01",
            "Senators met on Tuesday to discuss the budget for the coming year.\n\nEarlier this year, officials said a strike had killed a fisherman.");
        var alone = Link(recall);
        var mention = IncidentWith(alone, recall, "strike");
        mention.Mention.ShouldBeTrue();
        mention.Links.Single().Reason.ShouldStartWith("a mention");
        alone.Stories.SelectMany(s => s.Incidents).ShouldNotContain(mention.Id);

        // News of an event with its day and place starts one.
        var news = Facts("news", "Gulf Gazette", "2025-10-01", "US forces struck a boat in the Caribbean Sea on Tuesday, killing three people.");
        var record = Link(news);
        var incident = IncidentWith(record, news, "struck");
        incident.Mention.ShouldBeFalse();
        record.Stories.Single().Incidents.ShouldContain(incident.Id);
    }

    [Fact]
    public void A_dated_attack_that_names_no_place_is_a_mention_until_a_report_places_it()
    {
        // The day alone does not say which of that day's attacks it is.
        var unplaced = Facts("unplaced", "Harbor Ledger", "2025-12-09", "Artillery shelling killed two civilians on Tuesday, officials said.");
        var alone = Link(unplaced);
        var mention = IncidentWith(alone, unplaced, "shelling");
        mention.Mention.ShouldBeTrue();
        mention.Links.Single().Reason.ShouldBe("a mention: an attack with no place of its own, fitting no incident");
        alone.Stories.SelectMany(s => s.Incidents).ShouldNotContain(mention.Id);

        // A report of that day that places the attack makes it an incident.
        var placed = Facts("placed", "Gulf Gazette", "2025-12-09", "Artillery shelling killed two civilians in Surin province on Tuesday, officials said.");
        var record = Link(unplaced, placed);
        var incident = IncidentWith(record, placed, "shelling");
        incident.Mention.ShouldBeFalse();
        IncidentWith(record, unplaced, "shelling").Id.ShouldBe(incident.Id);
    }

    [Fact]
    public void A_placed_attack_whose_only_day_is_its_reports_publication_is_a_mention_until_a_report_dates_it()
    {
        // Recalled in a report of talks days later: the publication's day is not the attack's.
        var undated = Facts("undated", "Harbor Ledger", "2025-10-19", "Explosions in Kabul killed five civilians, officials said.");
        var alone = Link(undated);
        var mention = IncidentWith(alone, undated, "Explosions");
        mention.Mention.ShouldBeTrue();
        mention.Links.Single().Reason.ShouldBe("a mention: an attack with no day of its own, fitting no incident");

        var dated = Facts("dated", "Gulf Gazette", "2025-10-16", "Explosions in Kabul killed five civilians on Wednesday, officials said.");
        var record = Link(dated, undated);
        var incident = IncidentWith(record, dated, "Explosions");
        incident.Mention.ShouldBeFalse();
        incident.Time!.Start.ShouldBe(new DateOnly(2025, 10, 15));
    }

    [Fact]
    public void A_placed_attack_with_no_time_at_all_starts_no_incident()
    {
        // No day from its words, its report or its publication (the page gives none): where, but not when.
        var text = "---\noutlet: Harbor Ledger\ntitle: posts\n---\nMilitants attacked an army post in Kunar province, killing four soldiers, officials said.\n";
        var read = new Crosscheck.Documents.DocumentReader().ReadBytes("posts-undated.txt", System.Text.Encoding.UTF8.GetBytes(text), ".txt").Single().Document!;
        var annotated = Crosscheck.Language.StandardPipeline.Default.Process(read);
        var undated = LinkFactsBuilder.Build(read, annotated, EventReader.Default.Read(annotated));
        undated.Events.Single(e => e.Evidence.Contains("attacked", StringComparison.Ordinal)).Time.ShouldBeNull();
        var mention = IncidentWith(Link(undated), undated, "attacked");
        mention.Mention.ShouldBeTrue();
        mention.Links.Single().Reason.ShouldBe("a mention: an attack with no day of its own, fitting no incident");

        // Dated by its words, the same report is an incident.
        var dated = Facts("posts-dated", "Gulf Gazette", "2025-10-21", "Militants attacked an army post in Kunar province on Monday, killing four soldiers, officials said.");
        IncidentWith(Link(dated), dated, "attacked").Mention.ShouldBeFalse();
    }

    [Fact]
    public void An_unplaced_attack_aimed_at_another_country_is_not_an_attack_placed_in_the_first()
    {
        // An attack lands where its target is: strikes on one country's positions are not the shelling of a village in the other.
        var placed = Facts("aim-placed", "Harbor Ledger", "2025-12-09", "Shelling hit a village in Surin province on Monday, killing two people, officials said.");
        var across = Facts("aim-across", "Gulf Gazette", "2025-12-09", "Thai jets struck Cambodian positions on Monday, military officials said.");
        var record = Link(placed, across);
        IncidentWith(record, across, "struck").Id.ShouldNotBe(IncidentWith(record, placed, "Shelling").Id);

        // Aimed at the country the attack is placed in, it may be that attack.
        var into = Facts("aim-into", "Coastline Wire", "2025-12-09", "Cambodian rockets struck Thai villages on Monday, military officials said.");
        var joined = Link(placed, into);
        IncidentWith(joined, into, "struck").Id.ShouldBe(IncidentWith(joined, placed, "Shelling").Id);
    }

    private static readonly string[] DayOfShelling =
    [
        "Shelling hit a village in Surin province on Monday, killing two people, officials said.",
        "Shelling hit a village in Buriram province on Monday, killing three people, officials said.",
        "Shelling in Thailand killed several people on Monday, officials said.",
        "Shelling hit a village in Sisaket province on Monday, wounding four people, officials said.",
    ];

    [Fact]
    public void An_attack_placed_only_by_its_country_on_a_day_of_several_attacks_there_is_a_mention_unless_its_report_places_one()
    {
        var surin = Facts("shell-surin", "Harbor Ledger", "2025-12-09", DayOfShelling[0]);
        var buriram = Facts("shell-buriram", "Gulf Gazette", "2025-12-09", DayOfShelling[1]);
        var country = Facts("shell-country", "Coastline Wire", "2025-12-09", DayOfShelling[2]);
        var record = Link(surin, buriram, country);
        // "Shelling in Thailand" fits both attacks in Thailand that day: its words do not say which.
        var vague = IncidentWith(record, country, "Thailand");
        vague.Mention.ShouldBeTrue();
        vague.Links.Single().Reason.ShouldBe(CrossDocumentLinker.UndecidedReason);

        // A report that places one of them itself tells more of that one.
        var own = Facts("shell-own", "Pelican Observer", "2025-12-09", DayOfShelling[0] + " Shelling in Thailand wounded several more people on Monday, the army said.");
        var withOwn = Link(surin, buriram, own);
        IncidentWith(withOwn, own, "wounded").Id.ShouldBe(IncidentWith(withOwn, surin, "Shelling").Id);
    }

    [Fact]
    public void An_attack_a_report_tells_without_a_place_before_it_places_one_is_the_one_it_places()
    {
        // The lede names no place; the report places the attack further down. Two reports tell Surin's, so by the
        // tie-break alone the lede would go there.
        var surin = Facts("lede-surin", "Harbor Ledger", "2025-12-09", DayOfShelling[0]);
        var surin2 = Facts("lede-surin2", "Tidewater Dispatch", "2025-12-09", DayOfShelling[0]);
        var report = Facts("lede-own", "Coastline Wire", "2025-12-09",
            "Shelling hit a village on Monday, wounding several people, officials said. " + DayOfShelling[1]);
        var record = Link(surin, surin2, report);
        IncidentWith(record, report, "several").Id.ShouldBe(IncidentWith(record, report, "Buriram").Id);
    }

    [Fact]
    public void An_attack_that_names_no_place_is_not_its_reports_attack_of_the_day_before_when_another_is_of_its_day()
    {
        // Its report places an attack on Sunday; another report places one on Monday, the day it gives.
        var monday = Facts("day-monday", "Harbor Ledger", "2025-12-09", DayOfShelling[1]);
        var report = Facts("day-own", "Coastline Wire", "2025-12-09",
            "Shelling hit a village in Surin province on Sunday, killing two people, officials said. Shelling wounded several more people on Monday, the army said.");
        var record = Link(monday, report);
        IncidentWith(record, report, "more").Id.ShouldNotBe(IncidentWith(record, report, "Surin").Id);
    }

    [Fact]
    public void An_attack_placed_only_by_its_country_does_not_gather_a_mention_that_names_no_place()
    {
        var bare = Facts("gather-bare", "Harbor Ledger", "2025-12-09", "Fighting along the disputed border killed at least twelve people on Monday, border officials said, as both armies traded blame for the clashes.");
        var country = Facts("gather-country", "Gulf Gazette", "2025-12-09", "Thai jets bombed targets in Cambodia on Monday, border officials said, as both armies traded blame for the clashes along the disputed border.");
        var record = Link(bare, country);
        var mention = IncidentWith(record, bare, "twelve");
        mention.Mention.ShouldBeTrue();
        var bombed = IncidentWith(record, country, "bombed");
        bombed.Id.ShouldNotBe(mention.Id);
        bombed.Mention.ShouldBeFalse();
    }

    [Fact]
    public void An_attack_placed_within_its_country_does_not_take_in_a_mention_that_fits_other_attacks_of_its_day()
    {
        var surin = Facts("shell-surin", "Harbor Ledger", "2025-12-09", DayOfShelling[0]);
        var buriram = Facts("shell-buriram", "Gulf Gazette", "2025-12-09", DayOfShelling[1]);
        var country = Facts("shell-country", "Coastline Wire", "2025-12-09", DayOfShelling[2]);
        var sisaket = Facts("shell-sisaket", "Tidewater Dispatch", "2025-12-09", DayOfShelling[3]);
        var record = Link(surin, buriram, country, sisaket);
        var third = IncidentWith(record, sisaket, "Shelling");
        third.Mention.ShouldBeFalse();
        third.Events.ShouldBe([sisaket.Events.Single(e => e.Evidence.Contains("Sisaket", StringComparison.Ordinal)).Id]);
        IncidentWith(record, country, "Thailand").Mention.ShouldBeTrue();
    }

    [Fact]
    public void A_report_that_names_no_place_and_fits_two_attacks_of_its_day_joins_neither()
    {
        var kharkiv = Facts("tie-k1", "Harbor Ledger", "2025-11-26", "Russian drones struck Kharkiv on Tuesday, killing two people.");
        var kharkivAgain = Facts("tie-k2", "Gulf Gazette", "2025-11-26", "Russian drones struck Kharkiv on Tuesday, killing two people, officials said.");
        var odesa = Facts("tie-o1", "Coastline Wire", "2025-11-26", "Russian drones struck Odesa on Tuesday, killing three people.");
        var unplaced = Facts("tie-u1", "Tidewater Dispatch", "2025-11-26", "Russian drones struck on Tuesday, wounding several people.");
        var record = Link(odesa, kharkiv, kharkivAgain, unplaced);
        var two = IncidentWith(record, kharkiv, "struck");
        two.Documents.ShouldBe([kharkiv.Id, kharkivAgain.Id], ignoreOrder: true);
        IncidentWith(record, odesa, "struck").Id.ShouldNotBe(two.Id);
        // Which of the day's attacks it is its words do not say, however many reports tell one of them: a mention.
        var vague = IncidentWith(record, unplaced, "struck");
        vague.Mention.ShouldBeTrue();
        vague.Links.Single().Reason.ShouldBe(CrossDocumentLinker.UndecidedReason);
    }

    [Fact]
    public void Several_strikes_on_one_day_are_that_days_incident_not_the_campaign()
    {
        var day = Facts("day", "Harbor Ledger", "2025-10-29",
            "On Monday, US forces carried out three strikes on four boats in the Eastern Pacific, killing 14 people.");
        var campaign = Facts("campaign", "Gulf Gazette", "2025-10-30",
            "The administration has carried out strikes on boats in the Caribbean and the Eastern Pacific since September.");
        var record = Link(day, campaign);
        var strikes = IncidentWith(record, day, "strikes");
        strikes.Scope.ShouldBe(IncidentScope.Single);
        strikes.Time!.Start.ShouldBe(new DateOnly(2025, 10, 27));
        var series = IncidentWith(record, campaign, "strikes");
        series.Scope.ShouldBe(IncidentScope.Campaign);
        series.Id.ShouldNotBe(strikes.Id);
        strikes.PartOf.ShouldBe(series.Id);
    }

    private static DocumentFacts TollDocument(string id, string published, string? duplicateOf, params (string Id, decimal Value, string Text)[] tolls) => new()
    {
        Id = id,
        Outlet = "Outlet " + id,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        DuplicateOf = duplicateOf,
        Tolls = [.. tolls.Select(t => new TollFacts(t.Id, TollMeasure.Killed, t.Value, null, t.Text, 0, t.Text.Length))],
    };

    [Fact]
    public void A_campaigns_figure_is_its_latest_credible_toll_and_a_reprints_toll_is_as_of_its_original()
    {
        var docs = new[]
        {
            TollDocument("d-1", "2025-10-25", null, ("t-1", 43, "the death toll to 43")),
            TollDocument("d-2", "2025-11-03", null, ("t-2", 64, "the toll to 64")),
            TollDocument("d-3", "2025-11-04", null, ("t-3", 61, "killed more than 60 people")),
            TollDocument("d-4", "2025-11-06", "d-2", ("t-4", 64, "the toll to 64")),
        }.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var series = CampaignTolls.Series(["d-3", "d-1", "d-4", "d-2"], docs);
        series.Select(p => p.Toll).ShouldBe(["t-1", "t-4", "t-2", "t-3"]);
        series.Single(p => p.Toll == "t-4").AsOf.ShouldBe(new DateOnly(2025, 11, 3));
        series.Single(p => p.Toll == "t-4").Copy.ShouldBeTrue();
        // A lower figure a day later is behind the news; the campaign's figure stays 64.
        series.Single(p => p.Toll == "t-3").Behind.ShouldBeTrue();
        series.Where(p => p.Toll != "t-3").ShouldAllBe(p => !p.Behind);
        var killed = CampaignTolls.Fatalities(series)!;
        killed.Best.ShouldBe(64);
        killed.Min.ShouldBe(43);
        killed.Rule.ShouldContain("as of 2025-11-03");
        // A rising toll: the latest is the figure.
        var rising = CampaignTolls.Series(["d-1", "d-2"], docs);
        CampaignTolls.Fatalities(rising)!.Best.ShouldBe(64);
        CampaignTolls.Fatalities(CampaignTolls.Series(["d-1"], docs))!.Best.ShouldBe(43);
        // One side's armed people counted (often the other side's claim) are in the series but not the campaign's figure.
        var claim = TollDocument("d-5", "2025-11-05", null, ("t-5", 200, "over 200 fighters died")) is var c
            ? c with { Tolls = [c.Tolls[0] with { Victims = "over 200 Afghan fighters" }] } : null!;
        var withClaim = CampaignTolls.Series(["d-1", "d-2", "d-5"], new Dictionary<string, DocumentFacts>(docs) { ["d-5"] = claim });
        withClaim.Single(p => p.Toll == "t-5").Side.ShouldBeTrue();
        CampaignTolls.Fatalities(withClaim)!.Best.ShouldBe(64);
        // Without a day they count from, a series has no span; with one, it runs to its latest as-of day.
        CampaignTolls.Span(series).ShouldBeNull();
        var since = docs["d-1"] with { Tolls = [docs["d-1"].Tolls[0] with { Since = "since early September", SinceDate = new DateOnly(2025, 9, 1) }] };
        var dated = CampaignTolls.Series(["d-1", "d-2"], new Dictionary<string, DocumentFacts>(docs) { ["d-1"] = since })!;
        var span = CampaignTolls.Span(dated)!;
        (span.Start, span.End, span.Text).ShouldBe((new DateOnly(2025, 9, 1), new DateOnly(2025, 11, 3), "since early September"));
    }

    [Fact]
    public void A_report_without_its_own_day_refers_back_to_its_own_news_not_to_an_earlier_strike_of_the_month()
    {
        var first = Facts("month-a", "Harbor Ledger", "2025-09-03", "The US military struck a boat in the Caribbean Sea on Tuesday, killing 11 people.");
        var third = Facts("month-b", "Gulf Gazette", "2025-09-20",
            "The US military struck another boat in the Caribbean Sea on Friday, killing three people. It was the third such strike in the Caribbean this month.");
        var record = Link(first, third);
        var earlier = IncidentWith(record, first, "struck");
        earlier.Documents.ShouldBe([first.Id]);
        IncidentWith(record, third, "struck").Time!.Start.ShouldBe(new DateOnly(2025, 9, 19));
    }

    [Fact]
    public void A_series_reported_months_after_everything_a_campaign_speaks_of_is_another_round()
    {
        var july = Facts("round-a", "Harbor Ledger", "2025-07-27", "Rebel forces have carried out attacks on border villages since July 24.");
        var julyLater = Facts("round-b", "Gulf Gazette", "2025-07-29", "Rebel forces carried out more attacks on border villages this week.");
        var december = Facts("round-c", "Harbor Ledger", "2025-12-12", "Rebel forces have carried out attacks on border villages since December 7.");
        var record = Link(july, julyLater, december);
        var first = IncidentWith(record, july, "attacks");
        first.Scope.ShouldBe(IncidentScope.Campaign);
        first.Documents.ShouldBe([july.Id, julyLater.Id]);
        var second = IncidentWith(record, december, "attacks");
        second.Scope.ShouldBe(IncidentScope.Campaign);
        second.Id.ShouldNotBe(first.Id);
    }

    private static EventFacts Series(string id, string published, DateOnly start, DateOnly end) => new()
    {
        Id = id,
        Document = "d-" + id,
        Type = PloverType.Assault,
        Modality = Modality.Asserted,
        AttributionKind = AttributionKind.Named,
        Segment = "lede",
        Start = 0,
        End = 10,
        Evidence = "attacks",
        Plural = true,
        Actors = [new ParticipantFacts("Rebel forces", "org:rebels", null)],
        Time = new TimeFacts("since", start, end, "range"),
        Reported = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void The_matcher_keeps_a_later_round_of_a_series_apart_and_joins_a_report_within_a_month()
    {
        var july = new[] { Series("a", "2025-07-27", new(2025, 7, 24), new(2025, 7, 27)), Series("b", "2025-07-29", new(2025, 7, 24), new(2025, 7, 29)) };
        IncidentMatcher.Match(Series("c", "2025-08-20", new(2025, 7, 24), new(2025, 8, 20)), july).ShouldNotBeNull();
        IncidentMatcher.Match(Series("d", "2025-12-12", new(2025, 12, 7), new(2025, 12, 12)), july).ShouldBeNull();
    }

    private static EventFacts Strike(string id, PlaceFacts place) => Series(id, "2025-12-09", new(2025, 12, 8), new(2025, 12, 8)) with
    {
        Plural = false,
        Single = true,
        Location = place,
    };

    [Fact]
    public void A_reports_news_without_a_day_refers_back_to_its_news_not_to_what_it_recalls_as_background()
    {
        var province = new PlaceFacts("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "PK", "admin1", 34.5, 72.0);
        // "Eleven soldiers were killed in Khyber Pakhtunkhwa on Tuesday" recalled as background by a report of other news.
        var recalled = Strike("a", province) with { Document = "d-report", Salience = "background" };
        // The report's own news with no day: "militant attacks on the army have surged in the province".
        var news = Strike("b", province) with { Document = "d-report", Time = null };
        IncidentMatcher.Match(news, [recalled]).ShouldBeNull();
        // Told as background too, it is of what the report recalls.
        IncidentMatcher.Match(news with { Salience = "background" }, [recalled]).ShouldNotBeNull();
        // And news refers back to the report's news.
        IncidentMatcher.Match(news, [recalled with { Salience = "main" }]).ShouldNotBeNull();
    }

    [Fact]
    public void A_denied_attack_with_no_day_of_its_own_is_the_attack_at_its_place_of_the_days_before_the_denial()
    {
        var village = new PlaceFacts("Tal Haddad", "Tal Haddad", "SY", "city", 35.9, 36.6);
        // "Jets bombed a clinic in Tal Haddad on Monday" (8 December), told by another outlet.
        var attack = Strike("a", village);
        // "The air force on Thursday denied that its jets had bombed a clinic in Tal Haddad", published on the 11th.
        var denial = Strike("b", village) with { Document = "d-denial", Modality = Modality.Denied, Time = null, Reported = new(2025, 12, 11) };
        IncidentMatcher.Match(denial, [attack]).ShouldNotBeNull();
        // Not an attack more than three days before the denial, nor one after it, nor one elsewhere.
        IncidentMatcher.Match(denial with { Reported = new(2025, 12, 12) }, [attack]).ShouldBeNull();
        IncidentMatcher.Match(denial with { Reported = new(2025, 12, 7) }, [attack]).ShouldBeNull();
        IncidentMatcher.Match(denial with { Location = new PlaceFacts("Kafr Ruma", "Kafr Ruma", "SY", "city", 35.6, 36.6) }, [attack]).ShouldBeNull();
        // An attack told as fact with no day stays apart as before: only a denial answers the reports of the days before.
        IncidentMatcher.Match(denial with { Modality = Modality.Asserted }, [attack]).ShouldBeNull();
    }

    [Fact]
    public void An_attack_recalled_with_no_day_but_the_same_dead_at_the_place_is_the_attack_of_the_days_before()
    {
        var town = new PlaceFacts("Beledweyne", "Beledweyne", "SO", "city", 4.74, 45.2);
        // "A suicide bomber killed 14 people at a checkpoint in Beledweyne on Monday" (8 December).
        var attack = Strike("a", town) with { Fatalities = new RangeFacts(14, 14, "killed 14 people") };
        // "… two days after an attack in Beledweyne that left 14 people dead", published on the 10th.
        var recalled = Strike("b", town) with
        {
            Document = "d-later", Time = null, Single = false, Reported = new(2025, 12, 10), Fatalities = new RangeFacts(14, 14, "left 14 people dead"),
        };
        IncidentMatcher.Match(recalled, [attack]).ShouldNotBeNull();
        // Another number of dead, another place, or a report more than a week later is another attack.
        IncidentMatcher.Match(recalled with { Fatalities = new RangeFacts(9, 9, "left nine people dead") }, [attack]).ShouldBeNull();
        IncidentMatcher.Match(recalled with { Location = new PlaceFacts("Jowhar", "Jowhar", "SO", "city", 2.78, 45.5) }, [attack]).ShouldBeNull();
        IncidentMatcher.Match(recalled with { Reported = new(2025, 12, 20) }, [attack]).ShouldBeNull();
        // With no dead, the place alone does not make it that attack.
        IncidentMatcher.Match(recalled with { Fatalities = null }, [attack]).ShouldBeNull();
    }

    [Fact]
    public void Another_voice_counting_the_reports_attack_with_no_day_tells_a_disputed_count_not_another_attack()
    {
        var town = new PlaceFacts("Jilib", "Jilib", "SO", "city", 0.49, 42.79);
        // "The army said its strike near Jilib on Monday killed four militants."
        var strike = Strike("a", town) with { Document = "d-one", Fatalities = new RangeFacts(4, 4, "killed four militants"), Speaker = "the army", SpeakerKey = null };
        // "Residents said the strike killed three farmers."
        var residents = Strike("b", town) with
        {
            Document = "d-one", Time = null, Single = false, Fatalities = new RangeFacts(3, 3, "killed three farmers"), Speaker = "Residents", SpeakerKey = null,
        };
        IncidentMatcher.Match(residents, [strike]).ShouldNotBeNull();
        // The same voice giving another count, or the count told as another attack, stays apart.
        IncidentMatcher.Match(residents with { Speaker = "the army" }, [strike]).ShouldBeNull();
        IncidentMatcher.Match(residents with { Another = true }, [strike]).ShouldBeNull();
    }

    [Fact]
    public void What_the_news_is_told_as_coming_after_starts_no_incident_however_dated_and_placed()
    {
        // "The raid follows a clash on Tuesday night in X": the clash is context for the news, not news of its own.
        var doc = Facts("antecedent", "Harbor Ledger", "2025-03-13",
            "Militants attacked a police post in Kunar province on Wednesday, killing four officers.\n\n"
            + "The raid follows a brief clash on Tuesday night in Khost province, where border guards exchanged fire.\n\n"
            + "It comes a day after an airstrike hit a market in Kandahar.");
        doc.Events.Single(e => e.Evidence.Contains("attacked", StringComparison.Ordinal)).Antecedent.ShouldBeFalse();
        var clash = doc.Events.First(e => e.Evidence.Contains("clash on Tuesday", StringComparison.Ordinal));
        clash.Antecedent.ShouldBeTrue();
        var airstrike = doc.Events.Single(e => e.Evidence.Contains("airstrike", StringComparison.Ordinal));
        airstrike.Antecedent.ShouldBeTrue();
        var record = Link(doc);
        IncidentWith(record, doc, "attacked").Mention.ShouldBeFalse();
        IncidentWith(record, doc, "clash on Tuesday").Mention.ShouldBeTrue();
        IncidentWith(record, doc, "airstrike").Mention.ShouldBeTrue();
        // One whose words give its own dead is a report of that attack, which may be the only one in the record.
        var told = Facts("antecedent-dead", "Harbor Ledger", "2025-03-13",
            "Militants attacked a police post in Kunar province on Wednesday, killing four officers.\n\n"
            + "The raid follows an airstrike on Monday in Khost province, which killed three farmers.");
        var recalled = told.Events.Single(e => e.Evidence.Contains("airstrike", StringComparison.Ordinal));
        recalled.Antecedent.ShouldBeTrue();
        IncidentWith(Link(told), told, "airstrike").Mention.ShouldBeFalse();
        // Talks the news came after are news of their own: only attacks are held back.
        var talks = Facts("antecedent-talks", "Harbor Ledger", "2025-03-13",
            "The two governments agreed to a truce on Wednesday.\n\nThe breakthrough came after long negotiations in Doha on Tuesday.");
        var negotiations = talks.Events.Single(e => e.Evidence.Contains("negotiations", StringComparison.Ordinal) && e.Type != PloverType.Agree);
        negotiations.Antecedent.ShouldBeTrue();
        IncidentWith(Link(talks), talks, "negotiations").Mention.ShouldBeFalse();
        // "followed by" is what came after, and a sentence's own first word has no subject before it.
        var after = Facts("followed-by", "Harbor Ledger", "2025-03-13",
            "Drones struck an oil depot in Kherson on Wednesday, followed by a missile attack on a bridge in Kherson.");
        after.Events.ShouldAllBe(e => !e.Antecedent);
    }

    [Fact]
    public void Attacks_told_as_a_habit_of_years_are_a_series_not_the_day_of_their_report()
    {
        // The discourse lends the sentence its Tuesday; "for years" says the attacks are many, over years.
        var doc = Facts("habit", "Harbor Ledger", "2025-03-12",
            "A drone strike hit a house in Khost province on Tuesday, killing six people.\n\n"
            + "Officials blamed a rebel faction, which has carried out lethal attacks along the frontier for years.");
        var habit = doc.Events.Single(e => e.Evidence.Contains("for years", StringComparison.Ordinal));
        habit.Habitual.ShouldBeTrue();
        IncidentAnchors.AsLinked(habit).Single.ShouldBeFalse();
        IncidentWith(Link(doc), doc, "for years").Scope.ShouldNotBe(IncidentScope.Single);
        doc.Events.Single(e => e.Evidence.Contains("drone strike", StringComparison.Ordinal)).Habitual.ShouldBeFalse();
        // "the deadliest attack in years" compares; it is one attack.
        var worst = Facts("worst", "Harbor Ledger", "2025-03-12",
            "A bombing in Peshawar on Tuesday was the deadliest attack in recent years.\n\n"
            + "Drones struck Kyiv overnight, hitting the capital.\n\nIt was the most intense attack on the city for months.");
        worst.Events.ShouldAllBe(e => !e.Habitual);
    }

    [Fact]
    public void A_toll_told_of_one_dated_attack_is_its_count_and_a_later_report_of_its_week_joins_it()
    {
        var first = Facts("week-a", "Harbor Ledger", "2025-05-14",
            "A drone struck a market in the town of Kherson early on Wednesday, killing at least seven people, the governor said.");
        var update = Facts("week-b", "Gulf Gazette", "2025-05-16",
            "The death toll from Wednesday's drone strike on the market in Kherson has risen to 13, officials said on Friday.");
        var recap = Facts("week-c", "River Post", "2025-05-17",
            "Mourners gathered in Kherson on Saturday for the funerals of those killed in a drone attack on the market earlier this week that killed 13 people.");
        // The running count of Wednesday's strike is that strike's latest dead.
        var updated = Link(first, update);
        IncidentWith(updated, first, "struck").Fatalities!.Best.ShouldBe(13);
        IncidentWith(updated, update, "strike").Id.ShouldBe(IncidentWith(updated, first, "struck").Id);
        // Whatever else its sentence counts, the toll of the attack its words name is that attack's count.
        var later = Facts("week-e", "Gulf Gazette", "2025-05-16",
            "The death toll from Wednesday's drone strike on the market in Kherson has risen to 15 as more of the injured died in hospital, officials said.");
        IncidentWith(Link(first, later), first, "struck").Fatalities!.Best.ShouldBe(15);
        // A campaign's words inside a toll are not one attack's: the fighting's toll is no strike's dead.
        var fighting = Facts("week-f", "Gulf Gazette", "2025-05-16",
            "Heavy fighting near Kherson on Wednesday, which has killed at least 140 people since March, forced hundreds to flee.");
        IncidentWith(Link(first, fighting), first, "struck").Fatalities!.Best.ShouldBe(7);
        var record = Link(first, update, recap);
        var incident = IncidentWith(record, first, "struck");
        // "earlier this week" holds Wednesday, at the same town: the same attack, not an attack of its own.
        IncidentWith(record, recap, "attack").Id.ShouldBe(incident.Id);
        // A week's words elsewhere in the country say nothing of which attack.
        var elsewhere = Facts("week-d", "River Post", "2025-05-17",
            "Mourners gathered in Odesa on Saturday for the funerals of those killed in a drone attack on a port earlier this week that killed 13 people.");
        var apart = Link(first, update, elsewhere);
        IncidentWith(apart, elsewhere, "attack").Id.ShouldNotBe(IncidentWith(apart, first, "struck").Id);
    }

    [Fact]
    public void A_week_begun_on_sunday_holds_that_sundays_attack()
    {
        // Sunday's raid, and a Wednesday roundup's "earlier this week" (read Monday to Wednesday) at the same town.
        var first = Facts("sunday-a", "Harbor Ledger", "2025-11-17",
            "Gunmen attacked an army post near Dori on Sunday, killing at least 12 soldiers, security sources said.");
        var roundup = Facts("sunday-b", "River Post", "2025-11-19",
            "Nineteen soldiers were killed when gunmen stormed an army post near Dori earlier this week.");
        var record = Link(first, roundup);
        IncidentWith(record, roundup, "killed").Id.ShouldBe(IncidentWith(record, first, "attacked").Id);
    }

    [Fact]
    public void A_later_attack_a_week_after_a_strike_whose_toll_rose_recalls_that_strike()
    {
        var first = Facts("block-a", "Harbor Ledger", "2025-05-14",
            "A Russian missile struck an apartment block in Ternopil early on Wednesday, killing nine people, the mayor said.");
        var update = Facts("block-b", "Gulf Gazette", "2025-05-15",
            "The death toll from Wednesday's missile strike on the apartment block in Ternopil has risen to 19, officials said on Thursday.");
        // Six days later, in a report of a new attack on the city: "a week after" is loose, and 24 is the toll grown since.
        var later = Facts("block-c", "Coastline Wire", "2025-05-20",
            "Russian drones hit a depot in Ternopil overnight, injuring a guard, a week after a missile strike on an apartment block in Ternopil killed 24 people.");
        // A report between them whose count names no place: a day in common with the recollection all the same.
        var funeral = Facts("block-e", "River Post", "2025-05-16",
            "A Russian missile struck an apartment block in Ternopil early on Wednesday.\n\nThe city on Friday buried the first of those killed in Wednesday's strike, which killed 21 people.");
        var record = Link(first, update, funeral, later);
        var block = IncidentWith(record, first, "struck");
        IncidentWith(record, later, "strike").Id.ShouldBe(block.Id);
        IncidentWith(record, later, "hit").Id.ShouldNotBe(block.Id);
        block.Fatalities!.Best.ShouldBe(24);
        // A lower toll than the strike had already reached is another strike's.
        var other = Facts("block-d", "Coastline Wire", "2025-05-20",
            "Russian drones hit a depot in Ternopil overnight, injuring a guard, a week after a missile strike on a school in Ternopil killed 5 people.");
        var apart = Link(first, update, other);
        IncidentWith(apart, other, "strike").Id.ShouldNotBe(IncidentWith(apart, first, "struck").Id);
    }

    [Fact]
    public void Another_attack_on_the_next_day_is_not_the_one_told_the_day_before()
    {
        var region = new PlaceFacts("Kharkiv region", "Kharkiv region", "UA", "admin1", 49.5, 36.5);
        EventFacts On(string id, int day, string words, bool another = false) => Strike(id, region) with
        {
            Time = new TimeFacts(words, new(2025, 12, day), new(2025, 12, day), "day"),
            Another = another,
        };
        // A report a day later dating the same attack differently joins it; "another strike on Wednesday" does not.
        IncidentMatcher.Match(On("b", 9, "on Wednesday"), [On("a", 8, "on Tuesday")]).ShouldNotBeNull();
        IncidentMatcher.Match(On("b", 9, "on Wednesday morning", another: true), [On("a", 8, "on Tuesday")]).ShouldBeNull();
        // Of its own day it may be; a night's words reach back to the day before.
        IncidentMatcher.Match(On("b", 9, "on Wednesday", another: true), [On("a", 9, "on Wednesday")]).ShouldNotBeNull();
        IncidentMatcher.Match(On("b", 8, "on Tuesday", another: true), [On("a", 9, "overnight")]).ShouldNotBeNull();
    }

    [Fact]
    public void A_series_with_neither_period_nor_dead_starts_no_incident()
    {
        var waters = new PlaceFacts("international waters", "international waters", null, "sea", null, null);
        // "The three strikes hit four vessels in international waters": the report's dated news told again.
        var again = Series("a", "2026-04-08", new(2026, 4, 6), new(2026, 4, 6)) with { Time = null, Location = waters };
        IncidentAnchors.CanStart(again).ShouldBeFalse();
        // "16 strikes since February" has its period; "the raids have killed 64" its dead.
        IncidentAnchors.CanStart(again with { Time = new TimeFacts("since February", new(2026, 2, 1), new(2026, 4, 8), "range") }).ShouldBeTrue();
        IncidentAnchors.CanStart(again with { Fatalities = new RangeFacts(64, null, "at least 64 people") }).ShouldBeTrue();
    }

    [Fact]
    public void An_attack_of_fact_dated_days_after_its_report_has_no_day_of_its_own_and_starts_no_incident()
    {
        var province = new PlaceFacts("Paktika", "Paktika", "AF", "admin1", null, null);
        // Reported on 9 December; "the victims of the attack in Paktika", in a sentence whose Thursday is a match to come.
        var attack = Strike("a", province) with { Time = new TimeFacts("Thursday", new(2025, 12, 11), new(2025, 12, 11), "day") };
        IncidentAnchors.AfterItsReport(attack).ShouldBeTrue();
        IncidentAnchors.Days(attack).ShouldBeNull();
        IncidentAnchors.CanStart(attack).ShouldBeFalse();
        // The next day is a publication date a time zone behind; the day of its report is its own; a plan may lie ahead.
        IncidentAnchors.CanStart(attack with { Time = new TimeFacts("Wednesday", new(2025, 12, 10), new(2025, 12, 10), "day") }).ShouldBeTrue();
        IncidentAnchors.CanStart(Strike("b", province)).ShouldBeTrue();
        IncidentAnchors.AfterItsReport(attack with { Modality = Modality.Planned }).ShouldBeFalse();
    }

    [Fact]
    public void Another_clash_with_no_day_of_its_own_does_not_refer_back_to_its_reports_news()
    {
        // The reader marks the event word after "another"; the first attack is not marked.
        var doc = Facts("another", "Harbor Ledger", "2025-12-08",
            "Cambodian troops attacked Thai positions in Kantharalak on Sunday, killing two soldiers.\n\nNear dawn, another clash broke out in the Chong Bok area.");
        doc.Events.Single(e => e.Evidence.Contains("another clash", StringComparison.Ordinal)).Another.ShouldBeTrue();
        doc.Events.Single(e => e.Evidence.Contains("attacked", StringComparison.Ordinal)).Another.ShouldBeFalse();
        // News with no day of its own refers back to its report's news, unless it says it is another event.
        var province = new PlaceFacts("Sisaket", "Si Sa Ket", "TH", "admin1", 15.12, 104.32);
        var first = Strike("a", province) with { Document = "d-report" };
        var clash = Strike("b", new PlaceFacts("Chong Bok", "Chong Bok", null, "region", null, null)) with { Document = "d-report", Time = null };
        IncidentMatcher.Match(clash, [first])!.Value.Reason.ShouldContain("refers back within the same report");
        IncidentMatcher.Match(clash with { Another = true }, [first]).ShouldBeNull();
    }

    [Fact]
    public void Strikes_on_consecutive_days_with_different_dead_are_two_unless_a_night_blurs_the_day()
    {
        var sea = new PlaceFacts("Pacific", "the eastern Pacific", null, "sea", 10.0, -95.0);
        EventFacts On(string id, int day, int dead, string words = "on Tuesday") => Strike(id, sea) with
        {
            Time = new TimeFacts(words, new(2025, 12, day), new(2025, 12, day), "day"),
            Fatalities = new RangeFacts(dead, dead, $"killing {dead}"),
        };
        // Reports a day apart that disagree on the dead: two strikes.
        IncidentMatcher.Match(On("b", 9, 3), [On("a", 8, 2)]).ShouldBeNull();
        // The same day with different dead: one strike, reported differently.
        IncidentMatcher.Match(On("b", 8, 3), [On("a", 8, 2)]).ShouldNotBeNull();
        // A day apart with the same dead: one strike, dated differently.
        IncidentMatcher.Match(On("b", 9, 2), [On("a", 8, 2)]).ShouldNotBeNull();
        // A night straddles two days.
        IncidentMatcher.Match(On("b", 9, 3, "overnight"), [On("a", 8, 2)]).ShouldNotBeNull();
        // Of two strikes of one day that a report fits, the one with its dead fits it better.
        var same = IncidentMatcher.Match(On("c", 8, 2), [On("a", 8, 2)])!.Value;
        var other = IncidentMatcher.Match(On("c", 8, 2), [On("b", 8, 3)])!.Value;
        same.Score.ShouldBeGreaterThan(other.Score);
        same.Reason.ShouldContain("same dead 2");
    }

    [Fact]
    public void Two_cities_or_two_provinces_of_one_country_on_one_day_are_two_attacks_but_a_city_in_its_province_is_one()
    {
        var surin = new PlaceFacts("Surin", "Surin", "TH", "admin1", 14.88, 103.49);
        var sisaket = new PlaceFacts("Sisaket", "Si Sa Ket", "TH", "admin1", 15.12, 104.32);
        var surinTown = new PlaceFacts("Surin", "Surin town", "TH", "city", 14.88, 103.49);
        var bangkok = new PlaceFacts("Bangkok", "Bangkok", "TH", "city", 13.75, 100.5);
        var sakaeo = new PlaceFacts("Sa Kaeo", "Sa Kaeo", "TH", "city", 13.81, 102.07);
        IncidentMatcher.Match(Strike("b", sisaket), [Strike("a", surin)]).ShouldBeNull();
        IncidentMatcher.Match(Strike("b", sakaeo), [Strike("a", bangkok)]).ShouldBeNull();
        IncidentMatcher.Match(Strike("b", surinTown), [Strike("a", surin)]).ShouldNotBeNull();
        IncidentMatcher.Match(Strike("b", bangkok), [Strike("a", surin)]).ShouldBeNull();
        // A report placed only by the country still joins.
        IncidentMatcher.Match(Strike("b", new PlaceFacts("Thailand", "Thailand", "TH", "country", 15.5, 101.0)), [Strike("a", surin)]).ShouldNotBeNull();
    }
    [Fact]
    public void A_roundup_days_later_that_dates_the_attack_a_day_off_with_its_risen_toll_joins_it()
    {
        // The wire tells Monday evening's attack and four dead; the next day's paper the toll of six at the same place; a
        // weekly roundup five days on dates it to the Tuesday with the six. Two days of their words a day apart and two
        // tolls, but the toll rose and the roundup recalls the attack at the place its reports name.
        var wire = Facts("recap-a", "Sahel Wire", "2026-03-03",
            "OUAGADOUGOU, March 3 (SW) - Gunmen opened fire on a minibus carrying traders in Burkina Faso's Sahel region near Arbinda on Monday evening, "
            + "killing four passengers, security sources said.");
        var toll = Facts("recap-b", "Le Quotidien du Sahel", "2026-03-04",
            "The toll from Monday's attack on a minibus in Arbinda rose to six on Wednesday after two wounded traders died, a local official said. "
            + "Gunmen fired on the minibus in the Sahel region of Burkina Faso.");
        var roundup = Facts("recap-c", "West Africa Weekly", "2026-03-08",
            "Burkina Faso: Local officials said the March 3 minibus attack in Arbinda that killed six traders was carried out by gunmen who fled "
            + "on motorbikes into the Sahel region.");
        var record = Link(wire, toll, roundup);
        IncidentWith(record, roundup, "minibus").Id.ShouldBe(IncidentWith(record, wire, "opened fire").Id);
    }

    [Fact]
    public void A_next_day_report_of_another_day_s_attack_with_more_dead_stays_apart()
    {
        // Guard: two reports each published the day of its own attack (Monday's and Tuesday's ambushes at one place) stay two,
        // though the second's toll is the higher.
        var first = Facts("next-a", "Sahel Wire", "2026-03-02",
            "Gunmen ambushed a minibus near Arbinda on Monday, killing four traders, security sources said.");
        var second = Facts("next-b", "Sahel Wire", "2026-03-03",
            "Gunmen ambushed a minibus near Arbinda on Tuesday, killing six traders, security sources said.");
        var record = Link(first, second);
        IncidentWith(record, second, "ambushed").Id.ShouldNotBe(IncidentWith(record, first, "ambushed").Id);
    }
}
