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
