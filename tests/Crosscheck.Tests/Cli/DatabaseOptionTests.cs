using System.Diagnostics;
using Crosscheck.Cli;
using Crosscheck.Cli.Commands;

namespace Crosscheck.Tests.Cli;

/// <summary>
/// <c>--db</c> takes a file or a postgres:// location, and CROSSCHECK_DB stands in for it when it is not given. The
/// variable is only ever set in child processes, so no other test sees it.
/// </summary>
public sealed class DatabaseOptionTests
{
    private static (int Code, string Stdout, string[] Errors) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The built tool in <paramref name="folder"/> with CROSSCHECK_DB set to <paramref name="database"/> (null: unset).</summary>
    private static (int Code, string Stdout, string Stderr) RunWithVariable(string folder, string? database, params string[] args)
    {
        var start = CliRunner.StartInfo(args);
        start.WorkingDirectory = folder;
        if (database is null) start.Environment.Remove(SharedOptions.DatabaseVariable);
        else start.Environment[SharedOptions.DatabaseVariable] = database;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_malformed_postgres_location_is_a_usage_error_without_the_password()
    {
        var (code, stdout, errors) = Run("export", "--db", "postgres://alice:s3cret@db.example.org:99999/news");
        code.ShouldBe(CrosscheckCli.UsageError);
        stdout.ShouldBeEmpty();
        errors.ShouldBe(["crosscheck: --db postgres://alice:***@db.example.org:99999/news: port '99999' is not a number from 1 to 65535 (see 'crosscheck export --help')"]);

        Run("ingest", "a.txt", "--db", "mysql://db.example.org/news").Errors
            .ShouldBe(["crosscheck: --db mysql://db.example.org/news: unknown scheme 'mysql://' (PostgreSQL is postgres://user:password@host:port/database; SQLite is a file path) (see 'crosscheck ingest --help')"]);
    }

    [Fact]
    public void A_well_formed_postgres_location_passes_the_checks_a_file_path_gets()
    {
        SharedOptions.DatabaseProblem("postgres://alice:s3cret@db.example.org/news").ShouldBeNull();
        SharedOptions.DatabaseProblem("postgresql:///news?sslmode=disable").ShouldBeNull();
        SharedOptions.DatabaseProblem(":memory:").ShouldBeNull();
        SharedOptions.DatabaseProblem("postgres://alice:s3cret@db.example.org/", "CROSSCHECK_DB=")
            .ShouldBe("CROSSCHECK_DB=postgres://alice:***@db.example.org/: no database name (postgres://user:password@host:port/database)");
    }

    [Fact]
    public void The_demo_never_takes_a_postgres_database_it_would_replace()
    {
        var (code, _, errors) = Run("demo", "--no-serve", "--db", "postgres://alice:s3cret@db.example.org/news");
        code.ShouldBe(CrosscheckCli.UsageError);
        errors.ShouldBe(["crosscheck: --db postgres://alice:***@db.example.org:5432/news: the demo makes a fresh SQLite database; give a file path (see 'crosscheck demo --help')"]);
    }

    [Fact]
    public void Without_db_the_variable_names_the_database_and_db_overrides_it()
    {
        using var dir = new TempDirectory();
        var fromVariable = dir.Combine("from-variable.db");
        var (code, _, stderr) = RunWithVariable(dir.Path, fromVariable, "export");
        code.ShouldBe(CrosscheckCli.SomeFailed);
        stderr.ShouldBe($"crosscheck: {fromVariable}: no such database (run 'crosscheck ingest' first)\n");

        var given = dir.Combine("given.db");
        RunWithVariable(dir.Path, fromVariable, "export", "--db", given).Stderr.ShouldBe($"crosscheck: {given}: no such database (run 'crosscheck ingest' first)\n");
        RunWithVariable(dir.Path, "  ", "export").Stderr.ShouldBe("crosscheck: crosscheck.db: no such database (run 'crosscheck ingest' first)\n", "a blank variable is no variable");
        RunWithVariable(dir.Path, null, "export").Stderr.ShouldBe("crosscheck: crosscheck.db: no such database (run 'crosscheck ingest' first)\n");
        Directory.GetFileSystemEntries(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_malformed_variable_is_a_usage_error_naming_it_and_help_hides_its_password()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = RunWithVariable(dir.Path, "postgres://alice:s3cret@db.example.org/", "export");
        code.ShouldBe(CrosscheckCli.UsageError);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("crosscheck: CROSSCHECK_DB=postgres://alice:***@db.example.org/: no database name (postgres://user:password@host:port/database) (see 'crosscheck export --help')\n");

        var help = RunWithVariable(dir.Path, "postgres://alice:s3cret@db.example.org/news", "ingest", "--help");
        help.Code.ShouldBe(0);
        help.Stdout.ShouldContain("[default: postgres://alice:***@db.example.org:5432/news]");
        help.Stdout.ShouldNotContain("s3cret");

        // The demo replaces its database, so it never takes the shared one from the variable.
        var demo = RunWithVariable(dir.Path, "postgres://alice:s3cret@db.example.org/news", "demo", "--help");
        demo.Stdout.ShouldContain("demo.db]");
        demo.Stdout.ShouldNotContain("db.example.org");
    }
}
