using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Background lines and running tolls (issue 14): background attacks of two months are two incidents, a toll its
/// sentence splits by the people counted is one whole, and a toll counted from a coup is no coup's count nor the day's
/// attack. Texts, places and figures are made up.
/// </summary>
public class BackgroundTallyTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    private static CrossRecord Link(params DocumentFacts[] documents) => CrossDocumentLinkerTests.Link(documents);

    private static string IncidentOf(CrossRecord record, DocumentFacts doc, string word) =>
        CrossDocumentLinkerTests.IncidentWith(record, doc, word).Id;

    [Fact]
    public void Two_background_attacks_of_adjacent_months_or_of_two_towns_are_two_incidents()
    {
        var towns = Facts("months-1", "Harbor Ledger", "2026-04-18",
            "Rebels and the army fought near the lake on Friday, residents said. In March, a mortar round hit a school in Qarvesh, killing 13 pupils. In February, gunmen stormed a clinic in Lotharn, wounding six nurses.");
        var record = Link(towns);
        IncidentOf(record, towns, "mortar").ShouldNotBe(IncidentOf(record, towns, "stormed"));
        var oneTown = Facts("months-2", "Gulf Gazette", "2026-04-18",
            "Rebels and the army fought near the lake on Friday, residents said. In March, a mortar round hit a school in Qarvesh, killing 13 pupils. In February, gunmen stormed a clinic in Qarvesh, wounding six nurses.");
        record = Link(oneTown);
        IncidentOf(record, oneTown, "mortar").ShouldNotBe(IncidentOf(record, oneTown, "stormed"));
        var oneMonth = Facts("months-3", "Valley Times", "2026-04-18",
            "Rebels and the army fought near the lake on Friday, residents said. In March, a mortar round hit a school in Qarvesh, killing 13 pupils. Also in March, gunmen stormed a clinic in Lotharn, wounding six nurses.");
        record = Link(oneMonth);
        IncidentOf(record, oneMonth, "mortar").ShouldNotBe(IncidentOf(record, oneMonth, "stormed"));
    }

    [Fact]
    public void A_regional_toll_split_by_the_people_counted_is_the_campaigns_whole()
    {
        var doc = Facts("parts-1", "Harbor Ledger", "2026-07-09",
            "Rebels ambushed a police patrol near Kasungu on Wednesday, killing five officers, the police said. At least 40 police officers and 17 villagers have been killed in the province since March, a rights group said.");
        var record = Link(doc);
        var campaign = record.Incidents.Single(i => i.Scope == IncidentScope.Campaign && i.Type == PloverType.Assault && i.Fatalities is not null);
        campaign.Fatalities!.Best.ShouldBe(57);
    }

    [Fact]
    public void A_nationwide_toll_since_a_coup_is_neither_the_coups_count_nor_the_days_attack()
    {
        var doc = Facts("coup-1", "Harbor Ledger", "2026-08-14",
            "A bomb exploded at a bus station in Mongo in Chad on Tuesday, killing nine people, police said. More than 2,600 people have been killed across the country since the army seized power in a coup in 2021, a monitoring group said.");
        var record = Link(doc);
        var bomb = CrossDocumentLinkerTests.IncidentWith(record, doc, "exploded");
        bomb.Events.Length.ShouldBe(1);
        record.Incidents.Where(i => i.Type != PloverType.Assault).ShouldAllBe(i => i.Fatalities == null && i.Scope != IncidentScope.Campaign);
    }
}
