using System.Globalization;

namespace Crosscheck.Web;

/// <summary>A validated window on a list: <c>offset</c> from the start, at most <c>limit</c> items.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// Parses the raw query values; binding them as strings lets a bad value become a 400 problem
    /// that says what was wrong instead of the framework's bare 400.
    /// </summary>
    public static bool TryParse(string? offset, string? limit, out Paging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var o = 0;
        var l = DefaultLimit;
        if (!string.IsNullOrEmpty(offset) && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out o) || o < 0))
        {
            errors["offset"] = ["offset must be a whole number, 0 or more."];
        }
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out l) || l < 1 || l > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }
        paging = new Paging(o, l);
        return errors.Count == 0;
    }
}
