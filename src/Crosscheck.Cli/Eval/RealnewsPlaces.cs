using Crosscheck.Language.Gazetteers;
using Crosscheck.Linking;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// Whether a record incident's place agrees with a gold incident's place, for <c>eval realnews</c>'s incident
/// figures. The gold place is read with the gazetteer: its countries (the <c>country</c> field, "A/B border" being
/// both) and the first-level divisions of the cities and divisions its name and city name (within those countries).
/// A record place agrees when the gold place names it (its gazetteer name or the article's words, accents ignored,
/// three letters or more); or it is a country the gold place lies in; or it is a city or division in a first-level
/// division the gold place names or lies in. A sea agrees only when named; a city elsewhere in the same country does not.
/// </summary>
internal sealed class RealnewsPlaces
{
    /// <summary>What a gold place covers: ISO country codes, GeoNames first-level division codes ("TH.30"), and its words.</summary>
    internal sealed record Area(HashSet<string> Countries, HashSet<string> Divisions, string Words);

    private readonly Dictionary<string, List<GazetteerEntry>> _byName = new(NameFolding.Instance);
    private readonly Dictionary<(string Place, string Country), Area> _areas = [];

    public RealnewsPlaces(Gazetteer gazetteer)
    {
        foreach (var entry in gazetteer.Entries)
        {
            if (entry.Place is not (PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Country)) continue;
            foreach (var name in entry.Entity.Aliases.Prepend(entry.Name).Distinct(NameFolding.Instance))
            {
                if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = [];
                list.Add(entry);
            }
        }
    }

    public static RealnewsPlaces Default { get; } = new(Gazetteer.Default);

    public Area AreaOf(RealnewsGold.Incident incident)
    {
        lock (_areas)
        {
            if (!_areas.TryGetValue((incident.Place, incident.Country), out var area)) _areas[(incident.Place, incident.Country)] = area = Read(incident);
            return area;
        }
    }

    private Area Read(RealnewsGold.Incident incident)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in incident.Country.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.EndsWith(" border", StringComparison.OrdinalIgnoreCase) ? part[..^" border".Length] : part;
            foreach (var e in Lookup(name).Where(e => e.Place == PlaceKind.Country && e.Country is not null)) countries.Add(e.Country!);
        }
        var divisions = new HashSet<string>(StringComparer.Ordinal);
        var words = Words(incident.Place);
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = 1; n <= 4 && i + n <= words.Count; n++)
            {
                foreach (var e in Lookup(string.Join(' ', words.Skip(i).Take(n))))
                {
                    if (e.Place is PlaceKind.City or PlaceKind.Admin1 && e.Admin1 is { } code && (countries.Count == 0 || countries.Contains(e.Country ?? ""))) divisions.Add(code);
                }
            }
        }
        return new Area(countries, divisions, incident.Place);
    }

    /// <summary>Whether the record's place agrees with the gold area (see the class summary).</summary>
    public bool Agrees(PlaceFacts? place, Area gold)
    {
        if (place is null) return false;
        if (RealnewsMatch.Named(gold.Words, place.Name, place.Text)) return true;
        return place.Precision switch
        {
            "country" => place.Country is { } c && gold.Countries.Contains(c),
            "city" or "point" or "admin1" => DivisionsOf(place).Overlaps(gold.Divisions),
            _ => false,
        };
    }

    /// <summary>The first-level divisions a record place lies in: of the gazetteer's cities or divisions of its name in its country.</summary>
    public HashSet<string> DivisionsOf(PlaceFacts place)
    {
        var kind = place.Precision == "admin1" ? PlaceKind.Admin1 : PlaceKind.City;
        return [.. Lookup(place.Name).Where(e => e.Place == kind && e.Country == place.Country && e.Admin1 is not null).Select(e => e.Admin1!)];
    }

    private List<GazetteerEntry> Lookup(string name) => _byName.TryGetValue(name.Trim(), out var list) ? list : [];

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '\u2019' or '-' && start >= 0);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }
}
