using Crosscheck.Documents;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>
/// The LSH band index over stored MinHash signatures, kept in memory and caught up from the documents
/// table before each use. A band table in SQLite took random B-tree inserts that dirtied most of its
/// pages in every transaction, so ingest slowed as the corpus grew; the signatures themselves are
/// stored with each document, so this index can always be rebuilt from the database, and rows written
/// by another process are picked up by the catch-up.
/// </summary>
internal sealed class NearDuplicateIndex
{
    private const int MaxCandidates = 16;
    private readonly Dictionary<long, List<long>> _postings = [];
    private long _lastSeq;

    public void CatchUp(SqliteCommand select)
    {
        select.Parameters.Clear();
        select.Parameters.AddWithValue("$after", _lastSeq);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            Add(reader.GetInt64(0), Unpack((byte[])reader[1]));
        }
    }

    public void Add(long seq, MinHashSignature signature)
    {
        foreach (var key in signature.BandKeys())
        {
            if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
            list.Add(seq);
        }
        if (seq > _lastSeq) _lastSeq = seq;
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
            if (!_postings.TryGetValue(key, out var list)) continue;
            shared ??= [];
            foreach (var seq in list) shared[seq] = shared.GetValueOrDefault(seq) + 1;
        }
        if (shared is null) return [];
        return shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key).ToList();
    }

    internal static byte[] Pack(MinHashSignature s)
    {
        var bytes = new byte[MinHashSignature.Size * 4];
        for (var i = 0; i < MinHashSignature.Size; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), s.Values[i]);
        return bytes;
    }

    internal static MinHashSignature Unpack(byte[] bytes)
    {
        var values = new uint[MinHashSignature.Size];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt32(bytes, i * 4);
        return MinHashSignature.FromValues(values);
    }
}
