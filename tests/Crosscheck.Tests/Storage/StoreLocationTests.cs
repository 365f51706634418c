using Crosscheck.Storage;
using Npgsql;

namespace Crosscheck.Tests.Storage;

/// <summary>Where a store lives: file paths stay SQLite, postgres:// URIs become Npgsql settings, and no message shows a password.</summary>
public sealed class StoreLocationTests
{
    private const string Shape = "(postgres://user:password@host:port/database)";

    [Theory]
    [InlineData("crosscheck.db")]
    [InlineData("/var/lib/crosscheck/record.db")]
    [InlineData("../data/record.db")]
    [InlineData(":memory:")]
    [InlineData(@"C:\data\record.db")]
    [InlineData("notes:2024.db")]
    public void A_path_is_a_sqlite_file_kept_as_given(string text)
    {
        var location = StoreLocation.Parse(text);
        location.Kind.ShouldBe(StoreKind.Sqlite);
        location.Path.ShouldBe(text);
        location.Display.ShouldBe(text);
        location.IsMemory.ShouldBe(text == ":memory:");
        Should.Throw<InvalidOperationException>(() => location.ConnectionString).Message.ShouldBe($"{text} is a SQLite file, not a PostgreSQL database");
    }

    [Fact]
    public void A_postgres_uri_gives_every_part_to_npgsql()
    {
        var location = StoreLocation.Parse("postgres://alice:s3cret@db.example.org:6543/news?sslmode=require&application_name=crosscheck-worker&connect_timeout=7");
        location.Kind.ShouldBe(StoreKind.Postgres);
        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        settings.Host.ShouldBe("db.example.org");
        settings.Port.ShouldBe(6543);
        settings.Username.ShouldBe("alice");
        settings.Password.ShouldBe("s3cret");
        settings.Database.ShouldBe("news");
        settings.SslMode.ShouldBe(SslMode.Require);
        settings.ApplicationName.ShouldBe("crosscheck-worker");
        settings.Timeout.ShouldBe(7);
        location.Display.ShouldBe("postgres://alice:***@db.example.org:6543/news?sslmode=require&application_name=crosscheck-worker&connect_timeout=7");
        location.ToString().ShouldBe(location.Display);
        Should.Throw<InvalidOperationException>(() => location.Path).Message.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("postgresql://db.example.org/news", "db.example.org", 5432, null, "postgres://db.example.org:5432/news")]
    [InlineData("postgres:///news", "localhost", 5432, null, "postgres://localhost:5432/news")]
    [InlineData("POSTGRES://Bob@10.0.0.5/news", "10.0.0.5", 5432, "Bob", "postgres://Bob@10.0.0.5:5432/news")]
    [InlineData("postgres://carol:@[::1]:5433/news", "::1", 5433, "carol", "postgres://carol@[::1]:5433/news")]
    [InlineData("postgres://%2Fvar%2Frun%2Fpostgresql/news", "/var/run/postgresql", 5432, null, "postgres://%2Fvar%2Frun%2Fpostgresql:5432/news")]
    public void Host_port_and_user_have_libpq_s_defaults(string text, string host, int port, string? user, string display)
    {
        var location = StoreLocation.Parse(text);
        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        settings.Host.ShouldBe(host);
        settings.Port.ShouldBe(port);
        settings.Username.ShouldBe(user);
        settings.Password.ShouldBeNull();
        settings.Database.ShouldBe("news");
        location.Display.ShouldBe(display);
    }

    [Theory]
    [InlineData("p@ss:w/rd?#%&=+ ;\"'")]
    [InlineData("é中🙂")]
    [InlineData("+plus+")]
    public void User_password_and_database_are_percent_decoded(string odd)
    {
        var e = Uri.EscapeDataString(odd);
        var location = StoreLocation.Parse($"postgres://{e}:{e}@db.example.org/{e}");
        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        settings.Username.ShouldBe(odd);
        settings.Password.ShouldBe(odd);
        settings.Database.ShouldBe(odd);
        location.Display.ShouldBe($"postgres://{e}:***@db.example.org:5432/{e}");
    }

    [Fact]
    public void An_unescaped_at_sign_or_slash_in_the_password_still_reads_as_meant()
    {
        var settings = new NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgres://dave:a@b/c@db.example.org/news").ConnectionString);
        settings.Password.ShouldBe("a@b/c");
        settings.Host.ShouldBe("db.example.org");
        settings.Database.ShouldBe("news");
    }

    [Theory]
    [InlineData("postgres://alice:s3cret@db.example.org", "postgres://alice:***@db.example.org: no database name " + Shape)]
    [InlineData("postgres://alice:s3cret@db.example.org/", "postgres://alice:***@db.example.org/: no database name " + Shape)]
    [InlineData("postgres://alice:s3cret@db.example.org:port/news", "postgres://alice:***@db.example.org:port/news: port 'port' is not a number from 1 to 65535")]
    [InlineData("postgres://db.example.org:0/news", "postgres://db.example.org:0/news: port '0' is not a number from 1 to 65535")]
    [InlineData("postgres://db.example.org:65536/news", "postgres://db.example.org:65536/news: port '65536' is not a number from 1 to 65535")]
    [InlineData("postgres://db.example.org:/news", "postgres://db.example.org:/news: ':' after the host but no port")]
    [InlineData("mysql://alice:s3cret@db.example.org/news", "mysql://alice:***@db.example.org/news: unknown scheme 'mysql://' (PostgreSQL is postgres://user:password@host:port/database; SQLite is a file path)")]
    [InlineData("sqlite://record.db", "sqlite://record.db: unknown scheme 'sqlite://' (PostgreSQL is postgres://user:password@host:port/database; SQLite is a file path)")]
    [InlineData("postgres:/x", "postgres:/x: a PostgreSQL location starts with postgres:// " + Shape)]
    [InlineData("postgresql:alice:s3cret@db.example.org/news", "postgresql:alice:***@db.example.org/news: a PostgreSQL location starts with postgresql:// " + Shape)]
    [InlineData("postgres://db.example.org/news/2024", "postgres://db.example.org/news/2024: the database name 'news/2024' has a '/' (a database name is one path segment; a '/' in it is written %2F)")]
    [InlineData("postgres://db1,db2/news", "postgres://db1,db2/news: several hosts are not supported (give one host)")]
    [InlineData("postgres://[::1/news", "postgres://[::1/news: an IPv6 host opened with '[' is not closed with ']'")]
    [InlineData("postgres://db example/news", "postgres://db example/news: 'db example' is not a host name")]
    [InlineData("postgres://:s3cret@db.example.org/news", "postgres://:***@db.example.org/news: a password without a user name " + Shape)]
    [InlineData("postgres://alice:s3#cret@db.example.org/news", "postgres://alice:***@db.example.org/news: '#' is not allowed (a '#' in a password or name is written %23)")]
    [InlineData("postgres://alice:s3cret%zz@db.example.org/news", "postgres://alice:***@db.example.org/news: the password has a '%' not followed by two hex digits (a '%' itself is written %25)")]
    [InlineData("postgres://alice:s3cret@db.example.org/news%", "postgres://alice:***@db.example.org/news%: the database name has a '%' not followed by two hex digits (a '%' itself is written %25)")]
    [InlineData("postgres://%ff@db.example.org/news", "postgres://%ff@db.example.org/news: the user name is not UTF-8 once its percent escapes are decoded")]
    [InlineData("postgres://db.example.org/news?sslmode=sometimes", "postgres://db.example.org/news?sslmode=sometimes: sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("postgres://db.example.org/news?colour=blue", "postgres://db.example.org/news?colour=blue: unknown option 'colour' (known: sslmode, sslrootcert, sslcert, sslkey, application_name, connect_timeout, options)")]
    [InlineData("postgres://db.example.org/news?sslmode", "postgres://db.example.org/news?sslmode: the option 'sslmode' has no value (write name=value)")]
    [InlineData("postgres://db.example.org/news?sslmode=require&sslmode=disable", "postgres://db.example.org/news?sslmode=require&sslmode=disable: the option sslmode is given twice")]
    [InlineData("postgres://db.example.org/news?connect_timeout=soon", "postgres://db.example.org/news?connect_timeout=soon: connect_timeout 'soon' is not a number of seconds from 0 to 1024")]
    public void A_malformed_location_is_one_line_naming_what_is_wrong_without_the_password(string text, string error)
    {
        StoreLocation.TryParse(text, out var location, out var message).ShouldBeFalse();
        location.ShouldBeNull();
        message.ShouldBe(error);
        message.ShouldNotContain("s3cret");
        message.ShouldNotContain("\n");
        Should.Throw<FormatException>(() => StoreLocation.Parse(text)).Message.ShouldBe(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_location_is_an_error(string? text)
    {
        StoreLocation.TryParse(text, out _, out var message).ShouldBeFalse();
        message.ShouldBe("the database location is empty (a SQLite file such as crosscheck.db, or postgres://user:password@host:port/database)");
    }

    [Fact]
    public void Locations_that_reach_the_same_database_are_equal()
    {
        StoreLocation.Parse("postgresql://alice@db.example.org/news").ShouldBe(StoreLocation.Parse("postgres://alice@db.example.org:5432/news"));
        StoreLocation.Parse("postgres://alice@db.example.org/news").ShouldNotBe(StoreLocation.Parse("postgres://alice@db.example.org/archive"));
        StoreLocation.Parse("record.db").ShouldBe(StoreLocation.Parse("record.db"));
        StoreLocation.Parse("record.db").GetHashCode().ShouldBe(StoreLocation.Parse("record.db").GetHashCode());
    }
}
