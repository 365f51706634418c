using System.Globalization;

namespace Crosscheck.Documents;

/// <summary>Publication dates as pages and feeds write them: ISO 8601, RFC 822/1123, and common long forms.</summary>
internal static class DateParsing
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyyMMdd",
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UTC'", "ddd, d MMM yyyy HH:mm:ss 'Z'",
        "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd, MMMM d, yyyy", "dddd d MMMM yyyy",
    ];

    private static readonly string[] Zones = ["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UT", "UTC", "BST"];

    /// <summary>The calendar date the string names, in the writer's own time zone; null when it names none.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        foreach (var zone in Zones)
        {
            if (v.EndsWith(" " + zone, StringComparison.Ordinal)) { v = v[..^(zone.Length + 1)]; break; }
        }
        if (DateTimeOffset.TryParseExact(v, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }
        // "2025-11-04T09:30:00+00:00" with variations: the date part is what matters.
        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }
        return null;
    }
}
