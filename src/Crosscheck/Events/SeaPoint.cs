using System.Collections.Frozen;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

/// <summary>
/// Coordinates for a place at sea, so that sea incidents can be mapped (precision <c>sea</c>: a sea's approximate
/// centre, never a point on land). A named sea or gulf gives its own centre. A phrase at sea off a country ("off the
/// coast of Venezuela", "off Mexico's Pacific coast", "in Venezuelan waters") takes, in order: a sea its own words
/// name ("Pacific"), the nearest of them to the country; else the sea nearest the country's reference point.
/// "International waters" alone has none (the event reader then takes another place at sea in the sentence).
/// </summary>
internal sealed class SeaPoint
{
    private readonly KnownEntity[] _seas;
    private readonly FrozenDictionary<string, KnownEntity[]> _byWord;
    private readonly KnownEntity[] _open;

    public SeaPoint(Gazetteer gazetteer)
    {
        _seas = [.. gazetteer.Entries.Where(e => e.Place == PlaceKind.Sea && e.Entity.Latitude is not null && e.Entity.Longitude is not null)
            .Select(e => e.Entity).OrderBy(e => e.Key, StringComparer.Ordinal)];
        _open = [.. _seas.Where(s => s.Country is null)];
        // Each capitalized word of a sea's names that is not a generic word ("Sea", "Ocean", "Gulf", "of"): "Pacific", "Caribbean";
        // nor a country's name: "off the coast of Mexico in the eastern Pacific" names Mexico's coast, not the Gulf of Mexico.
        var countries = gazetteer.Entries.Where(e => e.Place == PlaceKind.Country).SelectMany(e => e.Entity.Aliases.Prepend(e.Entity.Name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _byWord = _seas.SelectMany(s => new[] { s.Name }.Concat(s.Aliases).SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length > 3 && char.IsUpper(w[0]) && !Generic.Contains(w) && !countries.Contains(w)).Select(w => (Word: w, Sea: s)))
            .GroupBy(p => p.Word, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Sea).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    private static readonly FrozenSet<string> Generic = FrozenSet.ToFrozenSet(
        ["Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "Channel", "Waters", "North", "South", "East", "West", "Eastern", "Western",
         "Northern", "Southern", "Central", "Upper", "Lower"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The point of a place at sea, or null when nothing places it.</summary>
    public (double Lat, double Lon)? Locate(TokenSpan phrase, KnownEntity? named)
    {
        if (named is { Latitude: { } lat, Longitude: { } lon } && Array.IndexOf(_seas, named) >= 0) return (lat, lon);
        // "off Hodeidah": at sea just off a town (the gazetteer matcher reads "off" before a town only), at the town's point.
        if (named is { Latitude: { } townLat, Longitude: { } townLon } && phrase.Length >= 2 && phrase.Tokens.First().Text.Equals("off", StringComparison.OrdinalIgnoreCase)
            && !phrase.Tokens.Any(t => t.Text.StartsWith("coast", StringComparison.OrdinalIgnoreCase))) return (townLat, townLon);
        var country = named is { Latitude: not null, Longitude: not null } ? named : null;
        var inPhrase = phrase.Tokens.SelectMany(t => _byWord.GetValueOrDefault(t.Text) ?? []).Distinct().ToList();
        if (inPhrase.Count > 0) return Point(Nearest(inPhrase, country));
        // The open sea nearest the country: not a waterway of one country ("Panama Canal", whose point is on land).
        return country is null || _open.Length == 0 ? null : Point(Nearest(_open, country));
    }

    /// <summary>Whether <paramref name="entity"/> is a sea or gulf of the gazetteer (not a country whose waters a phrase names).</summary>
    public bool IsSea(KnownEntity? entity) => entity is not null && Array.IndexOf(_seas, entity) >= 0;

    /// <summary>Whether the phrase's own words name a sea ("off Mexico's Pacific coast").</summary>
    public bool NamesSea(TokenSpan phrase) => phrase.Tokens.Any(t => _byWord.ContainsKey(t.Text));

    private static (double, double) Point(KnownEntity sea) => (sea.Latitude!.Value, sea.Longitude!.Value);

    private static KnownEntity Nearest(IReadOnlyList<KnownEntity> seas, KnownEntity? to)
    {
        if (to is null) return seas[0];
        KnownEntity best = seas[0];
        var bestDistance = double.MaxValue;
        foreach (var s in seas)
        {
            var d = GeoDistance.Radians(s.Latitude!.Value, s.Longitude!.Value, to.Latitude!.Value, to.Longitude!.Value);
            if (d < bestDistance) { best = s; bestDistance = d; }
        }
        return best;
    }
}
