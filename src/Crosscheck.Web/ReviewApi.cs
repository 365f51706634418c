using System.Globalization;
using System.Text.Json.Nodes;
using Crosscheck.Linking;
using Crosscheck.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>What an analyst posts: <c>action</c> set | confirm | grade | note, the <c>field</c> and <c>value</c> (JSON, see ReviewFields) where it takes them, and why.</summary>
public sealed record DecisionBody(string? Action, string? Field, JsonNode? Value, string? Reason);

/// <summary>Why a decision is undone.</summary>
public sealed record RevertBody(string? Reason);

/// <summary>One decision as the API shows it; <c>inEffect</c> is false once a revert undid it.</summary>
public sealed record DecisionResponse(long Number, string At, string Author, string TargetKind, string Target, string Action, string? Field,
    JsonNode? Before, JsonNode? After, string Reason, long? Reverts, bool InEffect);

/// <summary>An incident's history: every decision about it and its reports, oldest first, and its current ETag.</summary>
public sealed record HistoryResponse(string Incident, string ETag, IReadOnlyList<DecisionResponse> Decisions);

/// <summary>
/// Review (issue 15 item 2): decisions on an incident or one of its reports, reverts and an incident's history. A write
/// may carry <c>If-Match</c> with the incident's ETag (from GET /api/incidents/{id} or its history): a stale one is
/// refused with 412, so two analysts never overwrite each other unseen.
/// </summary>
internal static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Review").ReadProblems(app);
        // Writes: 404 for no such incident, report or decision, 412 when If-Match names a state the incident has left.
        int[] writeProblems = [StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed];
        group.MapPost("/incidents/{id}/decisions", DecideOnIncident).WithSummary("Sets, confirms or grades a value of an incident, merges another into it, splits it, or writes a note on it").RequireWriter().Problems(writeProblems);
        group.MapPost("/events/{id}/decisions", DecideOnEvent).WithSummary("Sets or confirms a value of a report (event), moves it into another incident, or writes a note on it").RequireWriter().Problems(writeProblems);
        group.MapPost("/decisions/{number}/revert", Revert).WithSummary("Undoes a decision (a revert is itself a decision)").RequireWriter().Problems(writeProblems);
        group.MapGet("/incidents/{id}/history", History).WithSummary("Every decision about an incident and its reports, oldest first").Problems(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult> DecideOnIncident(
        ReviewDesk desk, HttpContext http, string id, DecisionBody body) =>
        Decide(desk, http, DecisionTarget.Incident, id, desk.Record.Incident(id), body);

    public static Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult> DecideOnEvent(
        ReviewDesk desk, HttpContext http, string id, DecisionBody body)
    {
        var record = desk.Record;
        var incident = record.IncidentOf(id) is { } incidentId ? record.Incident(incidentId) : null;
        return Decide(desk, http, DecisionTarget.Event, id, incident, body);
    }

    private static Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult> Decide(
        ReviewDesk desk, HttpContext http, DecisionTarget kind, string id, Incident? incident, DecisionBody? body)
    {
        var record = desk.Record;
        if (incident is null) return NotFound(kind, id);
        if (body is null) return Invalid("body", "expected a JSON object with action, field, value and reason");
        if (!DecisionNames.TryParse(body.Action, out DecisionAction action) || action == DecisionAction.Revert)
        {
            return Invalid("action", "expected set, confirm, grade or note");
        }
        if (Stale(record, http, incident) is { } stale) return stale;
        var outcome = desk.Decide(new DecisionRequest(kind, id, action, body.Field, body.Value, body.Reason ?? "", Author(http)));
        return Answer(record, http, outcome, incident.Id);
    }

    public static Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult> Revert(
        ReviewDesk desk, HttpContext http, string number, RevertBody? body)
    {
        var record = desk.Record;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Invalid("number", "expected a decision number");
        var target = record.Review.Decisions.FirstOrDefault(d => d.Number == n);
        if (target is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision", detail: $"There is no decision {n}.");
        }
        var incidentId = target.TargetKind == DecisionTarget.Incident ? target.Target : record.IncidentOf(target.Target);
        var incident = incidentId is null ? null : record.Incident(incidentId);
        if (incident is not null && Stale(record, http, incident) is { } stale) return stale;
        var outcome = desk.Revert(n, body?.Reason ?? "", Author(http));
        return Answer(record, http, outcome, incident?.Id);
    }

    public static Results<Ok<HistoryResponse>, ProblemHttpResult> History(SourcedRecord record, HttpContext http, string id)
    {
        if (record.Incident(id) is not { } incident) return NotFound(DecisionTarget.Incident, id);
        var etag = ReviewDesk.ETagOf(record, incident);
        http.Response.Headers.ETag = etag;
        var overlay = record.Review;
        return TypedResults.Ok(new HistoryResponse(id, etag, [.. overlay.History(id, incident.Events).Select(d => ToResponse(d, overlay))]));
    }

    private static Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult> Answer(SourcedRecord record, HttpContext http, DecisionOutcome outcome, string? incidentId)
    {
        if (outcome.Decision is not { } stored)
        {
            return outcome.NotFound
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Error)
                : Invalid("decision", outcome.Error!);
        }
        if (incidentId is not null && record.Incident(incidentId) is { } now) http.Response.Headers.ETag = ReviewDesk.ETagOf(record, now);
        return TypedResults.Created(incidentId is null ? "/api/incidents" : $"/api/incidents/{incidentId}/history", ToResponse(stored, record.Review));
    }

    /// <summary>412 when If-Match names another state of the incident than the current one ("*" and no header pass).</summary>
    private static ProblemHttpResult? Stale(SourcedRecord record, HttpContext http, Incident incident)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0) return null;
        var current = ReviewDesk.ETagOf(record, incident);
        var given = ifMatch.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).ToList();
        if (given.Contains("*") || given.Contains(current)) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The incident changed",
            detail: $"Incident '{incident.Id}' changed since it was read (its ETag is now {current}); read it again and decide on what it says now.");
    }

    /// <summary>The account that proved itself (every write needs an analyst; "anonymous" only where no account is asked).</summary>
    private static string Author(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    private static DecisionResponse ToResponse(Decision d, ReviewOverlay overlay) => new(
        d.Number, d.At.ToString("O", CultureInfo.InvariantCulture), d.Author, DecisionNames.Name(d.TargetKind), d.Target, DecisionNames.Name(d.Action), d.Field,
        d.Before is null ? null : JsonNode.Parse(d.Before), d.After is null ? null : JsonNode.Parse(d.After), d.Reason, d.Reverts, overlay.InEffect(d.Number));

    private static ProblemHttpResult NotFound(DecisionTarget kind, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {DecisionNames.Name(kind)}",
            detail: kind == DecisionTarget.Event ? $"There is no event '{id}' in an incident." : $"There is no incident '{id}'.");

    private static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] });
}
