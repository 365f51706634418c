using System.CommandLine;
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

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        var root = new RootCommand("Crosscheck: turns news articles into a sourced record.");
        root.Subcommands.Add(IngestCommand.Create(output, errors));
        root.Subcommands.Add(AnalyzeCommand.Create(output, errors));
        root.Subcommands.Add(ExportCommand.Create(output, errors));
        root.Subcommands.Add(ServeCommand.Create(output, errors));
        root.Subcommands.Add(DemoCommand.Create(output, errors));
        root.Subcommands.Add(BenchCommand.Create(output, errors));
        root.Subcommands.Add(TaggingCommands.Train(output));
        root.Subcommands.Add(EvalCommand.Create(output, errors));
        root.Subcommands.Add(GazetteerCommand.Create(output, errors));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) errors.WriteLine($"crosscheck: {e.Message}");
            errors.WriteLine("Run 'crosscheck --help' for usage.");
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
    }
}

/// <summary>A mistake in how the command was called: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A clear, expected failure of the whole command (a database that cannot be opened): exit code 1.</summary>
public sealed class CliFailure(string message) : Exception(message);
