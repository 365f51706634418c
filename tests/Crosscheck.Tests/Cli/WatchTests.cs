using System.Diagnostics;
using System.Net;
using Crosscheck.Cli;
using Crosscheck.Cli.Watch;
using Crosscheck.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Cli;

/// <summary>
/// <c>crosscheck watch</c>: feeds served on 127.0.0.1 and polled on a clock the test moves, folders written while the
/// watch runs; every document must land in the store and in the linked record, once.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class WatchTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 11, 8, 6, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_first_poll_stores_and_links_a_feeds_items_and_the_second_is_a_304_asked_with_the_etag(Backend backend)
    {
        _server.Publish(Feed(1, 2), "\"v1\"");
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        using var watcher = NewWatcher(store, feeds: [_server.FeedUrl]);

        var first = await watcher.PollAsync(CancellationToken.None);
        first.ShouldBe(new WatchRound(2, 0, 0));
        store.Count.ShouldBe(2);
        _stdout.ToString().ShouldContain("stored 2 new documents (0 already stored, 0 failed) from 1 input");
        // On PostgreSQL watch stores and queues; workers read and link.
        _stdout.ToString().ShouldContain(backend == Backend.Sqlite ? "Record: 2 documents (2 newly linked)" : "Queued: 2 document(s) to read");
        target.LinkQueued();
        store.LinkedCount.ShouldBe(2);

        // Not due yet: nothing is asked.
        _clock.Advance(Every - TimeSpan.FromSeconds(1));
        await watcher.PollAsync(CancellationToken.None);
        _server.Requests.Count.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var output = _stdout.ToString();
        var second = await watcher.PollAsync(CancellationToken.None);
        second.ShouldBe(new WatchRound(0, 0, 0));
        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].IfNoneMatch.ShouldBe("\"v1\"");
        _server.Requests[1].IfModifiedSince.ShouldBe(_server.LastModified.ToString("R"));
        _server.Requests[1].Status.ShouldBe(304);
        _stdout.ToString().ShouldBe(output);
        _stderr.ToString().ShouldBeEmpty();
        store.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_changed_feed_adds_only_its_new_item()
    {
        _server.Publish(Feed(1, 2), "\"v1\"");
        using var store = DocumentStore.Open(_dir.Combine("changed.db"));
        using var watcher = NewWatcher(store, feeds: [_server.FeedUrl]);
        await watcher.PollAsync(CancellationToken.None);

        _server.Publish(Feed(1, 3), "\"v2\"");
        _clock.Advance(Every);
        var round = await watcher.PollAsync(CancellationToken.None);

        round.ShouldBe(new WatchRound(1, 2, 0));
        _server.Requests[^1].Status.ShouldBe(200);
        store.Count.ShouldBe(3);
        store.LinkedCount.ShouldBe(3);
        _stdout.ToString().ShouldContain("stored 1 new document (2 already stored, 0 failed) from 1 input");
        _stdout.ToString().ShouldContain("Record: 3 documents (");
    }

    [Fact]
    public async Task A_failing_feed_waits_twice_as_long_each_time_and_each_failure_is_one_line_naming_it()
    {
        _server.Fail(HttpStatusCode.InternalServerError);
        using var store = DocumentStore.Open(_dir.Combine("failing.db"));
        using var watcher = NewWatcher(store, feeds: [_server.FeedUrl]);

        (await watcher.PollAsync(CancellationToken.None)).ShouldBe(new WatchRound(0, 0, 0));
        Lines(_stderr).ShouldBe([$"crosscheck: {_server.FeedUrl}: HTTP 500 (Internal Server Error); trying again in 10m"]);

        // After one failure the feed waits 10 minutes, not the 5 of the interval.
        _clock.Advance(Every);
        await watcher.PollAsync(CancellationToken.None);
        _server.Requests.Count.ShouldBe(1);
        _clock.Advance(Every);
        await watcher.PollAsync(CancellationToken.None);
        _server.Requests.Count.ShouldBe(2);
        Lines(_stderr)[^1].ShouldBe($"crosscheck: {_server.FeedUrl}: HTTP 500 (Internal Server Error); trying again in 20m");

        // It comes back: the items are stored and the interval is 5 minutes again.
        _server.Publish(Feed(1, 1), "\"v1\"");
        _clock.Advance(TimeSpan.FromMinutes(20));
        (await watcher.PollAsync(CancellationToken.None)).Added.ShouldBe(1);
        watcher.NextDue.ShouldBe(_clock.GetUtcNow() + Every);
        Lines(_stderr).Length.ShouldBe(2);
        _stderr.ToString().ShouldNotContain(" at ");
    }

    [Fact]
    public void The_wait_after_failures_doubles_up_to_an_hour_or_the_interval_when_that_is_longer()
    {
        FeedSource.Backoff(Every, 1).ShouldBe(TimeSpan.FromMinutes(10));
        FeedSource.Backoff(Every, 3).ShouldBe(TimeSpan.FromMinutes(40));
        FeedSource.Backoff(Every, 4).ShouldBe(TimeSpan.FromHours(1));
        FeedSource.Backoff(Every, 40).ShouldBe(TimeSpan.FromHours(1));
        FeedSource.Backoff(TimeSpan.FromHours(2), 3).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_feed_no_one_answers_and_one_that_is_not_a_feed_are_one_line_each()
    {
        var closed = $"http://127.0.0.1:{FreePort()}/feed.xml";
        _server.Publish("{not xml", "\"x\"");
        using var store = DocumentStore.Open(_dir.Combine("unreachable.db"));
        using var watcher = NewWatcher(store, feeds: [closed, _server.FeedUrl]);

        await watcher.PollAsync(CancellationToken.None);

        var lines = Lines(_stderr);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith($"crosscheck: {closed}: cannot fetch (");
        lines[0].ShouldEndWith("; trying again in 10m");
        lines[1].ShouldStartWith($"crosscheck: {_server.FeedUrl}: ");
        store.Count.ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_file_in_a_watched_folder_is_stored_and_linked_without_waiting_for_the_rescan(Backend backend)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("inbox")).FullName;
        File.WriteAllText(Path.Combine(folder, "first.txt"), Article("Arlon", 3));
        using var target = StoreTarget.Create(backend);
        using var store = target.Open();
        using var watcher = new Watcher(store, new WatchOptions
        {
            Folders = [folder],
            Every = TimeSpan.FromHours(1),
            Settle = TimeSpan.FromMilliseconds(200),
            Http = _http,
        }, _stdout, _stderr);
        using var stop = new CancellationTokenSource();
        // On PostgreSQL watch stores and queues, and a worker reads and links.
        using var worker = target.BackgroundWorker();
        var run = watcher.RunAsync(stop.Token);

        await Until(() => store.LinkedCount == 1);
        store.LinkedCount.ShouldBe(1);
        var clock = Stopwatch.StartNew();
        File.WriteAllText(Path.Combine(folder, "second.txt"), Article("Bexley", 4));
        // Linked means nothing left in the queue: when the new document comes first in link order, the first one is
        // marked stale and linked again after it, and the record is whole only then.
        await Until(() => store.LinkedCount == 2 && store.ReadQueue().Count == 0);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        store.Count.ShouldBe(2);
        store.LinkedCount.ShouldBe(2);
        store.List(null, 0, 10).Items.Select(d => Path.GetFileName(d.Source)).Order().ShouldBe(["first.txt", "second.txt"]);
        // The record holds the new document's incident.
        using (var reader = target.Open())
        {
            var record = RecordLoader.Resume(reader)!.Record;
            record.IncidentsOfDocument(store.List(null, 0, 10).Items.Single(d => d.Source.EndsWith("second.txt", StringComparison.Ordinal)).Id).ShouldNotBeEmpty();
        }

        // Ctrl+C: the watch stops cleanly.
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        run.IsCompletedSuccessfully.ShouldBeTrue();
        _stderr.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_changed_in_place_is_read_again_and_one_unchanged_is_not()
    {
        var folder = Directory.CreateDirectory(_dir.Combine("rescan")).FullName;
        var file = Path.Combine(folder, "story.txt");
        File.WriteAllText(file, Article("Carrow", 2));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        using var store = DocumentStore.Open(_dir.Combine("rescan.db"));
        using var watcher = NewWatcher(store, folders: [folder]);

        (await watcher.PollAsync(CancellationToken.None)).ShouldBe(new WatchRound(1, 0, 0));
        _clock.Advance(Every);
        (await watcher.PollAsync(CancellationToken.None)).ShouldBe(new WatchRound(0, 0, 0));

        File.WriteAllText(file, Article("Carrow", 5));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));
        _clock.Advance(Every);
        (await watcher.PollAsync(CancellationToken.None)).ShouldBe(new WatchRound(1, 0, 0));
        store.Count.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_command_watches_a_folder_until_interrupted_and_then_stops_cleanly(Backend backend)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("watched")).FullName;
        using var target = StoreTarget.Create(backend);
        var db = target.DbOption;
        using var process = Process.Start(CliRunner.StartInfo("watch", folder, "--db", db, "--every", "1h"))!;
        var stdout = new List<string>();
        var stderr = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (stdout) stdout.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (stderr) stderr.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool Printed(string text) { lock (stdout) return stdout.Exists(l => l.Contains(text, StringComparison.Ordinal)); }
        try
        {
            await Until(() => Printed("Watching 1 folder and 0 feeds"));
            File.WriteAllText(Path.Combine(folder, "strike.txt"), Article("Dunmore", 6));
            await Until(() => Printed("Record: 1 document"));
            Printed("stored 1 new document (0 already stored, 0 failed) from 1 input").ShouldBeTrue(string.Join('\n', stdout));

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            process.WaitForExit(); // the output is read to its end
            process.ExitCode.ShouldBe(0);
            stdout[^1].ShouldBe("Stopped.");
            stderr.ShouldBeEmpty();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("5x", "--every 5x: not an interval (a whole number and s, m or h, for example 30s, 5m or 1h)")]
    [InlineData("0s", "--every 0s: out of range (from 1s to 24h)")]
    [InlineData("90000s", "--every 90000s: out of range (from 1s to 24h)")]
    [InlineData("m", "--every m: not an interval (a whole number and s, m or h, for example 30s, 5m or 1h)")]
    public void A_bad_interval_is_a_usage_error_in_one_line(string every, string message)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("any")).FullName;
        var code = CrosscheckCli.Run(["watch", folder, "--every", every, "--db", _dir.Combine("x.db")], _stdout, _stderr);
        code.ShouldBe(CrosscheckCli.UsageError);
        Lines(_stderr).ShouldBe([$"crosscheck: {message} (see 'crosscheck watch --help')"]);
        File.Exists(_dir.Combine("x.db")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("24h", 86400)]
    public void Intervals_read_as_seconds_minutes_or_hours(string text, int seconds)
    {
        WatchInterval.Parse(text, out var error).ShouldBe(TimeSpan.FromSeconds(seconds));
        error.ShouldBeNull();
        WatchInterval.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);
    }

    [Fact]
    public void A_feed_that_is_not_http_a_missing_folder_and_nothing_to_watch_are_usage_errors()
    {
        var db = _dir.Combine("x.db");
        CrosscheckCli.Run(["watch", "--feed", "ftp://example.org/feed", "--db", db], _stdout, _stderr).ShouldBe(CrosscheckCli.UsageError);
        CrosscheckCli.Run(["watch", _dir.Combine("missing"), "--db", db], _stdout, _stderr).ShouldBe(CrosscheckCli.UsageError, _stderr.ToString());
        CrosscheckCli.Run(["watch", "--db", db], _stdout, _stderr).ShouldBe(CrosscheckCli.UsageError);
        Lines(_stderr).ShouldBe([
            "crosscheck: --feed ftp://example.org/feed: not an http or https address (for example https://example.org/feed.xml) (see 'crosscheck watch --help')",
            $"crosscheck: {_dir.Combine("missing")}: no such folder (see 'crosscheck watch --help')",
            "crosscheck: nothing to watch: give a folder or a --feed URL (see 'crosscheck watch --help')",
        ]);
    }

    private Watcher NewWatcher(DocumentStore store, string[]? feeds = null, string[]? folders = null) => new(store, new WatchOptions
    {
        Feeds = [.. (feeds ?? []).Select(f => new Uri(f))],
        Folders = folders ?? [],
        Every = Every,
        Time = _clock,
        Http = _http,
    }, _stdout, _stderr);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly string[] Towns = ["Arlon", "Bexley", "Carrow", "Dunmore", "Elsworth"];
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    private static string Article(string town, int killed) =>
        $"Air strike on {town}\n\nAn air strike hit the market in {town} on Monday, killing {killed} people, the mayor of {town} said.";

    /// <summary>An RSS feed of items <paramref name="from"/> to <paramref name="to"/>, each a strike on another town.</summary>
    private static string Feed(int from, int to)
    {
        var items = string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"""
            <item>
              <title>Air strike on {Towns[i - 1]}</title>
              <link>https://courier.example/{i}</link>
              <guid>https://courier.example/{i}</guid>
              <pubDate>{Weekdays[i - 1]}, 0{i} Sep 2025 08:00:00 GMT</pubDate>
              <description>An air strike hit the market in {Towns[i - 1]} on Monday, killing {i + 1} people, the mayor of {Towns[i - 1]} said.</description>
            </item>
            """));
        return $"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Courier</title><language>en</language>{items}</channel></rss>""";
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>One feed at /feed.xml on a free loopback port, answering conditional requests as a web server does.</summary>
    private sealed class FeedServer(WebApplication app) : IAsyncDisposable
    {
        private volatile string _body = "";
        private volatile string _etag = "";
        private volatile int _failWith;

        public sealed record Request(string? IfNoneMatch, string? IfModifiedSince, int Status);

        public List<Request> Requests { get; } = [];

        public DateTimeOffset LastModified { get; private set; } = new(2025, 11, 7, 8, 0, 0, TimeSpan.Zero);

        public string FeedUrl => app.Urls.Single() + "/feed.xml";

        public static async Task<FeedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new FeedServer(app);
            app.MapGet("/feed.xml", server.Answer);
            await app.StartAsync();
            return server;
        }

        public void Publish(string body, string etag)
        {
            _body = body;
            _etag = etag;
            _failWith = 0;
            LastModified = LastModified.AddHours(1);
        }

        public void Fail(HttpStatusCode status) => _failWith = (int)status;

        private IResult Answer(HttpContext context)
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
            int status;
            IResult result;
            if (_failWith != 0) (status, result) = (_failWith, Results.StatusCode(_failWith));
            else if (ifNoneMatch == _etag) (status, result) = (304, Results.StatusCode(304));
            else
            {
                context.Response.Headers.ETag = _etag;
                context.Response.Headers.LastModified = LastModified.ToString("R");
                (status, result) = (200, Results.Text(_body, "application/rss+xml"));
            }
            lock (Requests) Requests.Add(new Request(ifNoneMatch.Length == 0 ? null : ifNoneMatch, ifModifiedSince.Length == 0 ? null : ifModifiedSince, status));
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
