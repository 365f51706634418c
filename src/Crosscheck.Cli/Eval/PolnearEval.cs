using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval polnear</c>: scores <see cref="AttributionFinder.FindAll"/> against PolNeAR's hand-annotated
/// attributions (brat standoff: Source, Cue and Content spans joined by an Attribution event).
/// </summary>
internal static class PolnearEval
{
    /// <summary>One gold attribution: its spans as character intervals (a span may be discontinuous).</summary>
    internal sealed record GoldAttribution((int Start, int End)[] Content, (int Start, int End)[] Source, (int Start, int End)[] Cue);

    /// <summary>The figures of one run.</summary>
    internal sealed record Scores(int Articles, int Gold, int GoldWithSource, int Predicted, int PredictedMatched, int GoldFound,
        int FoundWithSource, int SpeakerMatched, int CueMatched)
    {
        public double ContentPrecision => Predicted == 0 ? 0 : (double)PredictedMatched / Predicted;
        public double ContentRecall => Gold == 0 ? 0 : (double)GoldFound / Gold;
        public double ContentF1 => ContentPrecision + ContentRecall == 0 ? 0 : 2 * ContentPrecision * ContentRecall / (ContentPrecision + ContentRecall);
        public double SpeakerMatch => FoundWithSource == 0 ? 0 : (double)SpeakerMatched / FoundWithSource;
        public double CueMatch => GoldFound == 0 ? 0 : (double)CueMatched / GoldFound;
    }

    public const string Definitions =
        "content recall    = gold attributions whose content overlaps some predicted content / gold attributions\n" +
        "content precision = predicted attributions whose content overlaps some gold content / predicted attributions\n" +
        "speaker match     = of gold attributions with a Source whose content was found, the fraction where the predicted\n" +
        "                    attribution overlapping the gold content most (in characters) has a source span overlapping the gold Source\n" +
        "cue match         = of gold attributions found, the fraction where that prediction's cue overlaps the gold Cue\n" +
        "annotator         = one .ann per article: the alphabetically first annotator code when several annotated it";

    public static int Run(string directory, TextWriter stdout)
    {
        var scores = Score(directory);
        stdout.WriteLine($"PolNeAR attributions, {directory}");
        stdout.WriteLine(Definitions);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {scores.Articles}, gold attributions {scores.Gold} ({scores.GoldWithSource} with a source), predicted {scores.Predicted}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"content: precision {scores.ContentPrecision:0.000} ({scores.PredictedMatched}/{scores.Predicted}), recall {scores.ContentRecall:0.000} ({scores.GoldFound}/{scores.Gold}), F1 {scores.ContentF1:0.000}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speaker match {scores.SpeakerMatch:0.000} ({scores.SpeakerMatched}/{scores.FoundWithSource}); cue match {scores.CueMatch:0.000} ({scores.CueMatched}/{scores.GoldFound})"));
        return CrosscheckCli.Ok;
    }

    /// <summary>Analyzes every article of a PolNeAR split folder (text/ and attributions/) and scores the attributions found.</summary>
    public static Scores Score(string directory)
    {
        var textDir = Path.Combine(directory, "text");
        var annDir = Path.Combine(directory, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new CliFailure($"{directory}: not a PolNeAR split folder (expected text/ and attributions/ inside)");
        int articles = 0, gold = 0, goldWithSource = 0, predicted = 0, predictedMatched = 0, goldFound = 0, foundWithSource = 0, speakerMatched = 0, cueMatched = 0;
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(textPath);
            // Doubly-annotated articles: the alphabetically first annotator, so every run scores the same file.
            var annPath = Directory.GetFiles(annDir, stem + "_*.ann").Order(StringComparer.Ordinal).FirstOrDefault();
            if (annPath is null) continue;
            string raw;
            try
            {
                raw = File.ReadAllText(textPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure($"{textPath}: cannot read ({ex.Message})");
            }
            var golds = ReadAnn(annPath, raw);
            var text = StandardPipeline.Default.Process(raw);
            var found = AttributionFinder.Default.FindAll(text);
            articles++;
            gold += golds.Count;
            predicted += found.Length;
            foreach (var p in found)
            {
                if (golds.Any(g => Overlap(g.Content, p.Content.Start, p.Content.End) > 0)) predictedMatched++;
            }
            foreach (var g in golds)
            {
                if (g.Source.Length > 0) goldWithSource++;
                AttributionRelation? best = null;
                var bestOverlap = 0;
                foreach (var p in found)
                {
                    var o = Overlap(g.Content, p.Content.Start, p.Content.End);
                    if (o > bestOverlap) { best = p; bestOverlap = o; }
                }
                if (best is null) continue;
                goldFound++;
                if (Overlap(g.Cue, best.Cue.Start, best.Cue.End) > 0) cueMatched++;
                if (g.Source.Length == 0) continue;
                foundWithSource++;
                if (best.Source is { } s && Overlap(g.Source, s.Start, s.End) > 0) speakerMatched++;
            }
        }
        if (articles == 0) throw new CliFailure($"{directory}: no article with an annotation file");
        return new Scores(articles, gold, goldWithSource, predicted, predictedMatched, goldFound, foundWithSource, speakerMatched, cueMatched);
    }

    private static int Overlap((int Start, int End)[] spans, int start, int end)
    {
        var total = 0;
        foreach (var (s, e) in spans) total += Math.Max(0, Math.Min(e, end) - Math.Max(s, start));
        return total;
    }

    /// <summary>
    /// Reads the Attribution events of a brat file. Offsets there count Unicode code points; they are turned
    /// into UTF-16 offsets of <paramref name="text"/>.
    /// </summary>
    internal static List<GoldAttribution> ReadAnn(string path, string text)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{path}: cannot read ({ex.Message})");
        }
        var utf16 = CodePointOffsets(text);
        var spans = new Dictionary<string, (int, int)[]>(StringComparer.Ordinal);
        var events = new List<string[]>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (line[0] == 'T')
            {
                // T1<TAB>Type start end[;start end...]<TAB>text
                if (fields.Length < 2) throw new CliFailure($"{path}:{n + 1}: malformed text-bound annotation");
                var typeAndSpans = fields[1];
                var space = typeAndSpans.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0) throw new CliFailure($"{path}:{n + 1}: malformed text-bound annotation");
                var list = new List<(int, int)>();
                foreach (var fragment in typeAndSpans[(space + 1)..].Split(';'))
                {
                    var parts = fragment.Trim().Split(' ');
                    if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                        || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e) || e < s || e >= utf16.Length)
                        throw new CliFailure($"{path}:{n + 1}: bad span '{fragment}'");
                    list.Add((utf16[s], utf16[e]));
                }
                spans[fields[0]] = [.. list];
            }
            else if (line[0] == 'E')
            {
                if (fields.Length < 2) throw new CliFailure($"{path}:{n + 1}: malformed event");
                var args = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (args.Length > 0 && args[0].StartsWith("Attribution", StringComparison.Ordinal)) events.Add(args);
            }
        }
        var result = new List<GoldAttribution>();
        foreach (var args in events)
        {
            (int, int)[] content = [], source = [], cue = [];
            foreach (var arg in args.Skip(1))
            {
                var colon = arg.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(arg[(colon + 1)..], out var s)) throw new CliFailure($"{path}: event argument '{arg}' names no annotation");
                var role = arg[..colon].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                if (role == "Content") content = [.. content, .. s];
                else if (role == "Source") source = [.. source, .. s];
                else if (role == "Cue") cue = [.. cue, .. s];
            }
            if (content.Length > 0) result.Add(new GoldAttribution(content, source, cue));
        }
        return result;
    }

    /// <summary>UTF-16 offset of each code-point offset, one past the end included.</summary>
    private static int[] CodePointOffsets(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return [.. map];
    }
}
