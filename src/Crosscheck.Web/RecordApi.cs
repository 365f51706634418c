using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Linking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>
/// The JSON API over the sourced record: <c>/api/stories</c>, <c>/api/incidents</c> (with an undo of a merge)
/// and <c>/api/events</c>. Lists are paged with <c>offset</c> and <c>limit</c>; field names follow the analysis
/// contract where it has the field.
/// </summary>
internal static class RecordApi
{
    public static IEndpointRouteBuilder MapRecordApi(this IEndpointRouteBuilder app)
    {
        var stories = app.MapGroup("/api/stories").WithTags("Stories").ReadProblems(app);
        stories.MapGet("/", ListStories).WithSummary("Stories: documents about the same development, in the order they began");
        stories.MapGet("/{id}", GetStory).WithSummary("One story with its incidents").Problems(StatusCodes.Status404NotFound);

        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").ReadProblems(app);
        incidents.MapGet("/", ListIncidents).WithSummary("Incidents, of one story with ?story=, in the order they were first reported")
            .Problems(StatusCodes.Status404NotFound);
        incidents.MapGet("/{id}", GetIncident).WithSummary("One incident with its events, sources, links and discrepancies").Problems(StatusCodes.Status404NotFound);
        incidents.MapPost("/{id}/events/{eventId}/detach", Detach).RequireWriter()
            .WithSummary("Undoes a merge: the event leaves the incident for one of its own (an analyst's key, or a session with its form token)")
            .Problems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        app.MapGet("/api/events", ListEvents).WithTags("Events").ReadProblems(app).WithSummary("Events filtered by type, modality, place, time, actor and text");
        return app;
    }

    public static Results<Ok<ListResponse<StorySummaryResponse>>, ValidationProblem> ListStories(SourcedRecord record, string? offset, string? limit)
    {
        if (!Paging.TryParse(offset, limit, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var page = record.Stories(paging.Offset, paging.Limit);
        return TypedResults.Ok(new ListResponse<StorySummaryResponse>([.. page.Items.Select(Summary)], page.Total, page.Offset, page.Limit));
    }

    public static Results<Ok<StoryDetailResponse>, ProblemHttpResult> GetStory(SourcedRecord record, string id)
    {
        if (record.Story(id) is not { } story) return NotFound("story", id);
        return TypedResults.Ok(new StoryDetailResponse(ToResponse(story), [.. IncidentsOf(record, story).Select(Summary)]));
    }

    public static Results<Ok<ListResponse<IncidentSummaryResponse>>, ValidationProblem, ProblemHttpResult> ListIncidents(
        SourcedRecord record, string? story, string? offset, string? limit)
    {
        if (!Paging.TryParse(offset, limit, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        if (string.IsNullOrEmpty(story))
        {
            // Read from the incidents' rows; one an analyst changed is read whole for its reviewed values.
            var page = record.IncidentRowPage(paging.Offset, paging.Limit);
            var items = page.Items.Select(r => r.Reviewed && record.Incident(r.Id) is { } reviewed ? Summary(reviewed) : Summary(r)).ToList();
            return TypedResults.Ok(new ListResponse<IncidentSummaryResponse>(items, page.Total, page.Offset, page.Limit));
        }
        if (record.Story(story) is not { } found) return NotFound("story", story);
        var all = IncidentsOf(record, found);
        return TypedResults.Ok(new ListResponse<IncidentSummaryResponse>(
            [.. all.Skip(paging.Offset).Take(paging.Limit).Select(Summary)], all.Count, paging.Offset, paging.Limit));
    }

    /// <summary>A story's incidents as the story lists them, those it shares with another story included.</summary>
    private static List<Incident> IncidentsOf(SourcedRecord record, Story story)
    {
        return [.. story.Incidents.Select(record.Incident).OfType<Incident>()];
    }

    public static Results<Ok<IncidentDetailResponse>, ProblemHttpResult> GetIncident(SourcedRecord record, HttpContext http, string id)
    {
        if (record.Incident(id) is not { } incident) return NotFound("incident", id);
        // The validator a review decision's If-Match names (see ReviewApi).
        http.Response.Headers.ETag = Crosscheck.Review.ReviewDesk.ETagOf(record, incident);
        // Its events and documents read together: an archived incident reads its own reports, not its documents' whole facts.
        var facts = record.FactsOf(incident.Documents, incident.Events);
        var events = incident.Events.Select(e => facts.Events.GetValueOrDefault(e)).OfType<EventFacts>().Select(e => ToResponse(e, incident.Id)).ToList();
        var sources = incident.Documents.Select(d => facts.Documents.GetValueOrDefault(d)).OfType<DocumentHeader>().Select(d => new SourceResponse(
            d.Id, d.Outlet, d.Title, Date(d.Published), d.DuplicateOf,
            [.. d.Credits.Select(c => new CreditResponse(c.Via, c.SourceCount, c.SourceText, c.Start, c.End, c.Text))])).ToList();
        var discrepancies = record.DiscrepanciesOf(id).Select(ToResponse).ToList();
        return TypedResults.Ok(new IncidentDetailResponse(ToResponse(incident), events, sources, discrepancies));
    }

    public static Results<Created<IncidentResponse>, ProblemHttpResult> Detach(SourcedRecord record, string id, string eventId)
    {
        if (record.Incident(id) is not { } incident) return NotFound("incident", id);
        if (!incident.Events.Contains(eventId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event in this incident",
                detail: $"Incident '{id}' has no event '{eventId}'.");
        }
        if (incident.Events.Length < 2 || record.Detach(eventId) is not { } alone || record.Incident(alone) is not { } created)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to undo",
                detail: $"Event '{eventId}' is the only report of incident '{id}'; there is no merge to undo.");
        }
        return TypedResults.Created($"/api/incidents/{created.Id}", ToResponse(created));
    }

    public static Results<Ok<ListResponse<EventResponse>>, ValidationProblem> ListEvents(SourcedRecord record, WebOptions options,
        string? type, string? modality, string? place, string? from, string? to, string? actor, string? q, string? offset, string? limit)
    {
        Paging.TryParse(offset, limit, out var paging, out var errors);
        QueryLimits.Check(options, errors, ("place", place), ("actor", actor), ("q", q));
        PloverType? plover = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (PloverTypes.TryParse(type, out var t)) plover = t;
            else errors["type"] = [$"type must be a PLOVER category: {string.Join(", ", Enum.GetValues<PloverType>().Select(PloverTypes.Name))}."];
        }
        Modality? mod = null;
        if (!string.IsNullOrEmpty(modality))
        {
            if (Modalities.TryParse(modality, out var m)) mod = m;
            else errors["modality"] = [$"modality must be one of: {string.Join(", ", Enum.GetValues<Modality>().Select(Modalities.Name))}."];
        }
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        if (fromDate is { } f && toDate is { } t2 && f > t2) errors["to"] = ["to must not be before from."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var filter = new EventFilter
        {
            Type = plover,
            Modality = mod,
            Place = Blank(place),
            From = fromDate,
            To = toDate,
            Actor = Blank(actor),
            Text = Blank(q),
        };
        var page = record.Events(filter, paging.Offset, paging.Limit);
        var items = page.Items.Select(e => ToResponse(e, record.IncidentOf(e.Id))).ToList();
        return TypedResults.Ok(new ListResponse<EventResponse>(items, page.Total, page.Offset, page.Limit));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = [$"{name} must be a date as yyyy-MM-dd."];
        return null;
    }

    private static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} with id '{id}'.");

    private static string? Date(DateOnly? date) => DocumentsApi.FormatDate(date);

    internal static StoryResponse ToResponse(Story s) =>
        new(s.Id, s.Title, s.Documents, s.Incidents, Date(s.First), Date(s.Last));

    /// <summary>What a list shows of a story: counts, not its documents and incidents (those are at its own URL).</summary>
    internal static StorySummaryResponse Summary(Story s) =>
        new(s.Id, s.Title, Date(s.First), Date(s.Last), s.Documents.Length, s.Incidents.Length, $"/api/stories/{Uri.EscapeDataString(s.Id)}");

    /// <summary>What a list shows of an incident: its values and counts; reports, links and sources are at its own URL.</summary>
    internal static IncidentSummaryResponse Summary(Incident i) => new(
        i.Id, i.Story, PloverTypes.Name(i.Type), Modalities.Name(i.Modality), i.Scope == IncidentScope.Campaign ? "campaign" : "single", i.Title,
        Place(i.Location), Time(i.Time), i.Fatalities is { } f ? new CountSummaryResponse(f.Min, f.Max, f.Best) : null,
        Grades.Name(i.Grade), i.IndependentSources, i.Events.Length, i.Documents.Length, i.PartOf, i.Mention, i.Review.Length,
        $"/api/incidents/{Uri.EscapeDataString(i.Id)}");

    /// <summary>The same from a row of an incident no analyst changed (<see cref="Incident.Review"/> is empty).</summary>
    internal static IncidentSummaryResponse Summary(IncidentRow r) => new(
        r.Id, r.Story, PloverTypes.Name(r.Type), Modalities.Name(r.Modality), r.Scope == IncidentScope.Campaign ? "campaign" : "single", r.Title,
        Place(r.Location), Time(r.Time), r.Fatalities is { } f ? new CountSummaryResponse(f.Min, f.Max, f.Best) : null,
        Grades.Name(r.Grade), r.IndependentSources, r.Events, r.Documents, r.PartOf, r.Mention, 0,
        $"/api/incidents/{Uri.EscapeDataString(r.Id)}");

    internal static IncidentResponse ToResponse(Incident i) => new(
        i.Id, i.Story, PloverTypes.Name(i.Type), Modalities.Name(i.Modality), i.Scope == IncidentScope.Campaign ? "campaign" : "single", i.Title,
        i.Events, i.Documents, Place(i.Location), Time(i.Time),
        i.Fatalities is { } f ? new FatalitiesResponse(f.Min, f.Max, f.Best, f.Rule,
            [.. f.BySource.Select(v => new SourceValueResponse(v.Document, v.Event, v.Min, v.Max, v.Text))]) : null,
        i.Origins, i.IndependentSources, Grades.Name(i.Grade), i.GradeReason, i.PartOf,
        [.. i.Reports.Select(r => new ReportResponse(r.Document, r.Outlet, Date(r.Published), r.Origin, r.OriginReason, r.Events, r.SourceCount, r.SourceCountText))],
        [.. i.Links.Select(l => new LinkResponse(l.Event, l.JoinedTo, l.Score, l.Reason))])
    {
        Mention = i.Mention,
        Tolls = [.. i.Tolls.Select(t => new TollPointResponse(t.Toll, t.Document, t.Outlet, TollMeasures.Name(t.Counts), t.Min, t.Max, Date(t.AsOf), t.Copy, t.Behind, t.Text) { Side = t.Side })],
        Review = [.. i.Review.Select(r => new ReviewedValueResponse(r.Field, System.Text.Json.Nodes.JsonNode.Parse(r.Value), r.Author,
            r.At.ToString("O", CultureInfo.InvariantCulture), r.Decision, r.Reason))],
    };

    internal static DiscrepancyResponse ToResponse(Discrepancy d) => new(
        d.Id, d.Incident, DiscrepancyKinds.Name(d.Kind),
        [.. d.Values.Select(v => new DiscrepancyValueResponse(v.Value, v.Document, v.Event, v.Text, v.Start, v.End))], d.Note);

    internal static EventResponse ToResponse(EventFacts e, string? incident) => new(
        e.Id, e.Document, incident, PloverTypes.Name(e.Type), e.Modes, e.Contexts,
        e.Acled is { } a ? new AcledResponse(a.EventType, a.SubEventType) : null,
        Modalities.Name(e.Modality),
        [.. e.Actors.Select(Participant)], [.. e.Recipients.Select(Participant)],
        Place(e.Location), Time(e.Time), Range(e.Fatalities), Range(e.Injured), Range(e.Count),
        [.. e.Quantities.Select(q => new QuantityResponse(q.Value, q.Unit, q.Text))],
        new AttributionResponse(AttributionKinds.Name(e.AttributionKind), e.Speaker is null ? null : new SpeakerResponse(e.Speaker, e.SpeakerKey),
            e.SourceCount, e.Via, e.Verb),
        e.Hedged, e.Plural, e.Single, e.Segment, e.Trigger, new EvidenceResponse(e.Start, e.End, e.Evidence), e.Confidence);

    private static ParticipantResponse Participant(ParticipantFacts p) => new(p.Text, p.EntityKey, p.Country);

    private static PlaceResponse? Place(PlaceFacts? l) => l is null ? null
        : new PlaceResponse(l.Text, l.Name, l.Country, Round(l.Latitude), Round(l.Longitude), l.Precision);

    private static double? Round(double? x) => x is { } v ? Math.Round(v, 4) : null;

    private static TimeResponse? Time(TimeFacts? t) => t is null ? null : new TimeResponse(t.Text, Date(t.Start), Date(t.End), t.Precision, t.Basis);

    private static RangeResponse? Range(RangeFacts? r) => r is null ? null : new RangeResponse(r.Min, r.Max, r.Text);
}

/// <summary>A page of a list: the items, how many there are in all, and the window asked for.</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

/// <summary>A story as the analysis contract writes it, with the span of its documents' publication dates.</summary>
internal sealed record StoryResponse(string Id, string Title, IReadOnlyList<string> Documents, IReadOnlyList<string> Incidents, string? First, string? Last);

/// <summary>A story in a list: its span and counts, the story in full at <c>url</c>.</summary>
internal sealed record StorySummaryResponse(string Id, string Title, string? First, string? Last, int Documents, int Incidents, string Url);

/// <summary>A story, and a summary of each of its incidents (each in full at its <c>url</c>).</summary>
internal sealed record StoryDetailResponse(StoryResponse Story, IReadOnlyList<IncidentSummaryResponse> Incidents);

/// <summary>An incident in a list: its values, how many events, documents and reviewed values it has, the incident in full at <c>url</c>.</summary>
internal sealed record IncidentSummaryResponse(
    string Id, string Story, string Type, string Modality, string Scope, string Title, PlaceResponse? Location, TimeResponse? Time,
    CountSummaryResponse? Fatalities, string Grade, int IndependentSources, int Events, int Documents, string? PartOf, bool Mention, int Reviewed, string Url);

/// <summary>A reconciled count: its range and best value (the sources and rule are on the incident's own URL).</summary>
internal sealed record CountSummaryResponse(decimal Min, decimal Max, decimal Best);

/// <summary>An incident as the analysis contract writes it (<c>independentSources</c>, <c>partOf</c>, <c>links</c>: why each event joined).</summary>
internal sealed record IncidentResponse(
    string Id, string Story, string Type, string Modality, string Scope, string Title,
    IReadOnlyList<string> Events, IReadOnlyList<string> Documents, PlaceResponse? Location, TimeResponse? Time,
    FatalitiesResponse? Fatalities, IReadOnlyList<string> Origins, int IndependentSources, string Grade, string GradeReason,
    string? PartOf, IReadOnlyList<ReportResponse> Reports, IReadOnlyList<LinkResponse> Links)
{
    /// <summary>Only mentions, not an incident (not listed; reachable by id).</summary>
    public bool Mention { get; init; }

    /// <summary>A campaign's running tolls in order of the day they are as of; the last not behind is its figure.</summary>
    public IReadOnlyList<TollPointResponse> Tolls { get; init; } = [];

    /// <summary>The values analysts set that are in effect (the full history is at /api/incidents/{id}/history).</summary>
    public IReadOnlyList<ReviewedValueResponse> Review { get; init; } = [];
}

/// <summary>A value an analyst set: which, the value (JSON), who, when, by which decision and why.</summary>
internal sealed record ReviewedValueResponse(string Field, System.Text.Json.Nodes.JsonNode? Value, string Author, string At, long Decision, string Reason);

/// <summary>One report's running toll of a campaign.</summary>
internal sealed record TollPointResponse(string Toll, string Document, string? Outlet, string Counts, decimal Min, decimal? Max, string? AsOf, bool Copy, bool Behind, string Text)
{
    /// <summary>One side's armed people counted: in the series, never the campaign's figure.</summary>
    public bool Side { get; init; }
}

/// <summary>An incident with its events in full, the documents that report it and what they credit, and where they disagree.</summary>
internal sealed record IncidentDetailResponse(
    IncidentResponse Incident, IReadOnlyList<EventResponse> Events, IReadOnlyList<SourceResponse> Sources, IReadOnlyList<DiscrepancyResponse> Discrepancies);

internal sealed record PlaceResponse(string Text, string Name, string? Country, double? Lat, double? Lon, string Precision);

/// <summary>A time: its words, its days, its precision, and "publication" as its basis when the day is assumed from the article's date.</summary>
internal sealed record TimeResponse(string Text, string? Start, string? End, string Precision, string? Basis);

internal sealed record FatalitiesResponse(decimal Min, decimal Max, decimal Best, string Rule, IReadOnlyList<SourceValueResponse> BySource);

internal sealed record SourceValueResponse(string Document, string? Event, decimal Min, decimal? Max, string Text);

/// <summary>One document's report of an incident: the origin it traces back to and why.</summary>
internal sealed record ReportResponse(string Document, string? Outlet, string? Published, string Origin, string OriginReason,
    IReadOnlyList<string> Events, int? SourceCount, string? SourceCountText);

/// <summary>Why an event sits in its incident: the event it was joined to (null for the first report), the score and the shared facts.</summary>
internal sealed record LinkResponse(string Event, string? JoinedTo, double Score, string Reason);

/// <summary>A document reporting an incident and the outlets or documents it credits.</summary>
internal sealed record SourceResponse(string Document, string? Outlet, string? Title, string? Published, string? DuplicateOf, IReadOnlyList<CreditResponse> Credits);

internal sealed record CreditResponse(string Via, int? SourceCount, string? SourceText, int Start, int End, string Text);

internal sealed record DiscrepancyResponse(string Id, string Incident, string Kind, IReadOnlyList<DiscrepancyValueResponse> Values, string Note);

internal sealed record DiscrepancyValueResponse(string Value, string Document, string? Event, string Text, int? Start, int? End);

/// <summary>An event as the analysis contract writes it; <c>entityKey</c> is the linker's merge key where the contract has an entity id.</summary>
internal sealed record EventResponse(
    string Id, string Document, string? Incident, string Type, IReadOnlyList<string> Mode, IReadOnlyList<string> Context, AcledResponse? Acled,
    string Modality, IReadOnlyList<ParticipantResponse> Actors, IReadOnlyList<ParticipantResponse> Recipients,
    PlaceResponse? Location, TimeResponse? Time, RangeResponse? Fatalities, RangeResponse? Injured, RangeResponse? Count,
    IReadOnlyList<QuantityResponse> Quantities, AttributionResponse Attribution, bool Hedged, bool Plural, bool Single,
    string Segment, string Trigger, EvidenceResponse Evidence, double Confidence);

internal sealed record AcledResponse(string EventType, string SubEventType);

internal sealed record ParticipantResponse(string Text, string? EntityKey, string? Country);

internal sealed record RangeResponse(decimal Min, decimal? Max, string Text);

internal sealed record QuantityResponse(decimal Value, string Unit, string Text);

internal sealed record AttributionResponse(string Kind, SpeakerResponse? Speaker, int? Count, string? Via, string? Verb);

internal sealed record SpeakerResponse(string Text, string? EntityKey);

internal sealed record EvidenceResponse(int Start, int End, string Text);
