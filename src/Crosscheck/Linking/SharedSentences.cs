using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// Copies of one story found sentence by sentence. A site that carries a wire story rewords it lightly ("slammed into" as
/// "hit", "said" as "stated"), cuts it, moves or drops paragraphs and opens with an intro of its own: few word 5-grams
/// survive and its lede is no longer the wire's, but sentence after sentence keeps most of its content words. Reporters
/// writing one event on their own share quotes (kept apart from the narration: a quote is the speaker's words, not the
/// story's) and a figure or two, but not sentence after sentence of their own narration. A quote of
/// <see cref="MinQuoteWords"/> content words is kept as a sentence marked as a quote: it matches only a quote kept word for
/// word, and only helps a short cut of the story (a few narration sentences with the story's quotes) reach the three.
/// </summary>
public static class SharedSentences
{
    /// <summary>A sentence is compared when it has at least this many content words outside quotes (a dateline, a caption, a line of a quote are not).</summary>
    public const int MinWords = 6;

    /// <summary>A quote's words are kept as a sentence of their own when they are at least this many content words.</summary>
    public const int MinQuoteWords = 5;

    /// <summary>Marks a quote's words, so that a quote matches only a quote.</summary>
    private static readonly ushort QuoteMark = Hash("\u201c");

    /// <summary>At most this many sentences of a text are kept (a story's first 60: copies cut it, they do not skip its top).</summary>
    public const int MaxSentences = 60;

    /// <summary>Two sentences match when the content words they share are at least this share of the longer's.</summary>
    /// <remarks>
    /// A lightly reworded sentence of a dozen content words keeps 8-10 of them (a synonym or a tense costs one each, 0.67-0.83);
    /// two reporters telling one fact in their own words share the names and the figure but not the rest (0.3-0.5).
    /// </remarks>
    public const double SentenceThreshold = 0.5;

    /// <summary>Two texts are copies of one story when at least this many of their sentences match ...</summary>
    public const int MinShared = 3;

    /// <summary>... and they are at least this share of the sentences of the text that has fewer.</summary>
    /// <remarks>
    /// A copy cut short keeps nearly all of its sentences in the story (its own intro or closing line aside); independent
    /// reports of one event, even quoting one statement word for word, match at most a sentence or two of seven or more.
    /// </remarks>
    public const double ShareThreshold = 0.5;

    /// <summary>
    /// ... or at least <see cref="MinShared"/> of their sentences keep this share of each other's words (kept word for word, or
    /// a word changed): then the share of the shorter text does not count.
    /// </summary>
    /// <remarks>
    /// A site that keeps three paragraphs of a wire story as they are among many of its own has copied it; reporters writing
    /// one event on their own share a quote's attribution word for word ("the spokesman said in a statement"), not three
    /// sentences of narration. A lightly reworded sentence keeps 0.5-0.83 and does not count here.
    /// </remarks>
    public const double VerbatimThreshold = 0.9;

    /// <summary>Each sentence of the text's lede and body with <see cref="MinWords"/> content words outside quotes: its words hashed, distinct and ascending.</summary>
    public static ImmutableArray<ImmutableArray<ushort>> Of(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<ImmutableArray<ushort>>();
        var words = new List<ushort>();
        var quote = new List<ushort>();
        var quoted = false;
        void Add(List<ushort> terms, int least)
        {
            if (terms.Count < least || result.Count >= MaxSentences) return;
            var distinct = terms.Distinct().Order().ToImmutableArray();
            if (distinct.Length >= least) result.Add(distinct);
        }
        foreach (var s in text.Sentences)
        {
            if (result.Count >= MaxSentences) break;
            if (s.Length == 0) continue;
            // A quote runs on over the sentences of its paragraph; a new paragraph closes it.
            if (s.Start == 0 || text.Text.LastIndexOf('\n', s.Start - 1, Math.Min(s.Start, 4)) >= 0) quoted = false;
            if (text.SegmentKindAt(s.Start) is not (SegmentKind.Lede or SegmentKind.Body)) continue;
            words.Clear();
            quote.Clear();
            for (var i = s.StartToken; i < s.EndToken; i++)
            {
                var w = text.WordOf(i);
                if (w.Length == 0) continue;
                if (w is "\u201c" or "\u201d" or "\"")
                {
                    quoted = w == "\u201c" || (w == "\"" && !quoted);
                    continue;
                }
                var term = char.IsAsciiDigit(w[0]) ? Digits(w) : LinkFactsBuilder.TermAt(text, i);
                if (quoted)
                {
                    if (term is not null) quote.Add(Hash(Stem(term)));
                    continue;
                }
                if (term is null || LinkFactsBuilder.TellingVerbs.Contains(term)) continue;
                words.Add(Hash(Stem(term)));
            }
            Add(words, MinWords);
            if (quote.Count >= MinQuoteWords) { quote.Add(QuoteMark); Add(quote, MinQuoteWords + 1); }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Whether two documents are copies of one story by their sentences (<see cref="MinShared"/>, <see cref="ShareThreshold"/>);
    /// never two texts credited to two different wires (two agencies' stories of one event).
    /// </summary>
    public static bool Same(DocumentFacts a, DocumentFacts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (fewer, more) = Narration(a.Sentences) <= Narration(b.Sentences) ? (a, b) : (b, a);
        return Same(fewer, more, new Index(more.Sentences));
    }

    /// <summary>As <see cref="Same(DocumentFacts, DocumentFacts)"/> with the sentences of <paramref name="indexed"/> indexed already.</summary>
    internal static bool Same(DocumentFacts other, DocumentFacts indexed, Index index)
    {
        var fewer = Math.Min(Narration(other.Sentences), Narration(indexed.Sentences));
        if (fewer < MinShared) return false;
        if (TwoWires(other, indexed)) return false;
        // A text that names the other's agency as its source ("…, Reuters reported") needs only the sentences, not the share:
        // a site that rewrites a long wire story keeps a few of its paragraphs among many of its own.
        var needed = Credits(other, indexed) || Credits(indexed, other) ? MinShared : Math.Max(MinShared, (int)Math.Ceiling(ShareThreshold * fewer - 1e-9));
        var narration = other.Sentences.Where(s => s.BinarySearch(QuoteMark) < 0).ToImmutableArray();
        var matched = index.Matched(narration, needed);
        if (matched >= needed) return true;
        // A short text (no more narration than the three it needs) whose quotes are the other's word for word: a cut of
        // the story keeps its quotes with the narration around them. A long text of its own may quote what the story quotes.
        if (needed == MinShared && fewer <= MinShared && matched > 0
            && matched + index.Matched([.. other.Sentences.Where(s => s.BinarySearch(QuoteMark) >= 0)], needed - matched, VerbatimThreshold) >= needed) return true;
        // Sentences of narration kept word for word are a copy whatever else the text holds.
        return needed > MinShared && index.Matched(narration, MinShared, VerbatimThreshold) >= MinShared;
    }

    /// <summary>How many of a text's compared sentences are its narration (not the words of a quote, <see cref="MinQuoteWords"/>).</summary>
    public static int Narration(ImmutableArray<ImmutableArray<ushort>> sentences) => sentences.Count(s => s.BinarySearch(QuoteMark) < 0);

    /// <summary>
    /// Whether <paramref name="text"/> names, anywhere in its body, the agency or outlet that <paramref name="source"/> is
    /// credited to or relays ("…, Reuters reported", "AFP said", "a medic told The Associated Press").
    /// </summary>
    internal static bool Credits(DocumentFacts text, DocumentFacts source)
    {
        if ((source.Wire ?? source.Relay) is not { } agency) return false;
        var key = SourceOrigins.Key(agency);
        foreach (var c in text.Credits)
        {
            if (SourceOrigins.Key(c.Via) == key) return true;
        }
        return false;
    }

    /// <summary>Whether the two texts are credited to two different wires (two agencies' stories of one event stay two).</summary>
    internal static bool TwoWires(DocumentFacts a, DocumentFacts b) =>
        a.Wire is { } wa && b.Wire is { } wb && SourceOrigins.Key(wa) != SourceOrigins.Key(wb);

    /// <summary>A text's sentences by the words they hold, to find the sentences of another text that match them.</summary>
    internal sealed class Index
    {
        private readonly ImmutableArray<ImmutableArray<ushort>> _sentences;
        private readonly Dictionary<ushort, List<int>> _postings = [];
        private readonly int[] _counts;

        public Index(ImmutableArray<ImmutableArray<ushort>> sentences)
        {
            _sentences = sentences;
            _counts = new int[sentences.Length];
            for (var j = 0; j < sentences.Length; j++)
            {
                foreach (var w in sentences[j])
                {
                    if (!_postings.TryGetValue(w, out var list)) _postings[w] = list = [];
                    list.Add(j);
                }
            }
        }

        /// <summary>How many of <paramref name="others"/> match a sentence here (<see cref="SentenceThreshold"/>, or <paramref name="threshold"/>); stops at <paramref name="enough"/>.</summary>
        public int Matched(ImmutableArray<ImmutableArray<ushort>> others, int enough, double threshold = SentenceThreshold)
        {
            var matched = 0;
            for (var o = 0; o < others.Length && matched < enough; o++)
            {
                // Not enough sentences left to reach it.
                if (matched + others.Length - o < enough) break;
                var t = others[o];
                Array.Clear(_counts);
                foreach (var w in t)
                {
                    if (_postings.TryGetValue(w, out var list)) foreach (var j in list) _counts[j]++;
                }
                for (var j = 0; j < _counts.Length; j++)
                {
                    if (_counts[j] > 0 && _counts[j] >= threshold * Math.Max(t.Length, _sentences[j].Length) - 1e-9)
                    {
                        matched++;
                        break;
                    }
                }
            }
            return matched;
        }
    }

    /// <summary>
    /// A word without the endings a rewording changes ("killing", "killed", "kills" as "kill"; "carriages" as "carriage"):
    /// the tagger's lemma leaves some forms as written, and a site moves a verb to another tense.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 4) return word;
        string stem;
        if (word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal)) stem = word[..^3];
        else if (word.EndsWith("ed", StringComparison.Ordinal)) stem = word[..^2];
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return word[..^1];
        else return word;
        // "slammed" and "slamming" as "slam".
        if (stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'e')) stem = stem[..^1];
        return stem.Length >= 3 ? stem : word;
    }

    /// <summary>A number's digits without separators ("1,000" as "1000").</summary>
    private static string Digits(string word) => new([.. word.Where(char.IsAsciiLetterOrDigit)]);

    private static ushort Hash(string term)
    {
        var h = 2166136261u;
        foreach (var c in term) h = (h ^ c) * 16777619u;
        return (ushort)(h ^ (h >> 16));
    }
}
