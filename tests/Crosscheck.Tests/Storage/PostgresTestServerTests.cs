using Crosscheck.Storage;
using Npgsql;

namespace Crosscheck.Tests.Storage;

/// <summary>The test server's databases: each test gets an empty one of its own, reachable as a store location, gone after.</summary>
public sealed class PostgresTestServerTests
{
    [PostgresFact]
    public void A_fresh_database_is_written_read_and_dropped()
    {
        var connectionString = PostgresTestServer.CreateDatabase();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            Scalar(connection, "SELECT current_database()").ShouldBe(name);
            Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").ShouldBe(0L);
            Execute(connection, "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)");
            Execute(connection, "INSERT INTO notes VALUES (1, 'Port closes ahead of storm'), (2, 'Ferry resumes')");
            Scalar(connection, "SELECT body FROM notes WHERE id = 1").ShouldBe("Port closes ahead of storm");
        }
        finally
        {
            PostgresTestServer.Drop(connectionString);
        }
        using var maintenance = new NpgsqlConnection(PostgresTestServer.Maintenance);
        maintenance.Open();
        using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", maintenance) { Parameters = { new() { Value = name } } };
        exists.ExecuteScalar().ShouldBe(0L);
    }

    [PostgresFact]
    public void Two_databases_do_not_see_each_other_s_tables()
    {
        using var first = PostgresTestServer.Fresh();
        using var second = PostgresTestServer.Fresh();
        first.Name.ShouldNotBe(second.Name);
        using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE notes (id integer)");
        }
        using var other = new NpgsqlConnection(second.ConnectionString);
        other.Open();
        Scalar(other, "SELECT to_regclass('notes') IS NULL").ShouldBe(true);
    }

    [PostgresFact]
    public void The_database_is_reached_through_its_postgres_uri_as_a_store_location()
    {
        using var database = PostgresTestServer.Fresh();
        var location = StoreLocation.Parse(database.Uri);
        location.Kind.ShouldBe(StoreKind.Postgres);
        using var connection = new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        Scalar(connection, "SELECT current_database()").ShouldBe(database.Name);
    }

    [Fact]
    public void Without_a_server_the_tests_are_skipped_with_a_reason_unless_required()
    {
        PostgresTestServer.SkipReasonFor(null, null).ShouldBe("PostgreSQL not configured: ./test.sh starts one; set CROSSCHECK_TEST_POSTGRES to run these tests");
        PostgresTestServer.SkipReasonFor(null, "1").ShouldBeNull("CROSSCHECK_REQUIRE_POSTGRES=1 makes them fail instead");
        PostgresTestServer.SkipReasonFor("Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres", null).ShouldBeNull();
    }

    [Fact]
    public void Only_databases_it_made_are_dropped()
    {
        Should.Throw<ArgumentException>(() => PostgresTestServer.Drop("Host=127.0.0.1;Username=postgres;Database=postgres"));
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
