using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Villages the gazetteers lack: the name an event's words give ("the village of Kok-Tash", "the attack on Kok-Tash") is
/// carried in its facts, the same name in two reports is one place, two names are no agreement of place.
/// </summary>
public class UnknownPlaceTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    private static CrossRecord Link(params DocumentFacts[] documents) => CrossDocumentLinkerTests.Link(documents);

    private static readonly DocumentFacts KokTash = Facts("kok-tash", "Steppe Wire", "2025-04-15",
        "Tajik troops fired rockets at the village of Kok-Tash in Batken region on Tuesday, killing three civilians, Kyrgyz officials said.");

    private static readonly DocumentFacts AkSai = Facts("ak-sai", "Mountain Post", "2025-04-15",
        "Tajik forces shelled the village of Ak-Sai in Batken region on Tuesday, killing two people, Kyrgyz border guards said.");

    private static readonly DocumentFacts TollRose = Facts("kok-tash-toll", "Valley Herald", "2025-04-16",
        "The death toll from Tuesday's rocket attack on Kok-Tash has risen to five, Kyrgyz health officials said on Wednesday.");

    [Fact]
    public void The_unknown_village_is_in_the_facts()
    {
        KokTash.Events.First(e => e.Evidence.Contains("rockets", StringComparison.Ordinal)).Locality.ShouldBe("Kok-Tash");
        TollRose.Events.First(e => e.Evidence.Contains("attack", StringComparison.Ordinal)).Locality.ShouldBe("Kok-Tash");
    }

    [Fact]
    public void A_village_only_the_words_name_lies_in_the_division_its_sentence_names()
    {
        // The recognizer takes no place from "Kwanar Dutsi village": the event's place is the village's words in Zamfara.
        var village = Facts("kwanar-dutsi", "Savanna Wire", "2025-04-15",
            "Gunmen stormed a cattle market in Kwanar Dutsi village of Zamfara state on Tuesday, killing 14 traders, police said.");
        var place = village.Events.First(e => e.Evidence.Contains("stormed", StringComparison.Ordinal)).Location.ShouldNotBeNull();
        (place.Text, place.Country, place.Precision).ShouldBe(("Kwanar Dutsi", "NG", "admin1"));
    }

    [Fact]
    public void Known_places_and_days_are_no_locality()
    {
        var known = Facts("known", "Harbor Ledger", "2025-04-15", "Russian drones struck the city of Kharkiv on Tuesday, killing two people, officials said.");
        known.Events.ShouldAllBe(e => e.Locality == null);
        var day = Facts("day", "Harbor Ledger", "2025-04-15", "Two soldiers were killed in an attack on Tuesday in the border area, the ministry said.");
        day.Events.ShouldAllBe(e => e.Locality == null);
    }

    [Fact]
    public void A_named_operation_is_no_place()
    {
        var operation = Facts("operation", "Coast Wire", "2025-04-15",
            "Marines raided a camp on Tuesday, killing four gunmen, the 12th raid in Operation Granite Shore, the navy said.");
        operation.Events.ShouldAllBe(e => e.Locality == null && e.Location == null);
    }

    [Fact]
    public void A_later_toll_of_the_village_joins_its_attack_not_another_village_of_the_day()
    {
        var record = Link(KokTash, AkSai, TollRose);
        var kokTash = CrossDocumentLinkerTests.IncidentWith(record, KokTash, "rockets");
        var akSai = CrossDocumentLinkerTests.IncidentWith(record, AkSai, "shelled");
        kokTash.Id.ShouldNotBe(akSai.Id);
        var toll = CrossDocumentLinkerTests.IncidentWith(record, TollRose, "attack");
        toll.Id.ShouldBe(kokTash.Id);
        kokTash.Links.ShouldContain(l => l.Reason.Contains("same place Kok-Tash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_report_of_the_village_finds_its_attack_in_another_story()
    {
        var brief = Facts("kok-tash-brief", "Valley Herald", "2025-04-16",
            "The death toll from Tuesday's rocket attack on Kok-Tash in Kyrgyzstan has risen to five, health officials said on Wednesday.");
        var attack = Facts("kok-tash-ambassador", "Steppe Wire", "2025-04-15",
            "Tajik troops fired rockets at the village of Kok-Tash in Batken region on Tuesday, killing three civilians, Kyrgyz officials said.\n\n"
            + "The Kyrgyz foreign ministry summoned the Tajik ambassador in Bishkek.");
        var record = Link(attack, AkSai, brief);
        var link = CrossDocumentLinkerTests.IncidentWith(record, attack, "rockets").Links.Single(l => brief.Events.Any(e => e.Id == l.Event));
        link.Reason.ShouldContain("same place Kok-Tash");
        link.Reason.ShouldContain("reported in another story");
    }

    [Fact]
    public void A_village_the_gazetteers_lack_and_a_known_city_of_its_day_are_two_attacks()
    {
        // Both on Monday; the raid's report names the village and its state, the strike's a city the gazetteer knows.
        var city = Facts("village-city-a", "Nile Wire", "2026-03-02",
            "A drone strike hit a crowded market in El Fasher, the capital of North Darfur state, on Monday, killing at least 12 people, medics said. "
            + "The Sudan Doctors Network blamed the Rapid Support Forces for the strike, which it said wounded 30 others.");
        var village = Facts("village-city-b", "Darfur Voice", "2026-03-02",
            "Gunmen on camels raided the village of Umm Sayala in North Darfur on Monday, killing nine people and burning homes, local leaders said. "
            + "Residents blamed fighters loyal to the Rapid Support Forces.");
        var record = Link(city, village);
        CrossDocumentLinkerTests.IncidentWith(record, city, "drone").Id.ShouldNotBe(CrossDocumentLinkerTests.IncidentWith(record, village, "raided").Id);
    }

    [Fact]
    public void A_village_s_name_the_tagger_reads_as_a_person_s_is_still_its_place()
    {
        var bombing = Facts("village-person", "Irrawaddy Wire", "2026-04-14",
            "Military jets bombed a monastery in the village of Lin Ta Lu in Sagaing Region on Monday, killing 23 people sheltering there, residents said.");
        var e = bombing.Events.First(e => e.Evidence.Contains("bombed", StringComparison.Ordinal));
        e.Locality.ShouldBe("Lin Ta Lu");
        e.Village.ShouldBeTrue();
    }

    [Fact]
    public void An_attack_placed_only_by_a_village_s_name_is_an_incident_not_a_mention()
    {
        var again = Facts("village-only", "Asia Desk", "2026-04-17",
            "Military jets struck the village of Lin Ta Lu again on Thursday, killing four people who were clearing rubble, residents said.");
        var record = Link(again);
        var incident = CrossDocumentLinkerTests.IncidentWith(record, again, "struck");
        incident.Mention.ShouldBeFalse();
    }
    [Fact]
    public void Two_districts_the_gazetteers_lack_are_two_attacks_of_one_day()
    {
        // A grenade on a post in one district; a roundup days later recalls an ambush in another district the same day.
        var grenade = Facts("districts-a", "Valley Courier", "2026-06-03",
            "Militants hurled a grenade at a police post in Bandipora on Tuesday night, wounding two constables, a police officer said. "
            + "Security forces cordoned off the area in Jammu and Kashmir and launched a search for the militants.");
        var roundup = Facts("districts-b", "Frontier Weekly", "2026-06-07",
            "Police in Jammu and Kashmir said the June 2 ambush in Ramban that killed six soldiers was carried out by militants who fled into the forest. "
            + "Security forces launched a search for the militants.");
        var record = Link(grenade, roundup);
        CrossDocumentLinkerTests.IncidentWith(record, roundup, "ambush").Id
            .ShouldNotBe(CrossDocumentLinkerTests.IncidentWith(record, grenade, "grenade").Id);
    }
}
