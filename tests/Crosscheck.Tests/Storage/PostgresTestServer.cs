using Npgsql;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// The PostgreSQL server tests may use, named by <c>CROSSCHECK_TEST_POSTGRES</c> (an Npgsql connection string for a
/// superuser on the maintenance database). <c>./test.sh</c> starts a throwaway server and sets it; without it the
/// PostgreSQL tests are skipped with <see cref="SkipReason"/> (<see cref="PostgresFactAttribute"/>), unless
/// <c>CROSSCHECK_REQUIRE_POSTGRES=1</c> makes them fail instead. Each test makes its own database
/// (<see cref="CreateDatabase"/> or <see cref="Fresh"/>), so tests never see each other's rows.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "CROSSCHECK_TEST_POSTGRES";

    /// <summary>Set to 1 to make a missing server fail the PostgreSQL tests instead of skipping them.</summary>
    public const string RequiredVariable = "CROSSCHECK_REQUIRE_POSTGRES";

    /// <summary>Every database made here starts with this, and <see cref="Drop"/> drops nothing else.</summary>
    public const string NamePrefix = "crosscheck_test_";

    private static int _made;

    /// <summary>The connection string to the maintenance database, or null when none is configured.</summary>
    public static string? Maintenance { get; } =
        Environment.GetEnvironmentVariable(Variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Why the PostgreSQL tests cannot run here; null when they can (or must).</summary>
    public static string? SkipReason { get; } = SkipReasonFor(Maintenance, Environment.GetEnvironmentVariable(RequiredVariable));

    public static bool Available => SkipReason is null;

    internal static string? SkipReasonFor(string? maintenance, string? required) =>
        maintenance is not null || required == "1"
            ? null
            : $"PostgreSQL not configured: ./test.sh starts one; set {Variable} to run these tests";

    /// <summary>Makes an empty database of its own (named after this process and a counter) and returns its connection string.</summary>
    /// <remarks>With <paramref name="template"/> (a database made here, with no one connected), a copy of it.</remarks>
    public static string CreateDatabase(string? template = null)
    {
        var maintenance = Maintenance ?? throw new InvalidOperationException($"{Variable} is not set ({RequiredVariable}=1 asks for PostgreSQL)");
        var name = $"{NamePrefix}{Environment.ProcessId}_{Interlocked.Increment(ref _made)}";
        using (var connection = new NpgsqlConnection(maintenance))
        {
            connection.Open();
            // A process of an earlier run with the same id may have left it behind.
            Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            if (template is null) Execute(connection, $"CREATE DATABASE \"{name}\"");
            else
            {
                var from = new NpgsqlConnectionStringBuilder(template).Database;
                if (from is null || !from.StartsWith(NamePrefix, StringComparison.Ordinal) || from.Contains('"')) throw new ArgumentException($"'{from}' is not a database made here", nameof(template));
                // A copy needs the template without sessions: the pool's idle ones go first.
                using (var pooled = new NpgsqlConnection(template)) NpgsqlConnection.ClearPool(pooled);
                Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{from}\"");
            }
        }
        return new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
    }

    /// <summary>A database of its own, dropped when disposed.</summary>
    public static PostgresTestDatabase Fresh() => new(CreateDatabase());

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections it still has.</summary>
    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith(NamePrefix, StringComparison.Ordinal) || name.Contains('"'))
        {
            throw new ArgumentException($"'{name}' is not a database made by {nameof(PostgresTestServer)}", nameof(connectionString));
        }
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(Maintenance);
        connection.Open();
        Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The database as a <c>postgres://</c> location, as a user gives it to <c>--db</c> or CROSSCHECK_DB.</summary>
    public static string UriOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = builder.Username is { Length: > 0 } name
            ? Uri.EscapeDataString(name) + (builder.Password is { Length: > 0 } password ? ":" + Uri.EscapeDataString(password) : "") + "@"
            : "";
        var host = builder.Host is { } h && h.Contains(':') ? $"[{h}]" : Uri.EscapeDataString(builder.Host ?? "localhost");
        return $"postgres://{user}{host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}";
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A database made for one test; disposing it drops it.</summary>
internal sealed class PostgresTestDatabase(string connectionString) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>The database as <c>postgres://…</c>, for <c>--db</c>.</summary>
    public string Uri => PostgresTestServer.UriOf(ConnectionString);

    public void Dispose() => PostgresTestServer.Drop(ConnectionString);
}

/// <summary>A fact that needs PostgreSQL: skipped with <see cref="PostgresTestServer.SkipReason"/> when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresTestServer.SkipReason;
    }
}

/// <summary>A theory that needs PostgreSQL: skipped with <see cref="PostgresTestServer.SkipReason"/> when none is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        Skip = PostgresTestServer.SkipReason;
    }
}
