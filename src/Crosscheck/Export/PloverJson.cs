using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>
/// The record's events as PLOVER-style records, one JSON object per line (JSON Lines), in the order their
/// documents were stored: <c>event_type</c>, <c>mode</c> and <c>context</c> in PLOVER's vocabulary, the
/// <c>modality</c>, the first actor and recipient (<c>actor</c>, <c>recipient</c>, with every one in
/// <c>actors</c> and <c>recipients</c>), <c>location</c>, <c>event_date</c> (the start of the resolved time,
/// null when unresolved), the reporting document and outlet, the <c>source_text</c> the event was read from, and
/// the incident and story it belongs to. Every event is written, whatever its modality.
/// </summary>
public static class PloverJson
{
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = AnalysisJson.WriterOptions.Encoder };

    public static ExportSummary Write(Stream output, SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        var written = 0;
        using var w = new Utf8JsonWriter(output, LineOptions);
        foreach (var (e, document, incident, story) in RecordExport.Events(record))
        {
            w.Reset(output);
            w.WriteStartObject();
            w.WriteString("event_id", e.Id);
            AnalysisJson.WriteNullable(w, "event_date", StoredRecordJson.Date(e.Time?.Start));
            AnalysisJson.WriteNullable(w, "date_precision", e.Time?.Start is null ? null : e.Time.Precision);
            w.WriteString("event_type", PloverTypes.Name(e.Type));
            AnalysisJson.WriteStrings(w, "mode", e.Modes);
            AnalysisJson.WriteStrings(w, "context", e.Contexts);
            w.WriteString("modality", Modalities.Name(e.Modality));
            WriteParticipant(w, "actor", e.Actors.FirstOrDefault());
            WriteParticipant(w, "recipient", e.Recipients.FirstOrDefault());
            w.WriteStartArray("actors");
            foreach (var a in e.Actors) WriteParticipant(w, null, a);
            w.WriteEndArray();
            w.WriteStartArray("recipients");
            foreach (var r in e.Recipients) WriteParticipant(w, null, r);
            w.WriteEndArray();
            StoredRecordJson.WritePlace(w, "location", e.Location);
            StoredRecordJson.WriteRange(w, "fatalities", e.Fatalities);
            StoredRecordJson.WriteRange(w, "injured", e.Injured);
            if (e.Acled is { } acled)
            {
                w.WriteStartObject("acled");
                w.WriteString("event_type", acled.EventType);
                w.WriteString("sub_event_type", acled.SubEventType);
                w.WriteEndObject();
            }
            else w.WriteNull("acled");
            w.WriteString("attribution", AttributionKinds.Name(e.AttributionKind));
            AnalysisJson.WriteNullable(w, "speaker", e.Speaker);
            AnalysisJson.WriteNullable(w, "via", e.Via);
            w.WriteString("document", document.Id);
            AnalysisJson.WriteNullable(w, "outlet", document.Outlet);
            AnalysisJson.WriteNullable(w, "publication_date", StoredRecordJson.Date(document.Published));
            w.WriteString("source_text", e.Evidence);
            w.WriteNumber("source_start", e.Start);
            w.WriteNumber("source_end", e.End);
            AnalysisJson.WriteNullable(w, "incident", incident);
            AnalysisJson.WriteNullable(w, "story", story);
            w.WriteEndObject();
            w.Flush();
            output.WriteByte((byte)'\n');
            written++;
        }
        return new ExportSummary(written, "events");
    }

    private static void WriteParticipant(Utf8JsonWriter w, string? name, ParticipantFacts? p)
    {
        if (name is not null) w.WritePropertyName(name);
        if (p is null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString("text", p.Text);
        AnalysisJson.WriteNullable(w, "country", p.Country);
        AnalysisJson.WriteNullable(w, "entity_key", p.EntityKey);
        w.WriteEndObject();
    }
}
