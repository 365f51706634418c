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

    /// <summary>The figures of one run (or one half of it).</summary>
    internal sealed record Scores(int Articles, int Gold, int GoldWithSource, int Predicted, int PredictedMatched, int GoldFound,
        int FoundWithSource, int SpeakerMatched, int CueMatched, int DirectQuotes = 0, int DirectQuotesFound = 0, int DirectSpeakerMatched = 0)
    {
        public double ContentPrecision => Predicted == 0 ? 0 : (double)PredictedMatched / Predicted;
        public double ContentRecall => Gold == 0 ? 0 : (double)GoldFound / Gold;
        public double ContentF1 => ContentPrecision + ContentRecall == 0 ? 0 : 2 * ContentPrecision * ContentRecall / (ContentPrecision + ContentRecall);
        public double SpeakerMatch => FoundWithSource == 0 ? 0 : (double)SpeakerMatched / FoundWithSource;
        public double CueMatch => GoldFound == 0 ? 0 : (double)CueMatched / GoldFound;

        /// <summary>Of the gold direct quotes with a Source, the fraction whose speaker was found (a quote not found is a miss).</summary>
        public double DirectQuoteSpeaker => DirectQuotes == 0 ? 0 : (double)DirectSpeakerMatched / DirectQuotes;

        public static Scores operator +(Scores a, Scores b) => new(a.Articles + b.Articles, a.Gold + b.Gold, a.GoldWithSource + b.GoldWithSource,
            a.Predicted + b.Predicted, a.PredictedMatched + b.PredictedMatched, a.GoldFound + b.GoldFound, a.FoundWithSource + b.FoundWithSource,
            a.SpeakerMatched + b.SpeakerMatched, a.CueMatched + b.CueMatched, a.DirectQuotes + b.DirectQuotes, a.DirectQuotesFound + b.DirectQuotesFound,
            a.DirectSpeakerMatched + b.DirectSpeakerMatched);

        public static readonly Scores Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>The scores of the two fixed halves of a split: <see cref="Tuning"/> (settings are chosen there) and <see cref="Reporting"/>.</summary>
    internal sealed record HalfScores(Scores Tuning, Scores Reporting)
    {
        public Scores All => Tuning + Reporting;
    }

    public const string Definitions =
        "content recall    = gold attributions whose content overlaps some predicted content / gold attributions\n" +
        "content precision = predicted attributions whose content overlaps some gold content / predicted attributions\n" +
        "speaker match     = of gold attributions with a Source whose content was found, the fraction where the predicted\n" +
        "                    attribution overlapping the gold content most (in characters) has a source span overlapping the gold Source\n" +
        "cue match         = of gold attributions found, the fraction where that prediction's cue overlaps the gold Cue\n" +
        "direct quote      = a gold attribution with a Source whose content characters (spaces and quote marks aside) are at least half\n" +
        "                    inside quotation marks (the quotes QuoteFinder reads)\n" +
        "direct-quote speaker = of gold direct quotes, the fraction where the prediction overlapping the content most has a\n" +
        "                    source overlapping the gold Source; a quote no prediction overlaps counts as a miss\n" +
        "annotator         = one .ann per article: the alphabetically first annotator code when several annotated it\n" +
        "halves            = an article is in the tuning half when the first byte of the SHA-256 of its text file name\n" +
        "                    (UTF-8, e.g. 'name.txt') is even, else in the reporting half";

    /// <summary>The finder an eval runs: the standard one, or with another ranker model, or the rules alone.</summary>
    public static AttributionFinder Finder(string? modelPath, bool rulesOnly, bool overrideRules)
    {
        if (rulesOnly) return new AttributionFinder { Speakers = null };
        if (modelPath is null && !overrideRules) return AttributionFinder.Default;
        QuoteSpeakerModel? model;
        try
        {
            model = modelPath is null ? QuoteSpeakerModel.Embedded : new QuoteSpeakerModel(Crosscheck.Language.Tagging.PerceptronModel.Load(modelPath));
        }
        catch (Crosscheck.Language.Tagging.ModelLoadException ex)
        {
            throw new CliFailure(ex.Message);
        }
        return new AttributionFinder { Speakers = model, SpeakersOverrideRules = overrideRules };
    }

    public static int Run(string directory, TextWriter stdout, AttributionFinder? finder = null, int show = 0)
    {
        var misses = show > 0 ? new List<string>() : null;
        var scores = Score(directory, finder, misses);
        stdout.WriteLine($"PolNeAR attributions, {directory}");
        stdout.WriteLine(Definitions);
        Print(stdout, "tuning half", scores.Tuning);
        Print(stdout, "reporting half", scores.Reporting);
        Print(stdout, "all", scores.All);
        if (misses is not null)
        {
            stdout.WriteLine($"-- direct quotes whose speaker was missed, tuning half only ({Math.Min(show, misses.Count)} of {misses.Count})");
            foreach (var m in misses.Take(show)) stdout.WriteLine(m);
        }
        return CrosscheckCli.Ok;
    }

    private static void Print(TextWriter stdout, string title, Scores scores)
    {
        stdout.WriteLine($"-- {title}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {scores.Articles}, gold attributions {scores.Gold} ({scores.GoldWithSource} with a source), predicted {scores.Predicted}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"content: precision {scores.ContentPrecision:0.000} ({scores.PredictedMatched}/{scores.Predicted}), recall {scores.ContentRecall:0.000} ({scores.GoldFound}/{scores.Gold}), F1 {scores.ContentF1:0.000}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speaker match {scores.SpeakerMatch:0.000} ({scores.SpeakerMatched}/{scores.FoundWithSource}); cue match {scores.CueMatch:0.000} ({scores.CueMatched}/{scores.GoldFound})"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"direct-quote speaker {scores.DirectQuoteSpeaker:0.000} ({scores.DirectSpeakerMatched}/{scores.DirectQuotes}; {scores.DirectQuotesFound} of the quotes found)"));
    }

    /// <summary>Whether an article file (by name, e.g. "x.txt") is in the tuning half: the first byte of the SHA-256 of its UTF-8 name is even.</summary>
    public static bool InTuningHalf(string fileName) => (System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileName))[0] & 1) == 0;

    /// <summary>Analyzes every article of a PolNeAR split folder (text/ and attributions/) and scores the attributions found, per half.</summary>
    /// <param name="misses">When given, receives a description of each tuning-half direct quote whose speaker was missed
    /// (the reporting half's errors are never listed, so no rule is written for them).</param>
    public static HalfScores Score(string directory, AttributionFinder? finder = null, List<string>? misses = null)
    {
        finder ??= AttributionFinder.Default;
        var tuning = Scores.Zero;
        var reporting = Scores.Zero;
        foreach (var (textPath, annPath) in Articles(directory))
        {
            var raw = ReadText(textPath);
            var golds = ReadAnn(annPath, raw);
            var text = StandardPipeline.Default.Process(raw);
            var tuningHalf = InTuningHalf(Path.GetFileName(textPath));
            var one = ScoreArticle(raw, golds, finder.FindAll(text), tuningHalf ? misses : null, Path.GetFileName(textPath));
            if (tuningHalf) tuning += one;
            else reporting += one;
        }
        if (tuning.Articles + reporting.Articles == 0) throw new CliFailure($"{directory}: no article with an annotation file");
        return new HalfScores(tuning, reporting);
    }

    /// <summary>The articles of a split folder with their annotation file (the first by name when several annotators coded one), in name order.</summary>
    internal static IEnumerable<(string Text, string Ann)> Articles(string directory)
    {
        var textDir = Path.Combine(directory, "text");
        var annDir = Path.Combine(directory, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new CliFailure($"{directory}: not a PolNeAR split folder (expected text/ and attributions/ inside)");
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(textPath);
            // Doubly-annotated articles: the alphabetically first annotator, so every run scores the same file.
            var annPath = Directory.GetFiles(annDir, stem + "_*.ann").Order(StringComparer.Ordinal).FirstOrDefault();
            if (annPath is not null) yield return (textPath, annPath);
        }
    }

    internal static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{path}: cannot read ({ex.Message})");
        }
    }

    private static Scores ScoreArticle(string raw, List<GoldAttribution> golds, System.Collections.Immutable.ImmutableArray<AttributionRelation> found,
        List<string>? misses, string name)
    {
        int predictedMatched = 0, goldWithSource = 0, goldFound = 0, foundWithSource = 0, speakerMatched = 0, cueMatched = 0;
        int direct = 0, directFound = 0, directMatched = 0;
        var quoted = QuotedCharacters(raw);
        foreach (var p in found)
        {
            if (golds.Any(g => Overlap(g.Content, p.Content.Start, p.Content.End) > 0)) predictedMatched++;
        }
        foreach (var g in golds)
        {
            if (g.Source.Length > 0) goldWithSource++;
            var isDirect = g.Source.Length > 0 && IsDirectQuote(raw, quoted, g.Content);
            if (isDirect) direct++;
            AttributionRelation? best = null;
            var bestOverlap = 0;
            foreach (var p in found)
            {
                var o = Overlap(g.Content, p.Content.Start, p.Content.End);
                if (o > bestOverlap) { best = p; bestOverlap = o; }
            }
            if (best is null)
            {
                if (isDirect) misses?.Add(Miss(raw, name, g, null));
                continue;
            }
            goldFound++;
            if (Overlap(g.Cue, best.Cue.Start, best.Cue.End) > 0) cueMatched++;
            if (g.Source.Length == 0) continue;
            foundWithSource++;
            var matched = best.Source is { } s && Overlap(g.Source, s.Start, s.End) > 0;
            if (matched) speakerMatched++;
            if (!isDirect) continue;
            directFound++;
            if (matched) directMatched++;
            else misses?.Add(Miss(raw, name, g, best));
        }
        return new Scores(1, golds.Count, goldWithSource, found.Length, predictedMatched, goldFound, foundWithSource, speakerMatched, cueMatched,
            direct, directFound, directMatched);
    }

    /// <summary>One missed direct quote for <c>--show</c>: the article, the gold source and content, and what was predicted.</summary>
    private static string Miss(string raw, string name, GoldAttribution gold, AttributionRelation? best)
    {
        static string Words(string raw, (int Start, int End)[] spans, int max)
        {
            var words = string.Join(" … ", spans.Select(s => raw[s.Start..s.End])).ReplaceLineEndings(" ");
            return words.Length <= max ? words : words[..max] + "…";
        }
        var start = gold.Content.Min(s => s.Start);
        var predicted = best is null ? "no prediction" : (best.Learned ? "learned " : "rule ") + (best.Source is { } s ? $"'{s.Text}'" : "no source");
        var context = raw[Math.Max(0, start - 200)..Math.Min(raw.Length, gold.Content.Max(s => s.End) + 200)].ReplaceLineEndings(" ¶ ");
        return $"{name} @{start}: gold '{Words(raw, gold.Source, 80)}', predicted {predicted}\n    {context}";
    }

    /// <summary>Which characters of <paramref name="raw"/> are inside quotation marks (as <see cref="QuoteFinder"/> reads them).</summary>
    internal static bool[] QuotedCharacters(string raw)
    {
        var quoted = new bool[raw.Length];
        foreach (var q in QuoteMarks.Find(raw)) Array.Fill(quoted, true, q.Start, q.End - q.Start);
        return quoted;
    }

    /// <summary>A content whose characters, spaces and quote marks aside, are at least half inside quotation marks.</summary>
    internal static bool IsDirectQuote(string raw, bool[] quoted, (int Start, int End)[] content)
    {
        int inside = 0, all = 0;
        foreach (var (s, e) in content)
        {
            for (var i = s; i < e && i < raw.Length; i++)
            {
                var c = raw[i];
                if (char.IsWhiteSpace(c) || c is '"' or '“' or '”' or '‘' or '’' or '\'') continue;
                all++;
                if (quoted[i]) inside++;
            }
        }
        return all > 0 && 2 * inside >= all;
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
            // A span with a line break runs onto the next lines of the file, which have no ID: they are skipped.
            if (!IsId(fields[0])) continue;
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

    /// <summary>A brat annotation ID: a letter and digits ("T12", "E3").</summary>
    private static bool IsId(string field) => field.Length > 1 && char.IsAsciiLetterUpper(field[0]) && field.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

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
