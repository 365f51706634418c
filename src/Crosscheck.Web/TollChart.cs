using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Web;

/// <summary>
/// A campaign's running toll of the dead as an inline SVG chart (no script): the campaign's figure as a step line over
/// the days the tolls are as of, every report's toll a point whose tooltip names its outlet and words, and tolls behind
/// the news (a reprint, a count lower than an earlier day's) drawn hollow and left out of the line.
/// </summary>
internal static class TollChart
{
    // The drawing's size in view-box units and the margins that hold the axes' labels.
    private const double Width = 640, Height = 240, Left = 44, Right = 16, Top = 34, Bottom = 30;

    /// <summary>A chart for each campaign among <paramref name="incidents"/> whose reports give dated tolls of the dead.</summary>
    public static void StorySection(HtmlPage html, IEnumerable<Incident> incidents)
    {
        foreach (var campaign in incidents.Where(i => i.Scope == IncidentScope.Campaign))
        {
            var points = Killed(campaign);
            if (points.Count == 0) continue;
            html.Raw($"""<section class="toll-chart" data-incident="{HtmlPage.Attr(campaign.Id)}"><h2>Toll of the dead: <a href="{HtmlPage.Attr("/incidents/" + Uri.EscapeDataString(campaign.Id))}">""")
                .Text(campaign.Title).Raw("</a></h2>\n");
            Chart(html, campaign, points);
            html.Raw("</section>\n");
        }
    }

    /// <summary>The campaign's tolls of the dead that say as of which day, in order of that day.</summary>
    internal static List<TollPoint> Killed(Incident campaign) =>
        [.. campaign.Tolls.Where(t => t.Counts == TollMeasure.Killed && t.AsOf is not null).OrderBy(t => t.AsOf)];

    private static void Chart(HtmlPage html, Incident campaign, List<TollPoint> points)
    {
        var first = points[0].AsOf!.Value;
        var last = points[^1].AsOf!.Value;
        // A little room before the first day and after the last; a week at least, so one day is not the whole width.
        var span = Math.Max(7, last.DayNumber - first.DayNumber);
        var start = first.DayNumber - Math.Max(1, span / 20);
        var end = start + span + 2 * Math.Max(1, span / 20);
        var top = (double)points.Max(p => p.Top);
        var step = NiceStep(top / 4);
        var yMax = Math.Max(step, Math.Ceiling(top / step) * step);

        double X(DateOnly day) => Left + (day.DayNumber - start) * (Width - Left - Right) / (end - start);
        double Y(decimal value) => Height - Bottom - (double)value * (Height - Top - Bottom) / yMax;

        html.Raw($"""<figure class="chart"><svg class="toll-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(Width)} {N(Height)}" aria-labelledby="toll-{HtmlPage.Attr(campaign.Id)}">""");
        html.Raw($"""<title id="toll-{HtmlPage.Attr(campaign.Id)}">""").Text($"The dead of “{campaign.Title}” as the reports count them, by the day each toll is as of").Raw("</title>");

        // Axes: the value's grid lines with their numbers, and the days.
        html.Raw("""<g class="axis y-axis">""");
        for (var v = 0.0; v <= yMax + 1e-9; v += step)
        {
            var y = Y((decimal)v);
            html.Raw($"""<line class="grid" x1="{N(Left)}" x2="{N(Width - Right)}" y1="{N(y)}" y2="{N(y)}"/><text class="tick" x="{N(Left - 6)}" y="{N(y + 4)}" text-anchor="end">{N(v)}</text>""");
        }
        html.Raw($"""<text class="label" x="4" y="{N(Top - 18)}">killed</text></g>""");
        html.Raw("""<g class="axis x-axis">""");
        html.Raw($"""<line class="baseline" x1="{N(Left)}" x2="{N(Width - Right)}" y1="{N(Height - Bottom)}" y2="{N(Height - Bottom)}"/>""");
        foreach (var day in Ticks(first, last))
        {
            var x = X(day);
            html.Raw($"""<line class="tick-mark" x1="{N(x)}" x2="{N(x)}" y1="{N(Height - Bottom)}" y2="{N(Height - Bottom + 4)}"/><text class="tick" x="{N(x)}" y="{N(Height - Bottom + 17)}" text-anchor="middle">""")
                .Text(day.ToString("d MMM", CultureInfo.InvariantCulture)).Raw("</text>");
        }
        html.Raw("</g>");

        // The campaign's figure: on each day the highest toll not behind the news, held until a higher one.
        var credible = points.Where(p => !p.Behind && !p.Side).GroupBy(p => p.AsOf!.Value).Select(g => (Day: g.Key, Value: g.Max(p => p.Min))).ToList();
        if (credible.Count > 0)
        {
            var d = new List<string>();
            var running = credible[0].Value;
            d.Add($"M{N(X(credible[0].Day))} {N(Y(running))}");
            foreach (var (day, value) in credible.Skip(1))
            {
                d.Add($"H{N(X(day))}");
                if (value > running) { running = value; d.Add($"V{N(Y(running))}"); }
            }
            html.Raw($"""<path class="toll-line" d="{string.Join("", d)}"/>""");
        }

        // Every report's toll; several on one day are set side by side.
        html.Raw("""<g class="tolls">""");
        foreach (var day in points.GroupBy(p => p.AsOf!.Value))
        {
            var same = day.ToList();
            for (var j = 0; j < same.Count; j++)
            {
                var p = same[j];
                var x = X(day.Key) + (j - (same.Count - 1) / 2.0) * 7;
                var kind = p.Behind ? "behind" : p.Side ? "side" : "credible";
                html.Raw($"""<g class="toll {kind}{(p.Copy ? " copy" : "")}" data-toll="{HtmlPage.Attr(p.Toll)}" data-as-of="{DocumentsApi.FormatDate(p.AsOf)}" data-value="{Number(p.Min)}">""");
                if (p.Max is { } max && max > p.Min) html.Raw($"""<line class="range" x1="{N(x)}" x2="{N(x)}" y1="{N(Y(p.Min))}" y2="{N(Y(max))}"/>""");
                html.Raw($"""<circle cx="{N(x)}" cy="{N(Y(p.Min))}" r="{(p.Behind ? "4.5" : "4")}"/>""");
                html.Raw("<title>").Text(Tooltip(p)).Raw("</title></g>");
            }
        }
        html.Raw("</g></svg>");
        html.Raw("""<figcaption class="muted">Filled points: the tolls the campaign's figure follows (the line); hollow: tolls behind an earlier report (a reprint or a lower count), not taken. Hover a point for its outlet and words; the table on the campaign's page lists them all.</figcaption></figure>""" + "\n");
    }

    private static string Tooltip(TollPoint p)
    {
        var value = p.Max is { } max ? (max == p.Min ? Number(p.Min) : $"{Number(p.Min)}–{Number(max)}") : $"at least {Number(p.Min)}";
        var note = p.Behind ? " (behind an earlier report, not taken)" : p.Side ? " (one side's count)" : "";
        var copy = p.Copy ? " (a copy of an earlier report)" : "";
        return $"{p.AsOf!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {value} killed{note} — {p.Outlet ?? "unknown outlet"}{copy}: “{p.Text}”";
    }

    /// <summary>Up to six days to label: the first, the last and evenly between.</summary>
    private static IEnumerable<DateOnly> Ticks(DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber;
        var count = Math.Min(5, days);
        if (count == 0) return [first];
        return Enumerable.Range(0, count + 1).Select(k => DateOnly.FromDayNumber(first.DayNumber + (int)Math.Round((double)days * k / count))).Distinct();
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 1) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1.0, 2, 5, 10 }) if (m * power >= rough) return m * power;
        return 10 * power;
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);
}
