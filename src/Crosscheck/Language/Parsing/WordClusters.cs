using System.Globalization;
using System.Text;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Word classes learned from unlabelled text (<see cref="ClusterTrainer"/>), looked up by the id of the word's lower
/// case (<see cref="FeatureHash.Lower"/>), so the parser finds a word's class without allocating. Words not listed
/// have class -1. Stored as UTF-8 lines "word TAB class", sorted by word. Immutable and thread-safe.
/// </summary>
internal sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _byId = [];

    public WordClusters(IEnumerable<KeyValuePair<string, int>> classes)
    {
        Words = classes.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        foreach (var (word, c) in Words) _byId[FeatureHash.Lower(word)] = c;
        Count = Words.Length == 0 ? 0 : Words.Max(p => p.Value) + 1;
    }

    public KeyValuePair<string, int>[] Words { get; }

    /// <summary>The number of classes.</summary>
    public int Count { get; }

    /// <summary>The class of the word whose lower-case id is <paramref name="lowerId"/>, or -1.</summary>
    public int Of(ulong lowerId) => _byId.TryGetValue(lowerId, out var c) ? c : -1;

    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var (word, c) in Words) text.Append(word).Append('\t').Append(c.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static WordClusters FromBytes(byte[] bytes, string name)
    {
        var classes = new List<KeyValuePair<string, int>>();
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c > 65535)
                throw new ModelLoadException($"{name}: line {lineNumber} is not 'word TAB class'");
            classes.Add(KeyValuePair.Create(line[..tab], c));
        }
        return new WordClusters(classes);
    }

    public static WordClusters Load(string path)
    {
        if (!File.Exists(path)) throw new ModelLoadException($"{path}: word cluster file not found");
        return FromBytes(File.ReadAllBytes(path), path);
    }
}
