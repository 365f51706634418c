using Crosscheck.Language;

namespace Crosscheck.Events;

public sealed partial class TollCues
{
    /// <summary>
    /// "Drone strikes have killed some 2,000 people in 18 months", "killed 40 fighters over two weeks": a length of time
    /// ("in", "over" or "within" and a number of two or more of a <c>period</c> word) in a count of many's clause says the
    /// count sums up that span. Hours are left out: "killed 30 people in two hours" is one rampage. The words of the length,
    /// or null when there are none.
    /// </summary>
    private TokenSpan? LengthOfTime(AnnotatedText text, int from, int to, int start, int end)
    {
        if (!CountsMany(text, start, end)) return null;
        for (var i = from; i + 1 < to; i++)
        {
            if (i >= start && i < end || text.WordOf(i).ToLowerInvariant() is not ("in" or "over" or "within")) continue;
            if (NumberStartingAt(text, i + 1) is not { Min: >= 2 } length || length.Span.EndToken > to || length.Unit is not { } unit) continue;
            if (!_periods.Contains(unit) || unit.StartsWith("hour", StringComparison.OrdinalIgnoreCase)) continue;
            var last = length.Span.EndToken < to && text.WordOf(length.Span.EndToken).Equals(unit, StringComparison.OrdinalIgnoreCase) ? length.Span.EndToken + 1 : length.Span.EndToken;
            return text.Span(i, last);
        }
        return null;
    }

    /// <summary>
    /// "In the third quarter alone, monitors recorded 310 deaths": a <c>stretch</c> cue in the count's clause sums up a
    /// stretch of the year that is over, so the count stands at no day the article gives.
    /// </summary>
    internal bool NamesPastStretch(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        var (from, to) = Window(text, sentence, start, end);
        for (var k = sentence.StartToken; k < to; k++)
        {
            // An opening stretch scopes the whole sentence ("In the first half of the year, 1,200 civilians were killed").
            if (k < from && k != sentence.StartToken) continue;
            foreach (var (words, _) in CuesStarting(text.WordOf(k)))
            {
                if (_stretches.Contains(string.Join(' ', words)) && CueMatches(text, k, to, words)) return true;
            }
        }
        return false;
    }
}
