using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crosscheck.Web;

/// <summary>
/// Builds a server-rendered page. Every piece of text goes through <see cref="Text"/> or
/// <see cref="Attr"/>: articles come from anywhere and must never become markup.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _body = new();

    /// <summary>Use the whole width of the window (pages that set reports side by side).</summary>
    public bool Wide { get; init; }

    public HtmlPage Raw(string markup)
    {
        _body.Append(markup);
        return this;
    }

    public HtmlPage Text(string? text)
    {
        _body.Append(Encode(text));
        return this;
    }

    // Letters of every script pass through as they are (the page is UTF-8); markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>An attribute value, encoded for use inside double quotes.</summary>
    public static string Attr(string? value) => Encoder.Encode(value ?? "");

    /// <summary>The whole page as <see cref="ToResult"/> sends it.</summary>
    public string ToHtml(string title) => Render(title, _body.ToString(), Wide);

    public ContentHttpResult ToResult(string title, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(Render(title, _body.ToString(), Wide), "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    public static string Render(string title, string body, bool wide = false) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · Crosscheck</title>
        <link rel="stylesheet" href="{StylesheetPath}">
        </head>
        <body>
        <header class="site"><a class="brand" href="/documents">Crosscheck</a><nav class="site-nav" aria-label="Sections"><a href="/documents">Documents</a><a href="/stories">Stories</a><a href="/incidents">Incidents</a><a href="/map">Map</a><a class="account" href="/login">Account</a></nav><span class="tagline">news articles as a sourced record</span></header>
        <main{(wide ? " class=\"wide\"" : "")}>
        {body}
        </main>
        </body>
        </html>
        """;

    /// <summary>Where the site's one stylesheet is served: a file, not an inline block, so the pages' Content-Security-Policy allows no inline style or script at all.</summary>
    public const string StylesheetPath = "/assets/site.css";

    public const string Css = PageStyles.Css + """
        :root { --ink: #1d2329; --muted: #66707a; --line: #dde2e7; --bg: #f6f7f9; --card: #fff; --accent: #1f5fa8; --mark: #fff1a8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem 1rem; padding: .8rem 1.5rem; background: #14202e; }
        @media (max-width: 40rem) { header.site { padding: .6rem .8rem; } header.site .tagline { display: none; } header.site nav.site-nav { flex-wrap: wrap; gap: .3rem .8rem; } main { padding-left: .6rem; padding-right: .6rem; } }
        header.site .brand { color: #fff; font-weight: 700; font-size: 1.15rem; letter-spacing: .02em; }
        header.site .tagline { color: #a9b6c4; font-size: .85rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
        form.search { display: flex; gap: .5rem; margin-bottom: 1rem; }
        form.search input[type=search] { flex: 1; padding: .55rem .75rem; font: inherit; border: 1px solid #b9c2cb; border-radius: 6px; background: #fff; }
        form.search button { padding: .55rem 1.1rem; font: inherit; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
        .summary { color: var(--muted); font-size: .9rem; margin: 0 0 .75rem; }
        ol.documents { list-style: none; margin: 0; padding: 0; }
        li.document { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: .6rem; }
        li.document .title { font-weight: 600; font-size: 1.05rem; }
        .meta { color: var(--muted); font-size: .85rem; display: flex; flex-wrap: wrap; gap: .25rem .9rem; margin: .15rem 0 .35rem; }
        .snippet { margin: 0; font-size: .92rem; color: #38424c; }
        mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
        .badge { display: inline-block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .45rem; border-radius: 999px; background: #fde8d7; color: #8a4300; }
        a.badge:hover { text-decoration: none; background: #fbd6b8; }
        nav.pager { display: flex; justify-content: space-between; margin-top: 1rem; }
        .empty { background: var(--card); border: 1px dashed var(--line); border-radius: 8px; padding: 1.5rem; color: var(--muted); text-align: center; }
        .back { display: inline-block; margin-bottom: 1rem; font-size: .9rem; }
        dl.docmeta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.25rem; padding: .8rem 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; font-size: .9rem; }
        dl.docmeta dt { color: var(--muted); } dl.docmeta dd { margin: 0; overflow-wrap: anywhere; }
        .legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 1rem; padding: 0; list-style: none; font-size: .8rem; }
        .legend li { padding: .1rem .6rem; border-radius: 4px; border: 1px solid var(--line); border-left: 4px solid #cfd8e2; background: var(--card); color: #38424c; }
        .legend .legend-headline, .legend .legend-subhead { border-left-color: #14202e; } .legend .legend-lede { border-left-color: var(--accent); }
        .legend .legend-caption { border-left-color: #8a99a8; } .legend .legend-comment { border-left-color: #7a5bb5; } .legend .legend-boilerplate { border-left-color: #eceff2; }
        article.text { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; }
        .segment { position: relative; margin: 0 0 .9rem; padding: .1rem 0 .1rem .75rem; border-left: 3px solid transparent; overflow-wrap: anywhere; }
        .segment-label { display: block; font: 600 .66rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
        .segment-headline { font-size: 1.45rem; font-weight: 700; line-height: 1.25; border-left-color: #14202e; }
        .segment-lede { font-size: 1.08rem; font-weight: 500; border-left-color: var(--accent); }
        .segment-body { border-left-color: #cfd8e2; }
        .segment-subhead { font-size: 1.12rem; font-weight: 700; border-left-color: #14202e; margin-top: 1.3rem; }
        .segment-caption { font-style: italic; font-size: .9rem; color: #4b5560; background: #f1f4f7; border-left-color: #8a99a8; padding: .4rem .75rem; border-radius: 0 6px 6px 0; }
        .segment-comment { font-size: .9rem; background: #f3f0fa; border-left-color: #7a5bb5; padding: .4rem .75rem; border-radius: 0 6px 6px 0; }
        .segment-boilerplate { color: #9aa3ab; font-size: .85rem; border-left-color: #eceff2; }
        .segment-unsegmented { color: #9aa3ab; border-left: 3px dotted #d0d5da; }
        section.sources { margin-top: 1.5rem; } section.sources h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
        section.sources ul { margin: 0; padding-left: 1.2rem; font-size: .9rem; } section.sources code { overflow-wrap: anywhere; }
        .problem { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; }
        header.site nav.site-nav { display: flex; gap: 1rem; } header.site nav.site-nav a { color: #dce6f0; font-size: .95rem; }
        main.wide { max-width: none; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: .6rem; }
        ol.stories, ol.incidents, ol.story-documents, ul.doc-incidents { list-style: none; margin: 0; padding: 0; }
        li.story .title, li.incident .title { font-weight: 600; font-size: 1.05rem; }
        .badges { display: flex; flex-wrap: wrap; gap: .3rem .4rem; align-items: center; margin: .25rem 0; font-size: .85rem; color: #38424c; }
        .chip { display: inline-block; font-size: .75rem; padding: .05rem .45rem; border-radius: 4px; background: #eef1f5; color: #38424c; border: 1px solid var(--line); }
        .grade { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .5rem; border-radius: 999px; color: #fff; background: #66707a; }
        .grade-confirmed { background: #1e7a3c; } .grade-fair { background: #1f5fa8; } .grade-weak { background: #8a6d00; } .grade-contested { background: #b3261e; } .grade-discounted { background: #5f6368; }
        .flag { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .5rem; border-radius: 4px; background: #fde2e0; color: #8c1d18; border: 1px solid #f3b6b1; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .6rem; }
        ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid #cfd8e2; }
        ol.timeline > li { position: relative; margin: 0 0 .8rem; padding-left: 1rem; }
        ol.timeline > li::before { content: ""; position: absolute; left: -1.55rem; top: .55rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--bg); }
        .when { font-size: .85rem; font-weight: 600; color: #38424c; } .when .words { font-weight: 400; color: var(--muted); } .when.reported { color: var(--muted); }
        section.discrepancies { background: #fff5f4; border: 1px solid #f3b6b1; border-left: 5px solid #b3261e; border-radius: 8px; padding: .8rem 1rem; margin: 0 0 1.25rem; }
        section.discrepancies h2 { margin-top: 0; color: #8c1d18; } section.discrepancies ul { margin: .3rem 0 0; padding-left: 1.2rem; }
        .discrepancy { margin-bottom: .6rem; } .discrepancy .note { color: #4b5560; font-size: .9rem; }
        div.reports { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(19rem, 1fr); gap: 1rem; overflow-x: auto; align-items: start; padding-bottom: .5rem; }
        @media (max-width: 44rem) { div.reports { grid-auto-flow: row; grid-auto-columns: auto; } }
        section.report { background: var(--card); border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 8px; padding: .8rem 1rem; min-width: 0; }
        section.report h3 { font-size: 1rem; margin: 0 0 .2rem; } section.report .origin { font-size: .85rem; color: #38424c; margin: .3rem 0 .6rem; }
        article.event { border-top: 1px solid var(--line); padding-top: .6rem; margin-top: .6rem; }
        article.event:target { outline: 3px solid var(--mark); outline-offset: 4px; border-radius: 4px; }
        blockquote.evidence { margin: 0 0 .5rem; padding: .4rem .7rem; border-left: 3px solid #cfd8e2; background: #f8f9fb; font-size: .95rem; overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0 0 .5rem; font-size: .85rem; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        form.detach button { font: inherit; font-size: .8rem; padding: .2rem .7rem; border: 1px solid #b9c2cb; border-radius: 6px; background: #fff; color: #8c1d18; cursor: pointer; }
        table.links, table.values { border-collapse: collapse; width: 100%; background: var(--card); font-size: .88rem; }
        table.links th, table.links td, table.values th, table.values td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .muted { color: var(--muted); }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        table.incident-list, table.decisions { border-collapse: collapse; width: 100%; background: var(--card); font-size: .88rem; }
        table.incident-list th, table.incident-list td, table.decisions th, table.decisions td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.incident-list td.number { text-align: right; } table.incident-list th a { color: inherit; }
        tr.decision.reverted td { color: var(--muted); text-decoration: line-through; }
        .reviewed { font-size: .75rem; border: 1px solid #b9c2cb; border-radius: 4px; padding: 0 .3rem; color: #38424c; }
        form.filters, form.review { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .6rem 0; }
        form.filters input, form.filters select, form.review input, form.review select, form.review textarea { max-width: 100%; font: inherit; }
        section.review-forms { border-top: 1px solid var(--line); margin-top: 1rem; } section.review-forms fieldset { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; min-width: 0; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        """;
}
