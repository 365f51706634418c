using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using static Crosscheck.Language.TimeCalendar;
using static Crosscheck.Language.CalendarTimes;
using static Crosscheck.Language.RelativeTimes;
using static Crosscheck.Language.VagueTimes;

namespace Crosscheck.Language;

/// <summary>Where a time may start and which rule reads it; times that refer back ("at the time", "the day before").</summary>
internal static class TimeRules
{
    private static TimeCues Cues => TimeCues.Default;

    public static bool CanStart(string w) =>
        Cues.Keywords.ContainsKey(w) || Lexicon.MonthOf(w) != 0 || Lexicon.IsWeekday(w) || Cues.Seasons.ContainsKey(w) || Quantities.CanStart(w)
        || w.StartsWith("mid-", StringComparison.OrdinalIgnoreCase);

    public static bool TryMatch(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        m = default;
        var keyword = Cues.Keywords.GetValueOrDefault(s.Word(i));
        if (keyword == Keyword.At) return TryAtTheTime(s, i, earlier, out m);
        // "the night of November 13 to 14", "the night of 13-14 November": the morning's day.
        if (keyword == Keyword.The && s.Is(i + 1, "night") && (s.Is(i + 2, "of") || s.Is(i + 2, "from")) && TryNight(s, i + 3, out var night, out var nightEnd) && night.Start != night.End)
        {
            m = new TimeMatch(i, nightEnd, Period.Day(night.End));
            return true;
        }
        // "during the night", "in the night": the night an "overnight" names ("the night before" and "the night of …" are others).
        if (keyword == Keyword.The && s.Is(i + 1, "night") && (s.Is(i - 1, "during") || s.Is(i - 1, "in"))
            && !s.Is(i + 2, "of") && !s.Is(i + 2, "from") && !s.Is(i + 2, "before") && !s.Is(i + 2, "after"))
        {
            m = LastNight(s, i - 1, i + 2, earlier);
            return true;
        }
        if (keyword is Keyword.The or Keyword.A or Keyword.EarlierOrLater && TryAnaphoricDay(s, i, earlier, out m)) return true;
        if (keyword == Keyword.Overnight) return TryOvernight(s, i, earlier, out m);
        if (keyword == Keyword.None && TryCountedDays(s, i, earlier, out m)) return true;
        if (keyword == Keyword.Since)
        {
            // "since September": from the start of what follows to publication.
            if (!TryCore(s, i + 1, out var from)) return false;
            var start = from.Time.Start;
            // A start after publication cannot open a stretch that ends at publication: left unresolved.
            var unanchored = start is null || start > s.Published;
            m = new TimeMatch(i, from.End, unanchored ? Period.Unresolved(TimePrecision.Range) : new Period(start, s.Published, TimePrecision.Range));
            return true;
        }
        return TryCore(s, i, out m);
    }

    /// <summary>"at the time" refers back to the latest resolved time before it in the text.</summary>
    internal static bool TryAtTheTime(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        m = default;
        if (!(s.Is(i + 1, "the") || s.Is(i + 1, "that")) || !s.Is(i + 2, "time") || s.Is(i + 3, "of")) return false;
        var period = Period.Unresolved(TimePrecision.Range);
        if (earlier is not null)
        {
            for (var k = earlier.Count - 1; k >= 0; k--)
            {
                var e = earlier[k];
                if (e.IsResolved) { period = new Period(e.Start, e.End, e.Precision); break; }
            }
        }
        m = new TimeMatch(i, i + 3, period);
        return true;
    }

    internal static bool TryCore(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (i >= s.End) return false;
        var w = s.Word(i);
        var pub = s.Published;
        switch (Cues.Keywords.GetValueOrDefault(w))
        {
            case Keyword.Today:
                m = new TimeMatch(i, i + 1, Relative(pub, p => Period.Day(p), TimePrecision.Day));
                return true;
            case Keyword.Yesterday:
                m = new TimeMatch(i, i + 1, Relative(pub, p => Period.Day(SafeDates.AddDays(p, -1)), TimePrecision.Day));
                return true;
            case Keyword.Tomorrow:
                m = new TimeMatch(i, i + 1, Relative(pub, p => Period.Day(SafeDates.AddDays(p, 1)), TimePrecision.Day));
                return true;
            case Keyword.This:
                return TryDeictic(s, i, Pick.This, out m);
            case Keyword.Last:
                return TryDeictic(s, i, Pick.Last, out m);
            case Keyword.Next:
                return TryDeictic(s, i, Pick.Next, out m);
            case Keyword.EarlierOrLater:
                return TryEarlierLater(s, i, out m);
            case Keyword.Early:
                return TryPart(s, i, i + 1, Part.Early, out m);
            case Keyword.Late:
                return TryPart(s, i, i + 1, Part.Late, out m);
            case Keyword.Mid:
                return TryPart(s, i, i + 1, Part.Mid, out m);
            case Keyword.The:
                return TryThe(s, i, out m);
            case Keyword.Recent:
                return TryRecent(s, i, out m);
        }
        if (w.StartsWith("mid-", StringComparison.OrdinalIgnoreCase)) return TryMidToken(s, i, out m);
        if (Lexicon.MonthOf(w) != 0) return TryMonth(s, i, Pick.Past, bare: false, out m);
        if (Lexicon.TryWeekday(w, out var day)) return TryWeekday(s, i, day, DefaultPick(s, i), i, out m);
        if (Cues.Seasons.ContainsKey(w)) return TrySeason(s, i, i, null, out m);
        if (char.IsAsciiDigit(w[0]) && TryDigits(s, i, out m)) return true;
        return TryAgo(s, i, out m);
    }

    internal static Period Relative(DateOnly? pub, Func<DateOnly, Period> resolve, TimePrecision precision) =>
        pub is { } p ? resolve(p) : Period.Unresolved(precision);

    /// <summary>
    /// The occurrence a bare weekday, month or season means: the coming one when a future word or phrase ("will", "plans to",
    /// "is scheduled") comes before it in its clause, else the latest begun by publication. The clause is looked back over up to
    /// a comma, semicolon, colon, dash, "said" or "after": "Talks that will resume, officials said, began on Monday" is past.
    /// </summary>
    internal static Pick DefaultPick(TimeScope s, int i)
    {
        for (var k = i - 1; k >= s.Start; k--)
        {
            var w = s.Word(k);
            if (Cues.ClauseEnds.Contains(w)) break;
            foreach (var phrase in Cues.Future)
            {
                if (EndsAt(s, k, phrase)) return Pick.Future;
            }
        }
        return Pick.Past;
    }

    private static bool EndsAt(TimeScope s, int k, ImmutableArray<string> phrase)
    {
        var first = k - phrase.Length + 1;
        if (first < s.Start) return false;
        for (var j = 0; j < phrase.Length; j++)
        {
            if (!s.Word(first + j).Equals(phrase[j], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>
    /// "overnight" is the night that ends on the morning of the day last named in its sentence or the two before it ("Parnell said on
    /// Friday ... struck a vessel overnight" is Friday), else of the publication day ("Russia attacked Kyiv overnight" in a paper of
    /// Saturday is Saturday), dated by that morning. "overnight into Tuesday" / "overnight on Tuesday" take the weekday.
    /// </summary>
    private static bool TryOvernight(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        // "overnight and into Tuesday" names the same morning as "overnight into Tuesday".
        var link = s.Is(i + 1, "and") && s.Is(i + 2, "into") ? i + 2 : i + 1;
        var at = s.Is(link, "into") || s.Is(link, "on") || s.Is(link, "to") || s.Is(link, "from") ? link + 1 : i + 1;
        if (s.At(at) is { } w && Lexicon.TryWeekday(w, out var day))
        {
            var weekday = TryWeekday(s, at, day, DefaultPick(s, i), i, out m);
            return weekday;
        }
        // "overnight from Nov. 13 to 14", "overnight on November 14": the morning's day.
        if (at > i + 1 && TryNight(s, at, out var night, out var nightEnd))
        {
            m = new TimeMatch(i, nightEnd, Period.Day(night.End));
            return true;
        }
        m = LastNight(s, i, i + 1, earlier);
        return true;
    }

    /// <summary>The night of the words [<paramref name="i"/>, <paramref name="end"/>) as "overnight" dates it: by the morning of the day last named close before it, else of the day a report later in its sentence names, else of publication.</summary>
    private static TimeMatch LastNight(TimeScope s, int i, int end, ImmutableArray<TimeMention>.Builder? earlier)
    {
        var from = RecentDay(s, i, earlier) ?? ReportedDay(s, end) ?? s.Published;
        return new TimeMatch(i, end, from is { } f ? Period.Day(f) : Period.Unresolved(TimePrecision.Day));
    }

    /// <summary>
    /// "Overnight strikes killed five, officials said on Saturday": the one day a verb of reporting ([report-verbs]) names
    /// later in the sentence, right after it or after "on", when it lies on the publication day or the two before; null otherwise.
    /// </summary>
    private static DateOnly? ReportedDay(TimeScope s, int from)
    {
        for (var k = from; k < s.End; k++)
        {
            if (!Cues.ReportVerbs.Contains(s.Word(k))) continue;
            var at = s.Is(k + 1, "on") ? k + 2 : k + 1;
            if (s.At(at) is not { } w || !CanStart(w) || !TryCore(s, at, out var day)) continue;
            // A night told as news is reported the morning after or the day after that: a report's day further back
            // (a weekday read against a publication date a day early) dates nothing.
            if (day.Time is { Precision: TimePrecision.Day, Start: { } d, End: { } e } && d == e && s.Published is { } p && d <= p && p.DayNumber - d.DayNumber <= 2) return d;
        }
        return null;
    }

    /// <summary>
    /// The dates of a night at <paramref name="at"/>: one day ("November 14"), or two days in a row ("November 13 to 14",
    /// "Nov. 13-14", "13-14 November"), as a period from the first to the second. False for anything else.
    /// </summary>
    private static bool TryNight(TimeScope s, int at, out Period night, out int end)
    {
        night = default;
        end = at;
        // "13-14 November", "November 13-14": two day numbers in one word beside a month.
        if (s.At(at) is { } first && DayPair(first) is { } pair && s.At(at + 1) is { } after && Lexicon.MonthOf(after) != 0)
            return Pair(s, at + 1, pair, at + 2, out night, out end);
        if (s.At(at) is { } month && Lexicon.MonthOf(month) != 0 && s.At(at + (s.Is(at + 1, ".") ? 2 : 1)) is { } days && DayPair(days) is { } pair2)
            return Pair(s, at, pair2, at + (s.Is(at + 1, ".") ? 3 : 2), out night, out end);
        if (!TryCore(s, at, out var day)) return false;
        // "from Sept. 10 to 11" is read as days of a month: two in a row are a night.
        if (day.Time is { Precision: TimePrecision.Range, Start: { } a, End: { } b } && b.DayNumber == a.DayNumber + 1)
        {
            (night, end) = (day.Time, day.End);
            return true;
        }
        if (day.Time.Precision != TimePrecision.Day || day.Time.Start is not { } d) return false;
        night = day.Time;
        end = day.End;
        // "November 13 to 14", "Nov. 13 into 14": the next day's number; "Saturday to Sunday": the next day's name.
        if (s.At(end) is "to" or "into" or "-" or "–" && s.At(end + 1) is { } next
            && (int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == d.Day + 1
                || Lexicon.TryWeekday(next, out var weekday) && weekday == d.AddDays(1).DayOfWeek))
        {
            night = Period.Between(d, d.AddDays(1), TimePrecision.Range);
            end += 2;
        }
        return true;
    }

    /// <summary>"13-14": two day numbers one apart; null otherwise.</summary>
    private static (int First, int Second)? DayPair(string w)
    {
        var dash = w.IndexOfAny(['-', '–']);
        if (dash <= 0 || !int.TryParse(w.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(w.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var b)) return null;
        return a is >= 1 and <= 30 && b == a + 1 ? (a, b) : null;
    }

    private static bool Pair(TimeScope s, int monthAt, (int First, int Second) pair, int end, out Period night, out int stop)
    {
        night = default;
        stop = end;
        if (ResolveMonth(s.Published, Lexicon.MonthOf(s.Word(monthAt)), DefaultPick(s, monthAt)).Start is not { } m) return false;
        if (pair.Second > DateTime.DaysInMonth(m.Year, m.Month)) return false;
        night = Period.Between(new DateOnly(m.Year, m.Month, pair.First), new DateOnly(m.Year, m.Month, pair.Second), TimePrecision.Range);
        stop = Math.Max(end, monthAt + 1);
        return true;
    }

    /// <summary>How many sentences back a day may lie to date an "overnight" after it.</summary>
    private const int OvernightReach = 2;

    /// <summary>The day of the latest resolved one-day time in the sentence of token <paramref name="i"/> or the <see cref="OvernightReach"/> before it.</summary>
    private static DateOnly? RecentDay(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier)
    {
        if (earlier is null) return null;
        var sentence = s.Text.SentenceIndexOf(i);
        for (var k = earlier.Count - 1; k >= 0; k--)
        {
            var e = earlier[k];
            if (sentence - s.Text.SentenceIndexOf(e.Span.StartToken) > OvernightReach) return null;
            // "the victims of Thursday's shelling, whose toll rose overnight": a day that owns a noun dates that thing,
            // not the time the story stands in.
            if (s.At(e.Span.EndToken) is "'s" or "’s") continue;
            // "KYIV, Aug 26 (Wire) - … overnight, the mayor said on Tuesday": a dateline's day is the day the story was
            // filed, which stands for publication; it does not outrank a report's day later in the sentence.
            if (IsDateline(s, e)) continue;
            if (e.IsResolved && e.Precision == TimePrecision.Day) return e.Start;
        }
        return null;
    }

    /// <summary>How many words a dateline's place may take before its date ("NEW YORK, Aug. 26 (Wire) -").</summary>
    private const int DatelinePlaceWords = 6;

    /// <summary>
    /// Whether the time is the date of a wire dateline (<see cref="Documents.Datelines"/>) in the text's first sentence, after
    /// a few words of place.
    /// </summary>
    private static bool IsDateline(TimeScope s, TimeMention e)
    {
        var start = e.Span.StartToken;
        if (s.Text.SentenceIndexOf(start) != 0 || start > DatelinePlaceWords) return false;
        return Documents.Datelines.InDate(s.Text.Text, s.Text.StartOf(start), DatelineColonCloses);
    }

    /// <summary>Whether a colon after the date ends a dateline as an agency's bracket or a dash does ("JAMMU, June 17:").</summary>
    private const bool DatelineColonCloses = true;

    /// <summary>
    /// "the day before", "the previous day", "a day earlier", "the next day", "earlier in the day", "the same day": a day counted from the latest day-precise time before
    /// it in its sentence or paragraph, else from publication. "the day before the vote" names a day of something unknown here and is
    /// no time.
    /// </summary>
    private static bool TryAnaphoricDay(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        m = default;
        foreach (var (words, days) in Cues.PublicationDays)
        {
            if (i + words.Length > s.End || !EndsAt(s, i + words.Length - 1, words)) continue;
            m = new TimeMatch(i, i + words.Length, Relative(s.Published, p => Period.Day(SafeDates.AddDays(p, days)), TimePrecision.Day));
            return true;
        }
        foreach (var (words, days) in Cues.AnaphoricDays)
        {
            var end = i + words.Length;
            if (end > s.End || !EndsAt(s, end - 1, words)) continue;
            // "the next day's talks" names talks, not a day of their own.
            if (s.At(end) is "'s" or "’s") return false;
            var last = words[^1];
            if ((last.Equals("before", StringComparison.OrdinalIgnoreCase) || last.Equals("after", StringComparison.OrdinalIgnoreCase))
                && s.At(end) is { } next && (Cues.AnaphoraBlockers.Contains(next) || char.IsUpper(next[0]) || char.IsAsciiDigit(next[0])
                    || Cues.Keywords.GetValueOrDefault(next) is Keyword.Yesterday or Keyword.Today or Keyword.Tomorrow)) return false;
            var from = AnchorDay(s, i, earlier) ?? s.Published;
            m = new TimeMatch(i, end, from is { } f ? Period.Day(SafeDates.AddDays(f, days)) : Period.Unresolved(TimePrecision.Day));
            return true;
        }
        // "the same day", "later that day": the day named last, even in the paragraph before; no time without one.
        foreach (var words in Cues.NamedDayAnaphors)
        {
            var end = i + words.Length;
            if (end > s.End || !EndsAt(s, end - 1, words) || s.At(end) is "'s" or "’s") continue;
            if (AnchorDay(s, i, earlier, reach: 1) is not { } named) return false;
            m = new TimeMatch(i, end, Period.Day(named));
            return true;
        }
        return false;
    }

    /// <summary>
    /// "two days earlier", "three days later": a count of days (2–31) counted, like "a day earlier", from the latest one-day
    /// time before it in its sentence or paragraph, else from publication. "two days before" / "after" are left to the
    /// lapse they mostly open ("two days after the truce"), and "two days ago" to publication.
    /// </summary>
    private static bool TryCountedDays(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        m = default;
        if (!Quantities.TryParse(s.Text, i, s.End, out var q) || q.Max is not { } max || q.Min != max || max != decimal.Truncate(max) || max is < 2 or > 31) return false;
        if (s.At(q.End) is not { } unit || !unit.Equals("days", StringComparison.OrdinalIgnoreCase)) return false;
        var sign = s.Is(q.End + 1, "earlier") ? -1 : s.Is(q.End + 1, "later") ? 1 : 0;
        if (sign == 0) return false;
        var from = AnchorDay(s, i, earlier) ?? s.Published;
        m = new TimeMatch(i, q.End + 2, from is { } f ? Period.Day(SafeDates.AddDays(f, sign * (int)max)) : Period.Unresolved(TimePrecision.Day));
        return true;
    }

    /// <summary>
    /// The day of the latest resolved one-day time before token <paramref name="i"/> in its sentence, its paragraph or, when
    /// the words open their paragraph ("A day earlier, another strike …", the wire's one-sentence paragraphs), the
    /// paragraph before (with <paramref name="reach"/> 1, the paragraph before wherever they stand).
    /// </summary>
    private static DateOnly? AnchorDay(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, int? reach = null)
    {
        if (earlier is null) return null;
        var text = s.Text.Text;
        var here = s.Text.StartOf(i);
        reach ??= OpensParagraph(text, here) ? 1 : 0;
        for (var k = earlier.Count - 1; k >= 0; k--)
        {
            var e = earlier[k];
            var end = e.Span.End;
            if (end > here || ParagraphBreaks(text, end, here) > reach) return null;
            if (e.IsResolved && e.Precision == TimePrecision.Day) return e.Start;
        }
        return null;
    }

    /// <summary>Whether only spaces or an opening quotation mark stand between the line's start and <paramref name="at"/>.</summary>
    private static bool OpensParagraph(string text, int at)
    {
        var c = at;
        while (c > 0 && text[c - 1] is ' ' or '\t' or '"' or '“') c--;
        return c == 0 || text[c - 1] is '\n' or '\r';
    }

    /// <summary>How many paragraph breaks lie between two offsets (a run of line breaks and blank lines is one).</summary>
    private static int ParagraphBreaks(string text, int from, int to)
    {
        var breaks = 0;
        var inBreak = false;
        for (var c = from; c < to; c++)
        {
            var newline = text[c] is '\n' or '\r';
            if (newline && !inBreak) breaks++;
            if (newline) inBreak = true;
            else if (!char.IsWhiteSpace(text[c])) inBreak = false;
        }
        return breaks;
    }
}
