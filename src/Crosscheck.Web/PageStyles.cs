namespace Crosscheck.Web;

/// <summary>The stylesheet's rules for the map, the toll chart and the entity pages (part of <see cref="HtmlPage.Css"/>).</summary>
internal static class PageStyles
{
    public const string Css = """
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 0 0 .75rem; font-size: .9rem; }
        form.filters select, form.filters input[type=date] { font: inherit; padding: .2rem .4rem; border: 1px solid #b9c2cb; border-radius: 6px; background: #fff; }
        form.filters button { font: inherit; padding: .3rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
        figure.map { margin: 0 0 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .5rem; }
        svg.map { display: block; width: 100%; height: auto; border-radius: 4px; }
        svg.map .sphere { fill: #dcebf5; stroke: #9fb7c8; stroke-width: 1; vector-effect: non-scaling-stroke; }
        svg.map .country { fill: #eef0e8; stroke: #b3b8ad; stroke-width: .6; fill-rule: evenodd; vector-effect: non-scaling-stroke; }
        svg.map .country:hover { fill: #e2e5d9; }
        svg.map a.incident circle { fill: #66707a; fill-opacity: .8; stroke: #fff; stroke-width: 1.2; vector-effect: non-scaling-stroke; }
        svg.map a.incident.grade-confirmed circle { fill: #1e7a3c; } svg.map a.incident.grade-fair circle { fill: #1f5fa8; }
        svg.map a.incident.grade-weak circle { fill: #8a6d00; } svg.map a.incident.grade-contested circle { fill: #b3261e; }
        svg.map a.incident.grade-discounted circle { fill: #5f6368; }
        svg.map a.incident.campaign circle { fill-opacity: .12; stroke-width: 2.5; stroke: currentColor; }
        svg.map a.incident.campaign.grade-confirmed { color: #1e7a3c; } svg.map a.incident.campaign.grade-fair { color: #1f5fa8; }
        svg.map a.incident.campaign.grade-weak { color: #8a6d00; } svg.map a.incident.campaign.grade-contested { color: #b3261e; }
        svg.map a.incident.campaign.grade-discounted { color: #5f6368; }
        svg.map a.incident:not(.type-assault) circle { stroke-dasharray: 2 1.5; }
        svg.map a.incident:hover circle, svg.map a.incident:focus circle { stroke: #14202e; stroke-width: 2.5; fill-opacity: 1; }
        svg.map a.incident:focus { outline: none; }
        .map-legend .legend-grade { border-left-width: 10px; }
        .map-legend .grade-confirmed { border-left-color: #1e7a3c; } .map-legend .grade-fair { border-left-color: #1f5fa8; } .map-legend .grade-weak { border-left-color: #8a6d00; }
        .map-legend .grade-contested { border-left-color: #b3261e; } .map-legend .grade-discounted { border-left-color: #5f6368; }
        figure.map figcaption { font-size: .85rem; padding: .4rem .2rem 0; } figure.map figcaption .legend { margin-bottom: .3rem; }
        table.map-incidents { margin-bottom: 1rem; } table.map-incidents .grade { font-size: .65rem; }
        @media (max-width: 44rem) {
          table.map-incidents thead { display: none; }
          table.map-incidents, table.map-incidents tbody, table.map-incidents tr, table.map-incidents td { display: block; width: 100%; }
          table.values.map-incidents tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
          table.values.map-incidents td { border: 0; padding: .05rem .6rem; }
          table.map-incidents td[data-label]:not(:first-child)::before { content: attr(data-label) ": "; color: var(--muted); }
          table.map-incidents td:empty { display: none; }
          header.site { flex-wrap: wrap; row-gap: .3rem; } header.site .tagline { display: none; } header.site nav.site-nav { flex-wrap: wrap; gap: .3rem .9rem; }
        }
        figure.chart { margin: 0 0 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
        figure.chart figcaption { font-size: .82rem; margin-top: .3rem; }
        svg.toll-chart { display: block; width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg.toll-chart .grid { stroke: #e6e9ed; stroke-width: 1; } svg.toll-chart .baseline, svg.toll-chart .tick-mark { stroke: #8a99a8; stroke-width: 1; }
        svg.toll-chart text { fill: #4b5560; } svg.toll-chart .label { font-weight: 600; }
        svg.toll-chart .toll-line { fill: none; stroke: #b3261e; stroke-width: 2.5; stroke-linejoin: round; }
        svg.toll-chart .toll circle { fill: #b3261e; stroke: #fff; stroke-width: 1.5; }
        svg.toll-chart .toll .range { stroke: #b3261e; stroke-width: 2; opacity: .5; }
        svg.toll-chart .toll.behind circle, svg.toll-chart .toll.side circle { fill: #fff; stroke: #66707a; stroke-width: 2; stroke-dasharray: 2 1.5; }
        svg.toll-chart .toll:hover circle { stroke: #14202e; stroke-width: 2.5; }
        @media (max-width: 44rem) { svg.toll-chart { font-size: 19px; } }
        ul.entity-events { list-style: none; margin: .4rem 0 0; padding: 0; }
        li.entity-event { border-top: 1px solid var(--line); padding-top: .45rem; margin-top: .45rem; font-size: .92rem; }
        li.entity-event .role { text-transform: uppercase; font-size: .68rem; font-weight: 600; letter-spacing: .04em; }
        li.entity-event[data-role=target] .role { background: #fde8d7; color: #8a4300; }
        li.entity-event blockquote.evidence { margin: .3rem 0; }
        a.entity { border-bottom: 1px dotted currentColor; } a.entity:hover { text-decoration: none; border-bottom-style: solid; }

        """;
}
