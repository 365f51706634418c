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
        var command = new Command("ingest", "Read articles from files, directories, feeds or standard input and store them") { paths, db, maxBytes };
        command.SetAction(parse =>
        {
            using var store = OpenStore(parse.GetValue(db)!);
            var reader = new DocumentReader(new ReaderOptions { MaxBytes = parse.GetValue(maxBytes) });
            var summary = Ingest(store, reader, parse.GetValue(paths)!, stdout, stderr);
            return summary.Failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }

    internal static SqliteDocumentStore OpenStore(string path)
    {
        try
        {
            return SqliteDocumentStore.Open(path);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new CliFailure($"{path}: cannot open database ({ex.Message})");
        }
    }

    internal static IngestSummary Ingest(IDocumentStore store, DocumentReader reader, IReadOnlyList<string> inputs, TextWriter stdout, TextWriter stderr)
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
