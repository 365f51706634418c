using System.Text.Json;
using Crosscheck.Events;

namespace Crosscheck.Export;

/// <summary>Writes the contract's <c>predicates</c> array: every predicate's modality and factuality band (see README, "Modality").</summary>
internal static class PredicateJson
{
    public static void WriteArray(Utf8JsonWriter w, IEnumerable<(string Document, ArticleReading Reading)> readings)
    {
        w.WriteStartArray("predicates");
        foreach (var (document, reading) in readings)
        {
            // The event whose trigger holds the predicate's word, the first in text order when several do.
            var events = new Dictionary<int, string>();
            foreach (var ev in reading.Events)
            {
                var id = EventIds.Of(document, ev);
                foreach (var token in ev.Trigger.Tokens) events.TryAdd(token.Start, id);
            }
            foreach (var p in reading.Predicates)
            {
                w.WriteStartObject();
                w.WriteString("document", document);
                w.WriteNumber("start", p.Start);
                w.WriteNumber("end", p.End);
                w.WriteString("text", p.Text);
                w.WriteString("lemma", p.Lemma);
                w.WriteString("modality", Modalities.Name(p.Modality));
                w.WriteString("factuality", FactualityBands.Name(p.Band));
                AnalysisJson.WriteNullable(w, "event", events.GetValueOrDefault(p.Start));
                w.WriteEndObject();
                AnalysisJson.Spill(w);
            }
        }
        w.WriteEndArray();
    }
}
