using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Writes an analyzed text as CoNLL-U: per sentence <c># sent_id</c> and <c># text</c>, then per token ID, FORM, LEMMA
/// (<c>_</c>: the language layer has no lemmas yet), UPOS (mapped from the Penn tag by data/language/upos.tsv), XPOS,
/// FEATS <c>_</c>, HEAD, DEPREL, DEPS <c>_</c>, and MISC (<c>SpaceAfter=No</c> when no white space follows the token in the text).
/// </summary>
internal static class ConlluWriter
{
    /// <summary>Writes one document: a <c># newdoc id</c> line, then its sentences.</summary>
    public static void Write(TextWriter output, string documentId, AnnotatedText text)
    {
        output.Write("# newdoc id = ");
        output.WriteLine(OneLine(documentId));
        var number = 0;
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            number++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# sent_id = {OneLine(documentId)}-{number}"));
            output.Write("# text = ");
            output.WriteLine(OneLine(text.Text[sentence.Start..sentence.End]));
            for (var i = sentence.StartToken; i < sentence.EndToken; i++)
            {
                var token = text[i];
                var tag = token.Pos;
                var relation = token.Relation;
                var head = token.HeadIndex;
                var line = new StringBuilder();
                line.Append((i - sentence.StartToken + 1).ToString(CultureInfo.InvariantCulture)).Append('\t');
                line.Append(Field(token.Text)).Append('\t');
                line.Append("_\t");
                line.Append(tag is null ? "_" : UposMap.Map(tag, relation)).Append('\t');
                line.Append(tag is null ? "_" : Field(tag)).Append('\t');
                line.Append("_\t");
                line.Append(relation is null ? "_" : head < 0 ? "0" : (head - sentence.StartToken + 1).ToString(CultureInfo.InvariantCulture)).Append('\t');
                line.Append(relation is null ? "_" : Field(relation)).Append('\t');
                line.Append("_\t");
                line.Append(!token.SpaceAfter && token.End < text.Text.Length ? "SpaceAfter=No" : "_");
                output.WriteLine(line.ToString());
            }
            output.WriteLine();
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Replace('\t', ' ');

    private static string Field(string s)
    {
        var one = OneLine(s);
        return one.Length == 0 ? "_" : one;
    }
}

/// <summary>Penn Treebank tags to Universal Dependencies parts of speech, from data/language/upos.tsv.</summary>
internal static class UposMap
{
    private static readonly Lazy<FrozenDictionary<string, (string Upos, (string Relation, string Upos)[] ByRelation)>> Table = new(Load);

    /// <summary>The UPOS of a token with Penn tag <paramref name="tag"/> attached by <paramref name="relation"/>; X for an unknown tag.</summary>
    public static string Map(string tag, string? relation)
    {
        if (!Table.Value.TryGetValue(tag, out var entry)) return "X";
        if (relation is not null)
            foreach (var (r, upos) in entry.ByRelation)
                if (r == relation) return upos;
        return entry.Upos;
    }

    private static FrozenDictionary<string, (string, (string, string)[])> Load()
    {
        using var stream = typeof(UposMap).Assembly.GetManifestResourceStream("Crosscheck.Language.upos.tsv")
            ?? throw new InvalidOperationException("data/language/upos.tsv was not built into Crosscheck.dll");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, (string, (string, string)[])>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal)) continue;
            var columns = line.Split('\t');
            if (columns.Length < 2) continue;
            var byRelation = columns.Length > 2 && columns[2].Length > 0
                ? columns[2].Split(',').Select(p => p.Split('=')).Where(p => p.Length == 2).Select(p => (p[0], p[1])).ToArray()
                : [];
            table[columns[0]] = (columns[1], byRelation);
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
