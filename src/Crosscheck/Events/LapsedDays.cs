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
