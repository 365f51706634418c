namespace Crosscheck.Storage;

/// <summary>
/// One worker process over every desk of a PostgreSQL store (issue 16): a <see cref="ReadingWorker"/> per desk, each over
/// the desk's own store, so each claims from its desk's queue, links under its desk's link lock and keeps the record of
/// its desk between rounds. A round goes through every desk that is declared (the list is read again each round, so a
/// desk made while the worker runs is worked too); a desk whose link lock another process holds is left to it and the
/// others are linked: two workers link two desks at once.
/// </summary>
public sealed class DeskWorkers : IDisposable
{
    private readonly DocumentStore _root;
    private readonly Func<DeskName, DocumentStore> _open;
    private readonly Func<DocumentStore, ReadingWorker> _worker;
    private readonly Dictionary<DeskName, (DocumentStore Store, ReadingWorker Worker)> _desks = [];

    /// <param name="root">The store's default desk, where desks are declared (its worker is over it).</param>
    /// <param name="open">Opens a named desk's store (<see cref="StoreLocation.ForDesk"/>); the stores are disposed with this.</param>
    /// <param name="worker">Makes the worker of one desk's store.</param>
    public DeskWorkers(DocumentStore root, Func<DeskName, DocumentStore> open, Func<DocumentStore, ReadingWorker> worker)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
        _open = open;
        _worker = worker;
        _desks[DeskName.Default] = (root, worker(root));
    }

    /// <summary>The worker of each desk worked so far.</summary>
    public IReadOnlyDictionary<DeskName, ReadingWorker> Workers => _desks.ToDictionary(d => d.Key, d => d.Value.Worker);

    /// <summary>One round over every desk: each claims, reads and stores a batch, then links what is ready when its lock is free.</summary>
    public WorkerRound RunOnce(CancellationToken cancellation = default)
    {
        int read = 0, failed = 0, linked = 0;
        var all = true;
        foreach (var desk in _root.Desks())
        {
            cancellation.ThrowIfCancellationRequested();
            var round = Of(desk).Worker.RunOnce(cancellation);
            read += round.Read;
            failed += round.Failed;
            linked += round.Linked;
            all &= round.LinkedAll;
        }
        return new WorkerRound(read, failed, linked, all);
    }

    /// <summary>Rounds until cancelled, or (with <paramref name="untilIdle"/>) until no desk has anything queued and every desk is linked.</summary>
    public void Run(TimeSpan poll, bool untilIdle, Action<WorkerRound>? round = null, CancellationToken cancellation = default)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var done = RunOnce(cancellation);
            round?.Invoke(done);
            if (done.Read + done.Failed > 0) continue;
            if (untilIdle && done.LinkedAll && _desks.Values.All(d => d.Store.Queue() is { } q && q.Waiting + q.Claimed + q.Read == 0)) return;
            cancellation.WaitHandle.WaitOne(poll);
        }
    }

    private (DocumentStore Store, ReadingWorker Worker) Of(DeskName desk)
    {
        if (_desks.TryGetValue(desk, out var known)) return known;
        var store = _open(desk);
        try
        {
            return _desks[desk] = (store, _worker(store));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the named desks' stores (the root is the caller's).</summary>
    public void Dispose()
    {
        foreach (var (desk, (store, _)) in _desks)
        {
            if (!desk.IsDefault) store.Dispose();
        }
        _desks.Clear();
    }
}
