namespace Crosscheck.Storage;

/// <summary>
/// The right to link a database's documents, held by one linker at a time across processes (an ingest, a watch, a
/// running server). Two linkers working at once would each place the same documents with what they hold in memory,
/// and the rows of one would overwrite the other's. The lock is an exclusive open of a file beside the database
/// (<c>FILE-link</c>), which the system lets go when the holder exits, so a killed process never leaves it taken.
/// Storing documents needs no lock: SQLite serializes those writes, and the next linker takes them from the queue.
/// </summary>
public sealed class LinkLock : IDisposable
{
    private readonly FileStream? _file;

    private LinkLock(FileStream? file) => _file = file;

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
    public static LinkLock Take(string databasePath, Action? waiting = null, CancellationToken cancellation = default)
    {
        var told = false;
        while (true)
        {
            if (TryTake(databasePath) is { } taken) return taken;
            if (!told) waiting?.Invoke();
            told = true;
            cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            cancellation.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => _file?.Dispose();
}
