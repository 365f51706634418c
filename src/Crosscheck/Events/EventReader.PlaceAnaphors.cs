using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Places named again by a noun alone: "the city" for the city named last, "the country" for the country last mentioned.
public sealed partial class EventReader
{
    /// <summary>
    /// "in the city", "in the town": the city named last, in the same sentence or the one before ("A missile struck Odesa
    /// … Eleven people were injured in the city"); not a city with a name of its own after it ("the city of Lviv"), nor
    /// "the city's" (the possessive leads to another place), nor one two sentences back or more.
    /// </summary>
    private static void AddCityAnaphors(AnnotatedText text, List<PlaceMention> places)
    {
        var cities = places.Where(p => p.Kind == PlaceKind.City && p.Known is not null).ToList();
        if (cities.Count == 0) return;
        var added = new List<PlaceMention>();
        // One pass: the cities (in text order) named before each "the city" are walked once.
        var next = 0;
        PlaceMention? last = null;
        for (var i = 1; i + 1 < text.Count; i++)
        {
            if (text.WordOf(i) is not ("city" or "town") || text.WordOf(i - 1) is not ("the" or "The")) continue;
            if (text.WordOf(i + 1) is "of" or "'s" or "’s" || text.PosOf(i + 1) is "NNP") continue;
            while (next < cities.Count && cities[next].Span.EndToken <= i - 1) last = cities[next++];
            if (last is null || text.SentenceIndexOf(i) - text.SentenceIndexOf(last.Span.StartToken) > 1) continue;
            added.Add(last with { Span = text.Span(i - 1, i + 1) });
        }
        if (added.Count == 0) return;
        places.AddRange(added);
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
    }

    /// <summary>
    /// "the country" and "the nation" name the country last mentioned, by name or by demonym ("the Venezuelan
    /// government … off the coast of the country"); "off the coast of the country" is at sea off it.
    /// </summary>
    private void AddCountryAnaphors(AnnotatedText text, List<PlaceMention> places)
    {
        var added = new List<PlaceMention>();
        // Countries named so far, by place and by demonym, each in text order: one pass over the text.
        // A country qualifying the side that attacks ("a US air strike", "Israeli warplanes") is not the ground it refers to.
        var countries = places.Where(p => p.Kind == PlaceKind.Country && p.Country is not null && !QualifiesAttack(text, p.Span))
            .Select(p => (p.Span.StartToken, p.Country!)).ToList();
        var demonyms = text.Entities.Where(e => e.Type == EntityType.Norp && e.Known?.Country is not null && !QualifiesAttack(text, e.Span))
            .Select(e => (e.Span.StartToken, e.Known!.Country!)).OrderBy(e => e.StartToken).ToList();
        int nextCountry = 0, nextDemonym = 0;
        (int Start, string Code)? lastCountry = null, lastDemonym = null;
        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordOf(i) is not ("country" or "nation") || text.WordOf(i - 1) is not ("the" or "The")) continue;
            while (nextCountry < countries.Count && countries[nextCountry].StartToken < i - 1) lastCountry = countries[nextCountry++];
            while (nextDemonym < demonyms.Count && demonyms[nextDemonym].StartToken < i - 1) lastDemonym = demonyms[nextDemonym++];
            // The country named last; a demonym counts only after the last country named outright.
            var code = lastDemonym is { } d && d.Start > (lastCountry?.Start ?? -1) ? d.Code : lastCountry?.Code;
            if (code is null || Gazetteer.Country(code) is not { } country) continue;
            // "in the country's northern Zarin district": the place is the one the possessive leads to.
            if (i + 1 < text.Count && text.WordOf(i + 1) is "'s" or "’s" && places.Any(p => p.Span.StartToken > i + 1 && p.Span.StartToken <= i + 5)) continue;
            var start = i - 1;
            var kind = PlaceKind.Country;
            if (start >= 4 && text.WordOf(start - 1) == "of" && text.WordOf(start - 2) is "coast" or "coasts" or "shores" && text.WordOf(start - 3) == "the"
                && text.WordOf(start - 4) is "off" or "Off")
            {
                start -= 4;
                kind = PlaceKind.Sea;
            }
            added.Add(new PlaceMention(text.Span(start, i + 1), country.Entity, kind, country.Country, country.Name));
        }
        if (added.Count == 0) return;
        places.AddRange(added);
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
    }

    /// <summary>A country's name or demonym right before a noun of attack or its weapon, at most one word between ("a US air strike").</summary>
    private static bool QualifiesAttack(AnnotatedText text, TokenSpan span)
    {
        for (var i = span.EndToken; i < text.Count && i <= span.EndToken + 1; i++)
        {
            if (RoleWords.AttackingNouns.Contains(text.WordOf(i).ToLowerInvariant())) return true;
            if (text.PosOf(i) is not ("NN" or "JJ")) return false;
        }
        return false;
    }
}
