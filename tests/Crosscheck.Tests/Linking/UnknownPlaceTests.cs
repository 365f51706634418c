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
    public void Known_places_and_days_are_no_locality()
    {
        var known = Facts("known", "Harbor Ledger", "2025-04-15", "Russian drones struck the city of Kharkiv on Tuesday, killing two people, officials said.");
        known.Events.ShouldAllBe(e => e.Locality == null);
        var day = Facts("day", "Harbor Ledger", "2025-04-15", "Two soldiers were killed in an attack on Tuesday in the border area, the ministry said.");
        day.Events.ShouldAllBe(e => e.Locality == null);
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
}
