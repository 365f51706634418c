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
            var (documents, entities, readings, cross, failed) = AnalyzeCommand.Analyze([seedsDirectory], new ReaderOptions(), stderr);
            if (failed > 0) throw new CliFailure($"{failed} seed file(s) could not be read");
            using var buffer = new MemoryStream();
            AnalysisJson.Write(buffer, documents, entities, readings, cross);
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

    internal sealed record Report(List<string> Lines, double Segments, double Entities)
    {
        public double EventRecall { get; init; }
        public double EventPrecision { get; init; }
        public int CommentEvents { get; init; }
        public double Fields { get; init; }
        public double Quotes { get; init; }
        public int CrossPassed { get; init; }
        public int CrossChecks { get; init; }
    }

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
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = ScoreEvents(gold, analysis, docs, lines, matched);
        var (crossPassed, crossChecks) = gold.TryGetProperty("cross", out var crossGold)
            ? SeedsCrossEval.Score(crossGold, gold, analysis, docs.ToDictionary(d => d.Key, d => d.Value.Id, StringComparer.Ordinal), matched, lines)
            : (0, 0);
        var quotes = ScoreQuotes(gold, analysis, docs, lines);
        var head = new List<string>
        {
            $"segments  {segOk}/{segAll} = {segments:F2} (bar 1.00) {(segments >= 1.0 ? "pass" : "FAIL")}",
            $"entities  {entOk}/{entAll} = {entityScore:F2} (bar 0.80) {(entityScore >= 0.8 ? "pass" : "FAIL")}",
            $"events    required recall {events.RequiredMatched}/{events.Required} = {events.Recall:F2} (bar 0.90) {(events.Recall >= 0.9 ? "pass" : "FAIL")}",
            $"events    precision {events.PredictedMatched}/{events.Predicted} = {events.Precision:F2} (bar 0.80) {(events.Precision >= 0.8 ? "pass" : "FAIL")}",
            $"events    in the reader comment: {events.InComment} (bar 0) {(events.InComment == 0 ? "pass" : "FAIL")}",
            $"fields    {events.FieldsOk}/{events.Fields} = {events.FieldScore:F2} on matched required events",
            $"quotes    {quotes.Ok}/{quotes.All} = {quotes.Score:F2} (bar 0.80) {(quotes.Score >= 0.8 ? "pass" : "FAIL")}",
            $"cross     {crossPassed}/{crossChecks} cross-document checks (bar all) {(crossPassed == crossChecks ? "pass" : "FAIL")}",
        };
        lines.InsertRange(0, head);
        return new Report(lines, segments, entityScore)
        {
            EventRecall = events.Recall,
            EventPrecision = events.Precision,
            CommentEvents = events.InComment,
            Fields = events.FieldScore,
            Quotes = quotes.Score,
            CrossPassed = crossPassed,
            CrossChecks = crossChecks,
        };
    }

    private sealed record EventScore(int Required, int RequiredMatched, int Predicted, int PredictedMatched, int InComment, int Fields, int FieldsOk)
    {
        public double Recall => Required == 0 ? 1 : RequiredMatched / (double)Required;
        public double Precision => Predicted == 0 ? 0 : PredictedMatched / (double)Predicted;
        public double FieldScore => Fields == 0 ? 1 : FieldsOk / (double)Fields;
    }

    private sealed record PredictedEvent(AnalyzedDocument Doc, JsonElement Element, int Start, int End, bool InComment);

    /// <summary>
    /// Events: a prediction matches a gold event in the same document when its evidence overlaps the gold
    /// evidence and its type and modality are among the gold ones; gold events are matched greedily,
    /// required first, each prediction at most once. Fields are checked on matched required events.
    /// </summary>
    private static EventScore ScoreEvents(JsonElement gold, JsonElement analysis, Dictionary<string, AnalyzedDocument> docs, List<string> lines,
        Dictionary<string, string> matched)
    {
        var byId = docs.Values.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var entityNames = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in analysis.GetProperty("entities").EnumerateArray())
        {
            var names = new List<string> { e.GetProperty("name").GetString() ?? "" };
            if (e.TryGetProperty("aliases", out var aliases)) names.AddRange(aliases.EnumerateArray().Select(a => a.GetString() ?? ""));
            entityNames[e.GetProperty("id").GetString()!] = names;
        }
        var predictions = new List<PredictedEvent>();
        if (analysis.TryGetProperty("events", out var events))
        {
            foreach (var ev in events.EnumerateArray())
            {
                if (!byId.TryGetValue(ev.GetProperty("document").GetString() ?? "", out var doc)) continue;
                var evidence = ev.GetProperty("evidence");
                var start = evidence.GetProperty("start").GetInt32();
                var end = evidence.GetProperty("end").GetInt32();
                var commented = SegmentKindAt(doc.Element, start) == "comment";
                predictions.Add(new PredictedEvent(doc, ev, start, end, commented));
            }
        }
        var goldEvents = gold.GetProperty("events").EnumerateArray()
            .OrderByDescending(g => g.TryGetProperty("required", out var r) && r.GetBoolean()).ToList();
        var used = new HashSet<int>();
        int required = 0, requiredMatched = 0, fields = 0, fieldsOk = 0;
        foreach (var g in goldEvents)
        {
            var isRequired = g.TryGetProperty("required", out var r) && r.GetBoolean();
            if (isRequired) required++;
            var file = g.GetProperty("document").GetString()!;
            var evidence = g.GetProperty("evidence").GetString()!;
            var types = Strings(g, "types");
            var modalities = Strings(g, "modality");
            var match = -1;
            if (docs.TryGetValue(file, out var doc))
            {
                var spans = doc.Folded.Find(evidence).ToList();
                for (var i = 0; i < predictions.Count && match < 0; i++)
                {
                    var p = predictions[i];
                    if (used.Contains(i) || p.Doc != doc || p.InComment) continue;
                    if (!spans.Any(s => s.Start < p.End && p.Start < s.End)) continue;
                    if (!types.Contains(p.Element.GetProperty("type").GetString() ?? "")) continue;
                    if (!modalities.Contains(p.Element.GetProperty("modality").GetString() ?? "")) continue;
                    match = i;
                }
            }
            var id = g.TryGetProperty("id", out var gid) ? gid.GetString() : "?";
            if (match < 0)
            {
                if (isRequired) lines.Add($"  event miss: {id} {string.Join('/', types)} {string.Join('/', modalities)}: \"{Short(evidence)}\"");
                continue;
            }
            used.Add(match);
            if (id is not null && predictions[match].Element.TryGetProperty("id", out var pid) && pid.GetString() is { } predictedId) matched[id] = predictedId;
            if (!isRequired) continue;
            requiredMatched++;
            foreach (var (field, ok, got) in CheckFields(g, predictions[match].Element, entityNames))
            {
                fields++;
                if (ok) fieldsOk++;
                else lines.Add($"  field miss: {id} {field}: got {got}");
            }
        }
        var inComment = predictions.Count(p => p.InComment);
        for (var i = 0; i < predictions.Count; i++)
        {
            if (used.Contains(i)) continue;
            var p = predictions[i].Element;
            lines.Add($"  unmatched prediction: {p.GetProperty("type").GetString()} {p.GetProperty("modality").GetString()}: \"{Short(p.GetProperty("evidence").GetProperty("text").GetString() ?? "")}\"{(predictions[i].InComment ? " (in the reader comment)" : "")}");
        }
        return new EventScore(required, requiredMatched, predictions.Count, used.Count, inComment, fields, fieldsOk);
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString() ?? "")] : [v.GetString() ?? ""]
            : [];

    private static bool Within(string needle, string? haystack) =>
        haystack is not null && FoldedText.FoldString(haystack).Contains(FoldedText.FoldString(needle), StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static decimal? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    /// <summary>The gold README's field checks, each as (field, passed, what the prediction had).</summary>
    private static IEnumerable<(string Field, bool Ok, string Got)> CheckFields(JsonElement g, JsonElement p, Dictionary<string, List<string>> entityNames)
    {
        var location = Prop(p, "location");
        if (g.TryGetProperty("location_country", out var country))
            yield return ("location_country", Text(location, "country") == country.GetString(), Text(location, "country") ?? "null");
        if (g.TryGetProperty("location_any", out _))
        {
            var names = Strings(g, "location_any");
            yield return ("location_any", names.Any(n => Within(n, Text(location, "text")) || Within(n, Text(location, "name"))), Text(location, "text") ?? "null");
        }
        if (g.TryGetProperty("fatalities", out var fat))
        {
            var f = Prop(p, "fatalities");
            var want = fat.EnumerateArray().Select(x => x.GetDecimal()).ToArray();
            yield return ("fatalities", Number(f, "min") == want[0] && Number(f, "max") == want[1], f.ValueKind == JsonValueKind.Object ? $"[{Number(f, "min")}, {Number(f, "max")}]" : "null");
        }
        if (g.TryGetProperty("strike_count", out var sc))
        {
            var c = Prop(p, "count");
            yield return ("strike_count", Number(c, "min") == sc.GetDecimal() && Number(c, "max") == sc.GetDecimal(), c.ValueKind == JsonValueKind.Object ? $"{Number(c, "min")}–{Number(c, "max")}" : "null");
        }
        if (g.TryGetProperty("time_any", out _))
        {
            var t = Text(Prop(p, "time"), "text");
            yield return ("time_any", Strings(g, "time_any").Any(n => Within(n, t)), t ?? "null");
        }
        foreach (var (goldName, predName) in new[] { ("actor_any", "actors"), ("recipient_any", "recipients") })
        {
            if (!g.TryGetProperty(goldName, out _)) continue;
            var wanted = Strings(g, goldName);
            var got = Prop(p, predName).ValueKind == JsonValueKind.Array ? Prop(p, predName).EnumerateArray().ToList() : [];
            var ok = got.Any(a => wanted.Any(w => Within(w, Text(a, "text"))
                || (Text(a, "entity") is { } id && entityNames.TryGetValue(id, out var names) && names.Any(n => Within(w, n)))));
            yield return (goldName, ok, got.Count == 0 ? "none" : string.Join(", ", got.Select(a => Text(a, "text"))));
        }
        if (g.TryGetProperty("mode_any", out _))
        {
            var modes = Prop(p, "mode").ValueKind == JsonValueKind.Array ? Prop(p, "mode").EnumerateArray().Select(m => m.GetString() ?? "").ToList() : [];
            yield return ("mode_any", Strings(g, "mode_any").Any(modes.Contains), string.Join(",", modes));
        }
        var attribution = Prop(p, "attribution");
        if (g.TryGetProperty("attribution_kind", out _))
            yield return ("attribution_kind", Strings(g, "attribution_kind").Contains(Text(attribution, "kind") ?? ""), Text(attribution, "kind") ?? "null");
        if (g.TryGetProperty("attribution_count", out var ac))
            yield return ("attribution_count", Number(attribution, "count") == ac.GetDecimal(), Number(attribution, "count")?.ToString() ?? "null");
        if (g.TryGetProperty("attribution_via", out var via))
            yield return ("attribution_via", Text(attribution, "via") is { } v && FoldedText.FoldString(v).Equals(FoldedText.FoldString(via.GetString()!), StringComparison.OrdinalIgnoreCase), Text(attribution, "via") ?? "null");
        if (g.TryGetProperty("attribution_speaker", out var speaker))
        {
            var sp = Prop(attribution, "speaker");
            var candidates = new List<string?> { Text(sp, "name"), Text(sp, "text") };
            if (Text(sp, "entity") is { } id && entityNames.TryGetValue(id, out var names)) candidates.AddRange(names);
            yield return ("attribution_speaker", candidates.Any(c => c is not null && Within(speaker.GetString()!, c)), Text(sp, "name") ?? Text(sp, "text") ?? "null");
        }
        foreach (var unit in new[] { "troops", "people" })
        {
            if (!g.TryGetProperty(unit, out var value)) continue;
            var quantities = Prop(p, "quantities").ValueKind == JsonValueKind.Array ? Prop(p, "quantities").EnumerateArray().ToList() : [];
            yield return (unit, quantities.Any(q => Text(q, "unit") == unit && Number(q, "value") == value.GetDecimal()),
                quantities.Count == 0 ? "none" : string.Join(", ", quantities.Select(q => $"{Number(q, "value")} {Text(q, "unit")}")));
        }
    }

    /// <summary>Quotes: a required quote matches a predicted quote that overlaps it and whose speaker (name, text or entity name) is the gold speaker.</summary>
    private static (int Ok, int All, double Score) ScoreQuotes(JsonElement gold, JsonElement analysis, Dictionary<string, AnalyzedDocument> docs, List<string> lines)
    {
        var entityNames = analysis.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("name").GetString() ?? "", StringComparer.Ordinal);
        var predicted = analysis.TryGetProperty("quotes", out var q) ? q.EnumerateArray().ToList() : [];
        int ok = 0, all = 0;
        foreach (var g in gold.GetProperty("quotes").EnumerateArray())
        {
            if (!(g.TryGetProperty("required", out var r) && r.GetBoolean())) continue;
            all++;
            var file = g.GetProperty("document").GetString()!;
            var evidence = g.GetProperty("evidence").GetString()!;
            var speakers = g.TryGetProperty("speaker", out var s) ? [s.GetString()!] : Strings(g, "speaker_any");
            string? got = null;
            var matched = false;
            if (docs.TryGetValue(file, out var doc))
            {
                var spans = doc.Folded.Find(evidence).ToList();
                foreach (var p in predicted.Where(p => p.GetProperty("document").GetString() == doc.Id))
                {
                    var start = p.GetProperty("start").GetInt32();
                    var end = p.GetProperty("end").GetInt32();
                    if (!spans.Any(x => x.Start < end && start < x.End)) continue;
                    var sp = Prop(p, "speaker");
                    var names = new List<string?> { Text(sp, "name"), Text(sp, "text") };
                    if (Text(sp, "entity") is { } id && entityNames.TryGetValue(id, out var n)) names.Add(n);
                    got = names.FirstOrDefault(x => x is not null) ?? "no speaker";
                    if (names.Any(x => x is not null && speakers.Any(w => FoldedText.FoldString(w).Equals(FoldedText.FoldString(x), StringComparison.OrdinalIgnoreCase))))
                    {
                        matched = true;
                        break;
                    }
                }
            }
            if (matched) ok++;
            else lines.Add($"  quote miss: {file}: \"{Short(evidence)}\" speaker {got ?? "(no quote found)"}, gold {string.Join(" | ", speakers)}");
        }
        return (ok, all, all == 0 ? 1 : ok / (double)all);
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
