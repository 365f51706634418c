using System.Text.RegularExpressions;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Runs the examples in Specs/segments.spec.md: plain text in, segment kinds out.</summary>
public sealed partial class SegmentSpecTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in SpecFile.Load()) data.Add(example.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Plain_text_gets_the_segment_kinds_the_spec_lists(string name)
    {
        var example = SpecFile.Load().Single(e => e.Name == name);
        var doc = new DocumentReader().ReadBytes("spec.txt", System.Text.Encoding.UTF8.GetBytes(example.Text), ".txt").Single().Document!;
        doc.Segments.Select(s => Segment.Name(s.Kind)).ShouldBe(example.Kinds, $"segments: {string.Join(" | ", doc.Segments.Select(s => Segment.Name(s.Kind) + ": " + doc.Slice(s)))}");
    }

    [Fact]
    public void The_spec_file_has_examples()
    {
        SpecFile.Load().Count.ShouldBeGreaterThanOrEqualTo(10);
    }

    internal sealed record Example(string Name, string Text, string[] Kinds);

    internal static partial class SpecFile
    {
        public static List<Example> Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Specs", "segments.spec.md");
            var spec = File.ReadAllText(path);
            var examples = new List<Example>();
            foreach (Match m in ExamplePattern().Matches(spec))
            {
                var kinds = m.Groups["kinds"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                examples.Add(new Example(m.Groups["name"].Value.Trim(), m.Groups["text"].Value, kinds));
            }
            return examples;
        }

        [GeneratedRegex(@"^## (?<name>[^\n]+)\n\n```text\n(?<text>.*?)```\n\n```kinds\n(?<kinds>.*?)```", RegexOptions.Singleline | RegexOptions.Multiline)]
        private static partial Regex ExamplePattern();
    }
}
