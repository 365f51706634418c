using System.Text.Encodings.Web;
using System.Text.Json;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>Writes the analysis contract (<c>crosscheck.analysis/1</c>) that every evaluation reads.</summary>
public static class AnalysisJson
{
    public const string Schema = "crosscheck.analysis/1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream output, IReadOnlyList<(Document Document, IReadOnlyList<string> Sources)> documents,
        IReadOnlyList<LinkedEntity>? entities = null)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartArray("documents");
        foreach (var (doc, _) in documents) WriteDocument(w, doc);
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in entities ?? []) WriteEntity(w, e);
        w.WriteEndArray();
        // Filled by the events and linking stages as they land.
        foreach (var name in new[] { "events", "quotes", "incidents", "discrepancies", "stories" })
        {
            w.WriteStartArray(name);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("source", doc.Source);
        WriteNullable(w, "outlet", doc.Metadata.Outlet);
        WriteNullable(w, "title", doc.Metadata.Title);
        WriteNullable(w, "published", doc.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteNullable(w, "url", doc.Metadata.Url);
        w.WriteString("language", doc.Language);
        w.WriteString("text", doc.Text);
        WriteNullable(w, "duplicateOf", doc.DuplicateOf);
        w.WriteStartArray("segments");
        foreach (var s in doc.Segments)
        {
            w.WriteStartObject();
            w.WriteString("kind", Segment.Name(s.Kind));
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter w, LinkedEntity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("name", e.Name);
        w.WriteString("type", EntityTypes.Name(e.Type));
        WriteStrings(w, "aliases", e.Aliases);
        WriteStrings(w, "titles", e.Titles);
        WriteNullable(w, "country", e.Country);
        if (e.GeonameId is { } g) w.WriteNumber("geonameId", g); else w.WriteNull("geonameId");
        if (e.Latitude is { } lat && e.Longitude is { } lon)
        {
            w.WriteNumber("lat", Math.Round(lat, 4));
            w.WriteNumber("lon", Math.Round(lon, 4));
        }
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("document", m.Document);
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteString("text", m.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
