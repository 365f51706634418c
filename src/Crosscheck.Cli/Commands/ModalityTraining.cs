using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Cli.Eval;
using Crosscheck.Events;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck train modality</c>: trains the factuality model (<see cref="FactualityModel"/>) on the factuality
/// corpora's train files (MEANTIME and UW, ../shared/data/factuality) and prints its figures on the dev files' tuning
/// halves, where its settings are chosen (README, "Modality").
/// </summary>
internal static class ModalityTraining
{
    /// <summary>Passes over the training tokens; chosen on the dev tuning halves (README, "Modality").</summary>
    public const int DefaultIterations = 3;

    public const int DefaultSeed = 13;

    public static Command Command(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "The factuality folder holding meantime/ and uw/ train.conll and dev.conll (default: ../shared/data/factuality)" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training tokens", DefaultValueFactory = _ => DefaultIterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle", DefaultValueFactory = _ => DefaultSeed };
        var command = new Command("modality", "Train the predicates' factuality model on the MEANTIME and UW train files (models/modality.model)") { data, output, iterations, seed };
        command.SetAction(parse =>
        {
            var passes = parse.GetValue(iterations);
            if (passes is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            var folder = parse.GetValue(data) ?? SharedDataFolder.PathTo("factuality");
            if (!Directory.Exists(folder)) throw new CliFailure($"{folder}: the factuality folder does not exist");
            var clock = Stopwatch.StartNew();
            var model = Train(folder, passes, parse.GetValue(seed), stdout);
            var bytes = model.Model.ToBytes();
            var outPath = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            AnalyzeCommand.WriteAtomically(outPath, s => s.Write(bytes));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model.Model.FeatureCount:N0} features kept; {outPath}: {bytes.Length:N0} bytes; {clock.Elapsed.TotalSeconds:0.0} s"));
            return CrosscheckCli.Ok;
        });
        return command;
    }

    internal static FactualityModel Train(string folder, int iterations, int seed, TextWriter stdout)
    {
        var examples = new List<FactualityModel.Example>();
        var notes = new List<string>();
        foreach (var corpus in FactualityEval.Corpora)
        {
            var items = FactualityEval.Read(Path.Combine(folder, corpus, "train.conll"));
            var before = examples.Count;
            var matched = AddExamples(items, examples);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{corpus} train.conll: {items.Count:N0} labelled predicates, {matched:N0} at a token of ours; {examples.Count - before:N0} training tokens");
            stdout.WriteLine(line);
            notes.Add(line);
        }
        var model = FactualityModel.Train(examples, iterations, seed, notes, stdout.WriteLine);
        // As analyze reads them: after the event reader, which parses the sentences with event words.
        var reader = new EventReader { Predicates = new PredicateReader { Model = model } };
        var pooled = default(FactualityEval.Coverage);
        foreach (var corpus in FactualityEval.Corpora)
        {
            var tuning = FactualityEval.TuningHalf(corpus, FactualityEval.Read(Path.Combine(folder, corpus, "dev.conll")));
            var c = FactualityEval.CoverageOf(tuning, text => reader.Read(text).Predicates);
            pooled += c;
            FactualityEval.PrintCoverage(stdout, $"{corpus} dev tuning half", c);
        }
        FactualityEval.PrintCoverage(stdout, "pooled dev tuning half", pooled);
        return model;
    }

    /// <summary>Runs each sentence through the standard pipeline and adds its training tokens; returns how many labelled predicates met a token of ours.</summary>
    private static int AddExamples(List<FactualityEval.Labelled> items, List<FactualityModel.Example> into)
    {
        var matched = 0;
        foreach (var sentence in items.GroupBy(i => i.Tokens, ReferenceEqualityComparer.Instance))
        {
            var tokens = (string[])sentence.Key!;
            var text = FactualityEval.Analyze(tokens, out var offsets);
            var gold = new Dictionary<int, FactualityBand>();
            foreach (var item in sentence)
            {
                var token = text.TokenAtOrAfter(offsets[item.Index]);
                if (token < 0 || token >= text.Count || text[token].Start != offsets[item.Index]) continue;
                gold[token] = (FactualityBand)(int)FactualityEval.GoldBand(item.Score);
                matched++;
            }
            PredicateReader.Default.AddExamples(text, gold, into);
        }
        return matched;
    }
}
