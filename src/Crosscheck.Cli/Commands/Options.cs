using System.CommandLine;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>Options several commands share, so each reads the same way everywhere.</summary>
internal static class SharedOptions
{
    /// <summary>The environment variable that names the database when <c>--db</c> is not given.</summary>
    public const string DatabaseVariable = "CROSSCHECK_DB";

    /// <summary>
    /// <c>--db FILE|postgres://…</c>: a SQLite file or a PostgreSQL location (<see cref="StoreLocation"/>). Not given, it is
    /// <c>CROSSCHECK_DB</c> when that is set (unless <paramref name="fromEnvironment"/> is false), else
    /// <paramref name="defaultPath"/>. An empty path, a folder, a file in a folder that does not exist or a malformed
    /// PostgreSQL location is a usage error, naming the variable when the value came from there.
    /// </summary>
    public static Option<string> Database(string defaultPath = "crosscheck.db", bool fromEnvironment = true)
    {
        var option = new Option<string>("--db")
        {
            Description = fromEnvironment
                ? $"Where the record is kept: a SQLite database file, or a PostgreSQL database as {StoreLocation.PostgresShape}; by default ${DatabaseVariable} when set"
                : "SQLite database file",
            // Help asks for the default with no parse around it (no parent): it is shown there without any password.
            DefaultValueFactory = result => (fromEnvironment ? EnvironmentDatabase() : null) is { } value
                ? (result.Parent is null ? HelpDefault(value) : value)
                : defaultPath,
        };
        option.Validators.Add(result =>
        {
            if (!result.Implicit)
            {
                var problem = DatabaseProblem(result.GetValueOrDefault<string>());
                if (problem is not null) result.AddError(problem);
            }
            else if (fromEnvironment && EnvironmentDatabase() is { } value && DatabaseProblem(value, $"{DatabaseVariable}=") is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>
    /// <c>--desk NAME</c>: the desk (<see cref="DeskName"/>) documents are stored into and linked within; not given, the
    /// default desk (the store as it was before desks). A malformed name is a usage error of one line.
    /// </summary>
    public static Option<string?> Desk(string what = "The desk to store into: its documents are linked with that desk's documents only (lowercase letters, digits and hyphens; by default the unnamed desk)")
    {
        var option = new Option<string?>("--desk") { Description = what };
        option.Validators.Add(result =>
        {
            if (!DeskName.TryParse(result.GetValueOrDefault<string?>(), out _, out var error) || result.GetValueOrDefault<string?>() is "")
                result.AddError("--desk " + (error?.Replace("desk name ", "", StringComparison.Ordinal) ?? "takes a name (lowercase letters, digits and hyphens)"));
        });
        return option;
    }

    /// <summary>The desk <c>--desk</c> names (checked by its validator), or the default desk.</summary>
    internal static DeskName DeskOf(string? value) => DeskName.Parse(value);

    /// <summary>The value of <c>CROSSCHECK_DB</c>, or null when it is unset or blank.</summary>
    internal static string? EnvironmentDatabase() =>
        Environment.GetEnvironmentVariable(DatabaseVariable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// What is wrong with a database given on the command line (or, with <paramref name="source"/> <c>"CROSSCHECK_DB="</c>,
    /// in the environment), or null. A PostgreSQL location must parse; a file path must be one a file can be made at.
    /// </summary>
    internal static string? DatabaseProblem(string? path, string source = "--db ")
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{source.TrimEnd(' ', '=')}: the database path is empty";
        if (!StoreLocation.TryParse(path, out var location, out var error)) return source + error;
        if (location.Kind == StoreKind.Postgres || location.IsMemory) return null;
        if (Directory.Exists(path)) return $"{source}{path}: is a folder, not a database file (for example {Path.Combine(path, "crosscheck.db")})";
        string? folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException or NotSupportedException)
        {
            return $"{source}{path}: not a usable path ({ex.Message})";
        }
        if (folder is not null && !Directory.Exists(folder)) return $"{source}{path}: the folder {folder} does not exist";
        return null;
    }

    /// <summary>What help shows as the default taken from CROSSCHECK_DB: a PostgreSQL location without its password.</summary>
    internal static string HelpDefault(string value) =>
        StoreLocation.TryParse(value, out var location, out _) ? location.Display : $"${DatabaseVariable} (not a usable location)";

    /// <summary><c>--urls</c>: addresses to listen on, separated by ';', each checked before anything starts.</summary>
    public static Option<string> Urls()
    {
        var option = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'",
            DefaultValueFactory = _ => ServeCommand.DefaultUrls,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? "";
            var addresses = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (addresses.Length == 0) result.AddError("--urls: no address given (for example http://127.0.0.1:5080)");
            foreach (var address in addresses)
            {
                try
                {
                    Microsoft.AspNetCore.Http.BindingAddress.Parse(address);
                }
                catch (FormatException)
                {
                    result.AddError($"--urls {address}: not an address to listen on (for example http://127.0.0.1:5080)");
                }
            }
        });
        return option;
    }

    /// <summary><c>--host NAME...</c>: the host names the server answers to; a URL or a name with a path is a usage error.</summary>
    public static Option<string[]> Hosts()
    {
        var option = new Option<string[]>("--host")
        {
            Description = "Host names requests may be addressed to (others get 400); by default localhost, 127.0.0.1 and [::1]. "
                + "Give the server's name when it listens beyond loopback",
            AllowMultipleArgumentsPerToken = true,
        };
        option.Validators.Add(result =>
        {
            foreach (var host in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (host.Length == 0 || host.Contains('/') || host.Any(char.IsWhiteSpace) || (host.Contains(':') && !host.StartsWith('[')))
                {
                    result.AddError($"--host {host}: not a host name (for example crosscheck.example.org, 10.0.0.5 or [::1], without scheme or port)");
                }
            }
        });
        return option;
    }

    public static Option<bool> RecoverDates() => new("--no-date-recovery")
    {
        Description = "Leave an article whose metadata has no publication date undated (by default it is dated from its dateline, URL or file name)",
    };

    public static Option<long> MaxBytes() => new("--max-bytes")
    {
        Description = "Refuse inputs larger than this many bytes",
        DefaultValueFactory = _ => 20L * 1024 * 1024,
    };

    /// <summary>Input paths. A word that starts with '-' (other than '-' alone) is an option this command does not have, never a file.</summary>
    public static Argument<string[]> Paths()
    {
        var argument = new Argument<string[]>("paths")
        {
            Description = "Files, directories (read recursively) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"{token.Value}: unknown option (a file whose name starts with '-' is given as ./{token.Value})");
            }
        });
        return argument;
    }

    public static Option<string[]> Gazetteers() => new("--gazetteer")
    {
        Description = "An extra gazetteer file in the data/gazetteers format (repeatable)",
    };

    /// <summary>The standard pipeline, with the user's gazetteer files when given; a bad file is a clear failure.</summary>
    public static Crosscheck.Language.LanguagePipeline PipelineWith(string[]? gazetteerFiles)
    {
        if (gazetteerFiles is null || gazetteerFiles.Length == 0) return Crosscheck.Language.StandardPipeline.Default;
        try
        {
            return Crosscheck.Language.StandardPipeline.With(Crosscheck.Language.Gazetteers.Gazetteer.Load(gazetteerFiles));
        }
        catch (Crosscheck.Language.Gazetteers.GazetteerException ex)
        {
            throw new CliFailure(ex.Message);
        }
    }
}
