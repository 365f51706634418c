using Crosscheck.Language;

namespace Crosscheck.Events;

// The other side's count told with no noun after a toll: "Tajikistan has reported 14 deaths, while Kyrgyzstan has confirmed nine".
public sealed partial class TollFinder
{
    /// <summary>
    /// "…reported 14 deaths, while Kyrgyzstan has confirmed nine", "…, and the rebels reported 20": after a toll, a clause
    /// opened by "while", "whereas", "and" or "but" whose verb is one of saying a count (the <c>claim</c> words) and whose
    /// object is a bare number (nothing after it but the clause's end, or a noun of people) counts the same thing as the
    /// toll, a toll of its own as of the same day.
    /// </summary>
    private static void AddOtherSide(AnnotatedText text, TollCues cues, TokenSpan sentence, Toll toll, int after, List<Toll> found, List<(int Start, int End)> used)
    {
        for (var k = after; k < sentence.EndToken && k - after <= 10; k++)
        {
            var word = text.WordOf(k);
            if (word is ";" or ":" or "(" or ")" or "—" or "–") return;
            if (word.ToLowerInvariant() is not ("while" or "whereas" or "and" or "but")) continue;
            // The subject: a few words of a name or a noun phrase, no verb but an auxiliary.
            var v = k + 1;
            while (v < sentence.EndToken && v - k <= 5 && text.PosOf(v) is "NNP" or "NNPS" or "NN" or "NNS" or "DT" or "JJ" or "POS" or "PRP") v++;
            if (v == k + 1) return;
            while (v < sentence.EndToken && v - k <= 7 && text.WordOf(v).ToLowerInvariant() is "has" or "have" or "had" or "so" or "far" or "also" or "only") v++;
            if (v + 1 >= sentence.EndToken || !(text.PosOf(v) ?? "").StartsWith("VB", StringComparison.Ordinal) || !cues.IsClaimVerb(text.WordOf(v))) return;
            if (TollCues.NumberStartingAt(text, v + 1) is not { } n || n.Unit is not null || used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) return;
            var end = n.Span.EndToken;
            if (end < sentence.EndToken && (PersonNouns.Contains(text.WordOf(end)) || cues.IsOwnVictimWord(text.WordOf(end)))) end++;
            if (end < sentence.EndToken && text.WordOf(end) is not ("." or "," or ";" or "!" or "?")) return;
            var words = text.Span(n.Span.StartToken, end);
            found.Add(toll with { Min = n.Min, Max = n.Max, Span = words, Victims = words });
            used.Add((n.Span.StartToken, end));
            return;
        }
    }

    /// <summary>
    /// "put its own losses at 11 soldiers and 5 civilians": a tally's number that opens groups of people joined by "and" or
    /// commas (each a number, describing words and a noun of people) is told group by group; the groups, or an empty list
    /// when the words after the number are not that.
    /// </summary>
    private static List<TollParts.Part> PeopleGroups(AnnotatedText text, TollCues cues, TokenSpan sentence, NumberMention first)
    {
        var end = first.Span.StartToken;
        var groups = 0;
        while (TollCues.NumberStartingAt(text, end) is { } n && n.Span.EndToken < sentence.EndToken)
        {
            var k = n.Span.EndToken;
            while (k < sentence.EndToken && k - n.Span.EndToken < 2 && text.PosOf(k) is "JJ") k++;
            if (k >= sentence.EndToken || !(PersonNouns.Contains(text.WordOf(k)) || cues.IsOwnVictimWord(text.WordOf(k)))) break;
            groups++;
            end = k + 1;
            var next = end;
            if (next < sentence.EndToken && text.WordOf(next) == ",") next++;
            if (next < sentence.EndToken && text.WordOf(next).Equals("and", StringComparison.OrdinalIgnoreCase)) next++;
            if (next == end) break;
            end = next;
        }
        while (end > first.Span.StartToken && text.WordOf(end - 1) is "," or "and") end--;
        return groups < 2 ? [] : TollParts.Of(text, first.Span.StartToken, end);
    }
}
