using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Sources carried over: a pronoun coreference left open, and a quote that continues the one before it.</summary>
public sealed partial class AttributionFinder
{
    /// <summary>
    /// A pronoun source coreference left open ("They also say") takes the attribution of the nearest earlier
    /// source it can stand for: "they" a group of sources or an organization, "he"/"she" one person or one source.
    /// </summary>
    private static void ResolvePronouns(List<AttributionRelation> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i].Attribution;
            if (!IsOpenPronoun(a)) continue;
            var plural = a.Speaker!.Value.Text.ToLowerInvariant() is "they" or "we";
            for (var j = i - 1; j >= 0 && i - j <= 6; j--)
            {
                var earlier = found[j].Attribution;
                if (IsOpenPronoun(earlier) || earlier.Kind is AttributionKind.Unattributed or AttributionKind.Document) continue;
                var many = earlier.Kind == AttributionKind.Anonymous ? earlier.Count is null or > 1 : earlier.SpeakerEntity?.Type is not EntityType.Person;
                if (many != plural) continue;
                found[i] = found[i] with { Attribution = earlier with { Speaker = a.Speaker, Verb = a.Verb, Via = a.Via ?? earlier.Via } };
                break;
            }
        }
    }

    private static bool IsOpenPronoun(Attribution a) =>
        a.Kind == AttributionKind.Anonymous && a.Speaker is { Length: 1 } s && AttributionWords.Pronouns.Contains(s.Text);

    /// <summary>A quote that opens a paragraph with no frame of its own continues the speaker of the quote before it.</summary>
    private static void AddContinuedQuotes(AnnotatedText text, List<QuoteMarks.QuoteSpan> quotes, TokenSpan[] quoteTokens, List<AttributionRelation> found)
    {
        AttributionRelation? previous = null;
        var previousParagraph = -1;
        for (var q = 0; q < quotes.Count; q++)
        {
            var tokens = quoteTokens[q];
            if (tokens.Length == 0) continue;
            AttributionRelation? own = null;
            foreach (var r in found)
            {
                if (r.Content.Overlaps(tokens) && (own is null || r.Content.Length < own.Content.Length)) own = r;
            }
            if (own is null && previous is not null && quotes[q].OpensParagraph && quotes[q].Paragraph - previousParagraph <= 1 && !HasFrameInLine(text, found, tokens))
            {
                own = previous with { Content = tokens };
                found.Add(own);
            }
            if (own is not null) { previous = own; previousParagraph = quotes[q].Paragraph; }
        }
    }

    private static bool HasFrameInLine(AnnotatedText text, List<AttributionRelation> found, TokenSpan tokens)
    {
        var sentence = text.SentenceOf(tokens.StartToken);
        foreach (var r in found) if (sentence.Contains(r.Cue.StartToken) && r.Cue.StartToken >= tokens.StartToken) return true;
        return false;
    }
}
