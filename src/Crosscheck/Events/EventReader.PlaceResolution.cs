using System.Collections.Frozen;
using System.Text;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Which place a name is: the document's own countries rank a name's candidates; "X province" is the division.
public sealed partial class EventReader
{
    /// <summary>Words after a name that make it a first-level division ("Kandahar province", "Kyiv region", "Sennar state").</summary>
    private static readonly FrozenSet<string> DivisionNouns = FrozenSet.ToFrozenSet(
        ["province", "provinces", "region", "regions", "oblast", "oblasts", "governorate", "governorates", "state", "states"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adjectives after a name that make it a first-level division too: "the Sumy regional governor", "the Khost provincial
    /// police" speak of the division, not of its namesake city (which "the town" in the next sentence would otherwise take).
    /// </summary>
    private static readonly FrozenSet<string> DivisionAdjectives = FrozenSet.ToFrozenSet(["regional", "provincial"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Cities at least this size are places a text may name whatever country it is about.</summary>
    private const long ForeignTownPopulation = 100_000;

    /// <summary>
    /// The countries the document is about: those it names, and those of the demonyms, governments, forces and
    /// persons the gazetteers know ("Pakistani forces", "the Taliban", "US President").
    /// </summary>
    private static HashSet<string> DocumentCountries(AnnotatedText text)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Kind != GazetteerMatchKind.Entity || m.Entry is not { Country: { } cc } e) continue;
            if (e.Place is PlaceKind.Country or PlaceKind.None) countries.Add(cc);
        }
        return countries;
    }

    /// <summary>
    /// The entry a place name stands for among the gazetteer's candidates (the match's entry and its alternatives, best
    /// ranked first): before a word for a division ("Kandahar province", "Kandahar and Kabul provinces") a division, else
    /// the division a city of that name lies in and is named after ("Khost province": Khowst); otherwise the first in
    /// one of the document's countries ("Florida" in a report about Ukraine and US President Trump is the US state, not
    /// the Cuban town). Null when no candidate lies in the document's countries and the name is only a town abroad under
    /// <see cref="ForeignTownPopulation"/>, far from them all ("Tirah" in a report of Pakistan and Afghanistan is not the Israeli town).
    /// </summary>
    private static GazetteerEntry? Choose(AnnotatedText text, GazetteerMatch m, HashSet<string> countries)
    {
        var candidates = new List<GazetteerEntry>(1 + m.Alternatives.Length) { m.Entry! };
        foreach (var a in m.Alternatives) if (a.Place != PlaceKind.None) candidates.Add(a);
        bool Ours(GazetteerEntry e) => e.Country is { } c && countries.Contains(c);
        var chosen = candidates.FirstOrDefault(Ours) ?? candidates[0];
        // A country's name before "state" is the country ("Sudan state media"); a city's before it is its namesake state ("Sennar state").
        if (chosen.Place != PlaceKind.Country && BeforeDivisionNoun(text, m.EndToken))
        {
            var division = candidates.FirstOrDefault(e => e.Place == PlaceKind.Admin1 && Ours(e)) ?? candidates.FirstOrDefault(e => e.Place == PlaceKind.Admin1);
            if (division is not null) return division;
            if (chosen.Place == PlaceKind.City && chosen.Admin1 is { } code && DivisionByCode.Value.TryGetValue(code, out var own)
                && (own.Entity.Aliases.Prepend(own.Name).Any(n => NamedAfter(n, chosen.Name)))) return own;
            // "the Kyiv region", "Kharkiv oblast": a division of the city's country named as the city is, although the city
            // lies in a division of its own (GeoNames' Kyiv City beside the Kiev oblast) or the division's name is spelled
            // otherwise (Kharkivs'ka Oblast').
            if (chosen.Place == PlaceKind.City && chosen.Country is { } country && DivisionNamed(country, text.Span(m.StartToken, m.EndToken).Text, chosen.Name) is { } named)
                return named;
        }
        if (countries.Count > 0 && !Ours(chosen) && chosen.Place == PlaceKind.City && chosen.Population < ForeignTownPopulation
            && FarFromAll(chosen, countries)) return null;
        return chosen;
    }

    /// <summary>How far a small town abroad must lie from the capitals of all of the document's countries to be no place it means.</summary>
    private const double ForeignTownKm = 1500;

    /// <summary>Whether the place lies more than <see cref="ForeignTownKm"/> from the capital of every one of the countries ("Khost" in a report of Pakistani forces is near Islamabad; "Tira", Israel, is not).</summary>
    private static bool FarFromAll(GazetteerEntry place, HashSet<string> countries)
    {
        if (place.Entity is not { Latitude: double la, Longitude: double lo }) return false;
        foreach (var code in countries)
        {
            if (Gazetteer.Default.Country(code)?.Entity is not { Latitude: double cla, Longitude: double clo }) return false;
            if (GeoDistance.Kilometres(la, lo, cla, clo) <= ForeignTownKm) return false;
        }
        return true;
    }

    /// <summary>"province" (or "provincial") right after the name, or "and" and another name before "provinces" ("Kandahar and Kabul provinces").</summary>
    private static bool BeforeDivisionNoun(AnnotatedText text, int end)
    {
        if (end < text.Count && (DivisionNouns.Contains(text.WordOf(end)) || DivisionAdjectives.Contains(text.WordOf(end)))) return true;
        if (end >= text.Count || text.WordOf(end) is not ("and" or ",")) return false;
        for (var i = end + 1; i < text.Count && i <= end + 5; i++)
        {
            var w = text.WordOf(i);
            if (DivisionNouns.Contains(w)) return w.EndsWith('s');
            if (w.Length == 0 || !(char.IsUpper(w[0]) || w is "and" or ",")) return false;
        }
        return false;
    }

    /// <summary>Capitalized words that end a news outlet's name ("Tolo News", "Kyiv Post").</summary>
    private static readonly FrozenSet<string> OutletNameWords = FrozenSet.ToFrozenSet(PlaceWordList.Section("outlet-words"), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A location only the recognizer saw, read with the words around it: none when it is an outlet's name ("According
    /// to Tolo News", "TOLOnews") or capitals of a title-case line that no word for an area backs ("What Happened to 9
    /// Cambodian Civilians in Border Fighting"); a first-level division of one of the document's countries that a word for
    /// a division backs and whose name it spells another way ("Cambodia's Oddar Meanchey province": GeoNames' Otar
    /// Meanchey); the division or city it lies in when the words say so ("the Maruf district of Kandahar province",
    /// "Urgun district in Paktika", "Ban Nam Yen, Kantharalak District"), which is what an incident can be placed by;
    /// else a region of the country a possessive or demonym gives it ("the eastern Afghan district of Urgun"), or
    /// of none.
    /// </summary>
    private static PlaceMention? Unknown(AnnotatedText text, TokenSpan span, string name, List<PlaceMention> places, HashSet<string> countries)
    {
        var last = text.WordOf(span.EndToken - 1);
        if (OutletNameWords.Contains(last) || (last.Length > 4 && last.EndsWith("news", StringComparison.OrdinalIgnoreCase))
            || (span.EndToken < text.Count && text.WordOf(span.EndToken) is { Length: > 1 } next && char.IsUpper(next[0]) && OutletNameWords.Contains(next)))
        {
            return null;
        }
        var areaAfter = span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(span.EndToken));
        if (!areaAfter && InTitleCaseLine(text, span)) return null;
        var bare = WithoutDivisionNoun(name);
        var cued = !ReferenceEquals(bare, name) || BeforeDivisionNoun(text, span.EndToken)
            || (span.StartToken >= 2 && text.WordOf(span.StartToken - 1) == "of" && DivisionNouns.Contains(text.WordOf(span.StartToken - 2)));
        // Without a word for a division, only a long skeleton of a name of two words or more ("Oddar Meanchey") is enough.
        var sk = Skeleton(bare);
        if ((cued || (sk.Length >= 6 && bare.Contains(' '))) && bare.Length >= 5 && sk is { Length: >= 4 } skeleton)
        {
            GazetteerEntry? found = null;
            var several = false;
            foreach (var c in countries)
            {
                if (!DivisionBySkeleton.Value.TryGetValue(c + "|" + skeleton, out var d) || d is null) continue;
                several |= found is not null && !ReferenceEquals(found, d);
                found = d;
            }
            if (found is not null && !several) return new PlaceMention(span, found.Entity, PlaceKind.Admin1, found.Country, found.Name);
        }
        if (Container(text, span, places) is { } container) return container with { Span = span };
        return new PlaceMention(span, null, PlaceKind.Region, CountryOfPhrase(text, span, places), name);
    }

    /// <summary>
    /// The known division or city right after an unknown place that holds it: linked by a word for an area, "of" or
    /// "in" ("district of Kandahar province", "district in Paktika", "area of Det Udom district, Ubon Ratchathani"), or
    /// by a comma when what follows is a division or is itself followed by a word for an area ("Spin Boldak, Kandahar
    /// province", "Ban Nam Yen, Kantharalak District").
    /// </summary>
    private static PlaceMention? Container(AnnotatedText text, TokenSpan span, List<PlaceMention> places)
    {
        bool linked = false, comma = false, area = false;
        var end = Math.Min(text.Count, span.EndToken + 8);
        for (var i = span.EndToken; i < end; i++)
        {
            PlaceMention? here = null;
            foreach (var p in places) if (p.Span.StartToken == i && p.Known is not null) { here = p; break; }
            if (here is not null)
            {
                if (here.Kind is not (PlaceKind.Admin1 or PlaceKind.City)) return null;
                var areaNext = here.Span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(here.Span.EndToken));
                if (!(linked || (comma && (here.Kind == PlaceKind.Admin1 || areaNext)))) return null;
                // "the Spin Boldak district of Kandahar": a district is part of a province, so a city's name there is the
                // division named after it.
                if (area && here.Kind == PlaceKind.City && here.Country is { } country
                    && DivisionBySkeleton.Value.TryGetValue(country + "|" + Skeleton(here.Name), out var division) && division is not null)
                {
                    return new PlaceMention(here.Span, division.Entity, PlaceKind.Admin1, division.Country, division.Name);
                }
                return here;
            }
            var w = text.WordOf(i);
            if (RoleWords.AreaNouns.Contains(w) || w.EndsWith("district", StringComparison.OrdinalIgnoreCase)) linked = area = true;
            else if (w is "of" or "in") linked = true;
            else if (w == ",") comma = true;
            else if (w is "the" || text.PosOf(i) is "JJ" || (w.Length > 1 && char.IsUpper(w[0]))) continue;
            else return null;
        }
        return null;
    }

    /// <summary>The country of "Cambodia's Oddar Meanchey" or "the eastern Afghan district of Urgun"; null when none.</summary>
    private static string? CountryOfPhrase(AnnotatedText text, TokenSpan span, List<PlaceMention> places)
    {
        var i = span.StartToken - 1;
        while (i >= 0 && span.StartToken - i <= 3 && text.PosOf(i) is "JJ") i--;
        if (i >= 1 && text.WordOf(i) is "'s" or "’s") return CountryEndingAt(text, i, places);
        if (i >= 2 && text.WordOf(i) == "of" && RoleWords.AreaNouns.Contains(text.WordOf(i - 1))) return CountryEndingAt(text, i - 1, places);
        return null;
    }

    /// <summary>The country of a country's name or a demonym ending right before token <paramref name="end"/>.</summary>
    private static string? CountryEndingAt(AnnotatedText text, int end, List<PlaceMention> places)
    {
        foreach (var p in places) if (p.Span.EndToken == end && p.Kind == PlaceKind.Country && p.Country is not null) return p.Country;
        foreach (var e in text.Entities) if (e.Span.EndToken == end && e.Type == EntityType.Norp && e.Known?.Country is { } c) return c;
        return null;
    }

    /// <summary>Whether the span's sentence is a title-case line: four or more words of four letters or more, nearly all capitalized.</summary>
    internal static bool InTitleCaseLine(AnnotatedText text, TokenSpan span)
    {
        var sentence = text.SentenceOf(span.StartToken);
        int words = 0, capitalized = 0;
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (w.Length < 4 || !char.IsLetter(w[0])) continue;
            words++;
            if (char.IsUpper(w[0])) capitalized++;
        }
        return words >= 4 && capitalized * 10 >= words * 8;
    }
}
