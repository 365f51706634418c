using System.Collections.Frozen;

namespace Crosscheck.Language;

/// <summary>
/// Closed-class words and calendar names shared by the number and time recognizers. Every set compares
/// ordinally ignoring case, so a token's string is looked up as it stands, with no lower-casing.
/// </summary>
internal static class Lexicon
{
    /// <summary>Month names and their news abbreviations, with or without the period.</summary>
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan."] = 1, ["feb."] = 2, ["mar."] = 3, ["apr."] = 4, ["jun."] = 6, ["jul."] = 7, ["aug."] = 8,
        ["sep."] = 9, ["sept."] = 9, ["oct."] = 10, ["nov."] = 11, ["dec."] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words that end the noun phrase after a number: prepositions, conjunctions, determiners, auxiliaries, pronouns,
    /// adverbs of where ("aboard"), from <c>data/language/number-phrase-ends.txt</c> (embedded).
    /// </summary>
    private static readonly FrozenSet<string> Stops = FrozenSet.ToFrozenSet(
        Events.WordListFile.LoadEmbedded("number-phrase-ends.txt", "language")["phrase-ends"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that start a sentence or a phrase without naming anything; a number after them is no designator.</summary>
    private static readonly FrozenSet<string> LeadIns = FrozenSet.ToFrozenSet(
    [
        "another", "only", "nearly", "almost", "roughly", "approximately", "more", "fewer", "less", "just", "exactly",
        "around", "about", "some", "over", "under", "up", "at", "between", "from", "and", "but",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words between a number and its noun that are never the noun: "2,000 more troops".</summary>
    private static readonly FrozenSet<string> NotHeads = FrozenSet.ToFrozenSet(
        ["more", "other", "additional", "further", "extra", "others", "such", "same", "different", "separate"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners and possessives allowed in "10,000 of its troops".</summary>
    private static readonly FrozenSet<string> OfDeterminers = FrozenSet.ToFrozenSet(
        ["the", "its", "their", "his", "her", "our", "these", "those", "your", "my"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural nouns without a final s, and nouns that count the same in both numbers.</summary>
    private static readonly FrozenSet<string> IrregularPlurals = FrozenSet.ToFrozenSet(
        ["people", "men", "women", "children", "police", "personnel", "staff", "aircraft", "crew", "cattle", "livestock",
         "percent", "km", "kg", "feet", "sheep", "fish"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end in s but are not plurals.</summary>
    private static readonly FrozenSet<string> NotPlurals = FrozenSet.ToFrozenSet(
        ["news", "series", "species", "gas", "bus", "its", "his", "hers", "ours", "yours", "theirs", "this", "thus", "was", "has",
         "is", "as", "yes", "always", "perhaps", "unless", "across", "besides", "towards", "afterwards", "sometimes", "politics",
         "economics", "hamas", "means", "whereas", "nevertheless", "less", "plus", "status", "virus", "campus", "census",
         "consensus", "corps", "chaos", "lens", "bias", "alias", "crisis", "analysis", "basis", "thesis"], StringComparer.OrdinalIgnoreCase);

    public static bool Is(AnnotatedText t, int i, int end, string word) =>
        i >= 0 && i < end && t.WordOf(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A capitalized month name or abbreviation ("May", "Sept.", "Sep").</summary>
    public static bool IsMonth(string w) => w.Length >= 3 && char.IsUpper(w[0]) && Months.ContainsKey(w);

    public static int MonthOf(string w) => w.Length >= 3 && char.IsUpper(w[0]) && Months.TryGetValue(w, out var m) ? m : 0;

    /// <summary>A full month name ("September"), which may stand without a day.</summary>
    public static bool IsFullMonthName(string w) => w.Length >= 3 && w[^1] != '.' && (w.Length > 4 || w is "May" or "June" or "July");

    public static bool IsWeekday(string w) => w.Length >= 6 && char.IsUpper(w[0]) && Weekdays.ContainsKey(w);

    public static bool TryWeekday(string w, out DayOfWeek day)
    {
        day = default;
        return w.Length >= 6 && char.IsUpper(w[0]) && Weekdays.TryGetValue(w, out day);
    }

    public static bool IsStop(string w) => Stops.Contains(w);

    public static bool IsFunctionWord(string w) => Stops.Contains(w) || LeadIns.Contains(w) || NotHeads.Contains(w);

    /// <summary>A word of letters, possibly with inner hyphens, apostrophes or periods ("U.S.", "Iran-backed").</summary>
    public static bool IsWord(string w)
    {
        if (w.Length == 0 || !char.IsLetter(w[0])) return false;
        foreach (var c in w)
        {
            if (!char.IsLetter(c) && c is not '-' and not '\'' and not '’' and not '.') return false;
        }
        return true;
    }

    /// <summary>Looks like a plural noun: "troops", "strikes", "Palestinians", "people"; not "US", "news" or "Hamas".</summary>
    public static bool IsPluralNoun(string? w)
    {
        if (w is null || w.Length < 2 || !char.IsLetter(w[0])) return false;
        if (IrregularPlurals.Contains(w)) return true;
        if (w.Length < 3 || w[^1] != 's' || NotPlurals.Contains(w)) return false;
        // All capitals ("US", "IDS") are abbreviations, not plurals.
        if (char.IsUpper(w[1])) return false;
        if (w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal)) return false;
        foreach (var c in w) if (!char.IsLetter(c) && c != '-') return false;
        return true;
    }

    /// <summary>
    /// The token of the noun a number counts, or -1: the first plural noun within five words (capitalized
    /// plurals such as "Palestinians" only when no lower-case one comes), or for one thing the last word of
    /// the noun phrase. The phrase ends at punctuation and function words; "of" with a determiner may open it.
    /// </summary>
    public static int FindHead(AnnotatedText t, int after, int end, bool singular)
    {
        var j = after;
        if (Is(t, j, end, "of"))
        {
            j++;
            if (j < end && OfDeterminers.Contains(t.WordOf(j))) j++;
        }
        var capitalPlural = -1;
        var last = -1;
        var words = 0;
        for (var k = j; k < end && words < 5; k++)
        {
            var w = t.WordOf(k);
            if (w is "'s" or "’s") continue;
            // An acronym in capitals ("WHO", "IT") is a name, not the function word it spells.
            if (!IsWord(w) || Stops.Contains(w) && !IsAcronym(w)) break;
            words++;
            if (singular)
            {
                // A participle after the noun is a verb ("one soldier killed").
                if (last >= 0 && w.EndsWith("ed", StringComparison.Ordinal)) break;
                last = k;
                continue;
            }
            if (!IsPluralNoun(w)) continue;
            if (char.IsLower(w[0]))
            {
                // "police officers", "staff members": an invariant plural before a plural noun modifies it.
                if (IrregularPlurals.Contains(w) && k + 1 < end && char.IsLower(t.WordOf(k + 1)[0]) && IsPluralNoun(t.WordOf(k + 1))
                    && !IrregularPlurals.Contains(t.WordOf(k + 1))) return k + 1;
                return k;
            }
            if (capitalPlural < 0) capitalPlural = k;
        }
        if (!singular) return capitalPlural;
        if (last < 0 || NotHeads.Contains(t.WordOf(last))) return -1;
        var lw = t.WordOf(last);
        return lw.EndsWith("ed", StringComparison.Ordinal) ? -1 : last;
    }

    private static bool IsAcronym(string w)
    {
        if (w.Length < 2) return false;
        foreach (var c in w) if (!char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>The singular of a lower-case unit, to compare "officials" with "official".</summary>
    public static string Lemma(string unit) => unit switch
    {
        "people" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        _ when unit.EndsWith("ies", StringComparison.Ordinal) && unit.Length > 4 => unit[..^3] + "y",
        _ when unit.EndsWith("sses", StringComparison.Ordinal) || unit.EndsWith("shes", StringComparison.Ordinal)
               || unit.EndsWith("ches", StringComparison.Ordinal) || unit.EndsWith("xes", StringComparison.Ordinal) => unit[..^2],
        _ when unit.EndsWith('s') && !unit.EndsWith("ss", StringComparison.Ordinal) => unit[..^1],
        _ => unit,
    };
}
