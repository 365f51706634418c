using System.Collections.Immutable;

namespace Crosscheck.Language.Gazetteers;

/// <summary>What kind of place an entry or a match is, from most to least exact; None for actors.</summary>
public enum PlaceKind
{
    None,
    City,
    Admin1,
    Country,
    Sea,
    Region,
}

/// <summary>A gazetteer entry: the <see cref="KnownEntity"/> it stands for, with what matching needs to rank it.</summary>
public sealed record GazetteerEntry
{
    public required KnownEntity Entity { get; init; }

    /// <summary>The kind of place; None for actors, persons and demonyms.</summary>
    public PlaceKind Place { get; init; }

    /// <summary>Inhabitants, for places GeoNames counts; 0 otherwise.</summary>
    public long Population { get; init; }

    /// <summary>The GeoNames first-level division ("MX.25") of a city or division; null otherwise.</summary>
    public string? Admin1 { get; init; }

    /// <summary>The capital's name, for countries.</summary>
    public string? Capital { get; init; }

    /// <summary>How many of the first aliases come from GeoNames; curated ones follow them.</summary>
    internal int GeoNamesAliasCount { get; init; }

    public string Key => Entity.Key;
    public string Name => Entity.Name;
    public EntityType Type => Entity.Type;
    public string? Country => Entity.Country;

    /// <summary>
    /// Lower ranks win when several entries share a name: curated actors, countries, demonyms, seas and
    /// regions, then cities before divisions ("Mexico City", "Washington"), since a city has coordinates.
    /// </summary>
    internal int Rank => Place switch
    {
        PlaceKind.None => Entity.Type == EntityType.Norp ? 2 : 0,
        PlaceKind.Country => 1,
        PlaceKind.Sea or PlaceKind.Region => 3,
        PlaceKind.City => 4,
        _ => 5,
    };
}

/// <summary>
/// An office title ("Secretary of War"). Titles are not entities: they describe who holds them.
/// A national title (<see cref="IsNational"/>) takes its country from the text ("Mexico's president" is
/// "President of Mexico"); otherwise <see cref="Country"/> is fixed (US for "Secretary of State") or null.
/// </summary>
public sealed record TitleEntry
{
    /// <summary>The canonical form ("Secretary of Defense", "President").</summary>
    public required string Canonical { get; init; }

    /// <summary>Other ways to write it ("Defense Secretary", "defense chief").</summary>
    public ImmutableArray<string> Variants { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>ISO 3166-1 alpha-2 code of the country the office belongs to; null when international or unknown.</summary>
    public string? Country { get; init; }

    /// <summary>True when any country has it and the text says which ("President", "Foreign Minister").</summary>
    public bool IsNational { get; init; }

    /// <summary>True when one person holds it at a time (per country for national titles).</summary>
    public bool SingleHolder { get; init; }

    /// <summary>The key of the body the office belongs to ("actor:united-nations"), when there is one.</summary>
    public string? Organization { get; init; }

    /// <summary>The canonical title for a country: "President" in Mexico is "President of Mexico".</summary>
    public string CanonicalFor(string countryName) => IsNational ? $"{Canonical} of {WithArticle(countryName)}" : Canonical;

    /// <summary>"United States" is "the United States" after "of"; "Mexico" stays "Mexico".</summary>
    internal static string WithArticle(string countryName)
    {
        if (countryName.StartsWith("The ", StringComparison.Ordinal)) return "the" + countryName[3..];
        var needsArticle = countryName.StartsWith("United ", StringComparison.Ordinal)
            || countryName.Contains("Republic", StringComparison.Ordinal)
            || countryName.EndsWith("Islands", StringComparison.Ordinal)
            || countryName.StartsWith("Palestinian", StringComparison.Ordinal)
            || countryName is "Philippines" or "Bahamas" or "Maldives" or "Comoros" or "Gambia" or "Vatican";
        return needsArticle ? "the " + countryName : countryName;
    }
}

/// <summary>What a match found.</summary>
public enum GazetteerMatchKind
{
    /// <summary>A name or alias of an entry.</summary>
    Entity,
    /// <summary>An office title, possibly with the country that qualifies it ("Mexico's president").</summary>
    Title,
    /// <summary>A place at sea described by the coast or waters of another ("off the coast of Venezuela").</summary>
    Maritime,
}

/// <summary>How a maritime match relates to the place it names.</summary>
public enum MaritimeRelation
{
    None,
    /// <summary>"off the coast of X", "off X's coast", "off the Venezuelan coast".</summary>
    OffCoast,
    /// <summary>"X's territorial waters", "Venezuelan waters".</summary>
    TerritorialWaters,
}

/// <summary>
/// A raw dictionary match over tokens <c>[StartToken, EndToken)</c>. Entity matches never overlap each
/// other; title and maritime matches are built over them and may contain one ("Mexico ’s president"
/// holds the match for "Mexico").
/// </summary>
public sealed record GazetteerMatch(int StartToken, int EndToken, GazetteerMatchKind Kind)
{
    /// <summary>The preferred entry: for entity matches the entry named; for maritime matches the place whose coast or waters it is; for titles the country when the text gives one.</summary>
    public GazetteerEntry? Entry { get; init; }

    /// <summary>Other entries with the same name, best first (other cities called Valencia); empty when the name is unique.</summary>
    public ImmutableArray<GazetteerEntry> Alternatives { get; init; } = ImmutableArray<GazetteerEntry>.Empty;

    /// <summary>The title entry, for title matches.</summary>
    public TitleEntry? Title { get; init; }

    /// <summary>The canonical title with its country ("President of Mexico"), for title matches.</summary>
    public string? CanonicalTitle { get; init; }

    /// <summary>The country of the entity or title; null when unknown or international.</summary>
    public string? Country { get; init; }

    public MaritimeRelation Relation { get; init; }

    /// <summary>Whether the entity was matched only by a small city's one-word GeoNames alternate name ("Kan" for Caen).</summary>
    internal bool AlternateName { get; init; }

    /// <summary>How exact the place is: Sea for maritime matches, the entry's kind otherwise.</summary>
    public PlaceKind Precision => Kind == GazetteerMatchKind.Maritime ? PlaceKind.Sea : Entry?.Place ?? PlaceKind.None;

    public int Length => EndToken - StartToken;
}

/// <summary>A gazetteer file that cannot be read; the message names the file and line.</summary>
public sealed class GazetteerException : Exception
{
    public GazetteerException(string file, int line, string reason)
        : base(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public GazetteerException(string file, string reason, Exception inner) : base($"{file}: {reason}", inner)
    {
        File = file;
        Reason = reason;
    }

    public string File { get; }

    /// <summary>The 1-based line, or 0 when the problem is the whole file.</summary>
    public int Line { get; }

    public string Reason { get; }
}
