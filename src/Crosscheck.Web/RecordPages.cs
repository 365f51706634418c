using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>
/// The server-rendered pages of the sourced record: the stories, a story's incidents on a timeline, and an incident
/// with its reports side by side, their evidence highlighted in the article text and their discrepancies flagged.
/// Undoing a join is a plain form post, so every page works without script.
/// </summary>
internal static class RecordPages
{
    /// <summary>Evidence shown with more context than this is cut down around the highlighted words.</summary>
    private const int MaxContext = 320;

    public static IEndpointRouteBuilder MapRecordPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stories", StoryList).ExcludeFromDescription();
        app.MapGet("/stories/{id}", StoryPage).ExcludeFromDescription();
        app.MapGet("/incidents", IncidentListPage.Render).ExcludeFromDescription();
        app.MapGet("/incidents/{id}", IncidentPage).ExcludeFromDescription();
        app.MapPost("/incidents/{id}/events/{eventId}/detach", Detach).ExcludeFromDescription().RequireWriter();
        app.MapPost("/incidents/{id}/review", ReviewForms.Post).ExcludeFromDescription().RequireWriter();
        return app;
    }

    // ---- The list of stories ----

    public static Results<ContentHttpResult, ValidationProblem> StoryList(SourcedRecord record, string? offset, string? limit)
    {
        if (!Paging.TryParse(offset, limit, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var page = record.Stories(paging.Offset, paging.Limit);

        var html = new HtmlPage();
        html.Raw("<h1>Stories</h1>\n");
        html.Raw("""<p class="summary">""");
        if (page.Items.Count == 0) html.Text(page.Total == 0 ? "No stories yet." : $"No stories here: there are {page.Total}.");
        else html.Text($"Showing {page.Offset + 1}–{page.Offset + page.Items.Count} of {page.Total} " + (page.Total == 1 ? "story" : "stories"));
        html.Raw("</p>\n");

        if (page.Total == 0)
        {
            html.Raw("""<div class="empty">""").Text("Stories appear once articles are analyzed: ingest some with 'crosscheck ingest', or run 'crosscheck demo'.").Raw("</div>\n");
        }
        else
        {
            html.Raw("""<ol class="stories">""" + "\n");
            foreach (var story in page.Items)
            {
                html.Raw($"""<li class="story card" data-id="{HtmlPage.Attr(story.Id)}">""");
                html.Raw($"""<a class="title" href="{StoryHref(story.Id)}">""").Text(story.Title).Raw("</a>");
                html.Raw("""<div class="meta">""");
                html.Raw("""<span class="documents">""").Text(Count(story.Documents.Length, "document", "documents")).Raw("</span>");
                html.Raw("""<span class="incidents">""").Text(Count(story.Incidents.Length, "incident", "incidents")).Raw("</span>");
                if (story.First is { } first) html.Raw("""<span class="span">""").Raw(DateSpan(first, story.Last ?? first)).Raw("</span>");
                html.Raw("</div></li>\n");
            }
            html.Raw("</ol>\n");
        }
        Pager(html, "/stories", page.Offset, page.Items.Count, page.Total, page.Limit);
        return html.ToResult("Stories");
    }

    // ---- A story: its incidents on a timeline ----

    public static Results<ContentHttpResult, ProblemHttpResult> StoryPage(SourcedRecord record, IDocumentLookup store, string id)
    {
        var view = RecordView.Of(record);
        if (view.Story(id) is not { } story) return NotFound("story", id);
        var incidents = story.Incidents.Select(view.Incident).OfType<Incident>().ToList();
        var entries = incidents.Select((incident, order) => (Incident: incident, When: WhenOf(record, incident), Order: order)).ToList();
        var dated = entries.Where(e => e.When.Date is not null).OrderBy(e => e.When.Date).ThenBy(e => e.Order).ToList();
        var undated = entries.Where(e => e.When.Date is null).ToList();

        var html = new HtmlPage();
        html.Raw("""<a class="back" href="/stories">← All stories</a>""" + "\n");
        html.Raw("<h1>").Text(story.Title).Raw("</h1>\n");
        html.Raw("""<p class="summary">""").Text($"{Count(story.Documents.Length, "document", "documents")} · {Count(incidents.Count, "incident", "incidents")}");
        if (story.First is { } first) html.Raw(" · ").Raw(DateSpan(first, story.Last ?? first));
        html.Raw("</p>\n");

        TollChart.StorySection(html, incidents);
        html.Raw("""<section class="timeline"><h2>Timeline</h2>""" + "\n");
        if (dated.Count == 0) html.Raw("""<p class="muted">No incident of this story is dated.</p>""" + "\n");
        else
        {
            html.Raw("""<ol class="timeline">""" + "\n");
            foreach (var e in dated) IncidentCard(html, view, e.Incident, e.When);
            html.Raw("</ol>\n");
        }
        html.Raw("</section>\n");
        if (undated.Count > 0)
        {
            html.Raw("""<section class="undated"><h2>Undated</h2><ol class="incidents">""" + "\n");
            foreach (var e in undated) IncidentCard(html, view, e.Incident, e.When);
            html.Raw("</ol></section>\n");
        }

        html.Raw("""<section class="story-documents"><h2>Documents</h2><ol class="story-documents">""" + "\n");
        var documents = story.Documents.Select(d => (Id: d, Facts: record.Facts(d))).OrderBy(d => d.Facts?.Published is null ? 1 : 0).ThenBy(d => d.Facts?.Published);
        foreach (var (documentId, facts) in documents)
        {
            html.Raw($"""<li class="story-document card" data-id="{HtmlPage.Attr(documentId)}">""");
            html.Raw($"""<a class="title" href="{DocumentPages.DocumentHref(documentId)}">""").Text(DocumentTitle(record, store, documentId)).Raw("</a>");
            html.Raw("""<div class="meta">""");
            if (facts?.Outlet is { } outlet) html.Raw("""<span class="outlet">""").Text(outlet).Raw("</span>");
            if (facts?.Published is { } published) html.Raw(DocumentPages.Time(published));
            if (facts is not null) html.Raw("<span>").Text(Count(facts.Events.Length, "event", "events")).Raw("</span>");
            html.Raw("</div></li>\n");
        }
        html.Raw("</ol></section>\n");
        return html.ToResult(story.Title);
    }

    /// <summary>When an incident happened, as far as the record knows: its own time, else when it was first reported.</summary>
    private readonly record struct When(DateOnly? Date, DateOnly? End, bool ByReport, string? Words);

    private static When WhenOf(SourcedRecord record, Incident incident)
    {
        // A day assumed from the publication date is shown as what it is: the day it was reported.
        if (incident.Time is { Start: { } start, Basis: null } time) return new When(start, time.End ?? start, false, time.Text);
        var reported = incident.Reports.Select(r => r.Published).Where(p => p is not null).Min();
        return new When(reported, reported, true, incident.Time?.Text);
    }

    private static void IncidentCard(HtmlPage html, RecordView view, Incident incident, When when)
    {
        var date = when.Date is { } d ? $" data-date=\"{DocumentsApi.FormatDate(d)}\"" : "";
        html.Raw($"""<li class="incident card" data-id="{HtmlPage.Attr(incident.Id)}"{date}>""");
        if (when.Date is { } day)
        {
            html.Raw(when.ByReport ? """<div class="when reported">first reported """ : """<div class="when">""").Raw(DateSpan(day, when.End ?? day));
        }
        else html.Raw("""<div class="when">undated""");
        if (when.Words is { Length: > 0 } words) html.Raw(""" <span class="words">“""").Text(words).Raw("”</span>");
        html.Raw("</div>");
        html.Raw($"""<a class="title" href="{IncidentHref(incident.Id)}">""").Text(incident.Title).Raw("</a>");
        Badges(html, view, incident);
        html.Raw("""<div class="meta">""");
        html.Raw("""<span class="sources">""").Text(Count(incident.IndependentSources, "independent source", "independent sources")).Raw("</span>");
        html.Raw("""<span class="reports">""").Text(Count(incident.Reports.Length, "report", "reports")).Raw("</span>");
        if (incident.Fatalities is { } f) html.Raw("""<span class="fatalities">""").Text("fatalities " + Fatalities(f)).Raw("</span>");
        if (incident.Location is { } place) html.Raw("""<span class="place">""").Text(place.Name).Raw("</span>");
        html.Raw("</div>");
        Flags(html, view.DiscrepanciesOf(incident.Id));
        html.Raw("</li>\n");
    }

    private static void Badges(HtmlPage html, RecordView view, Incident incident)
    {
        html.Raw("""<div class="badges">""");
        Grade(html, incident);
        html.Raw("""<span class="chip type">""").Text(PloverTypes.Name(incident.Type)).Raw("</span>");
        html.Raw("""<span class="chip modality">""").Text(Modalities.Name(incident.Modality)).Raw("</span>");
        html.Raw("""<span class="chip scope">""").Text(incident.Scope == IncidentScope.Campaign ? "campaign" : "single").Raw("</span>");
        if (incident.PartOf is { } campaign)
        {
            html.Raw($"""<span class="part-of">part of <a href="{IncidentHref(campaign)}">""").Text(view.Incident(campaign)?.Title ?? campaign).Raw("</a></span>");
        }
        html.Raw("</div>");
    }

    private static void Grade(HtmlPage html, Incident incident)
    {
        var name = Grades.Name(incident.Grade);
        html.Raw($"""<span class="grade grade-{name}" title="{HtmlPage.Attr(incident.GradeReason)}">""").Text(name).Raw("</span>");
    }

    private static void Flags(HtmlPage html, IReadOnlyList<Discrepancy> discrepancies)
    {
        if (discrepancies.Count == 0) return;
        html.Raw("""<div class="flags">""");
        foreach (var kind in discrepancies.Select(d => d.Kind).Distinct())
        {
            var name = DiscrepancyKinds.Name(kind);
            var note = discrepancies.First(d => d.Kind == kind).Note;
            html.Raw($"""<span class="flag" data-kind="{name}" title="{HtmlPage.Attr(note)}">⚑ """).Text(kind == DiscrepancyKind.Dispute ? "disputed" : name.Replace('_', ' ') + " disagree").Raw("</span>");
        }
        html.Raw("</div>");
    }

    // ---- An incident: its reports side by side ----

    public static Results<ContentHttpResult, ProblemHttpResult> IncidentPage(
        HttpContext context, IAntiforgery antiforgery, SourcedRecord record, IDocumentLookup store, string id)
    {
        var view = RecordView.Of(record);
        if (view.Incident(id) is not { } incident) return NotFound("incident", id);
        var story = view.Story(incident.Story);
        var discrepancies = view.DiscrepanciesOf(incident.Id);
        // Every document and event the page names, read together: an archived incident's page reads its own reports.
        var facts = record.FactsOf(
            [.. incident.Documents, .. incident.Reports.Select(r => r.Document), .. discrepancies.SelectMany(d => d.Values.Select(v => v.Document))],
            [.. incident.Reports.SelectMany(r => r.Events), .. incident.Links.Select(l => l.Event), .. incident.Links.Select(l => l.JoinedTo).OfType<string>()]);
        string TitleOf(string document) => DocumentTitle(facts.Documents.GetValueOrDefault(document)?.Title, store, document);
        var outlets = incident.Reports.ToDictionary(r => r.Document, r => r.Outlet ?? TitleOf(r.Document), StringComparer.Ordinal);

        var html = new HtmlPage { Wide = true };
        if (story is not null) html.Raw($"""<a class="back" href="{StoryHref(story.Id)}">← """).Text(story.Title).Raw("</a>\n");
        html.Raw("<h1>").Text(incident.Title).Raw("</h1>\n");

        html.Raw("""<dl class="docmeta incident-meta">""" + "\n");
        html.Raw("<dt>Type</dt><dd>").Text(PloverTypes.Name(incident.Type)).Raw("</dd>\n");
        html.Raw("<dt>Modality</dt><dd>").Text(Modalities.Name(incident.Modality)).Raw("</dd>\n");
        html.Raw("<dt>Scope</dt><dd>").Text(incident.Scope == IncidentScope.Campaign ? "campaign (a series reported as a whole)" : "single event");
        if (incident.PartOf is { } campaign)
        {
            html.Raw($"""; part of <a class="part-of" href="{IncidentHref(campaign)}">""").Text(view.Incident(campaign)?.Title ?? campaign).Raw("</a>");
        }
        html.Raw("</dd>\n");
        html.Raw("""<dt>Grade</dt><dd class="grade-line">""");
        Grade(html, incident);
        html.Raw(""" <span class="grade-reason">""").Text(incident.GradeReason).Raw("</span></dd>\n");
        html.Raw("""<dt>Origins</dt><dd class="origins">""").Text(incident.Origins.Length == 0 ? "none" : string.Join("; ", incident.Origins)).Raw("</dd>\n");
        html.Raw("""<dt>Independent sources</dt><dd class="independent-sources">""").Text(incident.IndependentSources.ToString(CultureInfo.InvariantCulture)).Raw("</dd>\n");
        if (incident.Time is { } time) html.Raw("<dt>Time</dt><dd>").Raw(TimeOf(time)).Raw("</dd>\n");
        if (incident.Location is { } location) html.Raw("<dt>Place</dt><dd>").Text(PlaceOf(location)).Raw("</dd>\n");
        if (incident.Fatalities is { } fatalities)
        {
            html.Raw("""<dt>Fatalities</dt><dd class="fatalities">""").Text(Fatalities(fatalities));
            html.Raw("""<table class="values"><thead><tr><th>Source</th><th>Value</th><th>Words</th></tr></thead><tbody>""");
            foreach (var value in fatalities.BySource)
            {
                html.Raw($"""<tr data-document="{HtmlPage.Attr(value.Document)}"><td>""");
                SourceLink(html, value.Document, value.Event, outlets.GetValueOrDefault(value.Document) ?? value.Document);
                html.Raw("</td><td>").Text(Range(value.Min, value.Max)).Raw("</td><td>“").Text(value.Text).Raw("”</td></tr>");
            }
            html.Raw("""</tbody></table><p class="rule muted">""").Text(fatalities.Rule).Raw("</p></dd>\n");
        }
        if (incident.Tolls.Length > 0) TollSeries(html, incident, outlets);
        html.Raw("</dl>\n");

        if (discrepancies.Count > 0)
        {
            html.Raw("""<section class="discrepancies" aria-label="Discrepancies"><h2>⚑ """)
                .Text(discrepancies.Count == 1 ? "The reports disagree" : $"The reports disagree in {discrepancies.Count} ways").Raw("</h2>\n");
            foreach (var d in discrepancies)
            {
                var kind = DiscrepancyKinds.Name(d.Kind);
                html.Raw($"""<div class="discrepancy" data-kind="{kind}" data-id="{HtmlPage.Attr(d.Id)}"><span class="flag">⚑ """).Text(kind.Replace('_', ' ')).Raw("</span> ")
                    .Raw("""<span class="note">""").Text(d.Note).Raw("</span><ul>");
                foreach (var value in d.Values)
                {
                    html.Raw($"""<li class="value" data-document="{HtmlPage.Attr(value.Document)}"><strong class="said">""").Text(value.Value).Raw("</strong> — ");
                    SourceLink(html, value.Document, value.Event, outlets.GetValueOrDefault(value.Document) ?? TitleOf(value.Document));
                    html.Raw(""": <q class="words">""").Text(value.Text).Raw("</q></li>");
                }
                html.Raw("</ul></div>\n");
            }
            html.Raw("</section>\n");
        }

        html.Raw("""<h2>""").Text(incident.Reports.Length == 1 ? "The report" : $"The {incident.Reports.Length} reports side by side").Raw("</h2>\n");
        html.Raw("""<div class="reports">""" + "\n");
        // The button only for those who may use it.
        var token = incident.Events.Length > 1 && AccessControl.CanWrite(context.User) ? antiforgery.GetAndStoreTokens(context) : null;
        var texts = new Dictionary<string, Document?>(StringComparer.Ordinal);
        foreach (var report in incident.Reports)
        {
            var document = texts[report.Document] = store.Get(report.Document);
            html.Raw($"""<section class="report" data-document="{HtmlPage.Attr(report.Document)}">""");
            html.Raw($"""<h3><a href="{DocumentPages.DocumentHref(report.Document)}">""").Text(report.Outlet ?? "Unknown outlet").Raw("</a></h3>");
            html.Raw("""<div class="meta">""");
            if (report.Published is { } published) html.Raw(DocumentPages.Time(published));
            html.Raw("""<span class="doc-title">""").Text(document is not null ? DocumentPages.TitleOf(document) : TitleOf(report.Document)).Raw("</span>");
            html.Raw("</div>");
            html.Raw("""<p class="origin">Origin: <strong>""").Text(report.Origin).Raw("</strong> <span class=\"muted\">(").Text(report.OriginReason).Raw(")</span>");
            if (report.SourceCountText is { } sources) html.Raw("""<br><span class="source-count">""").Text($"Sources: “{sources}”").Raw("</span>");
            html.Raw("</p>");
            foreach (var eventId in report.Events)
            {
                if (facts.Events.GetValueOrDefault(eventId) is not { } ev) continue;
                Event(html, incident, ev, document, token);
            }
            html.Raw("</section>\n");
        }
        html.Raw("</div>\n");

        html.Raw("""<section class="joins"><h2>Why these reports were joined</h2>""");
        html.Raw("""<table class="links"><thead><tr><th>Event</th><th>Joined to</th><th>Score</th><th>Reason</th></tr></thead><tbody>""" + "\n");
        foreach (var link in incident.Links)
        {
            html.Raw($"""<tr class="link" data-event="{HtmlPage.Attr(link.Event)}"><td>""");
            EventLink(html, facts, outlets, link.Event);
            html.Raw("</td><td>");
            if (link.JoinedTo is { } joined) EventLink(html, facts, outlets, joined);
            else html.Raw("""<span class="muted">—</span>""");
            html.Raw("</td><td>").Text(link.JoinedTo is null ? "" : link.Score.ToString("0.###", CultureInfo.InvariantCulture)).Raw("</td><td>").Text(link.Reason).Raw("</td></tr>\n");
        }
        html.Raw("</tbody></table></section>\n");
        // Analysts get the review forms, and a revert button on each decision of the history.
        var reviewToken = AccessControl.CanWrite(context.User) ? token ?? antiforgery.GetAndStoreTokens(context) : null;
        ReviewPages.History(html, record, incident, reviewToken);
        if (reviewToken is not null) ReviewForms.Render(html, record, incident, reviewToken, d => outlets.GetValueOrDefault(d) ?? d);
        return html.ToResult(incident.Title);
    }

    private static void Event(HtmlPage html, Incident incident, EventFacts ev, Document? document, AntiforgeryTokenSet? token)
    {
        html.Raw($"""<article class="event" id="{EventAnchor(ev.Id)}" data-event="{HtmlPage.Attr(ev.Id)}">""");
        html.Raw("""<blockquote class="evidence">""");
        Evidence(html, document, ev);
        html.Raw("</blockquote>");
        html.Raw("""<dl class="facts">""");
        Fact(html, "Words", ev.Trigger);
        Fact(html, "Modality", Modalities.Name(ev.Modality) + (ev.Hedged ? ", hedged" : ""));
        Fact(html, "Attribution", Attribution(ev));
        EntityPages.Participants(html, "Actors", ev.Actors);
        EntityPages.Participants(html, "Targets", ev.Recipients);
        if (ev.Location is { } place) Fact(html, "Place", PlaceOf(place));
        if (ev.Time is { } time) html.Raw("<dt>Time</dt><dd>").Raw(TimeOf(time)).Raw("</dd>");
        if (ev.Fatalities is { } f) Fact(html, "Fatalities", $"{Range(f.Min, f.Max ?? f.Min)} (“{f.Text}”)");
        if (ev.Count is { } c) Fact(html, "How many", $"{Range(c.Min, c.Max ?? c.Min)} (“{c.Text}”)");
        html.Raw("</dl>");
        if (token is not null)
        {
            html.Raw($"""<form class="detach" method="post" action="{HtmlPage.Attr($"/incidents/{Uri.EscapeDataString(incident.Id)}/events/{Uri.EscapeDataString(ev.Id)}/detach")}">""")
                .Raw(LoginPages.TokenField(token))
                .Raw("""<button type="submit" title="This report is of another event: move it to an incident of its own">Detach from this incident</button></form>""");
        }
        html.Raw("</article>\n");
    }

    /// <summary>
    /// The sentence the evidence sits in, read from the stored article, with the evidence itself marked. When the
    /// stored text no longer holds the evidence at its offsets, the evidence alone is shown, marked.
    /// </summary>
    private static void Evidence(HtmlPage html, Document? document, EventFacts ev)
    {
        var text = document?.Text;
        var (start, end) = (ev.Start, ev.End);
        if (text is null || start < 0 || end > text.Length || start > end || !text.AsSpan(start, end - start).SequenceEqual(ev.Evidence))
        {
            var found = text?.IndexOf(ev.Evidence, StringComparison.Ordinal) ?? -1;
            if (found < 0 || ev.Evidence.Length == 0)
            {
                html.Raw("<mark>").Text(ev.Evidence).Raw("</mark>");
                return;
            }
            (start, end) = (found, found + ev.Evidence.Length);
        }
        var (from, to) = SentenceAround(document!, start, end);
        var clippedBefore = start - from > MaxContext;
        var clippedAfter = to - end > MaxContext;
        if (clippedBefore) from = AfterSpace(text!, start - MaxContext, start);
        if (clippedAfter) to = BeforeSpace(text!, end + MaxContext, end);
        if (clippedBefore) html.Raw("… ");
        html.Text(text![from..start]).Raw("<mark>").Text(text[start..end]).Raw("</mark>").Text(text[end..to]);
        if (clippedAfter) html.Raw(" …");
    }

    /// <summary>The sentences of the evidence's segment that overlap it, found as the language pipeline finds them.</summary>
    private static (int From, int To) SentenceAround(Document document, int start, int end)
    {
        // Outside every segment, a window around the evidence stands in for its paragraph.
        var segment = document.SegmentAt(start)
            ?? new Segment(SegmentKind.Body, Math.Max(0, start - 2 * MaxContext), Math.Min(document.Text.Length, end + 2 * MaxContext));
        var segmentEnd = Math.Max(segment.End, end);
        var from = start;
        var to = end;
        foreach (var (sentenceStart, sentenceEnd) in SentencesOf(document, segment.Start, segmentEnd))
        {
            var s = segment.Start + sentenceStart;
            var e = segment.Start + sentenceEnd;
            if (e <= start || s >= end) continue;
            from = Math.Min(from, s);
            to = Math.Max(to, e);
        }
        return (from, to);
    }

    /// <summary>At most this many paragraphs' sentences are kept between requests.</summary>
    private const int KeptParagraphs = 4096;

    /// <summary>
    /// The sentences of paragraphs shown lately, by document, paragraph and text: an incident's page is read again and
    /// again, and the pipeline's tokenizer over every report's paragraph was most of its time.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Document, int Start, int End, int Text), (int Start, int End)[]> Sentences = new();

    private static (int Start, int End)[] SentencesOf(Document document, int start, int end)
    {
        var key = (document.Id, start, end, string.GetHashCode(document.Text.AsSpan(start, end - start)));
        if (Sentences.TryGetValue(key, out var known)) return known;
        var tokens = Tokenizer.Default.Tokenize(document.Text[start..end]);
        new SentenceSplitter().Process(tokens);
        var found = tokens.Sentences.Select(s => (s.Start, s.End)).ToArray();
        if (Sentences.Count >= KeptParagraphs) Sentences.Clear();
        Sentences[key] = found;
        return found;
    }

    /// <summary>Where the first word after <paramref name="at"/> starts, not past <paramref name="limit"/>.</summary>
    private static int AfterSpace(string text, int at, int limit)
    {
        while (at < limit && !char.IsWhiteSpace(text[at])) at++;
        while (at < limit && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    /// <summary>Where the last word before <paramref name="at"/> ends, not before <paramref name="limit"/>.</summary>
    private static int BeforeSpace(string text, int at, int limit)
    {
        while (at > limit && !char.IsWhiteSpace(text[at - 1])) at--;
        while (at > limit && char.IsWhiteSpace(text[at - 1])) at--;
        return at;
    }

    private static string Attribution(EventFacts ev)
    {
        var parts = new List<string> { AttributionKinds.Name(ev.AttributionKind) };
        if (ev.Speaker is { Length: > 0 } speaker) parts.Add(speaker);
        if (ev.SourceCount is { } count) parts.Add(Count(count, "source", "sources"));
        if (ev.Via is { Length: > 0 } via) parts.Add("via " + via);
        return string.Join(" · ", parts);
    }

    private static void Fact(HtmlPage html, string label, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        html.Raw("<dt>").Text(label).Raw("</dt><dd>").Text(value).Raw("</dd>");
    }

    private static void SourceLink(HtmlPage html, string document, string? eventId, string label)
    {
        var href = eventId is not null ? "#" + EventAnchor(eventId) : DocumentPages.DocumentHref(document);
        html.Raw($"""<a class="source" href="{href}">""").Text(label).Raw("</a>");
    }

    private static void EventLink(HtmlPage html, IncidentFacts facts, IReadOnlyDictionary<string, string> outlets, string eventId)
    {
        var ev = facts.Events.GetValueOrDefault(eventId);
        var outlet = ev is null ? null : outlets.GetValueOrDefault(ev.Document);
        html.Raw($"""<a href="#{EventAnchor(eventId)}">""").Text(outlet ?? eventId).Raw("</a>");
        if (ev is not null) html.Raw(""" <span class="muted">“""").Text(ev.Trigger).Raw("”</span>");
    }

    // ---- Undoing a join ----

    public static IResult Detach(SourcedRecord record, string id, string eventId)
    {
        if (RecordView.Of(record).Incident(id) is not { } incident) return NotFound("incident", id);
        if (!incident.Events.Contains(eventId, StringComparer.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event in this incident",
                detail: $"Incident '{id}' has no event with id '{eventId}'.");
        }
        if (record.Detach(eventId) is not { } alone)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to detach",
                detail: $"Event '{eventId}' is the only report of incident '{id}'.");
        }
        return new SeeOther("/incidents/" + Uri.EscapeDataString(alone));
    }

    // ---- Shared pieces ----

    /// <summary>The incidents a document reports, for its page.</summary>
    internal static void DocumentIncidents(HtmlPage html, SourcedRecord record, string documentId)
    {
        var view = RecordView.Of(record);
        var incidents = view.IncidentsOf(documentId);
        if (incidents.Count == 0 && record.Facts(documentId) is null) return;
        html.Raw("""<section class="doc-incidents" id="incidents"><h2>Incidents</h2>""");
        if (incidents.Count == 0) html.Raw("""<p class="muted">None of this document's events is an incident of the record.</p>""");
        else
        {
            html.Raw("""<ul class="doc-incidents">""");
            foreach (var incident in incidents)
            {
                html.Raw($"""<li class="doc-incident card" data-id="{HtmlPage.Attr(incident.Id)}"><a class="title" href="{IncidentHref(incident.Id)}">""").Text(incident.Title).Raw("</a>");
                Badges(html, view, incident);
                html.Raw("""<div class="meta">""").Text(Count(incident.Reports.Length, "report", "reports"));
                if (view.Story(incident.Story) is { } story)
                {
                    html.Raw($"""<span>in <a class="story" href="{StoryHref(story.Id)}">""").Text(story.Title).Raw("</a></span>");
                }
                html.Raw("</div>");
                Flags(html, view.DiscrepanciesOf(incident.Id));
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("</section>\n");
    }

    /// <summary>A line of the document's details: its story and how many incidents it reports, linking to both.</summary>
    internal static void DocumentRecordLine(HtmlPage html, SourcedRecord record, string documentId)
    {
        var view = RecordView.Of(record);
        var incidents = view.IncidentsOf(documentId);
        var story = incidents.Count > 0 ? view.Story(incidents[0].Story) : null;
        if (story is null && incidents.Count == 0) return;
        html.Raw("""<dt>Record</dt><dd class="record-line"><a href="#incidents">""").Text(Count(incidents.Count, "incident", "incidents")).Raw("</a>");
        if (story is not null) html.Raw($""" in <a class="story" href="{StoryHref(story.Id)}">""").Text(story.Title).Raw("</a>");
        html.Raw("</dd>\n");
    }

    private static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} with id '{id}'.");

    private static string StoryHref(string id) => HtmlPage.Attr("/stories/" + Uri.EscapeDataString(id));

    private static string IncidentHref(string id) => HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(id));

    private static string EventAnchor(string eventId) => HtmlPage.Attr("event-" + eventId);

    private static string DocumentTitle(SourcedRecord record, IDocumentLookup store, string id) => DocumentTitle(record.Facts(id)?.Title, store, id);

    /// <summary>A document's title: the one its facts give, else the stored text's, else its id.</summary>
    private static string DocumentTitle(string? title, IDocumentLookup store, string id)
    {
        if (title is { Length: > 0 }) return title;
        return store.Get(id) is { } doc ? DocumentPages.TitleOf(doc) : id;
    }

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Range(decimal min, decimal max) => min == max ? Number(min) : $"{Number(min)}–{Number(max)}";

    /// <summary>An open range ("at least 64") reads "64 or more".</summary>
    private static string Range(decimal min, decimal? max) => max is { } m ? Range(min, m) : $"{Number(min)} or more";

    /// <summary>A campaign's running tolls as a table in order of the day they are as of; tolls behind the news are marked.</summary>
    private static void TollSeries(HtmlPage html, Incident incident, IReadOnlyDictionary<string, string> outlets)
    {
        html.Raw("""<dt>Running tolls</dt><dd class="tolls"><table class="values"><thead><tr><th>As of</th><th>Counts</th><th>Value</th><th>Source</th><th>Words</th></tr></thead><tbody>""");
        foreach (var t in incident.Tolls)
        {
            html.Raw($"""<tr data-toll="{HtmlPage.Attr(t.Toll)}"{(t.Behind ? " class=\"behind\"" : "")}><td>""")
                .Text(t.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated").Raw("</td><td>").Text(TollMeasures.Name(t.Counts))
                .Raw("</td><td>").Text(Range(t.Min, t.Max) + (t.Behind ? " (behind an earlier report)" : "") + (t.Copy ? " (copy)" : "")).Raw("</td><td>");
            SourceLink(html, t.Document, null, outlets.GetValueOrDefault(t.Document) ?? t.Document);
            html.Raw("</td><td>“").Text(t.Text).Raw("”</td></tr>");
        }
        html.Raw("</tbody></table></dd>\n");
    }

    private static string Fatalities(FatalityRecord f) =>
        f.Min == f.Max ? Number(f.Best) : $"{Range(f.Min, f.Max)}, best {Number(f.Best)}";

    private static string PlaceOf(PlaceFacts place)
    {
        var name = place.Country is { Length: > 0 } country && !place.Name.Contains(country, StringComparison.OrdinalIgnoreCase) ? $"{place.Name} ({country})" : place.Name;
        return string.Equals(place.Text, place.Name, StringComparison.OrdinalIgnoreCase) ? name : $"{name}, from “{place.Text}”";
    }

    private static string TimeOf(TimeFacts time)
    {
        var words = HtmlPage.Encode($"“{time.Text}”");
        return time.Start is { } start ? $"{DateSpan(start, time.End ?? start)} <span class=\"muted\">{words}</span>" : $"{words} <span class=\"muted\">(not resolved to a date)</span>";
    }

    /// <summary>A day, a month, a year or a range of days, as short as says it exactly, in a time element.</summary>
    internal static string DateSpan(DateOnly start, DateOnly end)
    {
        if (end < start) (start, end) = (end, start);
        var invariant = CultureInfo.InvariantCulture;
        string label;
        if (start == end) label = start.ToString("d MMMM yyyy", invariant);
        else if (start.Day == 1 && start.Month == end.Month && start.Year == end.Year && end.Day == DateTime.DaysInMonth(end.Year, end.Month)) label = start.ToString("MMMM yyyy", invariant);
        else if (start.Year == end.Year && start is { Month: 1, Day: 1 } && end is { Month: 12, Day: 31 }) label = start.Year.ToString(invariant);
        else if (start.Year == end.Year && start.Month == end.Month) label = $"{start.Day.ToString(invariant)}–{end.ToString("d MMMM yyyy", invariant)}";
        else if (start.Year == end.Year) label = $"{start.ToString("d MMMM", invariant)} – {end.ToString("d MMMM yyyy", invariant)}";
        else label = $"{start.ToString("d MMMM yyyy", invariant)} – {end.ToString("d MMMM yyyy", invariant)}";
        return $"""<time datetime="{DocumentsApi.FormatDate(start)}">{HtmlPage.Encode(label)}</time>""";
    }

    private static void Pager(HtmlPage html, string path, int offset, int count, int total, int limit)
    {
        var hasPrevious = offset > 0;
        var hasNext = offset + count < total;
        if (!hasPrevious && !hasNext) return;
        html.Raw("""<nav class="pager" aria-label="Pages"><span>""");
        if (hasPrevious) html.Raw($"""<a rel="prev" href="{PageHref(path, Math.Max(0, offset - limit), limit)}">← Previous</a>""");
        html.Raw("</span><span>");
        if (hasNext) html.Raw($"""<a rel="next" href="{PageHref(path, offset + limit, limit)}">Next →</a>""");
        html.Raw("</span></nav>\n");
    }

    private static string PageHref(string path, int offset, int limit)
    {
        var parts = new List<string>();
        if (offset > 0) parts.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        if (limit != Paging.DefaultLimit) parts.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        return HtmlPage.Attr(path + (parts.Count == 0 ? "" : "?" + string.Join("&", parts)));
    }
}
