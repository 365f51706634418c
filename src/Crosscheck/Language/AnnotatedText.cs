using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Language;

/// <summary>
/// The language layer's view of one text, after spaCy's Doc: a flat token table (struct of arrays)
/// that pipeline components fill in place, and layers of spans that point back into it.
/// Tokens never overlap, appear in text order, and each covers exactly <c>Text[Start..End]</c>.
/// </summary>
public sealed partial class AnnotatedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly string[] _words;
    private string[]? _pos;
    private string[]? _entityTags;
    private bool[]? _sentenceStarts;
    private ImmutableArray<TokenSpan> _sentences = ImmutableArray<TokenSpan>.Empty;

    internal AnnotatedText(string text, ImmutableArray<Segment> segments, DateOnly? published,
        int[] starts, int[] ends, string[] words)
    {
        Text = text;
        Segments = segments;
        Published = published;
        _starts = starts;
        _ends = ends;
        _words = words;
    }

    /// <summary>The text every offset indexes into.</summary>
    public string Text { get; }

    /// <summary>The document's segments; sentences never cross them.</summary>
    public ImmutableArray<Segment> Segments { get; }

    /// <summary>The document's publication date, the anchor for relative times; null when unknown.</summary>
    public DateOnly? Published { get; }

    /// <summary>What the pipeline has set so far.</summary>
    public Annotations Done { get; internal set; } = Annotations.Tokens;

    public int Count => _words.Length;

    public Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_words.Length) throw new ArgumentOutOfRangeException(nameof(index));
            return new Token(this, index);
        }
    }

    public IEnumerable<Token> Tokens
    {
        get { for (var i = 0; i < _words.Length; i++) yield return new Token(this, i); }
    }

    /// <summary>The token words, for components (taggers) that read them as an array.</summary>
    public ReadOnlySpan<string> Words => _words;

    public ImmutableArray<TokenSpan> Sentences => _sentences;

    /// <summary>Named-entity mentions found by the recognizer and the gazetteers.</summary>
    public ImmutableArray<EntityMention> Entities
    {
        get => _entities;
        internal set
        {
            _entities = value;
            _entityAt = null;
        }
    }

    private ImmutableArray<EntityMention> _entities = ImmutableArray<EntityMention>.Empty;

    /// <summary>For each token, the index of the first entity (in text order) that holds it, or -1; made at the first ask.</summary>
    private int[]? _entityAt;

    /// <summary>The first entity (in text order) whose span holds <paramref name="token"/>, or null: one lookup, not a walk over every entity.</summary>
    public EntityMention? EntityAt(int token)
    {
        var at = _entityAt;
        if (at is null)
        {
            at = new int[Count];
            Array.Fill(at, -1);
            for (var e = 0; e < _entities.Length; e++)
            {
                var span = _entities[e].Span;
                for (var t = Math.Max(0, span.StartToken); t < Math.Min(Count, span.EndToken); t++)
                {
                    if (at[t] < 0) at[t] = e;
                }
            }
            _entityAt = at;
        }
        return token >= 0 && token < at.Length && at[token] >= 0 ? _entities[at[token]] : null;
    }

    /// <summary>Raw gazetteer matches (names, titles, maritime phrases), set by <see cref="GazetteerTagger"/>; input to the entity step.</summary>
    internal ImmutableArray<GazetteerMatch> GazetteerMatches { get; set; } = ImmutableArray<GazetteerMatch>.Empty;

    /// <summary>Numbers with the words that gave them.</summary>
    public ImmutableArray<NumberMention> Numbers { get; internal set; } = ImmutableArray<NumberMention>.Empty;

    /// <summary>
    /// The entities that start in [<paramref name="from"/>, <paramref name="to"/>), in text order: found by a binary search
    /// of <see cref="Entities"/> (kept in text order), so a rule asking about one sentence costs nothing per other
    /// sentence (a walk from the first entity made long texts quadratic).
    /// </summary>
    public ReadOnlySpan<EntityMention> EntitiesStartingIn(int from, int to) => StartingIn(Entities.AsSpan(), from, to, static e => e.Span.StartToken);

    /// <summary>The entities that start in <paramref name="span"/> (see <see cref="EntitiesStartingIn(int, int)"/>).</summary>
    public ReadOnlySpan<EntityMention> EntitiesStartingIn(TokenSpan span) => EntitiesStartingIn(span.StartToken, span.EndToken);

    /// <summary>The numbers that start in [<paramref name="from"/>, <paramref name="to"/>), in text order (a binary search of <see cref="Numbers"/>).</summary>
    public ReadOnlySpan<NumberMention> NumbersStartingIn(int from, int to) => StartingIn(Numbers.AsSpan(), from, to, static n => n.Span.StartToken);

    private static ReadOnlySpan<T> StartingIn<T>(ReadOnlySpan<T> items, int from, int to, Func<T, int> start)
    {
        if (to <= from) return [];
        int First(ReadOnlySpan<T> all, int token)
        {
            int lo = 0, hi = all.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (start(all[mid]) < token) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
        var first = First(items, from);
        return items[first..First(items, to)];
    }

    /// <summary>Time expressions, resolved against <see cref="Published"/> where possible.</summary>
    public ImmutableArray<TimeMention> Times { get; internal set; } = ImmutableArray<TimeMention>.Empty;

    /// <summary>Whether token <paramref name="token"/> lies inside a time expression ("Wednesday's attack", "injured 64 overnight").</summary>
    public bool InTime(int token)
    {
        foreach (var t in Times)
        {
            if (t.Span.Contains(token)) return true;
        }
        return false;
    }

    /// <summary>Chains of mentions that refer to the same person or organization.</summary>
    public ImmutableArray<CorefChain> Coreference { get; internal set; } = ImmutableArray<CorefChain>.Empty;

    internal int StartOf(int i) => _starts[i];
    internal int EndOf(int i) => _ends[i];
    internal string WordOf(int i) => _words[i];
    internal string? PosOf(int i) => _pos?[i];

    /// <summary>The part-of-speech tags, one per token; empty before the tagger ran.</summary>
    internal ReadOnlySpan<string> PartsOfSpeech => _pos;
    internal string? EntityTagOf(int i) => _entityTags?[i];
    internal bool IsSentenceStart(int i) => _sentenceStarts?[i] ?? i == 0;

    internal void SetPartsOfSpeech(string[] tags)
    {
        if (tags.Length != _words.Length) throw new ArgumentException("One tag per token.", nameof(tags));
        _pos = tags;
    }

    internal void SetEntityTags(string[] tags)
    {
        if (tags.Length != _words.Length) throw new ArgumentException("One tag per token.", nameof(tags));
        _entityTags = tags;
    }

    internal void SetSentences(ImmutableArray<TokenSpan> sentences)
    {
        var starts = new bool[_words.Length];
        foreach (var s in sentences)
        {
            if (s.Length > 0) starts[s.StartToken] = true;
        }
        _sentenceStarts = starts;
        _sentences = sentences;
    }

    /// <summary>The sentence holding token <paramref name="tokenIndex"/>.</summary>
    public TokenSpan SentenceOf(int tokenIndex) => _sentences[SentenceIndexOf(tokenIndex)];

    /// <summary>The index in <see cref="Sentences"/> of the sentence holding token <paramref name="tokenIndex"/>.</summary>
    public int SentenceIndexOf(int tokenIndex)
    {
        var lo = 0;
        var hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = _sentences[mid];
            if (tokenIndex < s.StartToken) hi = mid - 1;
            else if (tokenIndex >= s.EndToken) lo = mid + 1;
            else return mid;
        }
        throw new ArgumentOutOfRangeException(nameof(tokenIndex), "The token is in no sentence; run the sentence splitter first.");
    }

    /// <summary>The first token that ends after character <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        var lo = 0;
        var hi = _words.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The tokens in <c>[start, end)</c> as a span.</summary>
    public TokenSpan Span(int startToken, int endToken) => new(this, startToken, endToken);

    /// <summary>The kind of segment that covers <paramref name="offset"/>, or Body when the text has no segments.</summary>
    public SegmentKind SegmentKindAt(int offset)
    {
        var segments = Segments;
        _segmentsInOrder ??= IsInOrder(segments);
        if (!_segmentsInOrder.Value)
        {
            foreach (var s in segments)
            {
                if (offset >= s.Start && offset < s.End) return s.Kind;
            }
            return SegmentKind.Body;
        }
        // Segments in text order without overlap (as documents have them): the last one starting at or before the offset.
        int lo = 0, hi = segments.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (segments[mid].Start <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 && offset < segments[lo - 1].End ? segments[lo - 1].Kind : SegmentKind.Body;
    }

    private bool? _segmentsInOrder;

    private static bool IsInOrder(ImmutableArray<Segment> segments)
    {
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].Start < segments[i - 1].End) return false;
        }
        return true;
    }
}

/// <summary>One token: a cheap view into its <see cref="AnnotatedText"/>.</summary>
public readonly partial struct Token(AnnotatedText owner, int index) : IEquatable<Token>
{
    public AnnotatedText Owner => owner;
    public int Index => index;
    public int Start => owner.StartOf(index);
    public int End => owner.EndOf(index);
    /// <summary>The token's characters, verbatim.</summary>
    public string Text => owner.WordOf(index);
    /// <summary>The Penn Treebank part of speech, once the tagger ran.</summary>
    public string? Pos => owner.PosOf(index);
    /// <summary>The BIO entity tag (e.g. B-PERSON), once the recognizer ran.</summary>
    public string? EntityTag => owner.EntityTagOf(index);
    public bool IsSentenceStart => owner.IsSentenceStart(index);
    /// <summary>True when white space follows the token in the text.</summary>
    public bool SpaceAfter => End < owner.Text.Length && char.IsWhiteSpace(owner.Text[End]);

    public bool Equals(Token other) => ReferenceEquals(owner, other.Owner) && index == other.Index;
    public override bool Equals(object? obj) => obj is Token t && Equals(t);
    public override int GetHashCode() => HashCode.Combine(owner, index);
    public override string ToString() => Text;
}

/// <summary>A half-open run of tokens <c>[StartToken, EndToken)</c>; its characters are exactly <see cref="Text"/>.</summary>
public readonly struct TokenSpan : IEquatable<TokenSpan>
{
    private readonly AnnotatedText _owner;

    public TokenSpan(AnnotatedText owner, int startToken, int endToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (startToken < 0 || endToken < startToken || endToken > owner.Count)
            throw new ArgumentOutOfRangeException(nameof(startToken), $"[{startToken}, {endToken}) is not within 0..{owner.Count}.");
        _owner = owner;
        StartToken = startToken;
        EndToken = endToken;
    }

    public AnnotatedText Owner => _owner;
    public int StartToken { get; }
    public int EndToken { get; }
    public int Length => EndToken - StartToken;
    public int Start => Length == 0 ? (StartToken < _owner.Count ? _owner.StartOf(StartToken) : _owner.Text.Length) : _owner.StartOf(StartToken);
    public int End => Length == 0 ? Start : _owner.EndOf(EndToken - 1);
    public string Text => _owner.Text[Start..End];
    public Token this[int i] => _owner[StartToken + i];

    public IEnumerable<Token> Tokens
    {
        get { for (var i = StartToken; i < EndToken; i++) yield return _owner[i]; }
    }

    public bool Contains(int tokenIndex) => tokenIndex >= StartToken && tokenIndex < EndToken;
    public bool Overlaps(TokenSpan other) => StartToken < other.EndToken && other.StartToken < EndToken;

    public bool Equals(TokenSpan other) => ReferenceEquals(_owner, other._owner) && StartToken == other.StartToken && EndToken == other.EndToken;
    public override bool Equals(object? obj) => obj is TokenSpan s && Equals(s);
    public override int GetHashCode() => HashCode.Combine(_owner, StartToken, EndToken);
    public override string ToString() => Text;
}
