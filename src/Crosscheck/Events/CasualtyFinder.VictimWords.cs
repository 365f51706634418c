using Crosscheck.Language;

namespace Crosscheck.Events;

// Which words can belong to a victim phrase and which name people.
public sealed partial class CasualtyFinder
{
    /// <summary>"The driver, whose identity police withheld, was shot": a verb after "who", "whose" or "which" within a few words.</summary>
    private static bool InRelativeClause(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var k = verb - 1; k >= sentence.StartToken && verb - k <= 6; k--)
        {
            if (text.WordOf(k) is "who" or "whose" or "which" or "whom") return k - 1 >= sentence.StartToken && text.WordOf(k - 1) == ",";
            if (text.WordOf(k) == ",") return false;
        }
        return false;
    }

    /// <summary>Whether a noun of the dead or the hurt ("deaths", "injuries") opens the words at <paramref name="i"/>.</summary>
    private static bool OpensCasualtyNoun(AnnotatedText text, int i) =>
        (KilledNouns.Contains(text.WordOf(i)) || InjuredNouns.Contains(text.WordOf(i))) && text.PosOf(i) is { } p && p.StartsWith("NN", StringComparison.Ordinal);

    private static bool IsVerbLike(AnnotatedText text, int i) => text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && !KilledActive.Contains(text.WordOf(i));

    /// <summary>A personal pronoun; "US" in capitals is the country ("No US personnel were hurt").</summary>
    private static bool IsPronoun(string word) => word != "US" && (Pronouns.Contains(word) || PluralPronouns.Contains(word));

    /// <summary>Whether token <paramref name="i"/> can be part of a victim noun phrase; a pronoun only as the whole phrase.</summary>
    private static bool InPhrase(AnnotatedText text, int i, bool first)
    {
        var w = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        if (pos == "PRP$") return true;
        // "US" in capitals inside a phrase is the country ("No US personnel were hurt"), not the pronoun.
        if ((Pronouns.Contains(w) || PluralPronouns.Contains(w)) && !(w == "US" && !first)) return first && pos is "PRP" or "";
        if (w.Equals("no", StringComparison.OrdinalIgnoreCase) || w.Equals("nobody", StringComparison.OrdinalIgnoreCase) || w.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        // Marks the tagger took for words (">>" as a proper noun) end the phrase.
        if (pos is not ("HYPH" or "POS") && !HasLetterOrDigit(w)) return false;
        // "seven people nationwide", "40 people overall": the count's extent, not part of the people.
        if (!first && ExtentAdverbs.Contains(w)) return false;
        if (pos is "DT" or "CD" or "JJ" or "JJR" or "JJS" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "PRP$" or "VBN" or "HYPH") return true;
        if (SpelledCountTakenForAdverb(text, i)) return true;
        // "Three wounded soldiers died": a participle of hurt the tagger took for a past verb still describes the plural after it.
        if (!first && pos == "VBD" && InjuredParticiples.Contains(w) && text.PosOf(i + 1) is "NNS") return true;
        return w is "'s" or "’s" || w.Equals("both", StringComparison.OrdinalIgnoreCase) || w.Equals("all", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "Eleven dead as …": a spelled number opening a headline that the tagger made an adverb, and that the number reader
    /// found.
    /// </summary>
    private static bool SpelledCountTakenForAdverb(AnnotatedText text, int i) =>
        text.PosOf(i) is "RB" && text.NumbersStartingIn(i, i + 1).Length > 0;

    private static bool HasLetterOrDigit(string word)
    {
        foreach (var c in word) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>Whether the phrase names people: a person noun, a name, an age ("a 23-year-old") or a bare count ("killing two").</summary>
    private static bool NamesPeople(AnnotatedText text, int start, int end)
    {
        var head = text.WordOf(end - 1);
        if (PersonNouns.Contains(head) || head.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        // "Three cricketers were killed", "two volunteers wounded": a plural agent noun (-ers, -ors, -ists, -ians, -ees)
        // counted by a number names people the list of person nouns cannot all hold.
        if (text.PosOf(end - 1) is "NNS" && NumberAt(text, start, end) is not null && IsAgentPlural(head)) return true;
        // "killed 200 Houthis", "12 Palestinians were wounded": a capitalized plural counted by a number names a people's or
        // a group's members.
        if (IsGroupPlural(text, end - 1) && NumberAt(text, start, end) is not null) return true;
        // "a second was injured", "another was wounded"
        if (head is "another" or "Another" || end - start == 2 && text.WordOf(start) is "a" or "A" && head is "second" or "third" or "fourth") return true;
        // "near 5390 Southall Lane and died": a capitalized street word ends an address, not people.
        if (text.PosOf(end - 1) is "NNP" && StreetWords.Contains(head)) return false;
        if (text.EntityAt(end - 1) is { } m) return m.Type == EntityType.Person;
        if (text.InTime(end - 1)) return false;
        // "Eleven dead as fighting spreads": a spelled number the tagger took for an adverb is a count all the same.
        var headPos = SpelledCountTakenForAdverb(text, end - 1) ? "CD" : text.PosOf(end - 1) ?? "";
        // "killing two", "left at least 12 dead": a bare count, with its own qualifier words.
        if (headPos is "CD" && (end - start <= 2 || NumberAt(text, start, end) is { } bare && bare.Span.StartToken == start && bare.Span.EndToken == end)) return !IsAgeToken(head);
        // "with over two dozen injured", "left a dozen dead", "Dozens were wounded", "wounding hundreds": a bare count whose
        // last word is a scale noun ("dozens of homes" counts homes).
        if (head.ToLowerInvariant() is "dozen" or "score" or "dozens" or "scores" or "hundreds" or "thousands" && NumberAt(text, start, end) is { } scaled
            && scaled.Span.StartToken == start && scaled.Span.EndToken == end && !(end < text.Count && text.WordOf(end).Equals("of", StringComparison.OrdinalIgnoreCase))) return true;
        // "injured 10 more", "three more were wounded": a bare count of more victims.
        if (head.Equals("more", StringComparison.OrdinalIgnoreCase) && end - 1 > start && NumberAt(text, start, end - 1) is { } more
            && more.Span.StartToken == start && more.Span.EndToken == end - 1 && !IsAge(text, more)) return true;
        if (headPos is "NNP") return true;
        // A coordination: every part must name people, check the last part's head only when it is a person.
        for (var i = start; i < end; i++)
        {
            if (text.WordOf(i) == "and" && i > start && PersonNouns.Contains(text.WordOf(i - 1))) return PersonNouns.Contains(head) || text.PosOf(end - 1) is "NNP";
        }
        return false;
    }

    /// <summary>"Houthis", "Afghans", "Palestinians": a capitalized plural inside a sentence, a people's or a group's members.</summary>
    internal static bool IsGroupPlural(AnnotatedText text, int i) =>
        text.PosOf(i) is "NNS" or "NNPS" && i > text.SentenceOf(i).StartToken && text.WordOf(i) is { Length: > 3 } w && char.IsUpper(w[0]) && w[^1] == 's'
        && w[1..].All(char.IsLower);

    /// <summary>Whether the word can end a phrase naming people: a person noun (not "dead" or "wounded"), a name, an age, a pronoun.</summary>
    private static bool NamesPerson(AnnotatedText text, int token)
    {
        var w = text.WordOf(token);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase) || w.Equals("wounded", StringComparison.OrdinalIgnoreCase) || w.Equals("injured", StringComparison.OrdinalIgnoreCase)) return false;
        return PersonNouns.Contains(w) || Pronouns.Contains(w) || w.Contains("year-old", StringComparison.OrdinalIgnoreCase) || text.PosOf(token) is "NNP" or "NNPS" or "CD" || PersonNameAt(text, token);
    }

    private static bool PersonNameAt(AnnotatedText text, int token)
    {
        if (text.EntityAt(token) is { } m) return m.Type == EntityType.Person;
        return false;
    }

    internal static bool IsAgentPlural(string word) =>
        word.Length > 5 && (word.EndsWith("ers", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ors", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("ists", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ians", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("ees", StringComparison.OrdinalIgnoreCase));

    private static bool IsAgeToken(string word) => word.Contains("year", StringComparison.OrdinalIgnoreCase);
}
