using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Where an event happened when its words spread it over a whole country they do not name ("Attacks have killed 212
/// people nationwide since June", "clashes across the country", @whole-country-words in syntax-roles.txt): in the
/// article's country, given as a country (the words that spread it, the country's name). A fallback only: it never
/// replaces a place the event's words give, and it applies only to an event whose sentence names no place.
/// </summary>
internal static class NationwidePlaces
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, Func<string?, TokenSpan, EventPlace?> country, Func<TokenSpan, bool> sentenceNamesPlace)
    {
        if (events.IsDefaultOrEmpty || !events.Any(e => e.Location is null)) return events;
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        var code = ArticleCountry(text, events);
        foreach (var e in events)
        {
            var sentence = text.SentenceOf(e.Trigger.StartToken);
            EventPlace? place = null;
            if (e.Location is null && !sentenceNamesPlace(sentence) && WholeCountry(text, sentence) is { } words) place = country(code, words);
            builder.Add(place is null ? e : e with { Location = place });
        }
        return builder.MoveToImmutable();
    }

    /// <summary>The country of the asserted news attacks that have a place, when they agree on one; null otherwise.</summary>
    private static string? ArticleCountry(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        var countries = SalienceJudge.NewsEvents(events)
            .Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Location?.Country is not null)
            .Select(e => e.Location!.Country!).Distinct(StringComparer.Ordinal).ToList();
        return countries.Count == 1 ? countries[0] : null;
    }

    /// <summary>The words that spread the sentence over a whole country ("nationwide", "across the country"); null when none.</summary>
    internal static TokenSpan? WholeCountry(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (RoleWords.WholeCountryWords.Contains(w)) return text.Span(i, i + 1);
            if (RoleWords.WholeCountryPrepositions.Contains(w) && i + 2 < sentence.EndToken && text.WordOf(i + 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                && RoleWords.WholeCountryNouns.Contains(text.WordOf(i + 2))) return text.Span(i, i + 3);
        }
        return null;
    }
}
