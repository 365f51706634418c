using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Crosscheck.Documents.Html;

/// <summary>
/// Each block's vote, added to every element around it: running prose counts for, link lists and scraps
/// count against. The element with the highest total holds the most prose for the least furniture, which
/// finds the article whether its paragraphs sit in one container or are spread over sibling sections.
/// Costs one pass over the elements that hold blocks, however deep they nest.
/// </summary>
internal sealed partial class ArticleVotes
{
    private readonly Dictionary<IElement, double> _total = [];
    private readonly Dictionary<IElement, double> _good = [];
    // Elements in the order the blocks first reach them (each block's container, then up): ties go to the first.
    private readonly List<IElement> _order = [];
    private readonly IElement _body;

    private ArticleVotes(IElement body) => _body = body;

    public static ArticleVotes Count(List<PageBlock> blocks, IElement body)
    {
        var votes = new ArticleVotes(body);
        var depth = new Dictionary<IElement, int>();
        var chain = new List<IElement>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var vote = Vote(block, i > 0 && blocks[i - 1].Container == block.Container || i + 1 < blocks.Count && blocks[i + 1].Container == block.Container);
            // Each element is met once on the way up: the walk stops at the first element already counted,
            // so the cost is the size of the tree, whatever its depth.
            chain.Clear();
            var top = 0;
            for (var el = block.Container; el is not null; el = el.ParentElement)
            {
                if (depth.TryGetValue(el, out top)) break;
                chain.Add(el);
                if (el == body) { top = -1; break; }
            }
            for (var k = chain.Count - 1; k >= 0; k--) depth[chain[k]] = top + chain.Count - k;
            votes._order.AddRange(chain);
            votes._total[block.Container] = votes._total.GetValueOrDefault(block.Container) + vote;
            if (vote > 0) votes._good[block.Container] = votes._good.GetValueOrDefault(block.Container) + vote;
        }
        // Each element's votes go to its parent, deepest first, so every total holds all the blocks inside it.
        foreach (var el in votes._order.OrderByDescending(e => depth[e]))
        {
            if (el == body || el.ParentElement is not { } parent || !depth.ContainsKey(parent)) continue;
            votes._total[parent] = votes._total.GetValueOrDefault(parent) + votes._total.GetValueOrDefault(el);
            if (votes._good.TryGetValue(el, out var good)) votes._good[parent] = votes._good.GetValueOrDefault(parent) + good;
        }
        return votes;
    }

    /// <summary>The prose an element holds (the positive votes only).</summary>
    public double Good(IElement el) => _good.GetValueOrDefault(el);

    /// <summary>The element with the best total; among equals the innermost, which carries the least else.</summary>
    public IElement Best()
    {
        IElement? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var el in _order)
        {
            var score = _total.GetValueOrDefault(el);
            if (score > bestScore) { best = el; bestScore = score; }
        }
        if (best is null || bestScore <= 0) return _body;
        // An article is a container of paragraphs, never one paragraph: a short closing line or a
        // headline that votes nothing must not lose the article to its longest paragraph.
        while (IsParagraphLevel(best) && best != _body && best.ParentElement is { } parent) best = parent;
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var child in best.Children)
            {
                if (!IsParagraphLevel(child) && _total.TryGetValue(child, out var s) && s >= bestScore - 1e-9)
                {
                    best = child;
                    moved = true;
                    break;
                }
            }
        }
        return best;
    }

    private static bool IsParagraphLevel(IElement el) => el.LocalName is "p" or "pre" or "blockquote" or "li" or "dd" or "dt"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "span" or "a" or "em" or "strong" or "b" or "i" or "font" or "small" or "figcaption";

    /// <param name="brokenLine">The block is one line of a paragraph cut at &lt;br&gt;: short lines there are
    /// the paragraph's own (a list written with line breaks), not scraps.</param>
    private static double Vote(PageBlock block, bool brokenLine)
    {
        if (block.Role is BlockRole.Heading or BlockRole.Caption) return 0;
        var length = block.Text.Length;
        var plain = length - block.LinkChars;
        if (block.LinkDensity > 0.5 && plain < 100) return brokenLine ? 0 : -length;
        // A block that opens with a long linked title and then a blurb is a teaser for another page.
        if (block.LeadingLinkChars >= 30 && block.LeadingLinkChars >= 0.2 * length) return -0.5 * length;
        var prose = length >= 120 || Sentence().IsMatch(block.Text);
        if (block.Role == BlockRole.TableRow && !prose) return 0;
        if (brokenLine && !prose) return 0;
        if (length < 25) return -3;
        if (!prose) return -0.25 * length;
        // Links inside prose cost a little: teasers pay for their linked titles, paragraphs with a few links do not.
        var vote = plain - 0.25 * block.LinkChars;
        // List items are prose in some articles and menus in many pages: they count, but for less.
        return block.Role == BlockRole.ListItem ? vote * 0.5 : vote;
    }

    [GeneratedRegex(@"[.!?…:;]['""”’»)\]]*(\s|$)")]
    private static partial Regex Sentence();
}
