using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval ecbplus</c>: how well documents fall into stories, against ECB+ (Cybulska and Vossen 2014).
/// Gold story = sub-topic: the topic number and whether the file is an ECB file (<c>*ecb.xml</c>) or an ECB+ one
/// (<c>*ecbplus.xml</c>); the two halves of a topic report different incidents. Every document of a split goes
/// through the production path (plain text reader, language pipeline, event reader, link facts, linker) in one
/// linker, in a fixed order, so topics must separate as well as sub-topics. Scored with B³ over documents.
/// Split of Cybulska and Vossen (2015): dev topics 2, 5, 12, 18, 21, 23, 34, 35; the others are training topics.
/// </summary>
internal static class EcbPlusEval
{
    /// <summary>The development topics of the standard split: the target applies to these.</summary>
    public static readonly IReadOnlySet<int> DevTopics = new HashSet<int> { 2, 5, 12, 18, 21, 23, 34, 35 };

    /// <summary>
    /// One ECB+ document: its file, topic, half and detokenized text (a sentence a line); a web address that
    /// opens the document (ECB+ files begin with the page's address) is kept apart as the page's URL.
    /// </summary>
    internal sealed record Article(string File, int Topic, int Number, bool Plus, string Text, string? Url)
    {
        /// <summary>The article as a plain-text file with front matter, as a user would feed it to <c>crosscheck analyze</c>.</summary>
        public string PlainText => Url is null ? Text : $"---\nurl: {Url}\n---\n{Text}";

        /// <summary>The gold story: topic and half, e.g. <c>12ecb</c> or <c>12ecbplus</c>.</summary>
        public string Gold => Topic.ToString(CultureInfo.InvariantCulture) + (Plus ? "ecbplus" : "ecb");
    }

    /// <summary>The B³ figures of one split.</summary>
    internal sealed record SplitScore(string Name, int Documents, int GoldStories, int PredictedStories, double Precision, double Recall)
    {
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static int Run(string directory, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var articles = Load(directory);
        var facts = Read(articles);
        var dev = Score("dev", facts.Where(f => DevTopics.Contains(f.Article.Topic)).ToList());
        var train = Score("train", facts.Where(f => !DevTopics.Contains(f.Article.Topic)).ToList());
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"ECB+ stories ({directory}): {articles.Count} documents, {clock.Elapsed.TotalSeconds.ToString("F1", c)} s");
        stdout.WriteLine("gold story = topic + half (*ecb.xml or *ecbplus.xml); predicted = the linker's story, all documents of a split in one linker");
        stdout.WriteLine("B3 = per document: precision |pred ∩ gold| / |pred|, recall |pred ∩ gold| / |gold|, averaged over documents");
        stdout.WriteLine("split (Cybulska & Vossen 2015): dev topics 2 5 12 18 21 23 34 35, train = the other topics present");
        stdout.WriteLine();
        stdout.WriteLine("split   documents  gold  predicted  B3 precision  recall     F1");
        foreach (var s in new[] { dev, train })
        {
            stdout.WriteLine($"{s.Name,-6}  {s.Documents,9}  {s.GoldStories,4}  {s.PredictedStories,9}  {s.Precision.ToString("F3", c),12}  {s.Recall.ToString("F3", c),6}  {s.F1.ToString("F3", c)}");
        }
        stdout.WriteLine();
        stdout.WriteLine($"target (dev B3 F1 >= 0.85): {dev.F1.ToString("F3", c)}");
        return CrosscheckCli.Ok;
    }

    /// <summary>The documents of every numbered topic folder, ordered by topic, document number and file name.</summary>
    internal static List<Article> Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new CliFailure($"{directory}: no such folder (expected the ECB+ corpus, topic folders 1..45)");
        var files = new List<(int Topic, int Number, string Name, string Path)>();
        foreach (var topicDir in Directory.GetDirectories(directory))
        {
            if (!int.TryParse(Path.GetFileName(topicDir), NumberStyles.None, CultureInfo.InvariantCulture, out var topic)) continue;
            foreach (var path in Directory.GetFiles(topicDir, "*.xml"))
            {
                var name = Path.GetFileName(path);
                files.Add((topic, NumberOf(name), name, path));
            }
        }
        if (files.Count == 0) throw new CliFailure($"{directory}: no ECB+ documents (expected numbered topic folders of *ecb.xml and *ecbplus.xml files)");
        return [.. files.OrderBy(f => f.Topic).ThenBy(f => f.Number).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f =>
            {
                var lines = ReadText(f.Path);
                var url = IsWebAddress(lines[0]) ? lines[0] : null;
                var text = string.Join("\n", url is null ? lines : lines.Skip(1)) + "\n";
                return new Article(f.Path, f.Topic, f.Number, f.Name.EndsWith("ecbplus.xml", StringComparison.OrdinalIgnoreCase), text, url);
            })];
    }

    // "12_3ecbplus.xml" → 3; files that do not follow the pattern sort after by name.
    private static int NumberOf(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        var end = underscore + 1;
        while (end < name.Length && char.IsAsciiDigit(name[end])) end++;
        return underscore >= 0 && int.TryParse(name.AsSpan(underscore + 1, end - underscore - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }

    private static bool IsWebAddress(string line) =>
        (line.StartsWith("http", StringComparison.OrdinalIgnoreCase) || line.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) && !line.Contains(' ', StringComparison.Ordinal);

    /// <summary>The tokens of one ECB+ file as text, a sentence a line.</summary>
    internal static List<string> ReadText(string path)
    {
        var sentences = new SortedDictionary<int, List<string>>();
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            if (reader.LocalName != "Document") throw new CliFailure($"{path}: not an ECB+ document (the root element is <{reader.LocalName}>, expected <Document>)");
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "token") continue;
                var sentenceAttr = reader.GetAttribute("sentence");
                if (!int.TryParse(sentenceAttr, NumberStyles.None, CultureInfo.InvariantCulture, out var sentence))
                    throw new CliFailure($"{path}: a <token> without a numeric sentence attribute (line {(reader as IXmlLineInfo)?.LineNumber})");
                var token = reader.ReadElementContentAsString();
                if (!sentences.TryGetValue(sentence, out var list)) sentences[sentence] = list = [];
                list.Add(token);
            }
        }
        catch (XmlException ex)
        {
            throw new CliFailure($"{path}: malformed XML ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot read {path}: {ex.Message}");
        }
        if (sentences.Count == 0) throw new CliFailure($"{path}: no <token> elements");
        var lines = sentences.Values.Select(Detokenize).Where(s => s.Length > 0).ToList();
        if (lines.Count == 0) throw new CliFailure($"{path}: no words in the <token> elements");
        return lines;
    }

    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal)
        { ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "...", "''", "”", "’" };
    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "(", "[", "{", "$", "``", "“", "‘" };
    private static readonly HashSet<string> Clitics = new(StringComparer.OrdinalIgnoreCase) { "s", "t", "re", "ve", "ll", "d", "m" };

    /// <summary>
    /// One sentence's Penn-style tokens as running text: brackets and quotes restored, no space before punctuation
    /// or clitics, hyphenated words and clock times joined again, a web address written without spaces.
    /// </summary>
    internal static string Detokenize(IReadOnlyList<string> raw)
    {
        var tokens = new List<string>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var t = raw[i].Trim();
            if (t.Length == 0) continue;
            // "' '" is a closing '' split in two.
            if (t == "'" && i + 1 < raw.Count && raw[i + 1] == "'") { tokens.Add("''"); i++; continue; }
            tokens.Add(t switch
            {
                "-LRB-" or "-lrb-" => "(",
                "-RRB-" or "-rrb-" => ")",
                "-LSB-" or "-lsb-" => "[",
                "-RSB-" or "-rsb-" => "]",
                "-LCB-" or "-lcb-" => "{",
                "-RCB-" or "-rcb-" => "}",
                _ => t,
            });
        }
        if (tokens.Count == 0) return "";
        if (tokens[0].StartsWith("http", StringComparison.OrdinalIgnoreCase) || tokens[0].StartsWith("www", StringComparison.OrdinalIgnoreCase))
            return string.Concat(tokens);
        var text = new StringBuilder();
        var openDouble = false;
        var glueNext = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var prev = i > 0 ? tokens[i - 1] : "";
            var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
            string output = t;
            bool spaceBefore, glueAfter = false;
            switch (t)
            {
                case "``": output = "\""; spaceBefore = true; glueAfter = true; break;
                case "''": output = "\""; spaceBefore = false; break;
                case "\"":
                    // A plain quote opens and closes in turn.
                    openDouble = !openDouble;
                    spaceBefore = openDouble;
                    glueAfter = openDouble;
                    break;
                case "-" when IsWordy(prev) && IsWordy(next):
                    spaceBefore = false; glueAfter = true; break;
                case ":" when IsDigits(prev) && IsDigits(next):
                    spaceBefore = false; glueAfter = true; break;
                case "'" or "’" when Clitics.Contains(next):
                    spaceBefore = false; glueAfter = true; break;
                default:
                    spaceBefore = !NoSpaceBefore.Contains(t);
                    glueAfter = NoSpaceAfter.Contains(t);
                    break;
            }
            if (text.Length > 0 && spaceBefore && !glueNext) text.Append(' ');
            text.Append(output);
            glueNext = glueAfter;
        }
        return text.ToString();

        static bool IsWordy(string s) => s.Length > 0 && char.IsLetterOrDigit(s[0]) && char.IsLetterOrDigit(s[^1]);
        static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// Reads every article as production does (plain text → document → pipeline → events → link facts);
    /// <paramref name="seen"/>, when given, gets each document as read (from several threads).
    /// </summary>
    internal static List<(Article Article, DocumentFacts Facts)> Read(IReadOnlyList<Article> articles, Action<Document>? seen = null)
    {
        var reader = new DocumentReader();
        var facts = new DocumentFacts[articles.Count];
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var article = articles[i];
            var result = reader.ReadBytes(article.File, Encoding.UTF8.GetBytes(article.PlainText), ".txt").Single();
            if (result.Document is not { } document)
            {
                failures.Add($"{article.File}: {result.Error}");
                return;
            }
            seen?.Invoke(document);
            var text = StandardPipeline.Default.Process(document);
            var reading = EventReader.Default.Read(text);
            facts[i] = LinkFactsBuilder.Build(document, text, reading);
        });
        if (!failures.IsEmpty) throw new CliFailure(failures.Order(StringComparer.Ordinal).First());
        return [.. articles.Select((a, i) => (a, facts[i]))];
    }

    /// <summary>Adds the documents to one linker in order and scores its stories against the gold ones with B³.</summary>
    internal static SplitScore Score(string name, IReadOnlyList<(Article Article, DocumentFacts Facts)> documents, StoryClusterOptions? options = null)
    {
        var linker = new CrossDocumentLinker(options);
        foreach (var (_, facts) in documents) linker.Add(facts);
        var gold = documents.Select(d => d.Article.Gold).ToList();
        var predicted = documents.Select(d => linker.StoryOf(d.Facts.Id)!).ToList();
        var (precision, recall) = BCubed(gold, predicted);
        return new SplitScore(name, documents.Count, gold.Distinct().Count(), predicted.Distinct().Count(), precision, recall);
    }

    /// <summary>B³ precision and recall of a clustering (one label per item) against gold labels.</summary>
    internal static (double Precision, double Recall) BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted differ in length");
        if (gold.Count == 0) return (0, 0);
        var pair = new Dictionary<(string, string), int>();
        var goldSize = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedSize = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            pair[(gold[i], predicted[i])] = pair.GetValueOrDefault((gold[i], predicted[i])) + 1;
            goldSize[gold[i]] = goldSize.GetValueOrDefault(gold[i]) + 1;
            predictedSize[predicted[i]] = predictedSize.GetValueOrDefault(predicted[i]) + 1;
        }
        double precision = 0, recall = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var both = pair[(gold[i], predicted[i])];
            precision += (double)both / predictedSize[predicted[i]];
            recall += (double)both / goldSize[gold[i]];
        }
        return (precision / gold.Count, recall / gold.Count);
    }
}
