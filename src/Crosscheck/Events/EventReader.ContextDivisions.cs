using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// The division a place the gazetteers lack lies in, by the division its sentence (or the sentences before it in its paragraph) names.
public sealed partial class EventReader
{
    /// <summary>How many sentences before a place's own, within its paragraph, may name the division it lies in.</summary>
    private const int DivisionSentencesBack = 2;

    /// <summary>
    /// "In Laos's Xaisomboun province, gunmen attacked a market in Ban Na Luang", "the Zamfara village of Kwanar Dutsi",
    /// "Kwanar Dutsi, in Zamfara": a place the gazetteers lack, named as a place (after a place preposition other than
    /// "near", or by a word for an area), lies in the first-level division its sentence names, else the one a sentence
    /// before it in its paragraph names. It keeps its own words and takes the division as its known place (its country
    /// and admin1), as a place the words put in a division ("Ban Nam Yen, Kantharalak District") does.
    /// </summary>
    private static void InContextDivisions(AnnotatedText text, List<PlaceMention> places)
    {
        for (var k = 0; k < places.Count; k++)
        {
            if (places[k] is not { Known: null, Kind: PlaceKind.Region } unknown) continue;
            var sentence = text.SentenceOf(unknown.Span.StartToken);
            var named = NamedByAreaNoun(text, unknown.Span)
                || PrepositionOfPlace(text, unknown.Span.StartToken, sentence) is var at and >= 0 && !text.WordOf(at).Equals("near", StringComparison.OrdinalIgnoreCase);
            if (!named || ContextDivision(text, unknown.Span) is not { } division) continue;
            if (unknown.Country is not null && unknown.Country != division.Country) continue;
            places[k] = new PlaceMention(unknown.Span, division.Entity, PlaceKind.Admin1, division.Country, division.Name);
        }
    }

    /// <summary>
    /// The one first-level division the sentence of <paramref name="span"/> names (a division, or a city's name before a
    /// word for a division: "Sokoto state"), else the one the nearest sentence before it in its paragraph (up to <see cref="DivisionSentencesBack"/>)
    /// names; null when the nearest sentence that names one names several, or names a country other than the division's
    /// (the place may lie across the border), or when none does.
    /// </summary>
    internal static GazetteerEntry? ContextDivision(AnnotatedText text, TokenSpan span)
    {
        var index = text.SentenceIndexOf(span.StartToken);
        HashSet<string>? documentCountries = null;
        for (var back = 0; back <= DivisionSentencesBack && index - back >= 0; back++)
        {
            var sentence = text.Sentences[index - back];
            if (back > 0 && ParagraphBreakBetween(text, sentence, text.Sentences[index - back + 1])) return null;
            string? code = null;
            var countries = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in text.GazetteerMatches)
            {
                if (m.Kind != GazetteerMatchKind.Entity || m.Entry is not { Country: { } country } entry || !sentence.Contains(m.StartToken)) continue;
                if (m.StartToken < span.EndToken && span.StartToken < m.EndToken) continue;
                if (entry.Place == PlaceKind.Country) { countries.Add(country); continue; }
                // The division the place reading takes the name for: a city's name is its division's only before a word for a
                // division ("Sokoto state", "Sisaket province"); a dateline's city is a city.
                var division = entry.Place == PlaceKind.Admin1 ? entry : Choose(text, m, documentCountries ??= DocumentCountries(text)) ?? entry;
                if (division.Place != PlaceKind.Admin1 || division.Admin1 is not { } own) continue;
                if (code is not null && code != own) return null;
                code = own;
            }
            if (code is null) continue;
            if (!DivisionByCode.Value.TryGetValue(code, out var found) || countries.Any(c => c != found.Country)) return null;
            return found;
        }
        return null;
    }

    /// <summary>The one country the sentence of <paramref name="span"/> names; null when none or several.</summary>
    internal static string? SentenceCountry(AnnotatedText text, TokenSpan span)
    {
        var sentence = text.SentenceOf(span.StartToken);
        string? found = null;
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Kind != GazetteerMatchKind.Entity || m.Entry is not { Place: PlaceKind.Country, Country: { } code } || !sentence.Contains(m.StartToken)) continue;
            if (found is not null && found != code) return null;
            found = code;
        }
        return found;
    }

    /// <summary>
    /// The article's country as the place of words that spread an event over it ("nationwide"): <paramref name="code"/>
    /// (the dateline's country, else its news attacks'), else the one country its first sentence names; null when none.
    /// </summary>
    private EventPlace? CountryPlace(AnnotatedText text, List<PlaceMention> places, string? code, TokenSpan words)
    {
        code ??= text.Count > 0 ? OnlyCountry(places, text.SentenceOf(0), ground: false) : null;
        if (code is null || Gazetteer.Default.Country(code) is not { } country) return null;
        return PlaceOf(text, text.SentenceOf(words.StartToken), places, new PlaceMention(words, country.Entity, PlaceKind.Country, code, country.Name));
    }

    /// <summary>Whether a line break stands between two sentences (a new paragraph).</summary>
    private static bool ParagraphBreakBetween(AnnotatedText text, TokenSpan earlier, TokenSpan later)
    {
        for (var c = earlier.End; c < later.Start && c < text.Text.Length; c++) if (text.Text[c] is '\n' or '\r') return true;
        return false;
    }
}
