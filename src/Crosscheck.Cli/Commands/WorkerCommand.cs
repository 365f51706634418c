using System.CommandLine;
using System.Globalization;
using Crosscheck.Cli.Watch;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck worker --db postgres://… [--threads N] [--lease 5m] [--until-idle]</c>: one of any number of processes
/// that read the documents a shared store queued and link the record (see <see cref="ReadingWorker"/>).
/// </summary>
internal static class WorkerCommand
{
    /// <summary>How often a working worker prints its totals.</summary>
    internal static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = SharedOptions.Database();
        db.Description = "The shared PostgreSQL store (postgres://user:password@host:port/database)";
        var threads = new Option<int>("--threads")
        {
            Description = "Documents read at once (default: the machine's cores)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--threads takes a number from 1 to 256");
        });
        var lease = new Option<string>("--lease")
        {
            Description = "How long a claimed document is this worker's: a worker that dies leaves it to others after this (30s, 5m, 1h)",
            DefaultValueFactory = _ => "5m",
        };
        lease.Validators.Add(r =>
        {
            if (WatchInterval.Parse(r.GetValueOrDefault<string>(), out var problem, "--lease") is null) r.AddError(problem!);
        });
        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop when nothing is queued and everything is linked" };
        var command = new Command("worker", "Read and link the documents a shared PostgreSQL store queued; run as many as the work needs, on any machine")
        {
            db, threads, lease, untilIdle,
        };
        command.SetAction(parse =>
        {
            // Ctrl+C and SIGTERM stop it between two documents.
            using var stopping = new StopSignals();

            using var store = IngestCommand.OpenExisting(parse.GetValue(db)!);
            if (!store.QueuesReadings)
                throw new CliFailure($"{store.Path}: workers share a PostgreSQL store (--db postgres://…); a SQLite store is read and linked by ingest and watch");
            var location = IngestCommand.Where(parse.GetValue(db)!);
            var name = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");
            var threadCount = parse.GetValue(threads);
            // Every desk of the store, each with a worker of its own (its queue, its link lock, its record kept between rounds).
            using var worker = new DeskWorkers(store, desk => IngestCommand.OpenStore(location.ForDesk(desk)), deskStore => new ReadingWorker(deskStore, name)
            {
                Threads = threadCount,
                Lease = WatchInterval.Parse(parse.GetValue(lease), out _)!.Value,
                Problem = line => stderr.WriteLine($"crosscheck: {line}"),
            });
            var desks = store.Desks().Count;
            stdout.WriteLine($"Worker {name} on {store.Path} with {threadCount} thread(s)" + (desks > 1 ? $", {desks} desks" : "") + " (Ctrl+C to stop)");
            int read = 0, failed = 0, linked = 0;
            // A line of totals at most every ProgressEvery while work is done (a round is a few documents: a line each
            // would be millions of lines for a large backlog), and the totals at the end.
            var told = (Read: 0, Failed: 0, Linked: 0);
            var lastLine = TimeProvider.System.GetTimestamp();
            try
            {
                worker.Run(TimeSpan.FromSeconds(1), parse.GetValue(untilIdle), round =>
                {
                    read += round.Read;
                    failed += round.Failed;
                    linked += round.Linked;
                    if ((read, failed, linked) == told || TimeProvider.System.GetElapsedTime(lastLine) < ProgressEvery) return;
                    stdout.WriteLine($"read {read:N0}, failed {failed:N0}, linked {linked:N0} so far");
                    told = (read, failed, linked);
                    lastLine = TimeProvider.System.GetTimestamp();
                }, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.Token.IsCancellationRequested)
            {
                // Stopped between two documents: each reading stored is whole; claims not done run out and go to others.
            }
            stdout.WriteLine($"Worker {name}: read {read:N0}, failed {failed:N0}, linked {linked:N0}");
            return failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }
}
