using System.Globalization;
using System.Text.Json;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>Writes the contract's <c>tolls</c> array: each article's running tolls (see README, "Running tolls").</summary>
internal static class TollJson
{
    public static void WriteArray(Utf8JsonWriter w, IEnumerable<(string Document, ArticleReading Reading)> readings)
    {
        w.WriteStartArray("tolls");
        foreach (var (document, reading) in readings)
        {
            foreach (var t in reading.Tolls) Write(w, document, t);
        }
        w.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter w, string document, Toll t)
    {
        w.WriteStartObject();
        w.WriteString("id", TollIds.Of(document, t));
        w.WriteString("document", document);
        w.WriteString("counts", TollMeasures.Name(t.Counts));
        w.WriteNumber("min", t.Min);
        if (t.Max is { } max) w.WriteNumber("max", max);
        else w.WriteNull("max");
        if (t.Since is { } since)
        {
            w.WriteStartObject("since");
            w.WriteString("text", since.Text);
            AnalysisJson.WriteNullable(w, "date", Day(t.SinceDate));
            w.WriteEndObject();
        }
        else w.WriteNull("since");
        AnalysisJson.WriteNullable(w, "asOf", Day(t.AsOf));
        AnalysisJson.WriteNullable(w, "victims", t.Victims?.Text);
        w.WriteNumber("start", t.Span.Start);
        w.WriteNumber("end", t.Span.End);
        w.WriteString("text", t.Text);
        w.WriteStartObject("evidence");
        w.WriteNumber("start", t.Evidence.Start);
        w.WriteNumber("end", t.Evidence.End);
        w.WriteString("text", t.Evidence.Text);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A campaign's toll series (<see cref="CampaignTolls"/>): each report's toll, in order of the day it is as of.</summary>
    public static void WriteSeries(Utf8JsonWriter w, string name, IEnumerable<TollPoint> series)
    {
        w.WriteStartArray(name);
        foreach (var p in series)
        {
            w.WriteStartObject();
            w.WriteString("toll", p.Toll);
            w.WriteString("document", p.Document);
            AnalysisJson.WriteNullable(w, "outlet", p.Outlet);
            w.WriteString("counts", TollMeasures.Name(p.Counts));
            w.WriteNumber("min", p.Min);
            if (p.Max is { } max) w.WriteNumber("max", max);
            else w.WriteNull("max");
            AnalysisJson.WriteNullable(w, "asOf", Day(p.AsOf));
            w.WriteBoolean("copy", p.Copy);
            w.WriteBoolean("behind", p.Behind);
            w.WriteBoolean("side", p.Side);
            w.WriteString("text", p.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
