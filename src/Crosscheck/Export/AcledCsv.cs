using System.Globalization;
using System.Text;
using Crosscheck.Events;
using Crosscheck.Language.Gazetteers;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>
/// The record as an ACLED-style CSV: one row per incident, since an ACLED row is one real-world event with all the
/// sources that report it, which is what an incident is. Only incidents ACLED would code are written: those whose
/// events carry an ACLED type (the event reader's <c>acled</c>) and that are reported as having happened (modality
/// asserted, or denied against a claim that it did); planned, weighed, conditional and negated ones are left out
/// and counted. Columns follow ACLED's export names; ACLED's convention of 0 for unreported fatalities is kept,
/// and a date the reports never resolve stays empty (no guess). Three columns at the end are Crosscheck's own.
/// </summary>
public static class AcledCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "actor2", "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
        "crosscheck_grade", "crosscheck_independent_sources", "crosscheck_story",
    ];

    public static ExportSummary Write(Stream output, SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns));
        int written = 0, skipped = 0;
        foreach (var incident in record.Snapshot().Incidents)
        {
            // Mentions are no incidents: ACLED codes events reported as happening.
            if (incident.Mention) { skipped++; continue; }
            var events = incident.Events.Select(record.Event).OfType<EventFacts>().ToList();
            var acled = MostReported(events.Select(e => e.Acled).OfType<AcledType>());
            if (acled is null || incident.Modality is not (Modality.Asserted or Modality.Denied))
            {
                skipped++;
                continue;
            }
            var date = incident.Time?.Start;
            var outlets = incident.Documents.Select(d => record.Facts(d)?.Outlet).OfType<string>().Distinct(StringComparer.Ordinal);
            var country = incident.Location?.Country is { } iso ? Gazetteer.Default.Country(iso)?.Entity.Name ?? iso : "";
            writer.WriteLine(Row(
                incident.Id,
                date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
                date is null ? "" : TimePrecision(incident.Time!.Precision),
                DisorderType(acled),
                acled.EventType,
                acled.SubEventType,
                MostReported(events.SelectMany(e => e.Actors.Take(1)).Select(p => p.Text)) ?? "",
                MostReported(events.SelectMany(e => e.Recipients.Take(1)).Select(p => p.Text)) ?? "",
                country,
                incident.Location?.Name ?? "",
                Coordinate(incident.Location?.Latitude),
                Coordinate(incident.Location?.Longitude),
                string.Join("; ", outlets),
                Notes(incident),
                incident.Fatalities is { } f ? f.Best.ToString(CultureInfo.InvariantCulture) : "0",
                Grades.Name(incident.Grade),
                incident.IndependentSources.ToString(CultureInfo.InvariantCulture),
                incident.Story));
            written++;
        }
        return new ExportSummary(written, "incidents", skipped, "no ACLED type, or not reported as having happened");
    }

    /// <summary>One CSV line: fields with a comma, quote, line break or edge space are quoted, quotes doubled (RFC 4180).</summary>
    public static string Row(params string[] fields) => string.Join(',', fields.Select(Field));

    internal static string Field(string value)
    {
        var quote = value.Length > 0 && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or a longer span.</summary>
    private static string TimePrecision(string precision) => precision switch
    {
        "day" => "1",
        "week" => "2",
        _ => "3",
    };

    /// <summary>ACLED's disorder type of an event type (codebook 2023).</summary>
    private static string DisorderType(AcledType type) => (type.EventType, type.SubEventType) switch
    {
        ("Protests", _) => "Demonstrations",
        ("Riots", "Mob violence") => "Political violence",
        ("Riots", _) => "Demonstrations",
        ("Violence against civilians", "Excessive force against protesters") => "Political violence; Demonstrations",
        ("Strategic developments", _) => "Strategic developments",
        _ => "Political violence",
    };

    private static string Coordinate(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Notes(Incident incident)
    {
        var notes = new StringBuilder(incident.Title).Append('.');
        if (incident.Time is { } t) notes.Append(" When: ").Append(t.Text).Append('.');
        if (incident.Fatalities is { Min: var min, Max: var max } f && min != max)
        {
            notes.Append(CultureInfo.InvariantCulture, $" Fatalities reported {min}-{max}; best {f.Best} ({f.Rule}).");
        }
        notes.Append(CultureInfo.InvariantCulture, $" Reports: {incident.Documents.Length}; grade {Grades.Name(incident.Grade)}: {incident.GradeReason.TrimEnd('.')}.");
        return notes.ToString();
    }

    /// <summary>The value given most often, the first given among equals; null for none.</summary>
    internal static T? MostReported<T>(IEnumerable<T> values) where T : class
    {
        var counts = new Dictionary<T, int>();
        var order = new List<T>();
        foreach (var v in values)
        {
            if (counts.TryGetValue(v, out var n)) counts[v] = n + 1;
            else { counts[v] = 1; order.Add(v); }
        }
        return order.Count == 0 ? null : order.OrderByDescending(v => counts[v]).First();
    }
}
