using System.Globalization;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// One sentence of a dependency treebank: its words (syntactic words, multiword-token ranges and empty nodes left out),
/// tags, and tree. <see cref="Heads"/> are 0-based indexes into the sentence, -1 for the root.
/// </summary>
internal sealed record TreebankSentence(string Id, string Text, string[] Words, string[] Lemmas, string[] Upos, string[] Xpos,
    int[] Heads, string[] Relations)
{
    public int Length => Words.Length;
}

/// <summary>
/// Reads CoNLL-U (Universal Dependencies): ten tab-separated columns per word, comment lines before a sentence, a blank
/// line after it. Multiword-token range lines (<c>3-4</c>) and empty nodes (<c>5.1</c>) are skipped; a word's HEAD must
/// name a word of its sentence or 0. A malformed line fails with <see cref="CorpusFormatException"/> naming the file and line.
/// </summary>
internal static class ConlluReader
{
    public static List<TreebankSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static List<TreebankSentence> Read(TextReader reader, string name)
    {
        var sentences = new List<TreebankSentence>();
        var rows = new List<(string[] Columns, int Line)>();
        string id = "", text = "";
        var lineNumber = 0;
        var startLine = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().IsWhiteSpace())
            {
                if (rows.Count > 0) sentences.Add(Build(rows, id, text, name, startLine));
                rows.Clear();
                id = text = "";
                startLine = lineNumber + 1;
                continue;
            }
            if (line[0] == '#')
            {
                if (TryComment(line, "sent_id", out var value)) id = value;
                else if (TryComment(line, "text", out value)) text = value;
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 10) throw new CorpusFormatException(name, lineNumber, $"expected 10 tab-separated columns, found {columns.Length}");
            if (columns[0].Contains('-') || columns[0].Contains('.')) continue;
            rows.Add((columns, lineNumber));
        }
        if (rows.Count > 0) sentences.Add(Build(rows, id, text, name, startLine));
        return sentences;
    }

    private static bool TryComment(string line, string key, out string value)
    {
        value = "";
        var body = line.AsSpan(1).TrimStart();
        if (!body.StartsWith(key, StringComparison.Ordinal)) return false;
        var rest = body[key.Length..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=') return false;
        value = rest[1..].Trim().ToString();
        return true;
    }

    private static TreebankSentence Build(List<(string[] Columns, int Line)> rows, string id, string text, string name, int startLine)
    {
        var n = rows.Count;
        var words = new string[n];
        var lemmas = new string[n];
        var upos = new string[n];
        var xpos = new string[n];
        var heads = new int[n];
        var relations = new string[n];
        for (var i = 0; i < n; i++)
        {
            var (c, line) = rows[i];
            if (!int.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index != i + 1)
                throw new CorpusFormatException(name, line, $"word ID '{c[0]}' where {i + 1} was expected");
            if (!int.TryParse(c[6], NumberStyles.None, CultureInfo.InvariantCulture, out var head) || head > n)
                throw new CorpusFormatException(name, line, $"HEAD '{c[6]}' is not 0 or a word of the sentence (1 to {n})");
            if (c[1].Length == 0) throw new CorpusFormatException(name, line, "empty FORM");
            words[i] = c[1];
            lemmas[i] = c[2];
            upos[i] = c[3];
            xpos[i] = c[4];
            heads[i] = head - 1;
            relations[i] = c[7];
        }
        if (id.Length == 0) id = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(name)}:{startLine}");
        return new TreebankSentence(id, text, words, lemmas, upos, xpos, heads, relations);
    }
}
