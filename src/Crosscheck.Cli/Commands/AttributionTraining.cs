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
    /// <summary>Passes over the training quotes; chosen with --hold-out on train (README, "Quotes and attribution").</summary>
    public const int DefaultIterations = 15;

    public const int DefaultSeed = 13;

    public static Command Command(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "A PolNeAR split folder with text/ and attributions/ (default: ../shared/data/polnear/train)" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Passes over the training quotes", DefaultValueFactory = _ => DefaultIterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle", DefaultValueFactory = _ => DefaultSeed };
        var holdOut = new Option<bool>("--hold-out")
        {
            Description = "Leave out the articles whose SHA-256 of the file name has a first byte divisible by 4 and print the ranker's accuracy on their quotes (for choosing features; the model is then not the committed one)",
        };
        var command = new Command("attribution", "Train the quote-speaker ranker on PolNeAR (models/attribution.model)") { data, output, iterations, seed, holdOut };
        command.SetAction(parse =>
        {
            var passes = parse.GetValue(iterations);
            if (passes is < 1 or > 1000) throw new UsageException("--iterations must be 1 to 1000");
            var folder = parse.GetValue(data) ?? SharedDataFolder.PathTo("polnear", "train");
            var clock = Stopwatch.StartNew();
            var model = Train(folder, passes, parse.GetValue(seed), stdout, parse.GetValue(holdOut));
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
    internal static QuoteSpeakerModel Train(string folder, int iterations, int seed, TextWriter stdout, bool holdOut = false)
    {
        var rules = new AttributionFinder { Speakers = null };
        var examples = new List<QuoteSpeakerModel.Example>();
        var heldOut = new List<QuoteSpeakerModel.Example>();
        var articles = 0;
        foreach (var (textPath, annPath) in PolnearEval.Articles(folder))
        {
            var raw = PolnearEval.ReadText(textPath);
            var gold = PolnearEval.ReadAnn(annPath, raw).Select(g => new GoldSource(g.Content, g.Source)).ToList();
            var text = StandardPipeline.Default.Process(raw);
            var name = System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(textPath));
            var leaveOut = holdOut && System.Security.Cryptography.SHA256.HashData(name)[0] % 4 == 0;
            QuoteSpeakers.AddExamples(text, rules.FindAll(text), gold, leaveOut ? heldOut : examples);
            if (!leaveOut) articles++;
        }
        if (examples.Count == 0) throw new CliFailure($"{folder}: no quote to train on");
        var withSpeaker = examples.Count(e => !e.Right[0]);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles, {examples.Count:N0} quotes ({withSpeaker:N0} with a gold speaker among their candidates)"));
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"PolNeAR {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}: {articles} articles, first annotation file by name"),
        };
        var model = QuoteSpeakerModel.Train(examples, iterations, seed, notes, stdout.WriteLine);
        if (heldOut.Count > 0)
        {
            int right = 0, speakers = 0, speakersRight = 0;
            foreach (var e in heldOut)
            {
                var best = model.Best(e.Rows);
                if (e.Right[best]) right++;
                if (e.Right[0]) continue;
                speakers++;
                if (e.Right[best]) speakersRight++;
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out quotes: {right}/{heldOut.Count} ranked right ({(double)right / heldOut.Count:0.000}); with a gold speaker {speakersRight}/{speakers} ({(double)speakersRight / Math.Max(1, speakers):0.000})"));
        }
        return model;
    }
}
