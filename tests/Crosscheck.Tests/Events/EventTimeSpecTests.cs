using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/event-times.spec.md: text and publication date in, the time of its first asserted attack out.</summary>
public sealed class EventTimeSpecTests
{
    private const string Spec = "event-times.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_attack_takes_the_time_the_spec_gives(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var published = DateOnly.ParseExact(example["published"].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var read = EventReader.Default.Read(StandardPipeline.Default.Process(example["text"].TrimEnd('\n'), published));
        var trigger = example.Blocks.TryGetValue("trigger", out var word) ? word.Trim() : null;
        var attack = read.Events.First(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted
            && (trigger is null || e.Trigger.Tokens.Any(t => t.Text.Equals(trigger, StringComparison.OrdinalIgnoreCase))));
        var expected = example.Lines("expect").Single().Trim();
        if (expected == "none")
        {
            attack.Time.ShouldBeNull(name);
            return;
        }
        var parts = expected.Split('|').Select(p => p.Trim()).ToArray();
        var time = attack.Time.ShouldNotBeNull(name);
        var words = time.Basis is null && time.Span.Length > 0 ? time.Span.Text : "";
        $"{words} | {time.Start:yyyy-MM-dd} | {time.End:yyyy-MM-dd}".ShouldBe($"{parts[0]} | {parts[1]} | {parts[2]}", name);
    }

    [Fact]
    public void The_spec_file_has_examples_of_both_kinds()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(6);
        examples.Count(e => e.Lines("expect").Single().StartsWith('|')).ShouldBeGreaterThanOrEqualTo(2);
        examples.Count(e => !e.Lines("expect").Single().StartsWith('|')).ShouldBeGreaterThanOrEqualTo(2);
    }
}
