using System.Globalization;
using System.Text.Json.Nodes;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Review;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Crosscheck.Web;

/// <summary>
/// The review forms of an incident's page (for analysts): correct or confirm a value of the incident or of a report,
/// grade it, write a note, merge another incident in, split reports off, move a report, revert a decision. Each form
/// posts to <c>/incidents/{id}/review</c> with the page's antiforgery token and the ETag the page was drawn from, so a
/// decision made on a stale page is refused (412) rather than applied to what the analyst did not see.
/// </summary>
internal static class ReviewForms
{
    public static void Render(HtmlPage html, SourcedRecord record, Incident incident, AntiforgeryTokenSet token, Func<string, string> outletOf)
    {
        var action = HtmlPage.Attr($"/incidents/{Uri.EscapeDataString(incident.Id)}/review");
        var etag = HtmlPage.Attr(ReviewDesk.ETagOf(record, incident));
        string Open(string kind, string label) =>
            $"""<fieldset><legend>{HtmlPage.Encode(label)}</legend><form class="review" method="post" action="{action}">{LoginPages.TokenField(token)}<input type="hidden" name="kind" value="{kind}"><input type="hidden" name="etag" value="{etag}">""";
        var reports = incident.Events.Select(e => (Id: e, Label: Label(record, e, outletOf))).ToList();

        html.Raw("""<section class="review-forms" id="review" aria-label="Review"><h2>Review</h2>""" + "\n");
        html.Raw(Open("value", "Correct or confirm a value"));
        html.Raw("""<label for="r-target">Of</label> <select id="r-target" name="target">""");
        html.Raw($"""<option value="{HtmlPage.Attr(incident.Id)}">the incident</option>""");
        foreach (var (id, label) in reports) html.Raw($"""<option value="{HtmlPage.Attr(id)}">""").Text("report: " + label).Raw("</option>");
        html.Raw("""</select> <label for="r-field">value</label> <select id="r-field" name="field">""");
        foreach (var f in ReviewFields.Values) html.Raw($"""<option value="{f}">{f}</option>""");
        html.Raw("""</select> <label for="r-value">New value</label> <input id="r-value" name="value" maxlength="300" placeholder="e.g. 4, 3-5, 2025-09-02, Caribbean Sea">""");
        html.Raw("""<label for="r-reason">Why</label> <input id="r-reason" name="reason" maxlength="2000">""");
        html.Raw("""<button type="submit" name="action" value="set">Set</button> <button type="submit" name="action" value="confirm">Confirm as it is</button></form></fieldset>""" + "\n");

        html.Raw(Open("grade", "Grade"));
        html.Raw("""<label for="r-grade">Grade</label> <select id="r-grade" name="value">""");
        foreach (var g in Enum.GetValues<Grade>()) html.Raw($"""<option value="{Grades.Name(g)}"{(g == incident.Grade ? " selected" : "")}>{Grades.Name(g)}</option>""");
        html.Raw("""</select> <label for="r-grade-reason">Why</label> <input id="r-grade-reason" name="reason" maxlength="2000" required> <button type="submit">Set the grade</button></form></fieldset>""" + "\n");

        html.Raw(Open("note", "Note"));
        html.Raw("""<label for="r-note">Note</label> <textarea id="r-note" name="reason" rows="2" cols="50" maxlength="2000" required></textarea> <button type="submit">Add the note</button></form></fieldset>""" + "\n");

        html.Raw(Open("merge", "Merge another incident into this one"));
        html.Raw("""<label for="r-merge">Incident id</label> <input id="r-merge" name="into" maxlength="100" required placeholder="i-…"> <label for="r-merge-reason">Why</label> <input id="r-merge-reason" name="reason" maxlength="2000"> <button type="submit">Merge</button></form></fieldset>""" + "\n");

        if (reports.Count > 1)
        {
            html.Raw(Open("split", "Split reports off into a new incident"));
            var n = 0;
            foreach (var (id, label) in reports)
            {
                html.Raw($"""<label><input type="checkbox" name="events" value="{HtmlPage.Attr(id)}" id="r-split-{n++}"> """).Text(label).Raw("</label>");
            }
            html.Raw("""<label for="r-split-reason">Why</label> <input id="r-split-reason" name="reason" maxlength="2000"> <button type="submit">Split</button></form></fieldset>""" + "\n");
        }

        html.Raw(Open("move", "Move a report into another incident"));
        html.Raw("""<label for="r-move">Report</label> <select id="r-move" name="target">""");
        foreach (var (id, label) in reports) html.Raw($"""<option value="{HtmlPage.Attr(id)}">""").Text(label).Raw("</option>");
        html.Raw("""</select> <label for="r-move-into">Into incident</label> <input id="r-move-into" name="into" maxlength="100" required placeholder="i-…"> <label for="r-move-reason">Why</label> <input id="r-move-reason" name="reason" maxlength="2000"> <button type="submit">Move</button></form></fieldset>""" + "\n");
        html.Raw("</section>\n");
    }

    /// <summary>The revert button of one decision in the history table.</summary>
    public static string RevertButton(string incidentId, long number, AntiforgeryTokenSet token, string etag) =>
        $"""<form class="revert" method="post" action="{HtmlPage.Attr($"/incidents/{Uri.EscapeDataString(incidentId)}/review")}">{LoginPages.TokenField(token)}<input type="hidden" name="kind" value="revert"><input type="hidden" name="etag" value="{HtmlPage.Attr(etag)}"><input type="hidden" name="number" value="{number.ToString(CultureInfo.InvariantCulture)}"><input type="hidden" name="reason" value="reverted on the incident's page"><button type="submit" aria-label="Revert decision {number.ToString(CultureInfo.InvariantCulture)}">Revert</button></form>""";

    private static string Label(SourcedRecord record, string eventId, Func<string, string> outletOf) =>
        record.Event(eventId) is { } e ? $"{outletOf(e.Document)}: “{e.Trigger}”" : eventId;

    /// <summary>Takes one form: checks the page's ETag, makes the decision, and goes back to the incident's page (303), or says what was wrong.</summary>
    public static async Task<IResult> Post(HttpContext context, ReviewDesk desk, string id)
    {
        var record = desk.Record;
        if (!context.Request.HasFormContentType) return Problem(StatusCodes.Status400BadRequest, "Not a form", "The review takes a form.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (record.Incident(id) is not { } incident) return Problem(StatusCodes.Status404NotFound, "No such incident", $"There is no incident '{id}'.");
        if (form["etag"].ToString() is { Length: > 0 } etag && etag != ReviewDesk.ETagOf(record, incident))
        {
            return Problem(StatusCodes.Status412PreconditionFailed, "The incident changed",
                "Someone changed this incident since the page was drawn; reload it and decide on what it says now.");
        }
        var author = context.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
        var reason = form["reason"].ToString();
        var target = form["target"].ToString();
        var kind = form["kind"].ToString();
        DecisionOutcome outcome;
        switch (kind)
        {
            case "value":
            {
                var field = form["field"].ToString();
                var isIncident = target == incident.Id;
                if (!isIncident && !incident.Events.Contains(target)) return Problem(StatusCodes.Status400BadRequest, "No such report", $"Incident '{id}' has no report '{target}'.");
                var confirm = form["action"].ToString() == "confirm";
                JsonNode? value = null;
                if (!confirm && !TryValue(field, form["value"].ToString(), out value, out var error)) return Problem(StatusCodes.Status400BadRequest, "Not a value", error);
                outcome = desk.Decide(new DecisionRequest(isIncident ? DecisionTarget.Incident : DecisionTarget.Event, target,
                    confirm ? DecisionAction.Confirm : DecisionAction.Set, field, value, reason, author));
                break;
            }
            case "grade":
                outcome = desk.Decide(new DecisionRequest(DecisionTarget.Incident, id, DecisionAction.Grade, null, JsonValue.Create(form["value"].ToString()), reason, author));
                break;
            case "note":
                outcome = desk.Decide(new DecisionRequest(DecisionTarget.Incident, id, DecisionAction.Note, null, null, reason, author));
                break;
            case "merge":
                outcome = desk.Decide(new DecisionRequest(DecisionTarget.Incident, id, DecisionAction.Merge, null, JsonValue.Create(form["into"].ToString().Trim()), reason, author));
                break;
            case "split":
                outcome = desk.Decide(new DecisionRequest(DecisionTarget.Incident, id, DecisionAction.Split, null,
                    new JsonArray([.. form["events"].Select(e => (JsonNode?)JsonValue.Create(e))]), reason, author));
                break;
            case "move":
                if (!incident.Events.Contains(target)) return Problem(StatusCodes.Status400BadRequest, "No such report", $"Incident '{id}' has no report '{target}'.");
                outcome = desk.Decide(new DecisionRequest(DecisionTarget.Event, target, DecisionAction.Move, null, JsonValue.Create(form["into"].ToString().Trim()), reason, author));
                break;
            case "revert":
                if (!long.TryParse(form["number"], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return Problem(StatusCodes.Status400BadRequest, "Not a decision", "Revert takes a decision's number.");
                outcome = desk.Revert(number, reason, author);
                break;
            default:
                return Problem(StatusCodes.Status400BadRequest, "Unknown review form", $"'{kind}' is not a review form.");
        }
        if (!outcome.Stored) return Problem(outcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, "Not decided", outcome.Error!);
        // Back to the incident, or to the one it went into when all its reports left.
        var back = record.Incident(id) is { Events.Length: > 0 } ? id : kind == "move" ? form["into"].ToString().Trim() : id;
        return new SeeOther($"/incidents/{Uri.EscapeDataString(back)}#history");
    }

    /// <summary>A form's words as the JSON value a field takes: "4", "3-5", "at least 4" for counts; "a..b" for days; names split at ';'.</summary>
    internal static bool TryValue(string field, string text, out JsonNode? value, out string error)
    {
        text = text.Trim();
        value = null;
        error = "";
        if (text.Length == 0) { error = $"{field}: the new value is empty"; return false; }
        switch (field)
        {
            case ReviewFields.Killed or ReviewFields.Injured:
            {
                var t = text.Replace("at least", "", StringComparison.OrdinalIgnoreCase).Trim();
                var open = t.EndsWith('+') || t.Length != text.Length;
                t = t.TrimEnd('+').Trim();
                var parts = t.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
                if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                    || parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    error = $"{field}: write a whole number, a range such as 3-5, or 'at least 4'";
                    return false;
                }
                value = new JsonObject { ["min"] = min, ["max"] = open ? null : parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : min };
                return true;
            }
            case ReviewFields.Day:
            {
                var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
                value = parts.Length == 2 ? new JsonObject { ["start"] = parts[0], ["end"] = parts[1] } : JsonValue.Create(text);
                return true;
            }
            case ReviewFields.Actors or ReviewFields.Target:
                value = new JsonArray([.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => (JsonNode?)JsonValue.Create(n))]);
                return true;
            default:
                value = JsonValue.Create(text);
                return true;
        }
    }

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
