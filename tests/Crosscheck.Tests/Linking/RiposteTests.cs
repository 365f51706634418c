using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// The forces' answer to a report's attack, told with the attackers' dead ("police repulsed the assault and killed 25
/// insurgents in the pursuit"), is the attack's aftermath: it starts no incident, and gives the attack neither its dead
/// nor its kind (issue 14, item 1). Articles are made up; read by the real pipeline.
/// </summary>
public class RiposteTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    [Fact]
    public void The_forces_answer_with_the_attackers_dead_is_no_incident_of_its_own_nor_the_attack_s_figure()
    {
        var doc = Facts("riposte-a", "Korvath Courier", "2026-11-14",
            "Insurgents stormed a police station in the town of Maravel in Korvath province on Friday, killing 11 officers, officials said.\n\n"
            + "Police said reinforcements backed by helicopters repulsed the assault and killed 25 insurgents in the pursuit on Friday night in Korvath province.");
        var answer = doc.Events.Single(e => e.Type == PloverType.Assault && e.Evidence.Contains("repulsed", StringComparison.Ordinal));
        answer.Riposte.ShouldBeTrue();
        doc.Events.Single(e => e.Evidence.Contains("stormed", StringComparison.Ordinal)).Riposte.ShouldBeFalse();
        var record = CrossDocumentLinkerTests.Link(doc);
        var attack = CrossDocumentLinkerTests.IncidentWith(record, doc, "stormed");
        attack.Mention.ShouldBeFalse();
        attack.Fatalities!.Best.ShouldBe(11);
        var aftermath = record.Incidents.Single(i => i.Events.Contains(answer.Id));
        aftermath.Id.ShouldNotBe(attack.Id);
        aftermath.Mention.ShouldBeTrue();
    }

    [Fact]
    public void The_attack_s_own_attackers_killed_need_no_word_of_an_answer()
    {
        var doc = Facts("riposte-b", "Korvath Courier", "2026-11-14",
            "Gunmen raided a bus depot in the town of Ostrel in Korvath province on Friday, killing six drivers.\n\n"
            + "Soldiers killed four of the attackers in a gunfight near Ostrel on Saturday, an army spokesman said.");
        var gunfight = doc.Events.Single(e => e.Evidence.Contains("gunfight", StringComparison.Ordinal));
        gunfight.Riposte.ShouldBeTrue();
        CrossDocumentLinkerTests.IncidentWith(CrossDocumentLinkerTests.Link(doc), doc, "gunfight").Mention.ShouldBeTrue();
    }

    [Fact]
    public void An_operation_of_its_own_against_armed_men_is_still_news()
    {
        // Guard: no answer to a reported attack, so the raid on the hideout is an incident (passes before the change too).
        var doc = Facts("riposte-c", "Korvath Courier", "2026-11-14",
            "Police killed 17 insurgents in a raid on a hideout in the town of Maravel in Korvath province on Thursday, officials said.");
        doc.Events.Single(e => e.Evidence.Contains("raid", StringComparison.Ordinal)).Riposte.ShouldBeFalse();
        CrossDocumentLinkerTests.IncidentWith(CrossDocumentLinkerTests.Link(doc), doc, "raid").Mention.ShouldBeFalse();
    }
}
