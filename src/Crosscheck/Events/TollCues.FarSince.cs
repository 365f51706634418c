using Crosscheck.Language;

namespace Crosscheck.Events;

// A "since" that names a count's start past the clause window, in the present perfect.
public sealed partial class TollCues
{
    /// <summary>How far past the count's usual window a "since" of a present-perfect count may stand, in words.</summary>
    private const int FarSinceReach = 12;

    /// <summary>
    /// "At least 300 people have been killed in a wave of attacks on villages in Plateau state since December": a count in
    /// the present perfect takes its start from a "since" later in its own clause, however long the phrase between; the
    /// simple past ("were killed in the raid on the camp near the river since used by herders") does not, unless the count is
    /// a count noun whose phrase runs to the "since" with no verb between; and the clause
    /// ends at a comma, a clause break or an "and" that opens another clause. Null when there is none.
    /// </summary>
    private Cue? FarSince(AnnotatedText text, TokenSpan sentence, int start, int end, int to)
    {
        var perfect = InPresentPerfect(text, sentence, start, end);
        // "The ministry confirmed 15 deaths and 43 injuries from the wave of bombings in the capital since Friday": a count told
        // by a count noun (the <c>count</c> words) takes a "since" its own noun phrase reaches, no verb between, in any tense.
        var nominal = end - 1 >= start && _counts.ContainsKey(text.WordOf(end - 1)) && text.PosOf(end - 1) is "NNS" or "NN";
        if (!perfect && !nominal) return null;
        var (compareFrom, compareTo) = Comparison(text, sentence, to, Math.Min(sentence.EndToken, to + FarSinceReach));
        for (var i = to; i < sentence.EndToken && i < to + FarSinceReach; i++)
        {
            var word = text.WordOf(i);
            if (ClauseBreaks.Contains(word) || word == "," || word == "and" && OpensClause(text, i + 1, sentence.EndToken)) return null;
            if (!perfect && (text.PosOf(i) ?? "").StartsWith("VB", StringComparison.Ordinal)) return null;
            if (i >= compareFrom && i < compareTo) continue;
            foreach (var (words, since) in CuesStarting(word))
            {
                if (since && CueMatches(text, i, sentence.EndToken, words) && SinceNamesAStart(text, i + words.Length, sentence.EndToken))
                    return new Cue(i, i + words.Length, true);
            }
        }
        return null;
    }

    /// <summary>"have been killed", "has died", "have killed 300": "has" or "have" right before a participle, in or by the count.</summary>
    private static bool InPresentPerfect(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        for (var i = Math.Max(sentence.StartToken, start - 3); i < Math.Min(sentence.EndToken - 1, end + 3); i++)
        {
            if (text.WordOf(i).ToLowerInvariant() is not ("has" or "have")) continue;
            var next = text.PosOf(i + 1) == "RB" && i + 2 < sentence.EndToken ? i + 2 : i + 1;
            if (text.PosOf(next) == "VBN") return true;
        }
        return false;
    }
}
