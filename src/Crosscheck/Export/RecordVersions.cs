using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Export;

/// <summary>
/// The record's versions as exports see them: every item (event, incident, discrepancy, story) is digested as the
/// <c>json</c> export writes it; an export counts a new version when an item was added, changed or removed since the
/// latest one (<see cref="DocumentStore.PublishVersion"/>), and <c>export --since N</c> writes only what
/// changed after version N, removed items by id, as ACLED's users need for deleted events.
/// </summary>
public static class RecordVersions
{
    /// <summary>The changes document's schema.</summary>
    public const string ChangesSchema = "crosscheck.changes/1";

    public const string EventKind = "event", IncidentKind = "incident", DiscrepancyKind = "discrepancy", StoryKind = "story";

    /// <summary>Counts a new version of the record when it differs from the latest one; returns the version it is.</summary>
    public static RecordVersion Publish(DocumentStore store, SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        return store.PublishVersion(Items(record, record.Snapshot()).Select(p => p.Item));
    }

    /// <summary>Every item with its digest and a way to write it, in the json export's order.</summary>
    private static IEnumerable<(RecordItem Item, Action<Utf8JsonWriter> Write)> Items(SourcedRecord record, CrossRecord cross)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var e in record.Events(new EventFilter(), 0, int.MaxValue).Items)
        {
            yield return Item(buffer, EventKind, e.Id, w => StoredRecordJson.WriteEvent(w, e));
        }
        foreach (var i in cross.Incidents) yield return Item(buffer, IncidentKind, i.Id, w => CrossJson.WriteIncident(w, i));
        foreach (var d in cross.Discrepancies) yield return Item(buffer, DiscrepancyKind, d.Id, w => CrossJson.WriteDiscrepancy(w, d));
        foreach (var s in cross.Stories) yield return Item(buffer, StoryKind, s.Id, w => CrossJson.WriteStory(w, s));
    }

    private static (RecordItem, Action<Utf8JsonWriter>) Item(ArrayBufferWriter<byte> buffer, string kind, string id, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        var digest = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan))[..16];
        return (new RecordItem(kind, id, digest), write);
    }

    /// <summary>
    /// Writes what changed after <paramref name="changes"/>' version: <c>added</c> and <c>changed</c> items in full, by kind
    /// (<c>events</c>, <c>incidents</c>, <c>discrepancies</c>, <c>stories</c>), and <c>removed</c> ids by kind.
    /// </summary>
    public static ExportSummary WriteChanges(Stream output, SourcedRecord record, RecordChanges changes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(changes);
        var kinds = new[] { EventKind, IncidentKind, DiscrepancyKind, StoryKind };
        var added = kinds.ToDictionary(k => k, _ => new List<Action<Utf8JsonWriter>>());
        var changed = kinds.ToDictionary(k => k, _ => new List<Action<Utf8JsonWriter>>());
        foreach (var (item, write) in Items(record, record.Snapshot()))
        {
            if (!changes.AddedOrChanged.ContainsKey((item.Kind, item.Id))) continue;
            (changes.IsAdded(item.Kind, item.Id) ? added : changed)[item.Kind].Add(write);
        }
        using var w = new Utf8JsonWriter(output, AnalysisJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", ChangesSchema);
        w.WriteNumber("since", changes.Since);
        w.WriteNumber("version", changes.Version);
        foreach (var (name, lists) in new[] { ("added", added), ("changed", changed) })
        {
            w.WriteStartObject(name);
            foreach (var kind in kinds)
            {
                w.WriteStartArray(Plural(kind));
                foreach (var write in lists[kind]) write(w);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteStartObject("removed");
        foreach (var kind in kinds) AnalysisJson.WriteStrings(w, Plural(kind), [.. changes.Removed.Where(r => r.Kind == kind).Select(r => r.Id)]);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        int a = added.Values.Sum(l => l.Count), c = changed.Values.Sum(l => l.Count);
        return new ExportSummary(a + c, $"items added or changed since version {changes.Since} ({a:N0} added, {c:N0} changed, {changes.Removed.Count:N0} removed; the record is at version {changes.Version})");
    }

    private static string Plural(string kind) => kind switch
    {
        StoryKind => "stories",
        DiscrepancyKind => "discrepancies",
        _ => kind + "s",
    };
}
