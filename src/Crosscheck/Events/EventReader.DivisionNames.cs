using System.Collections.Frozen;
using System.Text;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// First-level divisions by name: the gazetteer's divisions by code and by consonant skeleton, so that romanizations agree.
public sealed partial class EventReader
{
    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry>> DivisionByCode = new(() =>
        Gazetteer.Default.Entries.Where(e => e.Place == PlaceKind.Admin1 && e.Admin1 is not null)
            .GroupBy(e => e.Admin1!, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>
    /// First-level divisions by country and <see cref="Skeleton"/> of their names (a trailing "Province" left off); a
    /// skeleton two divisions of one country share names neither.
    /// </summary>
    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry?>> DivisionBySkeleton = new(() =>
    {
        var index = new Dictionary<string, GazetteerEntry?>(StringComparer.Ordinal);
        foreach (var e in Gazetteer.Default.Entries)
        {
            if (e.Place != PlaceKind.Admin1 || e.Country is null) continue;
            foreach (var name in e.Entity.Aliases.Prepend(e.Name).SelectMany(CompassForms).Distinct())
            {
                var key = e.Country + "|" + Skeleton(WithoutDivisionNoun(name));
                if (index.TryGetValue(key, out var other)) { if (!ReferenceEquals(other, e)) index[key] = null; }
                else index[key] = e;
            }
        }
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>Compass words a division's name may open with, and the other form news writes them in ("Northern Darfur" is "North Darfur").</summary>
    private static readonly FrozenDictionary<string, string> CompassPairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["North"] = "Northern", ["Northern"] = "North", ["South"] = "Southern", ["Southern"] = "South",
        ["East"] = "Eastern", ["Eastern"] = "East", ["West"] = "Western", ["Western"] = "West",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A division's name and, when it opens with a compass word, the name with that word's other form.</summary>
    private static IEnumerable<string> CompassForms(string name)
    {
        yield return name;
        var space = name.IndexOf(' ');
        if (space > 0 && CompassPairs.TryGetValue(name[..space], out var other)) yield return other + name[space..];
    }

    /// <summary>Whether a word opens a division's name as a compass word does ("North" of "North Darfur").</summary>
    internal static bool IsCompassWord(string word) => word is [var c, ..] && char.IsUpper(c) && (CompassPairs.ContainsKey(word) || word is "Central" or "Upper" or "Lower");

    /// <summary>
    /// The first-level division a compass word and the place after it name, in that place's country ("North Darfur" beside
    /// the region Darfur, "West Kordofan"); null when the country has no such division, or several.
    /// </summary>
    private static GazetteerEntry? CompassDivision(string country, string words) =>
        DivisionBySkeleton.Value.TryGetValue(country + "|" + Skeleton(WithoutDivisionNoun(words)), out var d) ? d : null;

    private static string WithoutDivisionNoun(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 && DivisionNouns.Contains(name[(space + 1)..].TrimEnd('\'', '’')) ? name[..space] : name;
    }

    /// <summary>Whether a division's name is a city's, or the city's with an adjectival ending ("Kharkivs'ka Oblast'" of Kharkiv).</summary>
    private static bool NamedAfter(string division, string city)
    {
        var d = Skeleton(WithoutDivisionNoun(division));
        var c = Skeleton(city);
        return c.Length >= 2 && (d == c || (c.Length >= 3 && d.StartsWith(c, StringComparison.Ordinal) && d.Length - c.Length <= 2));
    }

    /// <summary>The one first-level division of a country named as the words or the city name are (null when none or several).</summary>
    private static GazetteerEntry? DivisionNamed(string country, string words, string city)
    {
        foreach (var name in new[] { words, city })
        {
            if (DivisionBySkeleton.Value.TryGetValue(country + "|" + Skeleton(name), out var d) && d is not null) return d;
        }
        GazetteerEntry? found = null;
        foreach (var e in DivisionsOf.Value.TryGetValue(country, out var list) ? list : [])
        {
            if (!e.Entity.Aliases.Prepend(e.Name).Any(n => NamedAfter(n, words) || NamedAfter(n, city))) continue;
            if (found is not null && !ReferenceEquals(found, e)) return null;
            found = e;
        }
        return found;
    }

    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry[]>> DivisionsOf = new(() =>
        Gazetteer.Default.Entries.Where(e => e.Place == PlaceKind.Admin1 && e.Country is not null)
            .GroupBy(e => e.Country!, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));

    /// <summary>
    /// A name's consonant skeleton, so that romanizations of one name agree ("Oddar Meanchey" and "Otar Meanchey",
    /// "Khost" and "Khowst", "Buri Ram" and "Buriram", "Si Sa Ket" and "Sisaket"): folded letters only, doubled letters
    /// once, voiced stops as voiceless (d t, b p, g k), c and q as k, z as s; then the first letter and the consonants
    /// after it other than h, w and y.
    /// </summary>
    internal static string Skeleton(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var c = NameFolding.Fold(ch);
            if (c is < 'a' or > 'z') continue;
            c = c switch { 'd' => 't', 'b' => 'p', 'g' => 'k', 'c' or 'q' => 'k', 'z' => 's', _ => c };
            if (letters.Length > 0 && letters[^1] == c) continue;
            letters.Append(c);
        }
        var skeleton = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            if (i > 0 && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w') continue;
            skeleton.Append(c);
        }
        return skeleton.ToString();
    }

    /// <summary>
    /// Whether a name no gazetteer holds is a first-level division of one of the document's countries spelt another way
    /// ("Oddar Meanchey" for GeoNames' "Ŏtâr Méanchey"), by its consonant skeleton: a known place, not an unknown village.
    /// </summary>
    internal static bool DivisionSpeltOtherwise(AnnotatedText text, string name)
    {
        var skeleton = Skeleton(WithoutDivisionNoun(name));
        if (skeleton.Length < 4) return false;
        foreach (var c in DocumentCountries(text))
        {
            if (DivisionBySkeleton.Value.TryGetValue(c + "|" + skeleton, out var d) && d is not null) return true;
        }
        return false;
    }
}
