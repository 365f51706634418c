using Crosscheck.Language;

namespace Crosscheck.Events;

// Where a victim phrase starts and ends: names with ages, asides, places, joiners, name lists.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// How many people a list of two or more names, each with its age, names ("John Smith, 24, and Mark Jones, 31"); null
    /// when the words [start, end) are not such a list.
    /// </summary>
    private static int? NamesWithAges(AnnotatedText text, int start, int end)
    {
        var names = 0;
        var i = start;
        while (i < end)
        {
            if (names > 0 && text.WordOf(i) is "and" or ",") { i++; continue; }
            var name = i;
            while (i < end && text.PosOf(i) is "NNP") i++;
            if (i == name || i + 2 > end || text.WordOf(i) != ",") return null;
            // The age after the name: ", 24" (the list's last one may end the words).
            if (text.NumbersStartingIn(i + 1, i + 2) is not [var age, ..] || !IsAge(text, age) && !(age.Span.EndToken == end && age.Span.Length == 1)) return null;
            names++;
            i = age.Span.EndToken;
        }
        return names >= 2 ? names : null;
    }

    /// <summary>Whether the words [start, end) give an age: "24", "a 19-year-old Latino".</summary>
    private static bool GivesAge(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.WordOf(i).Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        }
        foreach (var n in text.NumbersStartingIn(start, start + 1))
        {
            if (n.Span.EndToken <= end && IsAge(text, n)) return true;
        }
        return false;
    }

    private static bool AllProperNouns(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is not ("NNP" or "NNPS")) return false;
        }
        return true;
    }

    /// <summary>The start of a number whose words run into <paramref name="start"/> ("at least 64", "more than 200"); else <paramref name="start"/>.</summary>
    private static int NumberStartBefore(AnnotatedText text, TokenSpan sentence, int start)
    {
        // Numbers do not overlap: only the last one starting before it can hold it.
        var before = text.NumbersStartingIn(sentence.StartToken, start);
        return before.Length > 0 && start < before[^1].Span.EndToken ? before[^1].Span.StartToken : start;
    }

    /// <summary>
    /// Where "aboard the vessel", "on board the boat", "on the boat" or "in the car" starts when it ends at
    /// <paramref name="end"/> right after people ("three men aboard the vessel"); null otherwise.
    /// </summary>
    private static int? AboardBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        for (var p = end - 1; p >= sentence.StartToken + 1 && end - p <= 5; p--)
        {
            var w = text.WordOf(p).ToLowerInvariant();
            if (w is "aboard" or "onboard" || w == "board" && text.WordOf(p - 1).Equals("on", StringComparison.OrdinalIgnoreCase))
            {
                var at = w == "board" ? p - 1 : p;
                // People, or any plural before a word of being on board ("narco-terrorists aboard the vessel").
                return at - 1 >= sentence.StartToken && (NamesPerson(text, at - 1) || text.PosOf(at - 1) is "NNS" or "CD") ? at : null;
            }
            if (w is "on" or "in" && p + 1 < end && text.PosOf(end - 1) is "NN" && NamesPerson(text, p - 1) && text.PosOf(p - 1) is "NNS") return p;
            if (text.PosOf(p) is not ("DT" or "NN" or "JJ" or "NNP" or "PRP$")) return null;
        }
        return null;
    }

    /// <summary>
    /// Where "in PLACE" starts when it ends at <paramref name="end"/> right after a counted phrase ("14 people in
    /// Thailand"); null otherwise.
    /// </summary>
    private static int? PlaceBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        foreach (var m in text.EntitiesStartingIn(sentence.StartToken, end))
        {
            if (m.Span.EndToken != end || m.Type is not (EntityType.Gpe or EntityType.Loc)) continue;
            var prep = m.Span.StartToken - 1;
            if (prep - 1 < sentence.StartToken || !text.WordOf(prep).Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
            return NamesPerson(text, prep - 1) && text.PosOf(prep - 1) is not "NNP" ? prep : null;
        }
        return null;
    }

    /// <summary>
    /// The last word of the part before the "and" at <paramref name="and"/>, past an aside that opens with "including":
    /// "nine farmers, including a boy, and one guard" gives "farmers".
    /// </summary>
    private static int AsideBefore(AnnotatedText text, TokenSpan sentence, int and)
    {
        // "two drivers (Omar and Bilal) alongside": the part ends before the bracket.
        if (text.WordOf(and - 1) == ")")
        {
            for (var k = and - 2; k > sentence.StartToken && and - k <= 12; k--)
            {
                if (text.WordOf(k) == "(") return k - 1;
                if (text.WordOf(k) == ")") break;
            }
            return and - 1;
        }
        if (text.WordOf(and - 1) != ",") return and - 1;
        for (var k = and - 2; k - 1 > sentence.StartToken && and - k <= 6; k--)
        {
            if (text.WordOf(k) == ",") return and - 1;
            // Only after a group named by its noun ("11 civilians"), not a bare figure ("rose to 16, including one child, and …").
            if (text.WordOf(k).Equals("including", StringComparison.OrdinalIgnoreCase) && text.WordOf(k - 1) == ",")
                return PersonNouns.Contains(text.WordOf(k - 2)) ? k - 2 : and - 1;
        }
        return and - 1;
    }

    /// <summary>
    /// "nine Afghan and 58 Pakistani soldiers": a number and an adjective before the joiner share the noun of the group
    /// after it, which is a number, an adjective and a person noun (at <paramref name="after"/>); <paramref name="last"/>
    /// is the adjective.
    /// </summary>
    private static bool SharesNoun(AnnotatedText text, TokenSpan sentence, int last, int after)
    {
        if (text.PosOf(last) is not ("JJ" or "NNP") || NumberEndingAt(text, last) is not { } own || IsAge(text, own)) return false;
        if (TollCues.NumberStartingAt(text, after) is not { } other || other.Span.EndToken + 1 >= sentence.EndToken) return false;
        var adjective = other.Span.EndToken;
        return text.PosOf(adjective) is "JJ" or "NNP" && PersonNouns.Contains(text.WordOf(adjective + 1));
    }

    /// <summary>Whether the words [start, end) are only a vague count by a plural scale noun ("dozens", "scores", "hundreds", "thousands").</summary>
    private static bool IsScalePlural(AnnotatedText text, int start, int end) =>
        text.WordOf(end - 1).ToLowerInvariant() is "dozens" or "scores" or "hundreds" or "thousands"
        && NumberAt(text, start, end) is { } n && n.Span.StartToken == start && n.Span.EndToken == end;

    /// <summary>"two drummers", "three young porters": a plural agent noun counted by a number right before it or its one adjective.</summary>
    private static bool CountedAgentPlural(AnnotatedText text, int noun) =>
        text.PosOf(noun) is "NNS" && IsAgentPlural(text.WordOf(noun))
        && (NumberEndingAt(text, noun) is { } n && !IsAge(text, n) || noun > 0 && text.PosOf(noun - 1) is "JJ" && NumberEndingAt(text, noun - 1) is { } m && !IsAge(text, m));

    /// <summary>
    /// "dozens of local and foreign gunmen": an adjective at <paramref name="adjective"/>, "and", then adjectives and a
    /// plural person noun ending before <paramref name="end"/>, with no number among them: both adjectives describe the
    /// one group the noun names, so "and" parts nothing.
    /// </summary>
    private static bool SharesAdjectivesNoun(AnnotatedText text, int adjective, int end)
    {
        var next = adjective + 2;
        if (next >= end - 1 || text.PosOf(adjective) is not ("JJ" or "NNP") || text.WordOf(adjective + 1) != "and") return false;
        if (text.PosOf(next) is not "JJ" || Additions.Contains(text.WordOf(next))) return false;
        if (text.PosOf(end - 1) is not "NNS" || !(PersonNouns.Contains(text.WordOf(end - 1)) || IsAgentPlural(text.WordOf(end - 1)))) return false;
        for (var k = next + 1; k < end - 1; k++)
        {
            if (text.PosOf(k) is not ("JJ" or "NNP")) return false;
        }
        return !text.Numbers.Any(n => n.Span.StartToken < end && n.Span.EndToken > adjective);
    }

    /// <summary>How many words join two victim groups at <paramref name="at"/> going forward: "and" 1, "as well as" 3; else 0.</summary>
    private static int JoinerLength(AnnotatedText text, TokenSpan sentence, int at) => JoinerLength(text, at, sentence.EndToken);

    /// <summary>
    /// How many words, all before <paramref name="end"/>, join two victim groups into one count at <paramref name="at"/>:
    /// "and" and "alongside" 1, "along with" and "together with" 2, "as well as" 3; else 0.
    /// </summary>
    private static int JoinerLength(AnnotatedText text, int at, int end)
    {
        if (at >= end) return 0;
        if (IsJoiner(text.WordOf(at))) return 1;
        if (at + 1 < end && text.WordOf(at).ToLowerInvariant() is "along" or "together" && text.WordOf(at + 1).Equals("with", StringComparison.OrdinalIgnoreCase)) return 2;
        return IsAsWellAs(text, at, end) ? 3 : 0;
    }

    /// <summary>How many words of a joiner (<see cref="JoinerLength(AnnotatedText, int, int)"/>) end at <paramref name="last"/>; 0 when none does.</summary>
    internal static int JoinerEndingAt(AnnotatedText text, TokenSpan sentence, int last)
    {
        for (var length = 1; length <= 3; length++)
        {
            if (last - length + 1 >= sentence.StartToken && JoinerLength(text, last - length + 1, last + 1) == length) return length;
        }
        return 0;
    }

    /// <summary>Whether "as well as" starts at <paramref name="at"/> and ends before <paramref name="end"/>.</summary>
    private static bool IsAsWellAs(AnnotatedText text, int at, int end) =>
        at + 2 < end && text.WordOf(at).Equals("as", StringComparison.OrdinalIgnoreCase)
        && text.WordOf(at + 1).Equals("well", StringComparison.OrdinalIgnoreCase) && text.WordOf(at + 2).Equals("as", StringComparison.OrdinalIgnoreCase);

    /// <summary>A word that joins two victim groups into one count: "and", "alongside".</summary>
    private static bool IsJoiner(string word) => word == "and" || word.Equals("alongside", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a list of two or more names ends by ", and" right before <paramref name="start"/> ("Kabeer, Sibghatullah,
    /// Haroon, and five others") starts; null otherwise. Each name is one to four proper nouns.
    /// </summary>
    private static int? NameListBefore(AnnotatedText text, TokenSpan sentence, int start)
    {
        if (start - 3 < sentence.StartToken || text.WordOf(start - 1) != "and" || text.WordOf(start - 2) != "," || text.PosOf(start - 3) != "NNP") return null;
        var names = 0;
        var first = -1;
        var k = start - 3;
        while (k >= sentence.StartToken)
        {
            var nameEnd = k;
            while (k >= sentence.StartToken && nameEnd - k < 4 && text.PosOf(k) == "NNP") k--;
            if (k == nameEnd) break;
            names++;
            first = k + 1;
            if (k - 1 < sentence.StartToken || text.WordOf(k) != "," || text.PosOf(k - 1) != "NNP") break;
            k--;
        }
        return names >= 2 ? first : null;
    }

    /// <summary>
    /// Where "from PLACE" starts when it ends at <paramref name="end"/> right after people named by a plural ("five
    /// other men from Urgun District"): the place is one to four proper nouns; null otherwise.
    /// </summary>
    private static int? FromPlaceBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        var k = end - 1;
        while (k > sentence.StartToken && end - k <= 4 && text.PosOf(k) == "NNP") k--;
        if (k == end - 1 || k - 1 < sentence.StartToken || !text.WordOf(k).Equals("from", StringComparison.OrdinalIgnoreCase)) return null;
        return text.PosOf(k - 1) == "NNS" && NamesPerson(text, k - 1) ? k : null;
    }
}
