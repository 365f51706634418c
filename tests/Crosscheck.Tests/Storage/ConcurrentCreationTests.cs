using System.Diagnostics;
using Crosscheck.Storage;
using Crosscheck.Tests.Cli;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>Creating one new database from several places at once applies each migration once and fails none of them.</summary>
public sealed class ConcurrentCreationTests
{
    [Fact]
    public void Four_connections_creating_the_same_new_database_at_once_all_open_it()
    {
        for (var round = 0; round < 5; round++)
        {
            using var dir = new TempDirectory();
            var path = dir.Combine("shared.db");
            using var start = new Barrier(4);
            var errors = new List<Exception>();
            var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try { DocumentStore.Open(path).Dispose(); }
                catch (Exception ex) { lock (errors) errors.Add(ex); }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            errors.ShouldBeEmpty();
            Migrations(path).ShouldBe([.. SqliteMigrations.All.Select(m => (long)m.Version)]);
        }
    }

    [Fact]
    public async Task Two_processes_ingesting_into_the_same_new_database_at_once_both_succeed()
    {
        using var dir = new TempDirectory();
        dir.File("a/one.txt", "Bridge reopens\nThe river bridge reopened on Monday after repairs, the city engineer said.\n");
        dir.File("b/two.txt", "Ferry delayed\nThe morning ferry was delayed by fog on Tuesday, the harbour office said.\n");
        var db = dir.Combine("both.db");
        var first = Process.Start(CliRunner.StartInfo("ingest", dir.Combine("a"), "--db", db))!;
        var second = Process.Start(CliRunner.StartInfo("ingest", dir.Combine("b"), "--db", db))!;
        foreach (var p in new[] { first, second })
        {
            p.StandardInput.Close();
            var stderr = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            // One may say it waits while the other links (neither holds the write lock while it waits for that).
            (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.Contains("another process is linking this database"));
            p.ExitCode.ShouldBe(0);
        }
        using var store = DocumentStore.Open(db);
        store.Count.ShouldBe(2);
        Migrations(db).ShouldBe([.. SqliteMigrations.All.Select(m => (long)m.Version)]);
    }

    private static List<long> Migrations(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        using var r = cmd.ExecuteReader();
        var versions = new List<long>();
        while (r.Read()) versions.Add(r.GetInt64(0));
        return versions;
    }
}
