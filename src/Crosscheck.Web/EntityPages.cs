using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>
/// A page per actor or target (<see cref="ParticipantKeys"/>): the incidents it takes part in, paged, each with the
/// reports (events) in which it acts or is acted on, and who else takes part.
/// </summary>
internal static class EntityPages
{
    /// <summary>Evidence longer than this is cut at a word.</summary>
    private const int MaxEvidence = 280;

    public static IEndpointRouteBuilder MapEntityPages(this IEndpointRouteBuilder app)
    {
        // A catch-all, so a key with a slash in it still reaches the page.
        app.MapGet("/entities/{**key}", EntityPage).ExcludeFromDescription();
        return app;
    }

    /// <summary>The page of the participant with <paramref name="key"/>, encoded for an attribute.</summary>
    public static string Href(string key) => HtmlPage.Attr("/entities/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)));

    /// <summary>A fact line of actors or targets, each a link to its page.</summary>
    internal static void Participants(HtmlPage html, string label, ImmutableArray<ParticipantFacts> participants)
    {
        if (participants.Length == 0) return;
        html.Raw("<dt>").Text(label).Raw("</dt><dd>");
        ParticipantLinks(html, participants);
        html.Raw("</dd>");
    }

    private static void ParticipantLinks(HtmlPage html, IEnumerable<ParticipantFacts> participants)
    {
        var first = true;
        foreach (var p in participants)
        {
            if (!first) html.Raw("; ");
            html.Raw($"""<a class="entity" href="{Href(ParticipantKeys.Of(p))}">""").Text(p.Text).Raw("</a>");
            first = false;
        }
    }

    private sealed record Role(EventFacts Event, bool Actor, bool Target);

    public static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> EntityPage(SourcedRecord record, IDocumentLookup store, string key, string? offset, string? limit)
    {
        if (!Paging.TryParse(offset, limit, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var events = record.Events(new EventFilter { Participant = key }, 0, int.MaxValue).Items;
        if (events.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such actor or target",
                detail: $"No event of the record has an actor or target '{key}'.");
        }
        bool Is(ParticipantFacts p) => ParticipantKeys.Of(p) == key;
        var roles = events.Select(e => new Role(e, e.Actors.Any(Is), e.Recipients.Any(Is))).ToList();
        var names = events.SelectMany(e => e.Actors.Concat(e.Recipients)).Where(Is).Select(p => p.Text)
            .GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenByDescending(g => char.IsUpper(g.Key[0])).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var name = names[0];

        // Its incidents, latest first (undated last); reports that are in no incident come after them.
        var groups = roles.GroupBy(r => record.IncidentOf(r.Event.Id) ?? "", StringComparer.Ordinal)
            .Select(g => (Incident: g.Key.Length > 0 ? record.Incident(g.Key) : null, Roles: g.ToList()))
            .OrderBy(g => g.Incident is null ? 1 : 0).ThenByDescending(g => g.Incident?.Time?.Start ?? DateOnly.MinValue).ThenBy(g => g.Incident?.Id, StringComparer.Ordinal)
            .ToList();
        var page = groups.Skip(paging.Offset).Take(paging.Limit).ToList();

        var html = new HtmlPage();
        html.Raw("<h1>").Text(name).Raw("</h1>\n");
        html.Raw($"""<p class="summary" data-key="{HtmlPage.Attr(key)}">""")
            .Text($"Actor in {Count(roles.Count(r => r.Actor), "report", "reports")}, target in {roles.Count(r => r.Target)}, across {Count(groups.Count(g => g.Incident is not null), "incident", "incidents")}")
            .Raw("</p>\n");
        html.Raw("""<dl class="docmeta entity-meta">""");
        html.Raw("""<dt>Key</dt><dd><code>""").Text(key).Raw("</code>");
        if (key.StartsWith(ParticipantKeys.WordsPrefix, StringComparison.Ordinal)) html.Raw(""" <span class="muted">(words that name no known entity)</span>""");
        html.Raw("</dd>");
        if (names.Count > 1) html.Raw("""<dt>Also written</dt><dd class="names">""").Text(string.Join("; ", names.Skip(1))).Raw("</dd>");
        html.Raw("</dl>\n");

        html.Raw("""<ol class="incidents entity-incidents">""" + "\n");
        foreach (var (incident, list) in page)
        {
            if (incident is not null)
            {
                html.Raw($"""<li class="incident card" data-id="{HtmlPage.Attr(incident.Id)}"><a class="title" href="{IncidentHref(incident.Id)}">""").Text(incident.Title).Raw("</a>");
                html.Raw("""<div class="badges">""");
                html.Raw($"""<span class="grade grade-{Grades.Name(incident.Grade)}">""").Text(Grades.Name(incident.Grade)).Raw("</span>");
                html.Raw("""<span class="chip type">""").Text(PloverTypes.Name(incident.Type)).Raw("</span>");
                if (incident.Time?.Start is { } start) html.Raw(RecordPages.DateSpan(start, incident.Time.End ?? start));
                if (incident.Location is { } place) html.Raw("""<span class="place">""").Text(place.Name).Raw("</span>");
                html.Raw("</div>");
            }
            else html.Raw("""<li class="incident card no-incident"><span class="title">Reports in no incident</span>""");
            html.Raw("""<ul class="entity-events">""");
            foreach (var role in list) Report(html, record, store, incident, role);
            html.Raw("</ul></li>\n");
        }
        html.Raw("</ol>\n");
        Pager(html, key, paging, page.Count, groups.Count);
        return html.ToResult(name);
    }

    private static void Report(HtmlPage html, SourcedRecord record, IDocumentLookup store, Incident? incident, Role role)
    {
        var ev = role.Event;
        var part = role.Actor && role.Target ? "actor and target" : role.Actor ? "actor" : "target";
        html.Raw($"""<li class="entity-event" data-event="{HtmlPage.Attr(ev.Id)}" data-role="{part}"><span class="chip role">""").Text(part).Raw("</span> ");
        var href = incident is not null ? HtmlPage.Attr($"/incidents/{Uri.EscapeDataString(incident.Id)}#event-{ev.Id}") : DocumentPages.DocumentHref(ev.Document);
        var facts = record.Facts(ev.Document);
        var label = facts?.Outlet ?? facts?.Title ?? (store.Get(ev.Document) is { } document ? DocumentPages.TitleOf(document) : ev.Document);
        html.Raw($"""<a class="report" href="{href}">""").Text(label).Raw("</a>");
        html.Raw(""" <span class="muted">""").Text($"{PloverTypes.Name(ev.Type)}, {Modalities.Name(ev.Modality)}: “{ev.Trigger}”").Raw("</span>");
        html.Raw("""<blockquote class="evidence">""").Text(Clip(ev.Evidence)).Raw("</blockquote>");
        html.Raw("""<dl class="facts">""");
        Participants(html, "Actors", ev.Actors);
        Participants(html, "Targets", ev.Recipients);
        html.Raw("</dl></li>");
    }

    private static string Clip(string text)
    {
        if (text.Length <= MaxEvidence) return text;
        var cut = text.LastIndexOf(' ', MaxEvidence);
        return text[..(cut > MaxEvidence / 2 ? cut : MaxEvidence)] + " …";
    }

    private static void Pager(HtmlPage html, string key, Paging paging, int count, int total)
    {
        var hasPrevious = paging.Offset > 0;
        var hasNext = paging.Offset + count < total;
        if (!hasPrevious && !hasNext) return;
        string PageHref(int offset)
        {
            var parts = new List<string>();
            if (offset > 0) parts.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
            if (paging.Limit != Paging.DefaultLimit) parts.Add("limit=" + paging.Limit.ToString(CultureInfo.InvariantCulture));
            return Href(key) + (parts.Count == 0 ? "" : HtmlPage.Attr("?" + string.Join("&", parts)));
        }
        html.Raw("""<nav class="pager" aria-label="Pages"><span>""");
        if (hasPrevious) html.Raw($"""<a rel="prev" href="{PageHref(Math.Max(0, paging.Offset - paging.Limit))}">← Previous</a>""");
        html.Raw("</span><span>");
        if (hasNext) html.Raw($"""<a rel="next" href="{PageHref(paging.Offset + paging.Limit)}">Next →</a>""");
        html.Raw("</span></nav>\n");
    }

    private static string IncidentHref(string id) => HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(id));

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
