using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>The JSON API: <c>/api/documents</c> and <c>/api/documents/{id}</c>.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        // Documents are read from the database, each read bounded in time: 503 when one runs out of it.
        var api = app.MapGroup("/api/documents").WithTags("Documents").ReadProblems(app).Problems(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/", ListDocuments).WithSummary("Documents in the order they were stored, or those matching ?q= (full-text) by rank");
        api.MapGet("/{id}", GetDocument).WithSummary("One document: its text, metadata and segments").Problems(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/sources", GetSources).WithSummary("Every source (file or URL) the document was read from").Problems(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<DocumentListResponse>, ValidationProblem> ListDocuments(IDocumentLookup store, WebOptions options, string? q, string? offset, string? limit)
    {
        Paging.TryParse(offset, limit, out var paging, out var errors);
        QueryLimits.Check(options, errors, ("q", q));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var page = store.List(q, paging.Offset, paging.Limit);
        var items = page.Items.Select(s => new DocumentSummaryResponse(
            s.Id, s.Source, s.Outlet, s.Title, FormatDate(s.Published), s.DuplicateOf, s.Length, s.Snippet)).ToList();
        return TypedResults.Ok(new DocumentListResponse(items, page.Total, page.Offset, page.Limit));
    }

    public static Results<Ok<DocumentResponse>, ProblemHttpResult> GetDocument(IDocumentLookup store, string id)
    {
        var doc = store.Get(id);
        if (doc is null) return NotFound(id);
        return TypedResults.Ok(new DocumentResponse(
            doc.Id, doc.Source, doc.Metadata.Outlet, doc.Metadata.Title, FormatDate(doc.Metadata.Published), doc.Metadata.Url,
            doc.Language, doc.Text, doc.DuplicateOf,
            [.. doc.Segments.Select(s => new SegmentResponse(Segment.Name(s.Kind), s.Start, s.End))]));
    }

    public static Results<Ok<IReadOnlyList<string>>, ProblemHttpResult> GetSources(IDocumentLookup store, string id)
    {
        if (store.Get(id) is null) return NotFound(id);
        return TypedResults.Ok(store.Sources(id));
    }

    internal static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document", detail: $"There is no document with id '{id}'.");

    // The same format the analysis contract writes, independent of culture.
    internal static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A page of documents; item fields follow the analysis contract's names.</summary>
internal sealed record DocumentListResponse(IReadOnlyList<DocumentSummaryResponse> Items, int Total, int Offset, int Limit);

/// <summary>One line of a list. <c>snippet</c> marks search matches with [ and ].</summary>
internal sealed record DocumentSummaryResponse(string Id, string Source, string? Outlet, string? Title, string? Published, string? DuplicateOf, int Length, string Snippet);

/// <summary>A document as the analysis contract (<c>crosscheck.analysis/1</c>) writes it.</summary>
internal sealed record DocumentResponse(
    string Id, string Source, string? Outlet, string? Title, string? Published, string? Url, string Language, string Text,
    string? DuplicateOf, IReadOnlyList<SegmentResponse> Segments);

internal sealed record SegmentResponse(string Kind, int Start, int End);
