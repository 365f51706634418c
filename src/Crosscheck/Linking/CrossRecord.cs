using System.Collections.Immutable;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>How sure the record is that an incident happened as reported, after Airwars' grading.</summary>
public enum Grade
{
    /// <summary>The acting party (its force, commander, ministry or spokesperson) acknowledged it.</summary>
    Confirmed,
    /// <summary>Two or more credible independent sources report it.</summary>
    Fair,
    /// <summary>One source reports it.</summary>
    Weak,
    /// <summary>Competing claims about who did it or whether it happened, or a party disputes what was reported.</summary>
    Contested,
    /// <summary>Every report of it is a denial or says it did not happen.</summary>
    Discounted,
}

/// <summary>Whether an incident is one event or a series reported as a whole ("the 15 strikes since September").</summary>
public enum IncidentScope
{
    Single,
    Campaign,
}

/// <summary>What discrepancies are about.</summary>
public enum DiscrepancyKind
{
    Fatalities,
    Count,
    Date,
    Location,
    Actor,
    Modality,
    SourceCount,
    Title,
    /// <summary>A party denies or contests what a report states ("the people killed were fishermen").</summary>
    Dispute,
}

public static class DiscrepancyKinds
{
    public static string Name(DiscrepancyKind kind) => kind switch
    {
        DiscrepancyKind.SourceCount => "source_count",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string name, out DiscrepancyKind kind)
    {
        foreach (var k in Enum.GetValues<DiscrepancyKind>())
        {
            if (string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
        }
        kind = default;
        return false;
    }
}

public static class Grades
{
    public static string Name(Grade grade) => grade.ToString().ToLowerInvariant();
}

/// <summary>Why an event sits in its incident: the event it was joined to (null for the first) and the shared facts.</summary>
public sealed record IncidentLink(string Event, string? JoinedTo, double Score, string Reason);

/// <summary>One document's report of an incident: where it traces back to and what it says.</summary>
public sealed record SourceReport(
    string Document, string? Outlet, DateOnly? Published, string Origin, string OriginReason,
    ImmutableArray<string> Events, int? SourceCount, string? SourceCountText);

/// <summary>A value one source gives, and where; <see cref="Max"/> is null for an open range ("at least 64").</summary>
public sealed record SourceValue(string Document, string? Event, decimal Min, decimal? Max, string Text)
{
    /// <summary>The upper end, reading an open range as its lower end.</summary>
    public decimal Top => Max ?? Min;
}

/// <summary>Fatalities reconciled across sources.</summary>
public sealed record FatalityRecord(decimal Min, decimal Max, decimal Best, ImmutableArray<SourceValue> BySource, string Rule);

/// <summary>One real-world event reported by one or more documents.</summary>
public sealed record Incident
{
    public required string Id { get; init; }
    public required string Story { get; init; }
    public required PloverType Type { get; init; }
    public required Modality Modality { get; init; }
    public required IncidentScope Scope { get; init; }
    public required string Title { get; init; }
    public ImmutableArray<string> Events { get; init; } = [];
    public ImmutableArray<string> Documents { get; init; } = [];
    public PlaceFacts? Location { get; init; }
    public TimeFacts? Time { get; init; }
    public FatalityRecord? Fatalities { get; init; }
    public ImmutableArray<string> Origins { get; init; } = [];
    public int IndependentSources { get; init; }
    public Grade Grade { get; init; }
    public string GradeReason { get; init; } = "";
    /// <summary>The campaign a single event belongs to ("the latest" of "the 15 strikes"), if any.</summary>
    public string? PartOf { get; init; }
    public ImmutableArray<IncidentLink> Links { get; init; } = [];
    public ImmutableArray<SourceReport> Reports { get; init; } = [];
    /// <summary>Only mentions: background, or no day or place of their own, fitting no incident (never listed in a story).</summary>
    public bool Mention { get; init; }
    /// <summary>A campaign's running tolls as a time series (<see cref="CampaignTolls"/>); empty for a single event.</summary>
    public ImmutableArray<TollPoint> Tolls { get; init; } = [];
    /// <summary>The values analysts set that are in effect (see <see cref="Crosscheck.Review.ReviewOverlay"/>); empty for the machine's reading.</summary>
    public ImmutableArray<Crosscheck.Review.ReviewedValue> Review { get; init; } = [];
}

/// <summary>One value of a discrepancy.</summary>
public sealed record DiscrepancyValue(string Value, string Document, string? Event, string Text, int? Start = null, int? End = null);

/// <summary>Reports of one incident that disagree.</summary>
public sealed record Discrepancy(string Id, string Incident, DiscrepancyKind Kind, ImmutableArray<DiscrepancyValue> Values, string Note);

/// <summary>Documents about the same development.</summary>
public sealed record Story(string Id, string Title, ImmutableArray<string> Documents, ImmutableArray<string> Incidents, DateOnly? First, DateOnly? Last);

/// <summary>Everything the cross-document stage concluded, at one moment.</summary>
public sealed record CrossRecord(ImmutableArray<Story> Stories, ImmutableArray<Incident> Incidents, ImmutableArray<Discrepancy> Discrepancies)
{
    public static readonly CrossRecord Empty = new([], [], []);
}
