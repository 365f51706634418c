using System.Text;
using AngleSharp.Dom;

namespace Crosscheck.Documents.Html;

/// <summary>What a run of page text is, by the element that holds it.</summary>
internal enum BlockRole { Paragraph, Heading, Caption, ListItem, Preformatted, TableRow }

/// <summary>
/// One run of text between block boundaries: a paragraph, a heading, a list item, or text written straight
/// into a div and cut at <c>&lt;br&gt;</c>. <see cref="Container"/> is the nearest block-level element around it.
/// </summary>
internal sealed class PageBlock(string text, IElement container, BlockRole role, int headingLevel, int linkChars, int leadingLinkChars)
{
    /// <summary>How many characters at the start are link text: a teaser opens with its linked title.</summary>
    public int LeadingLinkChars { get; } = leadingLinkChars;
    public string Text { get; } = text;
    public IElement Container { get; } = container;
    public BlockRole Role { get; } = role;
    public int HeadingLevel { get; } = headingLevel;
    public int LinkChars { get; } = linkChars;
    /// <summary>The same text read as a paragraph of the article.</summary>
    public PageBlock AsParagraph() => new(Text, Container, BlockRole.Paragraph, 0, LinkChars, LeadingLinkChars);

    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1.0, (double)LinkChars / Text.Length);
}

/// <summary>
/// Cuts a DOM into <see cref="PageBlock"/>s in reading order, in one walk: the text of each block is built as the
/// walk goes, so no element's text is read twice (pages with deep nesting stay linear).
/// </summary>
internal sealed class PageBlockWalker
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
        "ul", "caption", "html", "menu", "legend", "output", "picture", "video", "audio",
    };

    private readonly List<PageBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly Func<IElement, bool> _skip;
    private int _linkChars;
    private int _leadingLinkChars;
    private bool _onlyLinksSoFar = true;
    private bool _space;

    private PageBlockWalker(Func<IElement, bool> skip) => _skip = skip;

    /// <summary>True for elements that start a block of their own.</summary>
    public static bool IsBlockTag(string name) => BlockTags.Contains(name);

    /// <summary>The blocks under <paramref name="root"/>; elements for which <paramref name="skip"/> is true are left out whole.</summary>
    public static List<PageBlock> Walk(IElement root, Func<IElement, bool> skip)
    {
        var walker = new PageBlockWalker(skip);
        walker.Visit(root);
        walker.Flush(root, inCaption: false, inPre: false);
        return walker._blocks;
    }

    /// <summary>What to do when an element's children are done: nothing (inline), end a cell, or end a block.</summary>
    private enum Exit { Inline, Cell, Block }

    /// <summary>An element whose children are being read, with the context its text is read in.</summary>
    private readonly record struct Frame(IElement Element, IElement Container, bool InLink, bool InCaption, bool InPre, Exit Exit, bool ExitCaption, bool ExitPre);

    /// <summary>Depth-first over the tree with an explicit stack: no recursion, so no depth can overflow it.</summary>
    private void Visit(IElement root)
    {
        // Children by index: AngleSharp finds a node's next sibling by searching its parent's list.
        var frames = new Stack<(Frame Frame, int Next)>();
        frames.Push((new Frame(root, root, false, false, false, Exit.Inline, false, false), 0));
        while (frames.Count > 0)
        {
            var (frame, next) = frames.Pop();
            var children = frame.Element.ChildNodes;
            if (next >= children.Length)
            {
                switch (frame.Exit)
                {
                    case Exit.Cell: _space = _text.Length > 0; break;
                    case Exit.Block: Flush(frame.Element, frame.ExitCaption, frame.ExitPre); break;
                }
                continue;
            }
            frames.Push((frame, next + 1));
            switch (children[next])
            {
                case IText text:
                    Append(text.Data, frame.InLink);
                    break;
                case IElement el:
                    if (_skip(el)) break;
                    var name = el.LocalName;
                    if (name == "br")
                    {
                        Flush(frame.Container, frame.InCaption, frame.InPre);
                        break;
                    }
                    var caption = frame.InCaption || name is "figcaption" or "figure";
                    var pre = frame.InPre || name is "pre";
                    Frame child;
                    if (name is "td" or "th")
                    {
                        // Cells of a row read as one line, so a data table is rows of text, not a heap of scraps;
                        // a layout table's paragraphs still come out as their own blocks.
                        _space = _text.Length > 0;
                        child = new Frame(el, frame.Container, frame.InLink, caption, pre, Exit.Cell, false, false);
                    }
                    else if (BlockTags.Contains(name))
                    {
                        Flush(frame.Container, frame.InCaption, frame.InPre);
                        child = new Frame(el, el, frame.InLink, caption, pre, Exit.Block, caption, pre);
                    }
                    else
                    {
                        // Inline: the text joins the surrounding block. Images and the like add nothing.
                        child = new Frame(el, frame.Container, frame.InLink || name == "a", caption, pre, Exit.Inline, false, false);
                    }
                    frames.Push((child, 0));
                    break;
            }
        }
    }

    private void Append(string data, bool inLink)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                _space = _text.Length > 0;
                continue;
            }
            if (_space)
            {
                _text.Append(' ');
                _space = false;
            }
            if (inLink)
            {
                if (_leadingLinkChars == _linkChars && _onlyLinksSoFar) _leadingLinkChars++;
                _linkChars++;
            }
            else
            {
                _onlyLinksSoFar = false;
            }
            _text.Append(c);
        }
    }

    private void Flush(IElement container, bool inCaption, bool inPre)
    {
        if (_text.Length > 0)
        {
            var name = container.LocalName;
            var level = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : 0;
            var role = inCaption ? BlockRole.Caption
                : level > 0 ? BlockRole.Heading
                : inPre ? BlockRole.Preformatted
                : name is "li" or "dd" or "dt" ? BlockRole.ListItem
                : name is "tr" ? BlockRole.TableRow
                : BlockRole.Paragraph;
            _blocks.Add(new PageBlock(_text.ToString(), container, role, level, _linkChars, _leadingLinkChars));
        }
        _text.Clear();
        _linkChars = 0;
        _leadingLinkChars = 0;
        _onlyLinksSoFar = true;
        _space = false;
    }
}
