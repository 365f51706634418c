using System.CommandLine;

namespace Crosscheck.Cli.Commands;

/// <summary>Options several commands share, so each reads the same way everywhere.</summary>
internal static class SharedOptions
{
    public static Option<string> Database(string defaultPath = "crosscheck.db") => new("--db")
    {
        Description = "SQLite database file",
        DefaultValueFactory = _ => defaultPath,
    };

    public static Option<long> MaxBytes() => new("--max-bytes")
    {
        Description = "Refuse inputs larger than this many bytes",
        DefaultValueFactory = _ => 20L * 1024 * 1024,
    };

    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files, directories (read recursively) or - for standard input",
        Arity = ArgumentArity.OneOrMore,
    };
}
