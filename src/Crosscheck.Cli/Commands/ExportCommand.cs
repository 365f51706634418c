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
        var since = new Option<int?>("--since")
        {
            Description = "Only what changed after this version of the record (json): added and changed items in full, removed ones by id",
        };
        var command = new Command("export", "Export the stored record: stories, incidents and events; each export counts a new version of the record when it changed")
        {
            format, db, output, since,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(since) is { } n && n < 0) result.AddError("--since takes a version number (0 or more)");
            var given = result.GetResult(format) is { Implicit: false } f ? f.GetValueOrDefault<string>() : "json";
            if (result.GetValue(since) is not null && given != "json") result.AddError("--since is given with --format json only");
        });
        command.SetAction(parse =>
        {
            using var store = IngestCommand.OpenExisting(parse.GetValue(db)!);
            RecordExport.TryParse(parse.GetValue(format)!, out var chosen);
            var outPath = parse.GetValue(output);
            if (outPath is not null) CheckWritable(outPath);
            var load = IngestCommand.Load(store, stderr);
            var record = load.Record;
            var version = RecordVersions.Publish(store, record);
            RecordChanges? changes = null;
            if (parse.GetValue(since) is { } from)
            {
                if (from > version.Version) throw new CliFailure($"{store.Path}: the record has no version {from} (its latest is {version.Version})");
                changes = store.ChangesSince(from);
            }
            ExportSummary Write(Stream s) => changes is not null ? RecordVersions.WriteChanges(s, record, changes) : RecordExport.Write(s, chosen, record, store, version.Version);
            ExportSummary summary;
            if (outPath is null)
            {
                if (ReferenceEquals(stdout, Console.Out))
                {
                    using var stream = Console.OpenStandardOutput();
                    summary = Write(stream);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    summary = Write(buffer);
                    stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                stderr.WriteLine($"crosscheck: exported {summary}{Versioned(version)}");
            }
            else
            {
                summary = default!;
                AnalyzeCommand.WriteAtomically(outPath, s => summary = Write(s));
                stdout.WriteLine($"Exported {summary} to {outPath}{Versioned(version)}");
            }
            return load.Failed > 0 || store.ArchiveProblems > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }

    private static string Versioned(RecordVersion v) =>
        v.Added + v.Changed + v.Removed == 0 ? $" (record version {v.Version}, unchanged)" : $" (record version {v.Version}: {v.Added:N0} added, {v.Changed:N0} changed, {v.Removed:N0} removed)";

    /// <summary>Fails before the record is loaded when the output's folder is missing or not writable.</summary>
    private static void CheckWritable(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir)) throw new CliFailure($"{path}: cannot write (no such directory {dir})");
        if (Directory.Exists(path)) throw new CliFailure($"{path}: cannot write (it is a directory)");
    }
}
