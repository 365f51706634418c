using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Linking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crosscheck.Web;

/// <summary>What the incident list shows: every condition given must hold; sorted by one key.</summary>
internal sealed record IncidentQuery(
    PloverType? Type, Modality? Modality, Grade? Grade, DateOnly? From, DateOnly? To, string? Place, string? Actor, string? Text, string Sort, bool Descending)
{
    public static readonly string[] Sorts = ["reported", "day", "killed", "grade", "title", "sources"];

    /// <summary>Reads the query string; a bad value is an error naming the parameter.</summary>
    public static bool TryParse(IQueryCollection q, out IncidentQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        PloverType? type = null;
        Modality? modality = null;
        Grade? grade = null;
        DateOnly? from = null, to = null;
        if (Value(q, "type") is { } t) { if (PloverTypes.TryParse(t, out var v)) type = v; else errors["type"] = ["a PLOVER type name, e.g. ASSAULT"]; }
        if (Value(q, "modality") is { } m) { if (Modalities.TryParse(m, out var v)) modality = v; else errors["modality"] = ["a modality, e.g. asserted"]; }
        if (Value(q, "grade") is { } g)
        {
            if (Enum.TryParse<Grade>(g, true, out var v) && Enum.IsDefined(v) && !int.TryParse(g, out _)) grade = v;
            else errors["grade"] = ["confirmed, fair, weak, contested or discounted"];
        }
        if (Value(q, "from") is { } f) { if (Day(f) is { } d) from = d; else errors["from"] = ["a day as yyyy-MM-dd"]; }
        if (Value(q, "to") is { } e) { if (Day(e) is { } d) to = d; else errors["to"] = ["a day as yyyy-MM-dd"]; }
        var sort = Value(q, "sort") ?? "reported";
        if (!Sorts.Contains(sort)) errors["sort"] = [$"one of {string.Join(", ", Sorts)}"];
        var order = Value(q, "order") ?? "asc";
        if (order is not ("asc" or "desc")) errors["order"] = ["asc or desc"];
        foreach (var name in new[] { "place", "actor", "q" })
        {
            if (Value(q, name) is { Length: > 200 }) errors[name] = ["at most 200 characters"];
        }
        query = new IncidentQuery(type, modality, grade, from, to, Value(q, "place"), Value(q, "actor"), Value(q, "q"), sort, order == "desc");
        return errors.Count == 0;
    }

    private static string? Value(IQueryCollection q, string name) => q[name].ToString().Trim() is { Length: > 0 } v ? v : null;

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>No condition, and the record's own order (first report, ascending).</summary>
    public bool IsPlain => Type is null && Modality is null && Grade is null && From is null && To is null && Place is null && Actor is null && Text is null
        && Sort == "reported" && !Descending;

    /// <summary>Whether the incident of a row passes; its events (for an actor or words) are read only when the other conditions hold.</summary>
    public bool Passes(IncidentRow i, Func<string, Incident?> incident, Func<string, EventFacts?> events)
    {
        if (Type is { } type && i.Type != type) return false;
        if (Modality is { } modality && i.Modality != modality) return false;
        if (Grade is { } grade && i.Grade != grade) return false;
        if (From is { } from && (i.Time?.End is not { } end || end < from)) return false;
        if (To is { } to && (i.Time?.Start is not { } start || start > to)) return false;
        if (Place is { } place && !(i.Location is { } l && (Contains(l.Name, place) || Contains(l.Text, place) || string.Equals(l.Country, place, StringComparison.OrdinalIgnoreCase)))) return false;
        IEnumerable<EventFacts> Events() => (incident(i.Id)?.Events ?? []).Select(events).OfType<EventFacts>();
        if (Actor is { } actor && !Events().Any(e => e.Actors.Any(a => Contains(a.Text, actor)))) return false;
        if (Text is { } text && !Contains(i.Title, text) && !Events().Any(e => Contains(e.Evidence, text))) return false;
        return true;
    }

    private static bool Contains(string? where, string what) => where is not null && where.Contains(what, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sorted by the chosen key; ties (and "reported") keep the order of first report. Incidents without the key go last.</summary>
    public IEnumerable<IncidentRow> Order(IReadOnlyList<IncidentRow> incidents)
    {
        var reported = incidents.Select((i, n) => (i, n)).ToDictionary(p => p.i.Id, p => p.n, StringComparer.Ordinal);
        Func<IncidentRow, IComparable?> key = Sort switch
        {
            "day" => i => i.Time?.Start,
            "killed" => i => i.Killed,
            "grade" => i => (int)i.Grade,
            "title" => i => i.Title,
            "sources" => i => i.IndependentSources,
            _ => i => reported[i.Id],
        };
        var with = incidents.Where(i => key(i) is not null);
        var ordered = Descending ? with.OrderByDescending(key) : with.OrderBy(key);
        return ordered.ThenBy(i => reported[i.Id]).Concat(incidents.Where(i => key(i) is null));
    }

    /// <summary>The query string for the same conditions with another sort or page.</summary>
    public string Link(string? sort = null, bool? descending = null, int? offset = null, int? limit = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("type", Type is { } t ? PloverTypes.Name(t) : null);
        Add("modality", Modality is { } m ? Modalities.Name(m) : null);
        Add("grade", Grade is { } g ? Grades.Name(g) : null);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("place", Place);
        Add("actor", Actor);
        Add("q", Text);
        Add("sort", sort ?? Sort);
        Add("order", (descending ?? Descending) ? "desc" : "asc");
        if (offset is > 0) Add("offset", offset.Value.ToString(CultureInfo.InvariantCulture));
        if (limit is { } l) Add("limit", l.ToString(CultureInfo.InvariantCulture));
        return "/incidents?" + string.Join("&", parts);
    }
}

/// <summary>
/// The incident list an analyst works from (<c>/incidents</c>): a filter form (type, modality, grade, day range, place,
/// actor, words), a table sortable by each column's key, paged. Mentions are not listed. With a condition or another order it
/// reads every incident's row (archived ones from their table, <see cref="SourcedRecord.IncidentRows"/>), and the events
/// of those that pass the other conditions when an actor or words are asked for; without, only its page.
/// </summary>
internal static class IncidentListPage
{
    public static Results<ContentHttpResult, ValidationProblem> Render(HttpContext context, SourcedRecord record, string? offset, string? limit)
    {
        if (!Paging.TryParse(offset, limit, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        if (!IncidentQuery.TryParse(context.Request.Query, out var query, out errors)) return TypedResults.ValidationProblem(errors);
        List<IncidentRow> page;
        int chosenCount, listedCount;
        if (query.IsPlain)
        {
            // No condition and the record's own order: read only this page (the whole record is not read).
            var paged = record.Incidents(null, paging.Offset, paging.Limit);
            (page, chosenCount, listedCount) = ([.. paged.Items.Select(i => IncidentRow.Of(i))], paged.Total, paged.Total);
        }
        else
        {
            var listed = record.IncidentRows();
            var chosen = query.Order([.. listed.Where(i => query.Passes(i, record.Incident, record.Event))]).ToList();
            (page, chosenCount, listedCount) = (chosen.Skip(paging.Offset).Take(paging.Limit).ToList(), chosen.Count, listed.Count);
        }

        var html = new HtmlPage { Wide = true };
        html.Raw("<h1>Incidents</h1>\n");
        Filters(html, query);
        html.Raw("""<p class="summary" role="status">""").Text(page.Count == 0
            ? (chosenCount == 0 ? $"No incident of the {listedCount} fits these conditions." : $"No incidents here: {chosenCount} fit.")
            : $"Showing {paging.Offset + 1}–{paging.Offset + page.Count} of {chosenCount} incidents ({listedCount} in the record)").Raw("</p>\n");
        if (page.Count > 0)
        {
            html.Raw("""<div class="table-scroll"><table class="incident-list"><thead><tr>""");
            Header(html, query, "title", "Incident");
            Header(html, query, "day", "Day");
            html.Raw("<th scope=\"col\">Place</th><th scope=\"col\">Type</th><th scope=\"col\">Modality</th>");
            Header(html, query, "killed", "Killed");
            Header(html, query, "grade", "Grade");
            Header(html, query, "sources", "Sources");
            html.Raw("</tr></thead><tbody>\n");
            foreach (var i in page)
            {
                html.Raw($"""<tr class="incident" data-id="{HtmlPage.Attr(i.Id)}"><td><a href="{HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(i.Id))}">""")
                    .Text(i.Title).Raw("</a>");
                if (i.Reviewed) html.Raw(""" <span class="reviewed" title="An analyst set values of this incident">reviewed</span>""");
                html.Raw("</td><td>").Text(Day(i.Time)).Raw("</td><td>").Text(i.Location?.Name ?? "").Raw("</td><td>").Text(PloverTypes.Name(i.Type))
                    .Raw("</td><td>").Text(Modalities.Name(i.Modality)).Raw("</td><td class=\"number\">")
                    .Text(i.Killed is { } killed ? killed.ToString("0.##", CultureInfo.InvariantCulture) : "").Raw("</td><td>")
                    .Raw($"""<span class="grade grade-{Grades.Name(i.Grade)}">""").Text(Grades.Name(i.Grade)).Raw("</span></td><td class=\"number\">")
                    .Text(i.IndependentSources.ToString(CultureInfo.InvariantCulture)).Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table></div>\n");
        }
        html.Raw("""<nav class="pager" aria-label="Pages">""");
        if (paging.Offset > 0) html.Raw($"""<a rel="prev" href="{HtmlPage.Attr(query.Link(offset: Math.Max(0, paging.Offset - paging.Limit), limit: paging.Limit))}">← Earlier</a>""");
        if (paging.Offset + page.Count < chosenCount) html.Raw($"""<a rel="next" href="{HtmlPage.Attr(query.Link(offset: paging.Offset + paging.Limit, limit: paging.Limit))}">Later →</a>""");
        html.Raw("</nav>\n");
        return html.ToResult("Incidents");
    }

    private static void Filters(HtmlPage html, IncidentQuery q)
    {
        html.Raw("""<form class="filters" method="get" action="/incidents" role="search" aria-label="Filter incidents">""");
        Select(html, "type", "Type", Enum.GetValues<PloverType>().Select(PloverTypes.Name), q.Type is { } t ? PloverTypes.Name(t) : null);
        Select(html, "modality", "Modality", Enum.GetValues<Modality>().Select(Modalities.Name), q.Modality is { } m ? Modalities.Name(m) : null);
        Select(html, "grade", "Grade", Enum.GetValues<Grade>().Select(Grades.Name), q.Grade is { } g ? Grades.Name(g) : null);
        Input(html, "from", "From", "date", q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Input(html, "to", "To", "date", q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Input(html, "place", "Place", "text", q.Place);
        Input(html, "actor", "Actor", "text", q.Actor);
        Input(html, "q", "Words", "search", q.Text);
        Select(html, "sort", "Sort by", IncidentQuery.Sorts, q.Sort, any: false);
        Select(html, "order", "Order", ["asc", "desc"], q.Descending ? "desc" : "asc", any: false);
        html.Raw("""<button type="submit">Show</button> <a href="/incidents">Clear</a></form>""" + "\n");
    }

    private static void Select(HtmlPage html, string name, string label, IEnumerable<string> values, string? chosen, bool any = true)
    {
        html.Raw($"""<label for="f-{name}">{HtmlPage.Encode(label)}</label> <select id="f-{name}" name="{name}">""");
        if (any) html.Raw("""<option value="">any</option>""");
        foreach (var v in values) html.Raw($"""<option value="{HtmlPage.Attr(v)}"{(v == chosen ? " selected" : "")}>""").Text(v).Raw("</option>");
        html.Raw("</select> ");
    }

    private static void Input(HtmlPage html, string name, string label, string type, string? value) =>
        html.Raw($"""<label for="f-{name}">{HtmlPage.Encode(label)}</label> <input id="f-{name}" name="{name}" type="{type}" value="{HtmlPage.Attr(value)}" maxlength="200"> """);

    /// <summary>A column heading that sorts by its key; the current sort says its direction (aria-sort) and links to the other.</summary>
    private static void Header(HtmlPage html, IncidentQuery q, string sort, string label)
    {
        var current = q.Sort == sort;
        var aria = current ? (q.Descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : "";
        var next = current ? !q.Descending : sort is "killed" or "sources" or "day";
        html.Raw($"""<th scope="col"{aria}><a href="{HtmlPage.Attr(q.Link(sort: sort, descending: next))}">""").Text(label + (current ? (q.Descending ? " ↓" : " ↑") : "")).Raw("</a></th>");
    }

    private static string Day(TimeFacts? time) => time is { Start: { } s } t
        ? (t.End is { } e && e != s ? $"{s:yyyy-MM-dd}–{e:yyyy-MM-dd}" : s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : "";
}
