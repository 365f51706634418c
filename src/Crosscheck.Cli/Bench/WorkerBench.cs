using System.Diagnostics;
using System.Globalization;
using Crosscheck.Storage;
using Npgsql;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// <c>bench workers</c>: documents/s of reading and linking a queued backlog with 1 and 2 worker processes on one
/// PostgreSQL store (the scaling ratio), how long a document stored while the workers idle waits until it is linked
/// (queue latency), and beside them the same documents ingested into SQLite by one process (store, read, link).
/// Each run has a fresh database; generated articles (<see cref="ArticleGenerator"/>), the same for every run.
/// </summary>
internal static class WorkerBench
{
    public static int Run(string? server, int documents, int threads, int latencySamples, TextWriter stdout)
    {
        if (documents < 1) throw new UsageException("--documents must be at least 1");
        var maintenance = MaintenanceOf(server ?? Environment.GetEnvironmentVariable("CROSSCHECK_TEST_POSTGRES"))
            ?? throw new UsageException("bench workers needs a PostgreSQL server: --server postgres://user@host:port/postgres "
                + "(a database it may create others on; eval \"$(.ci/postgres.sh start)\" starts one for the run)");
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-bench-workers-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "articles");
            Directory.CreateDirectory(input);
            var articles = ArticleGenerator.Generate(documents, html: false, seed: 20251205);
            for (var i = 0; i < articles.Count; i++) File.WriteAllBytes(Path.Combine(input, $"a{i:D5}.txt"), articles[i]);
            stdout.WriteLine($"bench workers: {documents:N0} generated articles; {Environment.ProcessorCount} cores; each worker process --threads {threads}");
            stdout.WriteLine($"{"run",-34} {"store s",8} {"read+link s",12} {"docs/s",8}");

            var sqlite = Path.Combine(folder, "one.db");
            var (sqliteSeconds, _) = Timed(() => Cli("ingest", input, "--db", sqlite));
            stdout.WriteLine($"{"SQLite, ingest (one process)",-34} {"",8} {sqliteSeconds,12:0.0} {documents / sqliteSeconds,8:0.0}");

            var rates = new Dictionary<int, double>();
            foreach (var workers in new[] { 1, 2 })
            {
                var uri = FreshDatabase(maintenance, $"crosscheck_bench_{Environment.ProcessId}_{workers}");
                try
                {
                    var (storeSeconds, _) = Timed(() => Cli("ingest", input, "--db", uri));
                    var (readSeconds, _) = Timed(() =>
                    {
                        var started = Enumerable.Range(0, workers)
                            .Select(_ => Start("worker", "--db", uri, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--until-idle")).ToList();
                        foreach (var p in started) Finish(p);
                        return 0;
                    });
                    rates[workers] = documents / readSeconds;
                    stdout.WriteLine($"{$"PostgreSQL, {workers} worker process(es)",-34} {storeSeconds,8:0.0} {readSeconds,12:0.0} {rates[workers],8:0.0}");
                }
                finally
                {
                    Drop(maintenance, $"crosscheck_bench_{Environment.ProcessId}_{workers}");
                }
            }
            stdout.WriteLine($"scaling: 2 workers read and link {rates[2] / rates[1]:0.00} times as many documents/s as 1");
            Latency(maintenance, articles, latencySamples, threads, stdout);
            stdout.WriteLine("store s: ingest storing and queueing only; read+link s: from the workers' start until the last one found nothing left (each loads its models first).");
            return CrosscheckCli.Ok;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Documents stored one at a time while one worker idles: seconds from stored to linked.</summary>
    private static void Latency(string maintenance, List<byte[]> articles, int samples, int threads, TextWriter stdout)
    {
        var name = $"crosscheck_bench_{Environment.ProcessId}_latency";
        var uri = FreshDatabase(maintenance, name);
        var worker = Start("worker", "--db", uri, "--threads", threads.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var store = DocumentStore.Open(StoreLocation.Parse(uri));
            var reader = new Documents.DocumentReader();
            var waits = new List<double>();
            // The first document waits for the worker's models; it is not counted.
            for (var i = 0; i <= samples && i < articles.Count; i++)
            {
                var document = reader.ReadBytes($"latency/{i}.txt", articles[i], ".txt").Single().Document!;
                var clock = Stopwatch.StartNew();
                store.Add(document);
                while (store.LinkedCount < i + 1)
                {
                    if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the worker linked nothing for two minutes");
                    Thread.Sleep(5);
                }
                if (i > 0) waits.Add(clock.Elapsed.TotalMilliseconds);
            }
            waits.Sort();
            stdout.WriteLine(waits.Count == 0 ? "queue latency: no sample"
                : $"queue latency (stored to linked, one idle worker polling every second, {waits.Count} documents): p50 {waits[waits.Count / 2]:0} ms, max {waits[^1]:0} ms");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
            Drop(maintenance, name);
        }
    }

    private static string? MaintenanceOf(string? server)
    {
        if (string.IsNullOrWhiteSpace(server)) return null;
        if (StoreLocation.TryParse(server, out var location, out _) && location.Kind == StoreKind.Postgres) return location.ConnectionString;
        try
        {
            return new NpgsqlConnectionStringBuilder(server).ConnectionString;
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--server: neither postgres://… nor an Npgsql connection string");
        }
    }

    /// <summary>Creates an empty database and returns the URI the commands take.</summary>
    private static string FreshDatabase(string maintenance, string name)
    {
        Drop(maintenance, name);
        using (var connection = new NpgsqlConnection(maintenance))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        var b = new NpgsqlConnectionStringBuilder(maintenance);
        var user = Uri.EscapeDataString(b.Username ?? "postgres") + (string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password));
        return $"postgres://{user}@{b.Host}:{b.Port}/{name}";
    }

    private static void Drop(string maintenance, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(maintenance);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    private static (double Seconds, T Result) Timed<T>(Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        return (clock.Elapsed.TotalSeconds, result);
    }

    private static int Cli(params string[] args) => Finish(Start(args));

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(WorkerBench).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Finish(Process process)
    {
        process.WaitForExit();
        var code = process.ExitCode;
        process.Dispose();
        if (code != 0) throw new InvalidOperationException($"a child crosscheck exited with {code}");
        return code;
    }
}
