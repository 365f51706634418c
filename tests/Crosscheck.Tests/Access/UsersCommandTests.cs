using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Crosscheck.Access;
using Crosscheck.Cli;
using Crosscheck.Storage;
using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Access;

/// <summary><c>crosscheck users add|list|remove</c>: a key shown once, only its hash kept, names checked.</summary>
public sealed class UsersCommandTests
{
    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The key <c>users add</c> printed: its last line.</summary>
    internal static string KeyOf(string stdout) => stdout.TrimEnd().Split('\n')[^1];

    [Theory, OnSqlite, OnPostgres]
    public void Adding_a_user_prints_a_random_256_bit_key_once_and_stores_only_its_sha256(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var db = target.DbOption;
        var (code, stdout, stderr) = Run("users", "add", "alice", "--role", "analyst", "--db", db);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("analyst 'alice'");
        var key = KeyOf(stdout);
        Base64Url.DecodeFromChars(key).Length.ShouldBe(32);
        AccessKey.IsWellFormed(key).ShouldBeTrue();

        var second = KeyOf(Run("users", "add", "bob", "--role", "reader", "--db", db).Stdout);
        second.ShouldNotBe(key);

        // The database holds the hash and nothing that reads as the key.
        using (var connection = target.Connect())
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT key_hash FROM users WHERE name = 'alice'";
            ((byte[])cmd.ExecuteScalar()!).ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            // No column of any user's row reads as the key.
            cmd.CommandText = "SELECT * FROM users";
            using var rows = cmd.ExecuteReader();
            while (rows.Read())
            {
                for (var i = 0; i < rows.FieldCount; i++) (rows.GetValue(i)?.ToString() ?? "").ShouldNotContain(key);
            }
        }
        target.FilesContain(Encoding.UTF8.GetBytes(key)).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Users_are_listed_by_name_with_their_roles_and_a_removed_user_is_gone(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var db = target.DbOption;
        Run("users", "add", "zoe", "--role", "admin", "--db", db).Code.ShouldBe(0);
        Run("users", "add", "amir", "--role", "reader", "--db", db).Code.ShouldBe(0);

        var (code, stdout, _) = Run("users", "list", "--db", db);
        code.ShouldBe(0);
        var lines = stdout.TrimEnd().Split('\n');
        lines.Length.ShouldBe(3);
        lines[1].ShouldStartWith("amir  reader");
        lines[2].ShouldStartWith("zoe   admin");

        Run("users", "remove", "ZOE", "--db", db).ShouldBe((0, "Removed 'ZOE'.\n", ""));
        using var store = target.Open();
        store.Users().Select(u => u.Name).ShouldBe(["amir"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_duplicate_name_is_one_line_and_keeps_the_first_key(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var db = target.DbOption;
        Run("users", "add", "alice", "--role", "analyst", "--db", db).Code.ShouldBe(0);
        var (code, stdout, stderr) = Run("users", "add", "Alice", "--role", "admin", "--db", db);
        code.ShouldBe(CrosscheckCli.SomeFailed);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe("crosscheck: users add: a user named 'Alice' exists already (remove it first or choose another name)\n");
        using var store = target.Open();
        store.Users().Single().Role.ShouldBe(Role.Analyst);
    }

    [Theory]
    [InlineData("", "a user name is needed")]
    [InlineData("-dash", "is not a user name")]
    [InlineData("has space", "is not a user name")]
    [InlineData("new\nline", "is not a user name")]
    public void A_bad_name_or_role_is_a_usage_error_and_creates_nothing(string name, string problem)
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("users.db");
        var (code, stdout, stderr) = Run("users", "add", name, "--role", "analyst", "--db", db);
        code.ShouldBe(CrosscheckCli.UsageError);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(problem);
        stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
        File.Exists(db).ShouldBeFalse();

        var role = Run("users", "add", "alice", "--role", "owner", "--db", db);
        role.Code.ShouldBe(CrosscheckCli.UsageError);
        File.Exists(db).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Removing_a_user_that_is_not_there_is_one_line(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var db = target.DbOption;
        Run("users", "add", "alice", "--role", "reader", "--db", db).Code.ShouldBe(0);
        Run("users", "remove", "bob", "--db", db).ShouldBe((CrosscheckCli.SomeFailed, "", "crosscheck: users remove: there is no user named 'bob'\n"));
    }
}
