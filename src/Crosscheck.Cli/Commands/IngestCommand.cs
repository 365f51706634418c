using System.CommandLine;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck ingest PATH... [--db FILE]</c>: read, clean, segment and store articles.</summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = SharedOptions.Paths();
        var db = SharedOptions.Database();
        var maxBytes = SharedOptions.MaxBytes();
        var recoverDates = SharedOptions.RecoverDates();
        var desk = SharedOptions.Desk();
        var command = new Command("ingest", "Read articles from files, directories, feeds or standard input and store them") { paths, db, maxBytes, recoverDates, desk };
        command.SetAction(parse =>
        {
            var location = Where(parse.GetValue(db)!).ForDesk(SharedOptions.DeskOf(parse.GetValue(desk)));
            using var store = OpenStore(location);
            using var into = Guard(store, location, stderr);
            var reader = new DocumentReader(new ReaderOptions { MaxBytes = parse.GetValue(maxBytes), RecoverPublished = !parse.GetValue(recoverDates) });
            if (store.QueuesReadings)
            {
                // A shared store: ingest stores and queues; the workers read and link (issue 16).
                var stored = Store(into, reader, parse.GetValue(paths)!, stdout, stderr);
                Queued(store, stdout);
                return stored.Failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
            }
            var (summary, load) = Ingest(store, reader, parse.GetValue(paths)!, stdout, stderr, into);
            return summary.Failed > 0 || load.Failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>The line a command that only stores and queues ends with (a PostgreSQL store, whose workers read and link).</summary>
    internal static void Queued(DocumentStore store, TextWriter stdout)
    {
        var queue = store.Queue();
        stdout.WriteLine($"Queued: {queue.Waiting + queue.Claimed:N0} document(s) to read, {queue.Read:N0} read and waiting to be linked "
            + $"(workers read and link them: crosscheck worker --db {store.StorePath})");
    }

    /// <summary>Opens (creating when missing) the store <c>--db</c> names: a SQLite file or a <c>postgres://</c> URI.</summary>
    internal static DocumentStore OpenStore(string text) => OpenStore(Where(text));

    /// <summary>
    /// What documents are stored through into <paramref name="store"/> (the desk at <paramref name="location"/>): a document
    /// another desk holds stays there, with one line on <paramref name="stderr"/> (see <see cref="DeskGuard"/>).
    /// </summary>
    internal static DeskGuard Guard(DocumentStore store, StoreLocation location, TextWriter stderr)
    {
        try
        {
            return DeskGuard.Over(store, location, line => stderr.WriteLine($"crosscheck: {line}"));
        }
        catch (Exception ex) when (IsStoreFault(ex))
        {
            throw new CliFailure($"{location.Root.Display}: cannot open the store's desks ({ex.Message})");
        }
    }

    /// <summary>Opens (creating when missing) the store or desk at <paramref name="location"/>.</summary>
    internal static DocumentStore OpenStore(StoreLocation location)
    {
        try
        {
            return DocumentStore.Open(location);
        }
        catch (Exception ex) when (IsStoreFault(ex))
        {
            throw new CliFailure($"{location.Display}: cannot open database ({ex.Message})");
        }
    }

    /// <summary>Opens the store <c>--db</c> names when it exists; otherwise one line saying so and what to run first.</summary>
    internal static DocumentStore OpenExisting(string text, string first = "'crosscheck ingest'")
    {
        var location = Where(text);
        bool exists;
        try
        {
            exists = DocumentStore.Exists(location);
        }
        catch (Exception ex) when (IsStoreFault(ex))
        {
            throw new CliFailure($"{location.Display}: cannot open database ({ex.Message})");
        }
        if (!exists && location.Kind == StoreKind.Postgres)
            throw new CliFailure($"{location.Display}: no such database (create it first, for example with createdb, then run {first})");
        if (!exists) throw new CliFailure($"{location.Display}: no such database (run {first} first)");
        return OpenStore(text);
    }

    internal static StoreLocation Where(string text) =>
        StoreLocation.TryParse(text, out var location, out var error) ? location : throw new CliFailure("--db " + error);

    private static bool IsStoreFault(Exception ex) =>
        ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException
            or TimeoutException or System.Net.Sockets.SocketException;

    /// <summary>Stores the inputs, then analyzes and links every stored document not linked yet (see <see cref="Link"/>).</summary>
    internal static (IngestSummary Summary, RecordLoad Load) Ingest(DocumentStore store, DocumentReader reader, IReadOnlyList<string> inputs, TextWriter stdout, TextWriter stderr,
        IDocumentStore? into = null)
    {
        var summary = Store(into ?? store, reader, inputs, stdout, stderr);
        var load = Link(store, stdout, stderr);
        return (summary, load);
    }

    /// <summary>
    /// Rebuilds the record from the database, analyzing and linking each document that has no stored facts yet
    /// (the new ones, or those of a run that stopped early), and prints one line about the record.
    /// </summary>
    /// <param name="linkedBefore">Documents this command linked already (as a worker), counted in the line as newly linked.</param>
    internal static RecordLoad Link(DocumentStore store, TextWriter stdout, TextWriter stderr, LinkLock? held = null, int linkedBefore = 0)
    {
        RecordLoad load;
        var pending = store.Count - store.LinkedCount;
        if (pending > 0 && Terminal.IsInteractive(stderr))
        {
            var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            RecordLoad? result = null;
            errorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("linking", maxValue: pending);
                    result = Load(store, stderr, _ => task.Increment(1), held: held);
                    task.StopTask();
                });
            load = result!;
        }
        else
        {
            load = Load(store, stderr, held: held);
        }
        var counts = load.Record.Counts();
        stdout.WriteLine($"Record{(store.Desk.IsDefault ? "" : $" of {store.Desk.Display}")}: {Count(load.Record.DocumentCount, "document")} ({load.Linked + linkedBefore:N0} newly linked) in {Count(counts.Stories, "story", "stories")}, "
            + $"{Count(counts.Incidents, "incident")} ({Count(counts.Mentions, "mention")} apart), "
            + $"{Count(counts.Discrepancies, "discrepancy", "discrepancies")}");
        return load;
    }

    /// <summary>
    /// <see cref="RecordLoader.Load"/>: each document that cannot be analyzed or linked, or whose stored facts are
    /// unreadable, is one line on <paramref name="stderr"/> and counts as failed; the others are linked.
    /// </summary>
    internal static RecordLoad Load(DocumentStore store, TextWriter stderr, Action<Crosscheck.Linking.LinkUpdate>? linked = null,
        Crosscheck.Linking.StoryClusterOptions? storyOptions = null, Func<Document, Crosscheck.Linking.DocumentFacts>? analyze = null, LinkLock? held = null)
    {
        var problems = 0;
        // An archived row that cannot be read later (exporting, say) is one line too; the command then exits 1.
        store.ArchiveProblem = line => stderr.WriteLine($"crosscheck: {line}");
        using var batch = store.SaveInBatches();
        var load = RecordLoader.Load(store, analyze, linked, storyOptions, problem: line =>
        {
            problems++;
            stderr.WriteLine($"crosscheck: {line}");
        }, waiting: () => WaitingFor(store, stderr), held: held);
        // Every failed document is one problem line; so is stored facts read again from the text.
        return load with { Failed = problems };
    }

    /// <summary>The line a command prints once when another process links the database it wants to link.</summary>
    internal static void WaitingFor(DocumentStore store, TextWriter stderr) =>
        stderr.WriteLine($"crosscheck: {store.Path}: another process is linking this database (a server, an ingest or a watch); waiting for it to finish");

    private static string Count(int n, string one, string? many = null) =>
        n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    private static IngestSummary Store(IDocumentStore store, DocumentReader reader, IReadOnlyList<string> inputs, TextWriter stdout, TextWriter stderr)
    {
        var ingestor = new DocumentIngestor(store, reader);
        var console = Terminal.For(stdout);
        void Report(IngestItem item)
        {
            if (item.Error is { } e) stderr.WriteLine($"crosscheck: {e}");
        }

        IngestSummary summary;
        if (Terminal.IsInteractive(stderr))
        {
            var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            IngestSummary? result = null;
            errorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("ingesting", maxValue: double.MaxValue);
                    task.IsIndeterminate = true;
                    var n = 0;
                    result = ingestor.Ingest(inputs, item =>
                    {
                        Report(item);
                        n++;
                        task.Description = $"ingested {n:N0}";
                    }, keepItems: true);
                    task.StopTask();
                });
            summary = result!;
        }
        else
        {
            summary = ingestor.Ingest(inputs, Report);
        }
        SummaryTable.Write(console, summary, store.Count);
        return summary;
    }
}
