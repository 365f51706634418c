using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck train tagger|ner</c> and <c>crosscheck eval tagger|ner</c>: train the part-of-speech tagger and
/// the entity recognizer from the shared datasets, and score them on the held-out slice and on whole dev files.
/// </summary>
internal static class TaggingCommands
{
    /// <summary>Training files of the committed tagger: GMB's POS column and the factuality corpora's train splits.</summary>
    private static string[] DefaultTaggerData() =>
    [
        SharedDataFolder.PathTo("ner", "gmb", "ner_dataset.csv"),
        SharedDataFolder.PathTo("factuality", "meantime", "train.conll"),
        SharedDataFolder.PathTo("factuality", "uw", "train.conll"),
    ];

    private static string[] DefaultTaggerDev() =>
    [
        SharedDataFolder.PathTo("factuality", "meantime", "dev.conll"),
        SharedDataFolder.PathTo("factuality", "uw", "dev.conll"),
    ];

    /// <summary>Training sources of the committed recognizer: everything in ner/ but WikiGold, which is kept for evaluation.</summary>
    private static string[] DefaultNerData() =>
    [
        SharedDataFolder.PathTo("ner", "gmb"),
        SharedDataFolder.PathTo("ner", "re3d"),
        SharedDataFolder.PathTo("ner", "wnut17"),
    ];

    private static string[] DefaultNerDev() => [SharedDataFolder.PathTo("ner", "wikigold", "wikigold.conll.txt")];

    public static Command Train(TextWriter stdout)
    {
        var train = new Command("train", "Train the part-of-speech tagger, the entity recognizer or the dependency parser (models/*.model)");
        train.Subcommands.Add(TrainCommand("tagger", "Train the part-of-speech tagger", stdout, ner: false));
        train.Subcommands.Add(TrainCommand("ner", "Train the named-entity recognizer", stdout, ner: true));
        train.Subcommands.Add(ParsingCommands.TrainCommand(stdout));
        train.Subcommands.Add(ClusterCommands.TrainCommand(stdout));
        train.Subcommands.Add(AttributionTraining.Command(stdout));
        train.Subcommands.Add(ModalityTraining.Command(stdout));
        return train;
    }

    /// <summary>Adds <c>eval tagger</c> and <c>eval ner</c> to the <c>eval</c> command.</summary>
    public static void AddEvalCommands(Command eval, TextWriter stdout)
    {
        eval.Subcommands.Add(EvalTaggerCommand(stdout));
        eval.Subcommands.Add(EvalNerCommand(stdout));
        eval.Subcommands.Add(ParsingCommands.EvalCommand(stdout));
    }

    private static Option<string[]> DataOption(string description) => new("--data")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<string?> ModelOption(string name, string description) => new(name) { Description = description };

    private static Command TrainCommand(string name, string description, TextWriter stdout, bool ner)
    {
        var data = DataOption(ner
            ? "Training files or directories (GMB CSV, CoNLL token/tag); default: ../shared/data/ner gmb, re3d, wnut17"
            : "Training files or directories (GMB CSV, 7-column factuality CoNLL); default: GMB and the factuality train splits");
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        // Five passes scored best for the recognizer on both the held-out slice and WikiGold (5: 0.671/0.501 micro F1, 10: 0.666/0.493, 15: 0.665/0.488).
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training data", DefaultValueFactory = _ => ner ? EntityRecognizer.DefaultIterations : new TrainingOptions().Iterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle", DefaultValueFactory = _ => new TrainingOptions().Seed };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => new TrainingOptions().MinFeatureCount };
        var includeHeldOut = new Option<bool>("--include-held-out") { Description = "Also train on the held-out evaluation slice (then 'eval' scores are not held out)" };
        var tagger = ModelOption("--tagger", "Part-of-speech model whose tags feed the recognizer (default: the built-in model)");
        var command = new Command(name, description) { data, output, iterations, seed, minCount, includeHeldOut };
        if (ner) command.Options.Add(tagger);
        command.SetAction(parse =>
        {
            var options = new TrainingOptions { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed), MinFeatureCount = parse.GetValue(minCount) };
            if (options.Iterations is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            if (options.MinFeatureCount < 1) throw new UsageException("--min-count must be at least 1");
            var paths = parse.GetValue(data) is { Length: > 0 } given ? given : ner ? DefaultNerData() : DefaultTaggerData();
            var clock = Stopwatch.StartNew();
            var (sentences, notes) = ReadTraining(paths, ner, parse.GetValue(includeHeldOut), stdout);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"iterations {options.Iterations}, seed {options.Seed}, min feature count {options.MinFeatureCount}, prune below {options.PruneBelow}"));
            PerceptronModel model;
            try
            {
                if (ner)
                {
                    var pos = LoadTagger(parse.GetValue(tagger));
                    // Which tagger, by content, so the note is the same whether it came from a file or the build.
                    var taggerId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pos.Model.ToBytes()))[..16];
                    notes.Add($"part-of-speech features from the tagger model with SHA-256 {taggerId}...");
                    model = EntityRecognizer.Train(sentences, pos, options, notes, hints: null, progress: stdout.WriteLine).Model;
                }
                else
                {
                    model = PosTagger.Train(sentences, options, notes, stdout.WriteLine).Model;
                }
            }
            catch (ArgumentException ex)
            {
                throw new CliFailure($"cannot train: {ex.Message}");
            }
            var bytes = model.ToBytes();
            var outPath = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            AnalyzeCommand.WriteAtomically(outPath, s => s.Write(bytes));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained on {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Length):N0} tokens; {model.Classes.Length} classes, {model.FeatureCount:N0} features kept; {outPath}: {bytes.Length:N0} bytes; {clock.Elapsed.TotalSeconds:0.0} s"));
            return CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>Reads the training files, keeping sentences with the tags being trained and leaving out the held-out slice unless asked.</summary>
    private static (List<TaggedSentence> Sentences, List<string> Notes) ReadTraining(string[] paths, bool ner, bool includeHeldOut, TextWriter stdout)
    {
        var sentences = new List<TaggedSentence>();
        var notes = new List<string>();
        foreach (var path in paths)
        {
            // One line per argument: a folder of many small files (re3d) is summed.
            int files = 0, kept = 0, tokens = 0, heldOut = 0, skipped = 0;
            var names = new List<string>();
            foreach (var (file, read) in ReadFiles([path]))
            {
                var usable = read.Where(s => ner ? s.Entities is not null : s.Pos is not null).ToList();
                var keep = includeHeldOut ? usable : usable.Where(s => !s.IsHeldOut).ToList();
                files++;
                kept += keep.Count;
                tokens += keep.Sum(s => s.Words.Length);
                heldOut += usable.Count(s => s.IsHeldOut);
                skipped += read.Count - usable.Count;
                if (keep.Count > 0) names.Add(Path.GetFileName(file));
                sentences.AddRange(keep);
            }
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{files:N0} file{(files == 1 ? "" : "s")}, {kept:N0} sentences, {tokens:N0} tokens; {heldOut:N0} sentences held out{(includeHeldOut ? " but trained on" : "")}");
            if (skipped > 0) line += string.Create(CultureInfo.InvariantCulture, $"; {skipped:N0} sentences without {(ner ? "entity" : "part-of-speech")} tags skipped");
            stdout.WriteLine($"{path}: {line}");
            // Names without folders, so the model's bytes do not depend on where the data lies.
            notes.Add($"source {Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}: {line}");
            foreach (var name in names) notes.Add($"data: {name}");
        }
        if (sentences.Count == 0) throw new CliFailure($"no sentences with {(ner ? "entity" : "part-of-speech")} tags in {string.Join(", ", paths)}");
        if (includeHeldOut) notes.Add("held-out slice: trained on");
        return (sentences, notes);
    }

    private static List<(string File, List<TaggedSentence> Sentences)> ReadFiles(IEnumerable<string> paths)
    {
        try
        {
            return [.. TrainingCorpus.Files(paths).Select(f => (f, TrainingCorpus.ReadFile(f)))];
        }
        catch (CorpusFormatException ex)
        {
            throw new CliFailure(ex.Message);
        }
    }

    internal static PosTagger LoadTagger(string? path)
    {
        try
        {
            return path is null ? Models.Pos : new PosTagger(PerceptronModel.Load(path));
        }
        catch (ModelLoadException ex)
        {
            throw new CliFailure(ex.Message);
        }
    }

    private static EntityRecognizer LoadRecognizer(string? path)
    {
        try
        {
            return path is null ? Models.Ner : new EntityRecognizer(PerceptronModel.Load(path));
        }
        catch (ModelLoadException ex)
        {
            throw new CliFailure(ex.Message);
        }
    }

    private static Command EvalTaggerCommand(TextWriter stdout)
    {
        var data = DataOption("Files whose held-out slice is scored (default: the tagger's training files)");
        var devOption = new Option<string[]>("--dev") { Description = "Files scored whole (default: the factuality dev splits)", AllowMultipleArgumentsPerToken = true };
        var model = ModelOption("--model", "Part-of-speech model (default: the built-in model)");
        var command = new Command("tagger", "Part-of-speech accuracy on the held-out slice and on dev files") { data, devOption, model };
        command.SetAction(parse =>
        {
            var tagger = LoadTagger(parse.GetValue(model));
            var heldOutPaths = parse.GetValue(data) is { Length: > 0 } d ? d : DefaultTaggerData();
            var devPaths = parse.GetValue(devOption) is { Length: > 0 } v ? v : DefaultTaggerDev();
            stdout.WriteLine("part-of-speech accuracy (tokens tagged right / tokens):");
            long allRight = 0, allTotal = 0;
            foreach (var (file, sentences) in ReadFiles(heldOutPaths))
            {
                var (right, total) = Accuracy(tagger, sentences.Where(s => s.IsHeldOut && s.Pos is not null));
                if (total == 0) continue;
                allRight += right;
                allTotal += total;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held out of {file}: {100.0 * right / total:0.00}% of {total:N0}"));
            }
            if (allTotal > 0) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held-out slice: {100.0 * allRight / allTotal:0.00}% of {allTotal:N0}"));
            foreach (var (file, sentences) in ReadFiles(devPaths))
            {
                var (right, total) = Accuracy(tagger, sentences.Where(s => s.Pos is not null));
                if (total > 0) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole {file}: {100.0 * right / total:0.00}% of {total:N0}"));
            }
            return CrosscheckCli.Ok;
        });
        return command;
    }

    private static (long Right, long Total) Accuracy(PosTagger tagger, IEnumerable<TaggedSentence> sentences)
    {
        long right = 0, total = 0;
        foreach (var s in sentences)
        {
            var tags = tagger.Tag(s.Words);
            for (var i = 0; i < tags.Length; i++) if (tags[i] == s.Pos![i]) right++;
            total += tags.Length;
        }
        return (right, total);
    }

    private static Command EvalNerCommand(TextWriter stdout)
    {
        var data = DataOption("Files whose held-out slice is scored (default: the recognizer's training sources)");
        var devOption = new Option<string[]>("--dev")
        {
            Description = "CoNLL-03-typed files scored whole, our types mapped onto PER/LOC/ORG/MISC (default: WikiGold); skipped when the model was trained on them",
            AllowMultipleArgumentsPerToken = true,
        };
        var model = ModelOption("--model", "Entity model (default: the built-in model)");
        var tagger = ModelOption("--tagger", "Part-of-speech model (default: the built-in model)");
        var speed = new Option<bool>("--speed") { Description = "Also time tagging and recognizing the scored sentences on one thread (about 6 s)" };
        var command = new Command("ner", "Entity precision, recall and F1 (exact spans) on the held-out slice and on WikiGold") { data, devOption, model, tagger, speed };
        command.SetAction(parse =>
        {
            var pos = LoadTagger(parse.GetValue(tagger));
            var recognizer = LoadRecognizer(parse.GetValue(model));
            var heldOutPaths = parse.GetValue(data) is { Length: > 0 } d ? d : DefaultNerData();
            var devPaths = parse.GetValue(devOption) is { Length: > 0 } v ? v : DefaultNerDev();
            if (recognizer.Model.Notes.Contains("held-out slice: trained on"))
                stdout.WriteLine("note: this model was trained on the held-out slice too; its held-out scores are not held out");

            var scored = new List<string[]>();
            var all = new EntityScores();
            foreach (var path in heldOutPaths)
            {
                var scores = new EntityScores();
                foreach (var (_, sentences) in ReadFiles([path]))
                {
                    foreach (var s in sentences.Where(s => s.IsHeldOut && s.Entities is not null))
                    {
                        var predicted = recognizer.Tag(s.Words, pos.Tag(s.Words));
                        scores.Add(s.Entities, predicted);
                        all.Add(s.Entities, predicted);
                        scored.Add(s.Words);
                    }
                }
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"held-out slice of {path}: F1 {scores.Micro.F1:0.000} (precision {scores.Micro.Precision:0.000}, recall {scores.Micro.Recall:0.000}, {scores.Micro.Gold:N0} entities)"));
            }
            stdout.WriteLine("held-out slice, all sources:");
            all.Write(stdout);

            foreach (var (file, sentences) in ReadFiles(devPaths))
            {
                var name = Path.GetFileName(file);
                if (recognizer.Model.Notes.Any(n => n == $"data: {name}"))
                {
                    stdout.WriteLine($"{file}: skipped, the model was trained on it");
                    continue;
                }
                var scores = new EntityScores(EntityScores.ToConll);
                foreach (var s in sentences.Where(s => s.Entities is not null))
                {
                    var predicted = recognizer.Tag(s.Words, pos.Tag(s.Words));
                    scores.Add(s.Entities, predicted);
                    scored.Add(s.Words);
                }
                stdout.WriteLine($"whole {file} (our GPE/LOC/FACILITY as LOC, NORP as MISC):");
                scores.Write(stdout);
            }
            if (parse.GetValue(speed)) WriteSpeed(pos, recognizer, scored, stdout);
            return CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Tokens per second of tagging and recognizing on this thread over the sentences just scored: the best of
    /// five windows of at least a second each, after a second of warm-up (so the JIT has finished and other
    /// processes on a shared machine weigh least).
    /// </summary>
    private static void WriteSpeed(PosTagger pos, EntityRecognizer recognizer, List<string[]> sentences, TextWriter stdout)
    {
        if (sentences.Count == 0) return;
        var tags = new string[sentences.Max(s => s.Length)];
        var bio = new string[tags.Length];
        var tokens = sentences.Sum(s => (long)s.Length);
        double Window(double seconds)
        {
            var clock = Stopwatch.StartNew();
            long done = 0;
            do
            {
                foreach (var words in sentences)
                {
                    pos.Tag(words, tags);
                    recognizer.Tag(words, tags.AsSpan(0, words.Length), bio);
                }
                done += tokens;
            } while (clock.Elapsed.TotalSeconds < seconds);
            return done / clock.Elapsed.TotalSeconds;
        }
        Window(1);
        var rates = Enumerable.Range(0, 5).Select(_ => Window(1)).Order().ToArray();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed: {rates[^1]:N0} tokens/s for part-of-speech tags and entities together on one thread (best of 5 windows; median {rates[2]:N0}; {tokens:N0} tokens a pass)"));
    }
}
