using System.Globalization;
using System.Data.Common;
using System.Text.Json;
using Crosscheck.Linking;
using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>A document a worker claimed to read: its sequence number and id.</summary>
public readonly record struct ClaimedDocument(long Seq, string Id);

/// <summary>What waits in a store's queue: documents to read (claimed or not) and readings not linked yet.</summary>
public readonly record struct QueueCounts(int Waiting, int Claimed, int Read);

/// <summary>
/// The work queue of a PostgreSQL store (migration 14; issue 16). A stored document waits in <c>analysis_queue</c> until
/// a worker claims it (<see cref="ClaimForReading"/>: <c>FOR UPDATE SKIP LOCKED</c>, so workers never wait for each
/// other's claims) for a lease; the worker stores its reading (<see cref="SaveReading"/>) and the claim goes. A worker
/// that dies leaves its claim until the lease runs out; another then claims the document again. A reading is stored
/// once (the first one stands: readings of one document by one analyzer are the same), and the linker takes it instead
/// of reading the document itself, removing reading and queue row with the link, in one transaction.
/// </summary>
public sealed partial class DocumentStore
{
    /// <summary>Documents are queued for workers: PostgreSQL stores (a SQLite store is read by the process that links it).</summary>
    public bool QueuesReadings => _dialect == SqlDialect.Postgres;

    private void Enqueue(long seq, DbTransaction tx)
    {
        var cmd = Command("INSERT OR IGNORE INTO analysis_queue (document_seq) VALUES ($seq)", tx);
        cmd.Parameters.AddWithValue("$seq", seq);
        cmd.ExecuteNonQuery();
    }

    /// <summary>What takes a linked document off the queue of a store whose workers read (binds <c>$seq</c>).</summary>
    private static readonly string[] DequeueStatements =
    [
        "DELETE FROM analysis_queue WHERE document_seq = $seq",
        "DELETE FROM document_readings WHERE document_seq = $seq",
    ];

    private void RequireQueue()
    {
        if (!QueuesReadings) throw new InvalidOperationException($"{Path}: workers share a PostgreSQL store; a SQLite store is read by the process that links it");
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> waiting documents for <paramref name="worker"/> until <paramref name="lease"/>
    /// from now (the server's clock), first in link order; documents whose earlier claim ran out are waiting again.
    /// </summary>
    public IReadOnlyList<ClaimedDocument> ClaimForReading(string worker, int count, TimeSpan lease)
    {
        RequireQueue();
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            var cmd = Command("""
                WITH free AS (
                    SELECT q.document_seq FROM analysis_queue q JOIN documents d ON d.seq = q.document_seq
                    WHERE q.claimed_until IS NULL OR q.claimed_until < clock_timestamp()
                    ORDER BY (d.published IS NULL), coalesce(d.published, ''), d.id
                    LIMIT $n FOR UPDATE OF q SKIP LOCKED)
                UPDATE analysis_queue q SET claimed_by = $worker, claimed_until = clock_timestamp() + make_interval(secs => $lease)
                FROM free, documents d WHERE q.document_seq = free.document_seq AND d.seq = q.document_seq
                RETURNING q.document_seq, d.id
                """, null);
            cmd.Parameters.AddWithValue("$n", count);
            cmd.Parameters.AddWithValue("$worker", worker);
            cmd.Parameters.AddWithValue("$lease", lease.TotalSeconds);
            var claimed = new List<ClaimedDocument>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) claimed.Add(new ClaimedDocument(r.GetInt64(0), r.GetString(1)));
            }
            return claimed;
        }
    }

    /// <summary>
    /// Stores a worker's reading of a document it claimed and lets the claim go, in one transaction. A reading stored
    /// before (by a worker whose lease ran out) stands, and a document no longer queued (read and linked meanwhile) takes
    /// no reading; the claim goes either way.
    /// </summary>
    public void SaveReading(ClaimedDocument document, string worker, DocumentFacts facts)
    {
        RequireQueue();
        ArgumentNullException.ThrowIfNull(facts);
        var json = JsonSerializer.Serialize(facts, FactsJson);
        lock (_gate)
        {
            using var tx = BeginWrite();
            // Only while the document waits: a worker whose lease ran out may finish after another worker's reading of
            // the document was linked (and its queue row and reading went); its late reading would wait for ever.
            var cmd = Command("""
                INSERT OR IGNORE INTO document_readings (document_seq, analyzer, read_by, facts)
                SELECT $seq, $analyzer, $worker, $facts WHERE EXISTS (SELECT 1 FROM analysis_queue WHERE document_seq = $seq)
                """, tx);
            cmd.Parameters.AddWithValue("$seq", document.Seq);
            cmd.Parameters.AddWithValue("$analyzer", facts.Analyzer ?? "");
            cmd.Parameters.AddWithValue("$worker", worker);
            cmd.Parameters.AddWithValue("$facts", json);
            cmd.ExecuteNonQuery();
            ReleaseClaim(document, worker, tx);
            tx.Commit();
        }
    }

    /// <summary>Lets a claim go without a reading: the document could not be read (it is kept out with its reason, see <see cref="SaveFailure"/>).</summary>
    public void DropClaim(ClaimedDocument document, string worker)
    {
        RequireQueue();
        lock (_gate)
        {
            using var tx = BeginWrite();
            ReleaseClaim(document, worker, tx);
            tx.Commit();
        }
    }

    private void ReleaseClaim(ClaimedDocument document, string worker, DbTransaction tx)
    {
        var cmd = Command("DELETE FROM analysis_queue WHERE document_seq = $seq AND claimed_by = $worker", tx);
        cmd.Parameters.AddWithValue("$seq", document.Seq);
        cmd.Parameters.AddWithValue("$worker", worker);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A worker's reading of the document by the analyzer <paramref name="analyzer"/>, or null (none, another analyzer's, or unreadable).</summary>
    public DocumentFacts? Reading(string documentId, string analyzer)
    {
        lock (_gate)
        {
            var cmd = Command("""
                SELECT r.facts FROM document_readings r JOIN documents d ON d.seq = r.document_seq WHERE d.id = $id AND r.analyzer = $analyzer
                """, null);
            cmd.Parameters.AddWithValue("$id", documentId);
            cmd.Parameters.AddWithValue("$analyzer", analyzer);
            if (cmd.ExecuteScalar() is not string json) return null;
            try
            {
                return JsonSerializer.Deserialize<DocumentFacts>(json, FactsJson);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Whether the document waits in the queue to be read by a worker (claimed or not).</summary>
    public bool IsQueued(string documentId)
    {
        if (!QueuesReadings) return false;
        lock (_gate)
        {
            var cmd = Command("SELECT 1 FROM analysis_queue q JOIN documents d ON d.seq = q.document_seq WHERE d.id = $id", null);
            cmd.Parameters.AddWithValue("$id", documentId);
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>Puts documents in the queue again (a new analyzer: <c>reprocess</c>), dropping readings of them not linked yet.</summary>
    public int EnqueueForReading(IReadOnlyCollection<string> documentIds)
    {
        RequireQueue();
        lock (_gate)
        {
            using var tx = BeginWrite();
            var dialect = _dialect;
            var cmd = Command($"DELETE FROM document_readings WHERE document_seq IN (SELECT seq FROM documents WHERE id IN ({dialect.TextsOf("$ids")}))", tx);
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(documentIds));
            cmd.ExecuteNonQuery();
            cmd = Command($"INSERT OR IGNORE INTO analysis_queue (document_seq) SELECT seq FROM documents WHERE id IN ({dialect.TextsOf("$ids")})", tx);
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(documentIds));
            var queued = cmd.ExecuteNonQuery();
            tx.Commit();
            return queued;
        }
    }

    /// <summary>What waits: documents to read (not claimed, claimed) and readings the linker has not taken yet.</summary>
    /// <summary>Whether no document waits to be linked (none new, stale or read and not linked yet).</summary>
    public bool NothingToLink()
    {
        lock (_gate)
        {
            var cmd = Command("SELECT count(*) FROM (SELECT 1 FROM link_queue LIMIT 1) AS q", null);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0;
        }
    }

    public QueueCounts Queue()
    {
        if (!QueuesReadings) return new QueueCounts(0, 0, 0);
        lock (_gate)
        {
            var cmd = Command("""
                SELECT (SELECT count(*) FROM analysis_queue WHERE claimed_until IS NULL OR claimed_until < clock_timestamp()),
                       (SELECT count(*) FROM analysis_queue WHERE claimed_until >= clock_timestamp()),
                       (SELECT count(*) FROM document_readings)
                """, null);
            using var r = cmd.ExecuteReader();
            r.Read();
            return new QueueCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2));
        }
    }
}
