using Crosscheck.Language;

namespace Crosscheck.Events;

// Ordinals that count so far: "the 15th strike since early September", "an eighth victim".
public sealed partial class TollFinder
{
    /// <summary>
    /// "The strike was the 17th since early September", "the attack marked the fifth of the campaign": the unit word of a
    /// subject whose copula or "marked" gives it an ordinal with no noun of its own, or of the noun phrase an ordinal stands
    /// in apposition to after a comma ("The raid on Dessa, the sixth on the town this month, …"); its index, or null.
    /// </summary>
    private static int? UnitBefore(AnnotatedText text, TollCues cues, TokenSpan sentence, int ordinal)
    {
        if (ordinal - 2 < sentence.StartToken || !text.WordOf(ordinal - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        if (ordinal + 1 < sentence.EndToken && text.PosOf(ordinal + 1) is "NN" or "NNS") return null;
        // "The strike on the grain silo, the 40th on the region since March, killed two": an ordinal in apposition after a
        // comma counts the unit its noun phrase names (up to eight words back, no comma between).
        if (text.WordOf(ordinal - 2) == ",")
        {
            for (var k = ordinal - 3; k >= Math.Max(sentence.StartToken, ordinal - 10) && text.WordOf(k) != "," && text.WordOf(k) is not (";" or ":" or "—" or "–" or "("); k--)
            {
                if (text.PosOf(k) is "NN" or "NNS" && cues.UnitMeasure(text.WordOf(k)) is not null && (k == sentence.StartToken || text.PosOf(k - 1) is "DT" or "JJ" or "NN" or "NNP" or "POS")) return k;
            }
            return null;
        }
        if (text.WordOf(ordinal - 2).ToLowerInvariant() is not ("was" or "is" or "marked" or "marks" or "became" or "becomes")) return null;
        for (var k = ordinal - 3; k >= Math.Max(sentence.StartToken, ordinal - 6); k--)
        {
            if (cues.UnitMeasure(text.WordOf(k)) is not null) return k;
        }
        return null;
    }

    /// <summary>
    /// The unit word at <paramref name="at"/>, or after up to two words that describe it ("such", "known", "U.S.",
    /// "lethal", "drone"); its index, or null.
    /// </summary>
    private static int? UnitAfter(AnnotatedText text, TollCues cues, TokenSpan sentence, int at)
    {
        for (var k = at; k < Math.Min(sentence.EndToken, at + 3); k++)
        {
            if (cues.UnitMeasure(text.WordOf(k)) is not null) return k;
            // "the 14th drone attack": a noun describing the unit, as an adjective does.
            if (text.PosOf(k) is not ("JJ" or "NNP" or "VBN" or "NN")) return null;
        }
        return null;
    }

    /// <summary>
    /// "an eighth victim", "the fifth death", "a sixth person died", "a third soldier has been wounded": "a", "an" or "the",
    /// an ordinal of two or more, and (past a describing word) a noun of the dead, a victim, or a person whom a verb of
    /// dying, killing or wounding right after it befalls; the count so far, its measure and the end of its words, or null.
    /// </summary>
    private static (decimal N, TollMeasure Measure, int End)? NthVictim(AnnotatedText text, TollCues cues, TokenSpan sentence, int i)
    {
        if (text.WordOf(i - 1).ToLowerInvariant() is not ("a" or "an" or "the") || Ordinal(cues, text.WordOf(i)) is not { } n) return null;
        var k = i + 1;
        if (k + 1 < sentence.EndToken && text.PosOf(k) is "JJ" && !PersonNouns.Contains(text.WordOf(k))) k++;
        if (k >= sentence.EndToken) return null;
        var noun = text.WordOf(k).ToLowerInvariant();
        if (DeathNouns.Contains(noun) && text.PosOf(k) is "NN") return (n, TollMeasure.Killed, k + 1);
        if (!PersonNouns.Contains(noun) || text.PosOf(k) is not ("NN" or "NNP")) return null;
        var v = k + 1;
        while (v < sentence.EndToken && v - k <= 3 && text.WordOf(v).ToLowerInvariant() is "has" or "had" or "was" or "have" or "been" or "is" or "later" or "also") v++;
        if (v < sentence.EndToken)
        {
            var verb = text.WordOf(v);
            if (DiedWords.Contains(verb) || KilledWords.Contains(verb)) return (n, TollMeasure.Killed, v + 1);
            if (InjuredWords.Contains(verb) && !WeakWords.Contains(verb)) return (n, TollMeasure.Injured, v + 1);
        }
        // "an eighth victim": a victim counted alone is one of the dead.
        return noun is "victim" ? (n, TollMeasure.Killed, k + 1) : null;
    }

    /// <summary>
    /// "… of the attack", "… in Tuesday's strike": the end of the words right after a count that say what it is of (a
    /// preposition and a short noun phrase ending in a common noun), so the attack they name is inside the toll's words;
    /// <paramref name="end"/> when none follows.
    /// </summary>
    private static int OfWhat(AnnotatedText text, TokenSpan sentence, int end)
    {
        if (end + 2 >= sentence.EndToken || text.WordOf(end).ToLowerInvariant() is not ("of" or "in" or "from")) return end;
        var last = end;
        for (var k = end + 1; k < sentence.EndToken && k - end <= 5 && text.PosOf(k) is "DT" or "JJ" or "NN" or "NNP" or "POS" or "PRP$"; k++)
        {
            if (text.PosOf(k) is "NN") last = k + 1;
        }
        return last;
    }

    /// <summary>"15th", "21st", "2nd", "fifth": the number of an ordinal of two or more; null for other words.</summary>
    internal static decimal? Ordinal(TollCues cues, string word)
    {
        if (cues.WordOrdinal(word) is { } spelled) return spelled;
        if (word.Length < 3 || !char.IsAsciiDigit(word[0])) return null;
        var suffix = word[^2..].ToLowerInvariant();
        if (suffix is not ("st" or "nd" or "rd" or "th") || !word[..^2].All(char.IsAsciiDigit)) return null;
        return decimal.TryParse(word[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : null;
    }
}
