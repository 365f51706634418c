namespace Crosscheck.Documents;

/// <summary>A block of text a reader found, with the kind it already knows (from markup) or null to classify.</summary>
public sealed record TextBlock(string Text, SegmentKind? Kind = null);

/// <summary>
/// What a reader hands on before assembly: either plain text to segment by rules, or blocks from markup.
/// </summary>
public sealed record ArticleDraft
{
    public required string Source { get; init; }
    public DocumentMetadata Metadata { get; init; } = DocumentMetadata.Empty;
    /// <summary>Plain text, segmented by <see cref="PlainTextSegmenter"/>.</summary>
    public string? PlainText { get; init; }
    /// <summary>Blocks from markup, joined by blank lines.</summary>
    public IReadOnlyList<TextBlock>? Blocks { get; init; }
}
