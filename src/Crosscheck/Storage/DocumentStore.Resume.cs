using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Crosscheck.Linking;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>What a load resumes from: the linker's counters, the documents it held in rank order, the archived incidents they name.</summary>
public sealed record StoredResume(LinkResume State, IReadOnlyList<StoredLink> Held);

/// <summary>
/// Where a database stands, in three numbers read at once: the last document stored; the record's change counter,
/// which every write of a linker raises (a link, a failure, a stale or reread mark, a rebuild's counters; not a detach,
/// which the server that made it holds already); and the analysts' writes (the last decision's number plus the
/// reassignments made by hand), which another server of the same database follows. A reader that saw the same mark
/// before has nothing new to load.
/// </summary>
/// <param name="Reassigned">The part of <paramref name="Decisions"/> that moved reports by hand (detaches, moves, merges, splits): what changes the record itself, not only the values laid over it.</param>
public readonly record struct StoreMark(long LastDocument, long Changes, long Decisions = 0, long Reassigned = 0);

/// <summary>
/// What lets a load resume instead of rebuilding (migration 5): each linked document's rank, story order and vector,
/// which documents the linker held, the document frequencies and counters, and the queue of documents to link. Every
/// read here goes through an index on held documents, the queue or a key, so a start costs the same however large the
/// archive grows.
/// </summary>
public sealed partial class DocumentStore
{
    private static void BindResume(DbCommand cmd, DocumentAssignment assignment)
    {
        cmd.Parameters.AddWithValue("$rank", (object?)assignment.Rank ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ord", (object?)assignment.Vector?.StoryOrder ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$weights", assignment.Vector is { } v ? MemoryMarshal.AsBytes(v.Weights.AsSpan()).ToArray() : DBNull.Value);
    }

    /// <summary>The name of the change counter in <c>linker_state</c> (<see cref="StoreMark"/>); a rebuild keeps it.</summary>
    internal const string ChangesCounter = "changes";

    /// <summary>
    /// The name of the counter of reassignments made by hand (a detach, a move) in <c>linker_state</c>; with the number of
    /// the last decision it makes <see cref="StoreMark.Decisions"/>. A rebuild keeps it.
    /// </summary>
    internal const string ReassignedCounter = "reassigned";

    /// <summary>The counters a rebuild keeps: they only ever go up, so that a server's mark never goes back.</summary>
    internal const string KeptCounters = $"('{ChangesCounter}', '{ReassignedCounter}')";

    private long _analystWrites;

    /// <summary>
    /// Writes of this store's own process that a linker does not make and the change counter does not count: decisions
    /// and reassignments (a detach, a move). A server reading its record again compares it before and after the read.
    /// </summary>
    public long AnalystWrites => Interlocked.Read(ref _analystWrites);

    /// <summary>A linker's write: the change counter goes up, in the write's transaction.</summary>
    private void Changed(DbTransaction tx) => RaiseCounter(ChangesCounter, null, tx);

    /// <summary>
    /// A document newly counted by the linker: its keys' frequencies go up, one statement for all of them (a key given
    /// twice counts twice; a statement per key was tens of thousands of round trips per hundred documents on a server).
    /// "WHERE true" keeps SQLite from reading ON CONFLICT as a join's ON. Binds <c>$keys</c>, a JSON array.
    /// </summary>
    private string KeyFrequencyStatement => $"""
        INSERT INTO key_frequency (key, df) SELECT k.value, count(*) FROM ({_dialect.TextsOf("$keys")}) AS k WHERE true GROUP BY k.value
        ON CONFLICT (key) DO UPDATE SET df = key_frequency.df + excluded.df
        """;

    /// <summary>The counters a document newly counted by the linker raises: one more document, and its rank and story order.</summary>
    private static IEnumerable<(string Name, int? AtLeast)> LinkedCounters(DocumentAssignment assignment)
    {
        yield return ("documents", null);
        if (assignment.Rank is { } rank) yield return ("next_rank", rank + 1);
        if (assignment.Vector is { } vector) yield return ("stories", vector.StoryOrder + 1);
    }

    /// <summary>
    /// One statement raising <paramref name="count"/> counters (bound by <see cref="BindCounters"/>): a counter bound
    /// with <c>$add{i}</c> = 1 goes up by one, else it rises to at least its value.
    /// </summary>
    private static string CounterStatement(int count)
    {
        var rows = string.Join(", ", Enumerable.Range(0, count).Select(i => $"($counter{i}, $value{i})"));
        var adds = string.Join(" OR ", Enumerable.Range(0, count).Select(i => $"(linker_state.name = $counter{i} AND $add{i} = 1)"));
        return $"""
            INSERT INTO linker_state (name, value) VALUES {rows}
            ON CONFLICT (name) DO UPDATE SET value = CASE WHEN {adds} THEN linker_state.value + 1
                WHEN linker_state.value > excluded.value THEN linker_state.value ELSE excluded.value END
            """;
    }

    private static void BindCounters(DbCommand cmd, IReadOnlyList<(string Name, int? AtLeast)> counters)
    {
        for (var i = 0; i < counters.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.AddWithValue("$counter" + n, counters[i].Name);
            cmd.Parameters.AddWithValue("$value" + n, counters[i].AtLeast ?? 1);
            cmd.Parameters.AddWithValue("$add" + n, counters[i].AtLeast is null ? 1 : 0);
        }
    }

    /// <summary>Adds one to a counter (<paramref name="atLeast"/> null), or raises it to at least a value.</summary>
    private void RaiseCounter(string name, int? atLeast, DbTransaction tx)
    {
        var cmd = Command(atLeast is null
            ? "INSERT INTO linker_state (name, value) VALUES ($name, 1) ON CONFLICT (name) DO UPDATE SET value = linker_state.value + 1"
            : "INSERT INTO linker_state (name, value) VALUES ($name, $v) ON CONFLICT (name) DO UPDATE SET value = CASE WHEN linker_state.value > excluded.value THEN linker_state.value ELSE excluded.value END", tx);
        cmd.Parameters.AddWithValue("$name", name);
        if (atLeast is { } v) cmd.Parameters.AddWithValue("$v", v);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A document replayed by a rebuild: its rank, story order and vector as the rebuilt linker has them, held.</summary>
    public void SaveRestoreState(string documentId, DocumentAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lock (_gate)
        {
            using var write = RecordWrite();
            var cmd = Command("""
                UPDATE document_facts SET rank = $rank, story_ord = $ord, weights = $weights, held = 1
                WHERE document_seq = (SELECT seq FROM documents WHERE id = $id)
                """, write.Transaction);
            cmd.Parameters.AddWithValue("$id", documentId);
            BindResume(cmd, assignment);
            cmd.ExecuteNonQuery();
            cmd = Command("INSERT OR IGNORE INTO open_stories (story) VALUES ($story)", write.Transaction);
            cmd.Parameters.AddWithValue("$story", assignment.Story);
            cmd.ExecuteNonQuery();
            write.Complete();
        }
    }

    /// <summary>After a rebuild: the frequencies and counters as the rebuilt linker has them, replacing what was kept.</summary>
    public void SaveLinkerState(IReadOnlyDictionary<string, int> frequencies, int documents, int nextRank, int stories)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            Command("DELETE FROM key_frequency", tx).ExecuteNonQuery();
            Command($"DELETE FROM linker_state WHERE name NOT IN {KeptCounters}", tx).ExecuteNonQuery();
            Changed(tx);
            foreach (var (key, df) in frequencies)
            {
                var cmd = Command("INSERT INTO key_frequency (key, df) VALUES ($key, $df)", tx);
                cmd.Parameters.AddWithValue("$key", key);
                cmd.Parameters.AddWithValue("$df", df);
                cmd.ExecuteNonQuery();
            }
            foreach (var (name, value) in new[] { ("documents", documents), ("next_rank", nextRank), ("stories", stories) })
            {
                var cmd = Command("INSERT INTO linker_state (name, value) VALUES ($name, $v)", tx);
                cmd.Parameters.AddWithValue("$name", name);
                cmd.Parameters.AddWithValue("$v", value);
                cmd.ExecuteNonQuery();
            }
            write.Complete();
        }
    }

    /// <summary>The frequencies of the keys (<see cref="Frequency"/>) in one query; keys never seen are left out.</summary>
    public IReadOnlyDictionary<string, int> Frequencies(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        lock (_gate)
        {
            var cmd = Command($"SELECT key, df FROM key_frequency WHERE key IN ({_dialect.TextsOf("$keys")})", null);
            cmd.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
            using var r = cmd.ExecuteReader();
            while (r.Read()) found[r.GetString(0)] = (int)r.GetInt64(1);
        }
        return found;
    }

    /// <summary>How many linked documents had the key when the linker last counted (0 for a key never seen).</summary>
    public int Frequency(string key)
    {
        lock (_gate)
        {
            var cmd = Command("SELECT df FROM key_frequency WHERE key = $key", null);
            cmd.Parameters.AddWithValue("$key", key);
            return cmd.ExecuteScalar() is long df ? (int)df : 0;
        }
    }

    /// <summary>The facts the last resume read, by document, with the hash of their stored text (immutable: shared by the records).</summary>
    private Dictionary<string, (byte[] Hash, DocumentFacts Facts)> _resumedFacts = new(StringComparer.Ordinal);

    /// <summary>
    /// What a load resumes from, or null when it must rebuild: a document went stale (an earlier one arrived, or a copy's
    /// original changed), or the database was linked before the linker kept what resuming needs.
    /// </summary>
    public StoredResume? ReadResume()
    {
        lock (_gate)
        {
            if (Command("SELECT 1 FROM document_facts WHERE stale = 1 OR reread = 1 LIMIT 1", null).ExecuteScalar() is not null) return null;
            var counters = new Dictionary<string, int>(StringComparer.Ordinal);
            using (var r = Command("SELECT name, value FROM linker_state", null).ExecuteReader())
            {
                while (r.Read()) counters[r.GetString(0)] = checked((int)r.GetInt64(1));
            }
            var documents = counters.GetValueOrDefault("documents");
            var storyOnly = new HashSet<string>(StringComparer.Ordinal);
            var rows = new List<(long Seq, string Id, string Source, string? Dup, string Story, string Facts, long? Rank, long? Ord, byte[]? Weights)>();
            using (var r = Command("""
                SELECT d.seq, d.id, d.source, d.duplicate_of, f.story, f.facts, f.rank, f.story_ord, f.weights, f.held
                FROM document_facts f JOIN documents d ON d.seq = f.document_seq WHERE f.held = 1
                UNION
                SELECT d.seq, d.id, d.source, d.duplicate_of, f.story, f.facts, f.rank, f.story_ord, f.weights, f.held
                FROM open_stories o JOIN document_facts f ON f.story = o.story JOIN documents d ON d.seq = f.document_seq
                ORDER BY 7
                """, null).ExecuteReader())
            {
                while (r.Read())
                {
                    rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5),
                        r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.IsDBNull(8) ? null : (byte[])r[8]));
                    if (r.GetInt64(9) == 0) storyOnly.Add(r.GetString(1));
                }
            }
            // Linked before resuming was kept: rebuild once.
            if (!counters.ContainsKey("next_rank") && Command("SELECT 1 FROM document_facts LIMIT 1", null).ExecuteScalar() is not null) return null;
            if (rows.Exists(r => r.Rank is null || r.Ord is null || r.Weights is null)) return null;
            var seqs = JsonSerializer.Serialize(rows.Select(r => r.Seq));
            var events = ReadAssignments(seqs);
            var archived = new Dictionary<string, (int, int, bool)>(StringComparer.Ordinal);
            var cmd = Command($"""
                SELECT DISTINCT i.id, i.first_rank, i.first_start, i.mention FROM event_assignments a
                JOIN archived_incidents i ON i.id = a.incident WHERE a.document_seq IN ({_dialect.NumbersOf("$seqs")})
                """, null);
            cmd.Parameters.AddWithValue("$seqs", seqs);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) archived[r.GetString(0)] = ((int)r.GetInt64(1), (int)r.GetInt64(2), r.GetInt64(3) != 0);
            }
            var takenBack = new Dictionary<string, string?>(StringComparer.Ordinal);
            cmd = Command($"""
                SELECT DISTINCT t.id, t.part_of FROM event_assignments a
                JOIN taken_back_incidents t ON t.id = a.incident WHERE a.document_seq IN ({_dialect.NumbersOf("$seqs")})
                """, null);
            cmd.Parameters.AddWithValue("$seqs", seqs);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) takenBack[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);
            }
            var held = new List<StoredLink>(rows.Count);
            var parsed = new Dictionary<string, (byte[] Hash, DocumentFacts Facts)>(rows.Count, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                // A server reloads after every link of another process, and nearly all it holds is what it held before:
                // facts stored unchanged since the last resume (the same text, by its hash) are not parsed again.
                var hash = SHA256.HashData(MemoryMarshal.AsBytes(row.Facts.AsSpan()));
                DocumentFacts? facts;
                if (_resumedFacts.TryGetValue(row.Id, out var before) && before.Hash.AsSpan().SequenceEqual(hash)) facts = before.Facts;
                else
                {
                    try
                    {
                        facts = JsonSerializer.Deserialize<DocumentFacts>(row.Facts, FactsJson);
                    }
                    catch (JsonException)
                    {
                        return null; // unreadable facts are read again from the text: a rebuild does that
                    }
                }
                if (facts is null) return null;
                parsed[row.Id] = (hash, facts);
                var weights = MemoryMarshal.Cast<byte, float>(row.Weights).ToArray();
                var assignment = new DocumentAssignment(row.Story, events.GetValueOrDefault(row.Seq) ?? [])
                {
                    Rank = (int)row.Rank!.Value,
                    Vector = new RestoredVector([.. weights], (int)row.Ord!.Value),
                };
                held.Add(new StoredLink(row.Id, facts, assignment) { Source = row.Source, DuplicateOf = row.Dup, StoryOnly = storyOnly.Contains(row.Id) });
            }
            var state = new LinkResume(documents, counters.GetValueOrDefault("next_rank"), counters.GetValueOrDefault("stories"), archived)
            {
                TakenBack = takenBack,
            };
            _resumedFacts = parsed;
            return new StoredResume(state, held);
        }
    }

    /// <summary>Where the database stands now (<see cref="StoreMark"/>): four indexed reads, cheap enough to ask every second.</summary>
    /// <summary>
    /// The store's mark with this store's own analyst writes (<see cref="AnalystWrites"/>) read at the same moment: both under
    /// the store's gate, which every own write holds from its statement to its count, so a write the mark shows is counted
    /// and one counted is in the mark (or in a batch not yet committed). Read apart, a decision stored between the two
    /// reads is in the mark but not counted, and a server takes its own decision for one made elsewhere.
    /// </summary>
    public (StoreMark Mark, long OwnWrites) ReadMarkAndOwnWrites()
    {
        lock (_gate) return (ReadMark(), AnalystWrites);
    }

    public StoreMark ReadMark()
    {
        lock (_gate)
        {
            using var r = Command($"""
                SELECT coalesce((SELECT max(seq) FROM documents), 0), coalesce((SELECT value FROM linker_state WHERE name = '{ChangesCounter}'), 0),
                    coalesce((SELECT max(number) FROM decisions), 0), coalesce((SELECT value FROM linker_state WHERE name = '{ReassignedCounter}'), 0)
                """, null).ExecuteReader();
            r.Read();
            var reassigned = r.GetInt64(3);
            return new StoreMark(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2) + reassigned, reassigned);
        }
    }

    /// <summary>
    /// <see cref="ReadResume"/> and <see cref="ReadQueue"/> from one snapshot of the database, so another process that
    /// links meanwhile never shows half of a document: what is held, its assignments and the queue agree.
    /// </summary>
    public (StoredResume? Resume, IReadOnlyList<StoredLink> Queue) ReadResumeAndQueue()
    {
        lock (_gate)
        {
            // Inside a batch of record writes the reads already share its transaction.
            if (_batch is not null) return ReadBoth();
            // Every command of this connection runs in _batch: a deferred transaction reads one snapshot (WAL) until it ends.
            using var snapshot = _dialect.BeginSnapshot(_connection);
            _batch = snapshot;
            try
            {
                return ReadBoth();
            }
            finally
            {
                _batch = null;
                snapshot.Commit();
            }
        }

        // The queue is read only for a resume: a rebuild reads every document anyway.
        (StoredResume?, IReadOnlyList<StoredLink>) ReadBoth() => ReadResume() is { } resume ? (resume, ReadQueue()) : (null, []);
    }

    /// <summary>The documents waiting to be linked (new, or stale), in link order, without their facts.</summary>
    public IReadOnlyList<StoredLink> ReadQueue()
    {
        lock (_gate)
        {
            var queue = new List<StoredLink>();
            using var r = Command("""
                SELECT d.id, d.source, d.duplicate_of, d.published FROM link_queue q JOIN documents d ON d.seq = q.document_seq
                ORDER BY (d.published IS NULL), coalesce(d.published, ''), d.id
                """, null).ExecuteReader();
            while (r.Read())
            {
                queue.Add(new StoredLink(r.GetString(0), null, null)
                {
                    Source = r.GetString(1),
                    DuplicateOf = r.IsDBNull(2) ? null : r.GetString(2),
                    Published = r.IsDBNull(3) ? null : DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
            return queue;
        }
    }
}
