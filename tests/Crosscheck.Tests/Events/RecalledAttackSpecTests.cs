using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/recalled.spec.md: a sentence with a new attack and a recalled one in, each ASSAULT event's place, day and dead out.</summary>
public sealed class RecalledAttackSpecTests
{
    private const string Spec = "recalled.spec.md";
    private static readonly DateOnly Published = new(2025, 11, 4);

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_attack_keeps_its_own_place_day_and_dead(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var text = StandardPipeline.Default.Process(example["text"].TrimEnd('\n'), Published);
        var lines = EventReader.Default.Read(text).Events.Where(e => e.Type == PloverType.Assault)
            .OrderBy(e => e.Trigger.StartToken).Select(Describe).ToList();
        lines.ShouldBe(example.Lines("expect"), Case.Sensitive, name);
    }

    private static string Describe(EventMention e)
    {
        var day = e.Time is { Precision: TimePrecision.Day, Start: { } start } && e.Time.End == start
            ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
        var killed = e.Fatalities is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"{f.Min} {(f.Max is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}") : "none";
        return $"place {e.Location?.Name ?? "-"} day {day} killed {killed}";
    }
}
