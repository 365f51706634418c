using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/places.spec.md: text in, the place of its first asserted attack (or of the one a trigger word names) out.</summary>
public sealed class EventPlaceSpecTests
{
    private const string Spec = "places.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_attack_takes_the_place_the_spec_gives(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var read = EventReader.Default.Read(StandardPipeline.Default.Process(example["text"].TrimEnd('\n'), new DateOnly(2025, 7, 8)));
        var trigger = example.Blocks.TryGetValue("trigger", out var word) ? word.Trim() : null;
        var attack = read.Events.First(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted
            && (trigger is null || e.Trigger.Tokens.Any(t => t.Text.Equals(trigger, StringComparison.OrdinalIgnoreCase))));
        var expected = example.Lines("expect").Single().Trim();
        // "none": the words place the attack nowhere.
        if (expected == "none")
        {
            attack.Location.ShouldBeNull(name);
            return;
        }
        var place = attack.Location.ShouldNotBeNull(name);
        $"{place.Span.Text} | {place.Country ?? "-"} | {place.Precision}".ShouldBe(expected, name);
    }

    [Fact]
    public void Troops_sent_to_a_place_are_deployed_there()
    {
        // A verb of sending's "to" place is not an attack's place ("sent a protest note to X"), but it is a deployment's.
        var read = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Brazil will send 500 soldiers and helicopters to Haiti, the minister said.", new DateOnly(2025, 7, 8)));
        var deployment = read.Events.First(e => e.Type == PloverType.Mobilize);
        deployment.Location.ShouldNotBeNull().Country.ShouldBe("HT");
    }

    [Fact]
    public void The_town_where_the_wounded_later_died_is_not_the_attacks()
    {
        var read = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Three wounded soldiers died in hospital in Mykolaiv on Monday after the shelling of their post last week.", new DateOnly(2025, 7, 8)));
        read.Events.Where(e => e.Type == PloverType.Assault).ShouldAllBe(e => e.Location == null || e.Location.Span.Text != "Mykolaiv");
    }

    [Fact]
    public void The_spec_file_has_examples()
    {
        SpecFile.Load(Spec).Count.ShouldBeGreaterThanOrEqualTo(6);
    }
}
