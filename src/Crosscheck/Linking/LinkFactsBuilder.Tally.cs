using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

// Events that are a series' tally rather than one attack of their day: counted from a start ("since fighting broke out on
// Sunday night"), measured in days ("after three days of fighting"), or a whole war's dead ("in the border conflict").
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// What makes an event a series' tally rather than one attack of its day, read once per event: the running toll whose
    /// start its day is ("the number of people killed since fighting broke out on Sunday night"), the days its fighting is
    /// measured in ("after three days of border fighting"), or a whole war's dead ("in the border conflict").
    /// </summary>
    private readonly record struct TallyWords(Toll? CountedFrom, int? DurationDays, bool WholeWar);

    private static TallyWords TallyOf(AnnotatedText text, EventMention e, ImmutableArray<Toll> tolls) =>
        new(CountedFrom(tolls, e), DurationDays(text, e), InWholeWar(text, e));

    /// <summary>
    /// The running toll whose start words hold the event's time (one with both its days first); null when none does.
    /// The start is no tally when it is an event of a kind tolls do not count ("since the military seized power in a coup
    /// in 2022"): that coup is the day the count starts from, told as background. A killing word with no time of its own
    /// between a toll's count and its start ("more than 900 people have been killed across the country since the coup")
    /// is the toll's tally, as its own "since" words would make it.
    /// </summary>
    private static Toll? CountedFrom(ImmutableArray<Toll> tolls, EventMention e)
    {
        if (e.Time is not { } t || t.Span.Length == 0) return TallyBetween(tolls, e);
        Toll? found = null;
        foreach (var toll in tolls)
        {
            if (toll.Since is not { } s || s.StartToken > t.Span.StartToken || t.Span.EndToken > s.EndToken) continue;
            if (!CampaignTolls.Counts(e.Type) && e.Trigger.Length > 0 && s.StartToken <= e.Trigger.StartToken && e.Trigger.EndToken <= s.EndToken) continue;
            if (Dated(toll)) return toll;
            found ??= toll;
        }
        return found;
    }

    private static Toll? TallyBetween(ImmutableArray<Toll> tolls, EventMention e)
    {
        if (!CampaignTolls.Counts(e.Type) || e.Trigger.Length == 0) return null;
        foreach (var toll in tolls)
        {
            if (toll.Counts == TollMeasure.Killed && toll.Since is { } s && Dated(toll)
                && toll.Span.StartToken < e.Trigger.StartToken && e.Trigger.EndToken <= s.StartToken && toll.Evidence.Contains(e.Trigger.StartToken))
            {
                return toll;
            }
        }
        return null;
    }

    private static bool Dated(Toll toll) => toll.SinceDate is { } start && toll.AsOf is { } asOf && start <= asOf;

    /// <summary>
    /// The time of a tally: from the start a toll counts from to the day it is as of, as "since Sunday" reads; the days
    /// fighting measured in days lasted up to the day told (the truce's); a whole war's dead as of their report's day
    /// (not the day of one attack); else the event's own time.
    /// </summary>
    private static TimeFacts? TallyTime(TallyWords tally, EventMention e, TimeFacts? time)
    {
        if (tally.CountedFrom is { Since: { } s } toll && Dated(toll)) return new TimeFacts(s.Text, toll.SinceDate, toll.AsOf, "range");
        if (tally.DurationDays is { } days && e.Time is { Precision: TimePrecision.Day, End: { } end } t)
            return new TimeFacts(t.Span.Text, end.AddDays(1 - days), end, "range");
        if (tally.WholeWar && time is { Basis: null }) return time with { Basis = TimeBases.Report };
        return time;
    }

    /// <summary>
    /// The days an event word measured by a span of time covers ("three days of border fighting", "two nights of
    /// shelling", "five days of intense clashes"): a number of days, nights or weeks, "of", at most two describing
    /// words, then the event word; null otherwise.
    /// </summary>
    private static int? DurationDays(AnnotatedText text, EventMention e)
    {
        if (e.Trigger.Length == 0) return null;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        var i = e.Trigger.StartToken - 1;
        for (var skipped = 0; skipped < 2 && i > sentence.StartToken && text.PosOf(i) is "JJ" or "NN" or "NNP" && !text.WordOf(i).Equals("of", StringComparison.OrdinalIgnoreCase); skipped++) i--;
        if (i - 2 < sentence.StartToken || !text.WordOf(i).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        var perUnit = text.WordOf(i - 1).ToLowerInvariant() switch
        {
            "days" or "nights" => 1,
            "weeks" => 7,
            _ => 0,
        };
        if (perUnit == 0) return null;
        foreach (var n in text.NumbersStartingIn(i - 2, i - 1))
        {
            if (n.Span.EndToken == i - 1 && n.Min >= 2 && n.Min <= 60 && (n.Max is null || n.Max == n.Min)) return (int)n.Min * perUnit;
        }
        return null;
    }

    /// <summary>
    /// Whether a killing word of the event (or one right after it) has its dead "in" or "during" a whole war after it ("nine civilians
    /// have been killed in the border conflict", @whole-war-nouns): the war's toll so far, not one attack's dead.
    /// </summary>
    private static bool InWholeWar(AnnotatedText text, EventMention e)
    {
        if (e.Trigger.Length == 0) return false;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        var killing = false;
        for (var i = e.Trigger.StartToken; i < Math.Min(sentence.EndToken - 2, e.Trigger.EndToken + 6); i++)
        {
            killing |= KillWords.Contains(text.WordOf(i));
            if (!killing) continue;
            if (text.WordOf(i).ToLowerInvariant() is not ("in" or "during") || text.PosOf(i + 1) is not "DT") continue;
            var k = i + 2;
            for (var skipped = 0; skipped < 2 && k + 1 < sentence.EndToken && text.PosOf(k) is "JJ" or "NN" or "NNP" && !WholeWarNouns.Contains(text.WordOf(k)); skipped++) k++;
            return k < sentence.EndToken && WholeWarNouns.Contains(text.WordOf(k));
        }
        return false;
    }
}
