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
        if (inner.Locality is not { } name || outer.Locality is not { } area || inner.Location?.Name is not { } words) return false;
        if (string.Equals(name, area, StringComparison.OrdinalIgnoreCase)) return false;
        var at = words.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return false;
        var rest = words[(at + name.Length)..];
        return Regex.IsMatch(rest, @"\b" + Regex.Escape(area) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Whether either report's unknown place lies inside the other's.</summary>
    internal static bool Either(EventFacts a, EventFacts b) => Holds(a, b) || Holds(b, a);
}
