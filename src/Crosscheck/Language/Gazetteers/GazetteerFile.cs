using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Language.Gazetteers;

/// <summary>One entity line of a curated or user gazetteer file, before merging.</summary>
internal sealed record EntityRecord(string File, int Line, string? Key, string Name)
{
    public EntityType? Type { get; init; }
    public string? Country { get; init; }
    public List<string> Aliases { get; init; } = [];
    public List<string> Titles { get; init; } = [];
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public PlaceKind Place { get; init; }
    public long Population { get; init; }
    public int? GeonameId { get; init; }
    /// <summary>The key of the place this one lies within (<c>within=place:pacific-ocean</c> for the Eastern Pacific).</summary>
    public string? Within { get; init; }
    /// <summary>How far from its point a sea's shores lie at most, in km (<c>reach=1200</c> for the Red Sea); null when not given.</summary>
    public double? Reach { get; init; }
}

/// <summary>Everything read from gazetteer files, in reading order.</summary>
internal sealed class GazetteerSource
{
    public List<EntityRecord> Entities { get; } = [];
    public List<(string File, int Line, TitleEntry Title)> Titles { get; } = [];
    public HashSet<string> AmbiguousWords { get; } = new(NameFolding.Instance);
    public HashSet<string> PersonNames { get; } = new(NameFolding.Instance);
}

/// <summary>
/// Reads the line format of data/gazetteers (see its README): <c>#</c> comments, <c>@entities</c>,
/// <c>@titles</c>, <c>@ambiguous</c> or <c>@names</c> to say what the following lines hold, and cells separated by <c>|</c>.
/// Every problem is a <see cref="GazetteerException"/> naming the file and line.
/// </summary>
internal static class GazetteerFile
{
    private enum Section { Entities, Titles, Ambiguous, Names }

    public static void Read(string file, TextReader reader, GazetteerSource into)
    {
        var section = Section.Entities;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '@')
            {
                section = line switch
                {
                    "@entities" => Section.Entities,
                    "@titles" => Section.Titles,
                    "@ambiguous" => Section.Ambiguous,
                    "@names" => Section.Names,
                    _ => throw new GazetteerException(file, lineNumber, $"unknown section '{line}' (expected @entities, @titles, @ambiguous or @names)"),
                };
                continue;
            }
            switch (section)
            {
                case Section.Entities:
                    into.Entities.Add(ParseEntity(file, lineNumber, line));
                    break;
                case Section.Titles:
                    into.Titles.Add((file, lineNumber, ParseTitle(file, lineNumber, line)));
                    break;
                default:
                    var words = section == Section.Names ? into.PersonNames : into.AmbiguousWords;
                    foreach (var word in line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)) words.Add(word);
                    break;
            }
        }
    }

    public static void ReadFile(string path, GazetteerSource into)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Read(path, reader, into);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GazetteerException(path, $"cannot read ({ex.Message})", ex);
        }
    }

    private static EntityRecord ParseEntity(string file, int line, string text)
    {
        var cells = Cells(text);
        if (cells.Length < 4)
            throw new GazetteerException(file, line, $"expected 'key | TYPE | country | name | aliases | field=value...', found {cells.Length} cell(s)");
        var key = cells[0].Length == 0 ? null : cells[0];
        if (key is not null && !IsKey(key))
            throw new GazetteerException(file, line, $"key '{key}' must be 'prefix:name' without spaces");
        EntityType? type = null;
        if (cells[1].Length > 0)
        {
            if (!EntityTypes.TryParse(cells[1], out var t))
                throw new GazetteerException(file, line, $"unknown type '{cells[1]}' (expected one of {string.Join(", ", Enum.GetValues<EntityType>().Select(EntityTypes.Name))})");
            type = t;
        }
        var country = ParseCountry(file, line, cells[2], allowNational: false);
        var name = cells[3];
        if (key is null && (name.Length == 0 || type is null))
            throw new GazetteerException(file, line, "a line without a key needs a type and a name");
        var record = new EntityRecord(file, line, key, name) { Type = type, Country = country };
        if (cells.Length > 4) record.Aliases.AddRange(List(cells[4]));

        double? lat = null, lon = null;
        var place = PlaceKind.None;
        long population = 0;
        int? geonameId = null;
        string? within = null;
        double? reach = null;
        for (var i = 5; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.Length == 0) continue;
            var eq = cell.IndexOf('=');
            if (eq <= 0) throw new GazetteerException(file, line, $"cell {i + 1} '{cell}' should be field=value (lat, lon, place, titles, population, geonameid, within, reach)");
            var field = cell[..eq].Trim();
            var value = cell[(eq + 1)..].Trim();
            switch (field)
            {
                case "lat": lat = ParseDouble(file, line, field, value, 90); break;
                case "lon": lon = ParseDouble(file, line, field, value, 180); break;
                case "place":
                    if (!Enum.TryParse<PlaceKind>(value, ignoreCase: true, out place) || place == PlaceKind.None)
                        throw new GazetteerException(file, line, $"place '{value}' should be city, admin1, country, sea or region");
                    break;
                case "titles": record.Titles.AddRange(List(value)); break;
                case "population":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out population))
                        throw new GazetteerException(file, line, $"population '{value}' is not a whole number");
                    break;
                case "geonameid":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                        throw new GazetteerException(file, line, $"geonameid '{value}' is not a whole number");
                    geonameId = id;
                    break;
                case "within":
                    if (!IsKey(value)) throw new GazetteerException(file, line, $"within '{value}' should be the key of a place (prefix:name)");
                    within = value;
                    break;
                case "reach":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) || km <= 0)
                        throw new GazetteerException(file, line, $"reach '{value}' should be a distance in km above 0");
                    reach = km;
                    break;
                default:
                    throw new GazetteerException(file, line, $"unknown field '{field}' (expected lat, lon, place, titles, population, geonameid, within, reach)");
            }
        }
        if (lat is null != lon is null) throw new GazetteerException(file, line, "give both lat and lon, or neither");
        return record with { Latitude = lat, Longitude = lon, Place = place, Population = population, GeonameId = geonameId, Within = within, Reach = reach };
    }

    private static TitleEntry ParseTitle(string file, int line, string text)
    {
        var cells = Cells(text);
        if (cells.Length < 3)
            throw new GazetteerException(file, line, $"expected 'Canonical title | country or * | single or many | variants | org=key', found {cells.Length} cell(s)");
        if (cells[0].Length == 0) throw new GazetteerException(file, line, "the canonical title is empty");
        var national = cells[1] == "*";
        var country = national ? null : ParseCountry(file, line, cells[1], allowNational: true);
        var single = cells[2] switch
        {
            "single" => true,
            "many" => false,
            _ => throw new GazetteerException(file, line, $"'{cells[2]}' should be 'single' (one holder at a time) or 'many'"),
        };
        string? org = null;
        for (var i = 4; i < cells.Length; i++)
        {
            if (cells[i].Length == 0) continue;
            if (!cells[i].StartsWith("org=", StringComparison.Ordinal) || !IsKey(cells[i][4..].Trim()))
                throw new GazetteerException(file, line, $"cell {i + 1} '{cells[i]}' should be org=prefix:name");
            org = cells[i][4..].Trim();
        }
        return new TitleEntry
        {
            Canonical = cells[0],
            Country = country,
            IsNational = national,
            SingleHolder = single,
            Variants = cells.Length > 3 ? [.. List(cells[3])] : ImmutableArray<string>.Empty,
            Organization = org,
        };
    }

    private static string? ParseCountry(string file, int line, string cell, bool allowNational)
    {
        if (cell.Length == 0 || cell == "-") return null;
        if (cell.Length != 2 || !char.IsAsciiLetterUpper(cell[0]) || !char.IsAsciiLetterUpper(cell[1]))
            throw new GazetteerException(file, line, $"country '{cell}' should be an ISO 3166-1 alpha-2 code like MX, or -{(allowNational ? " or *" : "")}");
        return cell;
    }

    private static double ParseDouble(string file, int line, string field, string value, double limit)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.Abs(d) > limit)
            throw new GazetteerException(file, line, $"{field} '{value}' is not a number within ±{limit}");
        return d;
    }

    private static string[] Cells(string line)
    {
        var cells = line.Split('|');
        for (var i = 0; i < cells.Length; i++) cells[i] = cells[i].Trim();
        return cells;
    }

    private static IEnumerable<string> List(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool IsKey(string key)
    {
        var colon = key.IndexOf(':');
        if (colon <= 0 || colon == key.Length - 1) return false;
        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || c == '|' || c == ';') return false;
        }
        return true;
    }

    /// <summary>A key-friendly form of a name: "Pete Hegseth" is "pete-hegseth".</summary>
    internal static string Slug(string name)
    {
        var folded = NameFolding.FoldAll(name);
        var chars = new List<char>(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) chars.Add(c);
            else if (chars.Count > 0 && chars[^1] != '-') chars.Add('-');
        }
        while (chars.Count > 0 && chars[^1] == '-') chars.RemoveAt(chars.Count - 1);
        return new string([.. chars]);
    }
}
