using Crosscheck.Linking;
using Crosscheck.Review;
using Crosscheck.Storage;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Web;

/// <summary>
/// The record a server serves. Requests take the one current when they start; the follower puts a newer one in its
/// place when the database changes, so a request never sees a record half replaced.
/// </summary>
internal sealed class LiveRecord
{
    private sealed record Served(SourcedRecord Record, ReviewDesk Desk);

    private readonly IDocumentStore _store;
    private readonly DrawnPages _pages;
    private volatile Served _current;

    public LiveRecord(SourcedRecord record, IDocumentStore store, DrawnPages pages)
    {
        _store = store;
        _pages = pages;
        _current = Serve(record);
    }

    public SourcedRecord Current => _current.Record;

    /// <summary>Where analysts' decisions about the current record are made (one desk per record, so they are made one at a time).</summary>
    public ReviewDesk Desk => _current.Desk;

    public void Replace(SourcedRecord record)
    {
        // The summaries of what the new record holds, and its plain map, are made here, on the follower's thread, not by
        // the first requests it serves.
        record.Counts();
        _pages.Warm(record);
        _current = Serve(record);
    }

    /// <summary>After the follower changed the record served (it linked documents): its plain map is drawn again here.</summary>
    public void Redraw() => _pages.Warm(Current);

    private Served Serve(SourcedRecord record) => new(record, new ReviewDesk((DocumentStore)_store, record));
}

/// <summary>The record a server starts with: put back from the store at once, and what is left to link.</summary>
internal sealed class RecordStartup(SourcedRecord record, PendingRecord? pending, LinkLock? linking, StoreMark? mark, long ownWrites = 0) : IDisposable
{
    public SourcedRecord Record { get; } = record;

    /// <summary>What is left to link, when this server may link it (it holds <see cref="Linking"/>).</summary>
    public PendingRecord? Pending { get; } = pending;

    /// <summary>The link lock taken at start, handed on to the follower, which lets it go once the pending documents are linked.</summary>
    public LinkLock? Linking { get; } = linking;

    /// <summary>Where the database stood when the record was read (null: the record is not read from the store).</summary>
    public StoreMark? Mark { get; } = mark;

    /// <summary>The store's own analyst writes (<see cref="DocumentStore.AnalystWrites"/>) counted before <see cref="Mark"/> was read.</summary>
    public long OwnWrites { get; } = ownWrites;

    /// <summary>An app built but never started (it could not listen) lets the lock go with its services.</summary>
    public void Dispose() => Linking?.Dispose();

    /// <summary>A mark no database has: the follower loads the record at its first look.</summary>
    private static readonly StoreMark Unread = new(-1, -1);

    public static RecordStartup Open(WebOptions options, IDocumentStore store)
    {
        if (options.Record is { } given)
        {
            // A record handed in still shows the decisions stored with its database.
            if (store is DocumentStore decided && given.Review.IsEmpty) given.Review = new ReviewOverlay(decided.ReadDecisions(), decided.ReadSuccessors());
            return new RecordStartup(given, null, null, null);
        }
        if (store is not DocumentStore sqlite) return new RecordStartup(new SourcedRecord(new CrossDocumentLinker()), null, null, null);
        var (mark, own) = sqlite.ReadMarkAndOwnWrites();
        if (LinkLock.TryTake(sqlite) is { } linking)
        {
            try
            {
                var pending = RecordLoader.Open(sqlite);
                if (pending.Pending > 0) return new RecordStartup(pending.Record, pending, linking, mark, own);
                // Nothing to link: the lock goes at once, and the follower starts from what the store said now.
                var now = sqlite.ReadMark();
                linking.Dispose();
                return new RecordStartup(pending.Record, null, null, mark with { Changes = now.Changes }, own);
            }
            catch
            {
                linking.Dispose();
                throw;
            }
        }
        // Another process links the database now: show what it has linked so far; the follower loads the rest when it is done.
        var resumed = RecordLoader.Resume(sqlite);
        return new RecordStartup(resumed?.Record ?? new SourcedRecord(new CrossDocumentLinker()), null, null, Unread, own);
    }
}

/// <summary>
/// Keeps a server's record up to date with its database. It first links the documents the server found stored but not
/// linked, in the background (pages and the API answer from the start and show each document as it is linked). Then,
/// every <see cref="WebOptions.FollowEvery"/>, it reads where the database stands (<see cref="StoreMark"/>: two
/// indexed reads); when another process stored or linked documents, it takes the <see cref="LinkLock"/>, reloads the
/// record from the store (resuming, or rebuilding when a document earlier than linked ones arrived), puts it in place
/// and links what is left, with the rules of <c>ingest</c>. While another process holds the lock (an ingest linking), it
/// shows what that process has linked so far and links nothing. Stopping the server stops it between two documents.
/// Analysts' writes made through another server (or process) of the same database, decisions and reassignments, move
/// the mark's <see cref="StoreMark.Decisions"/> by more than this server's own writes did, so that a decision made
/// through one server shows through every other at its next look: values decided elsewhere are laid over the record
/// served; a report moved elsewhere (<see cref="StoreMark.Reassigned"/>) reads the record again.
/// </summary>
internal sealed class RecordFollower(RecordStartup startup, LiveRecord live, IDocumentStore store, WebOptions options) : BackgroundService
{
    // A thread of its own: linking is long work and the waits between looks block.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Follow(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Follow(CancellationToken stop)
    {
        var problem = options.Problem ?? (line => Console.Error.WriteLine($"crosscheck: {line}"));
        if (store is not DocumentStore sqlite || startup.Mark is not { } seen)
        {
            startup.Linking?.Dispose();
            return;
        }
        string? told = null;
        void Failed(Exception ex)
        {
            // A busy or failing database must not stop the server: it says so (once while the reason stays the same) and tries again.
            var line = $"{sqlite.Path}: the record could not be brought up to date ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); trying again";
            if (line != told) problem(line);
            told = line;
        }

        if (startup.Linking is { } linking)
        {
            try
            {
                seen = Linked(sqlite, startup.Pending, seen, problem, stop);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(ex);
                seen = Unsure;
            }
            finally
            {
                linking.Dispose();
            }
        }
        StoreMark? shown = null;
        // This store's analyst writes counted when seen.Decisions was read (read before it: each of them is in it).
        var own = startup.OwnWrites;
        var pause = options.FollowEvery;
        while (!stop.WaitHandle.WaitOne(pause))
        {
            pause = options.FollowEvery;
            var began = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                // Read with the mark: every own write counted here is in the mark (or in a batch not yet committed), and
                // every own write the mark shows is counted.
                var (now, ownNow) = sqlite.ReadMarkAndOwnWrites();
                // Decisions or moves made elsewhere: the analysts' writes grew by more than this store's own.
                var decidedElsewhere = now.Decisions - seen.Decisions > ownNow - own;
                var linkedElsewhere = now.LastDocument != seen.LastDocument || now.Changes != seen.Changes;
                if (!decidedElsewhere && !linkedElsewhere) continue;
                if (!linkedElsewhere && now.Reassigned == seen.Reassigned)
                {
                    // Only values decided elsewhere: the record stands, and the decisions laid over it are read again.
                    Redecided(sqlite);
                    seen = seen with { Decisions = now.Decisions };
                    own = ownNow;
                    continue;
                }
                using var taken = LinkLock.TryTake(sqlite);
                if (taken is null)
                {
                    // Another process links: its progress is shown, and the record is loaded whole once it is done.
                    if ((now.Changes != shown?.Changes || decidedElsewhere) && Fresh(sqlite, () => RecordLoader.Resume(sqlite)) is { } resumed)
                    {
                        live.Replace(resumed.Record);
                        // The record shown holds the decisions of this mark.
                        seen = seen with { Decisions = now.Decisions, Reassigned = now.Reassigned };
                        own = ownNow;
                    }
                    shown = now;
                    continue;
                }
                var (before, writes) = sqlite.ReadMarkAndOwnWrites();
                own = writes;
                seen = Linked(sqlite, null, before, problem, stop);
                shown = null;
                told = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(ex);
                // The served record may hold what the store refused (a link whose change was taken back): the next look
                // reads the record again from the store, whatever its mark says.
                seen = Unsure;
            }
            finally
            {
                // After a long reload (seconds at 100,000 documents while another process links every second), the next
                // look waits as long as it took, up to MostPause: the follower takes at most about half of a core from
                // the requests, and a document still shows within a few seconds.
                var took = System.Diagnostics.Stopwatch.GetElapsedTime(began);
                if (took > pause) pause = took < MostPause ? took : MostPause;
            }
        }
    }

    /// <summary>
    /// Lays the store's decisions over the record served, in place of those it had (values set elsewhere change no
    /// report's place, so the record need not be read again). A decision this server stores meanwhile is read again.
    /// </summary>
    private void Redecided(DocumentStore sqlite)
    {
        for (var i = 0; i < 3; i++)
        {
            var writes = sqlite.AnalystWrites;
            live.Current.Review = new ReviewOverlay(sqlite.ReadDecisions(), sqlite.ReadSuccessors());
            if (sqlite.AnalystWrites == writes) break;
        }
        live.Redraw();
    }

    /// <summary>The longest wait after a long reload (see <see cref="Follow"/>).</summary>
    private static readonly TimeSpan MostPause = TimeSpan.FromSeconds(2);

    /// <summary>A mark no database has: the next look reloads.</summary>
    private static readonly StoreMark Unsure = new(-1, -1);

    /// <summary>
    /// Reads the record again while an analyst's write (a decision, a detach) landed on the served record during the
    /// read: it is in the store then, and the next read has it (at most three reads).
    /// </summary>
    private static T Fresh<T>(DocumentStore sqlite, Func<T> read)
    {
        for (var i = 0; ; i++)
        {
            var writes = sqlite.AnalystWrites;
            var record = read();
            if (sqlite.AnalystWrites == writes || i == 2) return record;
        }
    }

    /// <summary>
    /// With the link lock held: links the pending documents of <paramref name="pending"/>, or of the record read again
    /// from the store (put in place before linking), and returns the mark the record now stands at.
    /// </summary>
    private StoreMark Linked(DocumentStore sqlite, PendingRecord? pending, StoreMark before, Action<string> problem, CancellationToken stop)
    {
        if (pending is null)
        {
            pending = Fresh(sqlite, () => RecordLoader.Open(sqlite));
            live.Replace(pending.Record);
        }
        if (pending.Pending > 0)
        {
            pending.LinkPending(options.Analyze, problem: problem, cancellation: stop);
            live.Redraw();
        }
        // The documents stored since 'before' was read may not be in this record: they keep the next read's mark apart.
        var after = sqlite.ReadMark();
        return before with { Changes = after.Changes };
    }
}
