using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Documents.Html;

namespace Crosscheck.Documents;

/// <summary>An article read out of a web page: its metadata and its text blocks in reading order.</summary>
public sealed record ExtractedArticle(DocumentMetadata Metadata, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// Finds the article in a web page and drops the page's furniture (navigation, ads, cookie notices,
/// share bars, related links, comment threads, bylines). The page is cut into text blocks in one walk;
/// each block votes for every element around it, for (running prose) or against (links, scraps); the
/// element with the best total is the article, and its blocks are then filtered one by one.
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
        var blocks = PageBlockWalker.Walk(body, IsDropped);
        if (blocks.Count == 0) return new ExtractedArticle(metadata, []);
        var votes = ArticleVotes.Count(blocks, body);
        var root = votes.Best();
        var kept = Select(blocks, root, votes);
        return new ExtractedArticle(metadata, ToTextBlocks(kept, metadata.Title));
    }

    /// <summary>Reads a fragment that is all article (a feed item's content): no scoring, only clean-up.</summary>
    public IReadOnlyList<TextBlock> ExtractFragment(string html)
    {
        var document = Parse("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        var blocks = PageBlockWalker.Walk(body, IsDropped);
        var votes = ArticleVotes.Count(blocks, body);
        return ToTextBlocks(Select(blocks, body, votes), null);
    }

    // The parser's cost grows with the nesting depth for every tag: deeper markup is flattened first.
    private static IHtmlDocument Parse(string html) => new HtmlParser(ParserOptions).ParseDocument(NestingLimiter.Limit(html));

    private static readonly HashSet<string> AlwaysDropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "input", "select", "option", "textarea",
        "nav", "aside", "footer", "object", "embed", "canvas", "video", "audio", "map", "dialog", "menu", "head", "link",
        "meta", "title", "label",
    };

    /// <summary>Elements that never hold article text, whatever page they are on; decided per element as the walk meets it.</summary>
    private static bool IsDropped(IElement el)
    {
        if (AlwaysDropped.Contains(el.LocalName)) return true;
        if (el.HasAttribute("hidden")) return true;
        if (string.Equals(el.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = el.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style)) return true;
        var role = el.GetAttribute("role");
        if (role is not null && role.ToLowerInvariant() is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog" or "alertdialog" or "menu" or "menubar")
        {
            return true;
        }
        // A page header is the site's masthead unless it carries the article's own h1.
        if (el.LocalName == "header" && el.QuerySelector("h1") is null) return true;
        return false;
    }

    private static List<PageBlock> Select(List<PageBlock> blocks, IElement root, ArticleVotes votes)
    {
        var kept = Keep(blocks, root, votes, believeNames: true);
        // Names never take the whole article: a gallery whose every item is called "caption" is still the story.
        if (!kept.Any(IsText)) kept = Keep(blocks, root, votes, believeNames: false);
        // A gallery tells its story in its captions: with no paragraph of its own, captions that say something are its text.
        if (!kept.Any(IsText)) kept = [.. kept.Select(b => b.Role == BlockRole.Caption && SaysSomething(b.Text) ? b.AsParagraph() : b)];
        // Headings with nothing of the article after them introduce what follows the article ("Related", "More").
        while (kept.Count > 0 && kept[^1].Role is BlockRole.Heading or BlockRole.Caption) kept.RemoveAt(kept.Count - 1);
        return kept;
    }

    private static bool IsText(PageBlock block) => block.Role is not (BlockRole.Heading or BlockRole.Caption);

    /// <summary>A full sentence of a dozen words or more, not a credit line.</summary>
    private static bool SaysSomething(string text) => PlainTextSegmenter.CountWords(text) >= 12 && PlainTextSegmenter.EndsWithSentencePunctuation(text) && !ImageCredit().IsMatch(text);

    private static List<PageBlock> Keep(List<PageBlock> blocks, IElement root, ArticleVotes votes, bool believeNames)
    {
        var placement = new Dictionary<IElement, (bool Inside, bool InFurniture)>();
        var rootGood = believeNames ? votes.Good(root) : double.NegativeInfinity;
        var kept = new List<PageBlock>();
        foreach (var block in blocks)
        {
            var (inside, inFurniture) = Place(block.Container, root, placement, rootGood, votes);
            if (!inside || inFurniture) continue;
            if (block.Role != BlockRole.Caption && IsScrap(block)) continue;
            kept.Add(block);
        }
        return kept;
    }

    /// <summary>
    /// Whether <paramref name="container"/> is <paramref name="root"/> or inside it, and whether an element on the
    /// way is named as furniture (share bar, related links, comments). Each element is judged once and remembered,
    /// so a page costs the size of its tree however deep it nests.
    /// </summary>
    private static (bool Inside, bool InFurniture) Place(IElement container, IElement root, Dictionary<IElement, (bool, bool)> placement, double rootGood, ArticleVotes votes)
    {
        var chain = new List<IElement>();
        (bool Inside, bool InFurniture) above = (false, false);
        for (var el = container; el is not null; el = el.ParentElement)
        {
            if (placement.TryGetValue(el, out above)) break;
            if (el == root) { above = (true, false); placement[el] = above; break; }
            chain.Add(el);
        }
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            var el = chain[k];
            // A name is only believed when the element does not hold most of the article: a page whose
            // article wrapper is called "post has-comments" must not lose its article to the word "comments".
            // rootGood is -infinity when names are not believed: no element holds less than that.
            var named = FurnitureByName(el) switch
            {
                NameSays.Furniture => votes.Good(el) < 0.5 * rootGood,
                // A vaguer name ("meta", "widget", "rail") loses to any real share of the article.
                NameSays.MaybeFurniture => votes.Good(el) < 0.15 * rootGood,
                _ => false,
            };
            above = (above.Inside, above.InFurniture || named);
            placement[el] = above;
        }
        return above;
    }

    private enum NameSays { Nothing, MaybeFurniture, Furniture }

    private static NameSays FurnitureByName(IElement el)
    {
        var cls = el.GetAttribute("class");
        var id = el.Id;
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id)) return NameSays.Nothing;
        var name = (cls ?? "") + " " + (id ?? "");
        if (StrongFurnitureName().IsMatch(name)) return NameSays.Furniture;
        return WeakFurnitureName().IsMatch(name) && !ArticleName().IsMatch(name) ? NameSays.MaybeFurniture : NameSays.Nothing;
    }

    /// <summary>A block that is not prose: a run of links, a byline, a date line, an ad label or a share prompt.</summary>
    private static bool IsScrap(PageBlock block)
    {
        var text = block.Text;
        // Mostly links is a menu or a teaser, unless enough plain prose is left around the links
        // (inline cards that repeat a linked name make real paragraphs look link-heavy).
        if (block.LinkDensity > 0.5 && text.Length - block.LinkChars < 100) return true;
        if (text.Length <= 160 && Boilerplate().IsMatch(text) && !PlainTextSegmenter.CarriesSentences(text)) return true;
        if (text.Length <= 300 && ImageCredit().IsMatch(text)) return true;
        if (text.Length <= 80 && (Byline().IsMatch(text) || DateLine().IsMatch(text))) return true;
        return false;
    }

    private static List<TextBlock> ToTextBlocks(List<PageBlock> kept, string? title)
    {
        var result = new List<TextBlock>(kept.Count);
        var headlineSeen = false;
        foreach (var block in kept)
        {
            SegmentKind? kind = block.Role switch
            {
                BlockRole.Heading when block.HeadingLevel == 1 && !headlineSeen && (result.Count == 0 || title is not null && SameText(block.Text, title)) => SegmentKind.Headline,
                BlockRole.Heading => SegmentKind.Subhead,
                BlockRole.Caption => SegmentKind.Caption,
                _ => null,
            };
            if (kind == SegmentKind.Headline) headlineSeen = true;
            result.Add(new TextBlock(block.Text, kind));
        }
        return result;
    }

    private static bool SameText(string a, string b) =>
        string.Equals(NormalizeSpace(a), NormalizeSpace(b), StringComparison.OrdinalIgnoreCase)
        || NormalizeSpace(b).StartsWith(NormalizeSpace(a), StringComparison.OrdinalIgnoreCase);

    internal static string NormalizeSpace(string s) => DocumentId.FoldWhitespace(s);

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    // Names that mean furniture even beside an article-ish word ("related-content", "comment-body", "share-post").
    [GeneratedRegex(@"comment|disqus|\bshare|sharing|social|related|recommend|cookie|consent|gdpr|advert|(^|[\s_-])ads?($|[\s_-])|promo|sponsor|newsletter|subscribe|signup|sign-up|sidebar|breadcrumb|outbrain|taboola|recirc|trending|most-?(read|popular)|more-(stories|from|news)|read-?more|byline|author|dateline|timestamp|caption|credit|sr-only|visually-?hidden|screen-?reader|skip-?link|tags-?list|post-?tags|article-?tags", RegexOptions.IgnoreCase)]
    private static partial Regex StrongFurnitureName();

    [GeneratedRegex(@"banner|footer|masthead|\bnav|menu|popup|modal|widget|\btags?\b|print|toolbar|utility|pagination|pager|meta\b|(^|[\s_-])date|bio\b|disclaimer|(^|[\s_-])rail\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeakFurnitureName();

    [GeneratedRegex(@"article|\bbody|content|\bmain|\bstory|\bpost|entry|\btext|blog", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleName();

    [GeneratedRegex(@"^(advertisement|ad|sponsored( content)?|story continues below.*|continue reading.*|read more.*|read next.*|see also.*|related( articles?| stories| content| coverage)?:?.*|more on this.*|share( this)?( article| story| on \w+)?:?|follow us.*|sign up.*|subscribe.*|click here.*|(photo|image|picture|video|graphic)s?( credit)?:.*|\(?(photo|image|picture)s? (by|courtesy|credit).*|.*\b(getty images|shutterstock|associated press|afp via getty|reuters)\)?\.?$|image copyright.*|copyright.*|©.*|all rights reserved.*|loading\.*|comments?( \(\d+\))?|\d+ comments?|close|next|prev(ious)?|(image|photo|picture|slide)s? \d+ (of|/) \d+|scroll down.*|watch:.*|listen:.*|this (slideshow|video|content|feature) requires javascript.*|(please )?enable javascript.*|(this|the) (article|story) (was|has been) (updated|corrected).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    // A caption written as a paragraph ends with its credit: "Protesters at the port (Image: Agency)".
    [GeneratedRegex(@"[(\[](image|photo|picture|pic|video|credit|source|foto|bild)s?( credit)?\s*:[^)\]]*[)\]]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageCredit();

    [GeneratedRegex(@"^([Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Pp]osted by|[Rr]eporting by|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+\p{Lu}", RegexOptions.None)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^((published|updated|posted|last updated|modified|created)( on| at)?:?\s*)?(\w+,?\s+)?(\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(st|nd|rd|th)?,?(\s+\d{4})?|^((published|updated|posted|last updated)(\son|\sat)?:?\s*)?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|^(published|updated|posted|last updated)\b|^\d{1,2}:\d{2}\s*(am|pm)?\b|^\d+\s+(min(ute)?s?|hours?|days?)\s+(ago|read)$|^\d+\s+min(ute)?s?\s+read", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();
}
