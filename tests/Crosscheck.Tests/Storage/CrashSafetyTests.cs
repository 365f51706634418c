using System.Diagnostics;
using System.Globalization;
using Crosscheck.Storage;
using Crosscheck.Tests.Cli;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>An ingest killed with SIGKILL and started again ends with nothing lost and nothing twice.</summary>
public sealed class CrashSafetyTests
{
    private const int Files = 4000;

    [Fact]
    public void An_ingest_killed_mid_run_and_restarted_stores_every_document_exactly_once()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "in");
        for (var i = 0; i < Files; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            dir.File($"in/{i / 500:D2}/article-{i:D5}.txt",
                $"Report {n} on the harbor closure\nThe harbor authority said vessel {n} was held at berth {i % 40} on Monday while inspectors checked its cargo.\nOfficials said {i % 7 + 2} crew members were questioned and the inquiry numbered {n} would continue.\n");
        }
        var db = dir.Combine("crash.db");

        using (var process = Process.Start(CliRunner.StartInfo("ingest", input, "--db", db))!)
        {
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var stored = WaitForRows(db, process, atLeast: 300);
            process.Kill(); // SIGKILL on Unix: no chance to finish a transaction or close the file
            process.WaitForExit();
            stored.ShouldBeLessThan(Files, "the run must be killed before it finishes for this test to mean anything");
        }

        var afterKill = Inspect(db);
        afterKill.Documents.ShouldBeGreaterThan(0);
        afterKill.Documents.ShouldBeLessThan(Files);
        afterKill.Integrity.ShouldBe("ok");
        afterKill.DocumentsWithoutSegments.ShouldBe(0);
        afterKill.DocumentsWithoutSources.ShouldBe(0);
        afterKill.FtsRows.ShouldBe(afterKill.Documents);

        var (code, _, stderr) = CliRunner.Run(["ingest", input, "--db", db], timeoutMs: 300_000);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);

        var final = Inspect(db);
        final.Documents.ShouldBe(Files);
        final.DistinctIds.ShouldBe(Files);
        final.Sources.ShouldBe(Files);
        final.DocumentsWithoutSegments.ShouldBe(0);
        final.FtsRows.ShouldBe(Files);
        final.Integrity.ShouldBe("ok");
    }

    [Fact]
    public void An_ingest_killed_while_linking_leaves_no_half_stored_record_and_the_next_run_links_the_rest()
    {
        const int reports = 1200;
        string[] towns = ["Arlon", "Bexley", "Carrow", "Dunmore", "Elgin", "Fenwick", "Galway", "Hollis"];
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "in");
        for (var i = 0; i < reports; i++)
        {
            var town = towns[i % towns.Length];
            dir.File($"in/{i / 200:D2}/report-{i:D5}.txt",
                $"Clash number {i} near {town}\nGunmen attacked a convoy near {town} on {days[i % 7]}, killing {i % 9 + 2} soldiers, police said in report {i}.\n"
                + $"Protesters marched in {town} the next day, report {i} added.\n");
        }
        var db = dir.Combine("linking.db");

        using (var process = Process.Start(CliRunner.StartInfo("ingest", input, "--db", db))!)
        {
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var linked = WaitForRows(db, process, atLeast: 100, table: "document_facts");
            process.Kill();
            process.WaitForExit();
            linked.ShouldBeLessThan(reports, "the run must be killed before it has linked everything for this test to mean anything");
        }

        var afterKill = InspectRecord(db);
        afterKill.Documents.ShouldBe(reports);
        afterKill.Linked.ShouldBeGreaterThan(0);
        afterKill.Linked.ShouldBeLessThan(reports);
        afterKill.Events.ShouldBeGreaterThan(0);
        afterKill.FactsWithWrongAssignmentCount.ShouldBe(0);
        afterKill.Integrity.ShouldBe("ok");

        var (code, stdout, stderr) = CliRunner.Run(["ingest", input, "--db", db], timeoutMs: 300_000);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain($"({reports - afterKill.Linked:N0} newly linked)");

        var final = InspectRecord(db);
        final.Linked.ShouldBe(reports);
        final.FactsWithWrongAssignmentCount.ShouldBe(0);
        final.Events.ShouldBeGreaterThanOrEqualTo(reports);
        final.Integrity.ShouldBe("ok");

        // The record equals the one an uninterrupted run builds, incident for incident.
        var uninterrupted = dir.Combine("uninterrupted.db");
        CliRunner.Run(["ingest", input, "--db", uninterrupted], timeoutMs: 300_000).ExitCode.ShouldBe(0);
        var expected = CliRunner.Run(["export", "--db", uninterrupted]);
        var afterRerun = CliRunner.Run(["export", "--db", db]);
        afterRerun.ExitCode.ShouldBe(0);
        afterRerun.Stdout.ShouldBe(expected.Stdout);
        afterRerun.Stdout.ShouldContain("\"incidents\"");
    }

    private sealed record RecordState(long Documents, long Linked, long Events, long FactsWithWrongAssignmentCount, string Integrity);

    private static RecordState InspectRecord(string db) => new(
        Scalar(db, "SELECT count(*) FROM documents"),
        Scalar(db, "SELECT count(*) FROM document_facts"),
        Scalar(db, "SELECT count(*) FROM event_assignments"),
        Scalar(db, """
            SELECT count(*) FROM document_facts f
            WHERE coalesce(json_array_length(f.facts, '$.events'), 0) != (SELECT count(*) FROM event_assignments a WHERE a.document_seq = f.document_seq)
            """),
        Text(db, "PRAGMA integrity_check"));

    private static long WaitForRows(string db, Process process, int atLeast, string table = "documents")
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(db))
            {
                try
                {
                    var n = Scalar(db, $"SELECT count(*) FROM {table}");
                    if (n >= atLeast) return n;
                }
                catch (SqliteException)
                {
                    // the schema may not exist yet
                }
            }
            Thread.Sleep(15);
        }
        throw new TimeoutException("the ingest never reached the point where the test kills it");
    }

    private sealed record State(long Documents, long DistinctIds, long Sources, long DocumentsWithoutSegments, long DocumentsWithoutSources, long FtsRows, string Integrity);

    private static State Inspect(string db) => new(
        Scalar(db, "SELECT count(*) FROM documents"),
        Scalar(db, "SELECT count(DISTINCT id) FROM documents"),
        Scalar(db, "SELECT count(*) FROM document_sources"),
        Scalar(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.document_seq = d.seq)"),
        Scalar(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_seq = d.seq)"),
        Scalar(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'harbor'"),
        Text(db, "PRAGMA integrity_check"));

    private static long Scalar(string db, string sql) => Convert.ToInt64(Query(db, sql), CultureInfo.InvariantCulture);

    private static string Text(string db, string sql) => Convert.ToString(Query(db, sql), CultureInfo.InvariantCulture)!;

    private static object? Query(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
