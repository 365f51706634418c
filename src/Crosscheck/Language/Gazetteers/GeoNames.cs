using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// GeoNames (geonames.org, CC BY 4.0) in the compact form Crosscheck ships: <see cref="Build"/> derives the
/// three files from the GeoNames dumps, deterministically; <see cref="ReadCountries"/> and friends read them back.
/// </summary>
internal static class GeoNames
{
    public const string CountriesFile = "geonames-countries.tsv";
    public const string Admin1File = "geonames-admin1.tsv";
    public const string CitiesFile = "geonames-cities.tsv";

    /// <summary>Cities at least this large keep their Latin-script alternate names; smaller ones keep only their own.</summary>
    public const long AlternatesFromPopulation = 100_000;

    private const string Notice = "# Derived from GeoNames (https://www.geonames.org/), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Attribution: \"GeoNames, geonames.org\". Made by `crosscheck gazetteer build-geo`; do not edit.";

    /// <summary>Reads countryInfo.txt, admin1CodesASCII.txt and cities15000.txt from <paramref name="from"/> and writes the compact files to <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Build(string from, string to)
    {
        var cities = ReadDump(Path.Combine(from, "cities15000.txt"))
            .Where(c => c.Length >= 19)
            .OrderBy(c => long.Parse(c[0], CultureInfo.InvariantCulture))
            .ToList();
        Directory.CreateDirectory(to);
        var written = new List<string>();

        var countries = new StringBuilder().Append(Notice).Append('\n')
            .Append("# iso2\tgeonameid\tname\tcapital\tpopulation\tlatitude\tlongitude (of the capital)\n");
        foreach (var c in ReadDump(Path.Combine(from, "countryInfo.txt")).Where(r => r.Length >= 17 && r[0].Length == 2).OrderBy(r => r[0], StringComparer.Ordinal))
        {
            var (iso, name, capital, population, id) = (c[0], c[4].Trim(), c[5].Trim(), c[7], c[16]);
            var capitalRow = cities.FirstOrDefault(r => r[8] == iso && r[7] == "PPLC")
                ?? cities.FirstOrDefault(r => r[8] == iso && capital.Length > 0 && (r[1] == capital || r[2] == capital));
            countries.Append(iso).Append('\t').Append(id).Append('\t').Append(name).Append('\t').Append(capital).Append('\t')
                .Append(population).Append('\t').Append(capitalRow?[4] ?? "").Append('\t').Append(capitalRow?[5] ?? "").Append('\n');
        }
        written.Add(Write(to, CountriesFile, countries));

        var admin1 = new StringBuilder().Append(Notice).Append('\n').Append("# code\tgeonameid\tname\tasciiname\n");
        foreach (var a in ReadDump(Path.Combine(from, "admin1CodesASCII.txt")).Where(r => r.Length >= 4).OrderBy(r => r[0], StringComparer.Ordinal))
        {
            admin1.Append(a[0]).Append('\t').Append(a[3]).Append('\t').Append(a[1]).Append('\t').Append(a[2]).Append('\n');
        }
        written.Add(Write(to, Admin1File, admin1));

        var out3 = new StringBuilder().Append(Notice).Append('\n')
            .Append("# geonameid\tname\tasciiname\tcountry\tadmin1\tpopulation\tlatitude\tlongitude\talternate names (Latin script, cities of ")
            .Append(AlternatesFromPopulation.ToString(CultureInfo.InvariantCulture)).Append(" people or more)\tKMU 2010 romanizations (Ukrainian cities)\n");
        foreach (var r in cities)
        {
            var population = long.Parse(r[14].Length == 0 ? "0" : r[14], CultureInfo.InvariantCulture);
            var alternates = population >= AlternatesFromPopulation ? UsefulAlternates(r[1], r[2], r[3]) : [];
            var romanized = r[8] == "UA" ? NewRomanizations(r, alternates) : [];
            out3.Append(r[0]).Append('\t').Append(r[1]).Append('\t').Append(r[2] == r[1] ? "" : r[2]).Append('\t').Append(r[8]).Append('\t')
                .Append(r[10]).Append('\t').Append(r[14]).Append('\t').Append(r[4]).Append('\t').Append(r[5]).Append('\t')
                .Append(string.Join(',', alternates)).Append('\t').Append(string.Join(',', romanized)).Append('\n');
        }
        written.Add(Write(to, CitiesFile, out3));
        return written;
    }

    /// <summary>
    /// The KMU 2010 spellings of a Ukrainian city's Ukrainian Cyrillic names (<see cref="UkrainianRomanization"/>) that
    /// its name, ASCII name, apostrophe-free ASCII name and kept alternates do not already give, for every city however small:
    /// GeoNames spells many in older, Russian-based ways ("Kostyantynivka", "Bilopillya") that news has left.
    /// </summary>
    internal static List<string> NewRomanizations(string[] row, IEnumerable<string> kept)
    {
        var seen = new HashSet<string>(NameFolding.Instance) { row[1], row[2] };
        if (WithoutApostrophes(row[2]) is { } plain) seen.Add(plain);
        seen.UnionWith(kept);
        return [.. UkrainianRomanization.RomanizedNames(row[3].Split(',')).Where(seen.Add)];
    }

    private static string Write(string dir, string name, StringBuilder content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static IEnumerable<string[]> ReadDump(string path)
    {
        if (!File.Exists(path)) throw new GazetteerException(path, 0, "missing (expected a GeoNames dump)");
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }

    /// <summary>
    /// The alternate names worth matching in English news: Latin script, capitalized, with lower-case
    /// letters (all-caps ones are mostly airport codes), one to four words, not the name again.
    /// </summary>
    internal static List<string> UsefulAlternates(string name, string ascii, string alternates)
    {
        var seen = new HashSet<string>(NameFolding.Instance) { name, ascii };
        var kept = new List<string>();
        foreach (var raw in alternates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Length < 3 || raw.Length > 40 || !char.IsUpper(raw[0])) continue;
            var lower = false;
            var words = 1;
            var ok = true;
            foreach (var c in raw)
            {
                if (c == ' ') words++;
                else if (char.IsLetter(c))
                {
                    if (!(c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF))) { ok = false; break; }
                    lower |= char.IsLower(c);
                }
                else if (c is not ('-' or '\'' or '’' or '.')) { ok = false; break; }
            }
            if (!ok || !lower || words > 4) continue;
            if (seen.Add(raw)) kept.Add(raw);
        }
        return kept;
    }

    public static IEnumerable<GazetteerEntry> ReadCountries(TextReader reader)
    {
        foreach (var c in Rows(reader, 7))
        {
            var id = int.Parse(c[1], CultureInfo.InvariantCulture);
            yield return new GazetteerEntry
            {
                Entity = new KnownEntity
                {
                    Key = "geo:" + c[1],
                    Name = c[2],
                    Type = EntityType.Gpe,
                    Country = c[0],
                    GeonameId = id,
                    Latitude = Coordinate(c[5]),
                    Longitude = Coordinate(c[6]),
                },
                Place = PlaceKind.Country,
                Population = c[4].Length == 0 ? 0 : long.Parse(c[4], CultureInfo.InvariantCulture),
                Capital = c[3].Length == 0 ? null : c[3],
            };
        }
    }

    public static IEnumerable<GazetteerEntry> ReadAdmin1(TextReader reader)
    {
        foreach (var a in Rows(reader, 4))
        {
            yield return new GazetteerEntry
            {
                Entity = new KnownEntity
                {
                    Key = "geo:" + a[1],
                    Name = a[2],
                    Type = EntityType.Gpe,
                    Country = a[0][..2],
                    GeonameId = int.Parse(a[1], CultureInfo.InvariantCulture),
                    Aliases = a[3] == a[2] ? ImmutableArray<string>.Empty : [a[3]],
                },
                Place = PlaceKind.Admin1,
                Admin1 = a[0],
            };
        }
    }

    public static IEnumerable<GazetteerEntry> ReadCities(TextReader reader)
    {
        foreach (var r in Rows(reader, 10))
        {
            var aliases = ImmutableArray.CreateBuilder<string>();
            if (r[2].Length > 0) aliases.Add(r[2]);
            if (r[8].Length > 0) aliases.AddRange(r[8].Split(','));
            if (WithoutApostrophes(r[2]) is { } plain && !aliases.Contains(plain)) aliases.Add(plain);
            // The KMU 2010 spellings are the city's own name in today's romanization, not another language's name for it:
            // they follow the GeoNames alternates, like a curated alias, so the guards on alternate names leave them alone.
            var alternateCount = aliases.Count;
            if (r[9].Length > 0) aliases.AddRange(r[9].Split(','));
            yield return new GazetteerEntry
            {
                Entity = new KnownEntity
                {
                    Key = "geo:" + r[0],
                    Name = r[1],
                    Type = EntityType.Gpe,
                    Country = r[3],
                    GeonameId = int.Parse(r[0], CultureInfo.InvariantCulture),
                    Latitude = Coordinate(r[6]),
                    Longitude = Coordinate(r[7]),
                    Aliases = aliases.ToImmutable(),
                },
                Place = PlaceKind.City,
                GeoNamesAliasCount = alternateCount,
                Population = r[5].Length == 0 ? 0 : long.Parse(r[5], CultureInfo.InvariantCulture),
                Admin1 = r[4].Length == 0 ? null : r[3] + "." + r[4],
            };
        }
    }

    /// <summary>
    /// The ASCII name without its apostrophes, when it has any: GeoNames writes the soft sign of a Cyrillic name as one
    /// ("Nikopol'", "Kramators'k") and the ayn of an Arabic one ("Sa'dah"), which English news leaves out ("Nikopol",
    /// "Kramatorsk"); null when there is none. Such a name is the city's own, so it is kept for every city, however small.
    /// </summary>
    internal static string? WithoutApostrophes(string ascii)
    {
        if (ascii.IndexOf('\'') < 0) return null;
        var plain = ascii.Replace("'", "", StringComparison.Ordinal);
        return plain.Length >= 3 && char.IsUpper(plain[0]) ? plain : null;
    }

    private static double? Coordinate(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(TextReader reader, int columns)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length != columns) throw new InvalidDataException($"GeoNames row with {cells.Length} cells instead of {columns}: {line}");
            yield return cells;
        }
    }
}
