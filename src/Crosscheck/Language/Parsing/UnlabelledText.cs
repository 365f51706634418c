using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Sentences of unlabelled text for learning word classes: the news of ECB+ (its tokens), the PolNeAR training
/// articles, the GVDB articles (its tokens), the CASE 2021 snippets, the words of the entity data (GMB, WNUT-17
/// train and dev, WikiGold, re3d; their labels unused), and the words of CoNLL-U treebanks. The raw texts
/// are tokenized by the pipeline's <see cref="Tokenizer"/>, one paragraph a sequence. Missing sources are skipped.
/// </summary>
internal static partial class UnlabelledText
{
    [GeneratedRegex("<token [^>]*sentence=\"(\\d+)\"[^>]*>([^<]*)</token>")]
    private static partial Regex EcbToken();

    public static IEnumerable<IReadOnlyList<string>> Read(string sharedData, IEnumerable<string> treebanks)
    {
        var ecb = Path.Combine(sharedData, "ecbplus");
        if (Directory.Exists(ecb))
            foreach (var file in Directory.EnumerateFiles(ecb, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var group in EcbToken().Matches(File.ReadAllText(file)).GroupBy(m => m.Groups[1].Value))
                    yield return [.. group.Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))];
        var polnear = Path.Combine(sharedData, "polnear", "train", "text");
        if (Directory.Exists(polnear))
            foreach (var file in Directory.EnumerateFiles(polnear, "*.txt").Order(StringComparer.Ordinal))
                foreach (var line in File.ReadLines(file))
                    if (!string.IsNullOrWhiteSpace(line)) yield return Tokenizer.Default.Tokenize(line).Words.ToArray();
        var gvdb = Path.Combine(sharedData, "gvdb", "dev.json");
        if (File.Exists(gvdb))
            foreach (var line in File.ReadLines(gvdb))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var doc = JsonDocument.Parse(line);
                if (!doc.RootElement.TryGetProperty("full_text", out var text) || text.ValueKind != JsonValueKind.Array) continue;
                foreach (var sentence in text.EnumerateArray())
                    yield return [.. sentence.EnumerateArray().Select(t => t.GetString() ?? "")];
            }
        var caseSnippets = Path.Combine(sharedData, "case2021", "dev.tsv");
        if (File.Exists(caseSnippets))
            foreach (var line in File.ReadLines(caseSnippets).Skip(1))
                if (line.Split('\t') is { Length: >= 2 } fields) yield return Tokenizer.Default.Tokenize(fields[1]).Words.ToArray();
        var ner = Path.Combine(sharedData, "ner");
        if (Directory.Exists(ner))
            foreach (var file in Directory.EnumerateFiles(ner, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".csv", StringComparison.Ordinal)) foreach (var sentence in CsvTokens(file)) yield return sentence;
                else if (name.Contains(".conll", StringComparison.Ordinal) && !file.Contains("/test/", StringComparison.Ordinal))
                    foreach (var sentence in ColumnTokens(file)) yield return sentence;
            }
        foreach (var treebank in treebanks)
            foreach (var sentence in ConlluReader.ReadFile(treebank)) yield return sentence.Words;
    }

    /// <summary>Sentences of a file with a token per line, first in its tab- or space-separated columns; blank lines end sentences.</summary>
    private static IEnumerable<IReadOnlyList<string>> ColumnTokens(string file)
    {
        var sentence = new List<string>();
        foreach (var line in File.ReadLines(file))
        {
            var end = line.IndexOfAny(['\t', ' ']);
            var token = end < 0 ? line : line[..end];
            if (token.Length == 0 || token.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (sentence.Count > 0) yield return sentence;
                sentence = [];
                continue;
            }
            sentence.Add(token);
        }
        if (sentence.Count > 0) yield return sentence;
    }

    /// <summary>
    /// Sentences of a "sentence, word, tag, label" table whose first column marks each sentence's first word. The word is
    /// what lies between the first comma and the last two (a quoted word keeps its quotes).
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> CsvTokens(string file)
    {
        var sentence = new List<string>();
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var last = line.LastIndexOf(',');
            var beforeLast = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            if (first < 0 || beforeLast <= first) continue;
            if (first > 0 && sentence.Count > 0)
            {
                yield return sentence;
                sentence = [];
            }
            sentence.Add(line[(first + 1)..beforeLast]);
        }
        if (sentence.Count > 0) yield return sentence;
    }
}
