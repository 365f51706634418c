using System.Collections.Immutable;
using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>
/// The record's incidents as a GeoJSON FeatureCollection (RFC 7946): one Point feature per incident whose place
/// has coordinates, at <c>[longitude, latitude]</c>, with the incident's main facts as properties. An incident at
/// sea is a feature at the sea's point (the reader's <c>SeaPoint</c>: the part of the sea the sentence's coasts name,
/// else its centre), with <c>precision</c> "sea". Incidents without coordinates (an unresolved place, none) are left
/// out and counted in the collection's <c>metadata</c> member, beside how many there are in all.
/// </summary>
public static class IncidentGeoJson
{
    public static ExportSummary Write(Stream output, SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        var incidents = record.Snapshot().Incidents.Where(i => !i.Mention).ToImmutableArray();
        var located = incidents.Where(i => i.Location is { Latitude: not null, Longitude: not null }).ToList();
        using var w = new Utf8JsonWriter(output, AnalysisJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartObject("metadata");
        w.WriteString("generator", "crosscheck export --format geojson");
        w.WriteNumber("incidents", incidents.Length);
        w.WriteNumber("features", located.Count);
        w.WriteNumber("withoutCoordinates", incidents.Length - located.Count);
        w.WriteEndObject();
        w.WriteStartArray("features");
        foreach (var i in located)
        {
            var place = i.Location!;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", i.Id);
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(place.Longitude!.Value, 4));
            w.WriteNumberValue(Math.Round(place.Latitude!.Value, 4));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("title", i.Title);
            w.WriteString("type", PloverTypes.Name(i.Type));
            w.WriteString("modality", Modalities.Name(i.Modality));
            w.WriteString("scope", i.Scope == IncidentScope.Campaign ? "campaign" : "single");
            w.WriteString("place", place.Name);
            AnalysisJson.WriteNullable(w, "country", place.Country);
            w.WriteString("precision", place.Precision);
            AnalysisJson.WriteNullable(w, "start", StoredRecordJson.Date(i.Time?.Start));
            AnalysisJson.WriteNullable(w, "end", StoredRecordJson.Date(i.Time?.End));
            if (i.Fatalities is { } f) w.WriteNumber("fatalities", f.Best); else w.WriteNull("fatalities");
            w.WriteString("grade", Grades.Name(i.Grade));
            w.WriteNumber("independentSources", i.IndependentSources);
            w.WriteNumber("reports", i.Documents.Length);
            w.WriteNumber("events", i.Events.Length);
            w.WriteString("story", i.Story);
            AnalysisJson.WriteNullable(w, "partOf", i.PartOf);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return new ExportSummary(located.Count, "incidents", incidents.Length - located.Count, "no coordinates");
    }
}
