using System.Text.Json;

namespace Crosscheck.Web.Maps;

/// <summary>A named area of a topology: its rings of [longitude, latitude] (outer rings and holes alike).</summary>
internal sealed record GeoShape(string? Id, string Name, IReadOnlyList<GeoPoint[]> Rings);

/// <summary>A point in degrees.</summary>
internal readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>
/// Reads the polygons of a TopoJSON topology (https://github.com/topojson/topojson-specification): arcs are shared
/// lines, quantized to integers and delta-encoded when the topology has a transform; a ring is a list of arc indices,
/// a negative index <c>~i</c> naming arc <c>i</c> reversed. Each arc after a ring's first repeats the previous arc's
/// last point, which is dropped.
/// </summary>
internal static class TopoJson
{
    public static IReadOnlyList<GeoShape> ReadPolygons(Stream json, string objectName)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology") throw new FormatException("not a TopoJSON topology");
        var arcs = DecodeArcs(root);
        if (!root.GetProperty("objects").TryGetProperty(objectName, out var collection)) throw new FormatException($"the topology has no object '{objectName}'");

        var shapes = new List<GeoShape>();
        foreach (var geometry in collection.GetProperty("geometries").EnumerateArray())
        {
            var rings = new List<GeoPoint[]>();
            switch (geometry.GetProperty("type").GetString())
            {
                case "Polygon":
                    foreach (var ring in geometry.GetProperty("arcs").EnumerateArray()) rings.Add(Ring(ring, arcs));
                    break;
                case "MultiPolygon":
                    foreach (var polygon in geometry.GetProperty("arcs").EnumerateArray())
                        foreach (var ring in polygon.EnumerateArray()) rings.Add(Ring(ring, arcs));
                    break;
                default:
                    continue; // points, lines and empty geometries have no area to draw
            }
            var id = geometry.TryGetProperty("id", out var idValue) ? idValue.ToString() : null;
            var name = geometry.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            shapes.Add(new GeoShape(id, name, rings));
        }
        return shapes;
    }

    /// <summary>Every arc as absolute degrees, undoing the quantization and delta encoding when there is a transform.</summary>
    private static GeoPoint[][] DecodeArcs(JsonElement root)
    {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = root.TryGetProperty("transform", out var transform);
        if (quantized)
        {
            var scale = transform.GetProperty("scale");
            var translate = transform.GetProperty("translate");
            (sx, sy) = (scale[0].GetDouble(), scale[1].GetDouble());
            (tx, ty) = (translate[0].GetDouble(), translate[1].GetDouble());
        }
        var arcs = new List<GeoPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new GeoPoint[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (quantized)
                {
                    x += position[0].GetDouble();
                    y += position[1].GetDouble();
                    points[i++] = new GeoPoint(x * sx + tx, y * sy + ty);
                }
                else points[i++] = new GeoPoint(position[0].GetDouble(), position[1].GetDouble());
            }
            arcs.Add(points);
        }
        return [.. arcs];
    }

    private static GeoPoint[] Ring(JsonElement indices, GeoPoint[][] arcs)
    {
        var ring = new List<GeoPoint>();
        foreach (var index in indices.EnumerateArray())
        {
            var i = index.GetInt32();
            var arc = arcs[i >= 0 ? i : ~i];
            var skip = ring.Count > 0 ? 1 : 0;
            if (i >= 0) for (var k = skip; k < arc.Length; k++) ring.Add(arc[k]);
            else for (var k = arc.Length - 1 - skip; k >= 0; k--) ring.Add(arc[k]);
        }
        return [.. ring];
    }
}
