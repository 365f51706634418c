using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Cli.Eval;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck train attribution</c>: trains the quote-speaker ranker (<see cref="QuoteSpeakerModel"/>) on a PolNeAR
/// split (default ../shared/data/polnear/train), one annotation file per article (the first by name).
/// </summary>
internal static class AttributionTraining
{
    /// <summary>Passes over the training quotes; chosen on the tuning half of PolNeAR dev (README, "Quotes and attribution").</summary>
    public const int DefaultIterations = 10;

    public const int DefaultSeed = 13;

    public static Command Command(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "A PolNeAR split folder with text/ and attributions/ (default: ../shared/data/polnear/train)" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training quotes", DefaultValueFactory = _ => DefaultIterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle", DefaultValueFactory = _ => DefaultSeed };
        var command = new Command("attribution", "Train the quote-speaker ranker on PolNeAR (models/attribution.model)") { data, output, iterations, seed };
        command.SetAction(parse =>
        {
            var passes = parse.GetValue(iterations);
            if (passes is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            var folder = parse.GetValue(data) ?? SharedDataFolder.PathTo("polnear", "train");
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

    /// <summary>Reads and analyzes every article of <paramref name="folder"/>, turns its quotes into examples and trains the ranker.</summary>
    internal static QuoteSpeakerModel Train(string folder, int iterations, int seed, TextWriter stdout)
    {
        var rules = new AttributionFinder { Speakers = null };
        var examples = new List<QuoteSpeakerModel.Example>();
        var articles = 0;
        foreach (var (textPath, annPath) in PolnearEval.Articles(folder))
        {
            var raw = PolnearEval.ReadText(textPath);
            var gold = PolnearEval.ReadAnn(annPath, raw).Select(g => new GoldSource(g.Content, g.Source)).ToList();
            var text = StandardPipeline.Default.Process(raw);
            QuoteSpeakers.AddExamples(text, rules.FindAll(text), gold, examples);
            articles++;
        }
        if (examples.Count == 0) throw new CliFailure($"{folder}: no quote to train on");
        var withSpeaker = examples.Count(e => !e.Right[0]);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles, {examples.Count:N0} quotes ({withSpeaker:N0} with a gold speaker among their candidates)"));
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"PolNeAR {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}: {articles} articles, first annotation file by name"),
        };
        return QuoteSpeakerModel.Train(examples, iterations, seed, notes, stdout.WriteLine);
    }
}
