using System.Text.RegularExpressions;

namespace Crosscheck.Tests;

/// <summary>
/// Reads a Markdown spec file from Specs/: each example is a "## name" heading followed by fenced blocks,
/// each named by its info string ("text", "sentences", "expect" ...). Prose between blocks is documentation.
/// </summary>
internal static partial class SpecFile
{
    internal sealed record Example(string Name, IReadOnlyDictionary<string, string> Blocks)
    {
        public string this[string block] => Blocks.TryGetValue(block, out var v) ? v : throw new KeyNotFoundException($"Example '{Name}' has no ```{block} block.");

        public string[] Lines(string block) => this[block].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static List<Example> Load(string fileName)
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", fileName)).ReplaceLineEndings("\n");
        var examples = new List<Example>();
        var sections = Heading().Split(spec);
        // Split with a capture group gives [preamble, name1, body1, name2, body2, ...].
        for (var i = 1; i + 1 < sections.Length; i += 2)
        {
            var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in Block().Matches(sections[i + 1])) blocks[m.Groups["info"].Value] = m.Groups["body"].Value;
            if (blocks.Count > 0) examples.Add(new Example(sections[i].Trim(), blocks));
        }
        return examples;
    }

    public static TheoryData<string> Names(string fileName)
    {
        var data = new TheoryData<string>();
        foreach (var e in Load(fileName)) data.Add(e.Name);
        return data;
    }

    [GeneratedRegex(@"^## +(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```(?<info>[a-z-]+)\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Block();
}
