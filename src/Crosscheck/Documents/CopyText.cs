namespace Crosscheck.Documents;

/// <summary>
/// The words by which a text is compared with its reprints: its text without the page's furniture (boilerplate such as
/// "Read more: …" or a copyright line, captions and photo credits, reader comments), which every site prints its own of.
/// A brief of two paragraphs and a "Read more" line otherwise keeps little more than four fifths of its words inside
/// the wire story it copies. The stored text and its segments stay as read; only the comparison leaves them out.
/// </summary>
public static class CopyText
{
    /// <summary>The text of the segments that carry the article (headline, lede, body, subheads), one a line; the whole text when none does.</summary>
    public static string Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.Text, document.Segments);
    }

    /// <inheritdoc cref="Of(Document)"/>
    public static string Of(string text, IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(segments);
        var furniture = 0;
        foreach (var s in segments)
        {
            if (IsFurniture(s.Kind)) furniture++;
        }
        if (furniture == 0 || furniture == segments.Count) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var s in segments)
        {
            if (IsFurniture(s.Kind) || s.Start < 0 || s.End > text.Length || s.End <= s.Start) continue;
            if (kept.Length > 0) kept.Append('\n');
            kept.Append(text, s.Start, s.Length);
        }
        return kept.Length == 0 ? text : kept.ToString();
    }

    private static bool IsFurniture(SegmentKind kind) => kind is SegmentKind.Boilerplate or SegmentKind.Caption or SegmentKind.Comment;
}
