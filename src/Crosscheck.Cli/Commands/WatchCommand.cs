using System.CommandLine;
using System.Runtime.InteropServices;
using Crosscheck.Cli.Watch;
using Crosscheck.Documents;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck watch DIR... [--feed URL...] [--every 5m] [--db FILE]</c>: ingest and link new articles as they come.</summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folders = new Argument<string[]>("folders")
        {
            Description = "Folders to watch (read recursively, like ingest); none when only feeds are polled",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var feeds = new Option<string[]>("--feed")
        {
            Description = "An RSS or Atom feed to poll over HTTP (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        feeds.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!Uri.TryCreate(token.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    result.AddError($"--feed {token.Value}: not an http or https address (for example https://example.org/feed.xml)");
                }
            }
        });
        var every = new Option<string>("--every")
        {
            Description = "How often feeds are polled and folders rescanned: 30s, 5m, 1h (changed files are seen at once)",
            DefaultValueFactory = _ => "5m",
        };
        every.Validators.Add(result =>
        {
            if (WatchInterval.Parse(result.GetValueOrDefault<string>(), out var error) is null) result.AddError(error!);
        });
        var db = SharedOptions.Database();
        var maxBytes = SharedOptions.MaxBytes();
        var recoverDates = SharedOptions.RecoverDates();
        var desk = SharedOptions.Desk();
        var command = new Command("watch", "Watch folders and poll RSS/Atom feeds, ingesting and linking new articles as they come (Ctrl+C to stop)")
        {
            folders, feeds, every, db, maxBytes, recoverDates, desk,
        };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(folders) ?? [];
            foreach (var folder in given)
            {
                if (folder.Length > 1 && folder[0] == '-') result.AddError($"{folder}: unknown option (a folder whose name starts with '-' is given as ./{folder})");
                else if (!Directory.Exists(folder)) result.AddError($"{folder}: " + (File.Exists(folder) ? "not a folder (watch takes folders; ingest a single file)" : "no such folder"));
            }
            if (given.Length == 0 && result.GetValue(feeds) is not { Length: > 0 }) result.AddError("nothing to watch: give a folder or a --feed URL");
        });
        command.SetAction(async (parse, invocation) =>
        {
            // Ctrl+C (SIGINT) and SIGTERM end the watch between two steps; the handlers keep the runtime from killing it first.
            using var stopping = new StopSignals(invocation);
            var cancellation = stopping.Token;

            var location = IngestCommand.Where(parse.GetValue(db)!).ForDesk(SharedOptions.DeskOf(parse.GetValue(desk)));
            using var store = IngestCommand.OpenStore(location);
            using var into = IngestCommand.Guard(store, location, stderr);
            using var http = NewHttpClient();
            var options = new WatchOptions
            {
                Folders = parse.GetValue(folders) ?? [],
                Feeds = [.. (parse.GetValue(feeds) ?? []).Select(f => new Uri(f))],
                Every = WatchInterval.Parse(parse.GetValue(every), out _)!.Value,
                Http = http,
                Reader = new ReaderOptions { MaxBytes = parse.GetValue(maxBytes), RecoverPublished = !parse.GetValue(recoverDates) },
            };
            using var watcher = new Watcher(store, options, stdout, stderr, into);
            stdout.WriteLine($"Watching {Count(options.Folders.Count, "folder")} and {Count(options.Feeds.Count, "feed")} into {store.Path}, "
                + $"polling every {WatchInterval.Format(options.Every)} (Ctrl+C to stop)");
            try
            {
                await watcher.RunAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl+C: every document stored so far is whole, and the next run links what this one did not.
            }
            stdout.WriteLine("Stopped.");
            return CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>The client feeds are fetched with: a bounded time per request, redirects followed, compressed answers taken.</summary>
    internal static HttpClient NewHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            MaxAutomaticRedirections = 5,
        };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("crosscheck-watch/1.0");
        return http;
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
