using System.Collections.Frozen;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// The word lists of <c>data/events/incident-words.txt</c> and <c>data/events/disputes.txt</c> (embedded), read once per
/// process. Entries compare ignoring case; '_' in an entry joins the words of a phrase.
/// </summary>
internal static class IncidentWords
{
    private const string File = "incident-words.txt";
    private const string DisputeFile = "disputes.txt";

    private static readonly Lazy<FrozenDictionary<string, string[]>> Words = new(() => WordListFile.LoadEmbedded(File));
    private static readonly Lazy<FrozenDictionary<string, string[]>> DisputeWords = new(() => WordListFile.LoadEmbedded(DisputeFile));
    private static readonly Lazy<FrozenDictionary<string, string>> Countries = new(() =>
        WordListFile.Pairs(Section(File, "country-words"), "country-words", File).ToFrozenDictionary(p => p.Key, p => p.Value.Replace('_', ' '), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<FrozenDictionary<string, string>> Plurals = new(() =>
        WordListFile.Pairs(Section(File, "title-nouns"), "title-nouns", File).ToFrozenDictionary(p => p.Key.Replace('_', ' '), p => p.Value.Replace('_', ' '), StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenDictionary<string, string>> Targets = new(() =>
        WordListFile.Pairs(Section(File, "target-words"), "target-words", File).ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));

    public static string[] Rising => Section(File, "rising");

    /// <summary>Title nouns of attacks, singular to plural ("strike" → "strikes").</summary>
    public static FrozenDictionary<string, string> TitleNouns => Plurals.Value;

    /// <summary>The word before a target in a title for a PLOVER type name ("ASSAULT" → "on"); null when the type names none.</summary>
    public static string? TargetWord(string type) => Targets.Value.GetValueOrDefault(type);

    public static FrozenSet<string> SideWords { get; } = Set(File, "side-words");

    /// <summary>A side's weapons, which stand for the side that fired them ("a Russian missile").</summary>
    public static FrozenSet<string> Munitions { get; } = Set(File, "munitions");

    public static string[] Official => Section(File, "official");

    public static string[] Critic => Section(File, "critic");

    public static FrozenSet<string> PlacePrepositions { get; } = Set(File, "place-prepositions");

    /// <summary>Words for one side's armed people in a toll's victims (a side's count, not a campaign's whole).</summary>
    public static FrozenSet<string> Combatants { get; } = Set(File, "combatants");

    /// <summary>Reporting verbs that make a count one side's claim ("claimed", "alleges"), not one the reports agree on.</summary>
    public static FrozenSet<string> ClaimVerbs { get; } = Set(File, "claim-verbs");

    public static FrozenSet<string> PlaceArticles { get; } = Set(File, "place-articles");

    public static FrozenSet<string> ArticleNames { get; } = Set(File, "article-names");

    public static FrozenSet<string> PlaceNouns { get; } = Set(File, "place-nouns");

    /// <summary>Words that keep a phrase out of a title as its target (pronouns, bare quantities).</summary>
    public static FrozenSet<string> NotInTarget { get; } = Set(File, "not-in-target");
    /// <summary>"town", "village": a target they head is the place itself when the incident lies at a town or city.</summary>
    public static FrozenSet<string> SettlementNouns { get; } = Set(File, "settlement-nouns");

    /// <summary>Last words of a weapon fired, never a title's target ("bombs").</summary>
    public static FrozenSet<string> FiredWords { get; } = Set(File, "fired-words");

    /// <summary>Words of a day that keep a phrase out of a title as its actor ("Later Tuesday").</summary>
    public static FrozenSet<string> NotInActor { get; } = Set(File, "not-in-actor");

    /// <summary>PLOVER types of what is said, not done: titled by who and against whom, placed only at a town or city.</summary>
    public static FrozenSet<string> SpokenTypes { get; } = Set(File, "spoken-types");
    /// <summary>"first", "other", "same": words after "the" that place a target in its report, dropped in a title of one attack.</summary>
    public static FrozenSet<string> ReportRelativeWords { get; } = Set(File, "report-relative-words");

    /// <summary>How a title names the side of a country (ISO code), from the file's list; null when it has none.</summary>
    public static string? CountryWords(string iso2) => Countries.Value.GetValueOrDefault(iso2);

    public static string[] Dispute(string section) => Section(DisputeFile, section);

    public static FrozenSet<string> DisputeSet(string section) => Set(DisputeFile, section);

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="entries"/> as whole words (phrases joined by '_').</summary>
    public static bool HasAny(string text, IEnumerable<string> entries) => FirstOf(text, entries) is not null;

    /// <summary>The first entry of <paramref name="entries"/> that <paramref name="text"/> holds as whole words; null when none.</summary>
    public static string? FirstOf(string text, IEnumerable<string> entries)
    {
        var words = Split(text);
        foreach (var entry in entries)
        {
            var phrase = entry.Split('_');
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                var all = true;
                for (var j = 0; j < phrase.Length && all; j++) all = string.Equals(words[i + j], phrase[j], StringComparison.OrdinalIgnoreCase);
                if (all) return entry.Replace('_', ' ');
            }
        }
        return null;
    }

    /// <summary>The words of a text: runs of letters, digits, hyphens and apostrophes.</summary>
    public static string[] Split(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' or '’');
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { words.Add(text[start..i]); start = -1; }
        }
        return [.. words];
    }

    private static string[] Section(string file, string name) =>
        WordListFile.Section(file == File ? Words.Value : DisputeWords.Value, name, file);

    private static FrozenSet<string> Set(string file, string name) => Section(file, name).Select(w => w.Replace('_', ' ')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
