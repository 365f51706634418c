using System.Globalization;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval origins --variants N</c>: how robust tracing reprints is. From each article of the split it makes,
/// at run time in a temporary folder, one transformed copy per transformation of <see cref="ReprintVariants"/> and N
/// more that combine three to five of them at random (seeded), each under an outlet of its own; then reads the articles
/// and the copies together through <c>analyze</c>. Figures: copies joined to their original as near-duplicates (one
/// document, or one chain of <see cref="DocumentFacts.DuplicateOf"/>, or the chain of an article the gold groups with it), copies given their original's document origin
/// (<see cref="SourceOrigins.OfDocuments"/>), and false joins: near-duplicate chains holding copies of two articles that
/// no gold wire group joins. Nothing of the corpus is kept.
/// </summary>
internal static class OriginsRobustness
{
    public static int Run(string dataDirectory, string split, int combined, int seed, bool show, TextWriter stdout)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "gold.json")))
        {
            stdout.WriteLine($"realnews origins, robustness: skipped, no corpus at {dataDirectory}");
            return CrosscheckCli.Ok;
        }
        var gold = RealnewsGold.Load(dataDirectory);
        var articles = gold.Articles.Where(a => a.Split == split).OrderBy(a => a.File, StringComparer.Ordinal).ToList();
        var together = gold.WireGroups
            .SelectMany(g => g.Members.SelectMany(a => g.Members.Select(b => (a, b)))).ToHashSet();
        var folder = Directory.CreateTempSubdirectory("crosscheck-variants-");
        try
        {
            // file in the folder -> (source article, transformation names)
            var made = new Dictionary<string, (string Source, string Kind)>(StringComparer.Ordinal);
            var n = 0;
            foreach (var a in articles)
            {
                var path = Path.Combine(dataDirectory, a.Path);
                var original = ReprintVariants.Parse(File.ReadAllText(path));
                var copy = Path.Combine(folder.FullName, $"{n++:D5}-original.txt");
                File.Copy(path, copy);
                made[Path.GetFileName(copy)] = (a.File, "original");
                var variants = new List<(string Kind, ReprintVariants.Article Text)>();
                for (var t = 0; t < ReprintVariants.All.Count; t++)
                {
                    var random = new Random(ReprintVariants.Seed(seed, a.File, t));
                    variants.Add((ReprintVariants.All[t].Name, ReprintVariants.All[t].Apply(original, random)));
                }
                for (var k = 0; k < combined; k++)
                {
                    var random = new Random(ReprintVariants.Seed(seed, a.File, 1000 + k));
                    var chosen = ReprintVariants.All.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToList();
                    var text = chosen.Aggregate(original, (x, tr) => tr.Apply(x, random));
                    variants.Add(("combined " + string.Join('+', chosen.Select(c => c.Name)), text));
                }
                variants.Add(("quoting brief", ReprintVariants.QuotingBrief(original, new Random(ReprintVariants.Seed(seed, a.File, 2000)))));
                foreach (var (kind, text) in variants)
                {
                    var file = $"{n++:D5}-variant.txt";
                    File.WriteAllText(Path.Combine(folder.FullName, file), ReprintVariants.Write(text, $"Reprint Site {n}"));
                    made[file] = (a.File, kind);
                }
            }

            var started = DateTime.UtcNow;
            var run = AnalyzeCommand.Analyze([folder.FullName], new ReaderOptions(), TextWriter.Null);
            var facts = run.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
            var origins = SourceOrigins.OfDocuments(facts);
            // Each file's document (a copy with the same text is the same document, stored once under its first file).
            var docOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var read in new DocumentReader(new ReaderOptions()).Read([folder.FullName]))
                if (read.Document is { } d && facts.ContainsKey(d.Id)) docOf[Path.GetFileName(d.Source)] = d.Id;
            var texts = run.Documents.ToDictionary(d => d.Item1.Id, d => CopyText.Of(d.Item1), StringComparer.Ordinal);

            // Near-duplicate chains: a document and what it copies.
            string Root(string id)
            {
                for (var i = 0; i < 8 && facts.GetValueOrDefault(id)?.DuplicateOf is { } d && d != id; i++) id = d;
                return id;
            }
            string Name(string id) => docOf.Where(p => p.Value == id).Select(p => made.TryGetValue(p.Key, out var m) ? $"{m.Kind} of {m.Source}" : p.Key).FirstOrDefault() ?? id;
            string OriginKey(string id) => origins.TryGetValue(id, out var o) ? SourceOrigins.Key(o.Origin) : id;

            var chainSources = made.Where(m => docOf.ContainsKey(m.Key)).GroupBy(m => Root(docOf[m.Key]))
                .ToDictionary(g => g.Key, g => g.Select(m => m.Value.Source).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var byKind = new SortedDictionary<string, (int All, int Copies, int Origins)>(StringComparer.Ordinal);
            var contained = new Dictionary<string, double>(StringComparer.Ordinal);
            var sketches = new Dictionary<string, ShingleSketch>(StringComparer.Ordinal);
            ShingleSketch SketchOf(string id) => sketches.TryGetValue(id, out var k) ? k : sketches[id] = ShingleSketch.Compute(texts[id]);
            var misses = new List<string>();
            int briefs = 0, briefsJoined = 0;
            foreach (var (file, (source, kind)) in made.Where(m => m.Value.Kind == "quoting brief"))
            {
                var originalFile = made.First(m => m.Value.Source == source && m.Value.Kind == "original").Key;
                if (!docOf.TryGetValue(file, out var id) || !docOf.TryGetValue(originalFile, out var orig)) continue;
                briefs++;
                if (facts.Keys.Any(d => d != id && Root(d) == Root(id)))
                {
                    briefsJoined++;
                    if (show)
                    {
                        var (x, y) = (MinHashSignature.ComputeBoth(texts[id]), MinHashSignature.ComputeBoth(texts[orig]));
                        misses.Add($"    quoting brief joined: J {x.Signature.Similarity(y.Signature):0.00} C {ShingleSketch.Containment(x.Sketch, y.Sketch):0.00} shingles {x.Sketch.Shingles}/{y.Sketch.Shingles}: {source}");
                    }
                }
            }
            foreach (var (file, (source, kind)) in made.Where(m => m.Value.Kind is not "original" and not "quoting brief"))
            {
                var name = kind.StartsWith("combined", StringComparison.Ordinal) ? "combined" : kind;
                var (all, copies, same) = byKind.GetValueOrDefault(name);
                var originalFile = made.First(m => m.Value.Source == source && m.Value.Kind == "original").Key;
                if (!docOf.TryGetValue(file, out var id) || !docOf.TryGetValue(originalFile, out var orig)) continue;
                // A copy that joins the chain of an article the gold groups with its original is joined too: a document
                // matching two chains joins the earliest's (chains are not merged).
                var copied = id == orig || Root(id) == Root(orig) || chainSources[Root(id)].Any(f => f != source && together.Contains((source, f)));
                var traced = OriginKey(id) == OriginKey(orig);
                byKind[name] = (all + 1, copies + (copied ? 1 : 0), same + (traced ? 1 : 0));
                contained[name] = contained.GetValueOrDefault(name) + (id == orig ? 1 : ShingleSketch.Containment(SketchOf(id), SketchOf(orig)));
                if (!copied && show)
                {
                    var (x, y) = (MinHashSignature.ComputeBoth(texts[id]), MinHashSignature.ComputeBoth(texts[orig]));
                    misses.Add($"    not joined ({kind}): J {x.Signature.Similarity(y.Signature):0.00} C {ShingleSketch.Containment(x.Sketch, y.Sketch):0.00} " +
                        $"shingles {x.Sketch.Shingles}/{y.Sketch.Shingles} anchors {x.Sketch.Anchors().Count()}/{y.Sketch.Anchors().Count()}: {source} (chains {Name(Root(id))} {Name(Root(orig))})");
                }
            }

            // False joins: one near-duplicate chain holding articles (or their copies) that no gold group joins.
            var falseJoins = new List<(string A, string B)>();
            foreach (var chain in chainSources.Values)
            {
                var sources = chain.Order(StringComparer.Ordinal).ToList();
                for (var i = 0; i < sources.Count; i++)
                    for (var j = i + 1; j < sources.Count; j++)
                        if (!together.Contains((sources[i], sources[j]))) falseJoins.Add((sources[i], sources[j]));
            }

            var total = byKind.Values.Aggregate((All: 0, Copies: 0, Origins: 0), (s, v) => (s.All + v.All, s.Copies + v.Copies, s.Origins + v.Origins));
            stdout.WriteLine($"realnews origins, robustness of reprint tracing on the {split} split: {articles.Count} articles, {made.Count - 2 * articles.Count} transformed copies " +
                $"({ReprintVariants.All.Count} transformations one by one, {combined} combining 3-5 at random; seed {seed}) and {articles.Count} briefs quoting one sentence, {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            stdout.WriteLine($"thresholds: Jaccard {MinHashSignature.Threshold.ToString(CultureInfo.InvariantCulture)}; containment {ShingleSketch.ContainmentThreshold.ToString(CultureInfo.InvariantCulture)} with the shorter text at least {ShingleSketch.FullShingles} shingles, {ShingleSketch.ShortContainment.ToString(CultureInfo.InvariantCulture)} from {ShingleSketch.MinShingles}");
            stdout.WriteLine($"  {"transformation",-18} {"copies",7}  {"joined",17}  {"same origin",17}  mean containment");
            foreach (var (kind, (all, copies, same)) in byKind.OrderBy(k => k.Key == "combined" ? 1 : 0).ThenBy(k => k.Key, StringComparer.Ordinal))
                stdout.WriteLine($"  {kind,-18} {all,7}  {Share(copies, all),17}  {Share(same, all),17}  {contained[kind] / all:0.000}");
            stdout.WriteLine($"  {"all",-18} {total.All,7}  {Share(total.Copies, total.All),17}  {Share(total.Origins, total.All),17}  {contained.Values.Sum() / total.All:0.000}");
            stdout.WriteLine($"  false joins: {falseJoins.Count} pairs of articles no gold group joins in one near-duplicate chain; " +
                $"briefs of their own quoting an article's longest sentence joined to it: {briefsJoined} of {briefs}");
            if (show)
            {
                foreach (var m in misses) stdout.WriteLine(m);
                foreach (var (a, b) in falseJoins) stdout.WriteLine($"    false join: {a} + {b}");
                // The links that made them: a document pointing at one of another article that no gold group joins.
                var sourceOf = made.Where(m => docOf.ContainsKey(m.Key)).GroupBy(m => docOf[m.Key]).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
                foreach (var f in facts.Values.Where(f => f.DuplicateOf is { } d && sourceOf.ContainsKey(f.Id) && sourceOf.ContainsKey(d)
                    && sourceOf[f.Id].Source != sourceOf[d].Source && !together.Contains((sourceOf[f.Id].Source, sourceOf[d].Source))))
                {
                    var (x, y) = (MinHashSignature.ComputeBoth(texts[f.Id]), MinHashSignature.ComputeBoth(texts[f.DuplicateOf!]));
                    stdout.WriteLine($"    false link: {sourceOf[f.Id].Kind} of {sourceOf[f.Id].Source} -> {sourceOf[f.DuplicateOf!].Kind} of {sourceOf[f.DuplicateOf!].Source}: " +
                        $"J {x.Signature.Similarity(y.Signature):0.00} C {ShingleSketch.Containment(x.Sketch, y.Sketch):0.00} shingles {x.Sketch.Shingles}/{y.Sketch.Shingles}");
                    foreach (var m in facts.Values.Where(m => m.Id != f.Id && Root(m.Id) == Root(f.DuplicateOf!)))
                    {
                        var z = MinHashSignature.ComputeBoth(texts[m.Id]);
                        if (ShingleSketch.Contained(x.Sketch, z.Sketch) || x.Signature.Similarity(z.Signature) >= MinHashSignature.Threshold)
                            stdout.WriteLine($"      through {sourceOf[m.Id].Kind} of {sourceOf[m.Id].Source}: J {x.Signature.Similarity(z.Signature):0.00} C {ShingleSketch.Containment(x.Sketch, z.Sketch):0.00} shingles {x.Sketch.Shingles}/{z.Sketch.Shingles}");
                    }
                }
            }
            return CrosscheckCli.Ok;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Share(int n, int of) => of == 0 ? "-" : $"{(double)n / of:0.000} ({n}/{of})";
}
