using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval plover</c>: the PLOVER gold-standard records (0.5b1, sentences from the CAMEO manual). Each
/// record's text goes through the standard pipeline and the event reader; the predicted type is that of the
/// highest-confidence event (ties by text order), "NONE" when there is none. The records use the old 18-type
/// set, mapped onto the 2021 set by <see cref="OldToNew"/>.
/// </summary>
internal static class PloverEval
{
    /// <summary>
    /// Old PLOVER (0.5) category → PLOVER 2021, following CAMEO2PLOVER-2021: DEMAND (CAMEO 10) became REQUEST,
    /// DISAPPROVE (11) and INVESTIGATE (09, mode "investigate") became ACCUSE, FIGHT (19) folded into ASSAULT.
    /// </summary>
    public static readonly FrozenDictionary<string, string> OldToNew = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AGREE"] = "AGREE",
        ["CONSULT"] = "CONSULT",
        ["SUPPORT"] = "SUPPORT",
        ["CONCEDE"] = "CONCEDE",
        ["COOPERATE"] = "COOPERATE",
        ["AID"] = "AID",
        ["RETREAT"] = "RETREAT",
        ["DEMAND"] = "REQUEST",
        ["DISAPPROVE"] = "ACCUSE",
        ["INVESTIGATE"] = "ACCUSE",
        ["REJECT"] = "REJECT",
        ["THREATEN"] = "THREATEN",
        ["PROTEST"] = "PROTEST",
        ["SANCTION"] = "SANCTION",
        ["MOBILIZE"] = "MOBILIZE",
        ["COERCE"] = "COERCE",
        ["ASSAULT"] = "ASSAULT",
        ["FIGHT"] = "ASSAULT",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public sealed record Record(string Id, string Text, string OldType, string Gold, string[] Sources, string[] Targets);

    public sealed record Prediction(Record Record, string Type, bool? SourceFound, bool? TargetFound);

    public sealed record Result(List<Prediction> Items, LabelScores Scores, TimeSpan Elapsed)
    {
        public (int Found, int Checked) Sources => (Items.Count(i => i.SourceFound == true), Items.Count(i => i.SourceFound is not null));
        public (int Found, int Checked) Targets => (Items.Count(i => i.TargetFound == true), Items.Count(i => i.TargetFound is not null));
    }

    public static string DefaultPath() => Commands.SharedDataFolder.PathTo("plover", "PLOVER_GSR_CAMEO.txt");

    public static int Run(string path, int showErrors, TextWriter stdout)
    {
        var tuning = Score(path, DatasetHalf.Tuning);
        var result = Score(path, DatasetHalf.Reporting);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PLOVER gold-standard records, {path}: {tuning.Scores.Count + result.Scores.Count} records in {(tuning.Elapsed + result.Elapsed).TotalSeconds:0.0} s; predicted type = the highest-confidence event's"));
        stdout.WriteLine("halves: SHA-256 of the record id, even = tuning (rules are chosen there), odd = reporting (the figures below)");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuning half ({tuning.Scores.Count} records): accuracy {tuning.Scores.Accuracy:0.000}, macro F1 {tuning.Scores.MacroF1:0.000}, gold source within our actors {tuning.Sources.Found}/{tuning.Sources.Checked} = {Ratio(tuning.Sources.Found, tuning.Sources.Checked):0.00}"));
        stdout.WriteLine($"reporting half ({result.Scores.Count} records):");
        stdout.WriteLine("old → 2021 categories: " + string.Join(", ", OldToNew.Where(p => p.Key != p.Value).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}→{p.Value}")) + "; the rest keep their names");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accuracy {result.Scores.Accuracy:0.000}, macro F1 {result.Scores.MacroF1:0.000}, weighted F1 {result.Scores.WeightedF1:0.000}; no event found for {result.Items.Count(i => i.Type == Case2021Eval.NoEvent)}"));
        var (sf, sc) = result.Sources;
        var (tf, tc) = result.Targets;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"on records typed right: gold source within our actors {sf}/{sc} = {Ratio(sf, sc):0.00}, gold target within our recipients {tf}/{tc} = {Ratio(tf, tc):0.00}"));
        stdout.WriteLine("per type:");
        result.Scores.WriteClasses(stdout);
        stdout.WriteLine("most frequent confusions (gold → predicted):");
        result.Scores.WriteConfusions(stdout, 15);
        if (showErrors > 0)
        {
            stdout.WriteLine("errors of the tuning half:");
            foreach (var p in tuning.Items.Where(i => i.Record.Gold != i.Type).Take(showErrors))
                stdout.WriteLine($"  {p.Record.Id}  {p.Record.Gold} → {p.Type}: {p.Record.Text}");
        }
        return CrosscheckCli.Ok;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Scores the records of <paramref name="half"/> (all when null).</summary>
    public static Result Score(string path, DatasetHalf? half = null)
    {
        var records = Read(path).Where(r => half is null || DatasetSplit.Of(r.Id) == half).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var items = new List<Prediction>(records.Count);
        foreach (var r in records)
        {
            var reading = EventReader.Default.Read(StandardPipeline.Default.Process(r.Text, null));
            EventMention? best = null;
            foreach (var e in reading.Events)
            {
                if (best is null || e.Confidence > best.Confidence) best = e;
            }
            var type = best is null ? Case2021Eval.NoEvent : PloverTypes.Name(best.Type);
            bool? source = best is null || type != r.Gold || r.Sources.Length == 0 ? null : Within(r.Sources, best.Actors);
            bool? target = best is null || type != r.Gold || r.Targets.Length == 0 ? null : Within(r.Targets, best.Recipients);
            items.Add(new Prediction(r, type, source, target));
        }
        clock.Stop();
        return new Result(items, new LabelScores(items.Select(i => (i.Record.Gold, i.Type))), clock.Elapsed);
    }

    /// <summary>True when a gold actor's words lie within one of ours, or ours within the gold's.</summary>
    private static bool Within(string[] gold, System.Collections.Immutable.ImmutableArray<Participant> ours)
    {
        foreach (var g in gold)
        {
            foreach (var p in ours)
            {
                var names = p.Entity is null ? [p.Text] : new[] { p.Text, p.Entity.Name.Text };
                foreach (var n in names)
                {
                    if (n.Contains(g, StringComparison.OrdinalIgnoreCase) || g.Contains(n, StringComparison.OrdinalIgnoreCase)) return true;
                }
            }
        }
        return false;
    }

    private static List<Record> Read(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliFailure($"{path}: cannot read the PLOVER records ({ex.Message})");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array) throw new CliFailure($"{path}: expected a JSON array of PLOVER records");
            var records = new List<Record>();
            foreach (var r in json.RootElement.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.String)
                    throw new CliFailure($"{path}: record {records.Count + 1} has no 'event'");
                var old = ev.GetString()!;
                if (old == "DOCUMENT") continue;
                if (!OldToNew.TryGetValue(old, out var gold)) throw new CliFailure($"{path}: '{old}' is not a PLOVER 0.5 category");
                if (!r.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    throw new CliFailure($"{path}: record {Id(r)} has no 'text'");
                records.Add(new Record(Id(r), text.GetString()!, old, gold, Actors(r, "source"), Actors(r, "target")));
            }
            if (records.Count == 0) throw new CliFailure($"{path}: no PLOVER records");
            return records;
        }
    }

    private static string Id(JsonElement r) => r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "?";

    private static string[] Actors(JsonElement r, string field) =>
        r.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("actorText", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(a => a.GetProperty("actorText").GetString()!).Where(s => s.Length > 0)]
            : [];
}
