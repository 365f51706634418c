using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/events.spec.md: a sentence in, the type and ACLED sub-event type of its first-ranked event out.</summary>
public sealed class EventSpecTests
{
    private const string Spec = "events.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_event_type_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(example["text"].TrimEnd('\n'), null));
        Describe(reading).ShouldBe(example.Lines("expect").Single(), name);
    }

    [Fact]
    public void The_spec_file_has_at_least_30_examples_with_negative_cases_and_every_acled_event_type()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(30);
        examples.Count(e => e.Lines("expect").Single() == "none").ShouldBeGreaterThanOrEqualTo(3);
        var subTypes = examples.Select(e => e.Lines("expect").Single()).Where(l => l.Contains('|')).Select(l => l.Split('|')[1].Trim()).ToHashSet();
        foreach (var required in new[] { "Air/drone strike", "Armed clash", "Peaceful protest", "Violent demonstration", "Attack", "Agreement", "Arrests" })
            subTypes.ShouldContain(required);
    }

    private static string Describe(ArticleReading reading)
    {
        EventMention? best = null;
        foreach (var e in reading.Events)
        {
            if (best is null || e.Confidence > best.Confidence) best = e;
        }
        return best is null ? "none" : $"{PloverTypes.Name(best.Type)} | {best.Acled?.SubEventType ?? "-"}";
    }
}
