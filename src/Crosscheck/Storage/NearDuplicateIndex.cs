using Crosscheck.Documents;
using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>
/// The LSH band index over stored MinHash signatures, kept in memory and caught up from the documents
/// table before each use. A band table in SQLite took random B-tree inserts that dirtied most of its
/// pages in every transaction, so ingest slowed as the corpus grew; the signatures themselves are
/// stored with each document, so this index can always be rebuilt from the database, and rows written
/// by another process are picked up by the catch-up.
/// Beside the bands, each text's anchor shingles (<see cref="ShingleSketch.Anchors"/>) are indexed, so that a copy
/// cut much shorter than its original, whose Jaccard similarity is low, is still found as a candidate for the
/// containment test. An anchor found in more than <see cref="MaxAnchorPostings"/> texts is boilerplate (a site's
/// footer, a stock line) and finds nothing. The shingle sample is stored after the signature in the same column;
/// rows written before it have none and are compared by Jaccard only.
/// </summary>
internal sealed class NearDuplicateIndex
{
    private const int MaxCandidates = 16;
    /// <summary>Texts an anchor may be filed under before it counts as boilerplate.</summary>
    internal const int MaxAnchorPostings = 32;
    // Band keys (32 per text) and anchors: most belong to one text, kept inline (about 24 bytes a band of a text).
    private readonly Postings<long> _postings = new(int.MaxValue);
    // Most anchors belong to one text: those are kept inline, the others in a list (a negative value is its index).
    // Past the cap an anchor is boilerplate: one more posting marks it, the rest are not kept.
    private readonly Postings<uint> _anchors = new(MaxAnchorPostings + 1);
    // Anchors filed per text long enough for containment, so that candidates that cannot reach it are not read.
    private readonly Dictionary<long, int> _anchorCounts = [];
    private long _lastSeq;

    public void CatchUp(System.Data.Common.DbCommand select)
    {
        select.Parameters.Clear();
        select.Parameters.AddWithValue("$after", _lastSeq);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var bytes = (byte[])reader[1];
            Add(reader.GetInt64(0), Unpack(bytes), UnpackSketch(bytes));
        }
    }

    public void Add(long seq, MinHashSignature signature, ShingleSketch? sketch = null)
    {
        foreach (var key in signature.BandKeys()) _postings.Add(key, seq);
        if (sketch is not null && sketch.Shingles >= ShingleSketch.MinShingles)
        {
            var count = 0;
            foreach (var anchor in sketch.Anchors()) { _anchors.Add(anchor, seq); count++; }
            _anchorCounts[seq] = count;
        }
        if (seq > _lastSeq) _lastSeq = seq;
    }

    /// <summary>
    /// The stored texts that may contain <paramref name="sketch"/> or be contained in it: both long enough for
    /// containment (<see cref="ShingleSketch.MinShingles"/>), sharing at least a fifth of the anchors of the one with
    /// fewer (at least one: a short copy has few, a text of 110 shingles about 14, and at the threshold it shares 0.4 of
    /// them); most shared first, oldest first among equals. Boilerplate anchors are left out. The containment test on
    /// the full samples decides.
    /// </summary>
    public IReadOnlyList<long> ContainmentCandidates(ShingleSketch sketch)
    {
        if (sketch.Shingles < ShingleSketch.MinShingles) return [];
        var anchors = sketch.Anchors().ToList();
        Dictionary<long, int>? shared = null;
        foreach (var anchor in anchors)
        {
            if (_anchors.Of(anchor) is not { } texts || texts.Count > MaxAnchorPostings) continue;
            shared ??= [];
            foreach (var seq in texts) shared[seq] = shared.GetValueOrDefault(seq) + 1;
        }
        if (shared is null) return [];
        return shared.Where(kv => kv.Value >= Math.Max(1, Math.Min(anchors.Count, _anchorCounts.GetValueOrDefault(kv.Key)) / 5))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key).ToList();
    }

    /// <summary>
    /// The stored documents sharing the most bands with <paramref name="signature"/>, oldest first among
    /// equals. A true near-duplicate (Jaccard at least 0.7) shares about a quarter of the bands and unrelated
    /// texts almost none, so a few candidates suffice even where stock phrases make some bands common.
    /// </summary>
    public IReadOnlyList<long> Candidates(MinHashSignature signature)
    {
        Dictionary<long, int>? shared = null;
        foreach (var key in signature.BandKeys())
        {
            if (_postings.Of(key) is not { } texts) continue;
            shared ??= [];
            foreach (var seq in texts) shared[seq] = shared.GetValueOrDefault(seq) + 1;
        }
        if (shared is null) return [];
        return shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key).ToList();
    }

    internal static byte[] Pack(MinHashSignature s, ShingleSketch? sketch = null)
    {
        var bytes = new byte[MinHashSignature.Size * 4 + (sketch is null ? 0 : 8 + sketch.Samples.Length * 4)];
        for (var i = 0; i < MinHashSignature.Size; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), s.Values[i]);
        if (sketch is null) return bytes;
        var at = MinHashSignature.Size * 4;
        BitConverter.TryWriteBytes(bytes.AsSpan(at), sketch.Shingles);
        BitConverter.TryWriteBytes(bytes.AsSpan(at + 4), sketch.Limit);
        for (var i = 0; i < sketch.Samples.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(at + 8 + i * 4), sketch.Samples[i]);
        return bytes;
    }

    /// <summary>The shingle sample stored after the signature; null for rows written before samples were kept.</summary>
    internal static ShingleSketch? UnpackSketch(byte[] bytes)
    {
        var at = MinHashSignature.Size * 4;
        if (bytes.Length < at + 8) return null;
        var count = (bytes.Length - at - 8) / 4;
        var samples = new uint[count];
        for (var i = 0; i < count; i++) samples[i] = BitConverter.ToUInt32(bytes, at + 8 + i * 4);
        return ShingleSketch.FromParts(BitConverter.ToInt32(bytes, at), BitConverter.ToUInt32(bytes, at + 4), samples);
    }

    internal static MinHashSignature Unpack(byte[] bytes)
    {
        var values = new uint[MinHashSignature.Size];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt32(bytes, i * 4);
        return MinHashSignature.FromValues(values);
    }

    /// <summary>
    /// Texts filed under keys, most keys holding one: that one is kept inline in the dictionary, more in a list (a
    /// negative value is the list's index). At most <c>cap</c> texts are kept per key.
    /// </summary>
    private sealed class Postings<TKey>(int cap) where TKey : notnull
    {
        private readonly Dictionary<TKey, long> _inline = [];
        private readonly List<List<long>> _lists = [];

        public void Add(TKey key, long seq)
        {
            if (!_inline.TryGetValue(key, out var value))
            {
                _inline[key] = seq;
                return;
            }
            if (value >= 0)
            {
                _lists.Add([value]);
                value = -_lists.Count;
                _inline[key] = value;
            }
            var list = _lists[(int)(-value - 1)];
            if (list.Count < cap) list.Add(seq);
        }

        /// <summary>The texts filed under the key, or null.</summary>
        public IReadOnlyList<long>? Of(TKey key) =>
            !_inline.TryGetValue(key, out var value) ? null : value >= 0 ? [value] : _lists[(int)(-value - 1)];
    }
}
