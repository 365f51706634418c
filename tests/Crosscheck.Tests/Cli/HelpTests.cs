using System.CommandLine;
using System.Text.RegularExpressions;
using Crosscheck.Cli;

namespace Crosscheck.Tests.Cli;

/// <summary>Every command's help runs and speaks of <c>crosscheck</c>, and README's Commands section lists the commands and options there are.</summary>
public sealed partial class HelpTests
{
    private static readonly Command Root = CrosscheckCli.Create(TextWriter.Null, TextWriter.Null);

    /// <summary>Every command below the root, as the words that call it ("eval seeds").</summary>
    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            yield return (subPath, sub);
            foreach (var deeper in Commands(sub, subPath)) yield return deeper;
        }
    }

    [Fact]
    public void Every_command_s_help_runs_and_its_usage_line_starts_with_crosscheck()
    {
        var commands = Commands(Root, "").ToList();
        commands.Count.ShouldBeGreaterThan(20);
        foreach (var (path, _) in commands.Prepend(("", Root)))
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            CrosscheckCli.Run([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"], stdout, stderr).ShouldBe(0, path);
            stderr.ToString().ShouldBeEmpty(path);
            var usage = (path + " ").TrimStart();
            stdout.ToString().ShouldContain($"Usage:\n  crosscheck {usage}", Case.Sensitive, path);
        }
    }

    [Fact]
    public void The_built_tool_calls_itself_crosscheck_not_its_assembly_name()
    {
        var (code, stdout, stderr) = CliRunner.Run(["serve", "--help"]);
        code.ShouldBe(0);
        stderr.ShouldBeEmpty();
        stdout.ShouldContain("Usage:\n  crosscheck serve [options]");
        stdout.ShouldNotContain("Crosscheck.Cli");
    }

    [Fact]
    public void README_names_every_command_and_each_command_line_lists_exactly_its_options()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("\n## Commands\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var lines = readme[start..end].Split('\n').Where(l => l.StartsWith("crosscheck ", StringComparison.Ordinal)).ToList();
        var commands = Commands(Root, "").ToDictionary(c => c.Path, c => c.Command);

        var named = new HashSet<string>();
        foreach (var line in lines)
        {
            // "crosscheck eval case2021 | plover | gvdb   (see ...)" names several commands, their options told elsewhere.
            var pieces = line["crosscheck ".Length..].Split("  (")[0].Split(" | ");
            var first = Words().Match(pieces[0]).Value.Trim();
            var group = first.Split(' ')[0];
            foreach (var piece in pieces.Skip(1))
            {
                var words = Words().Match(piece.Trim()).Value.Trim();
                var path = commands.ContainsKey(words) ? words : group + " " + words;
                commands.ShouldContainKey(path, line);
                named.Add(path);
            }
            commands.ShouldContainKey(first, line);
            named.Add(first);
            if (pieces.Length > 1) continue;
            var options = commands[first].Options.Where(o => o.Name != "--help").Select(o => o.Name).Order().ToList();
            var listed = Options().Matches(pieces[0]).Select(m => m.Value).Distinct().Order().ToList();
            listed.ShouldBe(options, $"README: {line}");
        }
        // Every command that does something is named (groups such as "eval" only hold others).
        commands.Where(c => c.Value.Subcommands.Count == 0).Select(c => c.Key).Except(named).ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }

    /// <summary>The command words at the start of a README line: lower-case words and digits, up to the first argument or option.</summary>
    [GeneratedRegex(@"^([a-z][a-z0-9-]*( |$))+")]
    private static partial Regex Words();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex Options();
}
