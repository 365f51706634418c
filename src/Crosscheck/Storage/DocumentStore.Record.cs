using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crosscheck.Linking;
using System.Data.Common;

using Crosscheck.Storage.Sql;

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
public sealed partial class DocumentStore : IRecordJournal
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
                cmd.WithSql("SELECT count(*) FROM document_facts");
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
            // Where the document is and whether the linker counts it for the first time (never linked, or linked again
            // after it went stale or was marked to be read again): one query.
            var find = Command("SELECT d.seq, f.stale + f.reread FROM documents d LEFT JOIN document_facts f ON f.document_seq = d.seq WHERE d.id = $id", tx);
            find.Parameters.AddWithValue("$id", facts.Id);
            long seq;
            bool counted;
            using (var found = find.ExecuteReader())
            {
                if (!found.Read()) throw new InvalidOperationException($"document {facts.Id} is not stored, so its facts cannot be");
                seq = found.GetInt64(0);
                counted = !found.IsDBNull(1) && found.GetInt64(1) == 0;
            }
            // The rest but the event assignments in one command: on a server each statement was a round trip, and a
            // linked document's dozen of them were most of what linking waited for.
            var statements = new List<string>
            {
                """
                INSERT INTO document_facts (document_seq, story, facts, stale, rank, story_ord, weights, held, analyzer, reread)
                VALUES ($seq, $story, $facts, 0, $rank, $ord, $weights, 1, $analyzer, 0)
                ON CONFLICT (document_seq) DO UPDATE SET story = excluded.story, facts = excluded.facts, stale = 0,
                    rank = excluded.rank, story_ord = excluded.story_ord, weights = excluded.weights, held = 1,
                    analyzer = excluded.analyzer, reread = 0
                """,
                "DELETE FROM link_queue WHERE document_seq = $seq",
                "INSERT INTO open_stories (story) VALUES ($story) ON CONFLICT (story) DO NOTHING",
                "DELETE FROM event_assignments WHERE document_seq = $seq",
                "DELETE FROM link_failures WHERE document_seq = $seq",
            };
            if (QueuesReadings) statements.AddRange(DequeueStatements);
            var counters = new List<(string Name, int? AtLeast)> { (ChangesCounter, null) };
            var keys = counted ? [] : StoryClusterer.Keys(facts).ToList();
            if (!counted) counters.AddRange(LinkedCounters(assignment));
            if (keys.Count > 0) statements.Add(KeyFrequencyStatement);
            statements.Add(CounterStatement(counters.Count));
            var cmd = Command(string.Join(";\n", statements), tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.Parameters.AddWithValue("$analyzer", (object?)facts.Analyzer ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$story", assignment.Story);
            cmd.Parameters.AddWithValue("$facts", json);
            BindResume(cmd, assignment);
            if (keys.Count > 0) cmd.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
            BindCounters(cmd, counters);
            cmd.ExecuteNonQuery();
            // Many rows a statement (a statement per event was most of a linked document's round trips on a server).
            for (var from = 0; from < facts.Events.Length; from += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, facts.Events.Length - from);
                cmd = Command(MultiRowInsert("INSERT INTO event_assignments (event, document_seq, incident, joined_to, score, reason) VALUES ",
                    "($event{0}, $seq, $incident{0}, $joined{0}, $score{0}, $reason{0})", rows), tx);
                cmd.Parameters.AddWithValue("$seq", seq);
                for (var i = 0; i < rows; i++)
                {
                    var ev = facts.Events[from + i];
                    if (!assignment.Events.TryGetValue(ev.Id, out var a)) throw new InvalidOperationException($"event {ev.Id} of {facts.Id} has no assignment");
                    BindAssignment(cmd, ev.Id, a, i.ToString(CultureInfo.InvariantCulture));
                }
                cmd.ExecuteNonQuery();
            }
            write.Complete();
        }
    }

    /// <summary>
    /// Rewrites the assignments of events that moved, all in one transaction; unknown events are an error. Moved by hand
    /// (a detach, a move), it counts as an analyst's write that other servers follow; moved by a linker (a series merge),
    /// as a linker's change.
    /// </summary>
    public void SaveAssignments(IReadOnlyDictionary<string, EventAssignment> events, bool byHand = true)
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
            if (byHand)
            {
                // Other servers of the database see the move by their mark (StoreMark.Decisions).
                RaiseCounter(ReassignedCounter, null, tx);
                Interlocked.Increment(ref _analystWrites);
            }
            else
            {
                Changed(tx);
            }
            write.Complete();
        }
    }

    /// <summary>
    /// The open transaction of record writes, begun at the first write that needs it: a batch's (<see cref="SaveInBatches"/>)
    /// or one change's (<see cref="BeginChange"/>); null when none is open (then other processes may write).
    /// </summary>
    private DbTransaction? _batch;
    /// <summary>Record writes are batched (<see cref="SaveInBatches"/>), whether or not a batch is open at the moment.</summary>
    private bool _batching;
    private int _batchSize;
    /// <summary>Changes (and writes outside a change) in the open batch.</summary>
    private int _batched;
    private long _batchBegun;
    /// <summary>Change scopes begun on each thread (<see cref="BeginChange"/>), written or not.</summary>
    private readonly ThreadLocal<int> _changesBegun = new();
    /// <summary>A change has written: its thread holds <see cref="_gate"/> until the change ends (read under the lock, or by that thread).</summary>
    private volatile bool _changeActive;
    private volatile int _changeOwner;
    /// <summary>The open change set its savepoint in the batch (at its first write).</summary>
    private bool _changeSaved;
    /// <summary>A write of the open change failed: the transaction was taken back, and the change's later writes are refused.</summary>
    private bool _changeFailed;
    private const string ChangePoint = "record_change";

    /// <summary>
    /// A batch is committed after this long even when it has fewer documents than asked, so that another process's
    /// writer (a watch storing a document, a server linking one) waits at most about this long for its turn.
    /// </summary>
    internal static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(200);

    /// <summary>Announced turns at the write lock (see <see cref="WriteTurns"/>).</summary>
    private readonly WriteTurns? _turns;

    /// <summary>A batch of record writes is open: other connections cannot see them until it commits.</summary>
    private volatile bool _writing;

    /// <summary>How long one read of the record on a pooled connection may take (whole-record reads go a page at a time).</summary>
    private static readonly TimeSpan ReadTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>Read-only connections for the record's readers (null for a database in memory).</summary>
    private readonly ReadPool? _reads;

    /// <summary>
    /// One read of the record (the archive, summaries): on a pooled read-only connection of its own when no batch of
    /// record writes is open, so readers run side by side and never wait for this connection (a reload reading its
    /// snapshot holds it for seconds); while a batch is open, on this connection inside it, so the reader sees the
    /// batch's writes. Without a batch every write is committed before the store's lock is let go, so the pool sees
    /// what this connection would. The command text is run as given (<see cref="On"/>).
    /// </summary>
    private T RecordRead<T>(Func<DbConnection, DbTransaction?, T> read)
    {
        if (_reads is { } pool && !_writing) return pool.Read(c => read(c, null));
        lock (_gate) return read(_connection, _batch);
    }

    /// <summary>A command on a connection a <see cref="RecordRead"/> was given.</summary>
    private DbCommand On(DbConnection connection, DbTransaction? tx, string sql)
    {
        if (ReferenceEquals(connection, _connection)) return Command(sql, tx);
        return connection.CreateCommand().WithSql(sql);
    }

    /// <summary>Whether record writes are being batched (<see cref="SaveInBatches"/>).</summary>
    public bool Batching
    {
        get { lock (_gate) return _batching; }
    }

    /// <summary>
    /// Record writes (links, reassignments, failures, stale marks) from here until the returned scope is disposed are
    /// committed in batches instead of one by one: a batch ends after <paramref name="documents"/> changes (a document
    /// linked with what its linking archived: see <see cref="BeginChange"/>) or <see cref="BatchTime"/>, whichever
    /// comes first, so each commit holds whole documents and a killed run loses at most the last few links, which the
    /// next load makes again. A batch's transaction begins at its first write, not before, and between two batches a
    /// writer of another process that is waiting goes first (<see cref="WriteTurns"/>): a batching process never holds
    /// the database's write lock while it waits for something else (the link lock, say) or for long. For bulk linking.
    /// </summary>
    public IDisposable SaveInBatches(int documents = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documents, 1);
        lock (_gate)
        {
            if (_batching) throw new InvalidOperationException("record writes are batched already");
            if (_batch is not null) throw new InvalidOperationException("record writes cannot be batched inside a change of the record");
            _batchSize = documents;
            _batched = 0;
            _batching = true;
        }
        return new BatchScope(this);
    }

    private sealed class BatchScope(DocumentStore store) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            lock (store._gate)
            {
                if (_disposed) return;
                _disposed = true;
                try
                {
                    if (store._batch is not null) store.CommitOpen(letIn: false);
                }
                finally
                {
                    store._batching = false;
                }
            }
        }
    }

    /// <summary>
    /// Begins one change of the record (see <see cref="IRecordJournal.BeginChange"/>): the record writes until it is
    /// completed go into one transaction (a savepoint of the batch while batching), and are taken back together when it
    /// ends without being completed, so the store never keeps half of a document's linking. From the change's first write
    /// to its end, other threads' use of the store waits (a change that only reads, a record put back, holds nothing).
    /// </summary>
    public IRecordChange BeginChange()
    {
        _changesBegun.Value++;
        return new ChangeScope(this);
    }

    private sealed class ChangeScope(DocumentStore store) : IRecordChange
    {
        private bool _completed;
        private bool _ended;

        public void Complete() => _completed = true;

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            store.EndChange(_completed);
        }
    }

    private void EndChange(bool completed)
    {
        // A change inside another is part of it; a change that wrote nothing holds nothing.
        if (--_changesBegun.Value > 0 || !_changeActive || _changeOwner != Environment.CurrentManagedThreadId) return;
        try
        {
            var saved = _changeSaved;
            if (_batch is not { } open) return; // already taken back
            if (!completed)
            {
                // Only this change goes: the batch's earlier documents are whole and stand.
                if (_batching && saved)
                {
                    open.Rollback(ChangePoint);
                    open.Release(ChangePoint);
                }
                else RollBackOpen();
                return;
            }
            if (!_batching)
            {
                CommitOpen(letIn: false);
                return;
            }
            if (saved) open.Release(ChangePoint);
            Counted();
        }
        finally
        {
            _changeSaved = false;
            _changeFailed = false;
            _changeActive = false;
            _changeOwner = 0;
            Monitor.Exit(_gate);
        }
    }

    /// <summary>A write transaction of this connection, begun once any writer that announced itself is let in (<see cref="WriteTurns"/>).</summary>
    private DbTransaction BeginWrite()
    {
        using (_turns?.Wanting()) return _dialect.BeginWrite(_connection, Desk);
    }

    /// <summary>One record write: its own transaction, or its place in the open batch or change (begun by the first write).</summary>
    private RecordWriteScope RecordWrite()
    {
        if (_changeFailed) throw new InvalidOperationException("a write of this change of the record failed; the change was taken back");
        if (_changesBegun.Value > 0 && !_changeActive)
        {
            // The change's first write (under the lock): the lock is held on until the change ends.
            Monitor.Enter(_gate);
            _changeActive = true;
            _changeOwner = Environment.CurrentManagedThreadId;
        }
        if (!_batching && !_changeActive) return new(this, _batch is null ? BeginWrite() : null);
        if (_batch is null)
        {
            _batch = BeginWrite();
            _batchBegun = Stopwatch.GetTimestamp();
            _writing = true;
        }
        if (_batching && _changeActive && !_changeSaved)
        {
            _batch.Save(ChangePoint);
            _changeSaved = true;
        }
        return new(this, null);
    }

    /// <summary>One more change in the batch: it is committed when full or old enough.</summary>
    private void Counted()
    {
        if (++_batched >= _batchSize || Stopwatch.GetElapsedTime(_batchBegun) >= BatchTime) CommitOpen(letIn: true);
    }

    private void CommitOpen(bool letIn)
    {
        EndOpen(commit: true);
        // Between two batches, holding no write lock: a writer of another process that waits goes first.
        if (letIn) _turns?.LetIn();
    }

    private void RollBackOpen() => EndOpen(commit: false);

    /// <summary>Commits or rolls back the open batch and forgets it, whatever the outcome.</summary>
    private void EndOpen(bool commit)
    {
        var open = _batch!;
        try
        {
            if (commit) open.Commit();
            else open.Rollback();
        }
        finally
        {
            open.Dispose();
            _batch = null;
            _writing = false;
            _batched = 0;
        }
    }

    private sealed class RecordWriteScope(DocumentStore store, DbTransaction? own) : IDisposable
    {
        private bool _completed;

        public DbTransaction Transaction => own ?? store._batch!;

        public void Complete()
        {
            _completed = true;
            if (own is not null) { own.Commit(); return; }
            // Inside a change, the change's end commits or counts it.
            if (!store._changeActive && store._batching) store.Counted();
        }

        public void Dispose()
        {
            if (own is not null) { own.Dispose(); return; }
            if (_completed || store._batch is null) return;
            // A write that failed half way leaves the open transaction half written: it all goes (a batch's earlier
            // documents too: the next load links them again), and the rest of the change is refused.
            store.RollBackOpen();
            if (store._changeActive) store._changeFailed = true;
        }
    }

    void IRecordJournal.Linked(DocumentFacts document, DocumentAssignment assignment) => SaveLink(document, assignment);

    void IRecordJournal.Reassigned(IReadOnlyDictionary<string, EventAssignment> events) => SaveAssignments(events);

    void IRecordJournal.SeriesMerged(IReadOnlyDictionary<string, EventAssignment> events) => SaveAssignments(events, byHand: false);

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
            if (QueuesReadings)
            {
                cmd = Command(string.Join(";\n", DequeueStatements), tx);
                cmd.Parameters.AddWithValue("$seq", seq);
                cmd.ExecuteNonQuery();
            }
            Changed(tx);
            write.Complete();
        }
    }

    /// <param name="suffix">What the statement's parameter names end with (a row's number in a many-row insert).</param>
    private static void BindAssignment(DbCommand cmd, string eventId, EventAssignment a, string suffix = "")
    {
        cmd.Parameters.AddWithValue("$event" + suffix, eventId);
        cmd.Parameters.AddWithValue("$incident" + suffix, a.Incident);
        cmd.Parameters.AddWithValue("$joined" + suffix, (object?)a.Link.JoinedTo ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$score" + suffix, a.Link.Score);
        cmd.Parameters.AddWithValue("$reason" + suffix, a.Link.Reason);
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
        var cmd = Command($"""
            SELECT document_seq, event, incident, joined_to, score, reason FROM event_assignments
            WHERE document_seq IN ({_dialect.NumbersOf("$seqs")})
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
            var cmd = Command($"""
                SELECT d.seq, d.id, d.source, f.story, f.facts, coalesce(f.stale, 0), x.reason, d.duplicate_of, coalesce(f.reread, 0)
                FROM documents d
                LEFT JOIN document_facts f ON f.document_seq = d.seq LEFT JOIN link_failures x ON x.document_seq = d.seq
                WHERE d.seq IN ({_dialect.NumbersOf("$seqs")})
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
            // In the order asked (link order).
            var order = new Dictionary<long, int>(seqs.Count);
            foreach (var s in seqs) order.TryAdd(s, order.Count);
            rows.Sort((a, b) => order[a.Seq].CompareTo(order[b.Seq]));
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
