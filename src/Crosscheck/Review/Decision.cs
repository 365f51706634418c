using System.Text.Json;

namespace Crosscheck.Review;

/// <summary>What a decision is about: an incident, or one report (event) of an incident.</summary>
public enum DecisionTarget
{
    Incident,
    Event,
}

/// <summary>What an analyst did.</summary>
public enum DecisionAction
{
    /// <summary>Replaced a value (<see cref="Decision.Field"/>) with <see cref="Decision.After"/>.</summary>
    Set,
    /// <summary>Checked a value and kept it (<see cref="Decision.After"/> = the value seen).</summary>
    Confirm,
    /// <summary>Set the incident's grade, with the reason in <see cref="Decision.Reason"/>.</summary>
    Grade,
    /// <summary>Wrote a note (<see cref="Decision.Reason"/>); changes no value.</summary>
    Note,
    /// <summary>Undid the decision numbered <see cref="Decision.Reverts"/>.</summary>
    Revert,
    /// <summary>Moved a report (the target event) into another incident (<see cref="Decision.After"/>, its id).</summary>
    Move,
    /// <summary>Moved every report of another incident (<see cref="Decision.Before"/>: its id and events) into the target incident.</summary>
    Merge,
    /// <summary>Took some reports of the target incident into a new incident (<see cref="Decision.After"/>: its id and events).</summary>
    Split,
}

/// <summary>
/// One analyst's decision, as stored: append-only, numbered in the order made; who, when, what (target, action, field),
/// why, and the value before and after (JSON). Applied over the machine's reading (<see cref="ReviewOverlay"/>), so a
/// new reading of the documents never loses it; a revert is itself a decision.
/// </summary>
public sealed record Decision
{
    /// <summary>1, 2, …: the order decisions were made in (0 before it is stored).</summary>
    public long Number { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Author { get; init; }
    public required DecisionTarget TargetKind { get; init; }
    /// <summary>The incident's or event's id.</summary>
    public required string Target { get; init; }
    public required DecisionAction Action { get; init; }
    /// <summary>The value decided on (<see cref="ReviewFields"/> names), for Set and Confirm; "grade" for Grade.</summary>
    public string? Field { get; init; }
    /// <summary>The value as the record had it when the decision was made (JSON), or null.</summary>
    public string? Before { get; init; }
    /// <summary>The value decided (JSON), or null.</summary>
    public string? After { get; init; }
    public string Reason { get; init; } = "";
    /// <summary>For a revert: the number of the decision it undoes.</summary>
    public long? Reverts { get; init; }
}

public static class DecisionNames
{
    public static string Name(DecisionAction action) => action.ToString().ToLowerInvariant();
    public static string Name(DecisionTarget target) => target.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out DecisionAction action) =>
        Enum.TryParse(text, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(text, out _);

    public static bool TryParse(string? text, out DecisionTarget target) =>
        Enum.TryParse(text, ignoreCase: true, out target) && Enum.IsDefined(target) && !int.TryParse(text, out _);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
