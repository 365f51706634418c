namespace Crosscheck.Language.Gazetteers;

/// <summary>Great-circle distances between two points given in degrees (haversine, on a sphere).</summary>
public static class GeoDistance
{
    /// <summary>The mean Earth radius in kilometres.</summary>
    public const double EarthRadiusKm = 6371;

    /// <summary>The angle between the two points, in radians.</summary>
    public static double Radians(double lat1, double lon1, double lat2, double lon2)
    {
        static double R(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(R(lat2 - lat1) / 2), 2) + Math.Cos(R(lat1)) * Math.Cos(R(lat2)) * Math.Pow(Math.Sin(R(lon2 - lon1) / 2), 2);
        return 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The distance between the two points, in kilometres.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2) => EarthRadiusKm * Radians(lat1, lon1, lat2, lon2);
}
