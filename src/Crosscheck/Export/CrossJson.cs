using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>Writes the cross-document part of the analysis contract: incidents, discrepancies and stories.</summary>
public static class CrossJson
{
    public static void WriteArrays(Utf8JsonWriter w, CrossRecord cross)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(cross);
        w.WriteStartArray("incidents");
        foreach (var i in cross.Incidents) WriteIncident(w, i);
        w.WriteEndArray();
        w.WriteStartArray("discrepancies");
        foreach (var d in cross.Discrepancies) WriteDiscrepancy(w, d);
        w.WriteEndArray();
        w.WriteStartArray("stories");
        foreach (var s in cross.Stories) WriteStory(w, s);
        w.WriteEndArray();
    }

    public static void WriteIncident(Utf8JsonWriter w, Incident i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("story", i.Story);
        w.WriteString("type", PloverTypes.Name(i.Type));
        w.WriteString("modality", Modalities.Name(i.Modality));
        w.WriteString("scope", i.Scope == IncidentScope.Campaign ? "campaign" : "single");
        w.WriteString("title", i.Title);
        AnalysisJson.WriteStrings(w, "events", i.Events);
        AnalysisJson.WriteStrings(w, "documents", i.Documents);
        StoredRecordJson.WritePlace(w, "location", i.Location);
        StoredRecordJson.WriteTime(w, "time", i.Time);
        if (i.Fatalities is { } f)
        {
            w.WriteStartObject("fatalities");
            w.WriteNumber("min", f.Min);
            w.WriteNumber("max", f.Max);
            w.WriteNumber("best", f.Best);
            w.WriteString("rule", f.Rule);
            w.WriteStartArray("bySource");
            foreach (var v in f.BySource)
            {
                w.WriteStartObject();
                w.WriteString("document", v.Document);
                AnalysisJson.WriteNullable(w, "event", v.Event);
                w.WriteNumber("min", v.Min);
                if (v.Max is { } max) w.WriteNumber("max", max); else w.WriteNull("max");
                w.WriteString("text", v.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("fatalities");
        AnalysisJson.WriteStrings(w, "origins", i.Origins);
        w.WriteNumber("independentSources", i.IndependentSources);
        w.WriteString("grade", Grades.Name(i.Grade));
        w.WriteString("gradeReason", i.GradeReason);
        AnalysisJson.WriteNullable(w, "partOf", i.PartOf);
        w.WriteBoolean("mention", i.Mention);
        if (i.Scope == IncidentScope.Campaign) TollJson.WriteSeries(w, "tolls", i.Tolls);
        if (!i.Review.IsEmpty)
        {
            // Values analysts set over the machine's reading, in effect now (who, when, which decision, why).
            w.WriteStartArray("review");
            foreach (var r in i.Review)
            {
                w.WriteStartObject();
                w.WriteString("field", r.Field);
                w.WritePropertyName("value");
                w.WriteRawValue(r.Value);
                w.WriteString("author", r.Author);
                w.WriteString("at", r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteNumber("decision", r.Decision);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("reports");
        foreach (var r in i.Reports)
        {
            w.WriteStartObject();
            w.WriteString("document", r.Document);
            AnalysisJson.WriteNullable(w, "outlet", r.Outlet);
            AnalysisJson.WriteNullable(w, "published", StoredRecordJson.Date(r.Published));
            w.WriteString("origin", r.Origin);
            w.WriteString("originReason", r.OriginReason);
            AnalysisJson.WriteStrings(w, "events", r.Events);
            if (r.SourceCount is { } n) w.WriteNumber("sourceCount", n); else w.WriteNull("sourceCount");
            AnalysisJson.WriteNullable(w, "sourceCountText", r.SourceCountText);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("links");
        foreach (var link in i.Links)
        {
            w.WriteStartObject();
            w.WriteString("event", link.Event);
            AnalysisJson.WriteNullable(w, "joinedTo", link.JoinedTo);
            w.WriteNumber("score", link.Score);
            w.WriteString("reason", link.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteDiscrepancy(Utf8JsonWriter w, Discrepancy d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("incident", d.Incident);
        w.WriteString("kind", DiscrepancyKinds.Name(d.Kind));
        w.WriteStartArray("values");
        foreach (var v in d.Values)
        {
            w.WriteStartObject();
            w.WriteString("value", v.Value);
            w.WriteString("document", v.Document);
            AnalysisJson.WriteNullable(w, "event", v.Event);
            w.WriteString("text", v.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("note", d.Note);
        w.WriteEndObject();
    }

    public static void WriteStory(Utf8JsonWriter w, Story s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        AnalysisJson.WriteStrings(w, "documents", s.Documents);
        AnalysisJson.WriteStrings(w, "incidents", s.Incidents);
        AnalysisJson.WriteNullable(w, "first", StoredRecordJson.Date(s.First));
        AnalysisJson.WriteNullable(w, "last", StoredRecordJson.Date(s.Last));
        w.WriteEndObject();
    }
}
