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
        var lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", fileName)).ReplaceLineEndings("\n").Split('\n');
        var examples = new List<Example>();
        string? name = null;
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? info = null;
        var body = new System.Text.StringBuilder();
        // A heading may hold several examples: a block whose kind the example already has starts the next one, named
        // "heading (2)", "heading (3)", … so that every example runs, not only the last.
        var number = 1;
        void Flush()
        {
            if (name is not null && blocks.Count > 0) examples.Add(new Example(number == 1 ? name : $"{name} ({number})", blocks));
            blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        foreach (var line in lines)
        {
            if (info is not null)
            {
                // Inside a fenced block everything is content, "## " lines included.
                if (line == "```") { blocks[info] = body.ToString(); info = null; body.Clear(); }
                else body.Append(line).Append('\n');
                continue;
            }
            var fence = Fence().Match(line);
            if (fence.Success)
            {
                info = fence.Groups["info"].Value;
                if (blocks.ContainsKey(info)) { Flush(); number++; }
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); name = line[3..].Trim(); number = 1; }
        }
        Flush();
        return examples;
    }

    public static TheoryData<string> Names(string fileName)
    {
        var data = new TheoryData<string>();
        foreach (var e in Load(fileName)) data.Add(e.Name);
        return data;
    }

    [GeneratedRegex(@"^```(?<info>[a-z-]+)$")]
    private static partial Regex Fence();
}
