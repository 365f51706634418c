using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>The report frames: a speaker line, a verb frame before or after its content, a participle frame, "according to".</summary>
public sealed partial class AttributionFinder
{
    /// <summary>A quote verb's colon or opening mark is at most this many tokens after it ("shouted at them: “…”").</summary>
    private const int QuoteVerbReach = 4;

    /// <summary>A transcript or headline line "PENCE: Well, look, …", "Poll: Wealthy voters …": a short name, a colon, the words.</summary>
    private static AttributionRelation? SpeakerLine(AnnotatedText text, TokenSpan unit)
    {
        if (unit.StartToken > 0 && !LineBreakBefore(text, unit.StartToken)) return null;
        for (var k = unit.StartToken + 1; k < unit.EndToken && k - unit.StartToken <= 4; k++)
        {
            if (text.WordOf(k) != ":") { if (text.PosOf(k) is not ("NNP" or "NNPS" or "NN" or "POS")) return null; continue; }
            var source = text.Span(unit.StartToken, k);
            if (text.PosOf(k - 1) is not ("NNP" or "NNPS") && !IsNamed(text, source) && !AttributionWords.DocumentHeads.Contains(text.WordOf(k - 1))) return null;
            var end = TrimEnd(text, k + 1, unit.EndToken);
            if (end - (k + 1) < 3) return null;
            return new AttributionRelation(text.Span(k, k + 1), text.Span(k + 1, end), Describe(text, source, ":", ":", null));
        }
        return null;
    }

    /// <summary>"made it clear", "made clear": the end of the cue, or null.</summary>
    private static int? MakeClear(AnnotatedText text, TokenSpan unit, int i)
    {
        if (i + 1 < unit.EndToken && text.WordOf(i + 1) == "clear") return i + 2;
        if (i + 2 < unit.EndToken && text.WordOf(i + 1) == "it" && text.WordOf(i + 2) == "clear") return i + 3;
        return null;
    }

    /// <summary>
    /// A verb frame: "SOURCE VERB (HEARER) (that|:) CONTENT" or "CONTENT, SOURCE VERB" or "CONTENT, VERB SOURCE". A
    /// <paramref name="quoteOnly"/> verb ("continued", "shouted") frames only a quotation or a colon right after it, or a
    /// quotation closing before it.
    /// </summary>
    private static AttributionRelation? Frame(AnnotatedText text, TokenSpan unit, int cue, int cueEnd, string lemma, TokenSpan[] quoteTokens, bool quoteOnly)
    {
        var pos = text.PosOf(cue) ?? "";
        var word = text.WordOf(cue);
        // "said to have", "is said": passives without a source; "to say", "the claim": not a frame.
        if (cueEnd + 1 < unit.EndToken && text.WordOf(cueEnd) == "to" && text.PosOf(cueEnd + 1) == "VB") return null;
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && lemma != "make clear") return Participle(text, unit, cue, lemma, quoteTokens, quoteOnly);

        // The source before the verb, over adverbs and auxiliaries.
        var beforeVerb = cue;
        while (beforeVerb > unit.StartToken && AttributionWords.VerbPrefixes.Contains(text.WordOf(beforeVerb - 1))) beforeVerb--;
        if (beforeVerb > unit.StartToken)
        {
            var p = text.WordOf(beforeVerb - 1);
            // A passive ("was told", "is said") or an infinitive has no source here.
            if (AttributionWords.PassiveMarkers.Contains(p)) return null;
        }
        TokenSpan? source = SourceBefore(text, unit, beforeVerb) is { } before ? WithParsedSubject(text, unit, before, cue) : null;
        var inverted = false;
        if (source is null && beforeVerb > unit.StartToken && IsFrameOpening(text, beforeVerb - 1) && lemma is not ("tell" or "make clear"))
        {
            // "…,” said Trump."
            source = SourceAfter(text, unit, cueEnd);
            inverted = source is not null;
        }
        if (source is null) return null;
        if (!inverted && IsDeterminerLike(text, source.Value.EndToken - 1)) return null;
        if (!inverted && pos is "NN" or "NNS" && !AttributionWords.AnonymousHeads.Contains(text.WordOf(source.Value.EndToken - 1)) && !IsNamed(text, source.Value)) return null;

        // The hearer ("told NBC News", "told reporters").
        var after = inverted ? source.Value.EndToken : cueEnd;
        TokenSpan? hearer = null;
        if (!inverted && AttributionWords.HearerVerbs.Contains(lemma))
        {
            var h = after;
            while (h < unit.EndToken && IsNounPhraseWord(text, h) && h - after < 6) h++;
            if (h > after) { hearer = text.Span(after, h); after = h; }
        }

        var cueSpan = text.Span(cue, cueEnd);
        var attribution = Describe(text, source.Value, word, cueEnd > cue + 1 ? cueSpan.Text : null, hearer);

        // Preposed: the content follows the frame.
        // Prepositional adjuncts before a colon or a quote ("said at a news conference: ‘…’").
        var contentStart = -1;
        for (var k = after; k < unit.EndToken && k - after < (quoteOnly ? QuoteVerbReach : 14); k++)
        {
            var wk = text.WordOf(k);
            if (wk is ":" || IsOpeningMark(text, k)) { contentStart = wk == ":" ? k + 1 : k; break; }
            if (wk is "." or ";" || (wk == "," && k + 1 < unit.EndToken && !IsOpeningMark(text, k + 1))) break;
        }
        if (contentStart < 0 && after < unit.EndToken && !quoteOnly)
        {
            if (text.WordOf(after) == "that" && after + 1 < unit.EndToken) contentStart = after + 1;
            else if (StartsClause(text, unit, after)) contentStart = after;
            while (contentStart >= 0 && contentStart < unit.EndToken && text.WordOf(contentStart) == ",") contentStart++;
        }
        if (contentStart >= 0 && contentStart < unit.EndToken)
        {
            var content = QuoteAt(text, quoteTokens, contentStart) ?? text.Span(contentStart, TrimEnd(text, contentStart, unit.EndToken));
            if (content.Length > 0) return new AttributionRelation(cueSpan, content, attribution);
        }

        // Postposed: the frame ends the sentence and the content precedes it.
        var frameStart = inverted ? cue : source.Value.StartToken;
        if (frameStart <= unit.StartToken || !IsFrameOpening(text, frameStart - 1)) return null;
        // "…, a figure the army has not confirmed": a frame that denies the report credits the content to no one.
        for (var k = beforeVerb; k < cue; k++)
        {
            if (AttributionWords.FrameNegations.Contains(text.WordOf(k).ToLowerInvariant())) return null;
        }
        var closing = frameStart - 1;
        // "…,” she said": the quote that closes there, however many sentences it runs over.
        while (closing > unit.StartToken && text.WordOf(closing) is "," or "”" or "\"" or "’" or "'" or "''" or "—" or "–" or "--") closing--;
        var quote = QuoteEndingAt(quoteTokens, closing + 1);
        if (quote is not null) return new AttributionRelation(cueSpan, quote.Value, attribution);
        if (quoteOnly) return null;
        var begin = unit.StartToken;
        while (begin < closing && (IsOpeningMark(text, begin) || text.WordOf(begin) is "(" )) begin++;
        if (closing + 1 - begin < 2) return null;
        return new AttributionRelation(cueSpan, text.Span(begin, closing + 1), attribution);
    }

    /// <summary>"Trump said …, adding that …", "…, while chanting “…”": a participle frame credited to the subject that opens the sentence.</summary>
    private static AttributionRelation? Participle(AnnotatedText text, TokenSpan unit, int cue, string lemma, TokenSpan[] quoteTokens, bool quoteOnly)
    {
        // "…, adding that", and "…, while chanting “…”" (a subordinator between the comma and the participle).
        var comma = cue - 1;
        if (comma > unit.StartToken && AttributionWords.ParticipleOpeners.Contains(text.WordOf(comma))) comma--;
        if (comma < unit.StartToken || text.WordOf(comma) != "," || lemma == "make clear" || AttributionWords.NoParticipleFrame.Contains(lemma)) return null;
        var after = cue + 1;
        // "chanting, “…”": a comma before the opening mark.
        if (after + 1 < unit.EndToken && text.WordOf(after) == "," && IsOpeningMark(text, after + 1)) after++;
        if (after < unit.EndToken && text.WordOf(after) == "that" && !quoteOnly) after++;
        else if ((quoteOnly || !StartsClause(text, unit, after)) && !(after < unit.EndToken && (IsOpeningMark(text, after) || text.WordOf(after) == ":"))) return null;
        if (after < unit.EndToken && text.WordOf(after) == ":") after++;
        var subjectEnd = unit.StartToken;
        while (subjectEnd < unit.EndToken && subjectEnd - unit.StartToken < 8 && (IsNounPhraseWord(text, subjectEnd) || AttributionWords.Pronouns.Contains(text.WordOf(subjectEnd)))) subjectEnd++;
        var source = text.Span(unit.StartToken, subjectEnd);
        // "The Front, an armed group in the north, claimed the raid, saying …": an apposition between commas after the
        // subject is passed over to its verb; the subject is the words before it.
        if (subjectEnd > unit.StartToken && subjectEnd < unit.EndToken && text.WordOf(subjectEnd) == "," && AppositionEnd(text, unit, subjectEnd) is { } verb) subjectEnd = verb;
        if (subjectEnd == unit.StartToken || text.PosOf(subjectEnd) is not ("VBD" or "VBZ" or "VBP" or "MD" or "RB")) return null;
        var content = QuoteAt(text, quoteTokens, after) ?? text.Span(after, TrimEnd(text, after, unit.EndToken));
        return content.Length == 0 ? null : new AttributionRelation(text.Span(cue, cue + 1), content, Describe(text, source, text.WordOf(cue).ToLowerInvariant(), null, null));
    }

    /// <summary>
    /// The word after an apposition that opens with the comma at <paramref name="comma"/>: noun-phrase words and "of",
    /// "in", "for" (at most ten), then a closing comma; null when the words between are no such phrase.
    /// </summary>
    private static int? AppositionEnd(AnnotatedText text, TokenSpan unit, int comma)
    {
        for (var k = comma + 1; k < unit.EndToken - 1 && k - comma <= 11; k++)
        {
            if (text.WordOf(k) == ",") return k > comma + 1 ? k + 1 : null;
            if (!IsNounPhraseWord(text, k) && text.WordOf(k).ToLowerInvariant() is not ("of" or "in" or "for")) return null;
        }
        return null;
    }

    /// <summary>
    /// "according to SOURCE" (or "…, per SOURCE": <paramref name="cueEnd"/> is where the source starts): the rest of the
    /// sentence is credited to it.
    /// </summary>
    private static AttributionRelation? AccordingTo(AnnotatedText text, TokenSpan unit, int according, int cueEnd, List<AttributionRelation> found)
    {
        var s = cueEnd;
        var e = s;
        while (e < unit.EndToken && text.WordOf(e) is not ("," or "." or ";" or ":" or "—" or "–" or "(" or ")") && !IsOpeningMark(text, e) && e - s < 14) e++;
        if (e == s) return null;
        // A relative clause or verb after the source is not part of it.
        for (var k = s; k < e; k++)
        {
            if (text.WordOf(k) is "who" or "which" or "that" || (k > s && (text.PosOf(k) ?? "").StartsWith("VBD", StringComparison.Ordinal))) { e = k; break; }
        }
        var source = text.Span(s, e);
        var cue = text.Span(according, cueEnd);
        var words = cueEnd - according == 2 ? "according to" : text.WordOf(according).ToLowerInvariant();
        var attribution = Describe(text, source, words, words, null);
        TokenSpan content;
        if (according > unit.StartToken + 1)
        {
            var end = according;
            while (end > unit.StartToken && text.WordOf(end - 1) is "," or "—" or "–" or "(") end--;
            content = text.Span(unit.StartToken, end);
        }
        else
        {
            var b = e;
            while (b < unit.EndToken && text.WordOf(b) is "," or "—" or "–" or ")") b++;
            content = text.Span(b, TrimEnd(text, b, unit.EndToken));
        }
        return content.Length == 0 ? null : new AttributionRelation(cue, content, attribution);
    }
}
