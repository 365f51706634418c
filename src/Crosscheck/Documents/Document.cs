using System.Collections.Immutable;

namespace Crosscheck.Documents;

/// <summary>Where a stretch of an article's text sits on the page.</summary>
public enum SegmentKind
{
    Headline,
    Lede,
    Body,
    Subhead,
    Caption,
    Comment,
    Boilerplate,
}

/// <summary>A kind of segment over a half-open character range of a document's text.</summary>
public readonly record struct Segment(SegmentKind Kind, int Start, int End)
{
    public int Length => End - Start;

    public static string Name(SegmentKind kind) => kind switch
    {
        SegmentKind.Headline => "headline",
        SegmentKind.Lede => "lede",
        SegmentKind.Body => "body",
        SegmentKind.Subhead => "subhead",
        SegmentKind.Caption => "caption",
        SegmentKind.Comment => "comment",
        SegmentKind.Boilerplate => "boilerplate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out SegmentKind kind)
    {
        foreach (var k in Enum.GetValues<SegmentKind>())
        {
            if (Name(k) == name) { kind = k; return true; }
        }
        kind = default;
        return false;
    }

    /// <summary>True for the kinds that carry the article's own reporting (lede, body, subhead).</summary>
    public static bool IsArticleBody(SegmentKind kind) =>
        kind is SegmentKind.Lede or SegmentKind.Body or SegmentKind.Subhead;
}

/// <summary>Metadata a reader found for an article; every field may be missing.</summary>
public sealed record DocumentMetadata
{
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>Where <see cref="Published"/> came from; null when unknown (a document loaded back from a store).</summary>
    public PublishedFrom? PublishedFrom { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }

    public static readonly DocumentMetadata Empty = new();

    /// <summary>Fills the gaps of this metadata from <paramref name="fallback"/>.</summary>
    public DocumentMetadata Or(DocumentMetadata fallback) => new()
    {
        Outlet = Outlet ?? fallback.Outlet,
        Title = Title ?? fallback.Title,
        Published = Published ?? fallback.Published,
        PublishedFrom = Published is null ? fallback.PublishedFrom : PublishedFrom,
        Url = Url ?? fallback.Url,
        Language = Language ?? fallback.Language,
    };
}

/// <summary>
/// A stored article: normalized text that every offset indexes into, its metadata and its segments.
/// Immutable; the id is derived from the normalized content so the same article always gets the same id.
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Text { get; init; }
    public required ImmutableArray<Segment> Segments { get; init; }
    public DocumentMetadata Metadata { get; init; } = DocumentMetadata.Empty;
    public string? DuplicateOf { get; init; }

    public string Language => Metadata.Language ?? "en";

    public string Slice(Segment segment) => Text[segment.Start..segment.End];

    /// <summary>The segment that covers <paramref name="offset"/>, if any.</summary>
    public Segment? SegmentAt(int offset)
    {
        foreach (var s in Segments)
        {
            if (offset >= s.Start && offset < s.End) return s;
        }
        return null;
    }
}
