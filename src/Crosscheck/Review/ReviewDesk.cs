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
public sealed class ReviewDesk(SqliteDocumentStore store, SourcedRecord record)
{
    private readonly object _gate = new();

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

    private DecisionOutcome Store(Decision decision)
    {
        var stored = store.AppendDecision(decision);
        record.Review = new ReviewOverlay([.. record.Review.Decisions, stored]);
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
