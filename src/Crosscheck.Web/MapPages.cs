using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Web.Maps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crosscheck.Web;

/// <summary>
/// The map of incidents: an SVG world map drawn on the server (no script, no tiles, nothing fetched) with a circle per
/// incident that has coordinates, sized by its dead, each a link to the incident; sea incidents sit at the sea's point.
/// Below it, tables of the incidents drawn and of those left out for want of coordinates.
/// </summary>
internal static class MapPages
{
    /// <summary>At most this many incidents are drawn (those with the most dead); filters narrow the rest down.</summary>
    public const int MaxDrawn = 500;

    /// <summary>The narrowest part of the world a map zooms to, in view-box units.</summary>
    private const double MinViewWidth = 260;

    public static IEndpointRouteBuilder MapMapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map", MapPage).ExcludeFromDescription();
        return app;
    }

    private sealed record Marker(IncidentRow Incident, MapPoint At, double Radius);

    public static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> MapPage(
        SourcedRecord record, DrawnPages drawn, string? story, string? type, string? from, string? to, string? view)
    {
        var errors = new Dictionary<string, string[]>();
        PloverType? plover = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (PloverTypes.TryParse(type.Trim(), out var t)) plover = t;
            else errors["type"] = [$"type must be a PLOVER type ({string.Join(", ", Enum.GetValues<PloverType>().Select(PloverTypes.Name))})."];
        }
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var chosen = string.IsNullOrWhiteSpace(story) ? null : story;
        var world = view == "world";
        // The same map until the record changes: drawn once per version (see DrawnPages).
        var page = drawn.Page(record, Key(chosen, plover, fromDate, toDate, world), () => Draw(record, chosen, plover, fromDate, toDate, world));
        if (page is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such story", detail: $"There is no story with id '{story}'.");
        return TypedResults.Content(page, "text/html; charset=utf-8", System.Text.Encoding.UTF8);
    }

    /// <summary>Draws the plain map (no filter) of a record about to be served, for <paramref name="drawn"/> to keep.</summary>
    internal static void Warm(DrawnPages drawn, SourcedRecord record) =>
        drawn.Page(record, PlainMap, () => Draw(record, null, null, null, null, false));

    /// <summary>The key the plain map (<c>/map</c>, no filter) is kept under.</summary>
    internal static readonly string PlainMap = Key(null, null, null, null, false);

    private static string Key(string? story, PloverType? type, DateOnly? from, DateOnly? to, bool world) =>
        string.Join('\n', story ?? "", type is { } t ? PloverTypes.Name(t) : "", DocumentsApi.FormatDate(from), DocumentsApi.FormatDate(to), world ? "world" : "");

    /// <summary>The map page, or null when there is no such story.</summary>
    private static string? Draw(SourcedRecord record, string? story, PloverType? plover, DateOnly? fromDate, DateOnly? toDate, bool world)
    {
        Story? chosen = null;
        var query = new MapQuery(plover, fromDate, toDate);
        MapSelection selection;
        if (story is not null)
        {
            chosen = record.Story(story);
            if (chosen is null) return null;
            selection = query.Select(chosen.Incidents.Select(record.Incident).OfType<Incident>().Select(i => IncidentRow.Of(i)), MaxDrawn);
        }
        // The whole record's map reads the rows it draws and lists, not every incident (see SourcedRecord.Map).
        else selection = record.Map(query, MaxDrawn);
        var drawn = selection.Drawn;
        var unlocatedCount = selection.Shown - selection.Located;

        var html = new HtmlPage { Wide = true };
        html.Raw("<h1>Map of incidents</h1>\n");
        Filters(html, chosen, plover, fromDate, toDate, world);
        html.Raw("""<p class="summary">""").Text($"{Count(selection.Shown, "incident", "incidents")}: {drawn.Count} on the map, {Count(unlocatedCount, "incident", "incidents")} without coordinates");
        if (selection.Located > drawn.Count) html.Text($" ({selection.Located - drawn.Count} more with coordinates not drawn: only the {MaxDrawn} with the most dead are; narrow the filters)");
        html.Raw("</p>\n");

        var markers = drawn.Select(i => new Marker(i, WorldMap.Project(i.Location!.Longitude!.Value, i.Location.Latitude!.Value), Radius(i))).ToList();
        Map(html, markers, world);

        html.Raw("""<section class="map-drawn"><h2>On the map</h2>""");
        Table(html, drawn, "drawn", "No incident here has coordinates.");
        html.Raw("</section>\n");
        html.Raw("""<section class="map-left-out"><h2>Left out: no coordinates</h2>""");
        // A long list of incidents without coordinates is cut: the page stays a page (the incident list has them all).
        Table(html, selection.Unlocated, "left-out", "Every incident here has coordinates.");
        if (unlocatedCount > MaxDrawn)
        {
            html.Raw("""<p class="muted more">""").Text($"and {unlocatedCount - MaxDrawn:N0} more without coordinates: ")
                .Raw("""<a href="/incidents">the incident list</a> has them all.</p>""");
        }
        html.Raw("</section>\n");

        return html.ToHtml("Map of incidents");
    }

    /// <summary>A circle's radius (in pixels of a map drawn 1000 wide): its area grows with the dead.</summary>
    private static double Radius(IncidentRow i) => Math.Min(20, 3.5 + 1.6 * Math.Sqrt((double)(i.Killed ?? 0)));

    private static void Filters(HtmlPage html, Story? story, PloverType? type, DateOnly? from, DateOnly? to, bool world)
    {
        html.Raw("""<form class="filters" method="get" action="/map">""");
        if (story is not null)
        {
            html.Raw($"""<input type="hidden" name="story" value="{HtmlPage.Attr(story.Id)}">""");
            html.Raw($"""<span class="filter-story">Story: <a href="{HtmlPage.Attr("/stories/" + Uri.EscapeDataString(story.Id))}">""").Text(story.Title).Raw("""</a> <a class="clear" href="/map">(all stories)</a></span>""");
        }
        html.Raw("""<label>Type <select name="type"><option value="">any</option>""");
        foreach (var t in Enum.GetValues<PloverType>())
        {
            var name = PloverTypes.Name(t);
            html.Raw($"""<option value="{name}"{(t == type ? " selected" : "")}>{name}</option>""");
        }
        html.Raw("</select></label>");
        html.Raw($"""<label>From <input type="date" name="from" value="{DocumentsApi.FormatDate(from)}"></label>""");
        html.Raw($"""<label>To <input type="date" name="to" value="{DocumentsApi.FormatDate(to)}"></label>""");
        html.Raw($"""<label><input type="checkbox" name="view" value="world"{(world ? " checked" : "")}> whole world</label>""");
        html.Raw("""<button type="submit">Show</button></form>""" + "\n");
    }

    private static void Map(HtmlPage html, List<Marker> markers, bool world)
    {
        var map = WorldMap.Default;
        var (x, y, w, h) = world || markers.Count == 0 ? (0, 0, WorldMap.Width, WorldMap.Height) : ViewOf(markers);
        var k = w / WorldMap.Width;
        html.Raw($"""<figure class="map"><svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="{N(x)} {N(y)} {N(w)} {N(h)}" aria-labelledby="map-title">""");
        html.Raw("""<title id="map-title">""").Text($"Map of {Count(markers.Count, "incident", "incidents")}").Raw("</title>");
        html.Raw(map.CountryLayer);
        html.Raw("""<g class="incidents">""");
        foreach (var (marker, at) in Layout(markers, k))
        {
            var i = marker.Incident;
            var classes = $"incident {(i.Scope == IncidentScope.Campaign ? "campaign" : "single")} type-{PloverTypes.Name(i.Type).ToLowerInvariant()} grade-{Grades.Name(i.Grade)}";
            html.Raw($"""<a class="{classes}" href="{HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(i.Id))}" data-id="{HtmlPage.Attr(i.Id)}" data-precision="{HtmlPage.Attr(i.Location!.Precision)}">""");
            html.Raw($"""<circle cx="{N(at.X)}" cy="{N(at.Y)}" r="{N(marker.Radius * k)}"/>""");
            html.Raw("<title>").Text(Tooltip(i)).Raw("</title></a>");
        }
        html.Raw("</g></svg>");
        html.Raw("""<figcaption><ul class="legend map-legend">""");
        foreach (var grade in Enum.GetValues<Grade>()) html.Raw($"""<li class="legend-grade grade-{Grades.Name(grade)}">""").Text(Grades.Name(grade)).Raw("</li>");
        html.Raw("""<li class="legend-campaign">ring: a campaign (a series reported as a whole)</li><li class="legend-size">area: the dead</li><li class="legend-type">dashed outline: not an assault</li>""");
        html.Raw("</ul><p class=\"muted\">Countries: Natural Earth 1:110m via world-atlas. A sea incident is drawn at the sea's point; incidents at one point are set around it.</p></figcaption></figure>\n");
    }

    /// <summary>The part of the world the markers are in, padded, at the whole map's aspect, inside the map.</summary>
    private static (double X, double Y, double W, double H) ViewOf(List<Marker> markers)
    {
        const double pad = 40;
        var minX = markers.Min(m => m.At.X) - pad;
        var maxX = markers.Max(m => m.At.X) + pad;
        var minY = markers.Min(m => m.At.Y) - pad;
        var maxY = markers.Max(m => m.At.Y) + pad;
        var aspect = WorldMap.Width / WorldMap.Height;
        var w = Math.Max(MinViewWidth, Math.Max(maxX - minX, (maxY - minY) * aspect));
        w = Math.Min(w, WorldMap.Width);
        var h = w / aspect;
        var x = Math.Clamp((minX + maxX - w) / 2, 0, WorldMap.Width - w);
        var y = Math.Clamp((minY + maxY - h) / 2, 0, WorldMap.Height - h);
        return (x, y, w, h);
    }

    /// <summary>
    /// Where each marker is drawn: a campaign at its point, under the rest; single incidents that share a point set
    /// around it on a sunflower spiral (the largest nearest), so each can be pointed at. Drawn largest first.
    /// </summary>
    private static IEnumerable<(Marker Marker, MapPoint At)> Layout(List<Marker> markers, double k)
    {
        var placed = new List<(Marker, MapPoint)>();
        foreach (var group in markers.GroupBy(m => (Math.Round(m.At.X, 1), Math.Round(m.At.Y, 1))))
        {
            placed.AddRange(group.Where(m => m.Incident.Scope == IncidentScope.Campaign).Select(m => (m, m.At)));
            var singles = group.Where(m => m.Incident.Scope != IncidentScope.Campaign)
                .OrderByDescending(m => m.Radius).ThenBy(m => m.Incident.Id, StringComparer.Ordinal).ToList();
            for (var j = 0; j < singles.Count; j++)
            {
                var distance = 5 * k * Math.Sqrt(j);
                var angle = j * 2.399963; // the golden angle
                placed.Add((singles[j], new MapPoint(singles[j].At.X + distance * Math.Cos(angle), singles[j].At.Y + distance * Math.Sin(angle))));
            }
        }
        return placed.OrderBy(p => p.Item1.Incident.Scope == IncidentScope.Campaign ? 0 : 1).ThenByDescending(p => p.Item1.Radius);
    }

    private static string Tooltip(IncidentRow i)
    {
        var parts = new List<string> { i.Title, PlaceOf(i.Location!) };
        if (i.Killed is { } killed) parts.Add($"{Number(killed)} killed");
        parts.Add($"{PloverTypes.Name(i.Type)}, {Grades.Name(i.Grade)}");
        return string.Join(" · ", parts);
    }

    private static string PlaceOf(PlaceFacts place) => place.Precision == "sea" ? $"{place.Name} (at sea)" : place.Country is { Length: > 0 } c && !place.Name.Contains(c, StringComparison.OrdinalIgnoreCase) ? $"{place.Name} ({c})" : place.Name;

    private static void Table(HtmlPage html, IEnumerable<IncidentRow> incidents, string kind, string none)
    {
        var rows = incidents.OrderBy(i => i.Time?.Start ?? DateOnly.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            html.Raw("""<p class="muted">""").Text(none).Raw("</p>");
            return;
        }
        html.Raw($"""<table class="values map-incidents {kind}"><thead><tr><th>Incident</th><th>Type</th><th>Grade</th><th>Place</th><th>Day</th><th>Dead</th></tr></thead><tbody>""");
        foreach (var i in rows)
        {
            html.Raw($"""<tr data-id="{HtmlPage.Attr(i.Id)}"><td data-label="Incident"><a href="{HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(i.Id))}">""").Text(i.Title).Raw("""</a></td><td data-label="Type">""")
                .Text(PloverTypes.Name(i.Type)).Raw($"""</td><td data-label="Grade"><span class="grade grade-{Grades.Name(i.Grade)}">""").Text(Grades.Name(i.Grade)).Raw("""</span></td><td data-label="Place">""");
            if (i.Location is { } place) html.Text(PlaceOf(place) + (place.Latitude is null ? $" ({place.Precision}, no coordinates)" : ""));
            else html.Raw("""<span class="muted">no place</span>""");
            html.Raw("""</td><td data-label="Day">""");
            if (i.Time?.Start is { } start) html.Raw(RecordPages.DateSpan(start, i.Time.End ?? start));
            else html.Raw("""<span class="muted">undated</span>""");
            html.Raw("""</td><td data-label="Dead">""").Text(i.Killed is { } killed ? Number(killed) : "").Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static DateOnly? ParseDate(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = [$"{name} must be a day as yyyy-MM-dd."];
        return null;
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
