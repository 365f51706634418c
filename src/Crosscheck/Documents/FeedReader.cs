using System.Xml;
using System.Xml.Linq;

namespace Crosscheck.Documents;

/// <summary>RSS 2.0 and Atom: each item is a document, from its full content when present, else its summary.</summary>
internal static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Feeds nest a handful of elements deep; building a tree costs time in proportion to the depth for every element.</summary>
    internal const int MaxDepth = 256;

    /// <summary>
    /// The most items one feed may hold (a live feed carries tens to hundreds). A larger file is an archive: it is
    /// refused before any item is read, and JSON lines (one article a line) take an archive of any size.
    /// </summary>
    internal const int MaxItems = 10_000;

    /// <summary>
    /// The deepest element and the number of items, in one streaming pass that holds no tree (malformed XML throws as
    /// the parse would); it stops as soon as either is past its limit.
    /// </summary>
    private static (int Depth, int Items) Survey(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 10_000_000, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var deepest = 0;
        var items = 0;
        while (reader.Read())
        {
            if (reader.Depth > deepest) deepest = reader.Depth;
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry") items++;
            if (deepest > MaxDepth || items > MaxItems) break;
        }
        return (deepest, items);
    }

    public static bool LooksLikeFeed(string text)
    {
        var head = text.Length > 2048 ? text[..2048] : text;
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase) && head.Contains("Atom", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    public static IEnumerable<(string Id, ArticleDraft? Draft, string? Error)> Read(string text, string source, HtmlArticleExtractor html)
    {
        XDocument xml;
        try
        {
            var (depth, items) = Survey(text);
            if (depth > MaxDepth) throw new InputRejectedException($"feed nested deeper than {MaxDepth} elements");
            if (items > MaxItems)
            {
                throw new InputRejectedException($"a feed of more than {MaxItems:N0} items; give an archive as JSON lines (one article a line) or split it");
            }
            xml = XDocument.Parse(text, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new InputRejectedException($"malformed XML (line {ex.LineNumber}, position {ex.LinePosition}): {FirstSentence(ex.Message)}");
        }
        var root = xml.Root ?? throw new InputRejectedException("malformed XML: no root element");
        if (root.Name.LocalName == "feed") return ReadAtom(root, source, html);
        if (root.Name.LocalName is "rss" or "RDF") return ReadRss(root, source, html);
        throw new InputRejectedException($"XML is not an RSS or Atom feed (root element <{root.Name.LocalName}>)");
    }

    private static IEnumerable<(string, ArticleDraft?, string?)> ReadRss(XElement root, string source, HtmlArticleExtractor html)
    {
        var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var outlet = Clean(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value);
        var language = Clean(channel?.Element("language")?.Value);
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        var n = 0;
        foreach (var item in items)
        {
            n++;
            string? Child(string name) => Clean(item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace != Content)?.Value);
            var guid = Child("guid");
            var link = Child("link");
            var id = guid ?? link ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = Clean(item.Element(Content + "encoded")?.Value) ?? Child("description");
            var meta = new DocumentMetadata
            {
                Outlet = outlet,
                Title = Child("title"),
                Url = link,
                Published = DateParsing.ParseDate(Child("pubDate") ?? Clean(item.Element(Dc + "date")?.Value)),
                Language = language?.Split('-')[0].ToLowerInvariant(),
            };
            yield return Item(source, n, id, meta, body, html);
        }
    }

    private static IEnumerable<(string, ArticleDraft?, string?)> ReadAtom(XElement root, string source, HtmlArticleExtractor html)
    {
        var outlet = Clean(root.Element(Atom + "title")?.Value);
        var language = Clean(root.Attribute(XNamespace.Xml + "lang")?.Value);
        var n = 0;
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            n++;
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            var id = Clean(entry.Element(Atom + "id")?.Value) ?? link ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var content = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
            var body = content is null ? null : ContentOf(content);
            var meta = new DocumentMetadata
            {
                Outlet = outlet,
                Title = Clean(entry.Element(Atom + "title")?.Value),
                Url = link,
                Published = DateParsing.ParseDate(Clean(entry.Element(Atom + "published")?.Value) ?? Clean(entry.Element(Atom + "updated")?.Value)),
                Language = (Clean(entry.Attribute(XNamespace.Xml + "lang")?.Value) ?? language)?.Split('-')[0].ToLowerInvariant(),
            };
            yield return Item(source, n, id, meta, body, html);
        }
    }

    private static string? ContentOf(XElement content)
    {
        // type="xhtml" holds markup as child elements; "html" and "text" hold it as text.
        if ((string?)content.Attribute("type") == "xhtml") return Clean(string.Concat(content.Nodes().Select(n => n.ToString())));
        var value = Clean(content.Value);
        if (value is not null && (string?)content.Attribute("type") is null or "text")
        {
            return System.Net.WebUtility.HtmlEncode(value).Replace("\n\n", "<p>", StringComparison.Ordinal);
        }
        return value;
    }

    private static (string, ArticleDraft?, string?) Item(string source, int n, string id, DocumentMetadata meta, string? body, HtmlArticleExtractor html)
    {
        var itemSource = $"{source}#{id}";
        if (body is null) return (itemSource, null, $"feed item {n} has neither content nor summary");
        // A summary is often plain text; give it a paragraph so the fragment reader sees a block.
        if (!body.Contains('<', StringComparison.Ordinal)) body = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>";
        var blocks = html.ExtractFragment(body).ToList();
        if (meta.Title is not null) blocks.Insert(0, new TextBlock(meta.Title, SegmentKind.Headline));
        if (blocks.All(b => b.Kind == SegmentKind.Headline)) return (itemSource, null, $"feed item {n} has no text");
        return (itemSource, new ArticleDraft { Source = itemSource, Metadata = meta, Blocks = blocks }, null);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
