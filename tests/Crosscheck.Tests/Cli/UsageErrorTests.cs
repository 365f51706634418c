using Crosscheck.Cli;

namespace Crosscheck.Tests.Cli;

/// <summary>Unknown options and unusable <c>--db</c> or <c>--urls</c> values are one line and exit code 2, before anything is touched.</summary>
public sealed class UsageErrorTests
{
    private static (int Code, string Stdout, string[] Errors) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("ingest", "a.txt")]
    [InlineData("export")]
    [InlineData("serve")]
    [InlineData("demo", "--no-serve")]
    public void An_unusable_database_path_is_one_line_naming_it(params string[] command)
    {
        using var dir = new TempDirectory();
        var missingFolder = dir.Combine("no-such-folder");
        var cases = new (string Db, string Says)[]
        {
            ("", "crosscheck: --db: the database path is empty"),
            (dir.Path, $"crosscheck: --db {dir.Path}: is a folder, not a database file (for example {Path.Combine(dir.Path, "crosscheck.db")})"),
            (Path.Combine(missingFolder, "x.db"), $"crosscheck: --db {Path.Combine(missingFolder, "x.db")}: the folder {missingFolder} does not exist"),
        };
        foreach (var (db, says) in cases)
        {
            var (code, stdout, errors) = Run([.. command, "--db", db]);
            code.ShouldBe(CrosscheckCli.UsageError, db);
            stdout.ShouldBeEmpty();
            errors.ShouldBe([$"{says} (see 'crosscheck {command[0]} --help')"]);
        }
        Directory.Exists(missingFolder).ShouldBeFalse("a mistyped folder is never created");
        Directory.GetFiles(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_option_among_the_inputs_is_a_usage_error_not_a_missing_file()
    {
        using var dir = new TempDirectory();
        var article = dir.File("a.txt", "Port closes ahead of storm\nThe port of Alder closed on Monday, officials said.\n");
        var db = dir.Combine("c.db");
        var (code, _, errors) = Run("ingest", article, "--dbx", db);
        code.ShouldBe(CrosscheckCli.UsageError);
        errors.ShouldBe(["crosscheck: --dbx: unknown option (a file whose name starts with '-' is given as ./--dbx) (see 'crosscheck ingest --help')"]);
        File.Exists(db).ShouldBeFalse();

        Run("analyze", article, "--fromat", "json").Errors.ShouldBe(["crosscheck: --fromat: unknown option (a file whose name starts with '-' is given as ./--fromat) (see 'crosscheck analyze --help')"]);
        Run("serve", "--bogus").Errors.ShouldBe(["crosscheck: Unrecognized command or argument '--bogus' (see 'crosscheck serve --help')"]);
        Run("eval", "seeds", "--seed", "x").Code.ShouldBe(CrosscheckCli.UsageError);
    }

    [Fact]
    public void A_url_that_is_not_an_address_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var db = dir.File("c.db", "");
        var (code, stdout, errors) = Run("serve", "--db", db, "--urls", "foo");
        code.ShouldBe(CrosscheckCli.UsageError);
        stdout.ShouldBeEmpty();
        errors.ShouldBe(["crosscheck: --urls foo: not an address to listen on (for example http://127.0.0.1:5080) (see 'crosscheck serve --help')"]);
        Run("demo", "--urls", "").Errors.ShouldBe(["crosscheck: --urls: no address given (for example http://127.0.0.1:5080) (see 'crosscheck demo --help')"]);
    }
}
