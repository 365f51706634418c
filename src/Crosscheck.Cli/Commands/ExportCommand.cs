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
        var desk = SharedOptions.Desk("Export this desk's record only (by default every desk's, each item of a named desk saying its desk)");
        var command = new Command("export", "Export the stored record: stories, incidents and events; each export counts a new version of the record when it changed")
        {
            format, db, output, since, desk,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(since) is { } n && n < 0) result.AddError("--since takes a version number (0 or more)");
            var given = result.GetResult(format) is { Implicit: false } f ? f.GetValueOrDefault<string>() : "json";
            if (result.GetValue(since) is not null && given != "json") result.AddError("--since is given with --format json only");
        });
        command.SetAction(parse =>
        {
            using var root = IngestCommand.OpenExisting(parse.GetValue(db)!);
            RecordExport.TryParse(parse.GetValue(format)!, out var chosen);
            var outPath = parse.GetValue(output);
            if (outPath is not null) CheckWritable(outPath);
            var location = IngestCommand.Where(parse.GetValue(db)!);
            var desks = root.Desks();
            var only = parse.GetValue(desk) is { } named ? SharedOptions.DeskOf(named) : (DeskName?)null;
            if (only is { } one && !desks.Contains(one)) throw new CliFailure($"{root.Path}: no {one.Display} (its desks: {string.Join(", ", desks.Select(d => d.IsDefault ? "the default desk" : d.Name))})");
            if (only is null && desks.Count > 1)
            {
                if (parse.GetValue(since) is not null) throw new CliFailure($"{root.Path}: each desk has its own record versions; give --desk with --since");
                return ExportDesks(root, location, desks, chosen, outPath, stdout, stderr);
            }
            using var deskStore = only is { IsDefault: false } d1 ? IngestCommand.OpenStore(location.ForDesk(d1)) : null;
            var store = deskStore ?? root;
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

    /// <summary>Every desk's record, each loaded and versioned on its own and put together (<see cref="DeskExport"/>).</summary>
    private static int ExportDesks(DocumentStore root, StoreLocation location, IReadOnlyList<DeskName> desks, ExportFormat format, string? outPath,
        TextWriter stdout, TextWriter stderr)
    {
        var parts = new List<DeskExport.Part>();
        var failed = false;
        foreach (var desk in desks)
        {
            using var opened = desk.IsDefault ? null : IngestCommand.OpenStore(location.ForDesk(desk));
            var store = opened ?? root;
            var load = IngestCommand.Load(store, stderr);
            var version = RecordVersions.Publish(store, load.Record);
            using var buffer = new MemoryStream();
            var written = RecordExport.Write(buffer, format, load.Record, store, version.Version);
            parts.Add(new DeskExport.Part(desk, buffer.ToArray(), written, version.Version));
            failed |= load.Failed > 0 || store.ArchiveProblems > 0;
        }
        ExportSummary summary = default!;
        var line = $"{desks.Count} desks: " + string.Join(", ", parts.Select(p => $"{(p.Desk.IsDefault ? "default" : p.Desk.Name)} {p.Summary.Written:N0} (record version {p.Version})"));
        if (outPath is null)
        {
            using var stream = ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new MemoryStream();
            summary = DeskExport.Join(stream, format, parts);
            if (stream is MemoryStream memory) stdout.Write(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
            stderr.WriteLine($"crosscheck: exported {summary} from {line}");
        }
        else
        {
            AnalyzeCommand.WriteAtomically(outPath, s => summary = DeskExport.Join(s, format, parts));
            stdout.WriteLine($"Exported {summary} to {outPath} from {line}");
        }
        return failed ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
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
