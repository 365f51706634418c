using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Where an attack happened when its own sentence names no place: at the place of the article's news attack, as a
/// reader assumes of "The strike follows one on Sept. 15, which killed three" in a report of a strike in the
/// Caribbean. Only an asserted attack told as one incident (with its own day and dead) takes it, only when its
/// sentence names no place at all nor spreads it over the whole country ("the nationwide death toll from the barrage",
/// <see cref="NationwidePlaces"/>), and only when the news attacks (<see cref="SalienceJudge"/>) agree on one place. The place keeps its own words (the characters that name it in the news sentence).
/// </summary>
internal static class DiscoursePlaces
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, Func<TokenSpan, bool> sentenceNamesPlace)
    {
        if (events.IsDefaultOrEmpty) return events;
        var newsPlaces = SalienceJudge.NewsEvents(events)
            .Where(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Location is not null)
            .Select(e => e.Location!).ToList();
        if (newsPlaces.Count == 0 || newsPlaces.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != 1) return events;
        var place = newsPlaces[0];
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var takes = e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Location is null
                && e.Time is { Precision: TimePrecision.Day, Start: not null, Basis: null } && e.Fatalities is not null
                && !sentenceNamesPlace(text.SentenceOf(e.Trigger.StartToken)) && !NamesStandingPlace(text, text.SentenceOf(e.Trigger.StartToken))
                && NationwidePlaces.WholeCountry(text, text.SentenceOf(e.Trigger.StartToken)) is null;
            builder.Add(takes ? e with { Location = place } : e);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// "Sunday's bombing in the capital that killed 13", told in a report of an airstrike elsewhere: a place named by what it is
    /// (@standing-places in syntax-roles.txt) after "the" and a preposition of place is the sentence's own, maybe not the news place.
    /// </summary>
    internal static bool NamesStandingPlace(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken + 2; i < sentence.EndToken; i++)
        {
            if (!RoleWords.StandingPlaces.Contains(text.WordOf(i))) continue;
            if (text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(i - 2).ToLowerInvariant() is "in" or "at" or "near" or "outside" or "inside" or "around") return true;
        }
        return false;
    }
}
