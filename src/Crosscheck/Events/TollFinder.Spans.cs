using Crosscheck.Language;

namespace Crosscheck.Events;

// Where a count starts when its words name no day of their own: "since then", and a span that runs up to now.
public sealed partial class TollFinder
{
    /// <summary>
    /// "Government forces launched an offensive on 14 August. Since then, at least 40 soldiers have been killed": the
    /// last single day told before the "since" (in its sentence or the one before) is where the count starts; null when
    /// none is told or it lies after the article's date.
    /// </summary>
    private static DateOnly? SinceThenDay(AnnotatedText text, TokenSpan sentence, int since)
    {
        var index = text.SentenceIndexOf(sentence.StartToken);
        var from = index > 0 ? text.Sentences[index - 1].StartToken : sentence.StartToken;
        TimeMention? last = null;
        foreach (var t in text.Times)
        {
            if (t.Span.Length == 0 || t.Span.StartToken < from || t.Span.EndToken > since) continue;
            if (t.Precision != TimePrecision.Day || t.Start is null || t.Start != t.End) continue;
            if (text.Published is { } published && t.Start > published) continue;
            if (last is null || t.Span.StartToken > last.Span.StartToken) last = t;
        }
        return last?.Start;
    }

    /// <summary>
    /// "in the past two weeks", "over the previous seven days", "so far this year", "this month": a cue whose words are a
    /// span of time that runs up to the article's date names where the count starts, the span's first day. Null for a
    /// span that ended before it ("in October", "last year": a past span, no start of a running count) or has no day.
    /// </summary>
    private static TimeMention? SpanUpToNow(AnnotatedText text, TokenSpan sentence, TollCues.Cue cue, int start, int end)
    {
        if (text.Published is not { } published) return null;
        foreach (var t in text.Times)
        {
            if (t.Span.Length == 0 || !sentence.Contains(t.Span.StartToken) || t.Start is not { } first || t.End is not { } last) continue;
            // The cue's words hold the time or run into it ("in the past" before "two weeks", "so far" before "this year"), or
            // the time stands near the count whatever made it a total ("A total of 28 people have been killed in the
            // province this month", "In the past two weeks, jets have carried out 58 strikes").
            var touchesCue = t.Span.EndToken > cue.Start && t.Span.StartToken <= cue.End;
            if (!touchesCue && (t.Span.EndToken < start - 12 || t.Span.StartToken > end + 8)) continue;
            if (first >= published || last < published) continue;
            if (t.Precision is not (TimePrecision.Range or TimePrecision.Week or TimePrecision.Month or TimePrecision.Year)) continue;
            // "the largest barrage of 2025, which killed four": a year by its number is a whole year, not a span up to now.
            if (t.Precision == TimePrecision.Year && t.Span.Length == 1) continue;
            return t;
        }
        return null;
    }
}
