using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Review;

/// <summary>What an analyst asks for: an action on an incident or event, the field and value where the action takes them, and why.</summary>
public sealed record DecisionRequest(DecisionTarget TargetKind, string Target, DecisionAction Action, string? Field, JsonNode? Value, string Reason, string Author);

/// <summary>How a decision went: stored (with the decision), or refused with the reason and whether the target was missing.</summary>
public sealed record DecisionOutcome(Decision? Decision, string? Error, bool NotFound = false)
{
    public bool Stored => Decision is not null;
}

/// <summary>
/// Takes analysts' decisions: checks each against the record as it stands (the target exists, the field and value are
/// valid), stores it append-only with the value it replaces, and puts the new overlay over the record, so every read
/// shows it at once. One decision at a time.
/// </summary>
public sealed class ReviewDesk(DocumentStore store, SourcedRecord record)
{
    private readonly object _gate = new();

    /// <summary>
    /// The record this desk decides on: a request that decides reads the record from its desk, so a record the server
    /// replaces meanwhile (another process linked) is never checked against while the decision lands on its successor.
    /// </summary>
    public SourcedRecord Record => record;

    /// <summary>The longest reason or note kept.</summary>
    public const int MaxReason = 2000;

    public DecisionOutcome Decide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason.Trim();
        if (reason.Length > MaxReason) return new(null, $"the reason is longer than {MaxReason} characters");
        if (string.IsNullOrWhiteSpace(request.Author)) return new(null, "a decision needs its author");
        lock (_gate)
        {
            string? before = null;
            var (eventFacts, incident) = request.TargetKind == DecisionTarget.Event
                ? (record.Event(request.Target), (Incident?)null)
                : ((EventFacts?)null, record.Incident(request.Target));
            if (eventFacts is null && incident is null) return new(null, $"no {DecisionNames.Name(request.TargetKind)} {request.Target}", NotFound: true);
            string? after = null;
            string? field = null;
            switch (request.Action)
            {
                case DecisionAction.Set or DecisionAction.Confirm:
                    if (request.Field is not { } f || !ReviewFields.Values.Contains(f)) return new(null, $"field: expected one of {string.Join(", ", ReviewFields.Values)}");
                    field = f;
                    before = eventFacts is not null ? ReviewFields.ValueOf(eventFacts, f) : ReviewFields.ValueOf(incident!, f);
                    if (request.Action == DecisionAction.Confirm)
                    {
                        // A confirmation keeps the value seen; one given must be that value.
                        after = before;
                        if (request.Value is not null)
                        {
                            if (!ReviewFields.TryNormalize(f, request.Value, out var seen, out var err)) return new(null, err);
                            if (seen != before) return new(null, $"{f}: the record's value is {before ?? "none"}, not {seen}; set it instead");
                        }
                        break;
                    }
                    if (!ReviewFields.TryNormalize(f, request.Value, out var normal, out var error)) return new(null, error);
                    after = normal;
                    break;
                case DecisionAction.Grade:
                    if (incident is null) return new(null, "only an incident has a grade");
                    if (reason.Length == 0) return new(null, "a grade needs its reason");
                    if (!ReviewFields.TryNormalize(ReviewFields.Grade, request.Value, out var grade, out var gradeError)) return new(null, gradeError);
                    field = ReviewFields.Grade;
                    before = ReviewFields.ValueOf(incident, ReviewFields.Grade);
                    after = grade;
                    break;
                case DecisionAction.Note:
                    if (reason.Length == 0) return new(null, "a note needs its text (the reason)");
                    break;
                case DecisionAction.Move or DecisionAction.Merge or DecisionAction.Split:
                    return Restructure(request, eventFacts, incident, reason);
                default:
                    return new(null, "use Revert to undo a decision");
            }
            return Store(new Decision
            {
                At = default,
                Author = request.Author,
                TargetKind = request.TargetKind,
                Target = request.Target,
                Action = request.Action,
                Field = field,
                Before = before,
                After = after,
                Reason = reason,
            });
        }
    }

    /// <summary>Undoes a decision (itself a decision, which can be reverted in turn); a decision not in effect cannot be.</summary>
    public DecisionOutcome Revert(long number, string reason, string author)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (string.IsNullOrWhiteSpace(author)) return new(null, "a decision needs its author");
        if (reason.Trim().Length > MaxReason) return new(null, $"the reason is longer than {MaxReason} characters");
        lock (_gate)
        {
            var overlay = record.Review;
            var target = overlay.Decisions.FirstOrDefault(d => d.Number == number);
            if (target is null) return new(null, $"no decision {number}", NotFound: true);
            if (!overlay.InEffect(number)) return new(null, $"decision {number} is not in effect (a revert undid it)");
            if (target.Action == DecisionAction.Note) return new(null, "a note is kept as written; write another");
            // A structural decision is undone on the record itself; the revert of its revert does it again.
            var structural = IsStructural(target) ? target
                : target.Action == DecisionAction.Revert && overlay.Decisions.FirstOrDefault(d => d.Number == target.Reverts) is { } undone && IsStructural(undone) ? undone : null;
            if (structural is not null) Replay(structural, undo: ReferenceEquals(structural, target), $"decision {number} reverted");
            return Store(new Decision
            {
                At = default,
                Author = author,
                TargetKind = target.TargetKind,
                Target = target.Target,
                Action = DecisionAction.Revert,
                Field = target.Field,
                Before = target.After,
                After = target.Before,
                Reason = reason.Trim(),
                Reverts = number,
            });
        }
    }

    /// <summary>Moves, merges and splits: checked, applied to the record (which keeps the new assignments), then stored.</summary>
    private DecisionOutcome Restructure(DecisionRequest request, EventFacts? eventFacts, Incident? incident, string reason)
    {
        var decision = new Decision { At = default, Author = request.Author, TargetKind = request.TargetKind, Target = request.Target, Action = request.Action, Reason = reason };
        switch (request.Action)
        {
            case DecisionAction.Move:
            {
                if (eventFacts is null) return new(null, "move a report (an event) into an incident; to join two incidents, merge");
                if (Id(request.Value) is not { } to || record.Incident(to) is not { Mention: false } || record.IncidentOf(request.Target) is not { } from)
                {
                    return OtherDesk(Id(request.Value), "a report is never moved into an incident of another desk")
                        ?? new(null, "value: expected the id of the incident to move the report into");
                }
                if (from == to) return new(null, "the report is in that incident already");
                if (!record.Move(request.Target, to, reason)) return new(null, $"the report cannot be moved into {to}");
                return Store(decision with { Before = Quote(from), After = Quote(to) });
            }
            case DecisionAction.Merge:
            {
                if (incident is null) return new(null, "merge incidents: post on the incident that stays");
                if (Id(request.Value) is not { } other || record.Incident(other) is not { } merged)
                {
                    return OtherDesk(Id(request.Value), "incidents of two desks are never merged")
                        ?? new(null, "value: expected the id of the incident to merge into this one");
                }
                if (other == incident.Id) return new(null, "an incident cannot be merged into itself");
                foreach (var e in merged.Events) record.Move(e, incident.Id, reason);
                return Store(decision with { Before = Group(other, merged.Events), After = Quote(incident.Id) });
            }
            default:
            {
                if (incident is null) return new(null, "split an incident: post on the incident with the reports to take out");
                if (request.Value is not JsonArray list || list.Count == 0) return new(null, "value: expected the ids of the reports (events) to take into a new incident");
                var events = list.Select(Id).ToList();
                if (events.Any(e => e is null || !incident.Events.Contains(e))) return new(null, $"value: every id must be a report of {incident.Id}");
                var chosen = events.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (chosen.Count == incident.Events.Length) return new(null, "a split leaves at least one report in the incident");
                var created = Documents.DocumentId.ForKey("i-", "split|" + string.Join('|', chosen));
                foreach (var e in chosen) record.Move(e, created, reason, create: true);
                return Store(decision with { Before = Quote(incident.Id), After = Group(created, chosen) });
            }
        }
    }

    /// <summary>Undoes (or, for the revert of a revert, does again) what a move, merge or split did to the record.</summary>
    private void Replay(Decision structural, bool undo, string reason)
    {
        switch (structural.Action)
        {
            case DecisionAction.Move:
                record.Move(structural.Target, Unquote(undo ? structural.Before! : structural.After!), reason, create: true);
                break;
            case DecisionAction.Merge:
            {
                var (other, events) = Ungroup(structural.Before!);
                foreach (var e in events) record.Move(e, undo ? other : structural.Target, reason, create: true);
                break;
            }
            case DecisionAction.Split:
            {
                var (created, events) = Ungroup(structural.After!);
                foreach (var e in events) record.Move(e, undo ? Unquote(structural.Before!) : created, reason, create: true);
                break;
            }
        }
    }

    /// <summary>
    /// The refusal of a move or merge that names an incident another desk of the store holds (issue 16: a desk's record
    /// is its own, so its stories and incidents never take another desk's reports); null when no other desk has it.
    /// </summary>
    private DecisionOutcome? OtherDesk(string? incident, string why) =>
        incident is not null && store.OtherDeskHolding(incident) is { } desk
            ? new(null, $"value: incident {incident} is in {desk.Display}, not in {store.Desk.Display} whose record this is; {why}")
            : null;

    private static bool IsStructural(Decision d) => d.Action is DecisionAction.Move or DecisionAction.Merge or DecisionAction.Split;

    private static string? Id(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 and <= 100 ? s.Trim() : null;

    private static string Quote(string id) => JsonValue.Create(id).ToJsonString();

    private static string Unquote(string json) => JsonNode.Parse(json)!.GetValue<string>();

    private static string Group(string incident, IEnumerable<string> events) =>
        new JsonObject { ["incident"] = incident, ["events"] = new JsonArray([.. events.Select(e => (JsonNode?)JsonValue.Create(e))]) }.ToJsonString();

    private static (string Incident, List<string> Events) Ungroup(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return (o["incident"]!.GetValue<string>(), [.. o["events"]!.AsArray().Select(e => e!.GetValue<string>())]);
    }

    private DecisionOutcome Store(Decision decision)
    {
        var stored = store.AppendDecision(decision);
        record.Review = new ReviewOverlay([.. record.Review.Decisions, stored], record.Review.Successors);
        return new(stored, null);
    }

    /// <summary>
    /// A strong validator of an incident as a reader sees it (its values, reports and the decisions about it and its
    /// reports): the API's ETag, so a write made from a stale view can be refused (If-Match).
    /// </summary>
    public static string ETagOf(SourcedRecord record, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(incident);
        var text = new StringBuilder(incident.Id).Append('|').Append(incident.Title).Append('|').Append(string.Join(',', incident.Events))
            .Append('|').Append(incident.Grade).Append('|').Append(incident.Fatalities?.Best).Append('|').Append(incident.Time?.Start).Append('|').Append(incident.Location?.Name);
        foreach (var d in record.Review.History(incident.Id, incident.Events)) text.Append('|').Append(d.Number);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20] + "\"";
    }
}
