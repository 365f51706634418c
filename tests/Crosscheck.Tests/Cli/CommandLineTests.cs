using System.Text.Json;

using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Cli;

public sealed class CommandLineTests
{
    private const string Article = "Port closes ahead of storm\nThe port of Alder closed on Monday as the storm approached, officials said.\nShips were told to wait offshore.\n";

    [Fact]
    public void Ingest_stores_documents_prints_a_summary_and_exits_zero()
    {
        using var dir = new TempDirectory();
        var a = dir.File("in/a.txt", Article);
        var db = dir.Combine("c.db");
        var (code, stdout, stderr) = CliRunner.Run(["ingest", a, "--db", db]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("a.txt");
        stdout.ShouldContain("added");
        stdout.ShouldContain("Summary");
    }

    [Theory, OnSqlite, OnPostgres]
    public void Ingest_reports_each_bad_input_on_one_line_keeps_the_good_ones_and_exits_one(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var dir = new TempDirectory();
        var good = dir.File("good.txt", Article);
        var empty = dir.File("empty.txt", "");
        var binary = dir.File("bin.txt", new byte[] { 0, 1, 2, 3, 0, 0 });
        var feed = dir.File("bad.xml", "<rss><channel><item></channel>");
        var db = target.DbOption;
        var missing = dir.Combine("missing.txt");
        var (code, stdout, stderr) = CliRunner.Run(["ingest", empty, binary, good, feed, missing, "--db", db]);
        code.ShouldBe(1);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines.ShouldContain(l => l.Contains(empty) && l.Contains("empty input"));
        lines.ShouldContain(l => l.Contains(binary) && l.Contains("binary"));
        lines.ShouldContain(l => l.Contains(feed) && l.Contains("malformed XML"));
        lines.ShouldContain(l => l.Contains(missing) && l.Contains("no such file"));
        stderr.ShouldNotContain("   at ");
        using var store = target.Open();
        store.Count.ShouldBe(1);
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        CliRunner.Run(["ingest"]).ExitCode.ShouldBe(2);
        CliRunner.Run(["no-such-command"]).ExitCode.ShouldBe(2);
        CliRunner.Run(["analyze", "x.txt", "--format", "yaml"]).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_database_that_cannot_be_opened_is_one_clear_line()
    {
        using var dir = new TempDirectory();
        var notADb = dir.File("not.db", "this is not a database file, just some text that is long enough to be read as a header");
        var (code, _, stderr) = CliRunner.Run(["ingest", dir.File("a.txt", Article), "--db", notADb]);
        code.ShouldBe(1);
        stderr.Trim().ShouldStartWith($"crosscheck: {notADb}: cannot open database");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Analyze_prints_the_contract_with_documents_and_segments()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.txt", Article);
        var (code, stdout, _) = CliRunner.Run(["analyze", a, "--format", "json"]);
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("schema").GetString().ShouldBe("crosscheck.analysis/1");
        var doc = json.RootElement.GetProperty("documents")[0];
        doc.GetProperty("source").GetString().ShouldBe(a);
        doc.GetProperty("id").GetString()!.ShouldStartWith("d-");
        var text = doc.GetProperty("text").GetString()!;
        var kinds = doc.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("kind").GetString(), text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()])).ToList();
        kinds[0].ShouldBe(("headline", "Port closes ahead of storm"));
        kinds[1].Item1.ShouldBe("lede");
        foreach (var name in new[] { "entities", "events", "quotes", "incidents", "discrepancies", "stories" })
        {
            json.RootElement.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Array);
        }
    }

    [Fact]
    public void Analyze_is_deterministic_and_writes_to_a_file_with_out()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.txt", Article);
        var out1 = dir.Combine("one.json");
        var out2 = dir.Combine("two.json");
        CliRunner.Run(["analyze", a, "--out", out1]).ExitCode.ShouldBe(0);
        CliRunner.Run(["analyze", a, "--out", out2]).ExitCode.ShouldBe(0);
        File.ReadAllText(out1).ShouldBe(File.ReadAllText(out2));
    }

    [Fact]
    public void Analyze_reads_standard_input()
    {
        var (code, stdout, _) = CliRunner.Run(["analyze", "-"], stdin: Article);
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("documents")[0].GetProperty("source").GetString().ShouldBe("-");
    }

    [Fact]
    public void Demo_without_serving_prints_the_table_of_the_samples_and_the_key_of_its_admin()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run(["demo", "--no-serve", "--db", dir.Combine("demo.db")]);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        var key = System.Text.RegularExpressions.Regex.Match(stdout, @"^Admin key: (\S+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        Crosscheck.Access.AccessKey.IsWellFormed(key).ShouldBeTrue(stdout);
        using (var store = Crosscheck.Storage.DocumentStore.Open(dir.Combine("demo.db")))
        {
            var admin = store.Users().ShouldHaveSingleItem();
            (admin.Name, admin.Role).ShouldBe(("admin", Crosscheck.Access.Role.Admin));
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.Combine("demo.db")};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT key_hash FROM users";
            ((byte[])cmd.ExecuteScalar()!).ShouldBe(Crosscheck.Access.AccessKey.Hash(key));
        }
        stdout.ShouldContain("Documents");
        stdout.ShouldContain("Summary");
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "articles"));
        samples.Length.ShouldBeGreaterThan(0);
        foreach (var f in samples) stdout.ShouldContain(Path.GetFileName(f)[..Math.Min(20, Path.GetFileName(f).Length)]);
    }
}
