using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Crosscheck.Documents;

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
