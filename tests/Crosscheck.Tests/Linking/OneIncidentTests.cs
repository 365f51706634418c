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
}
