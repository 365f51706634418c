using System.Globalization;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Watch;

/// <summary>What <c>watch</c> watches and how often; the clock and the HTTP client are given, so tests run on their own time.</summary>
internal sealed record WatchOptions
{
    public IReadOnlyList<string> Folders { get; init; } = [];
    public IReadOnlyList<Uri> Feeds { get; init; } = [];

    /// <summary>How often feeds are polled and folders rescanned (default 5 minutes).</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a changed file must stay unchanged before it is read (default 1 second).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;
    public required HttpClient Http { get; init; }
    public ReaderOptions Reader { get; init; } = ReaderOptions.Default;
}

/// <summary>What one round stored: documents new to the store, those stored before, inputs that failed.</summary>
internal sealed record WatchRound(int Added, int AlreadyStored, int Failed);

/// <summary>
/// Watches folders and polls feeds, storing what is new and linking it exactly as <c>ingest</c> does (the same store
/// path, so a document stored before is not stored again, and the same linking, under the database's link lock).
/// Every failure is one line on standard error naming the input; a feed that fails waits longer each time
/// (<see cref="FeedSource"/>). Each round that stored something prints one line, and the record's line.
/// </summary>
internal sealed class Watcher : IDisposable
{
    private readonly DocumentStore _store;
    private readonly WatchOptions _options;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly DocumentReader _reader;
    private readonly List<FeedSource> _feeds;
    private readonly List<FolderWatch> _folders;
    private DateTimeOffset _rescanDue = DateTimeOffset.MinValue;
    private bool _linkedOnce;
    private TaskCompletionSource _wake = NewWake();

    /// <summary>What documents are stored through (a desk's guard, <see cref="DeskGuard"/>); the store itself by default.</summary>
    private readonly IDocumentStore _into;

    public Watcher(DocumentStore store, WatchOptions options, TextWriter stdout, TextWriter stderr, IDocumentStore? into = null)
    {
        _store = store;
        _into = into ?? store;
        _options = options;
        _stdout = stdout;
        _stderr = stderr;
        _reader = new DocumentReader(options.Reader);
        _feeds = [.. options.Feeds.Select(url => new FeedSource(url))];
        _folders = [.. options.Folders.Select(folder => new FolderWatch(Path.GetFullPath(folder), Wake))];
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Wake() => _wake.TrySetResult();

    /// <summary>Runs until cancelled (Ctrl+C): a round, then a wait until something is due or a folder changes.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        foreach (var folder in _folders) folder.Start(_options.Time, Problem);
        // The language models load on first use: loading them now keeps that second off the first article that comes.
        _ = Task.Run(WarmUp, CancellationToken.None);
        while (!cancellation.IsCancellationRequested)
        {
            // Reset before the round: a change seen while it runs wakes the next wait at once.
            _wake = NewWake();
            await PollAsync(cancellation);
            var wait = NextDue - _options.Time.GetUtcNow();
            if (_folders.Exists(f => f.Waiting) && wait > _options.Settle) wait = _options.Settle;
            if (wait <= TimeSpan.Zero) continue;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var delay = Task.Delay(wait, _options.Time, timer.Token);
            await Task.WhenAny(_wake.Task, delay);
            await timer.CancelAsync();
        }
    }

    /// <summary>When a feed or the rescan is due next.</summary>
    public DateTimeOffset NextDue
    {
        get
        {
            var due = _folders.Count > 0 ? _rescanDue : DateTimeOffset.MaxValue;
            foreach (var feed in _feeds) due = feed.Due < due ? feed.Due : due;
            return due;
        }
    }

    /// <summary>One round: polls the feeds that are due, reads the folders' new and changed files, stores and links them.</summary>
    public async Task<WatchRound> PollAsync(CancellationToken cancellation)
    {
        var now = _options.Time.GetUtcNow();
        var read = new List<ReadResult>();
        var fetched = new List<(FeedSource Feed, FeedFetch Fetch)>();
        var inputs = 0;
        foreach (var feed in _feeds.Where(f => f.Due <= now))
        {
            var fetch = await feed.FetchAsync(_options.Http, _options.Reader.MaxBytes, cancellation);
            if (fetch.Failure is { } failure)
            {
                var wait = feed.Failed(now, _options.Every);
                Problem($"{feed.Url}: {failure}; trying again in {WatchInterval.Format(wait)}");
                continue;
            }
            if (fetch.NotModified)
            {
                feed.Accepted(fetch, now, _options.Every);
                continue;
            }
            var items = _reader.ReadBytes(feed.Url.ToString(), fetch.Body!, fetch.Extension).ToList();
            // A feed that cannot be read at all (not XML, empty) failed as a whole; a bad item is named on its own.
            if (items.Count == 1 && items[0].Error is { } whole && whole.Input == feed.Url.ToString())
            {
                var wait = feed.Failed(now, _options.Every);
                Problem($"{feed.Url}: {whole.Reason}; trying again in {WatchInterval.Format(wait)}");
                continue;
            }
            read.AddRange(items);
            fetched.Add((feed, fetch));
            inputs++;
        }
        var rescan = now >= _rescanDue || _folders.Exists(f => f.Missed);
        if (rescan) _rescanDue = now + _options.Every;
        var files = _folders.SelectMany(f => f.Changed(now, _options.Settle, rescan, (path, reason) => Problem($"{path}: {reason}"))).ToList();
        inputs += files.Count;
        read.AddRange(_reader.Read(files));

        var round = new WatchRound(0, 0, 0);
        if (read.Count > 0)
        {
            var summary = new DocumentIngestor(_into, _reader).Ingest(read, item =>
            {
                if (item.Error is { } error) Problem(error.ToString());
            }, keepItems: false);
            round = new WatchRound(summary.Added + summary.NearDuplicates, summary.AlreadyStored, summary.Failed);
            if (round.Added > 0 || round.Failed > 0)
            {
                _stdout.WriteLine($"{Stamp(now)} stored {Count(round.Added, "new document")} ({round.AlreadyStored:N0} already stored, {round.Failed:N0} failed) "
                    + $"from {Count(inputs, "input")}");
            }
        }
        // The items are stored: the next poll of each feed asks only for what changed since.
        foreach (var (feed, fetch) in fetched) feed.Accepted(fetch, now, _options.Every);
        // Linked as ingest links; the first round also links what an earlier run stored and did not link.
        if (_store.QueuesReadings)
        {
            // A shared store: the workers read and link what was stored and queued.
            if (round.Added > 0) IngestCommand.Queued(_store, _stdout);
        }
        else if (round.Added > 0 || !_linkedOnce && _store.Count > _store.LinkedCount)
        {
            await Task.Run(() => IngestCommand.Link(_store, _stdout, _stderr), CancellationToken.None);
        }
        _linkedOnce = true;
        return round;
    }

    private void WarmUp()
    {
        if (_reader.ReadBytes("warm-up", "Warm-up\n\nA strike hit a depot on Monday, officials said."u8.ToArray(), ".txt").FirstOrDefault().Document is { } document)
        {
            RecordLoader.Analyze(document);
        }
    }

    private void Problem(string line) => _stderr.WriteLine($"crosscheck: {line}");

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Count(int n, string what) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + what + (n == 1 ? "" : "s");

    public void Dispose()
    {
        foreach (var folder in _folders) folder.Dispose();
    }
}
