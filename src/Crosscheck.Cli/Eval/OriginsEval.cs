using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval origins --split dev|test</c>: reprints and wire copies traced to one origin on the realnews corpus.
/// The split's articles go through <c>analyze</c> (reader, in-memory store with its near-duplicate index, pipeline,
/// linker); each article's origin is <see cref="SourceOrigins.OfDocuments"/>. Figures: gold wire groups whose members
/// in the split all have one origin; false merges, pairs of articles given one origin that no gold group joins and
/// whose manifest credits differ; and, per incident of the record, gold groups whose reports there agree on their origin.
/// Each figure is also given for copies by Jaccard alone without credits or ledes (the rule before containment, credits and rewrites).
/// </summary>
internal static class OriginsEval
{
    private sealed record Group(string Id, string Kind, List<string> Files);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "The realnews folder (default: ../shared/data/realnews)" };
        var split = new Option<string>("--split") { Description = "dev (tune on it) or test (report it)", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("dev", "test");
        var show = new Option<bool>("--show") { Description = "Print each group, the closest ungrouped pairs and the false merges (dev only)" };
        var variants = new Option<int>("--variants")
        {
            Description = "Measure robustness instead: transformed copies of each article (one per transformation and this many combining several; dev only)",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the transformed copies (with --variants)", DefaultValueFactory = _ => 13 };
        var command = new Command("origins", "Wire groups traced to one origin and false merges, on the realnews corpus (one split)") { data, split, show, variants, seed };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(data) ?? SharedDataFolder.PathTo("realnews");
            if (parse.GetResult(variants) is null) return Run(folder, parse.GetValue(split)!, parse.GetValue(show), stdout);
            if (parse.GetValue(split) != "dev")
            {
                stderr.WriteLine("crosscheck: --variants reads the articles in detail: dev split only");
                return CrosscheckCli.UsageError;
            }
            return OriginsRobustness.Run(folder, "dev", Math.Max(0, parse.GetValue(variants)), parse.GetValue(seed), parse.GetValue(show), stdout);
        });
        return command;
    }

    public static int Run(string dataDirectory, string split, bool show, TextWriter stdout)
    {
        var gold = RealnewsGold.Load(dataDirectory);
        var articles = gold.Articles.Where(a => a.Split == split).ToList();
        var credits = Credits(dataDirectory);
        var inSplit = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var groups = Groups(dataDirectory).Select(g => g with { Files = [.. g.Files.Where(inSplit.Contains)] }).Where(g => g.Files.Count > 1).ToList();

        var paths = articles.Select(a => Path.GetFullPath(Path.Combine(dataDirectory, a.Path))).ToList();
        var run = AnalyzeCommand.Analyze(paths, new ReaderOptions(), TextWriter.Null);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (doc, sources) in run.Documents)
        {
            foreach (var s in sources) fileOf.TryAdd(doc.Id, Path.GetFileName(s));
            texts[doc.Id] = doc.Text;
            copies[doc.Id] = CopyText.Of(doc);
        }
        var facts = run.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var byFile = facts.Values.Where(f => fileOf.ContainsKey(f.Id)).ToDictionary(f => fileOf[f.Id], StringComparer.Ordinal);

        // Before: copies only where the estimated Jaccard similarity reaches its threshold, no wire or interview credits.
        var sketches = copies.ToDictionary(p => p.Key, p => MinHashSignature.ComputeBoth(p.Value), StringComparer.Ordinal);
        var before = facts.Values.Select(f => f with
        {
            Wire = null,
            Relay = null,
            Lede = null,
            Sentences = [],
            Credits = [.. f.Credits.Select(c => c with { Interview = false })],
            DuplicateOf = f.DuplicateOf is { } d && sketches.ContainsKey(d) && sketches[f.Id].Signature.Similarity(sketches[d].Signature) >= MinHashSignature.Threshold ? d : null,
        }).ToDictionary(f => f.Id, StringComparer.Ordinal);

        stdout.WriteLine($"realnews origins, {split} split ({(split == "dev" ? "tuning" : "TEST: reported, not tuned on")}): {byFile.Count} articles, {groups.Count} wire groups with two or more members in the split");
        stdout.WriteLine($"thresholds: Jaccard {MinHashSignature.Threshold.ToString(CultureInfo.InvariantCulture)}; containment {ShingleSketch.ContainmentThreshold.ToString(CultureInfo.InvariantCulture)} with the shorter text at least {ShingleSketch.FullShingles} shingles, {ShingleSketch.ShortContainment.ToString(CultureInfo.InvariantCulture)} from {ShingleSketch.MinShingles}");
        foreach (var (name, table) in new[] { ("Jaccard copies only, no credits", before), ("containment, wire credits, relays, interviews, ledes", facts) })
        {
            var origins = SourceOrigins.OfDocuments(table);
            string OriginOf(string file) => SourceOrigins.Key(origins[byFile[file].Id].Origin);
            var traced = groups.Count(g => g.Files.Where(byFile.ContainsKey).Select(OriginOf).Distinct().Count() == 1);
            var reprints = groups.Where(g => g.Kind.StartsWith("reprint", StringComparison.Ordinal)).ToList();
            var tracedReprints = reprints.Count(g => g.Files.Where(byFile.ContainsKey).Select(OriginOf).Distinct().Count() == 1);
            var merges = FalseMerges(byFile.Keys.Order(StringComparer.Ordinal).ToList(), OriginOf, groups, credits);
            stdout.WriteLine($"  {name}: wire groups traced to one origin {traced}/{groups.Count} (sharing text {tracedReprints}/{reprints.Count}); false merges {merges.Count} pairs");
            if (show && split == "dev")
            {
                foreach (var g in groups) stdout.WriteLine($"    {g.Id} {g.Kind}: {string.Join(" | ", g.Files.Where(byFile.ContainsKey).Select(f => $"{OriginOf(f)} [{origins[byFile[f].Id].Reason}]"))}");
                foreach (var (a, b) in merges) stdout.WriteLine($"    false merge: {a} + {b} ({OriginOf(a)}; credits '{credits.GetValueOrDefault(a)}' / '{credits.GetValueOrDefault(b)}')");
            }
        }
        IncidentAgreement(run.Cross, groups, byFile, facts, stdout);
        if (show && split == "dev") Pairs(byFile, sketches, groups, stdout);
        if (show && split == "dev")
        {
            foreach (var (file, f) in byFile.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                stdout.WriteLine($"    credits {file}: wire {f.Wire ?? "-"}; dup {(f.DuplicateOf is { } d && fileOf.TryGetValue(d, out var df) ? df : "-")}; {string.Join(", ", f.Credits.Select(c => c.Via + (c.Interview ? $"* (interview at {c.Start}/{texts[f.Id].Length})" : "")))}");
            }
        }
        return CrosscheckCli.Ok;
    }

    /// <summary>Per incident of the record, the gold groups with two or more reports in it whose reports give one origin.</summary>
    private static void IncidentAgreement(CrossRecord cross, List<Group> groups, Dictionary<string, DocumentFacts> byFile,
        Dictionary<string, DocumentFacts> facts, TextWriter stdout)
    {
        int cases = 0, agree = 0;
        foreach (var incident in cross.Incidents)
        {
            var originOf = incident.Reports.ToDictionary(r => r.Document, r => SourceOrigins.Key(r.Origin), StringComparer.Ordinal);
            foreach (var g in groups)
            {
                var here = g.Files.Where(byFile.ContainsKey).Select(f => byFile[f].Id).Where(originOf.ContainsKey).ToList();
                if (here.Count < 2) continue;
                cases++;
                if (here.Select(d => originOf[d]).Distinct().Count() == 1) agree++;
            }
        }
        var single = cross.Incidents.Count(i => i.Documents.Length > 1);
        var sources = cross.Incidents.Where(i => i.Documents.Length > 1).Sum(i => i.IndependentSources);
        var documents = cross.Incidents.Where(i => i.Documents.Length > 1).Sum(i => i.Documents.Length);
        stdout.WriteLine($"  in the record's incidents: a group's reports in one incident give one origin {agree}/{cases}; incidents of two or more documents {single}, independent sources {sources} for {documents} documents");
    }

    /// <summary>Pairs of articles given one origin that no gold group joins and whose manifest credits differ.</summary>
    private static List<(string A, string B)> FalseMerges(List<string> files, Func<string, string> originOf, List<Group> groups, Dictionary<string, string> credits)
    {
        var together = groups.SelectMany(g => g.Files.SelectMany(a => g.Files.Select(b => (a, b)))).ToHashSet();
        var found = new List<(string, string)>();
        foreach (var same in files.GroupBy(originOf).Where(g => g.Count() > 1))
        {
            var list = same.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    if (!together.Contains((list[i], list[j])) && CreditKey(credits.GetValueOrDefault(list[i]) ?? "") != CreditKey(credits.GetValueOrDefault(list[j]) ?? ""))
                        found.Add((list[i], list[j]));
        }
        return found;
    }

    /// <summary>The agency or outlet a manifest credit names: "Reuters (rewritten)" and "uncredited (AFP text)" name Reuters and AFP.</summary>
    private static string CreditKey(string credit)
    {
        var c = credit.Trim();
        if (c.StartsWith("uncredited (", StringComparison.Ordinal) && c.EndsWith(" text)", StringComparison.Ordinal)) c = c["uncredited (".Length..^" text)".Length];
        var paren = c.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0) c = c[..paren];
        return c.Length == 0 ? "" : SourceOrigins.Key(c);
    }

    /// <summary>Jaccard and containment of each gold pair, and the ungrouped pairs with the most containment (for tuning on dev).</summary>
    private static void Pairs(Dictionary<string, DocumentFacts> byFile, Dictionary<string, (MinHashSignature Signature, ShingleSketch Sketch)> sketches,
        List<Group> groups, TextWriter stdout)
    {
        var together = groups.SelectMany(g => g.Files.SelectMany(a => g.Files.Select(b => (a, b)))).ToHashSet();
        var files = byFile.Keys.Order(StringComparer.Ordinal).ToList();
        var rows = new List<(bool Gold, double C, string Line)>();
        for (var i = 0; i < files.Count; i++)
            for (var j = i + 1; j < files.Count; j++)
            {
                var (a, b) = (sketches[byFile[files[i]].Id], sketches[byFile[files[j]].Id]);
                var c = ShingleSketch.Containment(a.Sketch, b.Sketch);
                var anchors = a.Sketch.Anchors().Intersect(b.Sketch.Anchors()).Count();
                var line = $"J {a.Signature.Similarity(b.Signature):0.00} C {c:0.00} anchors {anchors}/{a.Sketch.Anchors().Count()}/{b.Sketch.Anchors().Count()} shorter {Math.Min(a.Sketch.Shingles, b.Sketch.Shingles)}: {files[i]} + {files[j]}";
                rows.Add((together.Contains((files[i], files[j])), c, line));
            }
        foreach (var r in rows.Where(r => r.Gold).OrderByDescending(r => r.C)) stdout.WriteLine("    gold pair " + r.Line);
        foreach (var r in rows.Where(r => !r.Gold).OrderByDescending(r => r.C).Take(10)) stdout.WriteLine("    ungrouped " + r.Line);
    }

    private static List<Group> Groups(string dataDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataDirectory, "gold.json")));
        var groups = new List<Group>();
        foreach (var g in json.RootElement.GetProperty("wire_groups").EnumerateArray())
        {
            var files = g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("file").GetString()!).ToList();
            groups.Add(new Group(g.GetProperty("id").GetString()!, g.GetProperty("kind").GetString() ?? "", files));
        }
        return groups;
    }

    private static Dictionary<string, string> Credits(string dataDirectory)
    {
        var lines = File.ReadAllLines(Path.Combine(dataDirectory, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int file = Array.IndexOf(header, "file"), credit = Array.IndexOf(header, "credit");
        return lines.Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > Math.Max(file, credit))
            .ToDictionary(c => c[file], c => c[credit], StringComparer.Ordinal);
    }
}
