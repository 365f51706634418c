using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Crosscheck.Documents;

/// <summary>An article read out of a web page: its metadata and its text blocks in reading order.</summary>
public sealed record ExtractedArticle(DocumentMetadata Metadata, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// Finds the article in a web page and drops the page's furniture (navigation, ads, cookie notices,
/// share bars, related links, comment threads). Paragraph text is scored up the tree the way
/// Readability does; the best-scoring container and its article-like siblings are kept.
/// Stateless and thread-safe.
/// </summary>
public sealed partial class HtmlArticleExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <summary>Reads a whole page.</summary>
    public ExtractedArticle Extract(string html)
    {
        var document = Parse(html);
        var metadata = HtmlMetadata.Read(document);
        var body = document.Body;
        if (body is null) return new ExtractedArticle(metadata, []);
        RemoveFurniture(body);
        var root = FindArticleRoot(body);
        var blocks = new List<TextBlock>();
        CollectBlocks(root, blocks, metadata.Title);
        return new ExtractedArticle(metadata, blocks);
    }

    /// <summary>Reads a fragment that is all article (a feed item's content): no scoring, only clean-up.</summary>
    public IReadOnlyList<TextBlock> ExtractFragment(string html)
    {
        var document = Parse("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        RemoveFurniture(body);
        var blocks = new List<TextBlock>();
        CollectBlocks(body, blocks, null);
        return blocks;
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser(ParserOptions).ParseDocument(html);

    private static readonly HashSet<string> AlwaysRemove = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select", "textarea",
        "nav", "aside", "footer", "object", "embed", "canvas", "video", "audio", "map", "dialog", "menu",
    };

    private static void RemoveFurniture(IElement body)
    {
        var doomed = new List<IElement>();
        foreach (var el in body.Descendants<IElement>())
        {
            if (AlwaysRemove.Contains(el.LocalName) || IsHidden(el) || IsFurnitureByName(el) || IsFurnitureByRole(el))
            {
                doomed.Add(el);
            }
            else if (el.LocalName == "header" && !el.Descendants<IElement>().Any(d => d.LocalName == "h1"))
            {
                doomed.Add(el);
            }
        }
        foreach (var el in doomed) el.Remove();
    }

    private static bool IsHidden(IElement el) =>
        el.HasAttribute("hidden")
        || string.Equals(el.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || HiddenStyle().IsMatch(el.GetAttribute("style") ?? "");

    private static bool IsFurnitureByRole(IElement el) =>
        (el.GetAttribute("role") ?? "").ToLowerInvariant() is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog" or "alert";

    private static bool IsFurnitureByName(IElement el)
    {
        if (el.LocalName is "body" or "html" or "article" or "main" or "p") return false;
        var name = ((el.GetAttribute("class") ?? "") + " " + (el.Id ?? "")).Trim();
        if (name.Length == 0) return false;
        return Negative().IsMatch(name) && !Positive().IsMatch(name);
    }

    private static IElement FindArticleRoot(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var el in body.Descendants<IElement>())
        {
            if (el.LocalName is not ("p" or "pre" or "blockquote" or "td" or "div" or "section" or "li")) continue;
            if (el.LocalName is "div" or "section" or "td" or "li" && HasBlockChild(el)) continue;
            var text = NormalizeSpace(el.TextContent);
            if (text.Length < 25) continue;
            var score = 1.0 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3.0);
            score *= 1 - LinkDensity(el);
            var parent = el.ParentElement;
            var level = 0;
            while (parent is not null && level < 3)
            {
                var share = level switch { 0 => 1.0, 1 => 0.5, _ => 0.25 };
                scores[parent] = scores.GetValueOrDefault(parent) + score * share;
                parent = parent.ParentElement;
                level++;
            }
        }
        if (scores.Count == 0) return body;
        var best = scores.MaxBy(kv => kv.Value * (1 - LinkDensity(kv.Key)) * NameBonus(kv.Key)).Key;
        return best;
    }

    private static double NameBonus(IElement el)
    {
        var name = (el.GetAttribute("class") ?? "") + " " + (el.Id ?? "") + " " + (el.GetAttribute("itemprop") ?? "");
        var bonus = 1.0;
        if (el.LocalName is "article" || Positive().IsMatch(name)) bonus += 0.25;
        if (Negative().IsMatch(name)) bonus -= 0.25;
        return bonus;
    }

    private static bool HasBlockChild(IElement el) =>
        el.Children.Any(c => c.LocalName is "p" or "div" or "section" or "article" or "ul" or "ol" or "table" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "figure");

    private static double LinkDensity(IElement el)
    {
        var total = el.TextContent.Length;
        if (total == 0) return 0;
        var linked = el.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1.0, (double)linked / total);
    }

    private static void CollectBlocks(IElement root, List<TextBlock> blocks, string? title)
    {
        foreach (var child in root.ChildNodes)
        {
            Visit(child, blocks, title);
        }
    }

    private static void Visit(INode node, List<TextBlock> blocks, string? title)
    {
        if (node is not IElement el) return;
        switch (el.LocalName)
        {
            case "h1":
                Add(blocks, el.TextContent, title is not null && SameText(el.TextContent, title) || blocks.Count == 0 ? SegmentKind.Headline : SegmentKind.Subhead);
                return;
            case "h2" or "h3" or "h4" or "h5" or "h6":
                Add(blocks, el.TextContent, SegmentKind.Subhead);
                return;
            case "figcaption":
                Add(blocks, el.TextContent, SegmentKind.Caption);
                return;
            case "p" or "pre" or "li" or "dd" or "dt" or "blockquote" when !HasBlockChild(el):
                if (LinkDensity(el) <= 0.5 || NormalizeSpace(el.TextContent).Length > 200) Add(blocks, el.TextContent, null);
                return;
            case "br" or "hr" or "img" or "picture":
                return;
        }
        var hasBlocks = HasBlockChild(el) || el.Children.Any(c => c.LocalName is "figcaption" or "li" or "dl" or "br");
        if (!hasBlocks)
        {
            if (LinkDensity(el) <= 0.5) Add(blocks, el.TextContent, null);
            return;
        }
        var inline = new StringBuilder();
        foreach (var child in el.ChildNodes)
        {
            if (child is IText || child is IElement { LocalName: "a" or "span" or "strong" or "em" or "b" or "i" or "u" or "small" or "sup" or "sub" or "time" or "abbr" or "q" or "cite" or "mark" })
            {
                inline.Append(child.TextContent);
                continue;
            }
            if (child is IElement { LocalName: "br" })
            {
                Add(blocks, inline.ToString(), null);
                inline.Clear();
                continue;
            }
            Add(blocks, inline.ToString(), null);
            inline.Clear();
            Visit(child, blocks, title);
        }
        Add(blocks, inline.ToString(), null);
    }

    private static void Add(List<TextBlock> blocks, string text, SegmentKind? kind)
    {
        var t = NormalizeSpace(text);
        if (t.Length == 0) return;
        blocks.Add(new TextBlock(t, kind));
    }

    private static bool SameText(string a, string b) =>
        string.Equals(NormalizeSpace(a), NormalizeSpace(b), StringComparison.OrdinalIgnoreCase)
        || NormalizeSpace(b).StartsWith(NormalizeSpace(a), StringComparison.OrdinalIgnoreCase);

    internal static string NormalizeSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"comment|disqus|share|sharing|social|related|recommend|cookie|consent|gdpr|banner|advert|\bads?\b|ad-|-ad\b|promo|sponsor|newsletter|subscribe|signup|sidebar|breadcrumb|footer|masthead|\bnav|menu|popup|modal|outbrain|taboola|widget|tags?\b|byline-share|print|paywall|trending|most-?read|more-stories|read-?more|skip", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|\bbody|content|\bmain|\bstory|\bpost|entry|\btext|blog", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();
}

/// <summary>Metadata from a page's head: meta tags, Open Graph and JSON-LD.</summary>
internal static class HtmlMetadata
{
    public static DocumentMetadata Read(IHtmlDocument doc)
    {
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                foreach (var m in doc.QuerySelectorAll("meta"))
                {
                    var name = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
                    if (name is not null && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                    {
                        var content = m.GetAttribute("content")?.Trim();
                        if (!string.IsNullOrEmpty(content)) return content;
                    }
                }
            }
            return null;
        }

        var ld = JsonLd(doc);
        var url = Meta("og:url", "twitter:url") ?? doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? ld.Url;
        var outlet = Meta("og:site_name", "application-name", "publisher", "twitter:site:name") ?? ld.Publisher;
        if (outlet is null && Uri.TryCreate(url, UriKind.Absolute, out var uri)) outlet = SiteName(uri);
        var title = Meta("og:title", "twitter:title", "headline") ?? ld.Headline ?? HtmlArticleExtractor.NormalizeSpace(doc.Title ?? "");
        var published = DateParsing.ParseDate(Meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"))
            ?? DateParsing.ParseDate(ld.Published)
            ?? DateParsing.ParseDate(doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var lang = doc.DocumentElement.GetAttribute("lang") ?? Meta("og:locale", "language", "content-language");
        return new DocumentMetadata
        {
            Outlet = outlet,
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Published = published,
            Url = url,
            Language = lang is null ? null : lang.Split('-', '_')[0].ToLowerInvariant(),
        };
    }

    /// <summary>"www.example-news.com" reads as "example-news.com": the site, not a guess at its name.</summary>
    internal static string SiteName(Uri uri)
    {
        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    private sealed record LinkedData(string? Headline, string? Published, string? Publisher, string? Url);

    private static LinkedData JsonLd(IHtmlDocument doc)
    {
        string? headline = null, published = null, publisher = null, url = null;
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var item in Items(json.RootElement))
                {
                    var type = item.TryGetProperty("@type", out var t) ? t.ToString() : "";
                    if (!type.Contains("Article", StringComparison.OrdinalIgnoreCase) && !type.Contains("Posting", StringComparison.OrdinalIgnoreCase)) continue;
                    headline ??= Str(item, "headline");
                    published ??= Str(item, "datePublished");
                    url ??= Str(item, "url");
                    if (publisher is null && item.TryGetProperty("publisher", out var p))
                    {
                        publisher = p.ValueKind == JsonValueKind.String ? p.GetString() : p.ValueKind == JsonValueKind.Object ? Str(p, "name") : null;
                    }
                }
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD is its own problem; the rest of the page still reads.
            }
        }
        return new LinkedData(headline, published, publisher, url);
    }

    private static IEnumerable<JsonElement> Items(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in root.EnumerateArray()) foreach (var i in Items(e)) yield return i;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph)) foreach (var i in Items(graph)) yield return i;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
