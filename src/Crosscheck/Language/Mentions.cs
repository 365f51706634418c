using System.Collections.Immutable;

namespace Crosscheck.Language;

/// <summary>The entity types of the analysis contract.</summary>
public enum EntityType
{
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Outlet,
    Group,
    Facility,
}

/// <summary>Contract names of <see cref="EntityType"/>.</summary>
public static class EntityTypes
{
    public static string Name(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Org => "ORG",
        EntityType.Gpe => "GPE",
        EntityType.Loc => "LOC",
        EntityType.Norp => "NORP",
        EntityType.Outlet => "OUTLET",
        EntityType.Group => "GROUP",
        EntityType.Facility => "FACILITY",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string name, out EntityType type)
    {
        foreach (var t in Enum.GetValues<EntityType>())
        {
            if (string.Equals(Name(t), name, StringComparison.OrdinalIgnoreCase)) { type = t; return true; }
        }
        type = default;
        return false;
    }
}

/// <summary>
/// A mention of a named entity. <see cref="Span"/> covers the whole mention, title included
/// ("Secretary of War Pete Hegseth"); <see cref="Name"/> is the part that names it ("Pete Hegseth").
/// </summary>
public sealed record EntityMention(TokenSpan Span, TokenSpan Name, EntityType Type)
{
    /// <summary>The office title in the mention, in canonical form ("Secretary of War"); null when none.</summary>
    public string? Title { get; init; }

    /// <summary>The curated or geographic entry the mention was linked to; null for names only the recognizer saw.</summary>
    public KnownEntity? Known { get; init; }

    /// <summary>Where the mention came from: "ner", "gazetteer", "coref".</summary>
    public string Origin { get; init; } = "ner";
}

/// <summary>
/// A number with the words that gave it, as an interval: "three" is [3, 3], "between 3 and 5" is [3, 5],
/// "at least 5" is [5, null] (no upper bound), "more than 100" is [101, null].
/// </summary>
public sealed record NumberMention(TokenSpan Span, decimal Min, decimal? Max)
{
    /// <summary>What is counted when the text says so ("troops", "people", "strikes"); null otherwise.</summary>
    public string? Unit { get; init; }
}

/// <summary>How exact a resolved time is.</summary>
public enum TimePrecision
{
    Day,
    Week,
    Month,
    Season,
    Year,
    Range,
}

/// <summary>
/// A time expression. <see cref="Start"/> and <see cref="End"/> are inclusive days, both null when the
/// expression could not be anchored ("at the time" with no earlier date, any relative time without a publication date,
/// a day before 0001-01-01 or after 9999-12-31 such as "yesterday" in a page dated 0001-01-01);
/// "since X" without a publication date keeps its start and leaves the end null.
/// </summary>
public sealed record TimeMention(TokenSpan Span, DateOnly? Start, DateOnly? End, TimePrecision Precision)
{
    public bool IsResolved => Start is not null && End is not null;

    /// <summary>
    /// Null for a time the text's own words give; "publication" for a day assumed from the article's date because
    /// nothing in the article dates its news (the span is then empty).
    /// </summary>
    public string? Basis { get; init; }
}

/// <summary>Mentions in one text that refer to the same person or organization; the first named one gives the name.</summary>
public sealed record CorefChain(string Name, EntityType Type, ImmutableArray<TokenSpan> Mentions)
{
    public KnownEntity? Known { get; init; }

    /// <summary>The office titles the text gives the entity, canonical form.</summary>
    public ImmutableArray<string> Titles { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>An entry from a gazetteer: a canonical entity with its names, titles and place.</summary>
public sealed record KnownEntity
{
    /// <summary>A stable key, unique within the gazetteers ("geo:3996063", "actor:pete-hegseth").</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required EntityType Type { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code; null for international bodies and seas.</summary>
    public string? Country { get; init; }
    public int? GeonameId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = ImmutableArray<string>.Empty;
    public ImmutableArray<string> Titles { get; init; } = ImmutableArray<string>.Empty;
}
