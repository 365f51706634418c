using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// A day inside a lapse frame that does not hold the event word: "Two days after the truce took hold on Sunday, mortars
/// killed two" (Tuesday), "gunmen shot four, a day before the vote on Sunday" (Saturday). The frame is "N days" (or "a
/// week") with "after" or "before", up to the next comma, semicolon or colon or the sentence's end; the day named in it
/// is the frame's event's, and the attack told outside it lies the lapse after (or before) that day. Words only: a
/// parse may hang the frame anywhere. Weeks are a loose count, as "a week after" is said of six to eight days.
/// </summary>
internal static class LapsedDays
{
    public static TimeMention? Moved(AnnotatedText text, TokenSpan sentence, TimeMention time, TokenSpan trigger)
    {
        if (time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } || start != end) return null;
        for (var k = time.Span.StartToken - 1; k >= sentence.StartToken + 2; k--)
        {
            var word = text.WordOf(k);
            if (word is "," or ";" or ":") return null;
            if (!word.Equals("after", StringComparison.OrdinalIgnoreCase) && !word.Equals("before", StringComparison.OrdinalIgnoreCase)) continue;
            var unit = AnchoredDays.UnitDays(text.WordOf(k - 1));
            if (unit == 0) return null;
            if ((text.WordOf(k - 2) is "a" or "A" or "an" or "An" ? 1 : AnchoredDays.NumberOfUnits(text, k - 2)) is not { } count) return null;
            var frameEnd = FrameEnd(text, sentence, k);
            if (time.Span.EndToken > frameEnd || trigger.StartToken >= k - 2 && trigger.StartToken < frameEnd) return null;
            var sign = word.Equals("after", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
            var day = start.AddDays(sign * count * unit);
            var words = text.Span(k - 2, time.Span.EndToken);
            return unit >= 7
                ? new TimeMention(words, day.AddDays(-count), day.AddDays(count), TimePrecision.Range)
                : new TimeMention(words, day, day, TimePrecision.Day);
        }
        return null;
    }

    /// <summary>
    /// An event recalled months or years back from the day its sentence gives: "Families gathered on Wednesday to mark one
    /// year since gunmen stormed the hotel and killed 23" (the attack a year before that Wednesday), "on Sunday, the second
    /// anniversary of the massacre" (two years before). The time stands before the lapse ("N months" or "N years" with
    /// "since", "after" or "before", or an anniversary "of"), and the event word after the link, in its frame (no comma,
    /// semicolon or colon between). Days and weeks are left to the linker, which moves them the same way
    /// (LinkFactsBuilder.TimeOf).
    /// </summary>
    public static TimeMention? Recalled(AnnotatedText text, TokenSpan sentence, TimeMention time, TokenSpan trigger)
    {
        if (time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } || start != end) return null;
        if (trigger.StartToken <= time.Span.EndToken || !sentence.Contains(trigger.StartToken)) return null;
        for (var k = trigger.StartToken - 1; k >= time.Span.EndToken + 1; k--)
        {
            var word = text.WordOf(k).ToLowerInvariant();
            if (word is "," or ";" or ":") return null;
            int months;
            int from;
            if (word is "since" or "after" or "before" && MonthsIn(text.WordOf(k - 1)) is > 0 and var unit)
            {
                if ((text.WordOf(k - 2).ToLowerInvariant() is "a" or "an" or "one" ? 1 : AnchoredDays.NumberOfUnits(text, k - 2)) is not { } count) return null;
                months = count * unit * (word == "before" ? -1 : 1);
                from = k - 2;
            }
            else if (word == "of" && text.WordOf(k - 1).Equals("anniversary", StringComparison.OrdinalIgnoreCase))
            {
                var years = Ordinal(text.WordOf(k - 2));
                months = 12 * (years ?? 1);
                from = years is null ? k - 1 : k - 2;
            }
            else continue;
            if (from < time.Span.EndToken) return null;
            var day = start.AddMonths(-months);
            return new TimeMention(text.Span(from, k + 1), day, day, TimePrecision.Day);
        }
        return null;
    }

    /// <summary>Months in a unit word: 1 for "month(s)", 12 for "year(s)", else 0.</summary>
    private static int MonthsIn(string word) => word.ToLowerInvariant() switch
    {
        "month" or "months" => 1,
        "year" or "years" => 12,
        _ => 0,
    };

    /// <summary>The years an anniversary's ordinal counts ("first", "second", "10th"); null for other words.</summary>
    private static int? Ordinal(string word)
    {
        var w = word.ToLowerInvariant();
        var index = Array.IndexOf(OrdinalWords, w);
        if (index >= 0) return index + 1;
        return w.Length > 2 && w[^2..] is "st" or "nd" or "rd" or "th" && int.TryParse(w[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : null;
    }

    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>The token after the frame opened by the link at <paramref name="link"/>: the next comma, semicolon or colon, else the sentence's end.</summary>
    private static int FrameEnd(AnnotatedText text, TokenSpan sentence, int link)
    {
        for (var i = link + 1; i < sentence.EndToken; i++)
        {
            if (text.WordOf(i) is "," or ";" or ":") return i;
        }
        return sentence.EndToken;
    }
}
