using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>The words of a source around a frame's verb, and the token tests the frames share.</summary>
public sealed partial class AttributionFinder
{
    /// <summary>The source phrase ending just before <paramref name="end"/>, or null when none.</summary>
    private static TokenSpan? SourceBefore(AnnotatedText text, TokenSpan unit, int end)
    {
        // "Rep. Gwen Moore (D-Wis.) said": the parenthesis is part of the name.
        if (end - 1 > unit.StartToken && text.WordOf(end - 1) == ")")
        {
            for (var k = end - 2; k > unit.StartToken && end - k < 10; k--)
            {
                if (text.WordOf(k) != "(") continue;
                var s = NounPhraseStart(text, unit, k);
                return s < k ? text.Span(s, end) : null;
            }
        }
        var start = NounPhraseStart(text, unit, end);
        if (start == end && end - 1 > unit.StartToken && text.WordOf(end - 1) == ",")
        {
            // "Sheinbaum, who took office in 2024, said", "Scott Pruitt, the attorney general of Oklahoma, said":
            // the phrase before the relative clause or the apposition.
            for (var k = end - 2; k > unit.StartToken && end - k < 30; k--)
            {
                var w = text.WordOf(k);
                if (w != "," && w != "(") continue;
                var relative = text.WordOf(k + 1) is "who" or "whose";
                if (!relative && HasFiniteVerb(text, k + 1, end - 1)) return null;
                var s = NounPhraseStart(text, unit, k);
                return s < k && (relative || text.PosOf(k - 1) is "NNP" or "NNPS" or ")" or "-RRB-" || IsNamed(text, text.Span(s, k))) ? text.Span(s, k) : null;
            }
            return null;
        }
        if (start == end) return null;
        // Extend to a name the phrase cuts ("Secretary of War Pete Hegseth").
        foreach (var m in EntityLookup.Of(text).StartingIn(unit.StartToken, start))
        {
            if (m.Span.EndToken == end && m.Span.StartToken < start) start = m.Span.StartToken;
        }
        // Leading prepositions and conjunctions belong to the sentence, not to the source.
        while (start < end && (text.PosOf(start) is "IN" or "TO" or "CC" && !NameTokens.IsMistaggedName(text, start) || IsPostModifierAdjective(text.WordOf(start)))) start++;
        return start < end ? text.Span(start, end) : null;
    }

    /// <summary>
    /// The source phrase widened to the verb's subject when the words before the verb end a modifier of it
    /// ("Protesters marching through the streets chanted": not "the streets", which the parse attaches to "marching").
    /// </summary>
    private static TokenSpan WithParsedSubject(AnnotatedText text, TokenSpan unit, TokenSpan source, int cue)
    {
        var last = source.EndToken - 1;
        // Only a phrase right after a preposition can hang from a modifier; the parse is read only then (it costs a parse).
        if (source.StartToken - 1 < unit.StartToken || text.PosOf(source.StartToken - 1) is not ("IN" or "TO")) return source;
        if (text.RelationOf(last) is not ("obl" or "nmod")) return source;
        var subject = -1;
        for (var k = unit.StartToken; k < source.StartToken; k++)
        {
            if (text.HeadOf(k) == cue && text.RelationOf(k) is "nsubj" or "nsubj:pass") subject = k;
        }
        if (subject < 0 || !Governs(text, subject, last)) return source;
        var start = subject;
        for (var k = subject - 1; k >= unit.StartToken && Governs(text, subject, k); k--) start = k;
        return text.Span(start, source.EndToken);
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="token"/> or above it in the parse (a few hops).</summary>
    private static bool Governs(AnnotatedText text, int ancestor, int token)
    {
        for (var (t, hops) = (token, 0); t >= 0 && hops < 12; t = text.HeadOf(t), hops++) if (t == ancestor) return true;
        return false;
    }

    private static int NounPhraseStart(AnnotatedText text, TokenSpan unit, int end)
    {
        var start = end;
        while (start > unit.StartToken && end - start < 12)
        {
            var k = start - 1;
            var w = text.WordOf(k);
            if (AttributionWords.Pronouns.Contains(w))
            {
                if (start == end) start = k;
                break;
            }
            if (IsNounPhraseWord(text, k)) { start = k; continue; }
            if (w is "and" or "or" or "&" && start < end && k > unit.StartToken && text.WordOf(k - 1) != "," && IsNounPhraseWord(text, k - 1)) { start = k; continue; }
            // "sources familiar with the effort", "officials close to the talks", "a spokesman for the Pentagon".
            if (AttributionWords.NounPhraseLinks.Contains(w) && start < end && k > unit.StartToken && (IsNounPhraseWord(text, k - 1) || IsPostModifierAdjective(text.WordOf(k - 1))))
            {
                start = k;
                continue;
            }
            if (IsPostModifierAdjective(w) && start < end) { start = k; continue; }
            break;
        }
        // A phrase that cannot end a subject ("of the", "with").
        while (start < end && AttributionWords.NounPhraseLinks.Contains(text.WordOf(start)) && !IsPostModifierAdjective(text.WordOf(start))) start++;
        return start;
    }

    /// <summary>The inverted source after the verb ("said Trump", "said a spokesman for the Pentagon").</summary>
    private static TokenSpan? SourceAfter(AnnotatedText text, TokenSpan unit, int start)
    {
        var e = start;
        while (e < unit.EndToken && (IsNounPhraseWord(text, e) || (e > start && text.WordOf(e) is "of" or "for"))) e++;
        if (e == start) return null;
        if (e + 1 < unit.EndToken && text.WordOf(e) == "(")
        {
            var close = e + 1;
            while (close < unit.EndToken && close - e < 10 && text.WordOf(close) != ")") close++;
            if (close < unit.EndToken && text.WordOf(close) == ")") e = close + 1;
        }
        if (e < unit.EndToken && text.WordOf(e) is not ("." or "," or ";" or "!" or "?" or "”" or "\"")) return null;
        return text.Span(start, e);
    }

    private static bool IsNounPhraseWord(AnnotatedText text, int k)
    {
        var w = text.WordOf(k);
        if (AttributionWords.AnonymousHeads.Contains(w) || AttributionWords.DocumentHeads.Contains(w)) return true;
        var pos = text.PosOf(k) ?? "";
        // A participle after an auxiliary ("were made public") is a verb.
        if (pos == "VBN" && k > 0 && AttributionWords.Auxiliaries.Contains(text.WordOf(k - 1))) return false;
        if (pos is "DT" or "PDT" or "CD" or "POS" or "PRP$" or "NNP" or "NNPS" or "NN" or "NNS" or "JJ" or "JJR" or "JJS" or "VBN" && !AttributionWords.CueVerbs.ContainsKey(w)) return w is not ("that" or "this" or "which" or "what");
        // A hyphen joins the words of a name; a dash ("―", "—") ends the phrase.
        return w is "’s" or "'s" or "-" || (pos == "HYPH" && w is not ("—" or "–" or "―" or "--")) || NameTokens.IsMistaggedName(text, k);
    }

    /// <summary>"familiar", "close": an adjective that opens a source's post-modifier ("sources familiar with", "officials close to").</summary>
    private static bool IsPostModifierAdjective(string word) => AttributionWords.PostModifierAdjectives.Contains(word);

    private static bool HasFiniteVerb(AnnotatedText text, int start, int end)
    {
        for (var k = start; k < end; k++) if (text.PosOf(k) is "VBD" or "VBZ" or "VBP" or "MD") return true;
        return false;
    }

    private static bool IsDeterminerLike(AnnotatedText text, int k) => text.PosOf(k) is "DT" or "PRP$" or "POS" or "IN" or "CC" && !NameTokens.IsMistaggedName(text, k);

    private static bool IsNamed(AnnotatedText text, TokenSpan span)
    {
        return EntityLookup.Of(text).Overlapping(span).Any();
    }

    /// <summary>Whether a clause starts at <paramref name="k"/>: a subject-like word and a finite verb after it.</summary>
    private static bool StartsClause(AnnotatedText text, TokenSpan unit, int k)
    {
        var pos = text.PosOf(k) ?? "";
        if (pos is not ("PRP" or "DT" or "NNP" or "NNPS" or "NN" or "NNS" or "CD" or "EX" or "JJ" or "PRP$")) return false;
        for (var j = k + 1; j < unit.EndToken && j - k < 15; j++)
        {
            var p = text.PosOf(j) ?? "";
            if (p is "MD" or "VBZ" or "VBP" or "VBD") return true;
            if (text.WordOf(j) is "," or ";" or ":") return false;
        }
        return false;
    }

    /// <summary>The token before a postposed frame: a comma, a closing quote mark, a dash.</summary>
    private static bool IsFrameOpening(AnnotatedText text, int k) => text.WordOf(k) is "," or "”" or "\"" or "’" or "'" or "''" or "—" or "–" or "--";

    private static bool IsOpeningMark(AnnotatedText text, int k) => text.WordOf(k) is "“" or "‘" or "\"" or "'" or "''" or "``" or "«";

    private static TokenSpan? QuoteAt(AnnotatedText text, TokenSpan[] quoteTokens, int k)
    {
        var at = k;
        if (at < text.Count && IsOpeningMark(text, at)) at++;
        foreach (var q in quoteTokens) if (q.StartToken == at && q.Length > 0) return q;
        return null;
    }

    private static TokenSpan? QuoteEndingAt(TokenSpan[] quoteTokens, int endToken)
    {
        foreach (var q in quoteTokens) if (q.Length > 0 && q.EndToken >= endToken - 1 && q.EndToken <= endToken + 1 && q.StartToken < endToken) return q;
        return null;
    }

    private static int TrimEnd(AnnotatedText text, int start, int end)
    {
        while (end > start && text.WordOf(end - 1) is "." or "," or ";" or "!" or "?" or "”" or "\"" or "’") end--;
        return end;
    }
}
