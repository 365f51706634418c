using System.Diagnostics;
using Crosscheck.Documents;
using Crosscheck.Linking;

namespace Crosscheck.Storage;

/// <summary>What one round of a worker did.</summary>
public readonly record struct WorkerRound(int Read, int Failed, int Linked, bool LinkedAll);

/// <summary>
/// One worker process on a PostgreSQL store (issue 16): it claims waiting documents (<see cref="DocumentStore.ClaimForReading"/>),
/// reads them on <see cref="Threads"/> threads, stores the readings, and links whatever is ready whenever no other
/// process links: the linker links in link order and stops before the first document a worker still has, so the
/// record is the one a single process makes, however many workers share the work. Reading is what takes the time
/// (the language pipeline); linking a stored reading is cheap and goes one process at a time (<see cref="LinkLock"/>).
/// </summary>
public sealed class ReadingWorker(DocumentStore store, string name)
{
    public string Name { get; } = name;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a claim holds: a worker that dies mid-document leaves its claim to run out, then another reads it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a worker that is reading links what is ready (a worker with nothing to read links at once).</summary>
    public TimeSpan LinkEvery { get; init; } = TimeSpan.FromSeconds(2);

    private long _lastLink = Stopwatch.GetTimestamp();

    /// <summary>
    /// The record as this worker left it after linking, with the store's mark before that round (analysts' decisions
    /// made since are not in it) and after it (its own links counted).
    /// </summary>
    private (SourcedRecord Record, StoreMark Before, StoreMark After)? _kept;

    /// <summary>
    /// How long a worker leaves linking to another process that linked since its own last link round: a worker that links
    /// does so at least every <see cref="LinkEvery"/> while documents wait, so one that stays silent longer has stopped
    /// (or died) and this one links.
    /// </summary>
    public TimeSpan LeaveLinking => LinkEvery * 2 + TimeSpan.FromSeconds(1);

    private long _foreignChanges = -1;
    private long _foreignSeen;

    /// <summary>
    /// Whether another process is linking now: the record changed between two looks of this worker and not by this
    /// worker's own last round, less than <see cref="LeaveLinking"/> ago. A change found at a worker's first look is of
    /// unknown age and does not count.
    /// </summary>
    private bool AnotherLinks(StoreMark mark)
    {
        if (_kept is { } kept && mark.Changes == kept.After.Changes) return false;
        if (mark.Changes != _foreignChanges)
        {
            var first = _foreignChanges < 0;
            _foreignChanges = mark.Changes;
            _foreignSeen = first ? 0 : Stopwatch.GetTimestamp();
        }
        return _foreignSeen != 0 && Stopwatch.GetElapsedTime(_foreignSeen) < LeaveLinking;
    }

    /// <summary>How many times this worker put the record back from the store to link (its first link, and after another process changed the record).</summary>
    public int Reopened { get; private set; }

    /// <summary>Documents claimed at once per thread.</summary>
    public int ClaimPerThread { get; init; } = 4;

    /// <summary>How a document is read (the standard reading by default).</summary>
    public Func<Documents.Document, DocumentFacts> Analyze { get; init; } = RecordLoader.Analyze;

    /// <summary>One line per document that could not be read or linked.</summary>
    public Action<string>? Problem { get; init; }

    /// <summary>Claims, reads and stores one batch, then links what is ready if no other process is linking.</summary>
    public WorkerRound RunOnce(CancellationToken cancellation = default)
    {
        var claimed = store.ClaimForReading(Name, Math.Max(1, Threads * ClaimPerThread), Lease);
        var failed = 0;
        if (claimed.Count > 0)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Threads), CancellationToken = cancellation };
            Parallel.ForEach(claimed, options, document =>
            {
                if (!Read(document)) Interlocked.Increment(ref failed);
            });
        }
        // Putting the record back costs about what it holds, so a worker that reads links at most every LinkEvery;
        // one with nothing to read links at once.
        if (claimed.Count > 0 && Stopwatch.GetElapsedTime(_lastLink) < LinkEvery) return new WorkerRound(claimed.Count - failed, failed, 0, false);
        var (linked, all) = LinkReady(cancellation);
        _lastLink = Stopwatch.GetTimestamp();
        return new WorkerRound(claimed.Count - failed, failed, linked, all);
    }

    /// <summary>Rounds until cancelled, or (with <paramref name="untilIdle"/>) until nothing waits and everything is linked.</summary>
    public void Run(TimeSpan poll, bool untilIdle, Action<WorkerRound>? round = null, CancellationToken cancellation = default)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var done = RunOnce(cancellation);
            round?.Invoke(done);
            if (done.Read + done.Failed > 0) continue;
            var queue = store.Queue();
            if (untilIdle && queue.Waiting + queue.Claimed + queue.Read == 0 && done.LinkedAll) return;
            cancellation.WaitHandle.WaitOne(poll);
        }
    }

    private bool Read(ClaimedDocument claimed)
    {
        var document = store.Get(claimed.Id);
        if (document is null) return false;
        DocumentFacts facts;
        try
        {
            facts = Analyze(document);
        }
        catch (Exception ex) when (InputFault.IsOfOneInput(ex) && ex is not (System.Data.Common.DbException or IOException))
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            store.SaveFailure(claimed.Id, reason);
            Problem?.Invoke($"{InputError.Escape(document.Source)} (document {claimed.Id}) cannot be analyzed; kept out of the record ({reason})");
            return false;
        }
        store.SaveReading(claimed, Name, facts);
        return true;
    }

    /// <summary>Links what is ready when the link lock is free: how many documents, and whether none was left waiting for a worker.</summary>
    private (int Linked, bool All) LinkReady(CancellationToken cancellation)
    {
        // One worker links while it keeps doing so: another that took turns would put the record back each time.
        if (AnotherLinks(store.ReadMark())) return (0, store.NothingToLink());
        using var linking = LinkLock.TryTake(store);
        if (linking is null) return (0, false);
        var current = AnalyzerVersion.Current.ToString();
        var waiting = false;
        var before = store.ReadMark();
        // The record this worker linked last time stands when no other process linked, marked or decided since.
        var kept = _kept is { } k && before.Changes == k.After.Changes && before.Decisions == k.Before.Decisions
            ? RecordLoader.Continue(store, k.Record) : null;
        _kept = null;
        var pending = kept ?? RecordLoader.Open(store);
        if (kept is null) Reopened++;
        if (pending.Pending == 0)
        {
            _kept = (pending.Record, before, store.ReadMark());
            return (0, true);
        }
        RecordLoad load;
        // A document is ready when a worker's reading of it is stored (asked once: the reading found is the one linked),
        // or when no worker has it (it is read here).
        var readings = new Dictionary<string, DocumentFacts>(StringComparer.Ordinal);
        using (store.SaveInBatches())
        {
            load = pending.LinkPending(
                analyze: Analyze,
                problem: Problem,
                cancellation: cancellation,
                ready: link =>
                {
                    if (link.Facts is not null && !link.Reread) return true;
                    if (store.Reading(link.DocumentId, current) is { } read)
                    {
                        readings[link.DocumentId] = read;
                        return true;
                    }
                    if (!store.IsQueued(link.DocumentId)) return true;
                    waiting = true;
                    return false;
                },
                reading: id => readings.Remove(id, out var read) ? read : null);
        }
        _kept = (pending.Record, before, store.ReadMark());
        return (load.Linked, !waiting);
    }
}
