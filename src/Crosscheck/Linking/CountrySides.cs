using System.Collections.Frozen;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>
/// The part of a country a report names it by ("north-eastern Ukraine", "Ukraine's north-east", <see cref="PlaceFacts.Side"/>):
/// a city, or a division by its cities, in the opposite third of the country is not there. "A bombardment in north-eastern
/// Ukraine killed four overnight" is then not the shelling of a southern city that night. The country's extent is read from
/// the gazetteer's cities (the 2nd to the 98th percentile of their latitudes and longitudes, so an overseas island does not
/// stretch it); a place the gazetteer gives no point is never said to lie apart.
/// </summary>
internal static class CountrySides
{
    /// <summary>The share of a country's extent at its far edge that a side leaves out: a third.</summary>
    private const double OppositeShare = 1.0 / 3;

    private readonly record struct Extent(double South, double North, double West, double East);

    private static readonly Lazy<FrozenDictionary<string, Extent>> Extents = new(() =>
        Gazetteer.Default.Entries
            .Where(e => e.Place == PlaceKind.City && e.Country is not null && e.Entity.Latitude is not null && e.Entity.Longitude is not null)
            .GroupBy(e => e.Country!, StringComparer.Ordinal)
            .Where(g => g.Count() >= 10)
            .ToFrozenDictionary(g => g.Key, g =>
            {
                var lat = g.Select(e => e.Entity.Latitude!.Value).Order().ToArray();
                var lon = g.Select(e => e.Entity.Longitude!.Value).Order().ToArray();
                return new Extent(Percentile(lat, 0.02), Percentile(lat, 0.98), Percentile(lon, 0.02), Percentile(lon, 0.98));
            }, StringComparer.Ordinal));

    /// <summary>A division's point: the middle (median) of its cities' points, by GeoNames division code.</summary>
    private static readonly Lazy<FrozenDictionary<string, (double Lat, double Lon)>> DivisionPoints = new(() =>
        Gazetteer.Default.Entries
            .Where(e => e.Place == PlaceKind.City && e.Admin1 is not null && e.Entity.Latitude is not null && e.Entity.Longitude is not null)
            .GroupBy(e => e.Admin1!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (
                Percentile([.. g.Select(e => e.Entity.Latitude!.Value).Order()], 0.5),
                Percentile([.. g.Select(e => e.Entity.Longitude!.Value).Order()], 0.5)), StringComparer.Ordinal));

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];

    /// <summary>
    /// Whether <paramref name="place"/> lies in the part of its country opposite the side <paramref name="country"/> names
    /// ("north-eastern Ukraine" and a city in its southern or western third); false when either says too little.
    /// </summary>
    public static bool Opposite(PlaceFacts country, PlaceFacts place)
    {
        if (country is not { Precision: "country", Side: { } side, Country: { } code } || place.Country != code || place.Precision == "country") return false;
        if (!Extents.Value.TryGetValue(code, out var extent) || PointOf(place) is not { } point) return false;
        var v = (point.Lat - extent.South) / Math.Max(extent.North - extent.South, 1e-6);
        var u = (point.Lon - extent.West) / Math.Max(extent.East - extent.West, 1e-6);
        var s = side.ToLowerInvariant();
        return (s.Contains("north", StringComparison.Ordinal) && v < OppositeShare)
            || (s.Contains("south", StringComparison.Ordinal) && v > 1 - OppositeShare)
            || (s.Contains("east", StringComparison.Ordinal) && u < OppositeShare)
            || (s.Contains("west", StringComparison.Ordinal) && u > 1 - OppositeShare);
    }

    private static (double Lat, double Lon)? PointOf(PlaceFacts place)
    {
        if (place.Precision is "point" or "city" && place.Latitude is double la && place.Longitude is double lo) return (la, lo);
        if (place.Precision != "admin1" || PlaceDivisions.Of(place) is not [var code]) return null;
        return DivisionPoints.Value.TryGetValue(code, out var p) ? p : null;
    }
}
