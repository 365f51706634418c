using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Crosscheck.Linking;

/// <summary>A story as the clusterer holds it: its documents and the centroid of their weighted keys.</summary>
public sealed class StoryCluster
{
    internal StoryCluster(string id, int order)
    {
        Id = id;
        Order = order;
    }

    public string Id { get; }
    public List<string> Documents { get; } = [];
    public DateOnly? First { get; internal set; }
    public DateOnly? Last { get; internal set; }
    /// <summary>The sum of the unit tf-idf vectors of the story's documents (entity keys <c>e:</c>, content words <c>t:</c>).</summary>
    internal Dictionary<string, float> Weights { get; } = new(StringComparer.Ordinal);
    /// <summary>The squared length of <see cref="Weights"/>, kept as documents join.</summary>
    internal double SquaredNorm { get; set; }
    /// <summary><see cref="Weights"/> by the clusterer's number for each key: what scoring reads (no string hashed per story).</summary>
    internal Dictionary<int, float> WeightsByNumber { get; } = [];
    /// <summary>The last word of every name the story's documents mention (people, places, organizations).</summary>
    internal HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    /// <summary>The last word of the people some document of the story names repeatedly: who the story is about.</summary>
    internal HashSet<string> Protagonists { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);
    internal string? FirstTitle { get; set; }
    /// <summary>The sum of the unit embeddings of the story's documents, when <see cref="StoryClusterOptions.Embedding"/> gives them.</summary>
    internal float[]? EmbeddingSum { get; set; }
    /// <summary>The order the story was started in (ties between equally similar stories go to the older one).</summary>
    internal int Order { get; }

    /// <summary>The first document's title, or the names the story's documents mention most.</summary>
    public string Title => FirstTitle ?? (Labels.Count == 0 ? "Untitled story"
        : string.Join(", ", Labels.OrderByDescending(l => Weights.GetValueOrDefault("e:" + l.Key)).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Value).Distinct().Take(3)));
}

/// <summary>A held document's vector as it was linked, and its story's order: what restores it without the frequencies of then.</summary>
public sealed record RestoredVector(ImmutableArray<float> Weights, int StoryOrder);

/// <summary>Tuning of <see cref="StoryClusterer"/>; the defaults were tuned on the ECB+ training topics.</summary>
public sealed record StoryClusterOptions
{
    /// <summary>The least similarity (cosine to the story's centroid) for a document to join a story.</summary>
    public double Threshold { get; init; } = 0.15;
    /// <summary>Documents published further apart than this from a story's span do not join it.</summary>
    public int MaxGapDays { get; init; } = 45;
    /// <summary>How much a person counts against a content word.</summary>
    public float PersonWeight { get; init; } = 2f;
    /// <summary>How much another entity (place, organization, group) counts against a content word.</summary>
    public float EntityWeight { get; init; } = 1f;
    /// <summary>How often a person must be named in a document to be one the document is about.</summary>
    public float ProtagonistMentions { get; init; } = 2f;
    /// <summary>How many stories, those sharing the most weight with the document, are scored in full.</summary>
    public int MaxCandidates { get; init; } = 64;
    /// <summary>
    /// How many of the stories holding a key are looked at to find candidates: the most recently started ones.
    /// A key held by more is a common one, whose older stories are not worth the time (it still counts in the score).
    /// </summary>
    public int MaxStoriesPerKey { get; init; } = 100;

    /// <summary>
    /// A dense unit vector of a document's meaning (a sentence encoder's embedding of its title and lede), by
    /// document id; null (the default) scores by tf-idf alone. Opt-in, for measuring an encoder (see
    /// <c>src/Crosscheck.Encoders</c>); a document it gives no vector for is scored by tf-idf alone. Not kept by a store:
    /// a record resumed from a database has no embeddings for the stories it restores.
    /// </summary>
    public Func<string, float[]?>? Embedding { get; init; }
    /// <summary>The embedding's share of the score: (1 − w) · tf-idf cosine + w · embedding cosine to the story's centroid.</summary>
    public double EmbeddingWeight { get; init; }
    /// <summary>A document whose embedding cosine to a story's centroid is below this never joins it (−1: no veto).</summary>
    public double EmbeddingVeto { get; init; } = -1;
}

/// <summary>
/// Groups documents into stories one at a time. A document is a unit vector of tf-idf weights (sublinear counts,
/// idf as it stands when the document arrives) over its entities and content words, people weighing more; a story
/// is the sum of its documents' vectors. A document joins the story whose centroid is most similar (cosine) when
/// that similarity reaches the threshold and starts a new story otherwise, with one veto: a document about people
/// the story never names does not join a story about other people the document never names ("Lohan checks into
/// rehab" and "Tara Reid checks into rehab" are two stories, however alike their words).
/// <para>
/// Adding a document costs about the same however many stories are stored: candidates are found through an
/// inverted index (key → stories), only a key's most recent stories are looked at there, only the stories sharing
/// the most weight with the document are scored, and scoring reads only the document's keys.
/// </para>
/// </summary>
public sealed class StoryClusterer(StoryClusterOptions? options = null)
{
    private readonly StoryClusterOptions _options = options ?? new StoryClusterOptions();
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoryCluster>> _storiesByKey = new(StringComparer.Ordinal);
    // A number for every key seen: a document's keys are hashed once, then each candidate story is scored by numbers.
    private readonly Dictionary<string, int> _keyNumbers = new(StringComparer.Ordinal);
    // Indexed by order; a story that has left memory (Evict) leaves a null.
    private readonly List<StoryCluster?> _stories = [];
    private int _live;
    private readonly Dictionary<string, StoryCluster> _byDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryCluster> _byId = new(StringComparer.Ordinal);
    private int _documents;
    private double[] _shared = new double[64];
    private readonly List<int> _touched = [];

    /// <summary>The stories in memory, in the order they were started.</summary>
    public IReadOnlyList<StoryCluster> Stories => [.. _stories.OfType<StoryCluster>()];

    /// <summary>Whether a document published on <paramref name="today"/> or later may still join the story (held, and within its gap).</summary>
    public bool Runs(string storyId, DateOnly today) =>
        _byId.TryGetValue(storyId, out var story) && (story.Last is not { } last || last.DayNumber >= today.DayNumber - _options.MaxGapDays);

    /// <summary>A held story, or null.</summary>
    public StoryCluster? Cluster(string storyId) => _byId.GetValueOrDefault(storyId);

    /// <summary>Whether the story is held in memory (started and not evicted).</summary>
    public bool Holds(string storyId) => _byId.ContainsKey(storyId);

    /// <summary>How many stories are held in memory.</summary>
    public int HeldCount => _live;

    /// <summary>How many stories were ever started (the next story's order).</summary>
    public int Started => _stories.Count;

    public StoryCluster? StoryOf(string documentId) => _byDocument.GetValueOrDefault(documentId);

    /// <summary>
    /// Adds a document and returns the story it joined or started. With <paramref name="storyId"/> (a document
    /// reloaded from the store) it joins that story without scoring, so reloading never recomputes anything.
    /// </summary>
    public StoryCluster Add(DocumentFacts document, string? storyId = null) => Add(document, storyId, null);

    /// <summary>
    /// As <see cref="Add(DocumentFacts, string?)"/>; with <paramref name="restored"/> (a document the linker held when
    /// its run ended) its vector is the one it had when it was linked and its story keeps its order, and the document
    /// frequencies, which counted it then, are left as they are.
    /// </summary>
    public StoryCluster Add(DocumentFacts document, string? storyId, RestoredVector? restored)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_byDocument.TryGetValue(document.Id, out var known)) return known;
        var keys = KeysOf(document);
        Dictionary<string, float> vector;
        if (restored is { } r && storyId is not null && r.Weights.Length == keys.Count)
        {
            vector = new Dictionary<string, float>(keys.Count, StringComparer.Ordinal);
            var i = 0;
            foreach (var key in keys.Keys)
            {
                if (r.Weights[i] != 0) vector[key] = r.Weights[i];
                i++;
            }
        }
        else
        {
            _documents++;
            Prefetch(keys.Keys);
            foreach (var key in keys.Keys) _documentFrequency[key] = Frequency(key) + 1;
            vector = UnitVector(keys);
        }
        _weights[document.Id] = [.. keys.Keys.Select(k => vector.GetValueOrDefault(k))];
        var (names, protagonists) = NamesOf(document);
        var embedding = _options.Embedding?.Invoke(document.Id);
        StoryCluster? best = null;
        if (storyId is not null)
        {
            if (!_byId.TryGetValue(storyId, out best)) best = Start(storyId, restored?.StoryOrder);
        }
        else
        {
            var bestScore = 0.0;
            // The vector's weights by key number, in the vector's order (the order the dot product adds them in).
            var numbered = new (int Key, float Weight)[vector.Count];
            var at = 0;
            foreach (var (key, w) in vector) numbered[at++] = (KeyNumber(key), w);
            foreach (var story in Candidates(vector, document.Published))
            {
                if (Conflicts(names, protagonists, story)) continue;
                var score = Cosine(numbered, story);
                if (embedding is not null && story.EmbeddingSum is { } sum)
                {
                    var meaning = Cosine(embedding, sum);
                    if (meaning < _options.EmbeddingVeto) continue;
                    score = (1 - _options.EmbeddingWeight) * score + _options.EmbeddingWeight * meaning;
                }
                if (score > bestScore || (score == bestScore && best is not null && story.Order < best.Order))
                {
                    bestScore = score;
                    best = story;
                }
            }
            if (best is null || bestScore < _options.Threshold) best = Start(Documents.DocumentId.ForKey("s-", document.Id));
        }
        Join(best, document, vector, names, protagonists);
        if (embedding is not null) AddEmbedding(best, embedding);
        return best;
    }

    // The unit vector of each held document, in the order of its keys (what a store keeps to restore it).
    private readonly Dictionary<string, float[]> _weights = new(StringComparer.Ordinal);

    /// <summary>The linker let the document go: its vector is kept by the store, its story still counts it.</summary>
    public void Forget(string documentId) => _weights.Remove(documentId);

    /// <summary>A held document's vector as stored (its keys' weights, entities then terms, as when it was linked), or null.</summary>
    public float[]? WeightsOf(string documentId) => _weights.GetValueOrDefault(documentId);

    /// <summary>Where document frequencies not yet asked for come from (a store), or null (all in memory).</summary>
    public Func<string, int>? StoredFrequency { get; set; }

    /// <summary>
    /// Starts from a stored state: <paramref name="documents"/> documents were clustered and <paramref name="started"/>
    /// stories started before; the held documents are then added back with their restored vectors.
    /// </summary>
    public void Resume(int documents, int started)
    {
        if (_documents != 0 || _stories.Count != 0) throw new InvalidOperationException("only an empty clusterer resumes");
        _documents = documents;
        while (_stories.Count < started) _stories.Add(null);
        _firstLive = started;
    }

    /// <summary>
    /// Where the frequencies of several keys not yet asked for come from at once (a store: one query per document
    /// instead of one per key), or null (<see cref="StoredFrequency"/> is asked key by key).
    /// </summary>
    public Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, int>>? StoredFrequencies { get; set; }

    private void Prefetch(IEnumerable<string> keys)
    {
        if (StoredFrequencies is not { } stored) return;
        var missing = keys.Where(k => !_documentFrequency.ContainsKey(k)).ToList();
        if (missing.Count == 0) return;
        var found = stored(missing);
        foreach (var key in missing) _documentFrequency[key] = found.GetValueOrDefault(key);
    }

    private int Frequency(string key)
    {
        if (_documentFrequency.TryGetValue(key, out var df)) return df;
        if (StoredFrequency is not { } stored) return 0;
        df = stored(key);
        _documentFrequency[key] = df;
        return df;
    }

    /// <summary>Every document frequency in memory (what a store keeps after rebuilding the record).</summary>
    public IReadOnlyDictionary<string, int> Frequencies => _documentFrequency;

    private StoryCluster Start(string id, int? order = null)
    {
        var at = order is { } o && o >= 0 && (o >= _stories.Count || _stories[o] is null) ? o : _stories.Count;
        var story = new StoryCluster(id, at);
        while (_stories.Count <= at) _stories.Add(null);
        _stories[at] = story;
        if (at < _firstLive) _firstLive = at;
        _live++;
        _byId[id] = story;
        return story;
    }

    /// <summary>
    /// The stories worth scoring: those within the time gap that share a key with the document, found through the
    /// inverted index (for each key, its most recent stories only), at most <see cref="StoryClusterOptions.MaxCandidates"/>
    /// of them, those sharing the most weight first.
    /// </summary>
    private List<StoryCluster> Candidates(Dictionary<string, float> vector, DateOnly? published)
    {
        // Shared weight per story, in an array indexed by the story's order (reset after use): no hashing per posting.
        if (_shared.Length < _stories.Count) Array.Resize(ref _shared, Math.Max(_stories.Count, _shared.Length * 2));
        _touched.Clear();
        foreach (var (key, weight) in vector)
        {
            if (!_storiesByKey.TryGetValue(key, out var list)) continue;
            var span = CollectionsMarshal.AsSpan(list);
            for (var i = span.Length - 1; i >= 0 && i >= span.Length - _options.MaxStoriesPerKey; i--)
            {
                var order = span[i].Order;
                if (_shared[order] == 0) _touched.Add(order);
                _shared[order] += weight;
            }
        }
        var candidates = new List<(StoryCluster Story, double Shared)>(_touched.Count);
        foreach (var order in _touched)
        {
            var story = _stories[order]!;
            if (WithinGap(story, published)) candidates.Add((story, _shared[order]));
            _shared[order] = 0;
        }
        if (candidates.Count > _options.MaxCandidates)
        {
            candidates.Sort((a, b) => b.Shared != a.Shared ? b.Shared.CompareTo(a.Shared) : a.Story.Order.CompareTo(b.Story.Order));
            candidates.RemoveRange(_options.MaxCandidates, candidates.Count - _options.MaxCandidates);
        }
        candidates.Sort((a, b) => a.Story.Order.CompareTo(b.Story.Order));
        return candidates.ConvertAll(c => c.Story);
    }

    private static double Cosine((int Key, float Weight)[] vector, StoryCluster story)
    {
        if (story.SquaredNorm <= 0) return 0;
        var dot = 0.0;
        foreach (var (key, w) in vector)
        {
            if (story.WeightsByNumber.TryGetValue(key, out var sw)) dot += w * sw;
        }
        return dot / Math.Sqrt(story.SquaredNorm);
    }

    private int KeyNumber(string key)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_keyNumbers, key, out var exists);
        if (!exists) number = _keyNumbers.Count - 1;
        return number;
    }

    /// <summary>
    /// True when the document is about people the story never names and the story about people the document
    /// never names. Names compare by their last word, so "Lohan" meets "Lindsay Lohan".
    /// </summary>
    private static bool Conflicts(HashSet<string> names, HashSet<string> protagonists, StoryCluster story)
    {
        if (protagonists.Count == 0 || story.Protagonists.Count == 0 || protagonists.Overlaps(story.Names)) return false;
        return !story.Protagonists.Overlaps(names);
    }

    private void Join(StoryCluster story, DocumentFacts document, Dictionary<string, float> vector, HashSet<string> names, HashSet<string> protagonists)
    {
        story.Documents.Add(document.Id);
        story.FirstTitle ??= document.Title;
        foreach (var e in document.Entities)
        {
            if (e.Label is { } label) story.Labels.TryAdd(e.Key, label);
        }
        if (document.Published is { } p)
        {
            if (story.First is null || p < story.First) story.First = p;
            if (story.Last is null || p > story.Last) story.Last = p;
        }
        var squared = story.SquaredNorm;
        foreach (var (key, w) in vector)
        {
            if (!story.Weights.TryGetValue(key, out var old))
            {
                if (!_storiesByKey.TryGetValue(key, out var list)) _storiesByKey[key] = list = [];
                list.Add(story);
            }
            var sum = old + w;
            squared += (double)sum * sum - (double)old * old;
            story.Weights[key] = sum;
            story.WeightsByNumber[KeyNumber(key)] = sum;
        }
        story.SquaredNorm = squared;
        story.Names.UnionWith(names);
        story.Protagonists.UnionWith(protagonists);
        _byDocument[document.Id] = story;
    }

    private static double Cosine(float[] vector, float[] sum)
    {
        if (vector.Length != sum.Length) throw new InvalidOperationException($"embeddings of {vector.Length} and {sum.Length} dimensions");
        double dot = 0, squared = 0;
        for (var i = 0; i < sum.Length; i++)
        {
            dot += vector[i] * sum[i];
            squared += sum[i] * sum[i];
        }
        return squared <= 0 ? 0 : dot / Math.Sqrt(squared);
    }

    private static void AddEmbedding(StoryCluster story, float[] embedding)
    {
        if (story.EmbeddingSum is not { } sum)
        {
            story.EmbeddingSum = (float[])embedding.Clone();
            return;
        }
        for (var i = 0; i < sum.Length; i++) sum[i] += embedding[i];
    }

    private bool WithinGap(StoryCluster story, DateOnly? published)
    {
        if (published is not { } p || story.First is not { } first || story.Last is not { } last) return true;
        return p.DayNumber >= first.DayNumber - _options.MaxGapDays && p.DayNumber <= last.DayNumber + _options.MaxGapDays;
    }

    /// <summary>A document's keys in the order its stored vector gives their weights: entities (<c>e:</c>), then content words (<c>t:</c>).</summary>
    public static IEnumerable<string> Keys(DocumentFacts document) => KeysOf(document).Keys;

    /// <summary>The document's keys with their counts scaled by kind: people, other entities, content words.</summary>
    private static Dictionary<string, float> KeysOf(DocumentFacts document)
    {
        var keys = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var e in document.Entities) keys["e:" + e.Key] = e.Weight;
        foreach (var t in document.Terms) keys["t:" + t.Key] = t.Weight;
        return keys;
    }

    private float KindWeight(string key)
    {
        if (key.StartsWith("t:", StringComparison.Ordinal)) return 1f;
        return IsPerson(key.AsSpan(2)) ? _options.PersonWeight : _options.EntityWeight;
    }

    private static bool IsPerson(ReadOnlySpan<char> entityKey) =>
        entityKey.StartsWith("p:", StringComparison.Ordinal) || entityKey.StartsWith("k:person:", StringComparison.Ordinal);

    /// <summary>Sublinear count × kind weight × smoothed idf (1 + ln((1 + n) / (1 + df))), scaled to unit length.</summary>
    private Dictionary<string, float> UnitVector(Dictionary<string, float> counts)
    {
        var weighted = new Dictionary<string, float>(counts.Count, StringComparer.Ordinal);
        var squared = 0.0;
        foreach (var (key, count) in counts)
        {
            if (count <= 0) continue;
            var df = Math.Max(1, Frequency(key));
            var idf = 1 + Math.Log((1.0 + _documents) / (1.0 + df));
            // Counts below one (fractional weights) stay positive: every key of a document adds to a story.
            var tf = count >= 1 ? 1 + Math.Log(count) : count;
            var w = tf * KindWeight(key) * idf;
            weighted[key] = (float)w;
            squared += w * w;
        }
        if (squared > 0)
        {
            var norm = (float)Math.Sqrt(squared);
            foreach (var key in counts.Keys)
            {
                if (weighted.TryGetValue(key, out var w)) weighted[key] = w / norm;
            }
        }
        return weighted;
    }

    /// <summary>The last words of every name in the document, and of the people it names repeatedly.</summary>
    private (HashSet<string> Names, HashSet<string> Protagonists) NamesOf(DocumentFacts document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var protagonists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in document.Entities)
        {
            var last = LastWord(e.Label ?? e.Key[(e.Key.LastIndexOf(':') + 1)..]);
            if (last.Length == 0) continue;
            names.Add(last);
            if (IsPerson(e.Key) && e.Weight >= _options.ProtagonistMentions) protagonists.Add(last);
        }
        return (names, protagonists);
    }

    private static string LastWord(string name)
    {
        var trimmed = name.Trim().TrimEnd('.', ',', '"', '\'', '’');
        var space = trimmed.LastIndexOfAny([' ', '-']);
        return (space < 0 ? trimmed : trimmed[(space + 1)..]).ToLowerInvariant();
    }

    /// <summary>The stories as immutable records (incidents filled in by the caller).</summary>
    public ImmutableArray<StoryCluster> Snapshot() => [.. _stories.OfType<StoryCluster>()];

    /// <summary>
    /// Takes out of memory every dated story that no document published on or after <paramref name="today"/> can join
    /// (its last document more than the gap before), and returns them; their documents are forgotten too. A document
    /// dated later never sees them again; an undated one (linked last) sees only the stories still held.
    /// </summary>
    public List<StoryCluster> Evict(DateOnly today)
    {
        var gone = new List<StoryCluster>();
        if (_live == 0) return gone;
        var cutoff = today.DayNumber - _options.MaxGapDays;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = _firstLive; i < _stories.Count; i++)
        {
            if (_stories[i] is not { Last: { } last } story || last.DayNumber >= cutoff) continue;
            gone.Add(story);
            _stories[i] = null;
            _live--;
            _byId.Remove(story.Id);
            foreach (var d in story.Documents)
            {
                _byDocument.Remove(d);
                _weights.Remove(d);
            }
            keys.UnionWith(story.Weights.Keys);
        }
        while (_firstLive < _stories.Count && _stories[_firstLive] is null) _firstLive++;
        foreach (var key in keys)
        {
            if (!_storiesByKey.TryGetValue(key, out var list)) continue;
            list.RemoveAll(s => !_byId.ContainsKey(s.Id) || !ReferenceEquals(_byId[s.Id], s));
            if (list.Count == 0) _storiesByKey.Remove(key);
        }
        return gone;
    }

    // The first order that may still be in memory (every story before it has been evicted).
    private int _firstLive;
}
