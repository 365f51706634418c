using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Places at sea: a sea named at a country's coast, and the point of a place at sea.
public sealed partial class EventReader
{
    /// <summary>A sea named right after a country's possessive and before "coast" or "waters" ("Yemen's Red Sea coast").</summary>
    private static PlaceMention? CoastSeaAfter(AnnotatedText text, List<PlaceMention> places, PlaceMention country)
    {
        var at = country.Span.EndToken;
        if (at >= text.Count || text.WordOf(at) is not ("'s" or "’s")) return null;
        foreach (var p in places)
        {
            if (p.Span.StartToken < at + 1) continue;
            if (p.Span.StartToken > at + 1) break;
            if (p.Kind == PlaceKind.Sea && p.Span.EndToken < text.Count && text.WordOf(p.Span.EndToken).ToLowerInvariant() is "coast" or "coastline" or "waters" or "shore" or "shores") return p;
        }
        return null;
    }

    /// <summary>
    /// A place at sea's point: its own (a named sea, or a phrase off a country); "international waters" and the like
    /// take the point of another place at sea in the sentence ("in international waters off Mexico's Pacific coast").
    /// </summary>
    private (double Lat, double Lon)? SeaPointOf(PlaceMention place, TokenSpan sentence, List<PlaceMention> places)
    {
        // "off the coast of Colombia in the Caribbean": a sea the sentence names beats the sea nearest the country.
        if (!Seas.IsSea(place.Known) && !Seas.NamesSea(place.Span))
        {
            foreach (var other in places)
            {
                if (ReferenceEquals(other, place) || other.Kind != PlaceKind.Sea || !sentence.Contains(other.Span.StartToken) || !Seas.IsSea(other.Known)) continue;
                // "off the coast of Mexico in the Pacific": of the seas its words name, the one nearest the coast's country.
                if (((place.Country is not null && place.Known is { Latitude: not null, Longitude: not null } ? Seas.Locate(other.Span, place.Known) : null) ?? Seas.Locate(other.Span, other.Known)) is { } named) return named;
            }
        }
        if (Seas.Locate(place.Span, place.Known) is { } own) return own;
        foreach (var other in places)
        {
            if (other.Kind != PlaceKind.Sea || ReferenceEquals(other, place) || !sentence.Contains(other.Span.StartToken)) continue;
            if (Seas.Locate(other.Span, other.Known) is { } point) return point;
        }
        return null;
    }
}
