using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Language.Parsing;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck train parser</c> and <c>crosscheck eval parser</c>: train the dependency parser on a CoNLL-U treebank
/// (Universal Dependencies English EWT by default) with the tags of our own tagger, and score it on dev and test.
/// </summary>
internal static class ParsingCommands
{
    private static string[] DefaultTrain() => [SharedDataFolder.PathTo("ud", "en_ewt", "en_ewt-ud-train.conllu")];
    private static string[] DefaultDev() => [SharedDataFolder.PathTo("ud", "en_ewt", "en_ewt-ud-dev.conllu")];
    private static string[] DefaultTest() => [SharedDataFolder.PathTo("ud", "en_ewt", "en_ewt-ud-test.conllu")];

    private static Option<string[]> FilesOption(string name, string description) => new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    public static Command TrainCommand(TextWriter stdout)
    {
        var data = FilesOption("--data", "CoNLL-U training files (default: ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu)");
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var defaults = new ParserTrainingOptions();
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training data", DefaultValueFactory = _ => defaults.Iterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle and of exploration", DefaultValueFactory = _ => defaults.Seed };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => defaults.MinFeatureCount };
        var tagger = new Option<string?>("--tagger") { Description = "Part-of-speech model whose tags the parser learns from (default: the built-in model)" };
        var command = new Command("parser", "Train the dependency parser on a CoNLL-U treebank") { data, output, iterations, seed, minCount, tagger };
        command.SetAction(parse =>
        {
            var options = defaults with { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed), MinFeatureCount = parse.GetValue(minCount) };
            if (options.Iterations is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            if (options.MinFeatureCount < 1) throw new UsageException("--min-count must be at least 1");
            var clock = Stopwatch.StartNew();
            var pos = TaggingCommands.LoadTagger(parse.GetValue(tagger));
            var paths = parse.GetValue(data) is { Length: > 0 } given ? given : DefaultTrain();
            var notes = new List<string>();
            var examples = new List<ParserExample>();
            foreach (var (file, sentences) in Read(paths))
            {
                var tokens = sentences.Sum(s => s.Length);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {sentences.Count:N0} sentences, {tokens:N0} words"));
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"data: {Path.GetFileName(file)}: {sentences.Count} sentences, {tokens} words"));
                examples.AddRange(sentences.Select(s => new ParserExample(s.Words, pos.Tag(s.Words), s.Heads, s.Relations)));
            }
            if (examples.Count == 0) throw new CliFailure($"no sentences in {string.Join(", ", paths)}");
            var taggerId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pos.Model.ToBytes()))[..16];
            notes.Add($"tags from the part-of-speech model with SHA-256 {taggerId}...");
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"iterations {options.Iterations}, seed {options.Seed}, min feature count {options.MinFeatureCount}, prune below {options.PruneBelow}"));
            DependencyParser parser;
            try
            {
                parser = ParserTrainer.Train(examples, options, notes, stdout.WriteLine);
            }
            catch (ArgumentException ex)
            {
                throw new CliFailure($"cannot train: {ex.Message}");
            }
            var bytes = parser.ToBytes();
            var outPath = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            AnalyzeCommand.WriteAtomically(outPath, s => s.Write(bytes));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained on {examples.Count:N0} sentences; {parser.Labels.Classes.Length + 1} relations; {parser.Transitions.FeatureCount:N0} transition and {parser.Labels.FeatureCount:N0} label features kept; {outPath}: {bytes.Length:N0} bytes; {clock.Elapsed.TotalSeconds:0.0} s"));
            return CrosscheckCli.Ok;
        });
        return command;
    }

    public static Command EvalCommand(TextWriter stdout)
    {
        var dev = FilesOption("--dev", "CoNLL-U files for choosing settings (default: EWT dev)");
        var test = FilesOption("--test", "CoNLL-U files reported (default: EWT test)");
        var model = new Option<string?>("--model") { Description = "Parser model (default: the built-in model)" };
        var tagger = new Option<string?>("--tagger") { Description = "Part-of-speech model (default: the built-in model)" };
        var command = new Command("parser", "Attachment scores (UAS, LAS) of the parser on dev and test, with our predicted tags") { dev, test, model, tagger };
        command.SetAction(parse =>
        {
            var pos = TaggingCommands.LoadTagger(parse.GetValue(tagger));
            DependencyParser parser;
            try
            {
                parser = parse.GetValue(model) is { } path ? DependencyParser.Load(path) : Models.Parser;
            }
            catch (ModelLoadException ex)
            {
                throw new CliFailure(ex.Message);
            }
            stdout.WriteLine("attachment scores over every word, punctuation included (as CoNLL 2018); our predicted tags; LAS counts the full relation, LAS-universal only its part before ':' (as CoNLL 2018):");
            foreach (var (split, paths) in new[] { ("dev", parse.GetValue(dev) is { Length: > 0 } d ? d : DefaultDev()), ("test", parse.GetValue(test) is { Length: > 0 } t ? t : DefaultTest()) })
            {
                foreach (var (file, sentences) in Read(paths))
                {
                    var score = Score(parser, pos, sentences);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {split} {file}: UAS {score.Uas:0.0000}  LAS {score.Las:0.0000}  LAS-universal {score.LasUniversal:0.0000}  ({score.Words:N0} words, {sentences.Count:N0} sentences); tags right {score.TagAccuracy:0.0000}; parsing {score.ParseRate:N0} words/s, tagging and parsing {score.Rate:N0} words/s on one thread"));
                }
            }
            return CrosscheckCli.Ok;
        });
        return command;
    }

    internal sealed record Scores(long Words, double Uas, double Las, double LasUniversal, double TagAccuracy, double ParseRate, double Rate);

    internal static Scores Score(DependencyParser parser, PosTagger pos, List<TreebankSentence> sentences)
    {
        long words = 0, heads = 0, labelled = 0, universal = 0, tagsRight = 0;
        var max = sentences.Count == 0 ? 0 : sentences.Max(s => s.Length);
        var tags = new string[max];
        var predictedHeads = new int[max];
        var relations = new string[max];
        var parseTime = new Stopwatch();
        var clock = Stopwatch.StartNew();
        foreach (var s in sentences)
        {
            var n = s.Length;
            pos.Tag(s.Words, tags);
            parseTime.Start();
            parser.Parse(s.Words, tags.AsSpan(0, n), predictedHeads, relations);
            parseTime.Stop();
            for (var i = 0; i < n; i++)
            {
                words++;
                if (tags[i] == TrainingCorpus.PennSpelling(s.Xpos[i])) tagsRight++;
                if (predictedHeads[i] != s.Heads[i]) continue;
                heads++;
                if (relations[i] == s.Relations[i]) labelled++;
                if (Universal(relations[i]).SequenceEqual(Universal(s.Relations[i]))) universal++;
            }
        }
        clock.Stop();
        double Ratio(long a) => words == 0 ? 0 : (double)a / words;
        return new Scores(words, Ratio(heads), Ratio(labelled), Ratio(universal), Ratio(tagsRight),
            words / Math.Max(1e-9, parseTime.Elapsed.TotalSeconds), words / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }

    private static ReadOnlySpan<char> Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    private static List<(string File, List<TreebankSentence> Sentences)> Read(IEnumerable<string> paths)
    {
        var read = new List<(string, List<TreebankSentence>)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new CliFailure($"{path}: file not found");
            try
            {
                read.Add((path, ConlluReader.ReadFile(path)));
            }
            catch (CorpusFormatException ex)
            {
                throw new CliFailure(ex.Message);
            }
            catch (IOException ex)
            {
                throw new CliFailure($"{path}: {ex.Message}");
            }
        }
        return read;
    }
}
