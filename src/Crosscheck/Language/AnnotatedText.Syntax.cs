namespace Crosscheck.Language;

public sealed partial class AnnotatedText
{
    private int[]? _heads;
    private string[]? _relations;
    private bool[]? _parsed;
    private Action<TokenSpan, int[], string[]>? _parse;

    /// <summary>The head of token <paramref name="i"/> (a token index in this text), -1 for a sentence's root or before the parser ran.</summary>
    internal int HeadOf(int i)
    {
        if (_parse is not null) EnsureParsed(i);
        return _heads?[i] ?? -1;
    }

    internal string? RelationOf(int i)
    {
        if (_parse is not null) EnsureParsed(i);
        return _relations?[i];
    }

    /// <summary>
    /// Sets a parse made on demand: a sentence is parsed the first time one of its tokens' heads or relations is read
    /// (the event reader reads only sentences with event words; CoNLL-U output reads all). <paramref name="parse"/>
    /// fills the heads (text token indices, -1 for a root) and relations of one sentence in the arrays it is given.
    /// </summary>
    internal void SetSyntaxOnDemand(Action<TokenSpan, int[], string[]> parse)
    {
        _heads = new int[_words.Length];
        _heads.AsSpan().Fill(-1);
        _relations = new string[_words.Length];
        _relations.AsSpan().Fill("root");
        _parsed = new bool[_sentences.Length];
        _lastParsed = 0;
        _parse = parse;
    }

    private void EnsureParsed(int token)
    {
        // Readers walk one sentence's tree many times: a token of the sentence last found parsed needs no search.
        var last = Volatile.Read(ref _lastParsed);
        if (token >= (int)last && token < (int)(last >> 32)) return;
        var index = SentenceIndexOrNone(token);
        if (index < 0) return;
        if (!_parsed![index])
        {
            _parsed[index] = true;
            _parse!(_sentences[index], _heads!, _relations!);
        }
        Volatile.Write(ref _lastParsed, (uint)_sentences[index].StartToken | (long)_sentences[index].EndToken << 32);
    }

    /// <summary>The token range of the sentence last found parsed (start in the low half, end in the high), one field so it is read whole.</summary>
    private long _lastParsed;

    /// <summary>
    /// Whether sentence <paramref name="index"/> has its parse already, without parsing it: a parse set whole, or one made
    /// on demand because something read it.
    /// </summary>
    internal bool HasParseAlready(int index) =>
        _heads is not null && (_parse is null || index >= 0 && index < _parsed!.Length && _parsed[index]);

    /// <summary>The index of the sentence holding token <paramref name="i"/>, or -1 when it is in none.</summary>
    private int SentenceIndexOrNone(int i)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = _sentences[mid];
            if (i < s.StartToken) hi = mid - 1;
            else if (i >= s.EndToken) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The token range of the sentence holding token <paramref name="i"/>; the token alone when it is in none.</summary>
    internal (int Start, int End) SentenceRangeOf(int i)
    {
        var index = SentenceIndexOrNone(i);
        return index < 0 ? (i, i + 1) : (_sentences[index].StartToken, _sentences[index].EndToken);
    }

    /// <summary>Sets the parse: per token, the head's token index (in this text, within the same sentence) or -1 for a root, and the relation.</summary>
    internal void SetSyntax(int[] heads, string[] relations)
    {
        if (heads.Length != _words.Length || relations.Length != _words.Length) throw new ArgumentException("One head and relation per token.");
        _heads = heads;
        _relations = relations;
    }
}

public readonly partial struct Token
{
    /// <summary>The index of the token's syntactic head; -1 for the root of its sentence or before the parser ran.</summary>
    public int HeadIndex => Owner.HeadOf(Index);

    /// <summary>The token's syntactic head; null for the root of its sentence or before the parser ran.</summary>
    public Token? Head => HeadIndex is var h and >= 0 ? new Token(Owner, h) : null;

    /// <summary>The Universal Dependencies relation to the head ("nsubj", "obl:tmod", "root"), once the parser ran.</summary>
    public string? Relation => Owner.RelationOf(Index);

    /// <summary>Whether the token's relation is <paramref name="relation"/> or one of its subtypes ("nsubj" matches "nsubj:pass").</summary>
    public bool HasRelation(string relation) => Relation is { } r && r.StartsWith(relation, StringComparison.Ordinal)
        && (r.Length == relation.Length || r[relation.Length] == ':');

    /// <summary>The tokens whose head this token is, in text order.</summary>
    public IEnumerable<Token> Dependents
    {
        get
        {
            if (Relation is null) yield break;
            var (start, end) = Owner.SentenceRangeOf(Index);
            for (var i = start; i < end; i++)
                if (Owner.HeadOf(i) == Index && i != Index) yield return new Token(Owner, i);
        }
    }

    /// <summary>The dependents with <paramref name="relation"/> or one of its subtypes.</summary>
    public IEnumerable<Token> DependentsWith(string relation) => Dependents.Where(d => d.HasRelation(relation));

    /// <summary>The heads from this token's head up to its sentence's root (empty for the root); stops on a cycle, which a parse never has.</summary>
    public IEnumerable<Token> PathToRoot
    {
        get
        {
            var current = HeadIndex;
            for (var steps = 0; current >= 0 && steps < Owner.Count; steps++)
            {
                yield return new Token(Owner, current);
                current = Owner.HeadOf(current);
            }
        }
    }
}
