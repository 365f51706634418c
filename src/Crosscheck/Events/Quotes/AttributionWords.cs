using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// The word lists of attribution finding, read once from data/events/attribution-words.txt (embedded): reporting
/// verbs and their forms, hearer verbs, heads of anonymous and document sources, outlet nouns, pronouns, the words
/// between a source and its verb, post-modifier links and office titles. Matching ignores case.
/// </summary>
internal static class AttributionWords
{
    private const string Resource = "Crosscheck.Events.attribution-words.txt";

    private static readonly Dictionary<string, List<string>> Sections = Read();

    /// <summary>Reporting verbs by form, mapped to their lemma.</summary>
    public static readonly FrozenDictionary<string, string> CueVerbs = BuildCueVerbs();

    public static readonly FrozenSet<string> HearerVerbs = Set("hearer-verbs");
    public static readonly FrozenSet<string> AnonymousHeads = Set("anonymous-heads");
    public static readonly FrozenSet<string> DocumentHeads = Set("document-heads");
    public static readonly FrozenSet<string> OutletNouns = Set("outlet-nouns");
    public static readonly FrozenSet<string> Pronouns = Set("pronouns");
    public static readonly FrozenSet<string> VerbPrefixes = Set("verb-prefixes");
    public static readonly FrozenSet<string> NounPhraseLinks = Set("noun-phrase-links");
    public static readonly FrozenSet<string> TitleWords = Set("title-words");

    private static FrozenSet<string> Set(string section) => Section(section).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static List<string> Section(string name) =>
        Sections.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"{Resource}: no [{name}] section");

    private static Dictionary<string, List<string>> Read()
    {
        using var stream = typeof(AttributionWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} was not built into Crosscheck.dll");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var body = (hash >= 0 ? line[..hash] : line).Trim();
            if (body.Length == 0) continue;
            if (body[0] == '[' && body[^1] == ']')
            {
                current = [];
                sections[body[1..^1]] = current;
                continue;
            }
            if (current is null) throw new InvalidOperationException($"{Resource}: words before the first section");
            current.AddRange(body.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return sections;
    }

    /// <summary>Each base form with its regular inflections (-s/-es/-ies, -d/-ed/-ied), then the listed irregular forms.</summary>
    private static FrozenDictionary<string, string> BuildCueVerbs()
    {
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Section("cue-verbs"))
        {
            var consonantY = v.EndsWith('y') && !v.EndsWith("ay", StringComparison.Ordinal);
            forms[v] = v;
            forms[consonantY ? v[..^1] + "ies" : v.EndsWith('s') || v.EndsWith('h') ? v + "es" : v + "s"] = v;
            forms[v.EndsWith('e') ? v + "d" : consonantY ? v[..^1] + "ied" : v + "ed"] = v;
        }
        foreach (var pair in Section("cue-verb-forms"))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1) throw new InvalidOperationException($"{Resource}: '{pair}' is not form=lemma");
            forms[pair[..eq]] = pair[(eq + 1)..];
        }
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
