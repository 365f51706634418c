using System.Globalization;
using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

/// <summary>Runs Specs/numbers.spec.md: text in, numbers with their words and units out.</summary>
public sealed class NumberSpecTests
{
    private const string Spec = "numbers.spec.md";
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new NumberRecognizer()).Build();

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_numbers_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var analyzed = Pipeline.Process(example["text"].TrimEnd('\n'));
        analyzed.Numbers.Select(Describe).ShouldBe(example.Lines("expect").Select(Canonical), name);
    }

    [Fact]
    public void The_spec_file_has_at_least_25_examples_with_negative_cases()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(25);
        examples.Count(e => e.Lines("expect").Length == 0).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void Numbers_are_in_text_order_and_never_overlap()
    {
        var analyzed = Pipeline.Process("At least 12 people and 3 to 5 drones, dozens of homes, 1.2bn dollars and two officials and one source.");
        analyzed.Numbers.Length.ShouldBe(5);
        for (var i = 1; i < analyzed.Numbers.Length; i++)
            analyzed.Numbers[i].Span.StartToken.ShouldBeGreaterThanOrEqualTo(analyzed.Numbers[i - 1].Span.EndToken);
    }

    [Fact]
    public void A_pipeline_without_the_sentence_splitter_is_refused()
    {
        Should.Throw<PipelineException>(() => new LanguagePipelineBuilder().Add(new NumberRecognizer()).Build());
    }

    private static string Describe(NumberMention n)
    {
        var line = $"{n.Min.ToString(CultureInfo.InvariantCulture)} {n.Max?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {n.Span.Text}";
        return n.Unit is null ? line : $"{line} | {n.Unit}";
    }

    /// <summary>The spec's line with its spacing normalized: "min max | words[ | unit]".</summary>
    private static string Canonical(string line) => string.Join(" | ", line.Split('|').Select(p => p.Trim()));
}
