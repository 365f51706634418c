namespace Crosscheck.Storage;

/// <summary>
/// The right to link a database's documents, held by one linker at a time across processes (an ingest, a watch, a
/// running server). Two linkers working at once would each place the same documents with what they hold in memory,
/// and the rows of one would overwrite the other's. For a SQLite file the lock is an exclusive open of a file beside the
/// database (<c>FILE-link</c>); for PostgreSQL a session advisory lock. Either is let go by the system or the server
/// when the holder exits, so a killed process never leaves it taken. Storing documents needs no lock: writers take turns
/// (SQLite's write lock, PostgreSQL's write advisory lock), and the next linker takes them from the queue.
/// </summary>
public sealed class LinkLock : IDisposable
{
    private readonly IDisposable? _held;

    private LinkLock(IDisposable? held) => _held = held;

    /// <summary>
    /// The link lock of the store: for SQLite the file lock beside the database file (<see cref="TryTake(string)"/>);
    /// for PostgreSQL a session advisory lock held on a connection of its own, let go when the lock is disposed or the
    /// process dies (the server ends the session). Null when another process holds it.
    /// </summary>
    public static LinkLock? TryTake(DocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.ConnectionString is not { } postgres) return TryTake(store.Path);
        // Not from the pool: a pooled connection goes back idle when disposed and keeps its session, and with it the
        // lock, until the pool hands it out again (which may be never). Its own session ends when the lock is let go.
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            var key = KeyOf(store.Desk);
            cmd.CommandText = $"SELECT pg_try_advisory_lock({key})";
            if (cmd.ExecuteScalar() is true) return new LinkLock(new AdvisoryHold(connection, key));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        connection.Dispose();
        return null;
    }

    /// <summary>
    /// The advisory lock's key(s) of a desk: the store's one key for the default desk (as before desks); for a named desk the
    /// two-key form, a class of its own and the desk's stable <see cref="DeskName.Key"/>, so each desk is linked on its own.
    /// </summary>
    internal static string KeyOf(DeskName desk) => desk.IsDefault
        ? Sql.SqlDialect.LinkLockKey.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Sql.SqlDialect.DeskLinkClass}, {desk.Key}");

    /// <summary>Waits for the store's link lock (see <see cref="TryTake(DocumentStore)"/>).</summary>
    public static LinkLock Take(DocumentStore store, Action? waiting = null, CancellationToken cancellation = default) =>
        Wait(() => TryTake(store), waiting, cancellation);

    /// <summary>The file that is held open while a process links <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + "-link";

    /// <summary>Takes the lock if no one holds it; null when another linker does. A private (in-memory) database needs none.</summary>
    public static LinkLock? TryTake(string databasePath)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (databasePath == ":memory:") return new LinkLock(null);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows: either way a
            // second open, from this process or another, fails until the first is closed.
            return new LinkLock(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            // A folder this process may not write to: no other process can link there either (SQLite needs to write
            // its journal beside the file), so there is nothing to keep apart.
            return new LinkLock(null);
        }
    }

    /// <summary>
    /// Takes the lock, waiting while another linker holds it; <paramref name="waiting"/> is called once if it has to
    /// wait. Cancelled, it throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static LinkLock Take(string databasePath, Action? waiting = null, CancellationToken cancellation = default) =>
        Wait(() => TryTake(databasePath), waiting, cancellation);

    private static LinkLock Wait(Func<LinkLock?> tryTake, Action? waiting, CancellationToken cancellation)
    {
        var told = false;
        while (true)
        {
            if (tryTake() is { } taken) return taken;
            if (!told) waiting?.Invoke();
            told = true;
            cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            cancellation.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => _held?.Dispose();

    /// <summary>The session that holds the PostgreSQL lock: let go at once on dispose, before the session ends.</summary>
    private sealed class AdvisoryHold(Npgsql.NpgsqlConnection connection, string key) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT pg_advisory_unlock({key})";
                cmd.ExecuteNonQuery();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
            {
                // A broken session: the server lets the lock go when it ends, which closing it does.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
