using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// The word lists of attribution finding, read once from data/events/attribution-words.txt (embedded): reporting
/// verbs and their forms, hearer verbs, heads of anonymous and document sources, outlet nouns, pronouns, the words
/// between a source and its verb, post-modifier links and office titles. Matching ignores case.
/// </summary>
internal static class AttributionWords
{
    private const string FileName = "attribution-words.txt";

    private static readonly FrozenDictionary<string, string[]> Sections = WordListFile.LoadEmbedded(FileName);

    /// <summary>Reporting verbs by form, mapped to their lemma.</summary>
    public static readonly FrozenDictionary<string, string> CueVerbs = BuildVerbs("cue-verbs", "cue-verb-forms");

    /// <summary>Verbs that report words only next to a quotation or a colon ("continued: “…”"), by form, mapped to their lemma.</summary>
    public static readonly FrozenDictionary<string, string> QuoteVerbs = BuildVerbs("quote-verbs", "quote-verb-forms");

    public static readonly FrozenSet<string> HearerVerbs = Set("hearer-verbs");
    public static readonly FrozenSet<string> AnonymousHeads = Set("anonymous-heads");
    public static readonly FrozenSet<string> DocumentHeads = Set("document-heads");
    public static readonly FrozenSet<string> OutletNouns = Set("outlet-nouns");
    public static readonly FrozenSet<string> Pronouns = Set("pronouns");
    public static readonly FrozenSet<string> VerbPrefixes = Set("verb-prefixes");

    /// <summary>Words of <see cref="VerbPrefixes"/> that negate the reporting verb ("has not confirmed").</summary>
    public static readonly FrozenSet<string> FrameNegations = Set("frame-negations");
    public static readonly FrozenSet<string> NounPhraseLinks = Set("noun-phrase-links");
    public static readonly FrozenSet<string> TitleWords = Set("title-words");

    /// <summary>Prepositions that credit their object like "according to" when a comma or closing mark comes before them ("…, per the bylaws").</summary>
    public static readonly FrozenSet<string> SourcePrepositions = Set("source-prepositions");

    /// <summary>Subordinators between a comma and a participle frame ("…, while chanting “…”").</summary>
    public static readonly FrozenSet<string> ParticipleOpeners = Set("participle-openers");

    /// <summary>Auxiliaries: a past participle after one is a verb, not part of a source phrase.</summary>
    public static readonly FrozenSet<string> Auxiliaries = Set("auxiliaries");

    /// <summary>Words before a reporting verb that make it a passive or an infinitive, with no source before it; compared as written.</summary>
    public static readonly FrozenSet<string> PassiveMarkers = Section("passive-markers").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reporting verbs (lemmas) whose participle after a comma frames no content ("…, hoping that").</summary>
    public static readonly FrozenSet<string> NoParticipleFrame = Section("no-participle-frame").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adjectives that open a source's post-modifier ("sources familiar with"); compared as written.</summary>
    public static readonly FrozenSet<string> PostModifierAdjectives = Section("post-modifier-adjectives").ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Set(string section) => Section(section).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static string[] Section(string name) => WordListFile.Section(Sections, name, FileName);

    /// <summary>Each base form with its regular inflections (-s/-es/-ies, -d/-ed/-ied, -ing), then the listed irregular forms.</summary>
    private static FrozenDictionary<string, string> BuildVerbs(string baseSection, string formSection)
    {
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Section(baseSection))
        {
            var consonantY = v.EndsWith('y') && !v.EndsWith("ay", StringComparison.Ordinal);
            forms[v] = v;
            forms[consonantY ? v[..^1] + "ies" : v.EndsWith('s') || v.EndsWith('h') ? v + "es" : v + "s"] = v;
            forms[v.EndsWith('e') ? v + "d" : consonantY ? v[..^1] + "ied" : v + "ed"] = v;
            forms[v.EndsWith('e') && !v.EndsWith("ee", StringComparison.Ordinal) ? v[..^1] + "ing" : v + "ing"] = v;
        }
        foreach (var (form, lemma) in WordListFile.Pairs(Section(formSection), formSection, FileName)) forms[form] = lemma;
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
