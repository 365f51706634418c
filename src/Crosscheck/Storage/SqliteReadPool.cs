using System.Diagnostics;
using Crosscheck.Documents;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using System.Data.Common;

namespace Crosscheck.Storage;

/// <summary>
/// Reads of one database, each on a read-only connection taken from a pool for that read alone, so readers never wait
/// for each other or for the writer (WAL), and each bounded in time: a statement still running at the time limit is
/// interrupted (SQLite's progress handler, checked every few thousand steps on the reading thread) and the read fails
/// with <see cref="QueryTimeLimitException"/>.
/// </summary>
public sealed class SqliteReadPool : ReadPool
{
    /// <summary>SQLite steps between two looks at the clock: a few microseconds of work.</summary>
    private const int StepsPerCheck = 1000;

    private readonly string _connectionString;


    public SqliteReadPool(string path, TimeSpan timeLimit) : base(timeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeLimit, TimeSpan.Zero);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeLimit.TotalSeconds)),
        }.ToString();
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection within the time limit (and until <paramref name="cancellation"/>).</summary>
    public override T Read<T>(Func<DbConnection, T> read, CancellationToken cancellation = default)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var limit = new Limit(Stopwatch.GetTimestamp() + (long)(TimeLimit.TotalSeconds * Stopwatch.Frequency), cancellation);
        raw.sqlite3_progress_handler(connection.Handle, StepsPerCheck, static state => ((Limit)state).Passed ? 1 : 0, limit);
        try
        {
            return read(connection);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == raw.SQLITE_INTERRUPT)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new QueryTimeLimitException(TimeLimit);
        }
        finally
        {
            // The connection goes back to the pool: it must not keep this read's clock.
            raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        }
    }

    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private sealed class Limit(long deadline, CancellationToken cancellation)
    {
        public bool Passed => Stopwatch.GetTimestamp() > deadline || cancellation.IsCancellationRequested;
    }
}

/// <summary>A read ran past its time limit and was interrupted.</summary>
public sealed class QueryTimeLimitException(TimeSpan limit)
    : TimeoutException($"the query ran past its time limit of {limit.TotalSeconds:0.###} s and was interrupted")
{
    public TimeSpan Limit { get; } = limit;
}
