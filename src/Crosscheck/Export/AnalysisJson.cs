using System.Text.Encodings.Web;
using System.Text.Json;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>Writes the analysis contract (<c>crosscheck.analysis/1</c>) that every evaluation reads.</summary>
public static class AnalysisJson
{
    public const string Schema = "crosscheck.analysis/1";

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream output, IReadOnlyList<(Document Document, IReadOnlyList<string> Sources)> documents,
        IReadOnlyList<LinkedEntity>? entities = null, IReadOnlyDictionary<string, ArticleReading>? readings = null, CrossRecord? cross = null)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartArray("documents");
        foreach (var (doc, _) in documents)
        {
            WriteDocument(w, doc);
            Spill(w);
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in entities ?? [])
        {
            WriteEntity(w, e);
            Spill(w);
        }
        w.WriteEndArray();
        var entityIds = new Dictionary<(string, int, int), string>();
        foreach (var e in entities ?? [])
        {
            foreach (var m in e.Mentions) entityIds.TryAdd((m.Document, m.Start, m.End), e.Id);
        }
        w.WriteStartArray("events");
        foreach (var (doc, _) in documents)
        {
            if (readings?.GetValueOrDefault(doc.Id) is not { } reading) continue;
            foreach (var ev in reading.Events)
            {
                WriteEvent(w, doc.Id, ev, entityIds);
                Spill(w);
            }
        }
        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var (doc, _) in documents)
        {
            if (readings?.GetValueOrDefault(doc.Id) is not { } reading) continue;
            foreach (var q in reading.Quotes)
            {
                WriteQuote(w, doc.Id, q, entityIds);
                Spill(w);
            }
        }
        w.WriteEndArray();
        var read = documents.Where(d => readings?.ContainsKey(d.Document.Id) == true).Select(d => (d.Document.Id, readings![d.Document.Id])).ToList();
        TollJson.WriteArray(w, read);
        PredicateJson.WriteArray(w, read);
        CrossJson.WriteArrays(w, cross ?? CrossRecord.Empty);
        w.WriteEndObject();
    }

    /// <summary>
    /// Hands what the writer holds to the stream once it is 16 KB or more: the writer otherwise keeps the whole contract
    /// in one buffer that doubles as it grows (large-object-heap arrays for every article of bench analyze, the whole
    /// export for analyze). The bytes written are the same.
    /// </summary>
    internal static void Spill(Utf8JsonWriter w)
    {
        if (w.BytesPending >= 16 * 1024) w.Flush();
    }

    /// <summary>"metadata", "dateline", "url" or "filename"; null without a date or when its source is unknown.</summary>
    internal static string? PublishedFromName(DocumentMetadata m) => m.Published is null ? null : m.PublishedFrom switch
    {
        PublishedFrom.Metadata => "metadata",
        PublishedFrom.Dateline => "dateline",
        PublishedFrom.Url => "url",
        PublishedFrom.FileName => "filename",
        _ => null,
    };

    internal static void WriteDocument(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("source", doc.Source);
        WriteNullable(w, "outlet", doc.Metadata.Outlet);
        WriteNullable(w, "title", doc.Metadata.Title);
        WriteNullable(w, "published", doc.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteNullable(w, "publishedFrom", PublishedFromName(doc.Metadata));
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

    /// <summary>A stable id: the prefix and 16 hex digits of SHA-256 over the parts.</summary>
    public static string IdFor(string prefix, params object[] parts)
    {
        var key = string.Join('|', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));
        return DocumentId.ForKey(prefix, key);
    }

    private static string? EntityId(string document, EntityMention? mention, Dictionary<(string, int, int), string> ids) =>
        mention is null ? null : ids.GetValueOrDefault((document, mention.Span.Start, mention.Span.End));

    private static void WriteEvent(Utf8JsonWriter w, string document, EventMention ev, Dictionary<(string, int, int), string> ids)
    {
        w.WriteStartObject();
        w.WriteString("id", EventIds.Of(document, ev));
        w.WriteString("document", document);
        w.WriteString("type", PloverTypes.Name(ev.Type));
        WriteStrings(w, "mode", ev.Modes);
        WriteStrings(w, "context", ev.Contexts);
        if (ev.Acled is { } acled)
        {
            w.WriteStartObject("acled");
            w.WriteString("eventType", acled.EventType);
            w.WriteString("subEventType", acled.SubEventType);
            w.WriteEndObject();
        }
        else w.WriteNull("acled");
        w.WriteString("modality", Modalities.Name(ev.Modality));
        WriteParticipants(w, "actors", document, ev.Actors, ids);
        WriteParticipants(w, "recipients", document, ev.Recipients, ids);
        if (ev.Location is { } place)
        {
            w.WriteStartObject("location");
            w.WriteString("text", place.Span.Text);
            w.WriteString("name", place.Name);
            WriteNullable(w, "country", place.Country);
            if (place.Latitude is { } lat && place.Longitude is { } lon)
            {
                w.WriteNumber("lat", Math.Round(lat, 4));
                w.WriteNumber("lon", Math.Round(lon, 4));
            }
            else
            {
                w.WriteNull("lat");
                w.WriteNull("lon");
            }
            w.WriteString("precision", place.Precision);
            w.WriteEndObject();
        }
        else w.WriteNull("location");
        if (ev.Time is { } time)
        {
            w.WriteStartObject("time");
            w.WriteString("text", time.Span.Text);
            WriteNullable(w, "start", time.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            WriteNullable(w, "end", time.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("precision", time.Precision.ToString().ToLowerInvariant());
            if (time.Basis is { } basis) w.WriteString("basis", basis);
            w.WriteEndObject();
        }
        else w.WriteNull("time");
        WriteRange(w, "fatalities", ev.Fatalities);
        WriteRange(w, "injured", ev.Injured);
        WriteRange(w, "count", ev.Count);
        w.WriteStartArray("quantities");
        foreach (var q in ev.Quantities)
        {
            w.WriteStartObject();
            w.WriteNumber("value", q.Value);
            w.WriteString("unit", q.Unit);
            w.WriteString("text", q.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("attribution");
        WriteAttribution(w, document, ev.Attribution, ids, full: true);
        w.WriteString("segment", Segment.Name(ev.Segment));
        w.WriteString("salience", Saliences.Name(ev.Salience));
        w.WriteStartObject("evidence");
        w.WriteNumber("start", ev.Evidence.Start);
        w.WriteNumber("end", ev.Evidence.End);
        w.WriteString("text", ev.Evidence.Text);
        w.WriteEndObject();
        w.WriteNumber("confidence", ev.Confidence);
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, string document, Quote q, Dictionary<(string, int, int), string> ids)
    {
        w.WriteStartObject();
        w.WriteString("id", IdFor("q-", document, q.Start, q.End));
        w.WriteString("document", document);
        w.WriteNumber("start", q.Start);
        w.WriteNumber("end", q.End);
        w.WriteString("text", q.Text);
        if (q.SpeakerSpan is { } span || q.SpeakerName is not null)
        {
            w.WriteStartObject("speaker");
            WriteNullable(w, "text", q.SpeakerSpan?.Text);
            WriteNullable(w, "entity", EntityId(document, q.SpeakerEntity, ids));
            WriteNullable(w, "name", q.SpeakerName);
            w.WriteEndObject();
        }
        else w.WriteNull("speaker");
        w.WritePropertyName("attribution");
        WriteAttribution(w, document, q.Attribution, ids, full: false);
        w.WriteEndObject();
    }

    private static void WriteAttribution(Utf8JsonWriter w, string document, Attribution a, Dictionary<(string, int, int), string> ids, bool full)
    {
        w.WriteStartObject();
        w.WriteString("kind", AttributionKinds.Name(a.Kind));
        if (full)
        {
            if (a.Speaker is { } speaker)
            {
                w.WriteStartObject("speaker");
                w.WriteString("text", speaker.Text);
                WriteNullable(w, "entity", EntityId(document, a.SpeakerEntity, ids));
                WriteNullable(w, "name", a.SpeakerName);
                w.WriteEndObject();
            }
            else w.WriteNull("speaker");
            if (a.Count is { } n) w.WriteNumber("count", n); else w.WriteNull("count");
        }
        WriteNullable(w, "via", a.Via);
        WriteNullable(w, "verb", a.Verb);
        w.WriteEndObject();
    }

    private static void WriteParticipants(Utf8JsonWriter w, string name, string document, IEnumerable<Participant> participants, Dictionary<(string, int, int), string> ids)
    {
        w.WriteStartArray(name);
        foreach (var p in participants)
        {
            w.WriteStartObject();
            w.WriteString("text", p.Text);
            WriteNullable(w, "entity", EntityId(document, p.Entity, ids));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteRange(Utf8JsonWriter w, string name, CountRange? range)
    {
        if (range is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteNumber("min", range.Min);
        if (range.Max is { } max) w.WriteNumber("max", max); else w.WriteNull("max");
        w.WriteString("text", range.Text);
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
