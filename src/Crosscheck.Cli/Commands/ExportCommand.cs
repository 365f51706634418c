using System.CommandLine;
using Crosscheck.Export;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck export --format json|acled-csv|plover-json|geojson [--db FILE] [--out FILE]</c>: the stored record.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var names = Enum.GetValues<ExportFormat>().Select(RecordExport.Name).ToArray();
        var format = new Option<string>("--format")
        {
            Description = "json: the analysis contract from the store (no entities or quotes); acled-csv: one row per incident ACLED would code; "
                + "plover-json: one PLOVER-style event per line; geojson: incidents with coordinates",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(names);
        var db = SharedOptions.Database();
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the stored record: stories, incidents and events") { format, db, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            if (!File.Exists(path)) throw new CliFailure($"{path}: no such database (run 'crosscheck ingest' first)");
            RecordExport.TryParse(parse.GetValue(format)!, out var chosen);
            var outPath = parse.GetValue(output);
            if (outPath is not null) CheckWritable(outPath);
            using var store = IngestCommand.OpenStore(path);
            var load = IngestCommand.Load(store, stderr);
            var record = load.Record;
            ExportSummary summary;
            if (outPath is null)
            {
                if (ReferenceEquals(stdout, Console.Out))
                {
                    using var stream = Console.OpenStandardOutput();
                    summary = RecordExport.Write(stream, chosen, record, store);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    summary = RecordExport.Write(buffer, chosen, record, store);
                    stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                stderr.WriteLine($"crosscheck: exported {summary}");
            }
            else
            {
                summary = default!;
                AnalyzeCommand.WriteAtomically(outPath, s => summary = RecordExport.Write(s, chosen, record, store));
                stdout.WriteLine($"Exported {summary} to {outPath}");
            }
            return load.Failed > 0 || store.ArchiveProblems > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>Fails before the record is loaded when the output's folder is missing or not writable.</summary>
    private static void CheckWritable(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir)) throw new CliFailure($"{path}: cannot write (no such directory {dir})");
        if (Directory.Exists(path)) throw new CliFailure($"{path}: cannot write (it is a directory)");
    }
}
