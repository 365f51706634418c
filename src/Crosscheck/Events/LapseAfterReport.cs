using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// "An airstrike killed nine people, the ministry said on Wednesday, a day after the strike": an attack dated only by
/// the day of its report took place the lapse before it that the sentence names against a definite noun of the same
/// kind ("a day after the strike", "two days after the attack"), counted back from the report's day. The words, not the
/// parse: "N day(s)/week(s) after the (or this, that) …" with an event word of the attack's type within a few words.
/// </summary>
internal static class LapseAfterReport
{
    /// <summary>How far after "the" the event word may stand ("the deadly drone strike").</summary>
    private const int MaxNounPhrase = 4;

    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (!e.TimeIsReportDay || e.Time is not { Precision: TimePrecision.Day, Start: { } report } || e.Time.End != report) continue;
            if (Lapse(text, e) is not { } lapse) continue;
            var day = report.AddDays(-lapse.Days);
            builder[i] = e with { Time = new TimeMention(lapse.Words, day, day, TimePrecision.Day), TimeIsReportDay = false };
        }
        return builder.ToImmutable();
    }

    /// <summary>The one lapse "N days after the &lt;event&gt;" of the event's sentence, outside the event's own words; null when none or several.</summary>
    private static (TokenSpan Words, int Days)? Lapse(AnnotatedText text, EventMention e)
    {
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        // The event words are matched only for a sentence that has a lapse at all (most report-day events have none).
        ImmutableArray<TriggerMatch> matches = default;
        (TokenSpan, int)? found = null;
        for (var k = sentence.StartToken + 2; k + 2 < sentence.EndToken; k++)
        {
            if (!text.WordOf(k).Equals("after", StringComparison.OrdinalIgnoreCase)) continue;
            var unit = AnchoredDays.UnitDays(text.WordOf(k - 1));
            if (unit == 0) continue;
            var count = text.WordOf(k - 2) is "a" or "A" or "one" or "One" ? 1 : AnchoredDays.NumberOfUnits(text, k - 2);
            if (count is null || text.WordOf(k + 1).ToLowerInvariant() is not ("the" or "this" or "that")) continue;
            // The lapse measures against the attack itself, told again by a noun of its kind.
            if (matches.IsDefault) matches = TriggerLexicon.Default.Match(text, sentence);
            if (!matches.Any(m => m.Entry.Type == e.Type && m.Span.StartToken > k + 1 && m.Span.StartToken - (k + 1) <= MaxNounPhrase
                && !m.Span.Contains(e.Trigger.StartToken))) continue;
            if (found is not null) return null;
            found = (text.Span(k - 2, k + 1), count.Value * unit);
        }
        return found;
    }
}
