using System.Globalization;
using System.Text.Json;
using Crosscheck.Events;

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

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
