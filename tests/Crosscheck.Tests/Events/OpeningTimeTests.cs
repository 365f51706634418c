using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>A time that opens a sentence dates each attack the sentence tells, also one split off at its own place.</summary>
public sealed class OpeningTimeTests
{
    private static IReadOnlyList<EventMention> Attacks(string text, DateOnly published) =>
        EventReader.Default.Read(StandardPipeline.Default.Process(text, published)).Events
            .Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted).ToList();

    [Fact]
    public void An_attack_at_a_second_place_takes_the_opening_day_and_subject()
    {
        var attacks = Attacks("Early on Sunday, drones hit a fuel depot in Sennar, killing five workers, and a school in Kosti, killing two teachers.",
            new DateOnly(2026, 5, 6));
        var school = attacks.Single(e => e.Evidence.Text.Contains("school", StringComparison.Ordinal));
        attacks.Count.ShouldBe(2);
        school.Time.ShouldNotBeNull().Start.ShouldBe(new DateOnly(2026, 5, 3));
        school.Actors.Select(a => a.Span.Text).ShouldBe(["drones"]);
    }

    [Fact]
    public void A_recalled_attack_keeps_its_own_time()
    {
        var attacks = Attacks("On Sunday, drones hit a fuel depot in Sennar, killing five workers, two days after shelling killed three people in Kosti.",
            new DateOnly(2026, 5, 6));
        var shelling = attacks.Single(e => e.Evidence.Text.Contains("shelling", StringComparison.Ordinal));
        shelling.Time.ShouldNotBeNull().Start.ShouldBe(new DateOnly(2026, 5, 1));
    }
}
