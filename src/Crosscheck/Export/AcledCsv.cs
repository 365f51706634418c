using System.Globalization;
using System.Text;
using Crosscheck.Events;
using Crosscheck.Language.Gazetteers;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Export;

/// <summary>
/// The record as an ACLED-style CSV: one row per incident, since an ACLED row is one real-world event with all the
/// sources that report it, which is what an incident is. Only incidents ACLED would code are written: those whose
/// events carry an ACLED type (the event reader's <c>acled</c>) and that are reported as having happened (modality
/// asserted, or denied against a claim that it did); planned, weighed, conditional and negated ones are left out
/// and counted. Columns follow ACLED's export names; ACLED's convention of 0 for unreported fatalities is kept,
/// and a date the reports never resolve stays empty (no guess). ACLED's 31 columns come in the codebook's order
/// (see README, ACLED CSV, for how each is filled); three columns at the end are Crosscheck's own.
/// </summary>
public static class AcledCsv
{
    /// <summary>ACLED's 31 columns in the codebook's order.</summary>
    public static readonly IReadOnlyList<string> AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>ACLED's columns, then Crosscheck's own.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [.. AcledColumns, "crosscheck_grade", "crosscheck_independent_sources", "crosscheck_story"];

    /// <param name="documents">Where the documents' URLs are read from, for the notes; null leaves them out.</param>
    public static ExportSummary Write(Stream output, SourcedRecord record, IDocumentLookup? documents = null)
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
            writer.WriteLine(Row(Fields(incident, events, acled, record, documents)));
            written++;
        }
        return new ExportSummary(written, "incidents", skipped, "no ACLED type, or not reported as having happened");
    }

    private static string[] Fields(Incident incident, List<EventFacts> events, AcledType acled, SourcedRecord record, IDocumentLookup? documents)
    {
        var date = incident.Time?.Start;
        var place = incident.Location;
        var iso2 = place?.Country;
        var facts = incident.Documents.Select(record.Facts).OfType<DocumentFacts>().ToList();
        var outlets = facts.Select(d => d.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var country = iso2 is not null ? Gazetteer.Default.Country(iso2)?.Entity.Name ?? iso2 : "";

        // ACLED's actor1 and actor2 are the main parties: the first actor and first recipient most reported.
        var actor1 = MostReported(events.Select(e => e.Actors.FirstOrDefault()).OfType<ParticipantFacts>(), p => p.Text);
        var actor2 = MostReported(events.Select(e => e.Recipients.FirstOrDefault()).OfType<ParticipantFacts>(), p => p.Text);
        var inter1 = AcledCodes.Inter(actor1, iso2);
        var inter2 = AcledCodes.Inter(actor2, iso2);
        var latest = facts.Select(d => d.Published).OfType<DateOnly>().DefaultIfEmpty().Max();
        return
        [
            incident.Id,
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            date is null ? "" : TimePrecision(incident.Time!.Precision),
            DisorderType(acled),
            acled.EventType,
            acled.SubEventType,
            actor1?.Text ?? "",
            Associated(events.SelectMany(e => e.Actors), actor1),
            Code(inter1),
            actor2?.Text ?? "",
            Associated(events.SelectMany(e => e.Recipients), actor2),
            Code(inter2),
            AcledCodes.Interaction(inter1, inter2),
            CivilianTargeting(acled, inter2) ? "Civilian targeting" : "",
            AcledCodes.Iso(iso2)?.ToString(CultureInfo.InvariantCulture) ?? "",
            AcledCodes.Region(iso2) ?? "",
            country,
            AcledCodes.Admin1(place),
            "",
            "",
            place?.Name ?? "",
            Coordinate(place?.Latitude),
            Coordinate(place?.Longitude),
            AcledCodes.GeoPrecision(place),
            string.Join("; ", outlets),
            AcledCodes.SourceScale(outlets, iso2),
            Notes(incident, Urls(incident, documents)),
            incident.Fatalities is { } f ? f.Best.ToString(CultureInfo.InvariantCulture) : "0",
            "",
            // The day the latest report came out, at midnight UTC: the export of one record never changes with the clock.
            latest == default ? "" : new DateTimeOffset(latest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Grades.Name(incident.Grade),
            incident.IndependentSources.ToString(CultureInfo.InvariantCulture),
            incident.Story,
        ];
    }

    private static string Code(int inter) => inter.ToString(CultureInfo.InvariantCulture);

    /// <summary>Other named parties on the same side, most reported first, joined by "; " as ACLED does.</summary>
    private static string Associated(IEnumerable<ParticipantFacts> side, ParticipantFacts? main) =>
        string.Join("; ", side.Where(p => p.EntityKey is not null && p.Text != main?.Text && p.EntityKey != main?.EntityKey)
            .GroupBy(p => p.EntityKey, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.First().Text)
            .Distinct(StringComparer.Ordinal));

    /// <summary>ACLED flags events whose target is civilians: violence against civilians, and other violence against them.</summary>
    private static bool CivilianTargeting(AcledType type, int inter2) =>
        type.EventType == "Violence against civilians"
        || (inter2 == 7 && type.EventType is "Explosions/Remote violence" or "Battles" or "Riots");

    private static IReadOnlyList<string> Urls(Incident incident, IDocumentLookup? documents)
    {
        if (documents is null) return [];
        var urls = new List<string>();
        foreach (var id in incident.Documents)
        {
            if (documents.Get(id)?.Metadata.Url is { Length: > 0 } url && !urls.Contains(url, StringComparer.Ordinal)) urls.Add(url);
        }
        return urls;
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

    private static string Notes(Incident incident, IReadOnlyList<string> urls)
    {
        var notes = new StringBuilder(incident.Title).Append('.');
        if (incident.Time is { } t) notes.Append(" When: ").Append(t.Text).Append('.');
        if (incident.Fatalities is { Min: var min, Max: var max } f && min != max)
        {
            notes.Append(CultureInfo.InvariantCulture, $" Fatalities reported {min}-{max}; best {f.Best} ({f.Rule}).");
        }
        notes.Append(CultureInfo.InvariantCulture, $" Reports: {incident.Documents.Length}; grade {Grades.Name(incident.Grade)}: {incident.GradeReason.TrimEnd('.')}.");
        if (urls.Count > 0) notes.Append(" Sources: ").Append(string.Join(' ', urls));
        return notes.ToString();
    }

    /// <summary>The value given most often, compared by <paramref name="key"/>, the first given among equals; null for none.</summary>
    private static T? MostReported<T>(IEnumerable<T> values, Func<T, string> key) where T : class
    {
        var list = values.ToList();
        var best = MostReported(list.Select(key));
        return best is null ? null : list.First(v => key(v) == best);
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
