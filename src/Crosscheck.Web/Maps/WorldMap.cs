using System.Globalization;
using System.Text;

namespace Crosscheck.Web.Maps;

/// <summary>A point of the map's drawing, in the units of its SVG view box.</summary>
internal readonly record struct MapPoint(double X, double Y);

/// <summary>
/// The world's countries drawn in SVG, in the Natural Earth projection (Šavrič, Jenny, Patterson and Jenny, 2011: a
/// polynomial pseudo-cylindrical projection made for small-scale world maps). The countries are world-atlas 2.0.2's
/// <c>countries-110m.json</c> (Natural Earth 1:110m, public domain), embedded in this assembly; their SVG is made once
/// per process and shared by every page that draws the map.
/// </summary>
internal sealed class WorldMap
{
    /// <summary>The drawing's width in view-box units; its height follows from the projection's aspect.</summary>
    public const double Width = 1000;

    // The projection's extent: x at longitude ±180° on the equator, y at the poles.
    private static readonly double HalfWidth = Raw(180, 0).X;
    private static readonly double HalfHeight = Raw(0, 90).Y;
    private static readonly double Scale = Width / 2 / HalfWidth;

    public static readonly double Height = Math.Round(2 * HalfHeight * Scale, 1);

    public const string ResourceName = "Crosscheck.Web.Maps.countries-110m.json";

    private static readonly Lazy<WorldMap> Shared = new(() => Load());

    /// <summary>The map of the embedded countries, read on first use.</summary>
    public static WorldMap Default => Shared.Value;

    private readonly Country[] _countries;

    private sealed record Country(GeoShape Shape, MapPoint[][] Rings, double MinX, double MinY, double MaxX, double MaxY);

    private WorldMap(IReadOnlyList<GeoShape> shapes)
    {
        _countries = [.. shapes.Select(shape =>
        {
            var rings = shape.Rings.SelectMany(Antimeridian.Cut).Select(Densified).Select(r => r.Select(p => Project(p.Lon, p.Lat)).ToArray()).ToArray();
            var all = rings.SelectMany(r => r).ToList();
            return new Country(shape, rings, all.Min(p => p.X), all.Min(p => p.Y), all.Max(p => p.X), all.Max(p => p.Y));
        })];
        CountryLayer = DrawCountries();
    }

    public static WorldMap Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from the build");
        return new WorldMap(TopoJson.ReadPolygons(stream, "countries"));
    }

    /// <summary>How many countries the map draws.</summary>
    public int CountryCount => _countries.Length;

    /// <summary>The SVG of the globe's outline and every country (a <c>g</c> element), the same string for every page.</summary>
    public string CountryLayer { get; }

    /// <summary>Where a point of the earth is drawn, in view-box units (y down).</summary>
    public static MapPoint Project(double lon, double lat)
    {
        var (x, y) = Raw(Math.Clamp(lon, -180, 180), Math.Clamp(lat, -90, 90));
        return new MapPoint(Width / 2 + x * Scale, Height / 2 - y * Scale);
    }

    /// <summary>The Natural Earth projection of a point in degrees, in its own units (the equator's half-length is 0.8707π).</summary>
    private static (double X, double Y) Raw(double lonDegrees, double latDegrees)
    {
        var lambda = lonDegrees * Math.PI / 180;
        var phi = latDegrees * Math.PI / 180;
        var phi2 = phi * phi;
        var phi4 = phi2 * phi2;
        return (lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
                phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))));
    }

    /// <summary>The country a point of the drawing falls in, if any (even-odd rule over its rings, so holes count as outside).</summary>
    public GeoShape? CountryAt(MapPoint point)
    {
        foreach (var c in _countries)
        {
            if (point.X < c.MinX || point.X > c.MaxX || point.Y < c.MinY || point.Y > c.MaxY) continue;
            var inside = false;
            foreach (var ring in c.Rings)
            {
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (a, b) = (ring[i], ring[j]);
                    if ((a.Y > point.Y) != (b.Y > point.Y) && point.X < (b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
                }
            }
            if (inside) return c.Shape;
        }
        return null;
    }

    /// <summary>
    /// The ring with points added every degree along an edge on the map's edge (±180°), which the projection draws as a
    /// curve, not a straight line.
    /// </summary>
    private static GeoPoint[] Densified(GeoPoint[] ring)
    {
        var points = new List<GeoPoint>(ring.Length);
        for (var i = 0; i < ring.Length; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Length]);
            points.Add(a);
            if (Math.Abs(a.Lon) != 180 || a.Lon != b.Lon) continue;
            var steps = (int)Math.Abs(b.Lat - a.Lat);
            for (var k = 1; k < steps; k++) points.Add(new GeoPoint(a.Lon, a.Lat + (b.Lat - a.Lat) * k / steps));
        }
        return [.. points];
    }

    private string DrawCountries()
    {
        var svg = new StringBuilder();
        svg.Append("""<g class="world">""");
        // The globe's edge: the meridians ±180° from pole to pole.
        var edge = new List<MapPoint>();
        for (var lat = -90; lat <= 90; lat += 2) edge.Add(Project(-180, lat));
        for (var lat = 90; lat >= -90; lat -= 2) edge.Add(Project(180, lat));
        svg.Append("""<path class="sphere" d=""").Append('"').Append(PathData([[.. edge]])).Append("\"/>");
        foreach (var c in _countries)
        {
            svg.Append("""<path class="country" d=""").Append('"').Append(PathData(c.Rings)).Append('"');
            if (c.Shape.Id is { } id) svg.Append(" data-id=\"").Append(HtmlPage.Attr(id)).Append('"');
            svg.Append("><title>").Append(HtmlPage.Encode(c.Shape.Name)).Append("</title></path>");
        }
        svg.Append("</g>");
        return svg.ToString();
    }

    /// <summary>Rings as path data in tenths of a unit: an absolute move, then relative lines, repeated points dropped.</summary>
    private static string PathData(IEnumerable<MapPoint[]> rings)
    {
        var d = new StringBuilder();
        foreach (var ring in rings)
        {
            if (ring.Length < 3) continue;
            var (px, py) = (Tenths(ring[0].X), Tenths(ring[0].Y));
            var lines = new StringBuilder();
            for (var i = 1; i < ring.Length; i++)
            {
                var (x, y) = (Tenths(ring[i].X), Tenths(ring[i].Y));
                if (x == px && y == py) continue;
                if (lines.Length > 0) lines.Append(' ');
                lines.Append(Format(x - px)).Append(' ').Append(Format(y - py));
                (px, py) = (x, y);
            }
            // A ring smaller than a tenth of a unit draws nothing.
            if (lines.Length == 0) continue;
            d.Append('M').Append(Format(Tenths(ring[0].X))).Append(' ').Append(Format(Tenths(ring[0].Y))).Append('l').Append(lines);
            d.Append('z');
        }
        return d.ToString();
    }

    private static long Tenths(double v) => (long)Math.Round(v * 10, MidpointRounding.AwayFromZero);

    private static string Format(long tenths) => (tenths / 10m).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// Cuts rings that cross the antimeridian (Fiji, Russia's far east, Antarctica) at ±180°, as a flat map needs: the ring
/// is unwrapped so that no step jumps more than 180° of longitude, a ring around a pole is closed over the pole, and
/// the result (and its copies shifted by 360°) is clipped to the strip from −180° to 180°.
/// </summary>
internal static class Antimeridian
{
    public static IEnumerable<GeoPoint[]> Cut(GeoPoint[] ring)
    {
        if (ring.Length < 3) yield break;
        var unwrapped = new List<GeoPoint>(ring.Length + 4) { ring[0] };
        for (var i = 1; i < ring.Length; i++)
        {
            var previous = unwrapped[^1].Lon;
            var lon = ring[i].Lon;
            while (lon - previous > 180) lon -= 360;
            while (lon - previous < -180) lon += 360;
            unwrapped.Add(new GeoPoint(lon, ring[i].Lat));
        }
        // A closed ring that comes back 360° away from where it started goes around a pole: close it over that pole.
        var turn = unwrapped[^1].Lon - unwrapped[0].Lon;
        if (Math.Abs(turn) > 180)
        {
            var pole = unwrapped.Average(p => p.Lat) < 0 ? -90 : 90;
            unwrapped.Add(new GeoPoint(unwrapped[^1].Lon, pole));
            unwrapped.Add(new GeoPoint(unwrapped[0].Lon, pole));
        }
        var min = unwrapped.Min(p => p.Lon);
        var max = unwrapped.Max(p => p.Lon);
        if (min >= -180 && max <= 180)
        {
            yield return [.. unwrapped];
            yield break;
        }
        foreach (var shift in new[] { -720, -360, 0, 360, 720 })
        {
            if (max + shift <= -180 || min + shift >= 180) continue;
            var shifted = unwrapped.Select(p => new GeoPoint(p.Lon + shift, p.Lat)).ToList();
            var clipped = Clip(Clip(shifted, -180, keepAbove: true), 180, keepAbove: false);
            if (clipped.Count >= 3) yield return [.. clipped];
        }
    }

    /// <summary>One step of Sutherland–Hodgman: the part of the polygon east (or west) of a meridian.</summary>
    private static List<GeoPoint> Clip(List<GeoPoint> polygon, double meridian, bool keepAbove)
    {
        var kept = new List<GeoPoint>(polygon.Count + 4);
        bool Inside(GeoPoint p) => keepAbove ? p.Lon >= meridian : p.Lon <= meridian;
        for (var i = 0; i < polygon.Count; i++)
        {
            var (a, b) = (polygon[i], polygon[(i + 1) % polygon.Count]);
            var (inA, inB) = (Inside(a), Inside(b));
            if (inA) kept.Add(a);
            if (inA != inB && a.Lon != b.Lon)
            {
                var t = (meridian - a.Lon) / (b.Lon - a.Lon);
                kept.Add(new GeoPoint(meridian, a.Lat + t * (b.Lat - a.Lat)));
            }
        }
        return kept;
    }
}
