using System.Globalization;
using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Export;

/// <summary>
/// The analysis contract written from a stored record rather than from a fresh analysis: documents in full from
/// the store, events from the facts stored with each document, and the record's incidents, discrepancies and
/// stories as they stand (an undone merge included). What the store does not keep is left out and named in
/// <c>omitted</c>: entities (merging them needs the language layer's mentions, which are not stored) and quotes;
/// an event's participants carry the linker's <c>entityKey</c> and a null <c>entity</c>.
/// <c>crosscheck analyze</c> over the same files gives both.
/// </summary>
public static class StoredRecordJson
{
    /// <param name="recordVersion">The record's version (see <see cref="RecordVersions"/>), written as <c>recordVersion</c>; null leaves it out.</param>
    public static ExportSummary Write(Stream output, SourcedRecord record, IDocumentStore store, int? recordVersion = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(store);
        var events = 0;
        using var w = new Utf8JsonWriter(output, AnalysisJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", AnalysisJson.Schema);
        if (recordVersion is { } version) w.WriteNumber("recordVersion", version);
        AnalysisJson.WriteStrings(w, "omitted", ["entities", "quotes"]);
        w.WriteStartArray("documents");
        foreach (var id in record.DocumentIds)
        {
            if (store.Get(id) is { } document) AnalysisJson.WriteDocument(w, document);
            // Documents are the bulk of the output: hand each to the stream instead of holding them all.
            w.Flush();
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in record.Events(new EventFilter(), 0, int.MaxValue).Items)
        {
            WriteEvent(w, e);
            events++;
        }
        w.WriteEndArray();
        w.WriteStartArray("quotes");
        w.WriteEndArray();
        var cross = record.Snapshot();
        CrossJson.WriteArrays(w, cross);
        w.WriteEndObject();
        w.Flush();
        return new ExportSummary(record.DocumentCount, $"documents, {events:N0} events, {cross.Incidents.Length:N0} incidents, {cross.Stories.Length:N0} stories");
    }

    /// <summary>One stored event in the contract's shape.</summary>
    internal static void WriteEvent(Utf8JsonWriter w, EventFacts e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("document", e.Document);
        w.WriteString("type", PloverTypes.Name(e.Type));
        AnalysisJson.WriteStrings(w, "mode", e.Modes);
        AnalysisJson.WriteStrings(w, "context", e.Contexts);
        if (e.Acled is { } acled)
        {
            w.WriteStartObject("acled");
            w.WriteString("eventType", acled.EventType);
            w.WriteString("subEventType", acled.SubEventType);
            w.WriteEndObject();
        }
        else w.WriteNull("acled");
        w.WriteString("modality", Modalities.Name(e.Modality));
        WriteParticipants(w, "actors", e.Actors);
        WriteParticipants(w, "recipients", e.Recipients);
        WritePlace(w, "location", e.Location);
        WriteTime(w, "time", e.Time);
        WriteRange(w, "fatalities", e.Fatalities);
        WriteRange(w, "injured", e.Injured);
        WriteRange(w, "count", e.Count);
        w.WriteStartArray("quantities");
        foreach (var q in e.Quantities)
        {
            w.WriteStartObject();
            w.WriteNumber("value", q.Value);
            w.WriteString("unit", q.Unit);
            w.WriteString("text", q.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("attribution");
        w.WriteString("kind", AttributionKinds.Name(e.AttributionKind));
        if (e.Speaker is { } speaker)
        {
            w.WriteStartObject("speaker");
            w.WriteString("text", speaker);
            w.WriteNull("entity");
            AnalysisJson.WriteNullable(w, "entityKey", e.SpeakerKey);
            w.WriteEndObject();
        }
        else w.WriteNull("speaker");
        if (e.SourceCount is { } n) w.WriteNumber("count", n); else w.WriteNull("count");
        AnalysisJson.WriteNullable(w, "via", e.Via);
        AnalysisJson.WriteNullable(w, "verb", e.Verb);
        w.WriteEndObject();
        w.WriteString("segment", e.Segment);
        w.WriteString("salience", e.Salience);
        w.WriteStartObject("evidence");
        w.WriteNumber("start", e.Start);
        w.WriteNumber("end", e.End);
        w.WriteString("text", e.Evidence);
        w.WriteEndObject();
        w.WriteNumber("confidence", e.Confidence);
        w.WriteEndObject();
    }

    internal static void WritePlace(Utf8JsonWriter w, string name, PlaceFacts? place)
    {
        if (place is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("text", place.Text);
        w.WriteString("name", place.Name);
        AnalysisJson.WriteNullable(w, "country", place.Country);
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

    private static void WriteParticipants(Utf8JsonWriter w, string name, IEnumerable<ParticipantFacts> participants)
    {
        w.WriteStartArray(name);
        foreach (var p in participants)
        {
            w.WriteStartObject();
            w.WriteString("text", p.Text);
            w.WriteNull("entity");
            AnalysisJson.WriteNullable(w, "entityKey", p.EntityKey);
            AnalysisJson.WriteNullable(w, "country", p.Country);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    internal static void WriteTime(Utf8JsonWriter w, string name, TimeFacts? time)
    {
        if (time is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("text", time.Text);
        AnalysisJson.WriteNullable(w, "start", Date(time.Start));
        AnalysisJson.WriteNullable(w, "end", Date(time.End));
        w.WriteString("precision", time.Precision);
        if (time.Basis is { } basis) w.WriteString("basis", basis);
        w.WriteEndObject();
    }

    internal static void WriteRange(Utf8JsonWriter w, string name, RangeFacts? range)
    {
        if (range is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteNumber("min", range.Min);
        if (range.Max is { } max) w.WriteNumber("max", max); else w.WriteNull("max");
        w.WriteString("text", range.Text);
        w.WriteEndObject();
    }

    internal static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
