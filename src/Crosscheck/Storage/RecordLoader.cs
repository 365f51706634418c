using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>What a load did: the record, how many documents went back in place, were linked now, or failed.</summary>
public sealed record RecordLoad(SourcedRecord Record, int Reloaded, int Linked)
{
    /// <summary>Documents that could not be analyzed or linked this time (each named once through the problem callback).</summary>
    public int Failed { get; init; }
}

/// <summary>
/// Rebuilds the sourced record from a database and brings it up to date. Documents are taken in link order
/// (<see cref="LinkOrder"/>), so the record is the same however the documents were split into runs and in whatever
/// order they arrived. Every document in place goes back where it was, without scoring, up to the first one that
/// is not: one never linked (new, or its run stopped before its facts were saved), one linked before an earlier
/// document arrived (stale), or one whose stored facts cannot be read. From there on each document is linked
/// again in order, from its stored facts when it has them (read from its text otherwise), keeping every event an
/// analyst detached apart; facts and assignment are saved in one transaction per document as it goes. A document
/// whose analysis fails is named, kept out with its reason, and the others go on. The returned record keeps saving
/// its changes (a detach) to the store.
/// </summary>
public static class RecordLoader
{
    /// <summary>The event reader for stored facts: the predicates' modality layer is contract output only, never stored.</summary>
    private static readonly EventReader FactsReader = new() { Predicates = null };

    /// <summary>The standard reading of one document: language pipeline, event reader, then the linker's facts.</summary>
    public static DocumentFacts Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = StandardPipeline.Default.Process(document);
        var reading = FactsReader.Read(text);
        return LinkFactsBuilder.Build(document, text, reading);
    }

    /// <param name="store">The database; it becomes the record's <see cref="SourcedRecord.Journal"/>.</param>
    /// <param name="analyze">How an unlinked document is read (default <see cref="Analyze"/>).</param>
    /// <param name="linked">Called after each newly linked document, with what it changed.</param>
    /// <param name="problem">Gets one line per document that failed or whose stored facts were unreadable.</param>
    /// <param name="waiting">Called once when another process links the database, before waiting for it to finish (<see cref="LinkLock"/>).</param>
    /// <param name="held">The link lock, when the caller took it already (to mark documents to read again first, say).</param>
    public static RecordLoad Load(DocumentStore store, Func<Document, DocumentFacts>? analyze = null,
        Action<LinkUpdate>? linked = null, StoryClusterOptions? storyOptions = null, Action<string>? problem = null, Action? waiting = null,
        LinkLock? held = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        // One linker at a time: what another linked meanwhile is then in place, read back rather than linked twice.
        using var linking = held is null ? LinkLock.Take(store, waiting) : null;
        return Open(store, storyOptions).LinkPending(analyze, linked, problem);
    }

    /// <summary>
    /// Puts the record back without scoring (fast: what a server shows at once) and returns it with what is left to
    /// link. When every document to link comes after every linked one (the usual case: news arrives in order), the
    /// linker resumes: only the documents it held when the last run ended are read back, with their stored ranks and
    /// vectors, and the rest stays in the archive, so start-up does not grow with the record. Otherwise (a document
    /// older than linked ones arrived, a copy's original changed, or the database predates resuming) the record is
    /// rebuilt from the first document: every document in place goes back, the archive and the linker's counters are
    /// written again, and linking goes on from the first document not in place.
    /// </summary>
    /// <remarks>A rebuild writes the record's rows again: hold the <see cref="LinkLock"/> (as <see cref="Load"/> does).</remarks>
    public static PendingRecord Open(DocumentStore store, StoryClusterOptions? storyOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Resume(store, storyOptions) ?? Rebuild(store, NewRecord(store, storyOptions));
    }

    /// <summary>
    /// The record resumed as <see cref="Open"/> resumes it, or null when it must be rebuilt. It only reads, from one
    /// snapshot of the database, so a server may use it to show what another process has linked so far while that
    /// process still holds the <see cref="LinkLock"/>; linking what is left needs the lock.
    /// </summary>
    public static PendingRecord? Resume(DocumentStore store, StoryClusterOptions? storyOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = NewRecord(store, storyOptions);
        var linker = record.Linker;
        var (stored, queue) = store.ReadResumeAndQueue();
        if (stored is { } resume)
        {
            var last = resume.Held.Count == 0 ? null : resume.Held.MaxBy(h => h.Facts!, Comparer<DocumentFacts>.Create(LinkOrder.Compare))!.Facts;
            if (queue.Count == 0 || last is null || LinkOrder.Compare(last.Published, last.Id, queue[0].Published, queue[0].DocumentId) < 0)
            {
                linker.Resume(resume.State, store.Frequency, store.Frequencies);
                foreach (var held in resume.Held)
                {
                    if (held.StoryOnly) linker.RestoreStoryMember(held.Facts!, held.Assignment!);
                    else record.Add(held.Facts!, held.Assignment);
                }
                linker.Resumed();
                // Every linked document is in place: those held are back in memory, the others in the archive.
                return new PendingRecord(store, record, [.. queue], resume.State.Documents) { Resumed = true };
            }
        }
        return null;
    }

    /// <summary>
    /// The record a process linked and kept, with what is queued to link now, when nothing but this process changed it
    /// since (the caller compares the <see cref="StoreMark"/>s, holding the link lock) and every queued document comes
    /// after every document it holds, as <see cref="Resume"/> asks; else null (open it again). Putting the record back
    /// costs about what the linker holds (seconds at 100,000 documents), so a worker that links every few seconds keeps it.
    /// </summary>
    public static PendingRecord? Continue(DocumentStore store, SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var queue = store.ReadQueue();
        var last = record.Linker.Documents.MaxBy(d => d, Comparer<DocumentFacts>.Create(LinkOrder.Compare));
        if (queue.Count > 0 && last is not null && LinkOrder.Compare(last.Published, last.Id, queue[0].Published, queue[0].DocumentId) >= 0) return null;
        return new PendingRecord(store, record, [.. queue], record.Linker.DocumentCount) { Resumed = true };
    }

    /// <summary>An empty record over the store: its journal, and the analysts' decisions stored with it laid over it.</summary>
    private static SourcedRecord NewRecord(DocumentStore store, StoryClusterOptions? storyOptions) =>
        new(new CrossDocumentLinker(storyOptions, store)) { Journal = store, Review = new Crosscheck.Review.ReviewOverlay(store.ReadDecisions(), store.ReadSuccessors()) };

    private static PendingRecord Rebuild(DocumentStore store, SourcedRecord record)
    {
        var linker = record.Linker;
        // The linker archives what it closes as it goes; rebuilding from the first document archives it all again.
        store.ClearArchive();
        var reloaded = 0;
        // Read as a stream: only the documents from the first one not in place on are kept to be linked.
        var pending = new List<StoredLink>();
        using (store.Batching ? null : store.SaveInBatches(256))
        {
            foreach (var link in store.ReadLinks())
            {
                if (pending.Count == 0 && link.Settled)
                {
                    if (!link.InPlace) continue; // kept out after a failed analysis
                    record.Add(link.Facts!, link.Assignment! with { Rank = null, Vector = null });
                    store.SaveRestoreState(link.DocumentId, linker.AssignmentOf(link.DocumentId)!);
                    reloaded++;
                    continue;
                }
                pending.Add(link);
            }
            store.SaveLinkerState(linker.Frequencies, linker.DocumentCount, linker.NextRank, linker.StartedStories);
        }
        return new PendingRecord(store, record, pending, reloaded);
    }
}

/// <summary>A record put back up to its first document not in place, and the documents from there on, in link order.</summary>
public sealed class PendingRecord
{
    private readonly DocumentStore _store;
    private readonly List<StoredLink> _pending;
    private readonly int _reloaded;

    internal PendingRecord(DocumentStore store, SourcedRecord record, List<StoredLink> pending, int reloaded)
    {
        _store = store;
        Record = record;
        _pending = pending;
        _reloaded = reloaded;
    }

    public SourcedRecord Record { get; }

    /// <summary>The linker resumed from what it held (true) rather than rebuilding the record from the first document.</summary>
    public bool Resumed { get; init; }

    /// <summary>How many documents are left to link (new, stale or unreadable; documents kept out are not counted).</summary>
    public int Pending => _pending.Count(l => l.Failure is null);

    /// <summary>
    /// Links every pending document in link order (see <see cref="RecordLoader"/>). Cancelled, it stops between two
    /// documents: each one linked is saved whole, and the rest stay pending for the next load.
    /// </summary>
    /// <param name="ready">
    /// When given, linking stops before the first document it says is not ready (a worker has not read it yet): the
    /// rest stays pending, in link order, for the next load.
    /// </param>
    /// <param name="reading">
    /// A document's reading made elsewhere (a worker's), asked before the document is read again; by default, on a store
    /// whose workers read, the reading a worker stored for the current analyzer.
    /// </param>
    public RecordLoad LinkPending(Func<Document, DocumentFacts>? analyze = null, Action<LinkUpdate>? linked = null, Action<string>? problem = null,
        CancellationToken cancellation = default, Func<StoredLink, bool>? ready = null, Func<string, DocumentFacts?>? reading = null)
    {
        // The standard reading is read ahead on the other cores where this process reads what it links (a SQLite store,
        // no worker's readiness to wait for); a reading given by the caller stays on this thread.
        var ahead = analyze is null && ready is null && reading is null && !_store.QueuesReadings
            ? new ReadAhead(_store, _pending, link => link.Failure is null && (link.Facts is null || link.Reread), RecordLoader.Analyze)
            : null;
        analyze ??= RecordLoader.Analyze;
        // On a store whose workers read, what a worker has read already is linked as it is, not read again here.
        if (reading is null && _store.QueuesReadings)
        {
            var current = AnalyzerVersion.Current.ToString();
            reading = id => _store.Reading(id, current);
        }
        // Documents in place that now follow an earlier arrival are marked first, in one transaction, so a run
        // killed while relinking them leaves them to the next.
        var moving = _pending.Where(l => l.InPlace).Select(l => l.DocumentId).ToList();
        if (moving.Count > 0) _store.MarkStale(moving);
        int added = 0, failed = 0;
        for (var index = 0; index < _pending.Count; index++)
        {
            var link = _pending[index];
            if (cancellation.IsCancellationRequested) break;
            if (link.Failure is not null) continue;
            if (ready is not null && !ready(link)) break;
            if (link.Unreadable is { } unreadable) problem?.Invoke(unreadable + "; read again from the document's text");
            if (Facts(link, analyze, reading, problem, ahead?.Take(index)) is not { } facts) { failed++; continue; }
            KeepDecisions(link, facts, problem);
            LinkUpdate update;
            try
            {
                update = Record.Add(facts);
            }
            catch (Exception ex) when (IsDocumentFault(ex))
            {
                Fail(link, "cannot be linked", ex, problem);
                failed++;
                continue;
            }
            added++;
            linked?.Invoke(update);
        }
        _pending.Clear();
        return new RecordLoad(Record, _reloaded, added) { Failed = failed };
    }

    private DocumentFacts? Facts(StoredLink link, Func<Document, DocumentFacts> analyze, Func<string, DocumentFacts?>? reading, Action<string>? problem,
        Task<DocumentFacts>? readAhead = null)
    {
        // Stored facts stand (unless reprocess asked for a new reading), except for the original they copy, which an
        // earlier copy's arrival may have changed.
        if (link.Facts is { } stored && !link.Reread) return stored.DuplicateOf == link.DuplicateOf ? stored : stored with { DuplicateOf = link.DuplicateOf };
        // A worker's reading of it (a store whose workers read): the document itself is not needed.
        if (reading?.Invoke(link.DocumentId) is { } read) return read;
        // Read ahead on another thread, or here now; a reading's exception is this document's either way.
        var document = readAhead is null ? _store.Get(link.DocumentId) ?? throw new InvalidOperationException($"document {link.DocumentId} vanished while loading") : null;
        try
        {
            return readAhead is not null ? readAhead.GetAwaiter().GetResult() : analyze(document!);
        }
        catch (Exception ex) when (IsDocumentFault(ex))
        {
            Fail(link, "cannot be analyzed", ex, problem);
            return null;
        }
    }

    /// <summary>
    /// Keeps every event an analyst detached apart, and every event an analyst moved where it was put. A new reading (reprocess) may give an event another id (its
    /// evidence grew or shrank): the decision follows the event of the new reading with the same trigger word whose
    /// evidence overlaps the old one's, keeping its incident; a decision whose event the new reading has not is kept
    /// aside in the store (<see cref="DocumentStore.UnplacedDecisions"/>) and named.
    /// </summary>
    private void KeepDecisions(StoredLink link, DocumentFacts facts, Action<string>? problem)
    {
        // Decisions about values (Crosscheck.Review) follow an event whose id the new reading changed.
        if (link.Reread && link.Facts is { } before)
        {
            foreach (var old in before.Events.Where(e => !facts.Events.Any(n => n.Id == e.Id) && Record.Review.Of(e.Id).Count > 0))
            {
                if (Successor(old, facts) is not { } successor) continue;
                _store.SaveSuccessor(old.Id, successor.Id);
                Record.Review = Record.Review.WithSuccessor(old.Id, successor.Id);
            }
        }
        foreach (var (eventId, decided) in link.Assignment?.Events ?? new Dictionary<string, EventAssignment>())
        {
            if (!decided.Link.Reason.StartsWith("detached", StringComparison.Ordinal)
                && !decided.Link.Reason.StartsWith(CrossDocumentLinker.MovedByHand, StringComparison.Ordinal)) continue;
            if (!link.Reread || facts.Events.Any(e => e.Id == eventId))
            {
                Record.KeepApart(eventId, decided);
                continue;
            }
            var old = link.Facts?.Events.FirstOrDefault(e => e.Id == eventId);
            var now = old is null ? null : Successor(old, facts);
            if (now is not null)
            {
                Record.KeepApart(now.Id, decided with { Link = decided.Link with { Event = now.Id } });
                continue;
            }
            _store.KeepUnplaced(new UnplacedDecision(eventId, link.DocumentId, decided.Incident, decided.Link.Reason, old?.Evidence ?? "", old?.Trigger ?? "", facts.Analyzer));
            var how = decided.Link.Reason.StartsWith("detached", StringComparison.Ordinal) ? "detached" : "moved";
            problem?.Invoke($"{InputError.Escape(link.Source)} (document {link.DocumentId}): a report {how} by hand (event {eventId}"
                + (old is null ? "" : $", '{old.Trigger}'") + ") is not in the new reading; the decision is kept aside (see 'crosscheck reprocess')");
        }
    }

    /// <summary>The event of a new reading that an old one became: the same trigger word, evidence overlapping, the same type first, then the nearest.</summary>
    private static EventFacts? Successor(EventFacts old, DocumentFacts facts) => facts.Events
        .Where(e => e.Trigger == old.Trigger && e.Start < old.End && old.Start < e.End)
        .OrderBy(e => e.Type == old.Type ? 0 : 1).ThenBy(e => Math.Abs(e.Start - old.Start)).ThenBy(e => e.Id, StringComparer.Ordinal)
        .FirstOrDefault();

    private void Fail(StoredLink link, string what, Exception ex, Action<string>? problem)
    {
        var reason = $"{ex.GetType().Name}: {ex.Message}";
        _store.SaveFailure(link.DocumentId, reason);
        problem?.Invoke($"{InputError.Escape(link.Source)} (document {link.DocumentId}) {what}; kept out of the record ({reason})");
    }

    /// <summary>A fault of the document's reading, not of the store or the process: the document is named and skipped.</summary>
    private static bool IsDocumentFault(Exception ex) => InputFault.IsOfOneInput(ex) && ex is not (System.Data.Common.DbException or IOException);
}
