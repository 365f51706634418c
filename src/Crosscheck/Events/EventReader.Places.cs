using System.Collections.Frozen;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Where: the places a text names (gazetteer places, seas, locations only the recognizer saw), the prepositions and place words that govern them, the country a place the gazetteers lack lies in.
public sealed partial class EventReader
{
    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "inside", "into", "to", "off", "near", "outside", "across", "at", "on", "over", "from", "within", "throughout", "along"],
        StringComparer.OrdinalIgnoreCase);

    private static bool AfterPlacePreposition(AnnotatedText text, int token, TokenSpan clause) => PrepositionOfPlace(text, token, clause) >= 0;

    /// <summary>
    /// The place preposition that governs the place starting at <paramref name="token"/>, past the words that describe it
    /// ("in the southern port city of Odesa" → "in"); -1 when none.
    /// </summary>
    private static int PrepositionOfPlace(AnnotatedText text, int token, TokenSpan clause)
    {
        var i = token - 1;
        // "in the capital, Kyiv", "near the border town, Kantharalak": a name set beside the noun it names is governed as that noun is.
        if (i - 1 >= clause.StartToken && text.WordOf(i) == "," && NamesBeside(text, i - 1)) i--;
        // "in the northern province of Surin", "near the town of X": the area noun's preposition governs the place.
        // "on the outskirts of Mogadishu", "at the edge of the town": so does a noun of a place's part or surroundings.
        if (i - 1 >= clause.StartToken && text.WordOf(i) == "of" && (RoleWords.AreaNouns.Contains(text.WordOf(i - 1)) || RoleWords.EdgeNouns.Contains(text.WordOf(i - 1))))
        {
            i -= 2;
            // "in the border province of Banteay Meanchey", "in the southern port city of Kherson", "in the front-line
            // eastern town of Pokrovsk": up to three describing words before the area noun, back to its "the"; a country's
            // adjective tagged as a name describes it too ("near the Tajik town of …").
            var j = i;
            while (j >= clause.StartToken && i - j < 3 && text.PosOf(j) is "NN" or "JJ" or "VBN" or "JJS" or "NNP" && !RoleWords.AreaNouns.Contains(text.WordOf(j))) j--;
            if (j < i && j >= clause.StartToken && text.WordOf(j) is "the" or "The") i = j;
        }
        // "on the road between Afgoye and the capital", "along the highway linking Gao to Ansongo": the road's preposition
        // governs the first town it runs from.
        else if (i - 1 >= clause.StartToken && text.WordOf(i) is "between" or "linking" or "connecting" or "joining" or "from"
            && RoleWords.RoadNouns.Contains(text.WordOf(i - 1).ToLowerInvariant())) i -= 2;
        // "at the Ukrainian capital Kyiv", "in the border town Kantharalak": the noun the place stands beside names it.
        else if (i >= clause.StartToken && (text.WordOf(i) is "capital" || RoleWords.AreaNouns.Contains(text.WordOf(i))) && text.PosOf(i) is "NN") i--;
        // "in the country's southeastern Khost province"
        while (i >= clause.StartToken && token - i <= 3 && text.PosOf(i) is "JJ") i--;
        // "in the neighbouring Magway region", "in the embattled Sumy region": a participle between "the" and the name
        // describes it as an adjective would.
        var described = i;
        while (described >= clause.StartToken && token - described <= 3 && text.PosOf(described) is "JJ" or "VBG" or "VBN") described--;
        if (described < i && described >= clause.StartToken && text.WordOf(described) is "the" or "The") i = described;
        if (i - 2 >= clause.StartToken && text.WordOf(i) is "'s" or "’s" && text.WordOf(i - 1) is "country" or "nation") i -= 2;
        if (i >= clause.StartToken && text.WordOf(i) is "the" or "The") i--;
        // "south of Djibo", "30 km north of the town of Gao": a compass word before "of" places the event by that place, as
        // "near" does (a distance before it does not say where it is not, as "360km from Bangkok" does: it says which way).
        // Not the side of a river or a range a town shares a name with ("east of the Dnipro River").
        if (i - 1 >= clause.StartToken && text.WordOf(i) == "of" && RoleWords.CompassWords.Contains(text.WordOf(i - 1).ToLowerInvariant()))
        {
            return NamesAFeature(text, token, clause) || FarBefore(text, i - 1, clause) ? -1 : i - 1;
        }
        if (i < clause.StartToken || !PlacePrepositions.Contains(text.WordOf(i))) return -1;
        // "360km from the Thai capital Bangkok", "50 miles from Kyiv": a distance measured from a place says where it is not.
        return text.WordOf(i) is "from" && i - 1 >= clause.StartToken && IsDistanceUnit(text.WordOf(i - 1)) ? -1 : i;
    }

    /// <summary>
    /// Whether a distance too far to be the place's surroundings stands before the compass word at <paramref name="compass"/>:
    /// "40 nautical miles south of Galle", "200 km north of Gao", "hundreds of miles southwest of the port" say which way from
    /// the place, not that it happened there ("30 km north of Gao" is the town's surroundings still).
    /// </summary>
    private static bool FarBefore(AnnotatedText text, int compass, TokenSpan clause)
    {
        var unit = compass - 1;
        if (unit <= clause.StartToken || !IsDistanceUnit(text.WordOf(unit))) return false;
        var count = unit - 1;
        if (text.WordOf(count).Equals("nautical", StringComparison.OrdinalIgnoreCase)) count--;
        if (count < clause.StartToken) return false;
        // "hundreds of miles", "dozens of kilometres": far by any reading.
        if (text.WordOf(count) == "of" && count - 1 >= clause.StartToken && text.WordOf(count - 1).ToLowerInvariant() is "hundreds" or "dozens" or "tens" or "thousands") return true;
        if (!double.TryParse(text.WordOf(count).Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)) return false;
        var km = text.WordOf(unit).ToLowerInvariant() is "miles" or "mi" ? n * (unit - count == 2 ? 1.852 : 1.609) : text.WordOf(unit).ToLowerInvariant() is "m" or "metres" or "meters" ? n / 1000 : n;
        return km > FarKilometres;
    }

    /// <summary>How far from a place, in kilometres, an event told by a compass word is no longer at the place.</summary>
    private const double FarKilometres = 50;

    /// <summary>Whether the capitalized name starting at <paramref name="token"/> goes on to a river's or a range's noun ("the Dnipro River").</summary>
    private static bool NamesAFeature(AnnotatedText text, int token, TokenSpan clause)
    {
        for (var k = token; k < clause.EndToken && k - token < 5 && text.WordOf(k) is { Length: > 0 } w && char.IsUpper(w[0]); k++)
        {
            if (RoleWords.FeatureNouns.Contains(w.ToLowerInvariant())) return true;
        }
        return false;
    }

    private static bool IsDistanceUnit(string word) =>
        word.ToLowerInvariant() is "km" or "kilometres" or "kilometers" or "kms" or "miles" or "mi" or "metres" or "meters" or "m"
        || (word.Length > 2 && word.EndsWith("km", StringComparison.OrdinalIgnoreCase) && char.IsDigit(word[0]));

    /// <summary>The index of the first place (places are in text order) starting at or after <paramref name="token"/>.</summary>
    private static int FirstPlaceFrom(List<PlaceMention> places, int token)
    {
        int lo = 0, hi = places.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (places[mid].Span.StartToken < token) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void Cover(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) covered[t] = true;
    }

    private static bool IsCovered(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) if (covered[t]) return true;
        return false;
    }

    private sealed record PlaceMention(TokenSpan Span, KnownEntity? Known, PlaceKind Kind, string? Country, string Name);

    /// <summary>Places the text names: gazetteer places and seas, and locations only the recognizer saw.</summary>
    private static List<PlaceMention> Places(AnnotatedText text)
    {
        var places = new List<PlaceMention>();
        var countries = DocumentCountries(text);
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Entry is null) continue;
            if (m.Kind == GazetteerMatchKind.Maritime)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                // At sea off a country's coast or in its waters: the coastal country, as ACLED codes such events.
                places.Add(new PlaceMention(span, m.Entry.Entity, PlaceKind.Sea, m.Country, span.Text));
            }
            else if (m.Kind == GazetteerMatchKind.Entity && m.Entry.Place != PlaceKind.None)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                // A small town abroad that none of the document's countries holds is a name the gazetteer lacks.
                if (Choose(text, m, countries) is not { } entry) places.Add(new PlaceMention(span, null, PlaceKind.Region, null, span.Text));
                else places.Add(new PlaceMention(span, entry.Entity, entry.Place, entry.Country, entry.Name));
            }
        }
        // Tokens some place already covers: an entity there is that place, not another.
        var covered = new bool[text.Count + 1];
        foreach (var p in places) Cover(covered, p.Span);
        foreach (var e in text.Entities)
        {
            // A name the recognizer took for an organization is a place before a word for an area when the words make it a
            // known division or put it in one ("Oddar Meanchey province", "the Spin Boldak area of Kandahar province").
            var organization = e.Type == EntityType.Org && e.Span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(e.Span.EndToken));
            if (!(organization || e.Type is EntityType.Gpe or EntityType.Loc) || e.Known is not null) continue;
            if (IsCovered(covered, e.Span)) continue;
            if (Unknown(text, e.Span, e.Name.Text, places, countries) is not { } unknown || (organization && unknown.Known is null)) continue;
            places.Add(unknown);
            Cover(covered, e.Span);
        }
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
        WithCompassDivisions(text, places);
        // "Ban Khok, Phanom Dong Rak District, Surin Province": a division the text names after an unknown place may
        // itself have been found only among the recognizer's names, after it; look for the container again.
        for (var k = 0; k < places.Count; k++)
        {
            if (places[k] is { Known: null, Country: null, Kind: PlaceKind.Region } unknown && Container(text, unknown.Span, places) is { } holder)
                places[k] = holder with { Span = unknown.Span };
        }
        InContextDivisions(text, places);
        // "near the town of Jermuk" in a report from Yerevan: a place the gazetteers lack lies in the country its context gives.
        for (var k = 0; k < places.Count; k++)
        {
            if (places[k] is { Known: null, Country: null, Kind: PlaceKind.Region } bare && NamedByAreaNoun(text, bare.Span) && ContextCountry(text, places, bare.Span) is { } code)
                places[k] = bare with { Country = code };
        }
        // A sea match holds the places it names ("off the coast of Venezuela", "off Mexico's Pacific coast"): keep the sea.
        var seas = places.Where(o => o.Kind == PlaceKind.Sea).ToList();
        if (seas.Count > 0)
        {
            places.RemoveAll(p => seas.Any(o => !ReferenceEquals(o, p) && o.Span.Length > p.Span.Length
                && o.Span.StartToken <= p.Span.StartToken && p.Span.EndToken <= o.Span.EndToken));
        }
        return places;
    }

    /// <summary>
    /// "in North Darfur state", "in Sudan's West Kordofan": a capitalized compass word before a place of a country is a
    /// first-level division of that country when the two words name one (GeoNames' "Northern Darfur"), which the words
    /// then are, not the wider place after the compass word.
    /// </summary>
    private static void WithCompassDivisions(AnnotatedText text, List<PlaceMention> places)
    {
        for (var k = 0; k < places.Count; k++)
        {
            var p = places[k];
            var before = p.Span.StartToken - 1;
            if (p.Country is null || p.Kind is PlaceKind.Country or PlaceKind.Sea || before < 0 || !text.SentenceOf(p.Span.StartToken).Contains(before)) continue;
            if (!IsCompassWord(text.WordOf(before)) || k > 0 && places[k - 1].Span.EndToken > before) continue;
            var span = text.Span(before, p.Span.EndToken);
            if (CompassDivision(p.Country, span.Text) is not { } division || ReferenceEquals(division.Entity, p.Known)) continue;
            places[k] = new PlaceMention(span, division.Entity, division.Place, division.Country, division.Name);
        }
    }

    /// <summary>
    /// The country a place the gazetteers lack lies in, by its context: the one country its sentence names, else the one
    /// country the text's first sentence (its dateline and lede) names, else the one the whole text names; null when none
    /// of these names exactly one.
    /// </summary>
    private static string? ContextCountry(AnnotatedText text, List<PlaceMention> places, TokenSpan span)
    {
        if (OnlyCountry(places, text.SentenceOf(span.StartToken), ground: true) is { } own) return own;
        if (text.Count > 0 && OnlyCountry(places, text.SentenceOf(0), ground: true) is { } lede) return lede;
        // Over the whole text, towns of both sides are named in any report of a border war: only countries count there.
        return OnlyCountry(places, text.Span(0, text.Count), ground: false);
    }

    /// <summary>Whether a word for an area names the place: "the town of Jermuk", "Urgun district".</summary>
    private static bool NamedByAreaNoun(AnnotatedText text, TokenSpan span) =>
        (span.StartToken >= 2 && text.WordOf(span.StartToken - 1) == "of" && RoleWords.AreaNouns.Contains(text.WordOf(span.StartToken - 2)))
        || (span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(span.EndToken)));

    /// <summary>
    /// The one country of the towns and divisions the sentence names ("Russia launched an attack on Kharkiv": the ground is
    /// Kharkiv's, and a country named bare is often the side that acts), when <paramref name="ground"/>; else, or when it
    /// names none, the one country named as a place; null when none or several.
    /// </summary>
    private static string? OnlyCountry(List<PlaceMention> places, TokenSpan sentence, bool ground)
    {
        string? found = null, groundCountry = null;
        var groundSeveral = false;
        for (var at = FirstPlaceFrom(places, sentence.StartToken); at < places.Count && places[at].Span.StartToken < sentence.EndToken; at++)
        {
            if (places[at] is { Kind: PlaceKind.City or PlaceKind.Admin1, Known: not null, Country: { } town })
            {
                groundSeveral |= groundCountry is not null && groundCountry != town;
                groundCountry = town;
                continue;
            }
            if (places[at] is not { Kind: PlaceKind.Country, Country: { } code }) continue;
            if (found is not null && found != code) found = "";
            else found = code;
        }
        if (ground && groundCountry is not null) return groundSeveral ? null : groundCountry;
        return found is "" ? null : found;
    }

    /// <summary>"in Caribbean waters", "in the Eastern Pacific Ocean", "inside Mexico", "in international waters in the Caribbean".</summary>
    private static bool PrecededByPlaceWord(AnnotatedText text, int token, TokenSpan sentence)
    {
        for (var i = token - 1; i >= sentence.StartToken && token - i <= 3; i--)
        {
            if (PlacePrepositions.Contains(text.WordOf(i))) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NNP")) return false;
        }
        return false;
    }
}
