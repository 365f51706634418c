using System.Collections.Frozen;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>The word lists of <c>data/events/link-words.txt</c> (embedded), read once per process.</summary>
public static partial class LinkFactsBuilder
{
    private const string WordFile = "link-words.txt";

    // The sections of the file; every list below is read from it, so they follow it.
    private static readonly FrozenDictionary<string, string[]> WordSections = WordListFile.LoadEmbedded(WordFile);

    /// <summary>Words that mark a claim as second-hand.</summary>
    private static readonly FrozenSet<string> HedgeWords = WordSet("hedge-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that single out one event of a series.</summary>
    private static readonly FrozenSet<string> SingleWords = WordSet("single-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make an event a series.</summary>
    private static readonly FrozenSet<string> SeriesWords = WordSet("series-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that spread a series over a country ("across Ukraine", "throughout the country").</summary>
    private static readonly FrozenSet<string> SpreadPrepositions = WordSet("spread-prepositions", StringComparer.OrdinalIgnoreCase);

    /// <summary>Area nouns that, after a spreading word, name a whole country or several parts ("across the country", "in several regions").</summary>
    private static readonly FrozenSet<string> SpreadAreas = WordSet("spread-areas", StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns of a whole war ("the border conflict"): its dead are the war's toll, not one attack's.</summary>
    private static readonly FrozenSet<string> WholeWarNouns = WordSet("whole-war-nouns", StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners that make a noun one thing, as written.</summary>
    private static readonly FrozenSet<string> OneDeterminers = WordSet("one-determiners", StringComparer.Ordinal);

    /// <summary>Nouns of one attack, singular ("strike", "bombing"): a toll whose words hold one counts that attack.</summary>
    private static readonly FrozenSet<string> OneAttackNouns = WordSet("one-attack-nouns", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a sentence of another event ("Separately", "Elsewhere"), and "In a separate incident"'s words.</summary>
    private static readonly FrozenSet<string> SeparateOpeners = WordSet("separate-openers", StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> SeparateWords = WordSet("separate-words", StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> SeparateNouns = WordSet("separate-nouns", StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PersonPlurals = WordSet("person-plurals", StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> KillWords = WordSet("kill-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that tell the news as coming after an earlier event ("follows").</summary>
    private static readonly FrozenSet<string> AntecedentVerbs = WordSet("antecedent-verbs", StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that do so with a word of time after them ("comes after", "came amid").</summary>
    private static readonly FrozenSet<string> AntecedentComes = WordSet("antecedent-comes", StringComparer.OrdinalIgnoreCase);

    /// <summary>The words of time those verbs take ("after", "amid", "in the wake of").</summary>
    private static readonly FrozenSet<string> AntecedentLinks = WordSet("antecedent-links", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of the forces' answer to an attack, and of the armed group's men it kills (<see cref="Riposte"/>).</summary>
    private static readonly FrozenSet<string> RiposteCues = WordSet("riposte-cues", StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> RiposteEnemies = WordSet("riposte-enemies", StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> RiposteOwn = WordSet("riposte-own", StringComparer.OrdinalIgnoreCase);

    /// <summary>Units of a lapse before "after" with their days ("days" 1, "week" 7), and the words counting them ("three" 3).</summary>
    private static readonly FrozenDictionary<string, int> LapseUnits = WordNumbers("lapse-units");

    private static readonly FrozenDictionary<string, int> LapseCounts = WordNumbers("lapse-counts");

    /// <summary>The word that tells the event after it as a lapse before the clause's day ("three days after a strike").</summary>
    private static readonly FrozenSet<string> LapseLinks = WordSet("lapse-links", StringComparer.OrdinalIgnoreCase);

    /// <summary>Spans of time that make an event a habit ("for years"), and the words that may stand before them.</summary>
    private static readonly FrozenSet<string> HabitualSpans = WordSet("habitual-spans", StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> HabitualFillers = WordSet("habitual-fillers", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of a side of a country ("north-eastern", "south-west"), next to its name.</summary>
    private static readonly FrozenSet<string> CompassWords = WordSet("compass-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case terms left out of a document's terms.</summary>
    private static readonly FrozenSet<string> StopTerms = WordSet("stop-terms", StringComparer.Ordinal);

    /// <summary>Verbs of telling a rewording site swaps for one another ("stated" for "said"): a sentence is compared without them.</summary>
    internal static readonly FrozenSet<string> TellingVerbs = WordSet("telling-verbs", StringComparer.Ordinal);

    /// <summary>"noun preposition" pairs before a name of the event's place the gazetteers lack (<c>@locality-links</c>).</summary>
    private static readonly FrozenSet<string> LocalityLinks = WordListFile.Pairs(WordListFile.Section(WordSections, "locality-links", WordFile), "locality-links", WordFile)
        .Select(p => p.Key + " " + p.Value).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns of a settlement before "of" and a place's name ("the village of"): the name is a village or town (<c>@settlement-nouns</c>).</summary>
    private static readonly FrozenSet<string> SettlementNouns = WordSet("settlement-nouns", StringComparer.OrdinalIgnoreCase);

    /// <summary>First words of a named undertaking ("Operation Dawn Shield"): the name is no place (<c>@undertaking-names</c>).</summary>
    private static readonly FrozenSet<string> UndertakingNames = WordSet("undertaking-names", StringComparer.Ordinal);

    /// <summary>A section of "word:number" pairs.</summary>
    private static FrozenDictionary<string, int> WordNumbers(string section) =>
        WordListFile.Section(WordSections, section, WordFile)
            .Select(w => w.Split(':'))
            .ToFrozenDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> WordSet(string section, StringComparer comparer) =>
        WordListFile.Section(WordSections, section, WordFile).ToFrozenSet(comparer);
}
