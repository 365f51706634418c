using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The counted groups of one victim phrase: "five soldiers and eight civilians" is two groups, 5 and 8; "at least
/// 12 people" is one. A toll stated by groups is kept by group, as the text states it, so that a side's or a
/// category's series (soldiers, civilians) can be followed; the sum is not a figure the text gives. A group named by
/// "a" and a singular noun is one ("six Thai farmers and a Cambodian officer" is 6 and 1).
/// </summary>
internal static class TollParts
{
    public readonly record struct Part(decimal Min, decimal? Max, TokenSpan Span);

    /// <summary>The groups of the phrase [<paramref name="start"/>, <paramref name="end"/>); fewer than two when it is one group.</summary>
    public static List<Part> Of(AnnotatedText text, int start, int end)
    {
        var parts = new List<Part>();
        var partStart = start;
        NumberMention? number = null;
        var single = false;
        for (var i = start; i <= end; i++)
        {
            // "nine farmers, including a boy, and one guard": an aside inside a group is part of it.
            if (i < end && text.WordOf(i) == "," && TollCues.Default.PartJoinEnd(text, i + 1, end) is { } joined)
            {
                var close = joined;
                while (close < end && text.WordOf(close) != ",") close++;
                if (close < end) { i = close; continue; }
            }
            var boundary = i == end || text.WordOf(i) is "and" or "," && (NumberAfter(text, i + 1, end) is not null || parts.Count + (number is null ? 0 : 1) > 0 && IsOne(text, i + 1, end));
            if (!boundary)
            {
                if (i == partStart && number is null && IsOne(text, i, end)) single = true;
                else if (TollCues.NumberStartingAt(text, i) is { } n && n.Span.EndToken <= end && !CasualtyFinder.IsAge(text, n))
                {
                    // Two numbers in one group ("24 of 31 people") are no split.
                    if (number is not null) return [];
                    number = n;
                    i = n.Span.EndToken - 1;
                }
                continue;
            }
            if (number is null && !single) return [];
            var partEnd = i;
            while (partEnd > partStart && text.WordOf(partEnd - 1) is "," or "and") partEnd--;
            parts.Add(number is { } found ? new Part(found.Min, found.Max, text.Span(partStart, partEnd)) : new Part(1, 1, text.Span(partStart, partEnd)));
            number = null;
            single = false;
            partStart = i + 1;
        }
        return parts;
    }

    /// <summary>Whether the group at <paramref name="at"/> is one person: "a"/"an" and a singular noun ("a Thai soldier").</summary>
    private static bool IsOne(AnnotatedText text, int at, int end)
    {
        if (at >= end || !(text.WordOf(at).Equals("a", StringComparison.OrdinalIgnoreCase) || text.WordOf(at).Equals("an", StringComparison.OrdinalIgnoreCase))) return false;
        // The phrase's last word is its head: "a Thai soldier", "a police officer" (not "a few soldiers").
        var last = at;
        while (last + 1 < end && last - at < 4 && text.PosOf(last + 1) is "JJ" or "NN" or "NNP" or "NNPS") last++;
        return last > at && text.PosOf(last) is "NN";
    }

    /// <summary>The number that opens the group starting at <paramref name="at"/>, past a determiner ("another 13", "a further 14").</summary>
    private static NumberMention? NumberAfter(AnnotatedText text, int at, int end)
    {
        for (var i = at; i < end && i - at <= 2; i++)
        {
            if (TollCues.NumberStartingAt(text, i) is { } n) return CasualtyFinder.IsAge(text, n) ? null : n;
            if (text.PosOf(i) is not ("DT" or "JJ" or "RB")) return null;
        }
        return null;
    }
}
