using System.Text;

namespace Crosscheck.Documents.Html;

/// <summary>
/// Flattens markup nested deeper than <see cref="MaxDepth"/> before it reaches the HTML parser, whose tree
/// building costs time in proportion to the depth for every tag (200,000 nested divs would take hours).
/// Tags beyond the limit are left out and their text kept; a block tag left out becomes a line break, so
/// its text stays a block of its own. One pass over the markup with a stack of at most
/// <see cref="MaxDepth"/> names; the depth is an estimate (end tags, void elements and the usual implied
/// ends of p, li, dd, dt, tr, td and th), which only matters for pages past the limit.
/// </summary>
internal static class NestingLimiter
{
    /// <summary>
    /// Real pages nest a few dozen elements deep; this leaves room for sloppy markup that never closes a tag, and stays
    /// under the depth (about 510) past which AngleSharp was seen to put text beside the wrong line breaks.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
    };

    // Their content is text to the parser, not markup: skipped whole.
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript",
    };

    // Opening one of these ends an open p, as the HTML parser does.
    private static readonly HashSet<string> EndsParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "ul", "li", "dd", "dt",
    };

    /// <summary>The markup unchanged when it stays within the limit, else with the deeper tags left out.</summary>
    public static string Limit(string html)
    {
        var state = new State(html);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) break;
            i = state.Tag(lt);
        }
        return state.Result();
    }

    private sealed class State(string html)
    {
        private readonly List<string> _open = [];
        private readonly Dictionary<string, int> _openCount = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);
        private StringBuilder? _out;
        private int _copied;

        public string Result()
        {
            if (_out is null) return html;
            _out.Append(html, _copied, html.Length - _copied);
            return _out.ToString();
        }

        /// <summary>Reads the tag (or comment, or stray '&lt;') at <paramref name="lt"/>; returns where to go on.</summary>
        public int Tag(int lt)
        {
            if (Starts(lt, "<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                return end < 0 ? html.Length : end + 3;
            }
            if (Starts(lt, "<!") || Starts(lt, "<?")) return After('>', lt);
            var closing = lt + 1 < html.Length && html[lt + 1] == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) return lt + 1;
            var end2 = TagEnd(nameEnd);
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            if (closing)
            {
                Close(name, lt, end2);
                return end2;
            }
            var selfClosing = end2 >= 2 && html[end2 - 2] == '/';
            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, end2, StringComparison.OrdinalIgnoreCase);
                return close < 0 ? html.Length : After('>', close);
            }
            if (Void.Contains(name) || selfClosing) return end2;
            Open(name, lt, end2);
            return end2;
        }

        private void Open(string name, int start, int end)
        {
            if (EndsParagraph.Contains(name) && _openCount.GetValueOrDefault("p") > 0) PopTo("p", stopAt: ["table", "td", "th", "button"]);
            if (name == "li") PopTo("li", stopAt: ["ul", "ol", "table"]);
            if (name is "dd" or "dt") { PopTo("dd", stopAt: ["dl", "table"]); PopTo("dt", stopAt: ["dl", "table"]); }
            if (name == "tr") PopTo("tr", stopAt: ["table"]);
            if (name is "td" or "th") { PopTo("td", stopAt: ["tr", "table"]); PopTo("th", stopAt: ["tr", "table"]); }
            if (_open.Count < MaxDepth)
            {
                _open.Add(name);
                _openCount[name] = _openCount.GetValueOrDefault(name) + 1;
                return;
            }
            _dropped[name] = _dropped.GetValueOrDefault(name) + 1;
            Replace(start, end, PageBlockWalker.IsBlockTag(name) ? "<br>" : "");
        }

        private void Close(string name, int start, int end)
        {
            if (_dropped.TryGetValue(name, out var n) && n > 0)
            {
                _dropped[name] = n - 1;
                Replace(start, end, "");
                return;
            }
            if (_openCount.GetValueOrDefault(name) > 0) PopTo(name, stopAt: []);
        }

        /// <summary>Closes the innermost open <paramref name="name"/> and all inside it, unless a <paramref name="stopAt"/> element comes first.</summary>
        private void PopTo(string name, string[] stopAt)
        {
            if (_openCount.GetValueOrDefault(name) == 0) return;
            var at = _open.Count - 1;
            while (at >= 0 && _open[at] != name)
            {
                if (Array.IndexOf(stopAt, _open[at]) >= 0) return;
                at--;
            }
            if (at < 0) return;
            for (var k = _open.Count - 1; k >= at; k--) _openCount[_open[k]]--;
            _open.RemoveRange(at, _open.Count - at);
        }

        private void Replace(int start, int end, string with)
        {
            _out ??= new StringBuilder(html.Length);
            _out.Append(html, _copied, start - _copied).Append(with);
            _copied = end;
        }

        /// <summary>The position after the tag's '&gt;', skipping quoted attribute values.</summary>
        private int TagEnd(int from)
        {
            var quote = '\0';
            for (var k = from; k < html.Length; k++)
            {
                var c = html[k];
                if (quote != '\0') { if (c == quote) quote = '\0'; }
                else if (c is '"' or '\'') { if (k > 0 && html[k - 1] == '=' || k > 1 && html[k - 1] == ' ' && html[k - 2] == '=') quote = c; }
                else if (c == '>') return k + 1;
            }
            return html.Length;
        }

        private int After(char c, int from)
        {
            var k = html.IndexOf(c, from);
            return k < 0 ? html.Length : k + 1;
        }

        private bool Starts(int at, string s) => string.CompareOrdinal(html, at, s, 0, s.Length) == 0;
    }
}
