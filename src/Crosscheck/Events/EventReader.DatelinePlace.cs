using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// The dateline's town, which a local report's news attack takes when its words place it nowhere.
public sealed partial class EventReader
{
    /// <summary>
    /// The town or division a wire dateline opens the text with ("GAO, Mali (Reuters) -", "KHARTOUM —"), as a place with the
    /// dateline's own words; null when the text has no dateline, when the dateline names no known town or division, or when
    /// the text speaks of a country other than the dateline's (a name, demonym, force or group of another country: a story
    /// filed from a regional hub, "NAIROBI — … Somali officials said", is about elsewhere).
    /// </summary>
    private EventPlace? DatelinePlace(AnnotatedText text, List<PlaceMention> places)
    {
        var dateline = text.Sentences.FirstOrDefault(s => s.Length > 0 && SentenceSplitter.IsDateline(text, s));
        if (dateline.Length == 0 || text.SentenceIndexOf(dateline.StartToken) > 2) return null;
        var at = FirstPlaceFrom(places, dateline.StartToken);
        if (at >= places.Count || places[at] is not { Kind: PlaceKind.City or PlaceKind.Admin1, Known: not null, Country: { } country } town
            || town.Span.StartToken != dateline.StartToken) return null;
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Kind != GazetteerMatchKind.Entity || m.Entry is not { Country: { } other } entry || other == country) continue;
            if (entry.Entity.Type == EntityType.Outlet || dateline.Contains(m.StartToken)) continue;
            return null;
        }
        return PlaceOf(text, dateline, places, town);
    }
}
