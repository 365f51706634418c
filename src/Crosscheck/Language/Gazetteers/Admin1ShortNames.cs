using System.Collections.Immutable;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// The short name of a first-level division that GeoNames names with its kind ("Zamfara State", "Sagaing Region",
/// "Cabo Delgado Province"): reporters write "in Zamfara" or "in northern Sagaing" as often as the full name, and an
/// unmatched name leaves an event without a country. The kinds are the <c>@admin1-name-ends</c> words of
/// <c>data/language/place-words.txt</c>. The short name is an alias of the division; a city, a country or a sea of the
/// same name still wins by rank ("Kano" is the city, "Niger" the country), and the matcher's guards on common words and
/// given names apply to it as to the full name.
/// </summary>
internal static class Admin1ShortNames
{
    /// <summary>The shortest short name kept, in letters ("Imo" and "Edo" would match too much).</summary>
    internal const int MinLength = 4;

    private static readonly Lazy<HashSet<string>> Ends = new(() => PlaceWordList.Section("admin1-name-ends").ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether <paramref name="name"/> is the division's short name, not a name GeoNames gives it.</summary>
    internal static bool IsShortName(GazetteerEntry entry, string name) =>
        entry.Place == PlaceKind.Admin1 && name != entry.Name && ShortName(entry.Name, Ends.Value) == name;

    internal static IEnumerable<GazetteerEntry> With(IEnumerable<GazetteerEntry> divisions)
    {
        var ends = Ends.Value;
        foreach (var d in divisions)
        {
            yield return ShortName(d.Name, ends) is { } stem && !d.Entity.Aliases.Contains(stem)
                ? d with { Entity = d.Entity with { Aliases = d.Entity.Aliases.Add(stem) } }
                : d;
        }
    }

    /// <summary>"Zamfara State" → "Zamfara"; null when the name does not end with a kind word or too little is left.</summary>
    internal static string? ShortName(string name, IReadOnlySet<string> ends)
    {
        var space = name.LastIndexOf(' ');
        if (space <= 0 || !ends.Contains(name[(space + 1)..])) return null;
        var stem = name[..space].TrimEnd();
        return stem.Count(char.IsLetter) >= MinLength ? stem : null;
    }
}
