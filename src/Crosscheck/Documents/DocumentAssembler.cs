using System.Collections.Immutable;
using System.Text;

namespace Crosscheck.Documents;

/// <summary>Turns a reader's draft into a <see cref="Document"/>: normalized text, segments, stable id.</summary>
internal static class DocumentAssembler
{
    public static Document Assemble(ArticleDraft draft)
    {
        string text;
        List<Segment> segments;
        if (draft.PlainText is not null)
        {
            text = TextNormalizer.Normalize(draft.PlainText);
            segments = PlainTextSegmenter.Segment(text, draft.Metadata.Title);
        }
        else
        {
            (text, segments) = FromBlocks(draft.Blocks ?? [], draft.Metadata.Title);
        }
        if (!segments.Any(s => Segment.IsArticleBody(s.Kind)))
        {
            throw new InputRejectedException("no article text found");
        }
        return new Document
        {
            Id = DocumentId.FromText(text),
            Source = draft.Source,
            Text = text,
            Segments = [.. segments],
            // Every reader here reads English; a declared language is kept as declared.
            Metadata = draft.Metadata with { Language = draft.Metadata.Language ?? "en" },
        };
    }

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
