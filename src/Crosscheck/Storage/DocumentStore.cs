using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using System.Data.Common;
using Microsoft.Data.Sqlite;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>
/// Documents and the record in one database: a SQLite file (WAL journal, FTS5 over title and text) or a PostgreSQL
/// database (<see cref="OpenPostgres"/>; the statements' dialect in <see cref="SqlDialect"/>), with hand-written
/// migrations. One connection, used by one thread at a time (callers serialize; the web app opens its own).
/// </summary>
public sealed partial class DocumentStore : IDocumentStore
{
    private readonly DbConnection _connection;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public string Path { get; }

    // Made once per store and reused (SQLite prepares each once): preparing the same statements for every document was
    // a large share of the ingest time.
    private NearDuplicateIndex _nearDuplicates = new();
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    private DbCommand Command(string sql, DbTransaction? tx)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand().WithSql(sql);
            _commands[sql] = cmd;
        }
        // While record writes are batched, every statement of this connection runs inside the batch.
        cmd.Transaction = tx ?? _batch;
        cmd.Parameters.Clear();
        return cmd;
    }

    /// <summary>A one-off command, inside the open batch of record writes if there is one.</summary>
    private DbCommand NewCommand()
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _batch;
        return cmd;
    }

    private DocumentStore(string path, DbConnection connection, TimeProvider time, ReadPool? reads, WriteTurns? turns)
    {
        Path = path;
        _connection = connection;
        _dialect = SqlDialect.Of(connection);
        _time = time;
        _turns = turns;
        _reads = reads;
    }

    private readonly SqlDialect _dialect;

    /// <summary>The Npgsql connection string of a PostgreSQL store (null for SQLite): what other connections to it open with.</summary>
    internal string? ConnectionString { get; private init; }

    /// <summary>
    /// Opens the PostgreSQL database the connection string names and migrates it. <paramref name="display"/> names the
    /// store in messages (never with its password).
    /// </summary>
    public static DocumentStore OpenPostgres(string connectionString, string display, TimeProvider? time = null) =>
        OpenPostgres(connectionString, display, time, DeskName.Default);

    private static DocumentStore OpenPostgres(string connectionString, string display, TimeProvider? time, DeskName desk)
    {
        // Not auto-prepared (Npgsql's MaxAutoPrepare): tried, a statement of SaveLink then ran twice as it was prepared
        // (a duplicate key in event_assignments in the storage suite), so every statement is sent unprepared.
        var connection = new Npgsql.NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            // A named desk's tables live in its own schema, which its connections have as their search path.
            if (!desk.IsDefault) CreateDeskSchema(connection, desk);
            Migrations.Apply(connection, time ?? TimeProvider.System);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new DocumentStore(display, connection, time ?? TimeProvider.System, new PostgresReadPool(connectionString, ReadTimeLimit), turns: null)
        {
            ConnectionString = connectionString,
            Desk = desk,
        };
    }

    /// <summary>
    /// Whether the store at <paramref name="location"/> exists: the SQLite file, or the PostgreSQL database (which a
    /// store never creates: an administrator does). A server that cannot be reached throws.
    /// </summary>
    public static bool Exists(StoreLocation location)
    {
        if (location.Kind == StoreKind.Sqlite) return location.IsMemory || File.Exists(location.Path);
        try
        {
            using var connection = new Npgsql.NpgsqlConnection(location.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    /// <summary>A private database that lives as long as the store: for one-off analysis.</summary>
    public static DocumentStore OpenInMemory(TimeProvider? time = null) => Open(":memory:", time);

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and migrates it.</summary>
    public static DocumentStore Open(string path, TimeProvider? time = null, bool readOnly = false)
    {
        var full = path == ":memory:" ? path : System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!readOnly && dir is not null && path != ":memory:") Directory.CreateDirectory(dir);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000;");
            if (!readOnly)
            {
                // NORMAL is crash-safe in WAL mode (a killed process loses at most the open transaction); rarer
                // checkpoints (32 MB of WAL) keep bulk ingest from stalling on them every few batches.
                if (path != ":memory:") Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192;");
                Execute(connection, "PRAGMA foreign_keys = ON;");
                Migrations.Apply(connection, time ?? TimeProvider.System);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        // A file can be read from other connections too: the record's readers then never queue on this one (see RecordRead).
        var reads = path == ":memory:" ? null : new SqliteReadPool(full, ReadTimeLimit);
        return new DocumentStore(full, connection, time ?? TimeProvider.System, reads, new WriteTurns(full));
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                using var cmd = NewCommand();
                cmd.WithSql("SELECT count(*) FROM documents");
                return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    public StoreOutcome Add(Document document) => AddRange([document])[0];

    public IReadOnlyList<StoreOutcome> AddRange(IReadOnlyList<Document> documents)
    {
        lock (_gate)
        {
            if (_batching || _batch is not null) throw new InvalidOperationException("documents cannot be stored while record writes are batched");
            using var tx = BeginWrite();
            _nearDuplicates.CatchUp(Command("SELECT seq, minhash FROM documents WHERE seq > $after ORDER BY seq", tx));
            var outcomes = new List<StoreOutcome>(documents.Count);
            try
            {
                foreach (var document in documents) outcomes.Add(AddInTransaction(document, tx));
                tx.Commit();
            }
            catch
            {
                // The rolled-back rows are in the in-memory index: rebuild it from the database next time.
                _nearDuplicates = new NearDuplicateIndex();
                throw;
            }
            return outcomes;
        }
    }

    private StoreOutcome AddInTransaction(Document document, DbTransaction tx)
    {
        {
            var existing = SeqOf(document.Id, tx);
            if (existing is not null)
            {
                InsertSource(existing.Value, document.Source, tx);
                return new StoreOutcome(StoreStatus.AlreadyStored, document with { DuplicateOf = DuplicateOfStored(existing.Value, tx) });
            }

            // Compared without the page's furniture (CopyText): each site prints its own links, credits and captions.
            var copyText = CopyText.Of(document);
            var (signature, sketch) = MinHashSignature.ComputeBoth(copyText);
            var (duplicateOf, copiesOf) = FindNearDuplicate(document, copyText, signature, sketch, tx);
            var stored = document with { DuplicateOf = duplicateOf };

            var cmd = Command("""
                INSERT INTO documents (id, source, outlet, title, published, url, language, text, duplicate_of, ingested_at, minhash)
                VALUES ($id, $source, $outlet, $title, $published, $url, $language, $text, $dup, $at, $minhash)
                RETURNING seq
                """, tx);
            cmd.Parameters.AddWithValue("$id", stored.Id);
            cmd.Parameters.AddWithValue("$source", stored.Source);
            cmd.Parameters.AddWithValue("$outlet", (object?)stored.Metadata.Outlet ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$title", (object?)stored.Metadata.Title ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$published", (object?)stored.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$url", (object?)stored.Metadata.Url ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$language", stored.Language);
            cmd.Parameters.AddWithValue("$text", stored.Text);
            cmd.Parameters.AddWithValue("$dup", (object?)duplicateOf ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$minhash", NearDuplicateIndex.Pack(signature, sketch));
            var seq = (long)cmd.ExecuteScalar()!;

            InsertSegments(seq, stored.Segments, tx);
            cmd = Command("INSERT OR IGNORE INTO link_queue (document_seq) VALUES ($seq)", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();

            if (_dialect.SearchIndexInsert is { } index)
            {
                cmd = Command(index, tx);
                cmd.Parameters.AddWithValue("$seq", seq);
                cmd.Parameters.AddWithValue("$title", (object?)stored.Metadata.Title ?? "");
                cmd.Parameters.AddWithValue("$text", stored.Text);
                cmd.ExecuteNonQuery();
            }

            InsertSource(seq, stored.Source, tx);
            if (QueuesReadings) Enqueue(seq, tx);
            if (copiesOf is not null) BecomeOriginal(stored.Id, copiesOf, tx);
            _nearDuplicates.Add(seq, signature, sketch);
            return new StoreOutcome(duplicateOf is null ? StoreStatus.Added : StoreStatus.AddedNearDuplicate, stored);
        }
    }

    /// <summary>Rows per many-row insert (segments, event assignments): binding is cheap, stepping statements is not, and SQLite takes at most 32,766 parameters.</summary>
    internal const int RowsPerStatement = 256;

    private void InsertSegments(long seq, ImmutableArray<Segment> segments, DbTransaction tx)
    {
        for (var from = 0; from < segments.Length; from += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, segments.Length - from);
            var cmd = Command(MultiRowInsert("INSERT INTO segments (document_seq, ordinal, kind, start, \"end\") VALUES ", "($seq, $o{0}, $kind{0}, $start{0}, $end{0})", rows), tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            for (var i = 0; i < rows; i++)
            {
                var s = segments[from + i];
                var n = i.ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.AddWithValue("$o" + n, from + i);
                cmd.Parameters.AddWithValue("$kind" + n, Segment.Name(s.Kind));
                cmd.Parameters.AddWithValue("$start" + n, s.Start);
                cmd.Parameters.AddWithValue("$end" + n, s.End);
            }
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The original a new document nearly copies: of the stored documents it matches, the original that comes first
    /// in link order (<see cref="Linking.LinkOrder"/>), so which copy is the original does not depend on which arrived
    /// first. When the new document itself comes before that original, it is the original: it is stored without
    /// <c>duplicateOf</c> and <c>CopiesOf</c> names the original whose copies move to it. A stored document matches when
    /// the estimated Jaccard similarity reaches <see cref="MinHashSignature.Threshold"/> or one text is contained in the
    /// other (<see cref="ShingleSketch.Contained"/>: a wire story cut at another length).
    /// </summary>
    private (string? DuplicateOf, string? CopiesOf) FindNearDuplicate(Document document, string copyText, MinHashSignature signature, ShingleSketch sketch, DbTransaction tx)
    {
        var select = Command("SELECT id, minhash, duplicate_of FROM documents WHERE seq = $seq", tx);
        var originals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seq in _nearDuplicates.Candidates(signature).Union(_nearDuplicates.ContainmentCandidates(sketch)))
        {
            select.Parameters.Clear();
            select.Parameters.AddWithValue("$seq", seq);
            byte[] stored;
            string id, original;
            using (var reader = select.ExecuteReader())
            {
                if (!reader.Read()) continue;
                id = reader.GetString(0);
                stored = (byte[])reader[1];
                // Point at the original, not at another reprint of it.
                original = reader.IsDBNull(2) ? id : reader.GetString(2);
            }
            // The reader is closed before the stored text is read: PostgreSQL runs one command at a time on a connection.
            if (signature.Similarity(NearDuplicateIndex.Unpack(stored)) >= MinHashSignature.Threshold
                || NearDuplicateIndex.UnpackSketch(stored) is { } other && ShingleSketch.Contained(sketch, other)
                    && (Math.Min(sketch.Shingles, other.Shingles) >= ShingleSketch.FullShingles
                        || ShingleSketch.ExactContainment(copyText, CopyTextOf(id, tx)) >= ShingleSketch.ShortContainment))
                originals.Add(original);
        }
        if (originals.Count == 0) return (null, null);
        var first = originals.Select(id => (Id: id, Published: PublishedOf(id, tx)))
            .Aggregate((a, b) => Linking.LinkOrder.Compare(a.Published, a.Id, b.Published, b.Id) <= 0 ? a : b);
        return Linking.LinkOrder.Compare(document.Metadata.Published, document.Id, first.Published, first.Id) < 0
            ? (null, first.Id)
            : (first.Id, null);
    }

    private DateOnly? PublishedOf(string id, DbTransaction tx)
    {
        var cmd = Command("SELECT published FROM documents WHERE id = $id", tx);
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is string day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// A document that comes before the original it copies becomes the original: the old original and its copies
    /// point at it, and those already linked are marked stale so that their reports are traced again.
    /// </summary>
    private void BecomeOriginal(string id, string formerOriginal, DbTransaction tx)
    {
        var cmd = Command("""
            UPDATE document_facts SET stale = 1
            WHERE document_seq IN (SELECT seq FROM documents WHERE id = $old OR duplicate_of = $old)
            """, tx);
        cmd.Parameters.AddWithValue("$old", formerOriginal);
        cmd.ExecuteNonQuery();
        cmd = Command("""
            INSERT OR IGNORE INTO link_queue (document_seq)
            SELECT f.document_seq FROM document_facts f JOIN documents d ON d.seq = f.document_seq WHERE d.id = $old OR d.duplicate_of = $old
            """, tx);
        cmd.Parameters.AddWithValue("$old", formerOriginal);
        cmd.ExecuteNonQuery();
        cmd = Command("UPDATE documents SET duplicate_of = $new WHERE id = $old OR duplicate_of = $old", tx);
        cmd.Parameters.AddWithValue("$new", id);
        cmd.Parameters.AddWithValue("$old", formerOriginal);
        cmd.ExecuteNonQuery();
    }

    private void InsertSource(long seq, string source, DbTransaction tx)
    {
        var cmd = Command("INSERT OR IGNORE INTO document_sources (document_seq, source) VALUES ($seq, $source)", tx);
        cmd.Parameters.AddWithValue("$seq", seq);
        cmd.Parameters.AddWithValue("$source", source);
        cmd.ExecuteNonQuery();
    }

    private static readonly Dictionary<(string, string, int), string> MultiRowSql = [];

    private static string MultiRowInsert(string head, string rowFormat, int rows)
    {
        lock (MultiRowSql)
        {
            if (!MultiRowSql.TryGetValue((head, rowFormat, rows), out var sql))
            {
                sql = head + string.Join(", ", Enumerable.Range(0, rows).Select(i => string.Format(CultureInfo.InvariantCulture, rowFormat, i)));
                MultiRowSql[(head, rowFormat, rows)] = sql;
            }
            return sql;
        }
    }

    /// <summary>A stored document's text without its furniture (<see cref="CopyText"/>), from its stored segments.</summary>
    private string CopyTextOf(string id, DbTransaction tx) =>
        DocumentQueries.Get(_connection, tx, id) is { } stored ? CopyText.Of(stored) : "";

    private string? DuplicateOfStored(long seq, DbTransaction tx)
    {
        var cmd = Command("SELECT duplicate_of FROM documents WHERE seq = $seq", tx);
        cmd.Parameters.AddWithValue("$seq", seq);
        return cmd.ExecuteScalar() as string;
    }

    private long? SeqOf(string id, DbTransaction? tx = null)
    {
        var cmd = Command("SELECT seq FROM documents WHERE id = $id", tx);
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is long seq ? seq : null;
    }

    public Document? Get(string id)
    {
        lock (_gate) return DocumentQueries.Get(_connection, _batch, id);
    }

    public IReadOnlyList<string> Sources(string id)
    {
        lock (_gate) return DocumentQueries.Sources(_connection, _batch, id);
    }

    public DocumentPage List(string? query, int offset, int limit)
    {
        lock (_gate) return DocumentQueries.List(_connection, _batch, query, offset, limit);
    }

    /// <summary>User words become quoted FTS5 terms, so punctuation in a search never breaks the query syntax.</summary>
    internal static string? FtsQuery(string query)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string(t.Where(c => char.IsLetterOrDigit(c) || c is '-' or '\'').ToArray()))
            .Where(t => t.Length > 0)
            .Select(t => "\"" + t.Replace("\"", "", StringComparison.Ordinal) + "\"");
        var q = string.Join(" ", terms);
        return q.Length == 0 ? null : q;
    }

    /// <summary>The words of a search for PostgreSQL's <c>plainto_tsquery</c>: the same words <see cref="FtsQuery"/> keeps, unquoted.</summary>
    internal static string? SearchWords(string query)
    {
        var words = string.Join(" ", query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string(t.Where(c => char.IsLetterOrDigit(c) || c is '-' or '\'').ToArray()))
            .Where(t => t.Length > 0));
        return words.Length == 0 ? null : words;
    }

    internal static void Execute(DbConnection connection, string sql, DbTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        // The pooled readers close first: the last connection to close ends the write-ahead log, and only a writer can.
        _reads?.Dispose();
        lock (_gate)
        {
            foreach (var cmd in _commands.Values) cmd.Dispose();
            _commands.Clear();
            _connection.Dispose();
        }
        _changesBegun.Dispose();
    }
}
