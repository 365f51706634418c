using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crosscheck.Export;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// The export of a store with named desks (issue 16): every desk's record, each exported as its own and put together.
/// In JSON (the contract's shape) the arrays are joined and every item of a named desk carries <c>"desk": "NAME"</c>
/// (the default desk's items carry none, so a store without desks exports exactly as before), and <c>desks</c> lists each
/// named desk's record version beside the default desk's <c>recordVersion</c>; GeoJSON joins the features (with a
/// <c>desk</c> property); the CSV and line formats are joined as they are (a CSV's header once).
/// </summary>
internal static class DeskExport
{
    /// <summary>One desk's export, written to a buffer.</summary>
    internal sealed record Part(DeskName Desk, byte[] Bytes, ExportSummary Summary, int Version);

    private static readonly string[] Arrays = ["omitted", "documents", "entities", "events", "quotes", "incidents", "discrepancies", "stories"];

    public static ExportSummary Join(Stream output, ExportFormat format, IReadOnlyList<Part> parts)
    {
        var first = parts[0].Summary;
        var summary = new ExportSummary(parts.Sum(p => p.Summary.Written), first.Unit, parts.Sum(p => p.Summary.Skipped),
            parts.Select(p => p.Summary.SkippedBecause).FirstOrDefault(b => b is not null));
        switch (format)
        {
            case ExportFormat.Json:
                var json = JoinJson(parts, Arrays, p => p.Version);
                WriteJson(output, json);
                int Length(string name) => json[name] is JsonArray a ? a.Count : 0;
                summary = new ExportSummary(summary.Written, $"documents, {Length("events"):N0} events, {Length("incidents"):N0} incidents, {Length("stories"):N0} stories");
                break;
            case ExportFormat.GeoJson:
                WriteJson(output, JoinJson(parts, ["features"], version: null, property: "properties"));
                break;
            case ExportFormat.AcledCsv:
                for (var i = 0; i < parts.Count; i++)
                {
                    var text = Encoding.UTF8.GetString(parts[i].Bytes);
                    var newline = text.IndexOf('\n', StringComparison.Ordinal);
                    // The header once: the first desk's.
                    output.Write(Encoding.UTF8.GetBytes(i == 0 || newline < 0 ? text : text[(newline + 1)..]));
                }
                break;
            default:
                foreach (var part in parts) output.Write(part.Bytes);
                break;
        }
        return summary;
    }

    private static JsonObject JoinJson(IReadOnlyList<Part> parts, string[] arrays, Func<Part, int>? version, string? property = null)
    {
        JsonObject? joined = null;
        var desks = new JsonArray();
        foreach (var part in parts)
        {
            var json = JsonNode.Parse(part.Bytes)!.AsObject();
            if (!part.Desk.IsDefault)
            {
                foreach (var name in arrays)
                {
                    if (json[name] is not JsonArray items) continue;
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        var target = property is null ? item : item[property] as JsonObject;
                        if (target is not null) target["desk"] = part.Desk.Name;
                    }
                }
                if (version is not null) desks.Add(new JsonObject { ["name"] = part.Desk.Name, ["recordVersion"] = version(part) });
            }
            if (joined is null)
            {
                joined = json;
                continue;
            }
            foreach (var name in arrays)
            {
                if (json[name] is not JsonArray items) continue;
                if (joined[name] is not JsonArray into) joined[name] = into = [];
                foreach (var item in items.ToList())
                {
                    items.Remove(item);
                    into.Add(item);
                }
            }
        }
        if (version is not null) joined!["desks"] = desks;
        return joined!;
    }

    private static void WriteJson(Stream output, JsonObject json)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteTo(writer);
        writer.Flush();
    }
}
