using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Export;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval seeds</c>: scores an analysis of the seed articles against the gold file, by the rules
/// in the gold README. The analysis is read as contract JSON, so any producer of the contract can be scored.
/// Parts not built yet score what the contract holds (an empty events array scores zero recall).
/// </summary>
internal static class SeedsEval
{
    public static int Run(string seedsDirectory, string goldPath, string? analysisPath, TextWriter stdout, TextWriter stderr)
    {
        JsonDocument gold;
        try
        {
            gold = JsonDocument.Parse(File.ReadAllBytes(goldPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliFailure($"{goldPath}: cannot read the gold file ({ex.Message})");
        }

        JsonDocument analysis;
        if (analysisPath is not null)
        {
            try
            {
                analysis = JsonDocument.Parse(File.ReadAllBytes(analysisPath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                throw new CliFailure($"{analysisPath}: cannot read the analysis ({ex.Message})");
            }
        }
        else
        {
            if (!Directory.Exists(seedsDirectory)) throw new CliFailure($"{seedsDirectory}: the seeds folder does not exist");
            var (documents, entities, readings, failed) = AnalyzeCommand.Analyze([seedsDirectory], new ReaderOptions(), stderr);
            if (failed > 0) throw new CliFailure($"{failed} seed file(s) could not be read");
            using var buffer = new MemoryStream();
            AnalysisJson.Write(buffer, documents, entities, readings);
            analysis = JsonDocument.Parse(buffer.ToArray());
        }

        using (gold)
        using (analysis)
        {
            var report = Score(gold.RootElement, analysis.RootElement);
            foreach (var line in report.Lines) stdout.WriteLine(line);
            return CrosscheckCli.Ok;
        }
    }

    internal sealed record Report(List<string> Lines, double Segments, double Entities);

    private sealed record AnalyzedDocument(string Id, string FileName, string Text, FoldedText Folded, JsonElement Element);

    internal static Report Score(JsonElement gold, JsonElement analysis)
    {
        var lines = new List<string>();
        var docs = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
        foreach (var d in analysis.GetProperty("documents").EnumerateArray())
        {
            var source = d.GetProperty("source").GetString() ?? "";
            var file = Path.GetFileName(source);
            var text = d.GetProperty("text").GetString() ?? "";
            docs[file] = new AnalyzedDocument(d.GetProperty("id").GetString()!, file, text, new FoldedText(text), d);
        }

        // Segments: the segment covering the start of each listed evidence has the listed kind (bar 1.0).
        int segOk = 0, segAll = 0;
        foreach (var g in gold.GetProperty("segments").EnumerateArray())
        {
            segAll++;
            var file = g.GetProperty("document").GetString()!;
            var evidence = g.GetProperty("evidence").GetString()!;
            var kind = g.GetProperty("kind").GetString()!;
            string? found = null;
            if (docs.TryGetValue(file, out var doc))
            {
                foreach (var (start, _) in doc.Folded.Find(evidence))
                {
                    found = SegmentKindAt(doc.Element, start);
                    break;
                }
            }
            if (found == kind) segOk++;
            else lines.Add($"  segment miss: {file}: \"{Short(evidence)}\" is {found ?? "not found"}, gold {kind}");
        }

        // Entities: one entity with the canonical name holds every listed mention and title (bar 0.80).
        int entOk = 0, entAll = 0;
        var entities = analysis.GetProperty("entities").EnumerateArray().ToList();
        foreach (var g in gold.GetProperty("entities").EnumerateArray())
        {
            entAll++;
            var canonical = g.GetProperty("canonical").GetString()!;
            var candidates = entities.Where(e => e.GetProperty("name").GetString() == canonical).ToList();
            var problems = new List<string>();
            if (candidates.Count != 1) problems.Add(candidates.Count == 0 ? "no entity has this name" : $"{candidates.Count} entities have this name");
            else
            {
                var e = candidates[0];
                if (g.TryGetProperty("type", out var type) && e.GetProperty("type").GetString() != type.GetString())
                    problems.Add($"type {e.GetProperty("type").GetString()}, gold {type.GetString()}");
                var titles = e.GetProperty("titles").EnumerateArray().Select(t => t.GetString()).ToHashSet();
                if (g.TryGetProperty("titles", out var goldTitles))
                {
                    foreach (var t in goldTitles.EnumerateArray())
                        if (!titles.Contains(t.GetString())) problems.Add($"title \"{t.GetString()}\" missing");
                }
                foreach (var byDoc in g.GetProperty("mentions").EnumerateObject())
                {
                    if (!docs.TryGetValue(byDoc.Name, out var doc)) { problems.Add($"{byDoc.Name} not analyzed"); continue; }
                    var held = e.GetProperty("mentions").EnumerateArray()
                        .Where(m => m.GetProperty("document").GetString() == doc.Id)
                        .Select(m => (Start: m.GetProperty("start").GetInt32(), End: m.GetProperty("end").GetInt32(), Text: FoldedText.FoldString(m.GetProperty("text").GetString() ?? "")))
                        .ToList();
                    foreach (var mention in byDoc.Value.EnumerateArray().Select(m => m.GetString()!))
                    {
                        var folded = FoldedText.FoldString(mention);
                        var ok = doc.Folded.Find(mention).Any(o => held.Any(h => h.Start < o.End && o.Start < h.End
                            && (h.Text.Contains(folded, StringComparison.OrdinalIgnoreCase) || folded.Contains(h.Text, StringComparison.OrdinalIgnoreCase))));
                        if (!ok) problems.Add($"mention \"{mention}\" in {byDoc.Name} not held");
                    }
                }
            }
            if (problems.Count == 0) entOk++;
            else lines.Add($"  entity miss: {canonical}: {string.Join("; ", problems)}");
        }

        var segments = segAll == 0 ? 1 : segOk / (double)segAll;
        var entityScore = entAll == 0 ? 1 : entOk / (double)entAll;
        lines.Insert(0, $"segments  {segOk}/{segAll} = {segments:F2} (bar 1.00) {(segments >= 1.0 ? "pass" : "FAIL")}");
        lines.Insert(1, $"entities  {entOk}/{entAll} = {entityScore:F2} (bar 0.80) {(entityScore >= 0.8 ? "pass" : "FAIL")}");
        return new Report(lines, segments, entityScore);
    }

    private static string? SegmentKindAt(JsonElement doc, int offset)
    {
        foreach (var s in doc.GetProperty("segments").EnumerateArray())
        {
            if (offset >= s.GetProperty("start").GetInt32() && offset < s.GetProperty("end").GetInt32())
                return s.GetProperty("kind").GetString();
        }
        return null;
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
