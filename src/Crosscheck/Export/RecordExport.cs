using System.Text;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Export;

/// <summary>The formats <c>crosscheck export</c> writes the stored record in.</summary>
public enum ExportFormat
{
    /// <summary>The analysis contract (<c>crosscheck.analysis/1</c>), from what the store keeps (see <see cref="StoredRecordJson"/>).</summary>
    Json,
    /// <summary>One ACLED-style CSV row per incident that ACLED would code (see <see cref="AcledCsv"/>).</summary>
    AcledCsv,
    /// <summary>One PLOVER-style JSON object per event, one per line (see <see cref="PloverJson"/>).</summary>
    PloverJson,
    /// <summary>A GeoJSON FeatureCollection of the incidents with coordinates (see <see cref="IncidentGeoJson"/>).</summary>
    GeoJson,
}

/// <summary>What an export wrote: how many items of which kind, and how many it left out and why.</summary>
public sealed record ExportSummary(int Written, string Unit, int Skipped = 0, string? SkippedBecause = null)
{
    public override string ToString()
    {
        var line = new StringBuilder($"{Written:N0} {Unit}");
        if (Skipped > 0) line.Append($" ({Skipped:N0} left out: {SkippedBecause})");
        return line.ToString();
    }
}

/// <summary>Writes the stored sourced record in one of the <see cref="ExportFormat"/>s.</summary>
public static class RecordExport
{
    /// <summary>The format's command-line name ("acled-csv").</summary>
    public static string Name(ExportFormat format) => format switch
    {
        ExportFormat.Json => "json",
        ExportFormat.AcledCsv => "acled-csv",
        ExportFormat.PloverJson => "plover-json",
        ExportFormat.GeoJson => "geojson",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static bool TryParse(string name, out ExportFormat format)
    {
        foreach (var f in Enum.GetValues<ExportFormat>())
        {
            if (string.Equals(Name(f), name, StringComparison.OrdinalIgnoreCase)) { format = f; return true; }
        }
        format = default;
        return false;
    }

    /// <param name="documents">The store the record was loaded from: the JSON format writes its documents in full, the ACLED CSV their URLs.</param>
    /// <param name="recordVersion">The record's version, written by the json format (see <see cref="RecordVersions"/>).</param>
    public static ExportSummary Write(Stream output, ExportFormat format, SourcedRecord record, IDocumentStore documents, int? recordVersion = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(documents);
        return format switch
        {
            ExportFormat.Json => StoredRecordJson.Write(output, record, documents, recordVersion),
            ExportFormat.AcledCsv => AcledCsv.Write(output, record, documents),
            ExportFormat.PloverJson => PloverJson.Write(output, record),
            ExportFormat.GeoJson => IncidentGeoJson.Write(output, record),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>The events of the record in the order their documents were added, each with its document, incident and story.</summary>
    internal static IEnumerable<(EventFacts Event, DocumentFacts Document, string? Incident, string? Story)> Events(SourcedRecord record)
    {
        foreach (var e in record.Events(new EventFilter(), 0, int.MaxValue).Items)
        {
            var document = record.Facts(e.Document)!;
            yield return (e, document, record.IncidentOf(e.Id), record.StoryOf(e.Document));
        }
    }
}
