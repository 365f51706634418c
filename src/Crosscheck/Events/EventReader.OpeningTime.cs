using Crosscheck.Language;

namespace Crosscheck.Events;

// A time that opens a sentence dates every attack the sentence goes on to tell without a time of its own.
public sealed partial class EventReader
{
    /// <summary>
    /// "On the night of 16-17 February drones hit a fuel station in Kosti, killing 11 people, and a house in Rabak, killing
    /// three": the parse hangs the time on the first attack's verb, so the second attack, split off at its own place, has
    /// none. A time standing before the sentence's first attack word (and not only a report's day) sets the scene for the
    /// whole sentence: each later attack of the sentence with no time of its own takes it. An attack recalled in the
    /// sentence (after a lapse, a reprisal or a comparison: <see cref="RecalledAttack"/>) is dated by its own words later, and is
    /// left alone. The first attack's subject, before its word, goes with the time to a later attack that has no actor of
    /// its own.
    /// </summary>
    private static void ShareOpeningTime(AnnotatedText text, TokenSpan sentence, List<EventMention> sentenceEvents)
    {
        if (sentenceEvents.Count < 2) return;
        var attacks = sentenceEvents.Where(e => e.Type == PloverType.Assault).OrderBy(e => e.Trigger.StartToken).ToList();
        if (attacks.Count < 2 || attacks[0] is not { Time: { } opening, TimeIsReportDay: false } first
            || opening.Span.Length == 0 || opening.Span.EndToken > first.Trigger.StartToken) return;
        // Its subject, standing before its word too ("drones hit …, and a school in Kosti"), is the later attack's when that has none.
        var subject = first.Actors.All(a => a.Span.EndToken <= first.Trigger.StartToken) ? first.Actors : [];
        foreach (var later in attacks.Skip(1))
        {
            if (later.Time is not null || later.Modality != first.Modality || RecalledAttack.InRecalledWords(text, sentence, later.Trigger.StartToken)) continue;
            var at = sentenceEvents.IndexOf(later);
            sentenceEvents[at] = later with { Time = opening, Actors = later.Actors.IsEmpty ? subject : later.Actors };
        }
    }
}
