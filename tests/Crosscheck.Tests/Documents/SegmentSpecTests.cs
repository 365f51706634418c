using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Runs the examples in Specs/segments.spec.md: plain text in, segment kinds out.</summary>
public sealed class SegmentSpecTests
{
    private const string Spec = "segments.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Plain_text_gets_the_segment_kinds_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var doc = new DocumentReader().ReadBytes("spec.txt", System.Text.Encoding.UTF8.GetBytes(example["text"]), ".txt").Single().Document!;
        doc.Segments.Select(s => Segment.Name(s.Kind)).ShouldBe(example.Lines("kinds"), $"segments: {string.Join(" | ", doc.Segments.Select(s => Segment.Name(s.Kind) + ": " + doc.Slice(s)))}");
    }

    [Fact]
    public void The_spec_file_has_examples()
    {
        SpecFile.Load(Spec).Count.ShouldBeGreaterThanOrEqualTo(10);
    }
}
