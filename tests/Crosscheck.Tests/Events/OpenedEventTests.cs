using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>
/// Verbs that only open another event name none of their own: permitting an event of force ("would allow drone strikes")
/// is no concession, and a negated rejection ("did not rule out air strikes") no rejection. Sentences written for these tests.
/// </summary>
public sealed class OpenedEventTests
{
    private static ArticleReading Read(string text) => EventReader.Default.Read(StandardPipeline.Default.Process(text, new DateOnly(2027, 5, 3)));

    [Fact]
    public void Permitting_an_event_of_force_is_no_concession_and_the_permitted_event_is_told()
    {
        var law = Read("The draft law would permit commando raids on the smugglers' island bases.");
        law.Events.ShouldNotContain(e => e.Type == PloverType.Concede);
        var allowed = Read("The decree would allow the navy to shell the rebel harbour.");
        allowed.Events.ShouldNotContain(e => e.Type == PloverType.Concede);
        allowed.Events.ShouldContain(e => e.Type == PloverType.Assault && e.Modality == Modality.Planned);
    }

    [Fact]
    public void Permitting_what_is_no_force_stays_a_concession()
    {
        // A guard (it held before): letting convoys of food through is yielding.
        Read("The governor allowed food convoys into the besieged town on Sunday.").Events.ShouldContain(e => e.Type == PloverType.Concede);
    }

    [Fact]
    public void A_negated_rejection_of_an_event_is_no_rejection_and_leaves_the_event_considered()
    {
        var open = Read("The premier did not rule out naval strikes on the pirate coves.");
        open.Events.ShouldNotContain(e => e.Type == PloverType.Reject);
        open.Events.ShouldContain(e => e.Type == PloverType.Assault && e.Modality == Modality.Considered);
        // "ruled out" is a rejection of its own.
        Read("The premier ruled out naval strikes on the pirate coves.").Events.ShouldContain(e => e.Type == PloverType.Reject);
    }
}
