using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>The server-rendered pages: the searchable document list and a page per document. No script needed.</summary>
internal static class DocumentPages
{
    public static IEndpointRouteBuilder MapDocumentPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", DocumentList);
        app.MapGet("/documents", DocumentList);
        app.MapGet("/documents/{id}", DocumentPage);
        return app;
    }

    public static Results<ContentHttpResult, ValidationProblem> DocumentList(IDocumentLookup store, WebOptions options, string? q, string? offset, string? limit)
    {
        Paging.TryParse(offset, limit, out var paging, out var errors);
        QueryLimits.Check(options, errors, ("q", q));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Words are what the store searches; a query of punctuation alone lists everything, so say that.
        var query = q is not null && q.Any(char.IsLetterOrDigit) ? q.Trim() : null;
        var page = store.List(query, paging.Offset, paging.Limit);

        var html = new HtmlPage();
        html.Raw("<h1>Documents</h1>\n");
        html.Raw("""<form class="search" method="get" action="/documents" role="search">""")
            .Raw($"""<input type="search" name="q" value="{HtmlPage.Attr(query)}" placeholder="Search titles and text" aria-label="Search documents">""");
        if (paging.Limit != Paging.DefaultLimit) html.Raw($"""<input type="hidden" name="limit" value="{paging.Limit}">""");
        html.Raw("""<button type="submit">Search</button></form>""" + "\n");

        html.Raw("""<p class="summary">""");
        if (page.Items.Count == 0)
        {
            html.Text(query is null ? "No documents yet." : $"No documents match “{query}”.");
        }
        else
        {
            html.Text($"Showing {page.Offset + 1}–{page.Offset + page.Items.Count} of {page.Total} "
                + (page.Total == 1 ? "document" : "documents") + (query is null ? "" : $" matching “{query}”"));
        }
        if (query is not null) html.Raw(""" · <a href="/documents">show all</a>""");
        html.Raw("</p>\n");

        if (page.Items.Count == 0)
        {
            html.Raw("""<div class="empty">""").Text(query is null
                ? "Ingest some articles with 'crosscheck ingest', or run 'crosscheck demo'."
                : "Try fewer or different words.").Raw("</div>\n");
        }
        else
        {
            html.Raw("""<ol class="documents">""" + "\n");
            foreach (var s in page.Items) Row(html, s, RowTitle(store, s), marked: query is not null);
            html.Raw("</ol>\n");
        }
        Pager(html, query, page);
        return html.ToResult(query is null ? "Documents" : $"Search: {query}");
    }

    public static Results<ContentHttpResult, ProblemHttpResult> DocumentPage(IDocumentLookup store, SourcedRecord record, string id)
    {
        var doc = store.Get(id);
        if (doc is null) return DocumentsApi.NotFound(id);
        var sources = store.Sources(id);
        var title = TitleOf(doc);

        var html = new HtmlPage();
        html.Raw("""<a class="back" href="/documents">← All documents</a>""" + "\n");
        html.Raw("<h1>").Text(title).Raw("</h1>\n");

        html.Raw("""<dl class="docmeta">""" + "\n");
        Meta(html, "Outlet", doc.Metadata.Outlet);
        if (doc.Metadata.Published is { } published)
        {
            html.Raw("<dt>Published</dt><dd>").Raw(Time(published)).Raw("</dd>\n");
        }
        Meta(html, "Language", doc.Language);
        if (doc.Metadata.Url is { } url)
        {
            // Only web addresses become links: a javascript: URL in an article's metadata must not be clickable.
            html.Raw("<dt>URL</dt><dd>");
            if (IsWebAddress(url)) html.Raw($"""<a href="{HtmlPage.Attr(url)}" rel="noopener noreferrer">""").Text(url).Raw("</a>");
            else html.Text(url);
            html.Raw("</dd>\n");
        }
        if (doc.DuplicateOf is { } original)
        {
            html.Raw("""<dt>Near-duplicate of</dt><dd><a class="duplicate-of" href="/documents/""")
                .Raw(HtmlPage.Attr(Uri.EscapeDataString(original))).Raw("\">").Text(OriginalTitle(store, original)).Raw("</a></dd>\n");
        }
        html.Raw("<dt>Id</dt><dd><code>").Text(doc.Id).Raw("</code></dd>\n");
        RecordPages.DocumentRecordLine(html, record, doc.Id);
        html.Raw("<dt>Length</dt><dd>").Text($"{doc.Text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters, {doc.Segments.Length} segments").Raw("</dd>\n");
        html.Raw("</dl>\n");

        if (doc.Segments.Length > 0)
        {
            html.Raw("""<ul class="legend" aria-label="Segments by kind">""");
            foreach (var group in doc.Segments.GroupBy(s => s.Kind).OrderBy(g => g.Key))
            {
                html.Raw($"""<li class="legend-{Segment.Name(group.Key)}">""").Text($"{Segment.Name(group.Key)} × {group.Count()}").Raw("</li>");
            }
            html.Raw("</ul>\n");
        }

        html.Raw("""<article class="text">""" + "\n");
        Segments(html, doc);
        html.Raw("</article>\n");
        RecordPages.DocumentIncidents(html, record, doc.Id);

        html.Raw("""<section class="sources"><h2>Sources</h2>""");
        if (sources.Count == 0) html.Raw("<p>None recorded.</p>");
        else
        {
            html.Raw("<ul>");
            foreach (var source in sources) html.Raw("<li><code>").Text(source).Raw("</code></li>");
            html.Raw("</ul>");
        }
        html.Raw("</section>\n");
        html.Raw("""<p><a class="back" href="/documents">← All documents</a></p>""");
        return html.ToResult(title);
    }

    private static void Row(HtmlPage html, DocumentSummary s, string title, bool marked)
    {
        html.Raw($"""<li class="document" data-id="{HtmlPage.Attr(s.Id)}">""");
        html.Raw($"""<a class="title" href="{DocumentHref(s.Id)}">""").Text(title).Raw("</a>");
        html.Raw("""<div class="meta">""");
        if (s.Outlet is not null) html.Raw("""<span class="outlet">""").Text(s.Outlet).Raw("</span>");
        if (s.Published is { } published) html.Raw(Time(published));
        if (s.DuplicateOf is { } original)
        {
            html.Raw($"""<a class="badge duplicate" href="{DocumentHref(original)}" title="A near-duplicate of an earlier document; opens the original">near-duplicate</a>""");
        }
        html.Raw("</div>");
        html.Raw("""<p class="snippet">""");
        if (marked) Snippet(html, s.Snippet);
        else html.Text(Opening(s, title));
        html.Raw("</p></li>\n");
    }

    /// <summary>The start of the text, less a headline that repeats the title shown just above it.</summary>
    private static string Opening(DocumentSummary s, string title)
    {
        var text = s.Snippet.TrimStart();
        if (text.StartsWith(title, StringComparison.Ordinal)) text = text[title.Length..].TrimStart();
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length > s.Snippet.Length ? text + "…" : text;
    }

    /// <summary>The store marks search matches with [ and ]; they become highlights, everything else stays text.</summary>
    internal static void Snippet(HtmlPage html, string snippet)
    {
        var open = false;
        var start = 0;
        for (var i = 0; i < snippet.Length; i++)
        {
            var c = snippet[i];
            if ((c == '[' && !open) || (c == ']' && open))
            {
                html.Text(snippet[start..i]).Raw(open ? "</mark>" : "<mark>");
                open = !open;
                start = i + 1;
            }
        }
        html.Text(snippet[start..]);
        if (open) html.Raw("</mark>");
    }

    /// <summary>Each segment in its own element, in text order; any stray text between segments is kept, marked as unsegmented.</summary>
    private static void Segments(HtmlPage html, Document doc)
    {
        var pos = 0;
        foreach (var s in doc.Segments.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(s.Start, pos, doc.Text.Length);
            var end = Math.Clamp(s.End, start, doc.Text.Length);
            Gap(html, doc.Text, pos, start);
            if (end > start)
            {
                var kind = Segment.Name(s.Kind);
                var tag = s.Kind switch { SegmentKind.Headline => "h2", SegmentKind.Subhead => "h3", _ => "p" };
                html.Raw($"""<{tag} class="segment segment-{kind}" data-kind="{kind}" data-start="{s.Start}" data-end="{s.End}">""")
                    .Raw($"""<span class="segment-label">{kind}</span><span class="segment-text">""")
                    .Text(doc.Text[start..end]).Raw($"</span></{tag}>\n");
            }
            pos = end;
        }
        Gap(html, doc.Text, pos, doc.Text.Length);
    }

    private static void Gap(HtmlPage html, string text, int start, int end)
    {
        if (end <= start || string.IsNullOrWhiteSpace(text[start..end])) return;
        html.Raw($"""<p class="segment segment-unsegmented" data-kind="none" data-start="{start}" data-end="{end}"><span class="segment-label">unsegmented</span><span class="segment-text">""")
            .Text(text[start..end].Trim()).Raw("</span></p>\n");
    }

    private static void Pager(HtmlPage html, string? query, DocumentPage page)
    {
        var hasPrevious = page.Offset > 0;
        var hasNext = page.Offset + page.Items.Count < page.Total;
        if (!hasPrevious && !hasNext) return;
        html.Raw("""<nav class="pager" aria-label="Pages"><span>""");
        if (hasPrevious) html.Raw($"""<a rel="prev" href="{ListHref(query, Math.Max(0, page.Offset - page.Limit), page.Limit)}">← Previous</a>""");
        html.Raw("</span><span>");
        if (hasNext) html.Raw($"""<a rel="next" href="{ListHref(query, page.Offset + page.Limit, page.Limit)}">Next →</a>""");
        html.Raw("</span></nav>\n");
    }

    private static string ListHref(string? query, int offset, int limit)
    {
        var parts = new List<string>();
        if (query is not null) parts.Add("q=" + Uri.EscapeDataString(query));
        if (offset > 0) parts.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        if (limit != Paging.DefaultLimit) parts.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        return HtmlPage.Attr("/documents" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts)));
    }

    internal static string DocumentHref(string id) => HtmlPage.Attr("/documents/" + Uri.EscapeDataString(id));

    private static void Meta(HtmlPage html, string label, string? value)
    {
        if (value is null) return;
        html.Raw("<dt>").Text(label).Raw("</dt><dd>").Text(value).Raw("</dd>\n");
    }

    internal static string Time(DateOnly date) =>
        $"""<time datetime="{DocumentsApi.FormatDate(date)}">{HtmlPage.Encode(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))}</time>""";

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The metadata title, else the headline the segmenter found, else where the text came from.</summary>
    internal static string TitleOf(Document doc)
    {
        if (!string.IsNullOrWhiteSpace(doc.Metadata.Title)) return doc.Metadata.Title;
        foreach (var s in doc.Segments)
        {
            if (s.Kind == SegmentKind.Headline) return doc.Slice(s).Trim();
        }
        return doc.Source;
    }

    /// <summary>Untitled documents (plain text without front matter) are listed by their headline, not by a file path.</summary>
    private static string RowTitle(IDocumentLookup store, DocumentSummary s) =>
        !string.IsNullOrWhiteSpace(s.Title) ? s.Title : store.Get(s.Id) is { } doc ? TitleOf(doc) : s.Source;

    private static string OriginalTitle(IDocumentLookup store, string id) => store.Get(id) is { } original ? TitleOf(original) : id;
}
