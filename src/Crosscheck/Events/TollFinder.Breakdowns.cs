using Crosscheck.Language;

namespace Crosscheck.Events;

// The toll just told, by groups: "The dead included 29 fighters and seven civilians".
public sealed partial class TollFinder
{
    /// <summary>
    /// "The dead included 29 fighters and seven civilians", "The wounded include 22 men, eight women and four children": a
    /// sentence that opens with "the" and a word of the dead or the hurt as the subject of "include"; the groups after it
    /// (up to a comma that opens no other group) and what they count, or null. The words may follow a saying with no count
    /// of its own ("The monitor said the dead included …", "According to the governor, the dead included …").
    /// </summary>
    internal static (int Start, int End, TollMeasure Measure)? Breakdown(AnnotatedText text, TokenSpan sentence)
    {
        var i = AfterSaying(text, sentence);
        if (i + 3 >= sentence.EndToken || !text.WordOf(i).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        TollMeasure? measure = text.WordOf(i + 1).ToLowerInvariant() switch { "dead" or "killed" => TollMeasure.Killed, "wounded" or "injured" => TollMeasure.Injured, _ => null };
        if (measure is not { } counted || text.WordOf(i + 2).ToLowerInvariant() is not ("included" or "include" or "includes")) return null;
        var end = sentence.EndToken;
        while (end > i + 3 && text.PosOf(end - 1) is "." or ":" or "''") end--;
        for (var k = i + 3; k < end; k++)
        {
            if (text.WordOf(k) == "," && TollCues.NumberStartingAt(text, k + 1) is null && text.WordOf(k + 1).ToLowerInvariant() is not ("a" or "an" or "and")) { end = k; break; }
        }
        return (i + 3, end, counted);
    }

    /// <summary>
    /// Where the words a saying reports start: right after its verb (and "that") or the comma after "according to …", when
    /// the words before hold no number; the sentence's start otherwise.
    /// </summary>
    private static int AfterSaying(AnnotatedText text, TokenSpan sentence)
    {
        for (var k = sentence.StartToken + 1; k + 2 < sentence.EndToken && k - sentence.StartToken <= 12; k++)
        {
            if (text.PosOf(k - 1) == "CD") break;
            if (!text.WordOf(k).Equals("the", StringComparison.OrdinalIgnoreCase) || text.WordOf(k + 1).ToLowerInvariant() is not ("dead" or "killed" or "wounded" or "injured")) continue;
            var before = text.WordOf(k - 1) == "that" && k - 2 >= sentence.StartToken ? k - 2 : k - 1;
            var said = (text.PosOf(before) ?? "").StartsWith("VB", StringComparison.Ordinal);
            var according = text.WordOf(k - 1) == "," && text.WordOf(sentence.StartToken).Equals("according", StringComparison.OrdinalIgnoreCase);
            return said || according ? k : sentence.StartToken;
        }
        return sentence.StartToken;
    }
}
