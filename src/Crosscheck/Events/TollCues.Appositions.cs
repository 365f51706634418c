using Crosscheck.Language;

namespace Crosscheck.Events;

// An ordinal told in apposition, whose words are its own count's.
public sealed partial class TollCues
{
    /// <summary>
    /// "The strike on the silo, the 40th on the region since the ceasefire collapsed, killed two farmers": the words of an
    /// ordinal's apposition (a comma, "the", an ordinal with no noun of its own, up to the closing comma) make the ordinal a
    /// count so far, not a count told after them; the first token past such an apposition closed by the comma nearest before
    /// <paramref name="start"/> (from <paramref name="from"/> on), else <paramref name="from"/>.
    /// </summary>
    private int PastOrdinalApposition(AnnotatedText text, TokenSpan sentence, int from, int start)
    {
        for (var c = start - 1; c >= from; c--)
        {
            if (text.WordOf(c) != ",") continue;
            // The comma nearest before the count closes the apposition when ", the Nth" opens it within its reach.
            for (var k = c - 3; k >= Math.Max(sentence.StartToken, c - AppositionReach); k--)
            {
                if (text.WordOf(k) != ",") continue;
                return text.WordOf(k + 1).Equals("the", StringComparison.OrdinalIgnoreCase) && TollFinder.Ordinal(this, text.WordOf(k + 2)) is not null
                    && text.PosOf(k + 3) is not ("NN" or "NNS") ? c + 1 : from;
            }
            return from;
        }
        return from;
    }

    /// <summary>How long an ordinal's apposition may be, in words.</summary>
    private const int AppositionReach = 14;
}
