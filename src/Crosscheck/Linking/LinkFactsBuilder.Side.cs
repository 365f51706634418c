using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>The side of a country an event's place names ("north-eastern Ukraine").</summary>
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// For a place that is a country, the word of a side of it next to its name: before it ("north-eastern Ukraine"),
    /// after its possessive ("Ukraine's north-east", "the country's south") or before "of" ("the north-west of Pakistan");
    /// null otherwise (<see cref="CountrySides"/>).
    /// </summary>
    private static string? SideOf(AnnotatedText text, EventPlace place)
    {
        if (place.Precision != "country") return null;
        var (start, end) = (place.Span.StartToken, place.Span.EndToken);
        if (start >= 1 && CompassWords.Contains(text.WordOf(start - 1))) return text.WordOf(start - 1);
        if (start >= 2 && text.WordOf(start - 1) == "of" && CompassWords.Contains(text.WordOf(start - 2))) return text.WordOf(start - 2);
        if (end + 1 < text.Count && text.WordOf(end) is "'s" or "’s" && CompassWords.Contains(text.WordOf(end + 1))) return text.WordOf(end + 1);
        return null;
    }
}
