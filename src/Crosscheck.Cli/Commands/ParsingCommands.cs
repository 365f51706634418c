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
        var output = new Option<string?>("--out") { Description = "Model file to write (required but with --tagger-only)" };
        var defaults = new ParserTrainingOptions();
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training data", DefaultValueFactory = _ => defaults.Iterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle and of exploration", DefaultValueFactory = _ => defaults.Seed };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => defaults.MinFeatureCount };
        var tagger = new Option<string?>("--tagger") { Description = "Learn from the tags of this part-of-speech model (or 'builtin' for the built-in one) instead of training the parser's own tagger on the treebank" };
        var folds = new Option<int>("--tagger-folds") { Description = "The parser learns from its own tagger's tags on the training data, each part tagged by a tagger trained on the other parts", DefaultValueFactory = _ => 5 };
        var ensemble = new Option<int>("--ensemble") { Description = "Train this many parsers (seeds --seed, --seed + 1, ...) and average their weights", DefaultValueFactory = _ => defaults.Ensemble };
        var clusters = new Option<string?>("--clusters") { Description = $"Word classes for the parser's features ('crosscheck train clusters'), or 'none' (default: the repository's {ClusterCommands.DefaultPath})" };
        var beam = new Option<int>("--beam") { Description = "Keep this many partial parses (1: greedy, trained with the dynamic oracle; more: trained globally, and the model parses with that beam)", DefaultValueFactory = _ => defaults.Beam };
        var maxViolation = new Option<bool>("--max-violation") { Description = "With --beam: update at the step where the best parse beats the right one the most, not where the right one leaves the beam" };
        var taggerOnly = new Option<bool>("--tagger-only") { Description = "Train only the parser's own tagger on all the training data (no folds, no parser), print its tags right on --dev and write nothing" };
        var taggerDev = FilesOption("--dev", "With --tagger-only: CoNLL-U files to score the tagger on (default: EWT dev)");
        var command = new Command("parser", "Train the dependency parser (and its own tagger) on a CoNLL-U treebank") { data, output, iterations, seed, minCount, tagger, folds, clusters, ensemble, beam, maxViolation, taggerOnly, taggerDev };
        command.SetAction(parse =>
        {
            var options = defaults with { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed), MinFeatureCount = parse.GetValue(minCount), Ensemble = parse.GetValue(ensemble), Beam = parse.GetValue(beam), MaxViolation = parse.GetValue(maxViolation) };
            if (options.Iterations is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            if (options.MinFeatureCount < 1) throw new UsageException("--min-count must be at least 1");
            if (options.Ensemble is < 1 or > 20) throw new UsageException("--ensemble must be 1 to 20");
            if (options.Beam is < 1 or > DependencyParser.MaxBeam) throw new UsageException($"--beam must be 1 to {DependencyParser.MaxBeam}");
            var foldCount = parse.GetValue(folds);
            if (foldCount is < 2 or > 20) throw new UsageException("--tagger-folds must be 2 to 20");
            if (parse.GetValue(output) is null && !parse.GetValue(taggerOnly)) throw new UsageException("--out is required (but with --tagger-only)");
            var clock = Stopwatch.StartNew();
            var clusterPath = parse.GetValue(clusters) ?? ClusterCommands.CommittedPath();
            WordClusters? wordClasses;
            try
            {
                wordClasses = clusterPath == "none" ? null : WordClusters.Load(clusterPath);
            }
            catch (ModelLoadException ex)
            {
                throw new CliFailure(ex.Message);
            }
            var taggerPath = parse.GetValue(tagger);
            var given = taggerPath is null ? null : TaggingCommands.LoadTagger(taggerPath == "builtin" ? null : taggerPath);
            var paths = parse.GetValue(data) is { Length: > 0 } files ? files : DefaultTrain();
            var notes = new List<string>();
            var treebank = new List<TreebankSentence>();
            foreach (var (file, sentences) in Read(paths))
            {
                var tokens = sentences.Sum(s => s.Length);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {sentences.Count:N0} sentences, {tokens:N0} words"));
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"data: {Path.GetFileName(file)}: {sentences.Count} sentences, {tokens} words"));
                treebank.AddRange(sentences);
            }
            if (treebank.Count == 0) throw new CliFailure($"no sentences in {string.Join(", ", paths)}");
            if (parse.GetValue(taggerOnly))
            {
                ScoreOwnTagger(OwnTagger.TrainAll(treebank, options.Seed, wordClasses), parse.GetValue(taggerDev) is { Length: > 0 } d ? d : DefaultDev(), clock, stdout);
                return CrosscheckCli.Ok;
            }
            DependencyParser parser;
            try
            {
                string[][] tags;
                PosTagger? own = null;
                if (given is not null)
                {
                    tags = [.. treebank.Select(s => given.Tag(s.Words))];
                    var taggerId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(given.Model.ToBytes()))[..16];
                    notes.Add($"tags from the part-of-speech model with SHA-256 {taggerId}...");
                }
                else
                {
                    (own, tags) = OwnTagger.Train(treebank, foldCount, options.Seed, stdout, wordClasses);
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"tags from the parser's own tagger, trained on the treebank's XPOS; the parser learned from {foldCount}-fold jackknifed tags"));
                }
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"iterations {options.Iterations}, seed {options.Seed}, min feature count {options.MinFeatureCount}, prune below {options.PruneBelow}{(options.Beam > 1 ? $", beam {options.Beam}" : "")}"));
                var examples = treebank.Select((s, i) => new ParserExample(s.Words, tags[i], s.Heads, s.Relations)).ToList();
                if (wordClasses is not null)
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"word classes: {wordClasses.Words.Length} words in {wordClasses.Count} classes from {Path.GetFileName(clusterPath)}"));
                parser = ParserTrainer.Train(examples, options, notes, stdout.WriteLine, own, wordClasses);
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
                $"trained on {treebank.Count:N0} sentences; {parser.Labels.Classes.Length + 1} relations; {parser.Transitions.FeatureCount:N0} transition and {parser.Labels.FeatureCount:N0} label features kept; {outPath}: {bytes.Length:N0} bytes; {clock.Elapsed.TotalSeconds:0.0} s"));
            return CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// The share of right tags of the parser's own tagger alone: the cheap measure of a tagger change (one tagger's training,
    /// no folds and no parser), as the parser's evaluation counts them (every word, the treebank's XPOS in Penn spelling).
    /// </summary>
    private static void ScoreOwnTagger(PosTagger tagger, string[] paths, Stopwatch clock, TextWriter stdout)
    {
        foreach (var (file, sentences) in Read(paths))
        {
            long right = 0, total = 0;
            foreach (var s in sentences)
            {
                var tags = tagger.Tag(s.Words);
                for (var i = 0; i < s.Length; i++) if (tags[i] == TrainingCorpus.PennSpelling(s.Xpos[i])) right++;
                total += s.Length;
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"own tagger (features version {tagger.Model.FeatureVersion}, {tagger.Model.FeatureCount:N0} features kept) on {file}: {100.0 * right / Math.Max(1, total):0.00}% of {total:N0} tags right; {clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    public static Command EvalCommand(TextWriter stdout)
    {
        var dev = FilesOption("--dev", "CoNLL-U files for choosing settings (default: EWT dev)");
        var test = FilesOption("--test", "CoNLL-U files reported (default: EWT test)");
        var model = new Option<string?>("--model") { Description = "Parser model (default: the built-in model)" };
        var tagger = new Option<string?>("--tagger") { Description = "Part-of-speech model (default: the built-in model)" };
        var details = new Option<bool>("--details") { Description = "Also print attachment by gold relation (the ten most frequent)" };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Parse from the treebank's own tags (XPOS) instead of predicted ones, to measure what tagging errors cost" };
        var command = new Command("parser", "Attachment scores (UAS, LAS) of the parser on dev and test, with our predicted tags, and its speed") { dev, test, model, tagger, details, goldTags };
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
            List<TreebankSentence>? last = null;
            stdout.WriteLine($"attachment scores over every word, punctuation included (as CoNLL 2018); {(parse.GetValue(goldTags) ? "the treebank's gold tags" : "our predicted tags")}; LAS counts the full relation, LAS-universal only its part before ':' (as CoNLL 2018):");
            foreach (var (split, paths) in new[] { ("dev", parse.GetValue(dev) is { Length: > 0 } d ? d : DefaultDev()), ("test", parse.GetValue(test) is { Length: > 0 } t ? t : DefaultTest()) })
            {
                foreach (var (file, sentences) in Read(paths))
                {
                    var score = Score(parser, pos, sentences, parse.GetValue(goldTags));
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {split} {file}: UAS {score.Uas:0.0000}  LAS {score.Las:0.0000}  LAS-universal {score.LasUniversal:0.0000}  ({score.Words:N0} words, {sentences.Count:N0} sentences); tags right {score.TagAccuracy:0.0000}"));
                    if (parse.GetValue(details))
                        foreach (var (relation, (count, right)) in score.ByRelation.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10))
                            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {relation}: {count:N0} words, head right {(double)right / count:0.000}"));
                    last = sentences;
                }
            }
            if (last is { Count: > 0 }) WriteSpeed(parser, pos, last, stdout);
            return CrosscheckCli.Ok;
        });
        return command;
    }

    internal sealed record Scores(long Words, double Uas, double Las, double LasUniversal, double TagAccuracy, Dictionary<string, (int Count, int Right)> ByRelation);

    /// <summary>
    /// Words per second of processor time over the last file scored: parsing alone (tags ready), and tagging with the
    /// pipeline's tagger plus parsing (with the parser's own tagger when it has one). Best of five windows of at least a
    /// second each, after a second of warm-up. Processor time rather than wall time, so other work on a shared machine
    /// weighs less (it still competes for caches).
    /// </summary>
    private static void WriteSpeed(DependencyParser parser, PosTagger pos, List<TreebankSentence> sentences, TextWriter stdout)
    {
        var max = sentences.Max(s => s.Length);
        var tags = sentences.Select(s => { var t = pos.Tag(s.Words); parser.TagsUsed(s.Words, t, t); return t; }).ToList();
        var pipelineTags = new string[max];
        var heads = new int[max];
        var relations = new string[max];
        var words = sentences.Sum(s => (long)s.Length);
        var process = Process.GetCurrentProcess();
        double Window(bool tagging)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long done = 0;
            do
            {
                for (var i = 0; i < sentences.Count; i++)
                {
                    if (tagging)
                    {
                        pos.Tag(sentences[i].Words, pipelineTags);
                        parser.Parse(sentences[i].Words, pipelineTags, heads, relations);
                    }
                    else parser.ParseWithTags(sentences[i].Words, tags[i], heads, relations);
                }
                done += words;
            } while (clock.Elapsed.TotalSeconds < 1);
            process.Refresh();
            return done / Math.Max(1e-6, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        Window(false);
        var parsing = Enumerable.Range(0, 5).Select(_ => Window(false)).Max();
        var both = Enumerable.Range(0, 5).Select(_ => Window(true)).Max();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed on one thread, per second of processor time (best of 5 one-second windows): parsing {parsing:N0} words/s; tagging and parsing {both:N0} words/s"));
    }

    internal static Scores Score(DependencyParser parser, PosTagger pos, List<TreebankSentence> sentences, bool goldTags = false)
    {
        long words = 0, heads = 0, labelled = 0, universal = 0, tagsRight = 0;
        var max = sentences.Count == 0 ? 0 : sentences.Max(s => s.Length);
        var tags = new string[max];
        var predictedHeads = new int[max];
        var relations = new string[max];
        var byRelation = new Dictionary<string, (int Count, int Right)>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var n = s.Length;
            if (goldTags)
                for (var i = 0; i < n; i++) tags[i] = TrainingCorpus.PennSpelling(s.Xpos[i]);
            else
            {
                pos.Tag(s.Words, tags);
                parser.TagsUsed(s.Words, tags, tags);
            }
            parser.ParseWithTags(s.Words, tags.AsSpan(0, n), predictedHeads, relations);
            for (var i = 0; i < n; i++)
            {
                words++;
                if (tags[i] == TrainingCorpus.PennSpelling(s.Xpos[i])) tagsRight++;
                var (count, right) = byRelation.GetValueOrDefault(s.Relations[i]);
                byRelation[s.Relations[i]] = (count + 1, right + (predictedHeads[i] == s.Heads[i] ? 1 : 0));
                if (predictedHeads[i] != s.Heads[i]) continue;
                heads++;
                if (relations[i] == s.Relations[i]) labelled++;
                if (Universal(relations[i]).SequenceEqual(Universal(s.Relations[i]))) universal++;
            }
        }
        double Ratio(long a) => words == 0 ? 0 : (double)a / words;
        return new Scores(words, Ratio(heads), Ratio(labelled), Ratio(universal), Ratio(tagsRight), byRelation);
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
