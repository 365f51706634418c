using System.Globalization;

namespace Crosscheck.Cli.Watch;

/// <summary>How often <c>watch</c> polls: a whole number of seconds, minutes or hours (30s, 5m, 1h).</summary>
internal static class WatchInterval
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>The interval <paramref name="text"/> names, or null with what is wrong in <paramref name="error"/> (naming <paramref name="option"/>).</summary>
    public static TimeSpan? Parse(string? text, out string? error, string option = "--every")
    {
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length >= 2 && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000)
        {
            TimeSpan? interval = char.ToLowerInvariant(value[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                _ => null,
            };
            if (interval is { } every)
            {
                if (every >= Shortest && every <= Longest) return every;
                error = $"{option} {value}: out of range (from 1s to 24h)";
                return null;
            }
        }
        error = $"{option} {value}: not an interval (a whole number and s, m or h, for example 30s, 5m or 1h)";
        return null;
    }

    /// <summary>The interval as a user writes it: 30s, 5m, 1h, or 1h30m.</summary>
    public static string Format(TimeSpan interval)
    {
        var seconds = (long)Math.Round(interval.TotalSeconds);
        if (seconds < 60) return seconds.ToString(CultureInfo.InvariantCulture) + "s";
        var parts = new List<string>();
        if (seconds >= 3600) parts.Add((seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h");
        if (seconds % 3600 / 60 > 0) parts.Add((seconds % 3600 / 60).ToString(CultureInfo.InvariantCulture) + "m");
        if (seconds % 60 > 0) parts.Add((seconds % 60).ToString(CultureInfo.InvariantCulture) + "s");
        return string.Concat(parts);
    }
}
