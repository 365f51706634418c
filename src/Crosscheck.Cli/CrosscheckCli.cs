using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Crosscheck.Cli.Bench;
using Crosscheck.Cli.Commands;
using Crosscheck.Cli.Eval;

namespace Crosscheck.Cli;

/// <summary>The <c>crosscheck</c> command line. Exit codes: 0 all inputs succeeded, 1 some failed, 2 usage errors.</summary>
public static class CrosscheckCli
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageError = 2;

    /// <summary>The name in every usage line, whatever the executable is called (RootCommand would take Crosscheck.Cli).</summary>
    public const string Name = "crosscheck";

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        var parse = Create(output, errors).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per error, the help to read on the same line.
            var help = CommandLine(parse.CommandResult);
            foreach (var e in parse.Errors) errors.WriteLine($"{Name}: {e.Message.TrimEnd('.')} (see '{help} --help')");
            return UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            errors.WriteLine($"crosscheck: {ex.Message}");
            return UsageError;
        }
        catch (CliFailure ex)
        {
            errors.WriteLine($"crosscheck: {ex.Message}");
            return SomeFailed;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // The database or the disk failed the whole command (a full disk, a locked file): what it said, in one line.
            errors.WriteLine($"crosscheck: {OneLine(ex.Message)}");
            return SomeFailed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault of Crosscheck itself: one line a user can report; the trace only when asked for.
            errors.WriteLine($"crosscheck: stopped by an internal error ({ex.GetType().Name}: {OneLine(ex.Message)}); set CROSSCHECK_DEBUG=1 to see where");
            if (Environment.GetEnvironmentVariable("CROSSCHECK_DEBUG") is { Length: > 0 }) errors.WriteLine(ex);
            return SomeFailed;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    /// <summary>The command tree, its root named <see cref="Name"/>, with help and version as RootCommand has them.</summary>
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var root = new Command(Name, "Crosscheck: turns news articles into a sourced record.") { new HelpOption(), new VersionOption() };
        root.Subcommands.Add(IngestCommand.Create(output, errors));
        root.Subcommands.Add(AnalyzeCommand.Create(output, errors));
        root.Subcommands.Add(ExportCommand.Create(output, errors));
        root.Subcommands.Add(ReprocessCommand.Create(output, errors));
        root.Subcommands.Add(ServeCommand.Create(output, errors));
        root.Subcommands.Add(WatchCommand.Create(output, errors));
        root.Subcommands.Add(WorkerCommand.Create(output, errors));
        root.Subcommands.Add(DemoCommand.Create(output, errors));
        root.Subcommands.Add(UsersCommand.Create(output, errors));
        root.Subcommands.Add(BenchCommand.Create(output, errors));
        root.Subcommands.Add(TaggingCommands.Train(output));
        root.Subcommands.Add(EvalCommand.Create(output, errors));
        root.Subcommands.Add(GazetteerCommand.Create(output, errors));
        return root;
    }

    /// <summary>"crosscheck eval seeds" for the result of eval seeds.</summary>
    private static string CommandLine(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult c) names.Add(c.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}

/// <summary>A mistake in how the command was called: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A clear, expected failure of the whole command (a database that cannot be opened): exit code 1.</summary>
public sealed class CliFailure(string message) : Exception(message);
