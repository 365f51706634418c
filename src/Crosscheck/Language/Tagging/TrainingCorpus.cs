using System.Text;

namespace Crosscheck.Language.Tagging;

/// <summary>
/// One sentence of training data: its words and, when the source has them, Penn Treebank tags and BIO
/// entity tags in our types (see <see cref="EntityLabels"/>). <see cref="Index"/> counts sentences from 0 within the file.
/// </summary>
internal sealed record TaggedSentence(string Source, int Index, string[] Words, string[]? Pos, string[]? Entities)
{
    /// <summary>Whether the sentence belongs to the held-out evaluation slice, which training leaves out by default.</summary>
    public bool IsHeldOut => HeldOutSlice.Contains(Source, Index);
}

/// <summary>
/// The evaluation slice carved from the training sources: a sentence is held out when FNV-1a 64 of its file's
/// name (without folders) joined with '#' and its sentence index in the file, modulo 10, is 0. About one
/// sentence in ten, chosen the same way wherever the file lies and whichever other files are read with it,
/// and spread over small files too (re3d has a file per document of about eight sentences).
/// </summary>
internal static class HeldOutSlice
{
    public static bool Contains(string source, int index)
    {
        var key = Path.GetFileName(source) + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return FeatureHash.Text(key) % 10 == 0;
    }
}

/// <summary>A training file that cannot be read: the message names the file and line.</summary>
internal sealed class CorpusFormatException(string path, int line, string reason)
    : Exception(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}

/// <summary>
/// Reads tagging corpora, detecting the format of each file from its first line:
/// <list type="bullet">
/// <item>GMB CSV (<c>Sentence #,Word,POS,Tag</c>, the sentence label only on a sentence's first row, CSV quoting;
/// titles before a person's name are taken out of the PERSON span);</item>
/// <item>the factuality CoNLL export, 7 tab-separated columns (index, token, factuality, POS, head, dependency, lemma): POS tags only;</item>
/// <item>CoNLL <c>token&lt;TAB&gt;tag</c> or <c>token tag</c>, blank lines between sentences, <c>-DOCSTART-</c> lines skipped: entity tags only.</item>
/// </list>
/// Directories are read recursively in ordinal path order, taking files named *.conll, *.conll.txt, *.csv, *.tsv, *.iob,
/// *.bio and *.annotated (so licence and readme files beside the data are skipped).
/// </summary>
internal static class TrainingCorpus
{
    private static readonly string[] DataSuffixes = [".conll", ".conll.txt", ".csv", ".tsv", ".iob", ".bio", ".annotated"];

    /// <summary>The Penn Treebank tag set (with the bracket tags as -LRB- and -RRB-).</summary>
    public static readonly HashSet<string> PennTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$",
        "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB",
        "$", "#", "``", "''", ",", ".", ":", "-LRB-", "-RRB-",
    };

    /// <summary>
    /// Tag spellings outside the Penn set and what they are in it: GMB writes LRB, RRB and a bare ';';
    /// the factuality export (OntoNotes-style tags) adds HYPH and NFP (punctuation, PTB ':'), AFX (a detached
    /// prefix such as "pre", JJ), ADD (an address, NN) and XX (unknown, FW).
    /// </summary>
    private static readonly Dictionary<string, string> PosSpellings = new(StringComparer.Ordinal)
    {
        ["LRB"] = "-LRB-", ["RRB"] = "-RRB-", ["("] = "-LRB-", [")"] = "-RRB-", [";"] = ":",
        ["HYPH"] = ":", ["NFP"] = ":", ["AFX"] = "JJ", ["ADD"] = "NN", ["XX"] = "FW",
    };

    /// <summary>A tag in the spelling the tagger is trained with (HYPH as ':', LRB as -LRB-, ...); other tags unchanged.</summary>
    public static string PennSpelling(string tag) => PosSpellings.GetValueOrDefault(tag, tag);

    /// <summary>The files a list of paths stands for; a path that does not exist fails.</summary>
    public static List<string> Files(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => DataSuffixes.Any(s => f.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal));
            else throw new CorpusFormatException(path, 0, "no such file or directory");
        }
        return files;
    }

    public static List<TaggedSentence> Read(IEnumerable<string> paths)
    {
        var sentences = new List<TaggedSentence>();
        foreach (var file in Files(paths)) sentences.AddRange(ReadFile(file));
        return sentences;
    }

    public static List<TaggedSentence> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new CorpusFormatException(path, 0, "not UTF-8 text");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusFormatException(path, 0, $"cannot read ({ex.Message})");
        }
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0 && !IsDocStart(l));
        if (first < 0) throw new CorpusFormatException(path, 0, "no sentences (empty file)");
        var line = lines[first].TrimEnd('\r');
        if (line.StartsWith("Sentence #,", StringComparison.Ordinal)) return ReadGmb(path, lines);
        var tabs = line.Split('\t');
        if (tabs.Length == 7 && int.TryParse(tabs[0], out _)) return ReadColumns(path, lines, '\t', 7);
        if (tabs.Length == 2) return ReadColumns(path, lines, '\t', 2);
        if (line.Split(' ').Length == 2) return ReadColumns(path, lines, ' ', 2);
        throw new CorpusFormatException(path, first + 1,
            "unknown format (expected GMB CSV with a 'Sentence #,Word,POS,Tag' header, 'token<TAB>tag' or 'token tag' CoNLL, or the 7-column factuality CoNLL)");
    }

    private static bool IsDocStart(string line) => line.StartsWith("-DOCSTART-", StringComparison.Ordinal);

    private static List<TaggedSentence> ReadColumns(string path, string[] lines, char separator, int columns)
    {
        var sentences = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        void Flush()
        {
            if (words.Count == 0) return;
            string[] tagArray = [.. tags];
            if (columns == 7)
            {
                sentences.Add(new TaggedSentence(path, sentences.Count, [.. words], tagArray, null));
            }
            else
            {
                EntityLabels.RepairBio(tagArray);
                sentences.Add(new TaggedSentence(path, sentences.Count, [.. words], null, tagArray));
            }
            words.Clear();
            tags.Clear();
        }
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Trim().Length == 0 || IsDocStart(line))
            {
                Flush();
                continue;
            }
            var fields = line.Split(separator);
            if (fields.Length != columns)
                throw new CorpusFormatException(path, n + 1, $"expected {columns} {(separator == '\t' ? "tab" : "space")}-separated columns, found {fields.Length}");
            if (fields[columns == 7 ? 1 : 0].Length == 0) throw new CorpusFormatException(path, n + 1, "empty token");
            words.Add(fields[columns == 7 ? 1 : 0]);
            tags.Add(columns == 7 ? PennTag(fields[3], path, n + 1) : EntityTag(fields[1], path, n + 1));
        }
        Flush();
        return sentences;
    }

    private static List<TaggedSentence> ReadGmb(string path, string[] lines)
    {
        if (lines[0].TrimEnd('\r') != "Sentence #,Word,POS,Tag")
            throw new CorpusFormatException(path, 1, "expected the GMB header 'Sentence #,Word,POS,Tag'");
        var sentences = new List<TaggedSentence>();
        var words = new List<string>();
        var pos = new List<string>();
        var entities = new List<string>();
        void Flush()
        {
            if (words.Count == 0) return;
            string[] entityArray = [.. entities];
            string[] wordArray = [.. words];
            EntityLabels.RepairBio(entityArray);
            EntityLabels.StripPersonTitles(wordArray, entityArray);
            sentences.Add(new TaggedSentence(path, sentences.Count, wordArray, [.. pos], entityArray));
            words.Clear();
            pos.Clear();
            entities.Clear();
        }
        var fields = new List<string>(4);
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (!SplitCsv(line, fields)) throw new CorpusFormatException(path, n + 1, "unbalanced CSV quotes");
            if (fields.Count != 4) throw new CorpusFormatException(path, n + 1, $"expected 4 CSV fields (sentence, word, POS, tag), found {fields.Count}");
            if (fields[0].Length > 0) Flush();
            else if (words.Count == 0) throw new CorpusFormatException(path, n + 1, "the first row has no sentence label");
            if (fields[1].Length == 0) throw new CorpusFormatException(path, n + 1, "empty word");
            words.Add(fields[1]);
            pos.Add(PennTag(fields[2], path, n + 1));
            entities.Add(EntityTag(fields[3], path, n + 1));
        }
        Flush();
        return sentences;
    }

    /// <summary>Splits one CSV record: fields may be quoted, with "" for a quote inside ("""" is a lone quote).</summary>
    private static bool SplitCsv(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) return false;
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') return false;
            }
            else
            {
                while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return true;
            i++; // the comma
        }
    }

    private static string PennTag(string tag, string path, int line)
    {
        var mapped = PosSpellings.GetValueOrDefault(tag, tag);
        return PennTags.Contains(mapped)
            ? PennTags.TryGetValue(mapped, out var shared) ? shared : mapped
            : throw new CorpusFormatException(path, line, $"'{tag}' is not a Penn Treebank tag");
    }

    private static string EntityTag(string tag, string path, int line)
    {
        if (tag == "O") return "O";
        if (tag.Length < 3 || tag[1] != '-' || tag[0] is not ('B' or 'I'))
            throw new CorpusFormatException(path, line, $"'{tag}' is not an entity tag (O, B-TYPE or I-TYPE)");
        if (!EntityLabels.TryMap(tag[2..], out var type))
            throw new CorpusFormatException(path, line, $"unknown entity type '{tag[2..]}' (known: {EntityLabels.KnownSourceTypes})");
        if (type is null) return "O";
        return EntityLabels.Tag(tag[0] == 'B', type);
    }
}
