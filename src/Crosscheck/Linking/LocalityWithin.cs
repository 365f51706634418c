using System.Text.RegularExpressions;

namespace Crosscheck.Linking;

/// <summary>
/// Two reports' places the gazetteers lack, one inside the other: "a monastery in Kelso village of Dunmore township" and
/// "the strike in Dunmore township" name the village and the area it is in. Two such names are one place told at two
/// precisions, not two places.
/// </summary>
internal static class LocalityWithin
{
    /// <summary>
    /// Whether <paramref name="inner"/>'s words place its unknown place inside the unknown place <paramref name="outer"/> names
    /// ("Kelso village of Dunmore" and "Dunmore"): the outer name stands as a whole word in the inner's place words, after
    /// the inner's own name.
    /// </summary>
    internal static bool Holds(EventFacts inner, EventFacts outer)
    {
        if (inner.Locality is not { } name || outer.Locality is not { } area) return false;
        if (string.Equals(name, area, StringComparison.OrdinalIgnoreCase)) return false;
        if (inner.Location?.Name is { } words && words.IndexOf(name, StringComparison.OrdinalIgnoreCase) is var at and >= 0
            && Regex.IsMatch(words[(at + name.Length)..], @"\b" + Regex.Escape(area) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return true;
        return PlacedInside(inner.Evidence, name, area);
    }

    /// <summary>
    /// Whether the sentence puts the place <paramref name="name"/> inside <paramref name="area"/> in one phrase, whatever the
    /// gazetteer made of its words: "Kelso village in Harlan's Dunmore township", "Kelso, in Dunmore district": the name, a
    /// settlement noun at most (<c>@settlement-nouns</c>), "in" or "of", and the area, at most after a division's possessive.
    /// </summary>
    internal static bool PlacedInside(string? sentence, string name, string area)
    {
        if (string.IsNullOrEmpty(sentence)) return false;
        var nouns = string.Join('|', IncidentWords.SettlementNouns.Select(Regex.Escape));
        var pattern = @"\b" + Regex.Escape(name) + @"(?:\s+(?:" + nouns + @"))?,?\s+(?:in|of)\s+(?:the\s+)?(?-i:[\p{Lu}][\w-]*(?:\s[\p{Lu}][\w-]*)?(?:'s|’s)\s+)?"
            + Regex.Escape(area) + @"\b";
        return Regex.IsMatch(sentence, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// Whether any report of the incident, the two's own included, places one of the two reports' unknown places inside the
    /// other's: "the town of Kelso in Dunmore district" ties a report of "Kelso" to one of "Dunmore district", though neither
    /// names both; and a report read as of "Dunmore" whose words put Kelso in it is of Kelso's place too.
    /// </summary>
    internal static bool TiedBy(IEnumerable<EventFacts> reports, EventFacts a, EventFacts b) =>
        a.Locality is { } la && b.Locality is { } lb && !string.Equals(la, lb, StringComparison.OrdinalIgnoreCase)
        && reports.Append(a).Append(b).Any(r => PlacedInside(r.Evidence, la, lb) || PlacedInside(r.Evidence, lb, la));

    /// <summary>Whether either report's unknown place lies inside the other's.</summary>
    internal static bool Either(EventFacts a, EventFacts b) => Holds(a, b) || Holds(b, a);
}
