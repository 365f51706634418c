using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The credit line after a quote: “…” — Name (a dash after the closing mark, then a name, and optionally a comma and a
/// description, to the end of the line, a full stop allowed), the convention of epigraphs, reader comments and quoted posts.
/// </summary>
internal static class DashCredits
{
    /// <summary>At most this many words name the speaker (the description after a comma aside).</summary>
    private const int MaxNameWords = 6;

    /// <summary>Adds a relation for each quote no relation holds yet whose line ends with a dash credit.</summary>
    public static void Add(AnnotatedText text, List<QuoteMarks.QuoteSpan> quotes, TokenSpan[] quoteTokens, List<AttributionRelation> found)
    {
        for (var q = 0; q < quotes.Count; q++)
        {
            var quote = quoteTokens[q];
            if (quote.Length == 0 || Held(found, quote)) continue;
            // After the quoted words: the closing mark and any punctuation (“…”. — Name), then the dash, on the same line.
            // Read on characters, as a mark and a dash written together may be one token.
            var raw = text.Text;
            var at = quotes[q].End;
            while (at < raw.Length && raw[at] is '”' or '"' or '’' or '\'' or '.' or ',' or ' ' or '\u00A0') at++;
            if (at >= raw.Length || raw[at] is not ('—' or '―' or '–')) continue;
            var dash = quote.EndToken - 1;
            while (dash + 1 < text.Count && text.StartOf(dash + 1) <= at) dash++;
            var start = dash + 1;
            var k = start;
            while (k < text.Count && k - start < MaxNameWords && text.PosOf(k) is "NNP" or "NNPS" && (k == start || !LineBreakBetween(text, k - 1, k))) k++;
            if (start > quote.EndToken + 4 || raw.AsSpan(quotes[q].End, Math.Max(0, at - quotes[q].End)).Contains('\n')) continue;
            if (k == start || !EndsLine(text, k)) continue;
            var attribution = AttributionFinder.Describe(text, text.Span(start, k), text.WordOf(dash), null, null) with { Verb = null };
            found.Add(new AttributionRelation(text.Span(dash, dash + 1), quote, attribution));
        }
    }

    private static bool Held(List<AttributionRelation> found, TokenSpan quote)
    {
        foreach (var r in found) if (r.Content.Overlaps(quote)) return true;
        return false;
    }

    /// <summary>
    /// Whether the line ends at token <paramref name="k"/> (a full stop closing the name aside), or after a comma and a
    /// description with no quotation mark.
    /// </summary>
    private static bool EndsLine(AnnotatedText text, int k)
    {
        if (k >= text.Count || LineBreakBetween(text, k - 1, k)) return true;
        if (text.WordOf(k) == "." && (k + 1 >= text.Count || LineBreakBetween(text, k, k + 1))) return true;
        if (text.WordOf(k) is not ("," or "(")) return false;
        for (var j = k + 1; j < text.Count && j - k < 15; j++)
        {
            if (LineBreakBetween(text, j - 1, j)) return true;
            if (text.WordOf(j) is "“" or "”" or "\"" or "—" or "―") return false;
            if (j == text.Count - 1) return true;
        }
        return false;
    }

    private static bool LineBreakBetween(AnnotatedText text, int a, int b)
    {
        for (var i = text.EndOf(a); i < text.StartOf(b); i++) if (text.Text[i] == '\n') return true;
        return false;
    }
}
