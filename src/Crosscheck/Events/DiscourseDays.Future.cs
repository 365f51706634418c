using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// A day after the article's own date is no day of an attack it tells as done.
internal static partial class DiscourseDays
{
    /// <summary>How many days past publication a day may lie and still be an attack's: a report stamped in UTC may name the local next day.</summary>
    private const int PublicationSlack = 1;

    /// <summary>
    /// "During a training session before the final, scheduled to begin on Thursday, the players expressed condolences to
    /// the families affected by the drone attack" in a Monday paper: an asserted attack cannot have taken place days after
    /// the article was published, so a day of its own that starts more than <see cref="PublicationSlack"/> day after
    /// publication is another event's (the coming match's) and the attack is left undated (later steps may date it).
    /// </summary>
    private static ImmutableArray<EventMention> NotAfterPublication(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (text.Published is not { } published) return events;
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (e.Type != PloverType.Assault || e.Modality != Modality.Asserted || e.Time is not { Start: { } start, Basis: null }) continue;
            if (start.DayNumber - published.DayNumber > PublicationSlack) builder[i] = e with { Time = null, TimeIsReportDay = false };
        }
        return builder.ToImmutable();
    }
}
