using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Crosscheck.Language;

/// <summary>
/// Where a text's entity mentions and coreference mentions are, by token: the questions the event readers ask for
/// every event ("the entity at this token", "the entities inside this phrase") answered from an index built once
/// per text, so that reading a document costs about as much per event however long the document is. Answers come
/// in the order of <see cref="AnnotatedText.Entities"/> and <see cref="AnnotatedText.Coreference"/>, as a scan
/// of those lists would give them.
/// </summary>
public sealed class EntityLookup
{
    private static readonly ConditionalWeakTable<AnnotatedText, EntityLookup> Cache = new();

    private readonly ImmutableArray<EntityMention> _entities;
    private readonly ImmutableArray<CorefChain> _chains;
    private readonly int[] _byStart;
    private readonly int[] _starts;
    private readonly int _longest;
    private readonly Dictionary<int, List<(int Chain, TokenSpan Mention)>> _chainMentions = [];
    private readonly Dictionary<(int, int), int> _entityBySpan = [];

    private EntityLookup(AnnotatedText text)
    {
        _entities = text.Entities;
        _chains = text.Coreference;
        _byStart = [.. Enumerable.Range(0, _entities.Length).OrderBy(i => _entities[i].Span.StartToken).ThenBy(i => i)];
        _starts = [.. _byStart.Select(i => _entities[i].Span.StartToken)];
        _longest = _entities.IsEmpty ? 0 : _entities.Max(e => e.Span.Length);
        for (var i = 0; i < _entities.Length; i++) _entityBySpan.TryAdd((_entities[i].Span.StartToken, _entities[i].Span.EndToken), i);
        for (var c = 0; c < _chains.Length; c++)
        {
            foreach (var m in _chains[c].Mentions)
            {
                for (var t = m.StartToken; t < m.EndToken; t++)
                {
                    if (!_chainMentions.TryGetValue(t, out var list)) _chainMentions[t] = list = [];
                    list.Add((c, m));
                }
            }
        }
    }

    /// <summary>The lookup of <paramref name="text"/>, built on first use and rebuilt if its entities or chains change.</summary>
    public static EntityLookup Of(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue(text, out var known) && known._entities == text.Entities && known._chains == text.Coreference) return known;
        var built = new EntityLookup(text);
        Cache.AddOrUpdate(text, built);
        return built;
    }

    /// <summary>Entities whose first token is in [<paramref name="from"/>, <paramref name="to"/>), in list order.</summary>
    public IEnumerable<EntityMention> StartingIn(int from, int to) => Indices(from, to).Select(i => _entities[i]);

    /// <summary>Entities that share a token with <paramref name="span"/>, in list order.</summary>
    public IEnumerable<EntityMention> Overlapping(TokenSpan span) => Overlapping(span.StartToken, span.EndToken);

    /// <summary>Entities that share a token with [<paramref name="start"/>, <paramref name="end"/>), in list order.</summary>
    public IEnumerable<EntityMention> Overlapping(int start, int end) =>
        Indices(start - _longest + 1, end).Where(i => _entities[i].Span.StartToken < end && start < _entities[i].Span.EndToken).Select(i => _entities[i]);

    /// <summary>The first entity (in list order) that holds <paramref name="token"/>, or null.</summary>
    public EntityMention? At(int token) => Overlapping(token, token + 1).FirstOrDefault();

    /// <summary>The first entity (in list order) spanning exactly these tokens, or null.</summary>
    public EntityMention? Exactly(TokenSpan span) =>
        _entityBySpan.TryGetValue((span.StartToken, span.EndToken), out var i) ? _entities[i] : null;

    /// <summary>The coreference mentions that hold <paramref name="token"/>, chain by chain in list order.</summary>
    public IReadOnlyList<(CorefChain Chain, TokenSpan Mention)> ChainMentionsAt(int token) =>
        _chainMentions.TryGetValue(token, out var list) ? [.. list.Select(x => (_chains[x.Chain], x.Mention))] : [];

    /// <summary>The first entity (in list order) that spans exactly one of the chain's mentions, or null.</summary>
    public EntityMention? ChainEntity(CorefChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var best = int.MaxValue;
        foreach (var m in chain.Mentions)
        {
            if (_entityBySpan.TryGetValue((m.StartToken, m.EndToken), out var i) && i < best) best = i;
        }
        return best == int.MaxValue ? null : _entities[best];
    }

    private List<int> Indices(int from, int to)
    {
        var found = new List<int>();
        if (to <= from) return found;
        var at = LowerBound(from);
        for (; at < _starts.Length && _starts[at] < to; at++) found.Add(_byStart[at]);
        if (found.Count > 1) found.Sort();
        return found;
    }

    private int LowerBound(int start)
    {
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
