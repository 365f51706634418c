using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// A finer place its owner names: "in Kashmir's Rajouri district", "in Burkina Faso's Soum province".
public sealed partial class EventReader
{
    /// <summary>
    /// The place an owner's possessive names in the same phrase, past a few describing words: "in Kashmir's Rajouri
    /// district", "in Pakistan's northwestern Kurram district", "in Burkina Faso's Soum province" happened in the district
    /// or province, whether or not the gazetteers know it (one they lack takes the owner's country). The finer place must
    /// be a known division or city, or stand before a word for an area: "Sudan's army" names no place, and "Kashmir's
    /// Rajouri" alone is the owner's too when nothing says what Rajouri is. Null when the owner names none.
    /// </summary>
    private static PlaceMention? FinerAfterOwner(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, PlaceMention owner)
    {
        if (owner.Kind is PlaceKind.Sea or PlaceKind.City) return null;
        var i = owner.Span.EndToken;
        if (i >= sentence.EndToken || text.WordOf(i) is not ("'s" or "’s")) return null;
        i++;
        while (i < sentence.EndToken && i - owner.Span.EndToken <= 3 && text.PosOf(i) is "JJ" && !char.IsUpper(text.WordOf(i)[0])) i++;
        var at = FirstPlaceFrom(places, i);
        if (at >= places.Count || places[at].Span.StartToken != i) return UnnamedDivision(text, sentence, places, i, owner);
        var p = places[at];
        if (p.Kind is PlaceKind.Country or PlaceKind.Sea) return null;
        var area = p.Span.EndToken < sentence.EndToken && RoleWords.AreaNouns.Contains(text.WordOf(p.Span.EndToken));
        var known = p.Known is not null && p.Kind is PlaceKind.Admin1 or PlaceKind.City;
        if (!area && !known) return null;
        // A known place of another country is not the owner's ("Russia's Kursk region" is fine; a namesake abroad is not).
        if (p.Country is not null && owner.Country is not null && p.Country != owner.Country) return null;
        return p.Country is null && owner.Country is not null ? p with { Country = owner.Country } : p;
    }

    /// <summary>
    /// "in Burkina Faso's Soum province" when the recognizer missed the name (or took it for a people's adjective, "Sudan's
    /// Kordofan region"): capitalized words between the owner's possessive and a word for an area are a place of the
    /// owner's country the gazetteers lack. A known division's possessive ("in Chin state's Paletwa township") puts the
    /// place in that division: it keeps its own words and takes the division as its known place (admin1 and country).
    /// </summary>
    private static PlaceMention? UnnamedDivision(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, int start, PlaceMention owner)
    {
        if (owner.Kind != PlaceKind.Country && owner is not { Kind: PlaceKind.Admin1, Known: not null }) return null;
        var end = start;
        while (end < sentence.EndToken && end - start < 3 && text.PosOf(end) is "NNP" or "NNPS" or "JJ" && text.WordOf(end) is [var c, ..] && char.IsUpper(c)
            && !IsCompassWord(text.WordOf(end))) end++;
        if (end == start || end >= sentence.EndToken || !RoleWords.AreaNouns.Contains(text.WordOf(end))) return null;
        var at = FirstPlaceFrom(places, start);
        if (at < places.Count && places[at].Span.StartToken < end) return null;
        var span = text.Span(start, end);
        return owner.Kind == PlaceKind.Admin1 ? owner with { Span = span } : new PlaceMention(span, null, PlaceKind.Region, owner.Country, span.Text);
    }
}
