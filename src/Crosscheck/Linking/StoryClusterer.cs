using System.Collections.Immutable;

namespace Crosscheck.Linking;

/// <summary>A story as the clusterer holds it: its documents and the summed weights of their keys.</summary>
public sealed class StoryCluster
{
    internal StoryCluster(string id) => Id = id;

    public string Id { get; }
    public List<string> Documents { get; } = [];
    public DateOnly? First { get; internal set; }
    public DateOnly? Last { get; internal set; }
    internal Dictionary<string, float> Weights { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);
    internal string? FirstTitle { get; set; }

    /// <summary>The first document's title, or the names the story's documents mention most.</summary>
    public string Title => FirstTitle ?? (Labels.Count == 0 ? "Untitled story"
        : string.Join(", ", Labels.OrderByDescending(l => Weights.GetValueOrDefault("e:" + l.Key)).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Value).Distinct().Take(3)));
}

/// <summary>Tuning of <see cref="StoryClusterer"/>.</summary>
public sealed record StoryClusterOptions
{
    /// <summary>The least similarity for a document to join a story.</summary>
    public double Threshold { get; init; } = 0.25;
    /// <summary>Documents published further apart than this from a story's span do not join it.</summary>
    public int MaxGapDays { get; init; } = 45;
    /// <summary>How much an entity counts against a content word.</summary>
    public float EntityWeight { get; init; } = 3f;
}

/// <summary>
/// Groups documents into stories one at a time: a document joins the most similar story (cosine over tf-idf
/// of its entities and content words against the story's summed vector) when that similarity reaches the
/// threshold, and starts a new story otherwise. Adding a document touches only the stories that share a key
/// with it, found through an inverted index, so the cost does not grow with the number of stories stored.
/// </summary>
public sealed class StoryClusterer(StoryClusterOptions? options = null)
{
    private readonly StoryClusterOptions _options = options ?? new StoryClusterOptions();
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoryCluster>> _storiesByKey = new(StringComparer.Ordinal);
    private readonly List<StoryCluster> _stories = [];
    private readonly Dictionary<string, StoryCluster> _byDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryCluster> _byId = new(StringComparer.Ordinal);
    private int _documents;

    public IReadOnlyList<StoryCluster> Stories => _stories;

    public StoryCluster? StoryOf(string documentId) => _byDocument.GetValueOrDefault(documentId);

    /// <summary>
    /// Adds a document and returns the story it joined or started. With <paramref name="storyId"/> (a document
    /// reloaded from the store) it joins that story without scoring, so reloading never recomputes anything.
    /// </summary>
    public StoryCluster Add(DocumentFacts document, string? storyId = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_byDocument.TryGetValue(document.Id, out var known)) return known;
        var keys = KeysOf(document);
        _documents++;
        foreach (var key in keys.Keys) _documentFrequency[key] = _documentFrequency.GetValueOrDefault(key) + 1;
        if (storyId is not null)
        {
            if (!_byId.TryGetValue(storyId, out var restored))
            {
                restored = new StoryCluster(storyId);
                _stories.Add(restored);
                _byId[storyId] = restored;
            }
            Join(restored, document, keys);
            return restored;
        }

        var vector = Weigh(keys);
        var norm = Norm(vector);
        StoryCluster? best = null;
        var bestScore = 0.0;
        var candidates = new HashSet<StoryCluster>(ReferenceEqualityComparer.Instance);
        foreach (var key in keys.Keys)
        {
            if (_storiesByKey.TryGetValue(key, out var list)) foreach (var s in list) candidates.Add(s);
        }
        foreach (var story in candidates.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (!WithinGap(story, document.Published)) continue;
            var storyVector = Weigh(story.Weights);
            var dot = 0.0;
            foreach (var (key, w) in vector)
            {
                if (storyVector.TryGetValue(key, out var sw)) dot += w * sw;
            }
            var score = norm == 0 ? 0 : dot / (norm * Norm(storyVector));
            if (score > bestScore) { bestScore = score; best = story; }
        }
        if (best is null || bestScore < _options.Threshold)
        {
            best = new StoryCluster(Documents.DocumentId.ForKey("s-", document.Id));
            _stories.Add(best);
            _byId[best.Id] = best;
        }
        Join(best, document, keys);
        return best;
    }

    private void Join(StoryCluster best, DocumentFacts document, Dictionary<string, float> keys)
    {
        best.Documents.Add(document.Id);
        best.FirstTitle ??= document.Title;
        foreach (var e in document.Entities)
        {
            if (e.Label is { } label) best.Labels.TryAdd(e.Key, label);
        }
        if (document.Published is { } p)
        {
            if (best.First is null || p < best.First) best.First = p;
            if (best.Last is null || p > best.Last) best.Last = p;
        }
        foreach (var (key, w) in keys)
        {
            if (!best.Weights.ContainsKey(key))
            {
                if (!_storiesByKey.TryGetValue(key, out var list)) _storiesByKey[key] = list = [];
                list.Add(best);
            }
            best.Weights[key] = best.Weights.GetValueOrDefault(key) + w;
        }
        _byDocument[document.Id] = best;
    }

    private bool WithinGap(StoryCluster story, DateOnly? published)
    {
        if (published is not { } p || story.First is not { } first || story.Last is not { } last) return true;
        return p.DayNumber >= first.DayNumber - _options.MaxGapDays && p.DayNumber <= last.DayNumber + _options.MaxGapDays;
    }

    private Dictionary<string, float> KeysOf(DocumentFacts document)
    {
        var keys = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var e in document.Entities) keys["e:" + e.Key] = e.Weight * _options.EntityWeight;
        foreach (var t in document.Terms) keys["t:" + t.Key] = t.Weight;
        return keys;
    }

    private Dictionary<string, float> Weigh(Dictionary<string, float> counts)
    {
        var weighted = new Dictionary<string, float>(counts.Count, StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            var df = _documentFrequency.GetValueOrDefault(key, 1);
            // Smoothed so that with few documents a shared word still counts: 1 + ln((1 + n) / (1 + df)).
            var idf = 1 + Math.Log((1.0 + _documents) / (1.0 + df));
            weighted[key] = (float)((1 + Math.Log(count)) * idf);
        }
        return weighted;
    }

    private static double Norm(Dictionary<string, float> vector)
    {
        var sum = 0.0;
        foreach (var w in vector.Values) sum += w * w;
        return Math.Sqrt(sum);
    }

    /// <summary>The stories as immutable records (incidents filled in by the caller).</summary>
    public ImmutableArray<StoryCluster> Snapshot() => [.. _stories];
}
