using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Crosscheck.Storage;

/// <summary>The engines a store can live in.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file (or <c>:memory:</c>): one machine, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by many processes and machines.</summary>
    Postgres,
}

/// <summary>
/// Where a store lives: a SQLite file path (<c>:memory:</c> included) or a PostgreSQL database written as
/// <c>postgres://user:password@host:port/database?sslmode=require</c> (or <c>postgresql://</c>). Only
/// <see cref="Parse"/> and <see cref="TryParse"/> make one, so every instance is usable; neither <see cref="Display"/>,
/// <see cref="ToString"/> nor any error message ever shows the password.
/// </summary>
public sealed partial class StoreLocation : IEquatable<StoreLocation>
{
    public const string DefaultHost = "localhost";
    public const int DefaultPort = 5432;

    /// <summary>The shape of a PostgreSQL location, quoted in error messages.</summary>
    public const string PostgresShape = "postgres://user:password@host:port/database";

    // The libpq query options a location may carry; anything else is refused rather than silently ignored.
    private static readonly string[] KnownOptions = ["sslmode", "sslrootcert", "sslcert", "sslkey", "application_name", "connect_timeout", "options"];

    private static readonly (string Name, SslMode Mode)[] SslModes =
    [
        ("disable", SslMode.Disable), ("allow", SslMode.Allow), ("prefer", SslMode.Prefer),
        ("require", SslMode.Require), ("verify-ca", SslMode.VerifyCA), ("verify-full", SslMode.VerifyFull),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? _path;
    private readonly string? _connectionString;

    private StoreLocation(StoreKind kind, string? path, string? connectionString, string display)
    {
        Kind = kind;
        _path = path;
        _connectionString = connectionString;
        Display = display;
    }

    public StoreKind Kind { get; }

    /// <summary>The SQLite file as given (or <c>:memory:</c>); only for <see cref="StoreKind.Sqlite"/>.</summary>
    public string Path => _path ?? throw new InvalidOperationException($"{Display} is a PostgreSQL database, not a SQLite file");

    /// <summary>The Npgsql connection string (keyword form, password included); only for <see cref="StoreKind.Postgres"/>.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException($"{Display} is a SQLite file, not a PostgreSQL database");

    /// <summary>The location for people and logs: the file path, or the URI with <c>***</c> in place of any password.</summary>
    public string Display { get; }

    public bool IsMemory => Kind == StoreKind.Sqlite && _path == ":memory:";

    /// <summary>Reads a location; a malformed one is a <see cref="FormatException"/> whose message is one line naming what is wrong.</summary>
    public static StoreLocation Parse(string text) =>
        TryParse(text, out var location, out var error) ? location : throw new FormatException(error);

    /// <summary>Reads a location; when it cannot, <paramref name="error"/> is one line naming what is wrong (never the password).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StoreLocation? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"the database location is empty (a SQLite file such as crosscheck.db, or {PostgresShape})";
            return false;
        }
        var scheme = SchemeOf(text);
        if (scheme is null)
        {
            location = new StoreLocation(StoreKind.Sqlite, text, null, text);
            error = null;
            return true;
        }
        if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{Redact(text)}: unknown scheme '{scheme}://' (PostgreSQL is {PostgresShape}; SQLite is a file path)";
            return false;
        }
        if (string.CompareOrdinal(text, scheme.Length, "://", 0, 3) != 0)
        {
            error = $"{Redact(text)}: a PostgreSQL location starts with {scheme}:// ({PostgresShape})";
            return false;
        }
        var problem = ParsePostgres(text[(scheme.Length + 3)..], out location);
        error = problem is null ? null : $"{Redact(text)}: {problem}";
        return problem is null;
    }

    public bool Equals(StoreLocation? other) =>
        other is not null && Kind == other.Kind && _path == other._path && _connectionString == other._connectionString && Desk == other.Desk;

    public override bool Equals(object? obj) => Equals(obj as StoreLocation);

    public override int GetHashCode() => HashCode.Combine(Kind, _path, _connectionString, Desk);

    public override string ToString() => Display;

    /// <summary>
    /// The scheme when the text is meant as a URI: any <c>name://</c>, or <c>postgres:</c>/<c>postgresql:</c> however it
    /// goes on (so <c>postgres:/x</c> is a mistake, not a file). Anything else is a file path, <c>C:\data\x.db</c> included.
    /// </summary>
    private static string? SchemeOf(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 2 || !char.IsAsciiLetter(text[0])) return null;
        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return null;
        }
        var scheme = text[..colon];
        if (string.CompareOrdinal(text, colon, "://", 0, 3) == 0) return scheme;
        return scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? scheme : null;
    }

    /// <summary>Parses what follows <c>postgres://</c>; returns the problem, or null with the location made.</summary>
    private static string? ParsePostgres(string rest, out StoreLocation? location)
    {
        location = null;
        if (rest.Contains('#')) return "'#' is not allowed (a '#' in a password or name is written %23)";
        var query = "";
        var questionMark = rest.IndexOf('?');
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        // The user information ends at the last '@', so an unescaped '@' or '/' in a password still reads as meant.
        string? user = null, password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':');
            var rawUser = colon < 0 ? userInfo : userInfo[..colon];
            if (!TryDecode(rawUser, "the user name", out user, out var problem)) return problem;
            if (colon >= 0)
            {
                if (!TryDecode(userInfo[(colon + 1)..], "the password", out password, out problem)) return problem;
            }
            if (user.Length == 0 && password is { Length: > 0 }) return $"a password without a user name ({PostgresShape})";
            if (user.Length == 0) user = null;
            if (password is { Length: 0 }) password = null;
        }

        var slash = rest.IndexOf('/');
        var hostPort = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];

        string rawHost, rawPort;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return "an IPv6 host opened with '[' is not closed with ']'";
            rawHost = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && after[0] != ':') return $"unexpected '{after}' after the IPv6 host (write [address]:port)";
            rawPort = after.Length > 0 ? after : "";
        }
        else
        {
            if (hostPort.Contains(',')) return "several hosts are not supported (give one host)";
            var colon = hostPort.IndexOf(':');
            rawHost = colon < 0 ? hostPort : hostPort[..colon];
            rawPort = colon < 0 ? "" : hostPort[colon..];
        }

        if (!TryDecode(rawHost, "the host", out var host, out var hostProblem)) return hostProblem;
        if (host.Length == 0) host = DefaultHost;
        // A decoded host that starts with '/' is the folder of a Unix socket, as libpq and Npgsql read it.
        else if (!host.StartsWith('/') && Uri.CheckHostName(host) == UriHostNameType.Unknown) return $"'{host}' is not a host name";

        var port = DefaultPort;
        if (rawPort.Length > 0)
        {
            var digits = rawPort[1..];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return digits.Length == 0 ? "':' after the host but no port" : $"port '{digits}' is not a number from 1 to 65535";
            }
        }

        if (path.Length == 0) return $"no database name ({PostgresShape})";
        if (path.Contains('/')) return $"the database name '{path}' has a '/' (a database name is one path segment; a '/' in it is written %2F)";
        if (!TryDecode(path, "the database name", out var database, out var databaseProblem)) return databaseProblem;
        if (database.Contains('\0')) return "the database name has a NUL character";

        var builder = new NpgsqlConnectionStringBuilder { Host = host, Port = port, Database = database };
        if (user is not null) builder.Username = user;
        if (password is not null) builder.Password = password;
        var shown = new List<string>();
        if (query.Length > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in query.Split('&'))
            {
                if (pair.Length == 0) continue;
                var equals = pair.IndexOf('=');
                if (equals < 0) return $"the option '{pair}' has no value (write name=value)";
                if (!TryDecode(pair[..equals], "an option name", out var name, out var problem)) return problem;
                if (!TryDecode(pair[(equals + 1)..], $"the option {name}", out var value, out problem)) return problem;
                if (!KnownOptions.Contains(name)) return $"unknown option '{name}' (known: {string.Join(", ", KnownOptions)})";
                if (!seen.Add(name)) return $"the option {name} is given twice";
                problem = Apply(builder, name, value);
                if (problem is not null) return problem;
                shown.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        var display = new StringBuilder("postgres://");
        if (user is not null)
        {
            display.Append(Uri.EscapeDataString(user));
            if (password is not null) display.Append(":***");
            display.Append('@');
        }
        display.Append(host.Contains(':') ? $"[{host}]" : Uri.EscapeDataString(host)).Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        display.Append('/').Append(Uri.EscapeDataString(database));
        if (shown.Count > 0) display.Append('?').AppendJoin('&', shown);
        location = new StoreLocation(StoreKind.Postgres, null, builder.ConnectionString, display.ToString());
        return null;
    }

    /// <summary>Maps one libpq query option onto Npgsql's setting; returns the problem with its value, or null.</summary>
    private static string? Apply(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
                foreach (var (modeName, mode) in SslModes)
                {
                    if (modeName == value)
                    {
                        builder.SslMode = mode;
                        return null;
                    }
                }
                return $"sslmode '{value}' is not one of {string.Join(", ", SslModes.Select(m => m.Name))}";
            case "connect_timeout":
                // libpq waits forever on 0; Npgsql's 0 means the same, and it accepts at most 1024 seconds.
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 1024)
                {
                    return $"connect_timeout '{value}' is not a number of seconds from 0 to 1024";
                }
                builder.Timeout = seconds;
                return null;
            case "sslrootcert":
                builder.RootCertificate = value;
                return null;
            case "sslcert":
                builder.SslCertificate = value;
                return null;
            case "sslkey":
                builder.SslKey = value;
                return null;
            case "application_name":
                builder.ApplicationName = value;
                return null;
            case "options":
                builder.Options = value;
                return null;
            default:
                throw new InvalidOperationException($"option {name} is known but not mapped");
        }
    }

    /// <summary>Percent-decodes one part of a URI as UTF-8; '+' stays '+', as libpq reads it.</summary>
    private static bool TryDecode(string part, string what, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? problem)
    {
        decoded = null;
        problem = null;
        if (!part.Contains('%'))
        {
            decoded = part;
            return true;
        }
        var bytes = new List<byte>(part.Length);
        var literal = 0;
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '%') continue;
            bytes.AddRange(Encoding.UTF8.GetBytes(part[literal..i]));
            // Never quote the text: it may be part of a password.
            if (i + 2 >= part.Length || !char.IsAsciiHexDigit(part[i + 1]) || !char.IsAsciiHexDigit(part[i + 2]))
            {
                problem = $"{what} has a '%' not followed by two hex digits (a '%' itself is written %25)";
                return false;
            }
            bytes.Add(byte.Parse(part.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i += 2;
            literal = i + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(part[literal..]));
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            problem = $"{what} is not UTF-8 once its percent escapes are decoded";
            return false;
        }
    }

    /// <summary>The text with whatever stands where a password would (between the first ':' of the user information and its last '@') replaced by ***.</summary>
    private static string Redact(string text)
    {
        var start = text.IndexOf(':') + 1;
        while (start < text.Length && text[start] == '/') start++;
        var at = text.LastIndexOf('@');
        if (at < start) return text;
        var colon = text.IndexOf(':', start);
        if (colon < 0 || colon > at) return text;
        return text[..(colon + 1)] + "***" + text[at..];
    }
}
