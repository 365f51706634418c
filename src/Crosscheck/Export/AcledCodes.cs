using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;
using Crosscheck.Linking;

namespace Crosscheck.Export;

/// <summary>
/// ACLED's coded columns from what the record knows, after the tables in <c>data/export</c>: a country's numeric ISO
/// code and ACLED region (<c>acled-countries.tsv</c>), an actor's inter code (<c>acled-actors.txt</c>), and the
/// interaction, geographic precision and source scale codes. Read once per process.
/// </summary>
internal static class AcledCodes
{
    /// <summary>The inter code <c>state</c> lines stand for before the actor's country decides between 1 and 8.</summary>
    private const int State = -1;

    private static readonly Lazy<FrozenDictionary<string, (int Iso, string Region)>> Countries = new(ReadCountries);
    private static readonly Lazy<ActorRules> Actors = new(ReadActors);
    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry>> Outlets = new(IndexOutlets);

    private sealed record ActorRules(FrozenDictionary<string, int> ByKey, IReadOnlyList<(int Code, string[] Words)> ByWords);

    /// <summary>ACLED's <c>iso</c> (ISO 3166-1 numeric) of a country; null when the table lacks it.</summary>
    public static int? Iso(string? iso2) => iso2 is not null && Countries.Value.TryGetValue(iso2, out var c) ? c.Iso : null;

    /// <summary>ACLED's region of a country ("Middle East"); null when the table lacks it.</summary>
    public static string? Region(string? iso2) => iso2 is not null && Countries.Value.TryGetValue(iso2, out var c) ? c.Region : null;

    /// <summary>
    /// ACLED's inter code of an actor in an event placed in <paramref name="eventCountry"/> (see <c>acled-actors.txt</c>):
    /// 1..8, or 0 when unknown.
    /// </summary>
    public static int Inter(ParticipantFacts? actor, string? eventCountry)
    {
        if (actor is null) return 0;
        var rules = Actors.Value;
        // Merge keys of gazetteer entities are "k:" and the entry's key (EntityIndex); others are not in the gazetteer.
        var key = actor.EntityKey is { } k && k.StartsWith("k:", StringComparison.Ordinal) ? k[2..] : null;
        var entry = key is not null ? Gazetteer.Default.Find(key) : null;
        int code;
        if (key is not null && rules.ByKey.TryGetValue(key, out var byKey)) code = byKey;
        else if (ByWords(rules, actor.Text) is { } byWords) code = byWords;
        // A country named as an actor stands for its state ("the United States"); a city ("Washington") is left unknown.
        else if (entry is { Type: EntityType.Org, Country: not null } or { Type: EntityType.Gpe, Place: PlaceKind.Country }) code = State;
        else if (entry is { Type: EntityType.Org, Country: null }) code = 8;
        else code = 0;
        if (code != State) return code;
        var country = actor.Country ?? entry?.Country;
        return country is not null && eventCountry is not null && country != eventCountry ? 8 : 1;
    }

    private static int? ByWords(ActorRules rules, string text)
    {
        var words = " " + Words(text) + " ";
        foreach (var (code, alternatives) in rules.ByWords)
        {
            if (alternatives.Any(w => words.Contains(" " + w + " ", StringComparison.Ordinal))) return code;
        }
        return null;
    }

    /// <summary>Lower-case letters and digits, every other run of characters one space.</summary>
    private static string Words(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) b.Append(char.ToLowerInvariant(c));
            else if (b.Length > 0 && b[^1] != ' ') b.Append(' ');
        }
        return b.ToString().Trim();
    }

    /// <summary>
    /// ACLED's interaction: the two inter codes as one number, the smaller first (13, not 31), a one-sided event as
    /// its code and 0 (20); empty when neither actor's type is known.
    /// </summary>
    public static string Interaction(int inter1, int inter2)
    {
        if (inter1 == 0 && inter2 == 0) return "";
        if (inter1 == 0 || inter2 == 0) return (Math.Max(inter1, inter2) * 10).ToString(CultureInfo.InvariantCulture);
        return (Math.Min(inter1, inter2) * 10 + Math.Max(inter1, inter2)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>ACLED's geo_precision: 1 a town or city, 2 a division (a part of a region), 3 a country, a sea or a broader area; empty for no place.</summary>
    public static string GeoPrecision(PlaceFacts? place) => place?.Precision switch
    {
        null => "",
        "city" => "1",
        "admin1" => "2",
        _ => "3",
    };

    /// <summary>
    /// The first-level division of a place, by the gazetteer: the division itself, or the division of the city when
    /// every city of that name in the country lies in one division; empty when unknown.
    /// </summary>
    public static string Admin1(PlaceFacts? place)
    {
        if (place is null) return "";
        if (place.Precision == "admin1") return place.Name;
        if (PlaceDivisions.Of(place) is not [var code]) return "";
        return Divisions.Value.GetValueOrDefault(code, "");
    }

    private static readonly Lazy<FrozenDictionary<string, string>> Divisions = new(() =>
        Gazetteer.Default.Entries.Where(e => e.Place == PlaceKind.Admin1 && e.Admin1 is not null)
            .GroupBy(e => e.Admin1!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));

    /// <summary>
    /// ACLED's source_scale of the outlets: National for an outlet the gazetteer places in the event's country,
    /// International for one placed elsewhere, Other for an outlet it does not know (or an event in no country);
    /// several kinds joined with "-" in that order ("National-International"); empty for no outlet.
    /// </summary>
    public static string SourceScale(IEnumerable<string> outlets, string? eventCountry)
    {
        bool national = false, international = false, other = false;
        foreach (var outlet in outlets)
        {
            var country = Outlets.Value.GetValueOrDefault(outlet)?.Country;
            if (country is null || eventCountry is null) other = true;
            else if (country == eventCountry) national = true;
            else international = true;
        }
        var kinds = new List<string>(3);
        if (national) kinds.Add("National");
        if (international) kinds.Add("International");
        if (other) kinds.Add("Other");
        return string.Join('-', kinds);
    }

    private static FrozenDictionary<string, GazetteerEntry> IndexOutlets()
    {
        var byName = new Dictionary<string, GazetteerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Gazetteer.Default.Entries.Where(e => e.Type == EntityType.Outlet))
        {
            byName.TryAdd(e.Name, e);
            foreach (var alias in e.Entity.Aliases) byName.TryAdd(alias, e);
        }
        return byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Lines(string file)
    {
        using var stream = typeof(AcledCodes).Assembly.GetManifestResourceStream("Crosscheck.Export." + file)
            ?? throw new InvalidOperationException($"data/export/{file} is not embedded in the Crosscheck library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        }
        return lines;
    }

    private static FrozenDictionary<string, (int Iso, string Region)> ReadCountries() =>
        Lines("acled-countries.tsv").Select(l => l.Split('\t'))
            .Select(c => c.Length == 3 ? c : throw new InvalidDataException($"data/export/acled-countries.tsv: a row needs 3 cells: {string.Join('\t', c)}"))
            .ToFrozenDictionary(c => c[0], c => (int.Parse(c[1], CultureInfo.InvariantCulture), c[2]), StringComparer.Ordinal);

    private static ActorRules ReadActors()
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byWords = new List<(int, string[])>();
        foreach (var line in Lines("acled-actors.txt"))
        {
            if (line.Trim().Length == 0) continue;
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 2) throw new InvalidDataException($"data/export/acled-actors.txt: a line needs 'code | key or words': {line}");
            var code = cells[0] == "state" ? State
                : int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8 ? n
                : throw new InvalidDataException($"data/export/acled-actors.txt: the code is 1 to 8 or 'state': {line}");
            if (cells[1].StartsWith("actor:", StringComparison.Ordinal)) byKey[cells[1]] = code;
            else byWords.Add((code, cells[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Words).ToArray()));
        }
        return new ActorRules(byKey.ToFrozenDictionary(StringComparer.Ordinal), byWords);
    }
}
