using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Language.Parsing;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck train clusters</c>: learns word classes for the parser from the unlabelled news text in ../shared/data
/// (ECB+, PolNeAR train, GVDB, CASE 2021) and the words of the EWT training treebank (<see cref="UnlabelledText"/>).
/// </summary>
internal static class ClusterCommands
{
    public const string DefaultPath = "models/word-clusters.tsv";

    /// <summary>
    /// The committed word classes: <see cref="DefaultPath"/> under the repository (the folder with Crosscheck.slnx above
    /// the working folder or the program), or relative to the working folder when no repository is found.
    /// </summary>
    public static string CommittedPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return Path.Combine(dir.FullName, DefaultPath);
        return DefaultPath;
    }

    public static Command TrainCommand(TextWriter stdout)
    {
        var output = new Option<string>("--out") { Description = "Word class file to write", DefaultValueFactory = _ => DefaultPath };
        var classes = new Option<int>("--classes") { Description = "Number of word classes", DefaultValueFactory = _ => 256 };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times share one class", DefaultValueFactory = _ => 3 };
        var passes = new Option<int>("--passes") { Description = "Passes of the exchange algorithm over the words", DefaultValueFactory = _ => 12 };
        var command = new Command("clusters", "Learn word classes for the dependency parser from unlabelled text in ../shared/data") { output, classes, minCount, passes };
        command.SetAction(parse =>
        {
            var classCount = parse.GetValue(classes);
            if (classCount is < 2 or > 1000) throw new UsageException("--classes must be 2 to 1000");
            if (parse.GetValue(minCount) < 1) throw new UsageException("--min-count must be at least 1");
            if (parse.GetValue(passes) is < 1 or > 100) throw new UsageException("--passes must be 1 to 100");
            var clock = Stopwatch.StartNew();
            var shared = Path.Combine(SharedDataFolder.Find(), "data");
            var sentences = UnlabelledText.Read(shared, [Path.Combine(shared, "ud", "en_ewt", "en_ewt-ud-train.conllu")]).ToList();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentences.Count:N0} sequences, {sentences.Sum(s => (long)s.Count):N0} words"));
            var result = ClusterTrainer.Train(sentences, classCount, parse.GetValue(minCount), parse.GetValue(passes), stdout.WriteLine);
            var bytes = new WordClusters(result).ToBytes();
            var outPath = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            AnalyzeCommand.WriteAtomically(outPath, s => s.Write(bytes));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Count:N0} words in {classCount} classes; {outPath}: {bytes.Length:N0} bytes; {clock.Elapsed.TotalSeconds:0.0} s"));
            return CrosscheckCli.Ok;
        });
        return command;
    }
}
