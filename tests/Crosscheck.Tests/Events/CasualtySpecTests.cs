using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/casualties.spec.md: text in, the largest killed and injured among its ASSAULT events out.</summary>
public sealed class CasualtySpecTests
{
    private const string Spec = "casualties.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_casualties_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var text = StandardPipeline.Default.Process(example["text"].TrimEnd('\n'));
        var assaults = EventReader.Default.Read(text).Events.Where(e => e.Type == PloverType.Assault).ToList();
        var killed = Largest(assaults.Select(e => e.Fatalities));
        var injured = Largest(assaults.Select(e => e.Injured));
        new[] { $"killed {Describe(killed)}", $"injured {Describe(injured)}" }.ShouldBe(example.Lines("expect"), name);
    }

    [Fact]
    public void The_spec_file_has_at_least_20_examples_with_zero_and_absent_counts()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(20);
        examples.Count(e => e.Lines("expect").Contains("injured 0 0")).ShouldBeGreaterThanOrEqualTo(2);
        examples.Count(e => e.Lines("expect").All(l => l.EndsWith("none", StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void The_counts_point_at_the_words_that_gave_them()
    {
        var text = StandardPipeline.Default.Process("The gunman opened fire on the crowd, killing two and wounding five before he fled.");
        var e = EventReader.Default.Read(text).Events.Single(e => e.Fatalities is not null);
        e.Fatalities!.Text.ShouldBe("killing two");
        e.Injured!.Text.ShouldBe("wounding five");
    }

    [Fact]
    public void The_one_shot_dead_is_the_object_not_the_gunman()
    {
        var text = StandardPipeline.Default.Process("A gunman shot dead a cobbler in Ferris on Monday.");
        var e = EventReader.Default.Read(text).Events.Single(e => e.Fatalities is not null);
        e.Fatalities!.Text.ShouldBe("shot dead a cobbler");
    }

    [Fact]
    public void Events_of_other_types_get_no_casualties()
    {
        var text = StandardPipeline.Default.Process("The minister rejected the proposal after two people were killed in the protests.");
        EventReader.Default.Read(text).Events.Where(e => e.Type != PloverType.Assault)
            .ShouldAllBe(e => e.Fatalities == null && e.Injured == null);
    }

    /// <summary>The range with the largest upper end (its minimum when unbounded ranges tie); null when none.</summary>
    private static CountRange? Largest(IEnumerable<CountRange?> ranges) =>
        ranges.Where(r => r is not null).OrderByDescending(r => r!.Max ?? decimal.MaxValue).ThenByDescending(r => r!.Min).FirstOrDefault();

    private static string Describe(CountRange? r) => r is null ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{r.Min} {(r.Max is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}");
}
