using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>An event dated by a lapse back from the day its clause gives ("on Wednesday, three days after a strike").</summary>
public static partial class LinkFactsBuilder
{
    /// <summary>How many words may stand between "after" and the event word ("after a drone strike on").</summary>
    private const int LapseReach = 4;

    /// <summary>
    /// The event's time for linking. "Traders returned to the market on Wednesday, three days after a drone strike killed 27":
    /// "Wednesday" is the day of the returning, and the strike, the event word a lapse of days before "after" takes, was
    /// three days before it. Only a day the sentence's own words give before the lapse is moved back; a day assumed from
    /// the publication or the saying is left as it is, and so is one the sentence gives after the event word
    /// ("three days after a strike on Sunday": Sunday is the strike's).
    /// </summary>
    private static TimeFacts? TimeOf(AnnotatedText text, EventMention e)
    {
        if (e.Time is not { } t) return null;
        var basis = t.Basis ?? (e.TimeIsReportDay ? TimeBases.Report : null);
        var facts = new TimeFacts(t.Span.Text, t.Start, t.End, t.Precision.ToString().ToLowerInvariant(), basis);
        if (basis is not null || t.Precision != TimePrecision.Day || t.Start is not { } start || t.End is not { } end) return facts;
        // The time's own words may count the weeks ("a week after", "two weeks earlier"): as loose as a lapse before "after".
        if (WeeksCounted(t.Span.Text) is { } weeks and > 0)
            return facts with { Start = start.AddDays(-weeks), End = end.AddDays(weeks), Precision = "range" };
        var (lapse, loose) = LapseBefore(text, e, t.Span);
        if (lapse == 0) return facts;
        // "a week after" is said of six to eight days, "two weeks after" of twelve to sixteen: a few days, no day of its own.
        return loose > 0
            ? facts with { Start = start.AddDays(-lapse - loose), End = end.AddDays(-lapse + loose), Precision = "range" }
            : facts with { Start = start.AddDays(-lapse), End = end.AddDays(-lapse) };
    }

    /// <summary>
    /// The days of "N days after" / "a week after" standing before the event word in its clause, with only a determiner,
    /// adjectives and nouns between ("after a drone strike"), and the time's words before the lapse in the same sentence;
    /// 0 when there is none. Weeks are a loose count: the lapse comes with a day of slack for each week counted.
    /// </summary>
    private static (int Days, int Loose) LapseBefore(AnnotatedText text, EventMention e, TokenSpan time)
    {
        if (e.Trigger.Length == 0 || time.Length == 0) return (0, 0);
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        for (var i = e.Trigger.StartToken - 1; i >= Math.Max(sentence.StartToken + 2, e.Trigger.StartToken - 1 - LapseReach); i--)
        {
            var w = text.WordOf(i);
            if (LapseLinks.Contains(w))
            {
                if (!LapseUnits.TryGetValue(text.WordOf(i - 1), out var unit) || !CountOf(text.WordOf(i - 2), out var count)) return (0, 0);
                // The time is the clause's, before the lapse: not the event's own day after it, nor another sentence's.
                if (time.StartToken < sentence.StartToken || time.EndToken > i - 2) return (0, 0);
                return (unit * count, unit >= 7 ? count : 0);
            }
            if (w is "," or ";" or ":" || text.PosOf(i) is { } pos && (pos.StartsWith("VB", StringComparison.Ordinal) || pos == "IN")) return (0, 0);
        }
        return (0, 0);
    }

    /// <summary>The weeks that words of the form "a week after" or "two weeks earlier" count; null for other words.</summary>
    private static int? WeeksCounted(string words)
    {
        var w = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w.Length != 3 || !CountOf(w[0].ToLowerInvariant(), out var count) || !LapseUnits.TryGetValue(w[1].ToLowerInvariant(), out var unit) || unit < 7) return null;
        return w[2].ToLowerInvariant() is "after" or "before" or "earlier" or "later" ? count : null;
    }

    private static bool CountOf(string word, out int count)
    {
        if (LapseCounts.TryGetValue(word, out count)) return true;
        return int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count is > 0 and <= 31;
    }
}
