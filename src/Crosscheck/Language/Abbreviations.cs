using System.Collections.Frozen;

namespace Crosscheck.Language;

/// <summary>How an abbreviation that ends in a period behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    None,
    /// <summary>A title or initial that always precedes a name: "Gen.", "Mr.", "J." never end a sentence.</summary>
    Title,
    /// <summary>Keeps its period only before a number: "No. 2", "Art. 5".</summary>
    BeforeNumber,
    /// <summary>Anything else ("U.S.", "Inc.", "Sept.", "a.m."): ends a sentence only before a typical sentence opener.</summary>
    General,
}

/// <summary>The abbreviations of English news prose, which keep their period as part of the token.</summary>
internal static class Abbreviations
{
    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt", "adm", "brig",
        "sgt", "cpl", "pvt", "pfc", "spc", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "rev", "hon", "amb",
        "supt", "insp", "det", "atty", "sr", "jr", "st", "mt", "ft", "fr", "gens",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BeforeNumberOnly = FrozenSet.ToFrozenSet(
        ["no", "nos", "art", "arts", "vol", "fig", "pp", "p", "sec", "para", "ch"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> General = FrozenSet.ToFrozenSet(
    [
        // months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
        // companies, places, misc
        "inc", "corp", "co", "ltd", "llc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "hwy",
        "vs", "etc", "approx", "est", "al", "cf", "ca", "min", "max", "govt", "intl", "natl",
        // US states as the AP abbreviates them
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
        "va", "vt", "wash", "wis", "wyo",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open sentences; after a general abbreviation they signal a sentence end.</summary>
    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On",
        "At", "By", "For", "From", "To", "With", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our",
        "My", "There", "Here", "When", "While", "After", "Before", "However", "Meanwhile", "Still", "Also", "If",
        "As", "Since", "Although", "Though", "Many", "Some", "Most", "Other", "Others", "No", "Not", "One", "Two",
        "What", "Who", "Why", "How", "Where", "Officials", "Earlier", "Later", "Now", "Then",
    ], StringComparer.Ordinal);

    /// <summary>Classifies <paramref name="word"/>, which ends in a period and may contain inner periods.</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word[^1] != '.') return AbbreviationKind.None;
        var stem = word[..^1];
        // A single capital initial: "J." in "John F. Kennedy".
        if (stem.Length == 1 && char.IsUpper(stem[0])) return AbbreviationKind.Title;
        if (IsLetterDotSequence(word)) return AbbreviationKind.General;
        var lookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(stem)) return AbbreviationKind.Title;
        if (BeforeNumberOnly.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem)) return AbbreviationKind.BeforeNumber;
        if (General.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem)) return AbbreviationKind.General;
        return AbbreviationKind.None;
    }

    /// <summary>"U.S.", "a.m.", "U.N.", "e.g.": single letters each followed by a period, at least two of them.</summary>
    public static bool IsLetterDotSequence(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word.Length % 2 != 0) return false;
        for (var i = 0; i < word.Length; i += 2)
        {
            if (!char.IsLetter(word[i]) || word[i + 1] != '.') return false;
        }
        return true;
    }

    public static bool IsSentenceOpener(string word) => Openers.Contains(word);
}
