using System.Diagnostics;

namespace Crosscheck.Storage;

/// <summary>
/// Turns at a database's write lock between the processes (and stores) that write it. SQLite lets one writer in at a
/// time; one that finds the lock taken sleeps and tries again, up to 100 ms apart. A process that commits a batch of
/// writes and soon begins the next leaves a gap that a sleeping writer seldom hits, so it could wait until SQLite gave up
/// ("database is locked"). A writer about to begin therefore says so, by holding a shared lock on a file beside the
/// database (<c>FILE-write</c>) until its transaction has begun; a batching writer, between two batches, lets such a
/// writer in before it begins its next one.
/// </summary>
internal sealed class WriteTurns(string databasePath)
{
    /// <summary>How long a batching writer waits at most for announced writers to get in (one stuck announcing never stalls it).</summary>
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(1);

    private readonly string? _path = databasePath == ":memory:" ? null : databasePath + "-write";

    /// <summary>Announces a writer until the returned handle is disposed (once its transaction has begun); null when it cannot.</summary>
    public IDisposable? Wanting()
    {
        if (_path is null) return null;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                // Read access and a shared mode take a shared advisory lock (flock LOCK_SH on Unix): any number of writers may announce at once.
                return new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            }
            catch (IOException)
            {
                // A batching writer is looking at this moment (it holds the file exclusively for microseconds).
                Thread.Sleep(0);
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Whether a writer is announced (<see cref="Wanting"/>) and has not begun yet.</summary>
    public bool AnyWaiting()
    {
        if (_path is null) return false;
        try
        {
            using var look = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Called by a batching writer between two batches (holding no write lock): waits while writers are announced, at most a second.</summary>
    public void LetIn()
    {
        if (!AnyWaiting()) return;
        var until = Stopwatch.GetTimestamp() + (long)(MostWait.TotalSeconds * Stopwatch.Frequency);
        do Thread.Sleep(1);
        while (AnyWaiting() && Stopwatch.GetTimestamp() < until);
    }
}
