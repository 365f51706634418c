using System.Globalization;
using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

/// <summary>Runs Specs/times.spec.md: text and publication date in, resolved time expressions out (tagged, as in the pipeline).</summary>
public sealed class TimeSpecTests
{
    private const string Spec = "times.spec.md";
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new Crosscheck.Language.Tagging.PartOfSpeechTagger()).Add(new TimeRecognizer()).Build();

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_times_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var published = example["published"].Trim();
        DateOnly? anchor = published == "none" ? null : DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var analyzed = Pipeline.Process(example["text"].TrimEnd('\n'), anchor);
        analyzed.Times.Select(Describe).ShouldBe(example.Lines("expect").Select(Canonical), name);
    }

    [Fact]
    public void The_spec_file_has_at_least_25_examples_with_negative_cases()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(25);
        examples.Count(e => e.Lines("expect").Length == 0).ShouldBeGreaterThanOrEqualTo(2);
        examples.Count(e => e["published"].Trim() == "none").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Every_resolved_time_starts_on_or_before_its_end()
    {
        var analyzed = Pipeline.Process(
            "Last winter, this winter, next spring, late February, early next year, since Friday, a few weeks ago and the past 24 hours.",
            new DateOnly(2024, 2, 29));
        analyzed.Times.Length.ShouldBe(8);
        foreach (var t in analyzed.Times)
        {
            t.IsResolved.ShouldBeTrue(t.Span.Text);
            t.Start!.Value.ShouldBeLessThanOrEqualTo(t.End!.Value, t.Span.Text);
        }
    }

    private static string Describe(TimeMention t) =>
        $"{t.Span.Text} | {Day(t.Start)} | {Day(t.End)} | {t.Precision}";

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Canonical(string line) => string.Join(" | ", line.Split('|').Select(p => p.Trim()));
}
