using Crosscheck.Language;

namespace Crosscheck.Events;

// How many people a victim phrase counts.
public sealed partial class CasualtyFinder
{
    /// <summary>How many people the phrase [start, end) names.</summary>
    private static VictimPhrase? Count(AnnotatedText text, int start, int end)
    {
        var first = text.WordOf(start);
        var last = text.WordOf(end - 1);
        var additional = false;
        for (var i = start; i < end; i++)
        {
            if (Additions.Contains(text.WordOf(i))) { additional = true; break; }
        }
        // "the other victim", "his second wife" were named before.
        if (first is "the" or "The" or "his" or "her" or "their" or "His" or "Her" or "Their") additional = false;
        if (NoOne.Contains(first)) return new VictimPhrase(0, 0, start, end, false, false, false);
        if (end - start == 1 && Pronouns.Contains(first)) return new VictimPhrase(1, 1, start, end, true, false, true);
        if (end - start == 1 && PluralPronouns.Contains(first)) return null;
        if (end - start == 1 && first.Equals("both", StringComparison.OrdinalIgnoreCase)) return new VictimPhrase(2, 2, start, end, true, false, false);
        if (!NamesPeople(text, start, end)) return null;
        // "an eighth victim", "a sixth person": the one who makes n so far is a count of n, not one more.
        if (end - start >= 3 && first.ToLowerInvariant() is "a" or "an" && TollFinder.Ordinal(TollCues.Default, text.WordOf(start + 1)) is { } nth
            && text.PosOf(end - 1) is "NN")
            return new VictimPhrase(nth, nth, start, end, false, false, false);

        // Coordinated phrases add up: "a man and a woman", "his wife and two children".
        decimal min = 0;
        decimal? max = 0;
        var partStart = start;
        var parts = 0;
        var numbered = false;
        var anaphoric = true;
        var bracket = 0;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text.WordOf(i) == "(") bracket++;
            if (i < end && text.WordOf(i) == ")") bracket = Math.Max(0, bracket - 1);
            // Parts are joined by "and" or "alongside", or are names in a list ("Kabeer, Sibghatullah, Haroon, and five
            // others"); nothing inside brackets parts them ("three players (Kabeer, Sibghatullah and Haroon)").
            // ("as well as" joins like "and": its part ends at the first "as", the next starts after the second.)
            // ("along with", "together with" likewise.)
            var joiner = JoinerLength(text, i, end);
            // The "and" of a number ("between 15 and 20", "one hundred and twenty") joins its bounds, not two groups.
            // "local and foreign gunmen": two adjectives of one group are one part.
            var separator = i < end && bracket == 0 && i > partStart && !InsideNumber(text, i)
                && !(i - partStart == 1 && SharesAdjectivesNoun(text, partStart, end))
                && (joiner > 0 || text.WordOf(i) == "," && text.PosOf(i - 1) == "NNP" && i + 1 < end && (text.PosOf(i + 1) == "NNP" || text.WordOf(i + 1) == "and")
                    // "a man, his wife and their three children": kin after a comma are a part of their own.
                    || text.WordOf(i) == "," && i + 1 < end && text.WordOf(i + 1).ToLowerInvariant() is "his" or "her" or "their");
            if (i < end && !separator) continue;
            // ", and": the comma already closed the part.
            if (i == partStart) { partStart = i + 1; continue; }
            var part = CountPart(text, partStart, i);
            if (part is null) return null;
            // "over 90 rebels and allied gunmen": a number before the coordination counts its bare plural too.
            var counted = HasNumber(text, partStart, i);
            var next = separator ? i + Math.Max(1, joiner) : i + 1;
            if (parts > 0 && numbered && !counted && part is { Min: 2, Max: null })
            {
                partStart = next;
                i = next - 1;
                continue;
            }
            numbered |= counted;
            min += part.Value.Min;
            max = max is null || part.Value.Max is null ? null : max + part.Value.Max;
            anaphoric &= part.Value.Anaphoric;
            parts++;
            partStart = next;
            i = next - 1;
        }
        if (first.Equals("both", StringComparison.OrdinalIgnoreCase)) return new VictimPhrase(2, 2, start, end, true, false, false);
        return new VictimPhrase(min, max, start, end, anaphoric && parts == 1 && !additional, additional, false);
    }

    private static (decimal Min, decimal? Max, bool Anaphoric)? CountPart(AnnotatedText text, int start, int end)
    {
        if (end <= start) return null;
        // "three riders (Tun, Kyaw and Zaw)": the noun the number counts stands before a bracketed aside.
        var noun = HeadBeforeBrackets(text, start, end);
        // "an elderly couple", "a couple" ending the phrase (no "of" after it): two people, not the vague "a couple of".
        if (PairNouns.Contains(text.WordOf(end - 1)) && text.PosOf(end - 1) is "NN" && !CountedBefore(text, start, end)
            && !(end < text.Count && text.WordOf(end).Equals("of", StringComparison.OrdinalIgnoreCase)))
            return (2, 2, text.WordOf(start).ToLowerInvariant() is "the" or "this" or "that" or "his" or "her" or "their");
        foreach (var n in text.NumbersStartingIn(start, end))
        {
            if (n.Span.EndToken > end) continue;
            if (IsAge(text, n)) continue;
            if (n.Unit is { } unit && !PersonNouns.Contains(unit) && !PersonNouns.Contains(text.WordOf(noun))
                && !(text.PosOf(noun) is "NNS" && IsAgentPlural(text.WordOf(noun))) && !IsGroupPlural(text, noun)) return null;
            var definite = text.WordOf(start) is "the" or "The" or "those" or "these" or "all";
            return (n.Min, n.Max, definite);
        }
        var head = text.WordOf(end - 1);
        var headPos = text.PosOf(end - 1) ?? "";
        var firstWord = text.WordOf(start);
        // "did not say how many miners were killed": a question of the count, no count.
        if (IsHowMany(text, start)) return null;
        if (Pronouns.Contains(head)) return (1, 1, true);
        if (headPos is "NNS" or "NNPS" && !head.Contains("year-old", StringComparison.OrdinalIgnoreCase))
        {
            // "people were injured" with no count: at least two; "the people", "all the people that died" name a group
            // the text does not count.
            if (firstWord is "the" or "The" or "those" or "these" or "their" or "his" or "her" or "all" or "All") return null;
            if (firstWord.Equals("both", StringComparison.OrdinalIgnoreCase)) return (2, 2, true);
            return (2, null, false);
        }
        // "The wounded were being treated", "the dead were taken away": adjectives of the hurt or the dead used as nouns name
        // a group (plural in English) the text does not count.
        if (firstWord is "the" or "The" && end - start == 2 && head.ToLowerInvariant() is "wounded" or "injured" or "dead") return null;
        var definiteOne = firstWord is "the" or "The" or "this" or "This" or "that" or "his" or "her" or "their" or "His" or "Her" or "Their"
            || headPos is "NNP" or "NNPS" || text.PosOf(start) is "NNP";
        return (1, 1, definiteOne);
    }

    /// <summary>Whether a number that is no age and ends before the phrase's last word counts it ("two couples", not "a couple").</summary>
    private static bool CountedBefore(AnnotatedText text, int start, int end)
    {
        foreach (var n in text.NumbersStartingIn(start, end))
        {
            if (n.Span.EndToken < end && !IsAge(text, n)) return true;
        }
        return false;
    }

    /// <summary>The last word of [start, end) before a closing bracketed aside ("riders" in "three riders (A, B and C)"); else end - 1.</summary>
    private static int HeadBeforeBrackets(AnnotatedText text, int start, int end)
    {
        if (text.WordOf(end - 1) != ")") return end - 1;
        for (var k = end - 2; k > start; k--)
        {
            if (text.WordOf(k) == "(") return k - 1;
        }
        return end - 1;
    }

    /// <summary>Whether the phrase at <paramref name="start"/> is asked after by "how many" ("how many people", "how many of the guards").</summary>
    private static bool IsHowMany(AnnotatedText text, int start)
    {
        for (var i = Math.Max(1, start - 1); i <= start + 1 && i < text.Count; i++)
        {
            if (text.WordOf(i).Equals("many", StringComparison.OrdinalIgnoreCase) && text.WordOf(i - 1).Equals("how", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Whether the victims of <paramref name="s"/> open with "all" and a number ("all five attackers", "all 11 aboard").</summary>
    internal static bool CountsAWholeGroup(AnnotatedText text, Statement s) =>
        s.VictimEnd - s.VictimStart >= 2 && text.WordOf(s.VictimStart).Equals("all", StringComparison.OrdinalIgnoreCase)
        && NumberAt(text, s.VictimStart + 1, s.VictimEnd) is { } n && n.Span.StartToken == s.VictimStart + 1;

    private static bool InsideNumber(AnnotatedText text, int token) =>
        text.Numbers.Any(n => n.Span.StartToken < token && token < n.Span.EndToken - 1);

    private static bool HasNumber(AnnotatedText text, int start, int end) =>
        text.Numbers.Any(n => n.Span.StartToken >= start && n.Span.EndToken <= end && !IsAge(text, n));

    /// <summary>Whether the number gives an age ("a 23-year-old", "Jane Doe, 23,"), not a count.</summary>
    internal static bool IsAge(AnnotatedText text, NumberMention n)
    {
        // "Jane Doe, 23, was": a bare number set off by commas after a name.
        var before = n.Span.StartToken - 1;
        if (before >= 1 && text.WordOf(before) == "," && text.PosOf(before - 1) is "NNP" or "NN" && n.Span.Length == 1
            && (n.Span.EndToken >= text.Count || text.WordOf(n.Span.EndToken) is "," or "." or ")")) return true;
        var last = n.Span.EndToken - 1;
        if (text.WordOf(last).Contains("year", StringComparison.OrdinalIgnoreCase)) return true;
        if (n.Span.EndToken < text.Count && text.WordOf(n.Span.EndToken) is var after
            && (after.StartsWith("-year", StringComparison.OrdinalIgnoreCase) || after.StartsWith("year", StringComparison.OrdinalIgnoreCase) || after == "-")) return true;
        return false;
    }
}
