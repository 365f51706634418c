using System.Text.Encodings.Web;
using System.Text.Json;
using Crosscheck.Documents;

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

    public static void Write(Stream output, IReadOnlyList<(Document Document, IReadOnlyList<string> Sources)> documents)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartArray("documents");
        foreach (var (doc, _) in documents) WriteDocument(w, doc);
        w.WriteEndArray();
        // Filled by the language, events and linking stages as they land.
        foreach (var name in new[] { "entities", "events", "quotes", "incidents", "discrepancies", "stories" })
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

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
