using Crosscheck.Language;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Events;

/// <summary>A possible speaker of a quote: a noun-phrase chunk outside quotation marks (tokens Start..End), with its head.</summary>
internal readonly record struct SpeakerCandidate(int Start, int End, int Head);

/// <summary>What the features of one quote's candidates depend on besides the candidate itself.</summary>
internal struct QuoteSituation
{
    public TokenSpan Quote;
    public int FirstSentence;
    public int LastSentence;
    public bool OpensParagraph;
    /// <summary>The source the rules credited the quote to (tokens), or -1 when no rule frame holds it.</summary>
    public int RuleStart, RuleEnd;
    /// <summary>Head token of the speaker of the previous attributed quote nearby, or -1.</summary>
    public int PreviousHead;
    /// <summary>Per token of the text: the type of the entity mention over it (as an int), or -1.</summary>
    public int[] EntityTypeAt;
    /// <summary>Per token of the text: the index of the first coreference chain with a mention over it, or -1.</summary>
    public int[] ChainAt;

    /// <summary>The per-token tables of <paramref name="text"/> that every quote of it shares.</summary>
    public static (int[] EntityTypeAt, int[] ChainAt) Tables(AnnotatedText text)
    {
        var entity = new int[text.Count];
        var chain = new int[text.Count];
        Array.Fill(entity, -1);
        Array.Fill(chain, -1);
        foreach (var m in text.Entities)
            for (var k = m.Span.StartToken; k < m.Span.EndToken && k < entity.Length; k++) if (entity[k] < 0) entity[k] = (int)m.Type;
        for (var c = 0; c < text.Coreference.Length; c++)
            foreach (var mention in text.Coreference[c].Mentions)
                for (var k = mention.StartToken; k < mention.EndToken && k < chain.Length; k++) if (chain[k] < 0) chain[k] = c;
        return (entity, chain);
    }
}

/// <summary>
/// Speaker candidates of a quote and their features, for <see cref="QuoteSpeakerModel"/>. Candidates are chunks of
/// noun-phrase words (a pronoun is a chunk of its own; a name the tagger missed counts, see <see cref="NameTokens"/>) outside quotation marks, from two sentences before the quote
/// to one after it. Features are about the candidate's kind, where it lies (side, sentence, distance, rank), the words
/// around it (a reporting verb after it: its subject; before it: "said Trump"), the marks between it and the quote,
/// the rules' pick and the previous quote's speaker. Nothing here allocates per candidate.
/// Syntax features (the candidate is the subject of the cue) can be added here with a new <see cref="FeatureVersion"/>.
/// </summary>
internal static class SpeakerCandidates
{
    public const int FeatureVersion = 4;

    /// <summary>At most this many features per candidate.</summary>
    public const int MaxFeatures = 32;

    public const int MaxCandidates = 64;

    private const int TokensBefore = 80, TokensAfter = 50;

    /// <summary>Fills <paramref name="into"/> with the candidates of <paramref name="q"/> in text order; returns how many.</summary>
    public static int Collect(AnnotatedText text, bool[] inQuote, in QuoteSituation q, Span<SpeakerCandidate> into)
    {
        var sentences = text.Sentences;
        var from = Math.Max(sentences[Math.Max(0, q.FirstSentence - 2)].StartToken, q.Quote.StartToken - TokensBefore);
        var to = Math.Min(sentences[Math.Min(sentences.Length - 1, q.LastSentence + 1)].EndToken, q.Quote.EndToken + TokensAfter);
        var n = 0;
        var start = -1;
        var head = -1;
        for (var k = from; k <= to && n < into.Length; k++)
        {
            var pos = k < to && !inQuote[k] && (k < q.Quote.StartToken || k >= q.Quote.EndToken) ? text.PosOf(k) ?? "" : "";
            var pronoun = pos == "PRP";
            var chunkWord = pos.Length > 0 && !pronoun && IsChunkWord(text, k, pos);
            var name = pos.Length > 0 && !pronoun && !chunkWord && NameTokens.IsMistaggedName(text, k);
            var word = chunkWord || name;
            if (start >= 0 && (!word || text.SentenceIndexOf(k) != text.SentenceIndexOf(start)))
            {
                if (head >= 0) into[n++] = new SpeakerCandidate(start, k, head);
                start = -1;
                head = -1;
            }
            if (n >= into.Length) break;
            if (pronoun)
            {
                into[n++] = new SpeakerCandidate(k, k + 1, k);
                continue;
            }
            if (!word) continue;
            if (start < 0) start = k;
            if (pos.StartsWith("NN", StringComparison.Ordinal) || name) head = k;
        }
        return n;
    }

    private static bool IsChunkWord(AnnotatedText text, int k, string pos) =>
        HasLetterOrDigit(text.WordOf(k)) && pos is "NNP" or "NNPS" or "NN" or "NNS" or "DT" or "PDT" or "CD" or "JJ" or "JJR" or "JJS" or "PRP$" or "POS" or "HYPH"
        || text.WordOf(k) is "’s" or "'s" or "-";

    /// <summary>The features of candidate <paramref name="c"/> (index <paramref name="index"/> of <paramref name="all"/>); returns how many were written.</summary>
    public static int Features(AnnotatedText text, in QuoteSituation q, ReadOnlySpan<SpeakerCandidate> all, int index, Span<ulong> f)
    {
        var c = all[index];
        var n = 0;
        ulong side = c.End <= q.Quote.StartToken ? 0UL : 1UL;
        var sentence = text.SentenceIndexOf(c.Head);
        var delta = side == 0 ? sentence - q.FirstSentence : sentence - q.LastSentence;
        var sd = FeatureHash.Number(Math.Clamp(delta, -2, 1));
        var gap = side == 0 ? q.Quote.StartToken - c.End : c.Start - q.Quote.EndToken;
        var ordinal = 1;
        if (side == 0) { for (var j = index + 1; j < all.Length && all[j].End <= q.Quote.StartToken; j++) ordinal++; }
        else { for (var j = index - 1; j >= 0 && all[j].Start >= q.Quote.EndToken; j--) ordinal++; }
        var ord = FeatureHash.Number(Math.Min(ordinal, 5));
        var kind = Kind(text, q, c, out var coarse);
        var head = FeatureHash.Lower(text.WordOf(c.Head));

        f[n++] = FeatureHash.Feature(1, kind);
        f[n++] = FeatureHash.Feature(2, kind, side, sd);
        f[n++] = FeatureHash.Feature(3, side, sd, FeatureHash.Number(Bucket(gap)));
        f[n++] = FeatureHash.Feature(4, side, ord);
        f[n++] = FeatureHash.Feature(5, side, sd, ord);
        f[n++] = FeatureHash.Feature(6, head, side);
        f[n++] = FeatureHash.Feature(19, coarse, side, ord);

        // The word after the chunk, over auxiliaries and adverbs: a reporting verb there makes the chunk its subject.
        var next = c.End;
        while (next < text.Count && next - c.End < 3 && AttributionWords.VerbPrefixes.Contains(text.WordOf(next))) next++;
        if (next < text.Count)
        {
            var w = text.WordOf(next);
            f[n++] = FeatureHash.Feature(7, FeatureHash.Lower(w), side);
            if (AttributionWords.CueVerbs.TryGetValue(w, out var lemma))
            {
                f[n++] = FeatureHash.Feature(8, FeatureHash.Text(lemma), side);
                f[n++] = FeatureHash.Feature(9, side, sd, coarse);
            }
            else if ((text.PosOf(next) ?? "").StartsWith("VB", StringComparison.Ordinal)) f[n++] = FeatureHash.Feature(10, side, sd);
        }
        // The word before: "said Trump", "told reporters", "according to officials".
        if (c.Start > 0)
        {
            var w = text.WordOf(c.Start - 1);
            f[n++] = FeatureHash.Feature(11, FeatureHash.Lower(w), side);
            if (AttributionWords.CueVerbs.TryGetValue(w, out var lemma))
            {
                f[n++] = FeatureHash.Feature(12, FeatureHash.Text(lemma), side);
                f[n++] = FeatureHash.Feature(13, side, sd, coarse);
            }
            if (c.Start > 1) f[n++] = FeatureHash.Feature(20, FeatureHash.Lower(text.WordOf(c.Start - 2)), FeatureHash.Lower(w));
        }
        // The marks and words between the quote and the chunk, as a pattern of classes.
        var pattern = GapPattern(text, side == 0 ? c.End : q.Quote.EndToken, side == 0 ? q.Quote.StartToken : c.Start);
        f[n++] = FeatureHash.Feature(14, side, pattern);
        f[n++] = FeatureHash.Feature(15, side, pattern, coarse);
        if (q.RuleStart >= 0)
        {
            var overlaps = c.Start < q.RuleEnd && q.RuleStart < c.End;
            f[n++] = FeatureHash.Feature(16, FeatureHash.Number(overlaps ? 1 : 0));
            if (overlaps) f[n++] = FeatureHash.Feature(17, coarse);
        }
        if (q.PreviousHead >= 0)
        {
            var same = string.Equals(text.WordOf(q.PreviousHead), text.WordOf(c.Head), StringComparison.OrdinalIgnoreCase)
                || q.ChainAt[c.Head] >= 0 && q.ChainAt[c.Head] == q.ChainAt[q.PreviousHead];
            f[n++] = FeatureHash.Feature(18, FeatureHash.Number(same ? 1 : 0), FeatureHash.Number(q.OpensParagraph ? 1 : 0), sd);
        }
        var sentenceStart = text.Sentences[sentence].StartToken;
        f[n++] = FeatureHash.Feature(21, FeatureHash.Number(c.Start - sentenceStart <= 1 ? 1 : 0), side, sd);
        f[n++] = FeatureHash.Feature(22, kind, pattern);
        var lineBreak = side == 0 ? LineBreakBetween(text, c.End - 1, q.Quote.StartToken) : LineBreakBetween(text, q.Quote.EndToken - 1, c.Start);
        f[n++] = FeatureHash.Feature(23, side, FeatureHash.Number(lineBreak ? 1 : 0), pattern);
        // Where the quote sits in its sentence: a quote that opens it is framed after, one that ends it is framed before.
        var opens = q.Quote.StartToken - text.Sentences[q.FirstSentence].StartToken <= 1;
        var ends = text.Sentences[q.LastSentence].EndToken - q.Quote.EndToken <= 2;
        f[n++] = FeatureHash.Feature(24, side, sd, FeatureHash.Number((opens ? 2 : 0) + (ends ? 1 : 0)));
        // A reporting verb anywhere between the chunk and the quote, and whether a sentence ends between them.
        int from = side == 0 ? c.End : q.Quote.EndToken, to = side == 0 ? q.Quote.StartToken : c.Start;
        var cueBetween = false;
        for (var k = from; k < to && !cueBetween; k++) cueBetween = AttributionWords.CueVerbs.ContainsKey(text.WordOf(k));
        f[n++] = FeatureHash.Feature(25, side, sd, FeatureHash.Number(cueBetween ? 1 : 0));
        f[n++] = FeatureHash.Feature(26, FeatureHash.Text(text.PosOf(c.Head) ?? ""), side, coarse);
        f[n++] = FeatureHash.Feature(27, FeatureHash.Feature(2, kind, side, sd), ord, FeatureHash.Number(q.RuleStart >= 0 ? 1 : 0));
        if (next < text.Count) f[n++] = FeatureHash.Feature(28, FeatureHash.Lower(text.WordOf(next)), pattern);
        // What coreference says the chunk is (a pronoun or a description of a person, an organization...).
        var chain = q.ChainAt[c.Head];
        f[n++] = FeatureHash.Feature(29, FeatureHash.Number(chain < 0 ? -1 : (int)text.Coreference[chain].Type), coarse, side);
        return n;
    }

    private static bool HasLetterOrDigit(string word)
    {
        foreach (var ch in word) if (char.IsLetterOrDigit(ch)) return true;
        return false;
    }

    /// <summary>Whether a line break separates the tokens <paramref name="from"/> and <paramref name="to"/> (from before to).</summary>
    private static bool LineBreakBetween(AnnotatedText text, int from, int to)
    {
        if (from >= to || to >= text.Count) return false;
        var end = text.StartOf(to);
        for (var i = text.EndOf(from); i < end; i++) if (text.Text[i] == '\n') return true;
        return false;
    }

    /// <summary>The features of "no speaker": the quote is not credited to anyone the text names nearby.</summary>
    public static int NoSpeakerFeatures(AnnotatedText text, in QuoteSituation q, ReadOnlySpan<SpeakerCandidate> all, Span<ulong> f)
    {
        var n = 0;
        var first = FeatureHash.Number(0);
        f[n++] = FeatureHash.Feature(50, first);
        f[n++] = FeatureHash.Feature(51, FeatureHash.Number(Bucket(q.Quote.Length)));
        f[n++] = FeatureHash.Feature(52, FeatureHash.Number(q.OpensParagraph ? 1 : 0), FeatureHash.Number(q.PreviousHead >= 0 ? 1 : 0));
        f[n++] = FeatureHash.Feature(53, FeatureHash.Number(q.RuleStart >= 0 ? 1 : 0), FeatureHash.Number(Math.Min(q.Quote.Length, 3)));
        var cue = false;
        var near = 0;
        foreach (var c in all) if (text.SentenceIndexOf(c.Head) >= q.FirstSentence && text.SentenceIndexOf(c.Head) <= q.LastSentence) near++;
        var from = text.Sentences[q.FirstSentence].StartToken;
        var to = text.Sentences[q.LastSentence].EndToken;
        for (var k = from; k < to && !cue; k++)
            cue = (k < q.Quote.StartToken || k >= q.Quote.EndToken) && AttributionWords.CueVerbs.ContainsKey(text.WordOf(k));
        f[n++] = FeatureHash.Feature(54, FeatureHash.Number(cue ? 1 : 0), FeatureHash.Number(Math.Min(near, 3)));
        var firstWord = text.WordOf(q.Quote.StartToken);
        f[n++] = FeatureHash.Feature(55, FeatureHash.Number(firstWord.Length > 0 && char.IsUpper(firstWord[0]) ? 1 : 0));
        f[n++] = FeatureHash.Feature(56, FeatureHash.Lower(text.WordOf(q.Quote.EndToken - 1)));
        var after = q.Quote.EndToken < text.Count ? text.WordOf(q.Quote.EndToken) : "";
        var afterNext = q.Quote.EndToken + 1 < text.Count ? text.WordOf(q.Quote.EndToken + 1) : "";
        f[n++] = FeatureHash.Feature(57, FeatureHash.Lower(after), FeatureHash.Lower(afterNext));
        var before = q.Quote.StartToken >= 2 ? text.WordOf(q.Quote.StartToken - 2) : "";
        f[n++] = FeatureHash.Feature(58, FeatureHash.Lower(before));
        return n;
    }

    private static int Bucket(int v) => v switch { <= 0 => 0, 1 => 1, 2 => 2, 3 => 3, <= 5 => 4, <= 8 => 5, <= 12 => 6, <= 20 => 7, <= 40 => 8, _ => 9 };

    /// <summary>The candidate's kind (pronoun by word, entity type, anonymous, document, title, proper, common) and a coarse kind.</summary>
    private static ulong Kind(AnnotatedText text, in QuoteSituation q, SpeakerCandidate c, out ulong coarse)
    {
        var w = text.WordOf(c.Head);
        if (text.PosOf(c.Head) == "PRP")
        {
            coarse = FeatureHash.Number(1);
            return FeatureHash.Feature(100, FeatureHash.Lower(w));
        }
        var title = false;
        for (var k = c.Start; k < c.End && !title; k++) title = AttributionWords.TitleWords.Contains(text.WordOf(k));
        var t = FeatureHash.Number(title ? 1 : 0);
        if (q.EntityTypeAt[c.Head] >= 0)
        {
            coarse = FeatureHash.Number(2);
            return FeatureHash.Feature(101, FeatureHash.Number(q.EntityTypeAt[c.Head]), t);
        }
        var k2 = AttributionWords.AnonymousHeads.Contains(w) ? 3 : AttributionWords.DocumentHeads.Contains(w) ? 4
            : AttributionWords.OutletNouns.Contains(w) ? 5 : text.PosOf(c.Head) is "NNP" or "NNPS" ? 6 : 7;
        coarse = FeatureHash.Number(k2);
        return FeatureHash.Feature(102, FeatureHash.Number(k2), t);
    }

    /// <summary>The classes of the tokens from <paramref name="from"/> to <paramref name="to"/> (at most six; "long" past that).</summary>
    private static ulong GapPattern(AnnotatedText text, int from, int to)
    {
        if (to - from > 6) return FeatureHash.Number(-1);
        var h = FeatureHash.Number(-2);
        for (var k = from; k < to; k++)
        {
            var w = text.WordOf(k);
            var pos = text.PosOf(k) ?? "";
            var cls = w switch
            {
                "," => 'c',
                "." or "!" or "?" => 'p',
                ":" => ':',
                "“" or "”" or "\"" or "‘" or "’" or "'" or "``" or "''" => 'q',
                "—" or "–" or "―" or "--" or "-" => 'd',
                _ when AttributionWords.CueVerbs.ContainsKey(w) => 'V',
                _ when pos.StartsWith("VB", StringComparison.Ordinal) => 'v',
                _ when pos.StartsWith("NN", StringComparison.Ordinal) || pos == "PRP" => 'n',
                _ => 'w',
            };
            h = FeatureHash.Add(h, cls);
        }
        return h;
    }
}
