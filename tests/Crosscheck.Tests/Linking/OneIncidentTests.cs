using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// One incident per real event: an attack's place is not the place of an earlier attack its sentence compares it with, a
/// village and the area its words put it in are one place, and what a report sets apart ("In a separate incident") is not
/// the attack its lede told.
/// </summary>
public class OneIncidentTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    [Fact]
    public void The_place_of_an_attack_compared_with_is_not_the_news_attack_s()
    {
        var doc = Facts("deadliest", "Nile Courier", "2025-03-05",
            "It was the deadliest single air strike in North Kordofan since an attack on a market gathering in Umm Qarfa district in May 2024 killed more than 90 people.");
        var news = doc.Events.First(e => e.Salience != "background");
        doc.Events.ShouldContain(e => e.Locality == "Umm Qarfa");
        news.Locality.ShouldNotBe("Umm Qarfa");
    }

    [Fact]
    public void A_village_and_the_area_its_words_put_it_in_are_one_place()
    {
        var village = Facts("village", "Nile Courier", "2025-03-05",
            "A drone hit a school in Hillat Nur village of Abu Dulu district on Monday, killing at least 12 people, a local official said.");
        var area = Facts("area", "Desert Wire", "2025-03-06",
            "The strike in Abu Dulu district on Monday also wounded 30 people, a medic said.");
        var record = CrossDocumentLinkerTests.Link(village, area);
        var first = CrossDocumentLinkerTests.IncidentWith(record, village, "hit a school");
        CrossDocumentLinkerTests.IncidentWith(record, area, "strike").Id.ShouldBe(first.Id);
    }

    [Fact]
    public void A_separate_incident_told_after_the_lede_is_not_the_lede_s_attack()
    {
        var doc = Facts("separate", "Desert Wire", "2025-03-07",
            "The UN children's agency on Friday condemned an air strike on a clinic in western Sudan that residents say killed 19 people.\n\n"
            + "Attacking a clinic full of mothers and infants is a grave breach of the laws of war, the agency said.\n\n"
            + "In a separate incident on Thursday, artillery shells fired by the army killed four people in Kassala.");
        var record = CrossDocumentLinkerTests.Link(doc);
        var lede = CrossDocumentLinkerTests.IncidentWith(record, doc, "residents say");
        var shelling = CrossDocumentLinkerTests.IncidentWith(record, doc, "artillery");
        shelling.Id.ShouldNotBe(lede.Id);
    }

    [Fact]
    public void A_village_its_sentence_puts_in_a_division_s_district_is_inside_that_district()
    {
        // The gazetteer reads "Kassala's" as the city; the sentence still puts Pelto inside Wadi Sirr district.
        var village = Facts("clinic", "Eastern Courier", "2025-05-14",
            "A drone hit a clinic in Pelto village in Kassala's Wadi Sirr district on Monday, killing nine patients, a nurse said.");
        var district = Facts("district", "Red Sea Wire", "2025-05-15",
            "The strike in Wadi Sirr district on Monday also wounded 14 people, a medic said.");
        var record = CrossDocumentLinkerTests.Link(village, district);
        var first = CrossDocumentLinkerTests.IncidentWith(record, village, "hit a clinic");
        CrossDocumentLinkerTests.IncidentWith(record, district, "strike").Id.ShouldBe(first.Id);
    }

    [Fact]
    public void A_statement_s_lede_placed_by_its_country_is_the_attack_its_body_dates_days_before()
    {
        var statement = Facts("statement", "Lakeside Wire", "2025-05-16",
            "The UN refugee agency on Friday condemned a drone attack on a school in eastern Chad that witnesses say killed 14 people.\n\n"
            + "The attack in Kouba district on Tuesday was one of at least 25 drone strikes recorded in the east since March, the agency said.");
        var record = CrossDocumentLinkerTests.Link(statement);
        var lede = statement.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Contains("witnesses say", StringComparison.Ordinal));
        // The sentence tells the attack and the series it is one of: the attack is the lede's.
        var attack = statement.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Contains("Kouba", StringComparison.Ordinal) && !e.Plural);
        record.Incidents.Single(i => i.Events.Contains(attack.Id)).Events.ShouldContain(lede.Id);
    }

    [Fact]
    public void An_attack_and_the_forces_answer_the_next_day_are_two_incidents()
    {
        // Gunmen's raid in a region on Tuesday; the air force's strike on their hideouts on Wednesday, in a report that names
        // the region only in another sentence: a day apart, by two actors, two attacks (the day's slack is for one attack
        // dated differently).
        var raid = Facts("raid", "Niger Bend Courier", "2025-09-17",
            "Gunmen killed at least 31 herders in Kolondo, a village of Ségou region in central Mali, on Tuesday, a local official said.");
        var answer = Facts("answer", "Sahel Defence Review", "2025-09-18",
            "Malian air force jets bombed the gang's hideouts in the Wagadou forest on Wednesday, killing dozens of gunmen, a military spokesman said.\n\n"
            + "The forest straddles the border of Ségou region, the spokesman added.");
        var record = CrossDocumentLinkerTests.Link(raid, answer);
        var first = CrossDocumentLinkerTests.IncidentWith(record, raid, "herders");
        CrossDocumentLinkerTests.IncidentWith(record, answer, "bombed").Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void A_town_and_its_district_told_by_two_reports_are_one_place_when_a_third_ties_them()
    {
        // Neither the district's report nor the town's names the other place; the first report puts the town in the district.
        var both = Facts("both", "Horn Courier", "2025-11-08",
            "A drone struck a wedding party in the town of Bel Amir in Wadi Tarsa district on Friday, killing 11 guests, medics said.");
        var district = Facts("district", "Relief Monitor", "2025-11-09",
            "The United Nations said on Saturday that a drone strike in Wadi Tarsa district on Friday had killed 11 civilians.");
        var town = Facts("town", "Coastal Post", "2025-11-10",
            "Families in Bel Amir buried the victims of Friday's drone strike on Sunday, as the number of dead rose to 13, a local doctor said.");
        var record = CrossDocumentLinkerTests.Link(both, district, town);
        var first = CrossDocumentLinkerTests.IncidentWith(record, both, "wedding");
        CrossDocumentLinkerTests.IncidentWith(record, district, "drone strike").Id.ShouldBe(first.Id);
        CrossDocumentLinkerTests.IncidentWith(record, town, "drone strike").Id.ShouldBe(first.Id);
    }

    [Fact]
    public void A_report_whose_own_words_put_the_town_in_its_province_is_of_the_town_told_alone()
    {
        // The first report names the town (known) in a province the gazetteers lack; the second names only the town, which
        // without its country it cannot resolve: the first report's words tie the two.
        var province = Facts("province", "Tigris Wire", "2025-10-17",
            "A car bomb tore through a vegetable market in the northern Iraqi town of Halabjah in Sirwan province on Thursday, killing nine people, police said.");
        var town = Facts("town", "Mountain Herald", "2025-10-18",
            "Hundreds of mourners gathered in Halabjah on Friday to bury the victims of Thursday's bombing of the town's market.");
        var record = CrossDocumentLinkerTests.Link(province, town);
        var first = CrossDocumentLinkerTests.IncidentWith(record, province, "car bomb");
        CrossDocumentLinkerTests.IncidentWith(record, town, "mourners").Id.ShouldBe(first.Id);
    }
}
