using System.Collections.Immutable;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>
/// The cities and first-level divisions a report names anywhere in its text (its gazetteer entities), to tell whether an
/// attack it places no closer than its country can be another report's attack at a named place. "Missiles targeted the
/// country overnight, one striking the capital" in a report that names the capital and never the port city is not the
/// port city's shelling of that night, however well the day fits: a report of a place names it.
/// </summary>
internal static class ReportPlaces
{
    private const string KnownPrefix = "k:";

    /// <summary>
    /// The cities and divisions the document names (its entities' gazetteer entries and its events' places), for its
    /// attack <paramref name="ev"/>: a place the report gives only to its attacks of other days is not one it points to
    /// for this one ("shelling hit a village in X on Sunday … shelling wounded more on Monday").
    /// </summary>
    public static ImmutableArray<PlaceFacts> Of(DocumentFacts document, EventFacts ev)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ev);
        var places = new List<PlaceFacts>();
        foreach (var entity in document.Entities)
        {
            if (!entity.Key.StartsWith(KnownPrefix, StringComparison.Ordinal)) continue;
            if (Gazetteer.Default.Find(entity.Key[KnownPrefix.Length..]) is not { Place: PlaceKind.City or PlaceKind.Admin1, Country: { } country } entry) continue;
            places.Add(new PlaceFacts(entry.Name, entry.Name, country, entry.Place == PlaceKind.City ? "city" : "admin1", entry.Entity.Latitude, entry.Entity.Longitude));
        }
        // Where its own events are (a place read from the headline or the dateline is named there too).
        places.AddRange(document.Events.Select(e => e.Location).OfType<PlaceFacts>().Where(IsLocal));
        var day = IncidentAnchors.Days(ev);
        var ownAttacks = document.Events.Where(e => e.Type == ev.Type && e.Location is { } l && IsLocal(l)).ToList();
        places.RemoveAll(p =>
        {
            var at = ownAttacks.Where(e => IncidentAnchors.SamePlaceName(e.Location!.Name, p.Name)).ToList();
            return day is { } d && at.Count > 0 && at.TrueForAll(e => IncidentAnchors.Days(e) is { } o && (o.End < d.Start || d.End < o.Start));
        });
        return [.. places];
    }

    private static bool IsLocal(PlaceFacts p) => p.Country is not null && p.Precision is "city" or "point" or "admin1";

    /// <summary>
    /// Whether a report naming <paramref name="named"/> names no city or division that is the place of the incident's
    /// attack or lies in a first-level division with it; with <paramref name="inItsCountry"/>, only when it names some in
    /// that country. False when the incident has no city or division, or the report names none.
    /// </summary>
    public static bool OnlyElsewhere(ImmutableArray<PlaceFacts> named, IEnumerable<EventFacts> incidentEvents, bool inItsCountry)
    {
        if (named.IsDefaultOrEmpty) return false;
        var sites = incidentEvents.Select(e => e.Location).OfType<PlaceFacts>().Where(IsLocal).ToList();
        if (sites.Count == 0) return false;
        if (inItsCountry && !named.Any(n => sites.Exists(s => s.Country == n.Country))) return false;
        // A place the gazetteer cannot put in a division (null) may be the attack's: only places known apart say otherwise.
        return named.All(n => sites.TrueForAll(s => s.Country != n.Country
            || !IncidentAnchors.SamePlaceName(s.Name, n.Name) && PlaceDivisions.Apart(n, s) == true));
    }
}
