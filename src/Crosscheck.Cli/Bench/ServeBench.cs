using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Crosscheck.Access;
using Crosscheck.Storage;
using Crosscheck.Web;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// <c>crosscheck bench serve</c>: requests/s and p50/p99 latency of the server's list, search, incident and map
/// endpoints over a database of N synthetic documents (those of <c>bench link</c>), on loopback, while a
/// <c>crosscheck watch</c> process ingests new articles into the same database. Each endpoint is loaded in turn by a
/// few clients for a bounded time. Deterministic inputs (seeded); the figures are this machine's.
/// </summary>
internal static class ServeBench
{
    private const int Seed = 20251205;

    public static int Run(string ecbPlusDirectory, string seedsDirectory, int documents, string? database, int seconds, int clients, bool noWatch, TextWriter stdout)
    {
        if (documents < 100 || documents > 10_000_000) throw new UsageException("--documents must be between 100 and 10,000,000");
        if (seconds is < 1 or > 600) throw new UsageException("--seconds must be between 1 and 600");
        if (clients is < 1 or > 64) throw new UsageException("--clients must be between 1 and 64");
        var directory = Directory.CreateTempSubdirectory("crosscheck-bench-serve-");
        try
        {
            // A --db that does not exist yet is built there and kept, so later runs can serve it again.
            var build = database is null || !File.Exists(database);
            var path = database ?? System.IO.Path.Combine(directory.FullName, "serve.db");
            stdout.WriteLine($"bench serve: the web app over a database of synthetic documents, loaded on loopback while `crosscheck watch` ingests");
            stdout.WriteLine($"machine: {Environment.ProcessorCount} cores ({LinkBench.CpuModel()}), {Environment.OSVersion.VersionString}, .NET {Environment.Version}; {clients} clients, {seconds} s per endpoint");
            var clock = Stopwatch.StartNew();
            string key;
            int storedAtStart;
            DateOnly firstDay;
            using (var store = DocumentStore.Open(path))
            {
                if (build)
                {
                    var pool = LinkBench.Populate(store, ecbPlusDirectory, seedsDirectory, documents);
                    stdout.WriteLine($"database: {documents:N0} synthetic documents from {pool} (the stream of bench link), built in {clock.Elapsed.TotalSeconds:F0} s");
                }
                else stdout.WriteLine($"database: {path} ({store.Count:N0} documents, used as it is)");
                key = AccessKey.New();
                store.AddUser($"bench-{Guid.NewGuid():N}"[..20], Role.Reader, AccessKey.Hash(key));
                storedAtStart = store.Count;
                firstDay = DayAfterLatest(path);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            var start = Stopwatch.StartNew();
            var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0" });
            app.StartAsync().GetAwaiter().GetResult();
            try
            {
                var baseAddress = new Uri(app.Urls.Single());
                stdout.WriteLine($"server start (the record put back from the store): {start.Elapsed.TotalSeconds:F1} s");
                using var probe = Client(baseAddress, key);
                var incidents = IncidentIds(probe);
                var words = SearchWords(probe, incidents);
                var inbox = directory.CreateSubdirectory("inbox");
                using var watch = noWatch ? null : StartWatch(inbox.FullName, path);
                using var feeding = new CancellationTokenSource();
                var fed = noWatch ? Task.CompletedTask : Task.Run(() => Feed(inbox.FullName, firstDay, feeding.Token));
                stdout.WriteLine(noWatch ? "with nothing ingested meanwhile (--no-watch)"
                    : $"while `crosscheck watch {inbox.Name} --every 1s` ingests one new article every 0.5 s into the same database");
                stdout.WriteLine();
                stdout.WriteLine($"{"endpoint",-34} {"requests",9} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
                var random = new Random(Seed);
                var endpoints = new (string Name, Func<Random, string> Path)[]
                {
                    ("list /api/incidents?limit=20", r => $"/api/incidents?limit=20&offset={r.Next(0, 200) * 20}"),
                    ("search /api/documents?q=", r => "/api/documents?q=" + Uri.EscapeDataString(words[r.Next(words.Count)])),
                    ("incident /api/incidents/{id}", r => "/api/incidents/" + incidents[r.Next(incidents.Count)]),
                    ("incident page /incidents/{id}", r => "/incidents/" + incidents[r.Next(incidents.Count)]),
                    ("map /map", _ => "/map"),
                };
                var worst = 0.0;
                foreach (var (name, pathOf) in endpoints)
                {
                    if (name.StartsWith("map", StringComparison.Ordinal) && probe.GetAsync("/map").GetAwaiter().GetResult().StatusCode == System.Net.HttpStatusCode.NotFound)
                    {
                        stdout.WriteLine($"{name,-34} (this build has no map page)");
                        continue;
                    }
                    var (count, errors, latencies) = Load(baseAddress, key, clients, TimeSpan.FromSeconds(seconds), pathOf, random.Next());
                    Array.Sort(latencies);
                    var p99 = Percentile(latencies, 0.99);
                    worst = Math.Max(worst, p99);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-34} {count,9:N0} {count / (double)seconds,8:N1} {Percentile(latencies, 0.5),8:F1} {p99,8:F1} {(latencies.Length == 0 ? 0 : latencies[^1]),8:F1} {errors,7:N0}"));
                }
                feeding.Cancel();
                fed.GetAwaiter().GetResult();
                if (watch is not null) StopWatch(watch, stdout);
                using (var after = DocumentStore.Open(path))
                {
                    stdout.WriteLine($"documents stored: {storedAtStart:N0} at the start, {after.Count:N0} at the end ({after.LinkedCount:N0} linked): watch ingested {after.Count - storedAtStart:N0}");
                }
                stdout.WriteLine();
                stdout.WriteLine("requests = answered in the time (each client waits for its answer before the next); errors = answers other than 2xx;");
                stdout.WriteLine("latency from sending to the whole body read. The incidents asked for are drawn from the first 2,000 listed; the search");
                stdout.WriteLine("words from their titles.");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target (p99 <= 50 ms on every endpoint): worst p99 {worst:F1} ms"));
            }
            finally
            {
                app.StopAsync().GetAwaiter().GetResult();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { directory.Delete(recursive: true); }
            catch (IOException) { }
        }
        return CrosscheckCli.Ok;
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static List<string> IncidentIds(HttpClient client)
    {
        var ids = new List<string>();
        for (var offset = 0; offset < 2000; offset += 100)
        {
            var page = JsonDocument.Parse(client.GetStringAsync($"/api/incidents?limit=100&offset={offset}").GetAwaiter().GetResult()).RootElement;
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            ids.AddRange(items);
            if (items.Count < 100) break;
        }
        if (ids.Count == 0) throw new CliFailure("bench serve: the record has no incidents to ask for");
        return ids;
    }

    private static List<string> SearchWords(HttpClient client, List<string> incidents)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in incidents.Take(50))
        {
            var incident = JsonDocument.Parse(client.GetStringAsync("/api/incidents/" + id).GetAwaiter().GetResult()).RootElement.GetProperty("incident");
            foreach (var w in incident.GetProperty("title").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (w.Length >= 5 && w.All(char.IsLetter)) words.Add(w.ToLowerInvariant());
            }
        }
        return words.Count > 0 ? [.. words] : ["attack"];
    }

    private static (int Count, int Errors, double[] Latencies) Load(Uri baseAddress, string key, int clients, TimeSpan time, Func<Random, string> pathOf, int seed)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var until = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = Client(baseAddress, key);
            var random = new Random(seed + c);
            var one = new Stopwatch();
            while (until.Elapsed < time)
            {
                var path = pathOf(random);
                one.Restart();
                try
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    one.Stop();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    one.Stop();
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        return (latencies.Count, errors, [.. latencies]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : LinkBench.Percentile(sorted, p);

    /// <summary>This CLI as a child process: the same executable, or `dotnet` with the same assembly.</summary>
    private static Process StartWatch(string folder, string database)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(ServeBench).Assembly.Location);
        foreach (var a in new[] { "watch", folder, "--every", "1s", "--db", database }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new CliFailure("bench serve: cannot start `crosscheck watch`");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void StopWatch(Process watch, TextWriter stdout)
    {
        if (!watch.HasExited)
        {
            watch.Kill(entireProcessTree: true);
            watch.WaitForExit(10_000);
        }
        stdout.WriteLine($"watch ran throughout and was stopped at the end");
    }

    /// <summary>
    /// The day after the latest stored document's, where the fed articles start: news arriving in order, and new in a
    /// database an earlier run fed (the same articles again would be stored once, and nothing ingested).
    /// </summary>
    private static DateOnly DayAfterLatest(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={System.IO.Path.GetFullPath(database)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(published) FROM documents";
        return cmd.ExecuteScalar() is string latest && DateOnly.TryParseExact(latest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.AddDays(1) : new DateOnly(2026, 1, 1);
    }

    /// <summary>One new short article every half second from <paramref name="firstDay"/>, each with its own day, until stopped.</summary>
    private static async Task Feed(string folder, DateOnly firstDay, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var day = firstDay.AddDays(n);
            var text = $"""
                ---
                title: Bench report {n}
                published: {day:yyyy-MM-dd}
                outlet: Bench Wire
                ---
                Forces struck a depot near the border on {day:dddd}, killing {n % 7 + 1} people, officials said. Report number {n}, of {day:d MMMM yyyy}.
                """;
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, $"bench-{day:yyyyMMdd}.txt"), text, CancellationToken.None);
            n++;
            try { await Task.Delay(500, stop); }
            catch (OperationCanceledException) { break; }
        }
    }
}
