using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crosscheck.Linking;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>
/// One stored document in link order (<see cref="LinkOrder"/>): what the linker read from it and where it put it,
/// or, for a document stored but never linked (a run that stopped between the two), only its id.
/// </summary>
public sealed record StoredLink(string DocumentId, DocumentFacts? Facts, DocumentAssignment? Assignment)
{
    /// <summary>Where the document was first read from (for messages).</summary>
    public string Source { get; init; } = "";
    /// <summary>The original the document copies as the store has it now (it may have changed since the facts were saved).</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>Linked before an earlier document arrived: its facts stand, its place must be worked out again.</summary>
    public bool Stale { get; init; }
    /// <summary>Why the document could not be analyzed (it stays out of the record), or null.</summary>
    public string? Failure { get; init; }
    /// <summary>Read back to rebuild its open story only: its facts are in the archive, none of its events in a held incident.</summary>
    public bool StoryOnly { get; init; }
    /// <summary>The document's publication day (for the link order), when read with it.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Why its stored facts cannot be read (they are read again from the text), or null.</summary>
    public string? Unreadable { get; init; }
    /// <summary>Marked by <c>reprocess</c>: read again from the text with the current analyzer (its stored facts are the old reading).</summary>
    public bool Reread { get; init; }

    /// <summary>Linked and in place: reloading puts it back without scoring.</summary>
    public bool InPlace => Facts is not null && Assignment is not null && !Stale && !Reread;

    /// <summary>Nothing to do for it: in place, or kept out after a failed analysis.</summary>
    public bool Settled => InPlace || Failure is not null;
}

/// <summary>The sourced record's rows: each document's facts and assignment (migration 2), written incrementally.</summary>
public sealed partial class SqliteDocumentStore : IRecordJournal
{
    /// <summary>How <see cref="DocumentFacts"/> are kept: compact JSON, enums by name, nulls left out.</summary>
    internal static readonly JsonSerializerOptions FactsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>How many stored documents have their facts and assignment stored.</summary>
    public int LinkedCount
    {
        get
        {
            lock (_gate)
            {
                using var cmd = NewCommand();
                cmd.CommandText = "SELECT count(*) FROM document_facts";
                return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Stores a linked document's facts and assignment in one transaction, replacing what was stored for it
    /// before (so saving again is harmless). The document itself must be stored already.
    /// </summary>
    public void SaveLink(DocumentFacts facts, DocumentAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(assignment);
        var json = JsonSerializer.Serialize(facts, FactsJson);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            var seq = SeqOf(facts.Id, tx) ?? throw new InvalidOperationException($"document {facts.Id} is not stored, so its facts cannot be");
            // A document counted by the linker for the first time (never linked, or linked again after it went stale or was marked to be read again).
            var check = Command("SELECT stale + reread FROM document_facts WHERE document_seq = $seq", tx);
            check.Parameters.AddWithValue("$seq", seq);
            var counted = check.ExecuteScalar() is long stale && stale == 0;
            var cmd = Command("""
                INSERT INTO document_facts (document_seq, story, facts, stale, rank, story_ord, weights, held, analyzer, reread)
                VALUES ($seq, $story, $facts, 0, $rank, $ord, $weights, 1, $analyzer, 0)
                ON CONFLICT (document_seq) DO UPDATE SET story = excluded.story, facts = excluded.facts, stale = 0,
                    rank = excluded.rank, story_ord = excluded.story_ord, weights = excluded.weights, held = 1,
                    analyzer = excluded.analyzer, reread = 0
                """, tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.Parameters.AddWithValue("$analyzer", (object?)facts.Analyzer ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$story", assignment.Story);
            cmd.Parameters.AddWithValue("$facts", json);
            BindResume(cmd, assignment);
            cmd.ExecuteNonQuery();
            cmd = Command("DELETE FROM link_queue WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            cmd = Command("INSERT OR IGNORE INTO open_stories (story) VALUES ($story)", tx);
            cmd.Parameters.AddWithValue("$story", assignment.Story);
            cmd.ExecuteNonQuery();
            if (!counted) CountLinked(facts, assignment, tx);
            cmd = Command("DELETE FROM event_assignments WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            cmd = Command("DELETE FROM link_failures WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            foreach (var ev in facts.Events)
            {
                if (!assignment.Events.TryGetValue(ev.Id, out var a)) throw new InvalidOperationException($"event {ev.Id} of {facts.Id} has no assignment");
                cmd = Command("""
                    INSERT INTO event_assignments (event, document_seq, incident, joined_to, score, reason)
                    VALUES ($event, $seq, $incident, $joined, $score, $reason)
                    """, tx);
                cmd.Parameters.AddWithValue("$seq", seq);
                BindAssignment(cmd, ev.Id, a);
                cmd.ExecuteNonQuery();
            }
            Changed(tx);
            write.Complete();
        }
    }

    /// <summary>Rewrites the assignments of events that moved (a detach), all in one transaction; unknown events are an error.</summary>
    public void SaveAssignments(IReadOnlyDictionary<string, EventAssignment> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            foreach (var (id, a) in events.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var cmd = Command("""
                    UPDATE event_assignments SET incident = $incident, joined_to = $joined, score = $score, reason = $reason
                    WHERE event = $event
                    """, tx);
                BindAssignment(cmd, id, a);
                if (cmd.ExecuteNonQuery() != 1) throw new InvalidOperationException($"event {id} has no stored assignment");
            }
            Interlocked.Increment(ref _analystWrites);
            write.Complete();
        }
    }

    private SqliteTransaction? _batch;
    private int _batchSize;
    private int _batched;

    /// <summary>A batch of record writes is open: other connections cannot see them until it commits.</summary>
    private volatile bool _writing;

    /// <summary>How long one read of the record on a pooled connection may take (whole-record reads go a page at a time).</summary>
    private static readonly TimeSpan ReadTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>Read-only connections for the record's readers (null for a database in memory).</summary>
    private readonly SqliteReadPool? _reads;

    /// <summary>
    /// One read of the record (the archive, summaries): on a pooled read-only connection of its own when no batch of
    /// record writes is open, so readers run side by side and never wait for this connection (a reload reading its
    /// snapshot holds it for seconds); while a batch is open, on this connection inside it, so the reader sees the
    /// batch's writes. Without a batch every write is committed before the store's lock is let go, so the pool sees
    /// what this connection would. The command text is run as given (<see cref="On"/>).
    /// </summary>
    private T RecordRead<T>(Func<SqliteConnection, SqliteTransaction?, T> read)
    {
        if (_reads is { } pool && !_writing) return pool.Read(c => read(c, null));
        lock (_gate) return read(_connection, _batch);
    }

    /// <summary>A command on a connection a <see cref="RecordRead"/> was given.</summary>
    private SqliteCommand On(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        if (ReferenceEquals(connection, _connection)) return Command(sql, tx);
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>
    /// Record writes (links, reassignments, failures, stale marks) from here until the returned scope is disposed are
    /// committed <paramref name="documents"/> at a time instead of one by one: each commit still holds whole documents,
    /// so a killed run loses at most the last few links, which the next load makes again. For bulk linking (ingest).
    /// </summary>
    /// <summary>Whether record writes are being batched (<see cref="SaveInBatches"/>).</summary>
    public bool Batching
    {
        get { lock (_gate) return _batch is not null; }
    }

    public IDisposable SaveInBatches(int documents = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documents, 1);
        lock (_gate)
        {
            if (_batch is not null) throw new InvalidOperationException("record writes are batched already");
            _batchSize = documents;
            _batched = 0;
            _batch = _connection.BeginTransaction();
            _writing = true;
        }
        return new BatchScope(this);
    }

    private sealed class BatchScope(SqliteDocumentStore store) : IDisposable
    {
        public void Dispose()
        {
            lock (store._gate)
            {
                store._batch?.Commit();
                store._batch?.Dispose();
                store._batch = null;
                store._writing = false;
            }
        }
    }

    /// <summary>One record write: its own transaction, or its place in the open batch.</summary>
    private RecordWriteScope RecordWrite() => new(this, _batch is null ? _connection.BeginTransaction() : null);

    private sealed class RecordWriteScope(SqliteDocumentStore store, SqliteTransaction? own) : IDisposable
    {
        private bool _completed;

        public SqliteTransaction Transaction => own ?? store._batch!;

        public void Complete()
        {
            _completed = true;
            if (own is not null) { own.Commit(); return; }
            if (++store._batched < store._batchSize) return;
            store._batch!.Commit();
            store._batch.Dispose();
            store._batch = store._connection.BeginTransaction();
            store._batched = 0;
        }

        public void Dispose()
        {
            if (own is not null) { own.Dispose(); return; }
            if (_completed || store._batch is not { } batch) return;
            // A write that failed half way leaves the batch half written: it all goes, and the next load links again
            // what it held. Later writes of the scope get transactions of their own.
            batch.Rollback();
            batch.Dispose();
            store._batch = null;
            store._writing = false;
        }
    }

    void IRecordJournal.Linked(DocumentFacts document, DocumentAssignment assignment) => SaveLink(document, assignment);

    void IRecordJournal.Reassigned(IReadOnlyDictionary<string, EventAssignment> events) => SaveAssignments(events);

    /// <summary>
    /// Marks linked documents stale in one transaction: an earlier document arrived, so their places are worked out
    /// again (from their stored facts). Until each is saved again a reload treats it as not in place, so a run killed
    /// in the middle of relinking finishes the job the next time.
    /// </summary>
    public void MarkStale(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            foreach (var id in documentIds)
            {
                var cmd = Command("UPDATE document_facts SET stale = 1 WHERE document_seq = (SELECT seq FROM documents WHERE id = $id)", tx);
                cmd.Parameters.AddWithValue("$id", id);
                cmd.ExecuteNonQuery();
                cmd = Command("INSERT OR IGNORE INTO link_queue (document_seq) SELECT seq FROM documents WHERE id = $id", tx);
                cmd.Parameters.AddWithValue("$id", id);
                cmd.ExecuteNonQuery();
            }
            Changed(tx);
            write.Complete();
        }
    }

    /// <summary>Keeps a document out of the record with the reason its analysis failed (its facts, if any, go).</summary>
    public void SaveFailure(string documentId, string reason)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            var seq = SeqOf(documentId, tx) ?? throw new InvalidOperationException($"document {documentId} is not stored");
            var cmd = Command("DELETE FROM document_facts WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            cmd = Command("DELETE FROM link_queue WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            cmd = Command("INSERT INTO link_failures (document_seq, reason) VALUES ($seq, $reason) ON CONFLICT (document_seq) DO UPDATE SET reason = excluded.reason", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.Parameters.AddWithValue("$reason", reason);
            cmd.ExecuteNonQuery();
            Changed(tx);
            write.Complete();
        }
    }

    private static void BindAssignment(SqliteCommand cmd, string eventId, EventAssignment a)
    {
        cmd.Parameters.AddWithValue("$event", eventId);
        cmd.Parameters.AddWithValue("$incident", a.Incident);
        cmd.Parameters.AddWithValue("$joined", (object?)a.Link.JoinedTo ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$score", a.Link.Score);
        cmd.Parameters.AddWithValue("$reason", a.Link.Reason);
    }

    /// <summary>
    /// Every stored document in link order (<see cref="LinkOrder"/>) with its facts and assignment (null for one never
    /// linked), read a page at a time so that no statement stays open while the caller writes.
    /// </summary>
    public IEnumerable<StoredLink> ReadLinks(int pageSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var order = LinkOrderSeqs();
        for (var from = 0; from < order.Count; from += pageSize)
        {
            var page = ReadLinkPage(order.GetRange(from, Math.Min(pageSize, order.Count - from)));
            foreach (var link in page) yield return link;
        }
    }

    private List<long> LinkOrderSeqs()
    {
        lock (_gate)
        {
            var seqs = new List<long>();
            var cmd = Command("SELECT seq FROM documents ORDER BY (published IS NULL), coalesce(published, ''), id", null);
            using var r = cmd.ExecuteReader();
            while (r.Read()) seqs.Add(r.GetInt64(0));
            return seqs;
        }
    }

    /// <summary>The event assignments of the documents whose sequence numbers <paramref name="seqs"/> lists (a JSON array), by document.</summary>
    private Dictionary<long, Dictionary<string, EventAssignment>> ReadAssignments(string seqs)
    {
        var events = new Dictionary<long, Dictionary<string, EventAssignment>>();
        var cmd = Command("""
            SELECT document_seq, event, incident, joined_to, score, reason FROM event_assignments
            WHERE document_seq IN (SELECT value FROM json_each($seqs))
            """, null);
        cmd.Parameters.AddWithValue("$seqs", seqs);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var seq = r.GetInt64(0);
            if (!events.TryGetValue(seq, out var map)) events[seq] = map = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
            var id = r.GetString(1);
            map[id] = new EventAssignment(r.GetString(2), new IncidentLink(id, r.IsDBNull(3) ? null : r.GetString(3), r.GetDouble(4), r.GetString(5)));
        }
        return events;
    }

    private List<StoredLink> ReadLinkPage(List<long> seqs)
    {
        var list = "[" + string.Join(",", seqs.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
        lock (_gate)
        {
            var rows = new List<(long Seq, string Id, string Source, string? Story, string? Facts, bool Stale, string? Failure, string? Dup, bool Reread)>(seqs.Count);
            var cmd = Command("""
                SELECT d.seq, d.id, d.source, f.story, f.facts, coalesce(f.stale, 0), x.reason, d.duplicate_of, coalesce(f.reread, 0)
                FROM json_each($seqs) j JOIN documents d ON d.seq = j.value
                LEFT JOIN document_facts f ON f.document_seq = d.seq LEFT JOIN link_failures x ON x.document_seq = d.seq
                ORDER BY j.key
                """, null);
            cmd.Parameters.AddWithValue("$seqs", list);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                        r.GetInt64(5) != 0, r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetInt64(8) != 0));
                }
            }
            var events = ReadAssignments(list);
            var links = new List<StoredLink>(rows.Count);
            foreach (var (seq, id, source, story, json, stale, failure, dup, reread) in rows)
            {
                if (story is null || json is null)
                {
                    links.Add(new StoredLink(id, null, null) { Source = source, Failure = failure, DuplicateOf = dup });
                    continue;
                }
                DocumentFacts? facts = null;
                string? unreadable = null;
                try
                {
                    facts = JsonSerializer.Deserialize<DocumentFacts>(json, FactsJson);
                    if (facts is null) unreadable = $"{Path}: the stored facts of document {id} are empty";
                }
                catch (JsonException ex)
                {
                    unreadable = $"{Path}: the stored facts of document {id} cannot be read ({ex.Message})";
                }
                // Unreadable facts keep their assignment: the events read again have the same ids, and a detach stands.
                var assignment = new DocumentAssignment(story, events.GetValueOrDefault(seq) ?? []);
                links.Add(unreadable is not null
                    ? new StoredLink(id, null, assignment) { Source = source, Unreadable = unreadable, DuplicateOf = dup }
                    : new StoredLink(id, facts, assignment) { Source = source, Stale = stale, DuplicateOf = dup, Reread = reread });
            }
            return links;
        }
    }
}
