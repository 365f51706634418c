using System.Text;
using System.Text.RegularExpressions;

namespace Crosscheck.Documents;

/// <summary>Turns a reader's draft into a <see cref="Document"/>: normalized text, segments, stable id.</summary>
internal static partial class DocumentAssembler
{
    /// <param name="limits">A text longer than its <see cref="ReaderOptions.MaxArticleChars"/> is refused before it is
    /// segmented, one of more than <see cref="ReaderOptions.MaxParagraphs"/> paragraphs after.</param>
    public static Document Assemble(ArticleDraft draft, ReaderOptions? limits = null)
    {
        var maxChars = limits?.MaxArticleChars ?? int.MaxValue;
        string text;
        List<Segment> segments;
        if (draft.PlainText is not null)
        {
            // Normalizing drops line-break halves and invisible characters, never half a text: twice the limit is refused unread.
            if (draft.PlainText.Length > 2L * maxChars) CheckLength(draft.PlainText, maxChars);
            text = TextNormalizer.Normalize(draft.PlainText);
            CheckLength(text, maxChars);
            segments = PlainTextSegmenter.Segment(text, draft.Metadata.Title);
        }
        else
        {
            (text, segments) = FromBlocks(draft.Blocks ?? [], draft.Metadata.Title);
            CheckLength(text, maxChars);
        }
        if (limits is not null && segments.Count > limits.MaxParagraphs)
        {
            throw new InputRejectedException($"too many paragraphs for one article ({segments.Count:N0}; the limit is {limits.MaxParagraphs:N0})");
        }
        if (!segments.Any(s => Segment.IsArticleBody(s.Kind)))
        {
            throw new InputRejectedException("no article text found");
        }
        var published = draft.Metadata.Published is { } given
            ? (given, draft.Metadata.PublishedFrom ?? PublishedFrom.Metadata)
            : limits?.RecoverPublished == true ? PublicationDates.Recover(text, draft.Metadata.Url, draft.Source) : null;
        var metadata = draft.Metadata with
        {
            Published = published?.Item1,
            PublishedFrom = published?.Item2,
            // Every reader here reads English; a declared language is kept as declared.
            Language = draft.Metadata.Language ?? "en",
            Outlet = draft.Metadata.Outlet ?? OutletFromDateline(text, segments),
        };
        return new Document
        {
            Id = DocumentId.FromText(text),
            Source = draft.Source,
            Text = text,
            Segments = [.. segments],
            Metadata = metadata,
        };
    }

    private static void CheckLength(string text, int maxChars)
    {
        if (text.Length > maxChars) throw new InputRejectedException($"article text too long ({text.Length:N0} characters; the limit is {maxChars:N0})");
    }

    /// <summary>A wire-style dateline names the outlet: "WASHINGTON, Oct. 19 (Coastline Wire) — …".</summary>
    private static string? OutletFromDateline(string text, List<Segment> segments)
    {
        var lede = segments.FirstOrDefault(s => s.Kind == SegmentKind.Lede);
        if (lede.End == 0) return null;
        var m = Dateline().Match(text, lede.Start, Math.Min(lede.Length, 120));
        return m.Success ? m.Groups["outlet"].Value.Trim() : null;
    }

    [GeneratedRegex(@"\G\p{Lu}[\p{Lu} .'-]+(,[^()\n]{1,30})?\s*\((?<outlet>\p{Lu}[\w&.' -]{1,40})\)\s*[\u2014\u2013-]")]
    private static partial Regex Dateline();

    private static (string, List<Segment>) FromBlocks(IReadOnlyList<TextBlock> blocks, string? title)
    {
        var sb = new StringBuilder();
        var segments = new List<Segment>(blocks.Count + 1);
        var ledeSeen = false;
        var list = blocks.Select(b => b with { Text = TextNormalizer.Normalize(b.Text).Trim() }).Where(b => b.Text.Length > 0).ToList();
        if (title is not null && !list.Any(b => b.Kind == SegmentKind.Headline))
        {
            list.Insert(0, new TextBlock(TextNormalizer.Normalize(title).Trim(), SegmentKind.Headline));
        }
        foreach (var block in list)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            var kind = block.Kind ?? (PlainTextSegmenter.IsFurniture(block.Text) ? SegmentKind.Boilerplate : ledeSeen ? SegmentKind.Body : SegmentKind.Lede);
            if (kind == SegmentKind.Lede) ledeSeen = true;
            if (kind == SegmentKind.Body && !ledeSeen) { kind = SegmentKind.Lede; ledeSeen = true; }
            segments.Add(new Segment(kind, sb.Length, sb.Length + block.Text.Length));
            sb.Append(block.Text);
        }
        return (sb.ToString(), segments);
    }
}
