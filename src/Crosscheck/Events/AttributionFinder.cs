using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// One attribution in a text: the words credited (<see cref="Content"/>), the report frame's verb or phrase
/// (<see cref="Cue"/>: "told", "according to") and who they are credited to (<see cref="Attribution"/>, whose
/// <see cref="Attribution.Speaker"/> is the source's words).
/// </summary>
public sealed record AttributionRelation(TokenSpan Cue, TokenSpan Content, Attribution Attribution)
{
    /// <summary>The words naming the source ("two US officials", "she"); null when the text names none.</summary>
    public TokenSpan? Source => Attribution.Speaker;

    /// <summary>Whether the speaker came from the learned quote-speaker ranker rather than a rule frame.</summary>
    public bool Learned { get; init; }
}

/// <summary>
/// Finds who a statement is credited to: the report frame around a clause ("two US officials told NBC News",
/// "according to Reuters", "NBC News reported"), the speaker, how many sources, the outlet credited and the verb.
/// Rules over words and tags, one pass per text; thread-safe.
/// </summary>
public sealed class AttributionFinder
{
    public static readonly AttributionFinder Default = new();

    /// <summary>The learned quote-speaker ranker (the embedded model by default); null reads with the rules alone.</summary>
    internal QuoteSpeakerModel? Speakers
    {
        // The embedded model is loaded on first use, so a finder given its own model (or none) never touches it.
        get => _speakersGiven ? _speakers : QuoteSpeakerModel.Embedded;
        init => (_speakers, _speakersGiven) = (value, true);
    }

    private readonly QuoteSpeakerModel? _speakers;
    private readonly bool _speakersGiven;

    /// <summary>Whether the ranker's speaker replaces the speaker of a rule frame holding the quote (false: it only adds quotes no frame holds).</summary>
    internal bool SpeakersOverrideRules { get; init; }

    private readonly ConditionalWeakTable<AnnotatedText, RelationsBox> _cache = new();

    private sealed class RelationsBox(ImmutableArray<AttributionRelation> relations)
    {
        public ImmutableArray<AttributionRelation> Relations { get; } = relations;
    }

    /// <summary>
    /// The attribution of the clause around <paramref name="focus"/> in <paramref name="sentence"/>: the frame of
    /// that sentence whose content holds the focus (the innermost when frames nest); unattributed when none does.
    /// A frame in another sentence is not used, nor a frame whose content is another clause of the sentence.
    /// </summary>
    public Attribution Find(AnnotatedText text, TokenSpan sentence, TokenSpan focus)
    {
        ArgumentNullException.ThrowIfNull(text);
        AttributionRelation? best = null;
        // Only frames cued inside the sentence are looked at.
        foreach (var r in FindAll(text))
        {
            if (r.Cue.StartToken < sentence.StartToken || r.Cue.StartToken >= sentence.EndToken || !r.Content.Contains(focus.StartToken)) continue;
            if (best is null || r.Content.Length < best.Content.Length) best = r;
        }
        return best?.Attribution ?? Attribution.Unattributed;
    }

    /// <summary>Every attribution of <paramref name="text"/>, in text order of their cues. Computed once per text.</summary>
    public ImmutableArray<AttributionRelation> FindAll(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.GetValue(text, t => new RelationsBox(Compute(t))).Relations;
    }

    // ---- The finder. ----

    private ImmutableArray<AttributionRelation> Compute(AnnotatedText text)
    {
        var quotes = QuoteMarks.Find(text.Text);
        var quoteTokens = new TokenSpan[quotes.Count];
        for (var q = 0; q < quotes.Count; q++) quoteTokens[q] = QuoteMarks.Tokens(text, quotes[q]);
        var found = new List<AttributionRelation>();
        foreach (var sentence in text.Sentences)
        {
            // A sentence the splitter ran over a line break (a caption, a headline) is read line by line.
            var start = sentence.StartToken;
            for (var i = sentence.StartToken + 1; i <= sentence.EndToken; i++)
            {
                if (i < sentence.EndToken && !LineBreakBefore(text, i)) continue;
                ReadUnit(text, text.Span(start, i), quoteTokens, found);
                start = i;
            }
        }
        DashCredits.Add(text, quotes, quoteTokens, found);
        found.Sort((a, b) => a.Cue.StartToken.CompareTo(b.Cue.StartToken));
        ResolvePronouns(found);
        if (Speakers is { } model)
        {
            QuoteSpeakers.Apply(text, model, quotes, quoteTokens, found, SpeakersOverrideRules);
            found.Sort((a, b) => a.Cue.StartToken.CompareTo(b.Cue.StartToken));
            ResolvePronouns(found);
        }
        else AddContinuedQuotes(text, quotes, quoteTokens, found);
        found.Sort((a, b) => a.Content.StartToken != b.Content.StartToken ? a.Content.StartToken.CompareTo(b.Content.StartToken) : a.Cue.StartToken.CompareTo(b.Cue.StartToken));
        return [.. found];
    }

    private static bool LineBreakBefore(AnnotatedText text, int token)
    {
        var s = text.Text;
        for (var j = text.StartOf(token) - 1; j >= 0 && j >= text.EndOf(token - 1); j--) if (s[j] == '\n') return true;
        return false;
    }

    /// <summary>Reads the frames of one sentence (or one line of a sentence).</summary>
    private static void ReadUnit(AnnotatedText text, TokenSpan unit, TokenSpan[] quoteTokens, List<AttributionRelation> found)
    {
        if (SpeakerLine(text, unit) is { } line) found.Add(line);
        for (var i = unit.StartToken; i < unit.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (InsideQuote(quoteTokens, i)) continue;
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < unit.EndToken && text.WordOf(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                if (AccordingTo(text, unit, i, found) is { } r) found.Add(r);
                continue;
            }
            string? lemma;
            var cueEnd = i + 1;
            if (w is "made" or "make" or "makes" or "making" && MakeClear(text, unit, i) is { } clearEnd)
            {
                lemma = "make clear";
                cueEnd = clearEnd;
            }
            else if (!AttributionWords.CueVerbs.TryGetValue(w, out lemma)) continue;
            if (Frame(text, unit, i, cueEnd, lemma, quoteTokens) is { } frame) found.Add(frame);
        }
    }

    private static bool InsideQuote(TokenSpan[] quoteTokens, int token)
    {
        foreach (var q in quoteTokens) if (q.Contains(token)) return true;
        return false;
    }

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

    /// <summary>A verb frame: "SOURCE VERB (HEARER) (that|:) CONTENT" or "CONTENT, SOURCE VERB" or "CONTENT, VERB SOURCE".</summary>
    private static AttributionRelation? Frame(AnnotatedText text, TokenSpan unit, int cue, int cueEnd, string lemma, TokenSpan[] quoteTokens)
    {
        var pos = text.PosOf(cue) ?? "";
        var word = text.WordOf(cue);
        // "said to have", "is said": passives without a source; "to say", "the claim": not a frame.
        if (cueEnd + 1 < unit.EndToken && text.WordOf(cueEnd) == "to" && text.PosOf(cueEnd + 1) == "VB") return null;
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && lemma != "make clear") return Participle(text, unit, cue, lemma, quoteTokens);

        // The source before the verb, over adverbs and auxiliaries.
        var beforeVerb = cue;
        while (beforeVerb > unit.StartToken && AttributionWords.VerbPrefixes.Contains(text.WordOf(beforeVerb - 1))) beforeVerb--;
        if (beforeVerb > unit.StartToken)
        {
            var p = text.WordOf(beforeVerb - 1);
            // A passive ("was told", "is said") or an infinitive has no source here.
            if (p is "was" or "were" or "is" or "are" or "been" or "be" or "being" or "to") return null;
        }
        var source = SourceBefore(text, unit, beforeVerb);
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
        for (var k = after; k < unit.EndToken && k - after < 14; k++)
        {
            var wk = text.WordOf(k);
            if (wk is ":" || IsOpeningMark(text, k)) { contentStart = wk == ":" ? k + 1 : k; break; }
            if (wk is "." or ";" || (wk == "," && k + 1 < unit.EndToken && !IsOpeningMark(text, k + 1))) break;
        }
        if (contentStart < 0 && after < unit.EndToken)
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
        var closing = frameStart - 1;
        // "…,” she said": the quote that closes there, however many sentences it runs over.
        while (closing > unit.StartToken && text.WordOf(closing) is "," or "”" or "\"" or "’" or "'" or "''" or "—" or "–" or "--") closing--;
        var quote = QuoteEndingAt(quoteTokens, closing + 1);
        if (quote is not null) return new AttributionRelation(cueSpan, quote.Value, attribution);
        var begin = unit.StartToken;
        while (begin < closing && (IsOpeningMark(text, begin) || text.WordOf(begin) is "(" )) begin++;
        if (closing + 1 - begin < 2) return null;
        return new AttributionRelation(cueSpan, text.Span(begin, closing + 1), attribution);
    }

    /// <summary>"Trump said …, adding that …": a participle frame credited to the subject that opens the sentence.</summary>
    private static AttributionRelation? Participle(AnnotatedText text, TokenSpan unit, int cue, string lemma, TokenSpan[] quoteTokens)
    {
        if (cue == unit.StartToken || text.WordOf(cue - 1) != "," || lemma is "make clear" or "learn" or "hope" or "expect") return null;
        var after = cue + 1;
        if (after < unit.EndToken && text.WordOf(after) == "that") after++;
        else if (!StartsClause(text, unit, after) && !(after < unit.EndToken && (IsOpeningMark(text, after) || text.WordOf(after) == ":"))) return null;
        if (after < unit.EndToken && text.WordOf(after) == ":") after++;
        var subjectEnd = unit.StartToken;
        while (subjectEnd < unit.EndToken && subjectEnd - unit.StartToken < 8 && (IsNounPhraseWord(text, subjectEnd) || AttributionWords.Pronouns.Contains(text.WordOf(subjectEnd)))) subjectEnd++;
        if (subjectEnd == unit.StartToken || text.PosOf(subjectEnd) is not ("VBD" or "VBZ" or "VBP" or "MD" or "RB")) return null;
        var source = text.Span(unit.StartToken, subjectEnd);
        var content = QuoteAt(text, quoteTokens, after) ?? text.Span(after, TrimEnd(text, after, unit.EndToken));
        return content.Length == 0 ? null : new AttributionRelation(text.Span(cue, cue + 1), content, Describe(text, source, text.WordOf(cue).ToLowerInvariant(), null, null));
    }

    /// <summary>"according to SOURCE": the rest of the sentence is credited to it.</summary>
    private static AttributionRelation? AccordingTo(AnnotatedText text, TokenSpan unit, int according, List<AttributionRelation> found)
    {
        var s = according + 2;
        var e = s;
        while (e < unit.EndToken && text.WordOf(e) is not ("," or "." or ";" or ":" or "—" or "–" or "(" or ")") && !IsOpeningMark(text, e) && e - s < 14) e++;
        if (e == s) return null;
        // A relative clause or verb after the source is not part of it.
        for (var k = s; k < e; k++)
        {
            if (text.WordOf(k) is "who" or "which" or "that" || (k > s && (text.PosOf(k) ?? "").StartsWith("VBD", StringComparison.Ordinal))) { e = k; break; }
        }
        var source = text.Span(s, e);
        var cue = text.Span(according, according + 2);
        var attribution = Describe(text, source, "according to", "according to", null);
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
        while (start < end && (text.PosOf(start) is "IN" or "TO" or "CC" || text.WordOf(start) is "familiar" or "close")) start++;
        return start < end ? text.Span(start, end) : null;
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
            if (AttributionWords.NounPhraseLinks.Contains(w) && start < end && k > unit.StartToken && (IsNounPhraseWord(text, k - 1) || text.WordOf(k - 1) is "familiar" or "close"))
            {
                start = k;
                continue;
            }
            if (w is "familiar" or "close" && start < end) { start = k; continue; }
            break;
        }
        // A phrase that cannot end a subject ("of the", "with").
        while (start < end && AttributionWords.NounPhraseLinks.Contains(text.WordOf(start)) && text.WordOf(start) is not ("familiar" or "close")) start++;
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
        if (pos is "DT" or "PDT" or "CD" or "POS" or "PRP$" or "NNP" or "NNPS" or "NN" or "NNS" or "JJ" or "JJR" or "JJS" or "VBN" && !AttributionWords.CueVerbs.ContainsKey(w)) return w is not ("that" or "this" or "which" or "what");
        return w is "’s" or "'s" or "-" || (pos == "HYPH");
    }

    private static bool HasFiniteVerb(AnnotatedText text, int start, int end)
    {
        for (var k = start; k < end; k++) if (text.PosOf(k) is "VBD" or "VBZ" or "VBP" or "MD") return true;
        return false;
    }

    private static bool IsDeterminerLike(AnnotatedText text, int k) => text.PosOf(k) is "DT" or "PRP$" or "POS" or "IN" or "CC";

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

    // ---- Who the source is. ----

    internal static Attribution Describe(AnnotatedText text, TokenSpan source, string word, string? phrase, TokenSpan? hearer)
    {
        var verb = phrase ?? word.ToLowerInvariant();
        var via = hearer is { } h ? OutletIn(text, h) : null;
        var headIndex = source.EndToken - 1;
        // "four sources familiar with the effort": the head is before the post-modifier.
        for (var k = source.StartToken; k < source.EndToken; k++)
        {
            if (AttributionWords.NounPhraseLinks.Contains(text.WordOf(k)) && k > source.StartToken) { headIndex = k - 1; break; }
        }
        if (text.WordOf(headIndex) is "familiar" or "close" && headIndex > source.StartToken) headIndex--;
        var head = text.WordOf(headIndex);

        // A name at the head, else a pronoun or a description the coreference resolved ("she", "the president").
        var pronoun = AttributionWords.Pronouns.Contains(head);
        // A pronoun is resolved by its own chain mention only, never by a name the recognizer ran over it.
        var entity = pronoun ? null : EntityAt(text, source, headIndex);
        var chain = ChainAt(text, source, headIndex, pronoun);
        var spokesperson = head.StartsWith("spokes", StringComparison.OrdinalIgnoreCase);
        if (entity is null && chain is not null && (AttributionWords.Pronouns.Contains(head) || !AttributionWords.AnonymousHeads.Contains(head))) entity = NamedMentionOf(text, chain);
        else if (entity is not null && !spokesperson && entity.Span.EndToken <= headIndex) entity = null;
        if (entity is not null)
        {
            var name = chain?.Name ?? entity.Known?.Name ?? entity.Name.Text;
            if (entity.Type == EntityType.Outlet)
                return new Attribution(AttributionKind.Outlet) { Speaker = source, SpeakerEntity = entity, SpeakerName = name, Via = name, Verb = verb };
            return new Attribution(AttributionKind.Named) { Speaker = source, SpeakerEntity = entity, SpeakerName = name, Via = via, Verb = verb };
        }
        if (chain is not null && !AttributionWords.AnonymousHeads.Contains(head))
            return new Attribution(chain.Type == EntityType.Outlet ? AttributionKind.Outlet : AttributionKind.Named)
            {
                Speaker = source, SpeakerName = chain.Name, Via = chain.Type == EntityType.Outlet ? chain.Name : via, Verb = verb,
            };
        if (AttributionWords.AnonymousHeads.Contains(head))
            return new Attribution(AttributionKind.Anonymous) { Speaker = source, Count = CountOf(text, source, headIndex), Via = via, Verb = verb };
        if (AttributionWords.DocumentHeads.Contains(head))
        {
            var outlet = OutletIn(text, source);
            return new Attribution(AttributionKind.Document) { Speaker = source, Via = outlet ?? StripDeterminer(text, source), Verb = verb };
        }
        if (AttributionWords.OutletNouns.Contains(head) && text.PosOf(source.StartToken) == "DT" && LastOutletBefore(text, source.StartToken) is { } earlier)
            return new Attribution(AttributionKind.Outlet) { Speaker = source, SpeakerName = earlier, Via = earlier, Verb = verb };
        if (AttributionWords.Pronouns.Contains(head))
            // Resolved later from the previous source, when coreference left it open ("They also say").
            return new Attribution(AttributionKind.Anonymous) { Speaker = source, Via = via, Verb = verb };
        if (text.PosOf(headIndex) is "NNP" or "NNPS" || IsNamed(text, source))
        {
            return new Attribution(AttributionKind.Named) { Speaker = source, SpeakerEntity = entity, SpeakerName = NameOf(text, source), Via = via, Verb = verb };
        }
        return new Attribution(AttributionKind.Anonymous) { Speaker = source, Count = CountOf(text, source, headIndex), Via = via, Verb = verb };
    }

    /// <summary>A name from words the recognizer did not tag: without its determiner and the office words before a proper noun.</summary>
    private static string NameOf(AnnotatedText text, TokenSpan span)
    {
        var s = span.StartToken;
        if (span.Length > 1 && text.PosOf(s) == "DT") s++;
        while (s < span.EndToken - 1 && AttributionWords.TitleWords.Contains(text.WordOf(s)) && text.PosOf(s + 1) is "NNP" or "NNPS") s++;
        return text.Span(s, span.EndToken).Text;
    }

    private static string StripDeterminer(AnnotatedText text, TokenSpan span)
    {
        var s = span.StartToken;
        if (span.Length > 1 && text.PosOf(s) == "DT") s++;
        return text.Span(s, span.EndToken).Text;
    }

    /// <summary>How many sources the phrase counts: "two US officials and one former official" = 3; one for a singular head.</summary>
    private static int? CountOf(AnnotatedText text, TokenSpan source, int headIndex)
    {
        var total = 0m;
        var any = false;
        foreach (var n in text.Numbers)
        {
            if (n.Span.StartToken < source.StartToken || n.Span.EndToken > headIndex + 1) continue;
            total += n.Min;
            any = true;
        }
        if (any) return total is > 0 and < 10000 ? (int)total : null;
        var head = text.WordOf(headIndex);
        var first = text.WordOf(source.StartToken);
        if (first is "a" or "an" or "A" or "An" or "another" or "Another" or "one" or "One" && !head.EndsWith('s')) return 1;
        if (first is "the" or "The" && !head.EndsWith('s') && head is not ("people" or "staff")) return 1;
        return null;
    }

    private static CorefChain? ChainAt(AnnotatedText text, TokenSpan source, int headIndex, bool pronoun)
    {
        foreach (var (c, m) in EntityLookup.Of(text).ChainMentionsAt(headIndex))
        {
            if (pronoun ? m.StartToken == headIndex && m.Length == 1 : m.StartToken >= source.StartToken - 6) return c;
        }
        return null;
    }

    private static EntityMention? EntityAt(AnnotatedText text, TokenSpan source, int headIndex)
    {
        var lookup = EntityLookup.Of(text);
        return lookup.At(headIndex)
            ?? lookup.StartingIn(source.StartToken, source.EndToken).FirstOrDefault(m => m.Span.EndToken <= source.EndToken && m.Type != EntityType.Gpe && m.Type != EntityType.Norp);
    }

    /// <summary>The entity mention a chain was named by (its first mention that the recognizer saw as an entity).</summary>
    private static EntityMention? NamedMentionOf(AnnotatedText text, CorefChain chain)
    {
        var lookup = EntityLookup.Of(text);
        foreach (var mention in chain.Mentions)
        {
            if (lookup.Overlapping(mention).FirstOrDefault() is { } m) return m;
        }
        return null;
    }

    private static string? OutletIn(AnnotatedText text, TokenSpan span)
    {
        foreach (var m in EntityLookup.Of(text).Overlapping(span))
        {
            if (m.Type == EntityType.Outlet) return m.Known?.Name ?? m.Name.Text;
        }
        // "told the outlet": the outlet last named.
        for (var k = span.StartToken; k < span.EndToken; k++)
        {
            if (AttributionWords.OutletNouns.Contains(text.WordOf(k)) && text.PosOf(span.StartToken) == "DT") return LastOutletBefore(text, span.StartToken);
        }
        return null;
    }

    private static string? LastOutletBefore(AnnotatedText text, int token)
    {
        string? last = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= token) break;
            if (m.Type == EntityType.Outlet) last = m.Known?.Name ?? m.Name.Text;
        }
        return last;
    }

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
