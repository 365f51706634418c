using Crosscheck.Language;

namespace Crosscheck.Events;

// A superlative's span compares one event with others ("the deadliest attack since March", "in recent months"): no cue.
public sealed partial class TollCues
{
    /// <summary>
    /// The words of a comparison in [<paramref name="from"/>, <paramref name="to"/>): a superlative ("deadliest", "worst",
    /// "most intense") and up to three words of its noun right before "since", through the end of the clause "since" opens
    /// (a comma or a break); an empty range when there is none.
    /// </summary>
    private static (int From, int To) Comparison(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase)) continue;
            var superlative = SuperlativeBefore(text, sentence, i);
            // "the deadliest attack on travellers in the province since a roadside bomb …": farther back before an event compared with.
            if (!superlative && !(i + 1 < sentence.EndToken && text.PosOf(i + 1) is "DT" or "PRP$" && ComparisonTimes.ComparedBefore(text, sentence, i))) continue;
            var end = i + 1;
            while (end < sentence.EndToken && text.WordOf(end) != "," && !ClauseBreaks.Contains(text.WordOf(end))) end++;
            return (i, end);
        }
        return (0, 0);
    }

    /// <summary>
    /// Whether a superlative stands within six words before <paramref name="i"/>, with only the words of its noun phrase
    /// between ("the deadliest on the township since", "one of the most intense attacks in recent months").
    /// </summary>
    private static bool SuperlativeBefore(AnnotatedText text, TokenSpan sentence, int i)
    {
        // "the deadliest on the township since …": the superlative's noun may be left out and a place told after it.
        for (var k = i - 1; k >= Math.Max(sentence.StartToken, i - 6); k--)
        {
            // "at least the sixth since Sept. 2" counts, and "least" there is no superlative.
            if (text.PosOf(k) is "JJS" or "RBS" && !(k - 1 >= sentence.StartToken && text.WordOf(k - 1).Equals("at", StringComparison.OrdinalIgnoreCase))) return true;
            if (text.PosOf(k) is not ("NN" or "NNS" or "NNP" or "JJ" or "VBG" or "DT" or "IN") || text.WordOf(k) is "since" or "that" or "which") return false;
        }
        return false;
    }
}
