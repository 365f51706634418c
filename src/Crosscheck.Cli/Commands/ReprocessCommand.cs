using Crosscheck.Storage;
using System.CommandLine;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck reprocess [--older|--all] [--db FILE]</c>: reads stored documents again with the current analyzer
/// and links the record again from the first of them, keeping every decision made by hand.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var all = new Option<bool>("--all") { Description = "Read every stored document again" };
        var older = new Option<bool>("--older") { Description = "Read again the documents another analyzer read (the default)" };
        var db = SharedOptions.Database();
        var desk = SharedOptions.Desk("Reprocess this desk only (by default every desk, each within itself: a document stays in its desk)");
        var command = new Command("reprocess", "Read stored documents again with the current analyzer and link the record again, keeping every decision made by hand")
        {
            all, older, db, desk,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(all) && result.GetValue(older)) result.AddError("--all and --older cannot be given together");
        });
        command.SetAction(parse =>
        {
            using var root = IngestCommand.OpenExisting(parse.GetValue(db)!);
            var location = IngestCommand.Where(parse.GetValue(db)!);
            var desks = root.Desks();
            if (parse.GetValue(desk) is { } named)
            {
                var one = SharedOptions.DeskOf(named);
                if (!desks.Contains(one)) throw new CliFailure($"{root.Path}: no {one.Display} (its desks: {string.Join(", ", desks.Select(d => d.IsDefault ? "the default desk" : d.Name))})");
                desks = [one];
            }
            var code = CrosscheckCli.Ok;
            // Each desk within itself: its documents are read again and linked in its own record, under its own lock.
            foreach (var each in desks)
            {
                if (desks.Count > 1) stdout.WriteLine(each.IsDefault ? "The default desk:" : $"Desk {each.Name}:");
                using var opened = each.IsDefault ? null : IngestCommand.OpenStore(location.ForDesk(each));
                if (Reprocess(opened ?? root, parse.GetValue(all), stdout, stderr) != CrosscheckCli.Ok) code = CrosscheckCli.SomeFailed;
            }
            return code;
        });
        return command;
    }

    private static int Reprocess(DocumentStore store, bool all, TextWriter stdout, TextWriter stderr)
    {
        {
            // Marking and linking again under one hold of the link lock: a running server shows the new reading once it is whole.
            var linking = Crosscheck.Storage.LinkLock.Take(store, () => IngestCommand.WaitingFor(store, stderr));
            var current = AnalyzerVersion.Current.ToString();
            var before = store.Analyzers();
            var keptBefore = store.UnplacedDecisions().Count;
            var marked = store.MarkForReading(all, current);
            var older = before.Where(a => a.Analyzer != current).ToList();
            stdout.WriteLine($"Analyzer {current}: {marked:N0} stored document(s) to read again"
                + (older.Count == 0 ? "" : " (" + string.Join(", ", older.Select(a => $"{a.Documents:N0} read by {a.Analyzer ?? "an analyzer before versions"}")) + ")"));
            RecordLoad load;
            if (store.QueuesReadings)
            {
                // A shared store: the marked documents are queued, and this process reads and links as one more worker
                // beside any others until the queue is empty (the link lock goes to whoever links next).
                linking.Dispose();
                var worker = new ReadingWorker(store, $"reprocess:{Environment.MachineName}:{Environment.ProcessId}")
                {
                    Problem = line => stderr.WriteLine($"crosscheck: {line}"),
                };
                int read = 0, linked = 0;
                worker.Run(TimeSpan.FromSeconds(1), untilIdle: true, round => (read, linked) = (read + round.Read, linked + round.Linked));
                stdout.WriteLine($"Read {read:N0} of them here (other workers read the rest)");
                load = IngestCommand.Link(store, stdout, stderr, linkedBefore: linked);
            }
            else
            {
                using (linking) load = IngestCommand.Link(store, stdout, stderr, linking);
            }
            var unplaced = store.UnplacedDecisions();
            var newlyUnplaced = unplaced.Count - keptBefore;
            stdout.WriteLine(unplaced.Count == 0
                ? "Every decision made by hand still applies."
                : $"{unplaced.Count:N0} decision(s) made by hand are kept aside: their reports are not in the new reading ({newlyUnplaced:N0} new this run):");
            foreach (var d in unplaced) stdout.WriteLine($"  {d.Document} event {d.Event} '{d.Trigger}' ({d.Reason}): \"{Shorten(d.Evidence)}\"");
            // Decisions about a report's values stay in the log; they apply again when a reading has the report.
            var record = load.Record;
            var waiting = record.Review.Decisions.Where(d => d.TargetKind == Crosscheck.Review.DecisionTarget.Event && record.Event(d.Target) is null)
                .Select(d => d.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (waiting.Count > 0)
            {
                stdout.WriteLine($"Decisions about {waiting.Count:N0} report(s) the new reading has not are kept and apply again when a reading has them: {string.Join(", ", waiting)}");
            }
            return load.Failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        }
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
