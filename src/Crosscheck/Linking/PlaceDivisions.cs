using System.Collections.Frozen;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>
/// The GeoNames first-level divisions a place's name stands for in its country: a division's own code, or the divisions
/// of the cities of that name ("Khost" the city is in Khost province, not in Kunar). Divisions have no point of their own,
/// so whether a city lies in a division is read from the codes, not from a distance.
/// </summary>
internal static class PlaceDivisions
{
    private static readonly Lazy<FrozenDictionary<string, string[]>> Cities = new(() => Index(PlaceKind.City));
    private static readonly Lazy<FrozenDictionary<string, string[]>> Divisions = new(() => Index(PlaceKind.Admin1));

    private static FrozenDictionary<string, string[]> Index(PlaceKind kind) =>
        Gazetteer.Default.Entries
            .Where(e => e.Place == kind && e.Admin1 is not null && e.Country is not null)
            .GroupBy(e => Key(e.Country!, e.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Admin1!).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, (double Lat, double Lon)[]>> Towns = new(() =>
        Gazetteer.Default.Entries
            .Where(e => e.Place == PlaceKind.City && e.Admin1 is not null && e.Entity.Latitude is not null && e.Entity.Longitude is not null)
            .GroupBy(e => e.Admin1!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => (e.Entity.Latitude!.Value, e.Entity.Longitude!.Value)).ToArray(), StringComparer.Ordinal));

    /// <summary>
    /// The points of the towns the gazetteer puts in the first-level division <paramref name="division"/> names (a division
    /// has no point of its own); empty when the place is no division the gazetteer knows.
    /// </summary>
    public static IEnumerable<(double Lat, double Lon)> TownPoints(PlaceFacts division)
    {
        ArgumentNullException.ThrowIfNull(division);
        if (division.Precision != "admin1" || Of(division) is not { } codes) return [];
        return codes.SelectMany(c => Towns.Value.TryGetValue(c, out var points) ? points : []);
    }

    private static string Key(string country, string name) => country + "|" + name.ToLowerInvariant();

    /// <summary>The division codes the place may be in, or null when the gazetteer does not know the place at that precision.</summary>
    public static string[]? Of(PlaceFacts place)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.Country is not { } country) return null;
        var index = place.Precision switch { "city" => Cities.Value, "admin1" => Divisions.Value, _ => null };
        return index is not null && index.TryGetValue(Key(country, place.Name), out var codes) ? codes : null;
    }

    /// <summary>True when a first-level division shares its name with a city of its country ("Kiev" the province and the capital).</summary>
    public static bool NamedLikeACity(PlaceFacts place) =>
        place is { Precision: "admin1", Country: not null } && Of(place with { Precision = "city" }) is not null;

    /// <summary>True when the gazetteer puts the two places in no common first-level division; null when it cannot tell.</summary>
    public static bool? Apart(PlaceFacts a, PlaceFacts b) =>
        Of(a) is { } da && Of(b) is { } db ? !da.Intersect(db, StringComparer.Ordinal).Any() : null;
}
