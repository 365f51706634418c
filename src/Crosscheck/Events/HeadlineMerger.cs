using System.Collections.Immutable;
using Crosscheck.Documents;

namespace Crosscheck.Events;

/// <summary>
/// A headline restates the news its lede tells, so one event reported in both is one event. A headline event joins
/// the first lede event of its type and modality whose values do not conflict with its own (dead, injured, place, day):
/// the lede's event keeps its words and takes what only the headline gave (place, day, dead, injured, actors,
/// recipients), each value still pointing at the words that gave it. A headline event with no such lede event stays.
/// </summary>
internal static class HeadlineMerger
{
    public static ImmutableArray<EventMention> Merge(ImmutableArray<EventMention> events)
    {
        if (!events.Any(e => e.Segment == SegmentKind.Headline) || !events.Any(e => e.Segment == SegmentKind.Lede)) return events;
        var result = events.ToList();
        foreach (var headline in events.Where(e => e.Segment == SegmentKind.Headline))
        {
            var at = result.FindIndex(e => e.Segment == SegmentKind.Lede && e.Type == headline.Type && e.Modality == headline.Modality
                && Compatible(headline, e));
            if (at < 0) continue;
            result[at] = Fill(result[at], headline);
            result.Remove(headline);
        }
        return [.. result];
    }

    private static bool Compatible(EventMention a, EventMention b) =>
        Same(a.Fatalities, b.Fatalities) && Same(a.Injured, b.Injured) && SamePlace(a.Location, b.Location) && SameTime(a.Time, b.Time);

    private static bool Same(CountRange? a, CountRange? b) => a is null || b is null || (a.Min == b.Min && a.Max == b.Max);

    private static bool SamePlace(EventPlace? a, EventPlace? b) =>
        a is null || b is null || a.Name == b.Name || (a.Known is not null && a.Known.Key == b.Known?.Key)
        || (a.Country is not null && a.Country == b.Country);

    private static bool SameTime(Language.TimeMention? a, Language.TimeMention? b) =>
        a is not { Start: { } sa, End: { } ea } || b is not { Start: { } sb, End: { } eb } || (sa <= eb && sb <= ea);

    private static EventMention Fill(EventMention lede, EventMention headline) => lede with
    {
        Location = lede.Location ?? headline.Location,
        Time = lede.Time ?? headline.Time,
        Fatalities = lede.Fatalities ?? headline.Fatalities,
        Injured = lede.Injured ?? headline.Injured,
        Actors = lede.Actors.IsEmpty ? headline.Actors : lede.Actors,
        Recipients = lede.Recipients.IsEmpty ? headline.Recipients : lede.Recipients,
        Confidence = Math.Max(lede.Confidence, headline.Confidence),
    };
}
