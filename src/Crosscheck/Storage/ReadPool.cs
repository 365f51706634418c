using System.Data.Common;
using Crosscheck.Documents;
using Npgsql;

namespace Crosscheck.Storage;

/// <summary>
/// Read-only connections of their own for the record's readers (the web app's requests, the archive's reads), each
/// read bounded by <see cref="TimeLimit"/>: a query that runs past it is interrupted and fails with
/// <see cref="QueryTimeLimitException"/>, so one slow request never holds a connection for long.
/// </summary>
public abstract class ReadPool : IDocumentLookup, IDisposable
{
    protected ReadPool(TimeSpan timeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeLimit, TimeSpan.Zero);
        TimeLimit = timeLimit;
    }

    public TimeSpan TimeLimit { get; }

    /// <summary>The pool of the store at <paramref name="location"/>.</summary>
    public static ReadPool Open(StoreLocation location, TimeSpan timeLimit) => location.Kind == StoreKind.Postgres
        ? new PostgresReadPool(location.ConnectionString, timeLimit)
        : new SqliteReadPool(location.Path, timeLimit);

    /// <summary>Runs <paramref name="read"/> on a pooled connection, within the time limit.</summary>
    public abstract T Read<T>(Func<DbConnection, T> read, CancellationToken cancellation = default);

    public Document? Get(string id) => Lookup(default).Get(id);

    public DocumentPage List(string? query, int offset, int limit) => Lookup(default).List(query, offset, limit);

    public IReadOnlyList<string> Sources(string id) => Lookup(default).Sources(id);

    /// <summary>Document reads that stop when <paramref name="cancellation"/> is cancelled.</summary>
    public IDocumentLookup Lookup(CancellationToken cancellation) => new Reads(this, cancellation);

    private sealed class Reads(ReadPool pool, CancellationToken cancellation) : IDocumentLookup
    {
        public Document? Get(string id) => pool.Read(c => DocumentQueries.Get(c, null, id), cancellation);

        public DocumentPage List(string? query, int offset, int limit) => pool.Read(c => DocumentQueries.List(c, null, query, offset, limit), cancellation);

        public IReadOnlyList<string> Sources(string id) => pool.Read(c => DocumentQueries.Sources(c, null, id), cancellation);
    }

    public abstract void Dispose();
}

/// <summary>Pooled PostgreSQL connections; the time limit is the session's <c>statement_timeout</c>, set for each read.</summary>
public sealed class PostgresReadPool : ReadPool
{
    private readonly NpgsqlDataSource _source;

    public PostgresReadPool(string connectionString, TimeSpan timeLimit) : base(timeLimit)
    {
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public override T Read<T>(Func<DbConnection, T> read, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        using var connection = _source.OpenConnection();
        using (var set = connection.CreateCommand())
        {
            set.CommandText = $"SET statement_timeout = {Math.Max(1, (long)TimeLimit.TotalMilliseconds)}";
            set.ExecuteNonQuery();
        }
        try
        {
            return read(connection);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new QueryTimeLimitException(TimeLimit);
        }
    }

    public override void Dispose() => _source.Dispose();
}
