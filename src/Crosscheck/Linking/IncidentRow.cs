using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// What a list or a map shows of an incident, and what they filter and sort by: its values without its reports, links
/// and sources. A database keeps one per archived incident (table <c>incident_rows</c>), so the incident list with
/// conditions and the map read these small rows, not every archived summary.
/// </summary>
public sealed record IncidentRow(
    string Id, string Story, PloverType Type, Modality Modality, IncidentScope Scope, Grade Grade, string Title,
    PlaceFacts? Location, TimeFacts? Time, decimal? Killed, int IndependentSources, bool Mention)
{
    /// <summary>An analyst set values of it (see <see cref="Incident.Review"/>).</summary>
    public bool Reviewed { get; init; }

    /// <summary>Where its first report stands in the link order: the record lists incidents by it (rank, start, then id).</summary>
    public (int Rank, int Start) FirstReport { get; init; }

    /// <summary>The key the record lists incidents in.</summary>
    public (int Rank, int Start, string Id) ListKey => (FirstReport.Rank, FirstReport.Start, Id);

    public bool HasPoint => Location is { Latitude: not null, Longitude: not null };

    /// <summary>The reconciled dead as a list shows them: range and best value (null when no source counts them).</summary>
    public (decimal Min, decimal Max, decimal Best)? Fatalities { get; init; }

    /// <summary>How many events report it.</summary>
    public int Events { get; init; }

    /// <summary>How many documents report it.</summary>
    public int Documents { get; init; }

    /// <summary>The campaign it is one strike of, or null.</summary>
    public string? PartOf { get; init; }

    public static IncidentRow Of(Incident incident, int firstRank = 0, int firstStart = 0)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentRow(incident.Id, incident.Story, incident.Type, incident.Modality, incident.Scope, incident.Grade, incident.Title,
            incident.Location, incident.Time, incident.Fatalities?.Best, incident.IndependentSources, incident.Mention)
        {
            Reviewed = incident.Review.Length > 0,
            FirstReport = (firstRank, firstStart),
            Fatalities = incident.Fatalities is { } f ? (f.Min, f.Max, f.Best) : null,
            Events = incident.Events.Length,
            Documents = incident.Documents.Length,
            PartOf = incident.PartOf,
        };
    }
}

/// <summary>Which incidents a map shows: every given condition must hold (mentions are never shown).</summary>
public sealed record MapQuery(PloverType? Type = null, DateOnly? From = null, DateOnly? To = null)
{
    public bool Passes(IncidentRow i)
    {
        if (i.Mention) return false;
        if (Type is { } t && i.Type != t) return false;
        if (From is { } f && ((i.Time?.End ?? i.Time?.Start) is not { } end || end < f)) return false;
        if (To is { } to && (i.Time?.Start is not { } start || start > to)) return false;
        return true;
    }

    /// <summary>The order markers are chosen in: the most dead first (none counts as 0), then by id.</summary>
    public static int ByDead(IncidentRow a, IncidentRow b)
    {
        var dead = (b.Killed ?? 0).CompareTo(a.Killed ?? 0);
        return dead != 0 ? dead : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// What a map of these rows (in the record's order) shows: how many pass, how many of those have a point, the
    /// <paramref name="limit"/> with a point and the most dead, and the first <paramref name="limit"/> without a point.
    /// </summary>
    public MapSelection Select(IEnumerable<IncidentRow> rows, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = 0;
        var located = new List<IncidentRow>();
        var unlocated = new List<IncidentRow>();
        var unlocatedCount = 0;
        foreach (var row in rows)
        {
            if (!Passes(row)) continue;
            shown++;
            if (row.HasPoint) located.Add(row);
            else if (unlocatedCount++ < limit) unlocated.Add(row);
        }
        located.Sort(ByDead);
        return new MapSelection(shown, located.Count, [.. located.Take(limit)], unlocated);
    }
}

/// <summary>
/// A map's incidents: <see cref="Shown"/> pass its conditions, <see cref="Located"/> of them have a point; the drawn ones
/// (most dead first) and the first of those without a point, in the record's order.
/// </summary>
public sealed record MapSelection(int Shown, int Located, IReadOnlyList<IncidentRow> Drawn, IReadOnlyList<IncidentRow> Unlocated);
