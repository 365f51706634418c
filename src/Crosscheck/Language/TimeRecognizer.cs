using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Crosscheck.Language;

/// <summary>
/// Finds time expressions and resolves them to inclusive days against <see cref="AnnotatedText.Published"/>
/// (rules and examples in tests/Crosscheck.Tests/Specs/times.spec.md). One walk over each sentence's tokens;
/// at each token that can start a time the longest reading wins. Without a publication date, relative
/// expressions stay unresolved and absolute ones ("September 5, 2025", "in 2024") are still resolved.
/// </summary>
public sealed class TimeRecognizer : IPipelineComponent
{
    public string Name => "times";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;
    public Annotations Sets => Annotations.Times;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ImmutableArray<TimeMention>.Builder? found = null;
        foreach (var sentence in text.Sentences)
        {
            var scope = new TimeScope(text, sentence.StartToken, sentence.EndToken, text.Published);
            var i = sentence.StartToken;
            while (i < sentence.EndToken)
            {
                if (TimeRules.CanStart(text.WordOf(i)) && TimeRules.TryMatch(scope, i, found, out var m))
                {
                    (found ??= ImmutableArray.CreateBuilder<TimeMention>()).Add(
                        new TimeMention(text.Span(m.Start, m.End), m.Time.Start, m.Time.End, m.Time.Precision));
                    i = m.End;
                }
                else i++;
            }
        }
        text.Times = found?.ToImmutable() ?? ImmutableArray<TimeMention>.Empty;
    }
}

/// <summary>One sentence being read: its tokens [<see cref="Start"/>, <see cref="End"/>) and the date relative times count from.</summary>
internal readonly record struct TimeScope(AnnotatedText Text, int Start, int End, DateOnly? Published)
{
    public string Word(int i) => Text.WordOf(i);
    public bool Is(int i, string word) => i >= Start && i < End && Text.WordOf(i).Equals(word, StringComparison.OrdinalIgnoreCase);
    public string? At(int i) => i >= Start && i < End ? Text.WordOf(i) : null;
}

/// <summary>
/// A resolved (or unresolvable) stretch of days; Start and End null when it cannot be anchored, or when either
/// end falls outside the calendar (years 1 to 9999): a period is resolved at both ends or at neither.
/// </summary>
internal readonly record struct Period(DateOnly? Start, DateOnly? End, TimePrecision Precision)
{
    public static Period Unresolved(TimePrecision precision) => new(null, null, precision);
    public static Period Day(DateOnly? d) => Between(d, d, TimePrecision.Day);
    public static Period Between(DateOnly? start, DateOnly? end, TimePrecision precision) =>
        start is { } a && end is { } b ? new(a, b, precision) : Unresolved(precision);
}

internal readonly record struct TimeMatch(int Start, int End, Period Time);

internal static class TimeRules
{
    /// <summary>Which occurrence of a recurring period (a weekday, a month, a season) a phrase means.</summary>
    private enum Pick
    {
        /// <summary>The latest that started on or before publication: "on Friday", "in April".</summary>
        Past,
        /// <summary>The earliest that has not ended before publication, when the sentence speaks of the future.</summary>
        Future,
        /// <summary>"last Friday": the latest that ended before publication.</summary>
        Last,
        /// <summary>"next Friday": the earliest that starts after publication.</summary>
        Next,
        /// <summary>"this Friday": the one in the publication's week (or year).</summary>
        This,
    }

    private enum Unit { Hour, Day, Week, Month, Year }

    private enum Part { None, Early, Mid, Late }

    private static readonly FrozenDictionary<string, int> Seasons = new Dictionary<string, int>
    {
        ["spring"] = 3, ["summer"] = 6, ["autumn"] = 9, ["fall"] = 9, ["winter"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Unit> Units = new Dictionary<string, Unit>
    {
        ["hour"] = Unit.Hour, ["hours"] = Unit.Hour, ["day"] = Unit.Day, ["days"] = Unit.Day, ["week"] = Unit.Week,
        ["weeks"] = Unit.Week, ["month"] = Unit.Month, ["months"] = Unit.Month, ["year"] = Unit.Year, ["years"] = Unit.Year,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private enum Keyword { None, Today, Yesterday, Tomorrow, This, Last, Next, EarlierOrLater, Early, Late, Mid, The, Recent, Since, At }

    private static readonly FrozenDictionary<string, Keyword> Keywords = new Dictionary<string, Keyword>
    {
        ["today"] = Keyword.Today, ["tonight"] = Keyword.Today, ["yesterday"] = Keyword.Yesterday, ["tomorrow"] = Keyword.Tomorrow,
        ["this"] = Keyword.This, ["last"] = Keyword.Last, ["next"] = Keyword.Next, ["earlier"] = Keyword.EarlierOrLater,
        ["later"] = Keyword.EarlierOrLater, ["early"] = Keyword.Early, ["late"] = Keyword.Late, ["mid"] = Keyword.Mid,
        ["the"] = Keyword.The, ["recent"] = Keyword.Recent, ["since"] = Keyword.Since, ["at"] = Keyword.At,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words in the sentence before a time that make it future ("will meet on Friday").</summary>
    private static readonly FrozenSet<string> FutureCues = FrozenSet.ToFrozenSet(
        ["will", "'ll", "’ll", "shall", "wo", "scheduled", "upcoming"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions that let a bare month, year or season stand as a time ("in April", "during 2024").</summary>
    private static readonly FrozenSet<string> LeadIns = FrozenSet.ToFrozenSet(
        ["in", "during", "until", "till", "by", "before", "after", "from", "through", "throughout", "of", "between", "since", "over"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> WeekendLeadIns = FrozenSet.ToFrozenSet(
        ["over", "at", "during", "on", "for", "through", "throughout", "since"], StringComparer.OrdinalIgnoreCase);

    public static bool CanStart(string w) =>
        Keywords.ContainsKey(w) || Lexicon.MonthOf(w) != 0 || Lexicon.IsWeekday(w) || Seasons.ContainsKey(w) || Quantities.CanStart(w)
        || w.StartsWith("mid-", StringComparison.OrdinalIgnoreCase);

    public static bool TryMatch(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
    {
        m = default;
        var keyword = Keywords.GetValueOrDefault(s.Word(i));
        if (keyword == Keyword.At) return TryAtTheTime(s, i, earlier, out m);
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
    private static bool TryAtTheTime(TimeScope s, int i, ImmutableArray<TimeMention>.Builder? earlier, out TimeMatch m)
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

    private static bool TryCore(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (i >= s.End) return false;
        var w = s.Word(i);
        var pub = s.Published;
        switch (Keywords.GetValueOrDefault(w))
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
        if (Seasons.ContainsKey(w)) return TrySeason(s, i, i, null, out m);
        if (char.IsAsciiDigit(w[0]) && TryDigits(s, i, out m)) return true;
        return TryAgo(s, i, out m);
    }

    private static Period Relative(DateOnly? pub, Func<DateOnly, Period> resolve, TimePrecision precision) =>
        pub is { } p ? resolve(p) : Period.Unresolved(precision);

    private static Pick DefaultPick(TimeScope s, int i)
    {
        for (var k = s.Start; k < i; k++)
        {
            if (FutureCues.Contains(s.Word(k))) return Pick.Future;
        }
        return Pick.Past;
    }

    /// <summary>"this week", "last month", "next year", "last Friday", "this spring", "last night", "next weekend".</summary>
    private static bool TryDeictic(TimeScope s, int i, Pick pick, out TimeMatch m)
    {
        m = default;
        var x = s.At(i + 1);
        if (x is null) return false;
        var pub = s.Published;
        var shift = pick switch { Pick.Last => -1, Pick.Next => 1, _ => 0 };
        Period period;
        if (Units.TryGetValue(x, out var unit) && x[^1] != 's' && unit is Unit.Week or Unit.Month or Unit.Year)
        {
            period = unit switch
            {
                Unit.Week => Relative(pub, p => Week(SafeDates.AddDays(WeekStart(p), 7 * shift)), TimePrecision.Week),
                Unit.Month => Relative(pub, p => MonthPeriod(SafeDates.AddMonths(p, shift)), TimePrecision.Month),
                _ => Relative(pub, p => YearPeriod(p.Year + shift), TimePrecision.Year),
            };
        }
        else if (x.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            period = Relative(pub, p =>
            {
                var saturday = SafeDates.AddDays(WeekStart(p), 5 + 7 * shift);
                return Period.Between(saturday, SafeDates.AddDays(saturday, 1), TimePrecision.Range);
            }, TimePrecision.Range);
        }
        else if (Lexicon.TryWeekday(x, out var day)) return TryWeekday(s, i + 1, day, pick, i, out m);
        else if (Lexicon.MonthOf(x) != 0 && Lexicon.IsFullMonthName(x)) return TryMonthAt(s, i, i + 1, pick, out m);
        else if (Seasons.ContainsKey(x)) return TrySeason(s, i + 1, i, pick, out m);
        else if (pick == Pick.Last && x.Equals("night", StringComparison.OrdinalIgnoreCase))
            period = Relative(pub, p => Period.Day(SafeDates.AddDays(p, -1)), TimePrecision.Day);
        else if (pick == Pick.This && (x.Equals("morning", StringComparison.OrdinalIgnoreCase) || x.Equals("afternoon", StringComparison.OrdinalIgnoreCase)
                 || x.Equals("evening", StringComparison.OrdinalIgnoreCase)))
            period = Relative(pub, p => Period.Day(p), TimePrecision.Day);
        else return false;
        m = new TimeMatch(i, i + 2, period);
        return true;
    }

    /// <summary>"earlier this year" runs from the start of the year to publication; "later this month" from publication to its end.</summary>
    private static bool TryEarlierLater(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (!s.Is(i + 1, "this") || s.At(i + 2) is not { } x || !Units.TryGetValue(x, out var unit) || x[^1] == 's'
            || unit is Unit.Hour or Unit.Day) return false;
        var earlier = s.Word(i).Equals("earlier", StringComparison.OrdinalIgnoreCase);
        var period = Relative(s.Published, p =>
        {
            var whole = unit switch { Unit.Week => Week(WeekStart(p)), Unit.Month => MonthPeriod(p), _ => YearPeriod(p.Year) };
            return earlier ? Period.Between(whole.Start, p, TimePrecision.Range) : Period.Between(p, whole.End, TimePrecision.Range);
        }, TimePrecision.Range);
        m = new TimeMatch(i, i + 3, period);
        return true;
    }

    /// <summary>"early September" (days 1-10), "mid-September" (11-20), "late September" (21 to the end); "early 2025" (January-April), "mid-2025" (May-August), "late 2025" (September-December).</summary>
    private static bool TryPart(TimeScope s, int start, int j, Part part, out TimeMatch m)
    {
        m = default;
        var x = s.At(j);
        if (x is null) return false;
        TimeMatch inner;
        if (x.Equals("this", StringComparison.OrdinalIgnoreCase) || x.Equals("last", StringComparison.OrdinalIgnoreCase) || x.Equals("next", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDeictic(s, j, x.Equals("this", StringComparison.OrdinalIgnoreCase) ? Pick.This : x.Equals("last", StringComparison.OrdinalIgnoreCase) ? Pick.Last : Pick.Next, out inner)) return false;
        }
        else if (Lexicon.MonthOf(x) != 0 && Lexicon.IsFullMonthName(x))
        {
            if (!TryMonthAt(s, j, j, DefaultPick(s, start), out inner)) return false;
        }
        else if (TryYear(x, out var year)) inner = new TimeMatch(j, j + 1, YearPeriod(year));
        else if (part != Part.Mid && Lexicon.TryWeekday(x, out var day))
        {
            return TryWeekday(s, j, day, DefaultPick(s, start), start, out m);
        }
        else return false;
        if (inner.Time.Precision is not (TimePrecision.Month or TimePrecision.Year)) return false;
        m = new TimeMatch(start, inner.End, PartOf(inner.Time, part));
        return true;
    }

    private static bool TryMidToken(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        var rest = w.AsSpan(4);
        // "mid-September", "mid-2025": the tokenizer keeps them whole.
        if (rest.Length == 0) return false;
        var restText = w[4..];
        Period inner;
        if (Lexicon.MonthOf(restText) is var month and not 0)
        {
            var end = i + 1;
            int? year = null;
            if (s.At(i + 1) is { } y && TryYear(y, out var yy)) { year = yy; end++; }
            inner = year is { } known ? MonthPeriod(SafeDates.Create(known, month, 1)) : ResolveMonth(s.Published, month, DefaultPick(s, i));
            m = new TimeMatch(i, end, PartOf(inner, Part.Mid));
            return true;
        }
        if (TryYear(restText, out var yr))
        {
            m = new TimeMatch(i, i + 1, PartOf(YearPeriod(yr), Part.Mid));
            return true;
        }
        return false;
    }

    private static Period PartOf(Period whole, Part part)
    {
        if (whole.Start is not { } a || whole.End is not { } b) return Period.Unresolved(TimePrecision.Range);
        if (whole.Precision == TimePrecision.Month)
        {
            // a is the first of a month, so its 10th, 11th, 20th and 21st days always exist.
            return part switch
            {
                Part.Early => new Period(a, a.AddDays(9), TimePrecision.Range),
                Part.Mid => new Period(a.AddDays(10), a.AddDays(19), TimePrecision.Range),
                _ => new Period(a.AddDays(20), b, TimePrecision.Range),
            };
        }
        return part switch
        {
            Part.Early => new Period(a, new DateOnly(a.Year, 4, 30), TimePrecision.Range),
            Part.Mid => new Period(new DateOnly(a.Year, 5, 1), new DateOnly(a.Year, 8, 31), TimePrecision.Range),
            _ => new Period(new DateOnly(a.Year, 9, 1), b, TimePrecision.Range),
        };
    }

    /// <summary>"over the weekend", "the past two weeks", "the coming days", "the spring of 2024".</summary>
    private static bool TryThe(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var x = s.At(i + 1);
        if (x is null) return false;
        var pub = s.Published;
        if (x.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            if (s.At(i - 1) is not { } lead || !WeekendLeadIns.Contains(lead)) return false;
            var pick = DefaultPick(s, i);
            m = new TimeMatch(i, i + 2, Relative(pub, p =>
            {
                // The weekend whose Saturday is the latest on or before publication (or the next one ahead).
                var back = ((int)p.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7;
                var saturday = SafeDates.AddDays(p, pick == Pick.Future && back != 0 ? 7 - back : -back);
                return Period.Between(saturday, SafeDates.AddDays(saturday, 1), TimePrecision.Range);
            }, TimePrecision.Range));
            return true;
        }
        if (x.Equals("past", StringComparison.OrdinalIgnoreCase) || x.Equals("last", StringComparison.OrdinalIgnoreCase))
            return TryRolling(s, i, i + 2, back: true, out m);
        if (x.Equals("coming", StringComparison.OrdinalIgnoreCase) || x.Equals("next", StringComparison.OrdinalIgnoreCase))
            return TryRolling(s, i, i + 2, back: false, out m);
        if (Seasons.ContainsKey(x)) return TrySeason(s, i + 1, i, null, out m);
        return false;
    }

    /// <summary>"the past two weeks" is [publication - 14 days, publication]; "the coming days" counts forward; no number means one.</summary>
    private static bool TryRolling(TimeScope s, int start, int j, bool back, out TimeMatch m)
    {
        m = default;
        decimal count = 1;
        var counted = false;
        if (s.Is(j, "few")) { count = 5; j++; counted = true; }
        else if (j < s.End && Quantities.TryParse(s.Text, j, s.End, out var q))
        {
            count = q.Max ?? q.Min;
            j = q.End;
            counted = true;
        }
        if (s.At(j) is not { } u || !Units.TryGetValue(u, out var unit) || s.Is(j + 1, "of")) return false;
        // "the next day" points back to an earlier event, not forward from publication.
        if (!back && !counted && u[^1] != 's' && !s.Word(start + 1).Equals("coming", StringComparison.OrdinalIgnoreCase)) return false;
        // "the last days" with no number is vague: a week of days, four weeks, six months, five years, as with "recent".
        if (j == start + 2 && u[^1] == 's') return TryRecentUnit(s, start, j, unit, back, out m);
        // A count past int's range reaches beyond the calendar in every unit (hours included): no date.
        var ceiling = decimal.Ceiling(count);
        long? n = ceiling <= int.MaxValue ? (long)ceiling : null;
        m = new TimeMatch(start, j + 1, Relative(s.Published, p =>
        {
            var other = n is { } k ? Shift(p, unit, back ? -k : k) : null;
            return back ? Period.Between(other, p, TimePrecision.Range) : Period.Between(p, other, TimePrecision.Range);
        }, TimePrecision.Range));
        return true;
    }

    /// <summary>"recent days" is the week before publication, "recent weeks" four weeks, "recent months" six months, "recent years" five years.</summary>
    private static bool TryRecent(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (s.At(i + 1) is not { } u || u[^1] != 's' || !Units.TryGetValue(u, out var unit)) return false;
        return TryRecentUnit(s, i, i + 1, unit, back: true, out m);
    }

    private static bool TryRecentUnit(TimeScope s, int start, int unitAt, Unit unit, bool back, out TimeMatch m)
    {
        m = new TimeMatch(start, unitAt + 1, Relative(s.Published, p =>
        {
            var sign = back ? -1 : 1;
            var other = unit switch
            {
                Unit.Hour => SafeDates.AddDays(p, sign),
                Unit.Day => SafeDates.AddDays(p, 7 * sign),
                Unit.Week => SafeDates.AddDays(p, 28 * sign),
                Unit.Month => SafeDates.AddMonths(p, 6 * sign),
                _ => SafeDates.AddYears(p, 5 * sign),
            };
            return back ? Period.Between(other, p, TimePrecision.Range) : Period.Between(p, other, TimePrecision.Range);
        }, TimePrecision.Range));
        return true;
    }

    /// <summary>
    /// A month at <paramref name="i"/>: "September 5, 2025", "Sept. 5", "September 2025", "April of 2024",
    /// "April last year", or a bare "April" after a preposition ("in April") or before "'s".
    /// </summary>
    private static bool TryMonth(TimeScope s, int i, Pick pick, bool bare, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        var month = Lexicon.MonthOf(w);
        var pub = s.Published;
        if (s.At(i + 1) is { } next && TryDay(next, out var day))
        {
            var j = i + 2;
            int? year = null;
            if (s.Is(j, ",") && s.At(j + 1) is { } y1 && TryYear(y1, out var yy)) { year = yy; j += 2; }
            else if (s.At(j) is { } y2 && TryYear(y2, out yy)) { year = yy; j++; }
            var attributive = year is null && s.Is(i - 1, "the") && s.At(j) is { } after && after.Length > 1 && char.IsLower(after[0]);
            if (!TryDate(year, month, day, pub, attributive, out var period)) return false;
            m = new TimeMatch(i, j, period);
            return true;
        }
        if (s.At(i + 1) is { } y && TryYear(y, out var year2))
        {
            m = new TimeMatch(i, i + 2, MonthPeriod(SafeDates.Create(year2, month, 1)));
            return true;
        }
        if (s.Is(i + 1, "of") && s.At(i + 2) is { } y3 && TryYear(y3, out var year3))
        {
            m = new TimeMatch(i, i + 3, MonthPeriod(SafeDates.Create(year3, month, 1)));
            return true;
        }
        if (!Lexicon.IsFullMonthName(w)) return false;
        if (s.At(i + 2) is { } yearWord && yearWord.Equals("year", StringComparison.OrdinalIgnoreCase) && s.At(i + 1) is { } rel)
        {
            // "April last year", "March this year".
            var shift = rel.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : rel.Equals("this", StringComparison.OrdinalIgnoreCase) ? 0
                : rel.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1 : (int?)null;
            if (shift is { } sh)
            {
                m = new TimeMatch(i, i + 3, Relative(pub, p => MonthPeriod(SafeDates.Create(p.Year + sh, month, 1)), TimePrecision.Month));
                return true;
            }
        }
        var lead = s.At(i - 1);
        if (!bare && !(lead is not null && LeadIns.Contains(lead)) && !(s.Is(i + 1, "'s") || s.Is(i + 1, "’s"))) return false;
        m = new TimeMatch(i, i + 1, ResolveMonth(pub, month, pick == Pick.Past ? DefaultPick(s, i) : pick));
        return true;
    }

    /// <summary>A month chosen by <paramref name="pick"/> ("last April"), the match starting at <paramref name="start"/>.</summary>
    private static bool TryMonthAt(TimeScope s, int start, int monthAt, Pick pick, out TimeMatch m)
    {
        if (!TryMonth(s, monthAt, pick, bare: true, out m)) return false;
        m = m with { Start = start };
        return true;
    }

    private static Period ResolveMonth(DateOnly? pub, int month, Pick pick) =>
        Relative(pub, p => Choose(y => MonthPeriod(SafeDates.Create(y, month, 1)), pick, p, p.Year), TimePrecision.Month);

    /// <summary>A day of a month; without a year, the occurrence nearest publication (news omits the current year).</summary>
    private static bool TryDate(int? year, int month, int day, DateOnly? pub, bool attributive, out Period period)
    {
        period = Period.Unresolved(TimePrecision.Day);
        if (year is { } y)
        {
            if (!SafeDates.TryCreate(y, month, day, out var date)) return false;
            period = Period.Day(date);
            return true;
        }
        if (day > (month == 2 ? 29 : DateTime.DaysInMonth(2001, month))) return false;
        // "the Oct. 7 attack" names an event that may lie in any year: left unresolved.
        if (pub is not { } p || attributive) return true;
        DateOnly? best = null;
        for (var cy = p.Year - 1; cy <= p.Year + 1; cy++)
        {
            // Years the calendar lacks (0, 10000) and days a month lacks in that year (Feb 29) are no candidates.
            if (!SafeDates.TryCreate(cy, month, day, out var d)) continue;
            if (best is null || Math.Abs(d.DayNumber - p.DayNumber) < Math.Abs(best.Value.DayNumber - p.DayNumber)) best = d;
        }
        if (best is { } b) period = Period.Day(b);
        return true;
    }

    /// <summary>
    /// A weekday at <paramref name="at"/>, the match starting at <paramref name="start"/>: with a date after it
    /// ("Friday, Sept. 5") the date decides; otherwise <paramref name="pick"/> does.
    /// </summary>
    private static bool TryWeekday(TimeScope s, int at, DayOfWeek day, Pick pick, int start, out TimeMatch m)
    {
        var dateAt = s.Is(at + 1, ",") ? at + 2 : at + 1;
        if (s.At(dateAt) is { } d && (Lexicon.MonthOf(d) != 0 && TryMonth(s, dateAt, Pick.Past, bare: false, out var date) && date.Time.Precision == TimePrecision.Day
                                     || char.IsAsciiDigit(d[0]) && TryDayFirst(s, dateAt, out date)))
        {
            m = new TimeMatch(start, date.End, date.Time);
            return true;
        }
        m = new TimeMatch(start, at + 1, Relative(s.Published, p => Period.Day(Weekday(day, pick, p)), TimePrecision.Day));
        return true;
    }

    /// <summary>A season: "spring 2024", "the summer of 2024", "in the spring", "last winter", "this fall".</summary>
    private static bool TrySeason(TimeScope s, int at, int start, Pick? pick, out TimeMatch m)
    {
        m = default;
        var w = s.Word(at);
        if (char.IsUpper(w[0]) && at != s.Start) return false;
        var startMonth = Seasons[w];
        int? year = null;
        var end = at + 1;
        if (s.At(at + 1) is { } y && TryYear(y, out var yy)) { year = yy; end++; }
        else if (s.Is(at + 1, "of"))
        {
            // "the fall of Kabul" is no season.
            if (s.At(at + 2) is not { } y2 || !TryYear(y2, out yy)) return false;
            year = yy;
            end += 2;
        }
        if (year is { } known)
        {
            m = new TimeMatch(start, end, SeasonPeriod(known, startMonth));
            return true;
        }
        if (pick is null)
        {
            // A bare season needs a preposition before it (or before its "the").
            var leadAt = start - 1;
            if (s.At(leadAt) is not { } lead || !LeadIns.Contains(lead)) return false;
            pick = DefaultPick(s, start);
        }
        var chosen = pick.Value;
        m = new TimeMatch(start, end, Relative(s.Published, p =>
        {
            if (chosen == Pick.This && startMonth == 12)
            {
                // "this winter": the one under way, else the next.
                return Choose(y => SeasonPeriod(y, 12), Pick.Future, p, p.Year);
            }
            return Choose(y => SeasonPeriod(y, startMonth), chosen, p, p.Year);
        }, TimePrecision.Season));
        return true;
    }

    /// <summary>Digits: an ISO date, "5 September 2025", a decade, a year after a preposition, or "three days ago".</summary>
    private static bool TryDigits(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        var w = s.Word(i);
        if (w.Length == 10 && DateOnly.TryParseExact(w, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var iso))
        {
            m = new TimeMatch(i, i + 1, Period.Day(iso));
            return true;
        }
        if (TryDayFirst(s, i, out m)) return true;
        if (w.Length == 5 && w[4] == 's' && w[3] == '0' && TryYear(w[..4], out var decade))
        {
            m = new TimeMatch(i, i + 1, Period.Between(SafeDates.Create(decade, 1, 1), SafeDates.Create(decade + 9, 12, 31), TimePrecision.Range));
            return true;
        }
        if (TryYear(w, out var year))
        {
            var lead = s.At(i - 1);
            var next = s.At(i + 1);
            var yearLike = lead is not null && LeadIns.Contains(lead)
                           || next is "'s" or "’s"
                           // "the 2024 election"
                           || lead is not null && lead.Equals("the", StringComparison.OrdinalIgnoreCase) && next is not null && next.Length > 1 && char.IsLower(next[0]) && !Lexicon.IsPluralNoun(next)
                           // "between 1995 and 2000"
                           || lead is "and" or "to" or "-" or "–" && s.At(i - 2) is { } prevYear && TryYear(prevYear, out _);
            if (!yearLike) return false;
            m = new TimeMatch(i, i + 1, YearPeriod(year));
            return true;
        }
        return TryAgo(s, i, out m);
    }

    /// <summary>"5 September 2025", "5 Sept", "5th September".</summary>
    private static bool TryDayFirst(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        if (!TryDay(s.Word(i), out var day) || s.At(i + 1) is not { } mw || Lexicon.MonthOf(mw) is not (var month and not 0)) return false;
        var j = i + 2;
        int? year = null;
        if (s.At(j) is { } y && TryYear(y, out var yy)) { year = yy; j++; }
        if (!TryDate(year, month, day, s.Published, attributive: false, out var period)) return false;
        m = new TimeMatch(i, j, period);
        return true;
    }

    /// <summary>
    /// "three days ago" is that day; "two weeks ago" the week (Monday to Sunday) holding the day 14 days back;
    /// months and years the same. A vague count ("a few weeks ago") gives the range its bounds allow.
    /// </summary>
    private static bool TryAgo(TimeScope s, int i, out TimeMatch m)
    {
        m = default;
        decimal lo, hi;
        int unitAt;
        var w = s.Word(i);
        if (Quantities.TryParse(s.Text, i, s.End, out var q))
        {
            if (q.Max is not { } max) return false;
            lo = q.Min;
            hi = max;
            unitAt = q.End;
        }
        else if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            lo = hi = 1;
            unitAt = i + 1;
        }
        else return false;
        if (s.At(unitAt) is not { } u || !Units.TryGetValue(u, out var unit) || !s.Is(unitAt + 1, "ago")) return false;
        if (lo != decimal.Truncate(lo) || hi != decimal.Truncate(hi) || hi > 10_000) return false;
        var a = (int)lo;
        var b = (int)hi;
        var precision = a != b ? TimePrecision.Range : unit switch
        {
            Unit.Hour or Unit.Day => TimePrecision.Day,
            Unit.Week => TimePrecision.Week,
            Unit.Month => TimePrecision.Month,
            _ => TimePrecision.Year,
        };
        m = new TimeMatch(i, unitAt + 2, Relative(s.Published, p =>
        {
            if (a != b) return Period.Between(Shift(p, unit, -b), Shift(p, unit, -a), precision);
            if (Shift(p, unit, -a) is not { } d) return Period.Unresolved(precision);
            return unit switch
            {
                Unit.Hour or Unit.Day => Period.Day(d),
                Unit.Week => Week(WeekStart(d)),
                Unit.Month => MonthPeriod(d),
                _ => YearPeriod(d.Year),
            };
        }, precision));
        return true;
    }

    // ---- calendar arithmetic ----
    // Every step goes through SafeDates: a publication date near either end of the calendar (0001-01-01 and
    // 9999-12-31 both occur in real metadata) must leave a time unresolved, never throw.

    /// <summary><paramref name="n"/> units after <paramref name="d"/> (before it when negative); hours count in whole days, rounded away from publication.</summary>
    private static DateOnly? Shift(DateOnly d, Unit unit, long n) => unit switch
    {
        Unit.Hour => SafeDates.AddDays(d, n >= 0 ? (n + 23) / 24 : -((-n + 23) / 24)),
        Unit.Day => SafeDates.AddDays(d, n),
        Unit.Week => SafeDates.AddDays(d, 7 * n),
        Unit.Month => SafeDates.AddMonths(d, n),
        _ => SafeDates.AddYears(d, n),
    };

    /// <summary>The Monday on or before <paramref name="d"/> (0001-01-01 is a Monday, so one always exists).</summary>
    private static DateOnly WeekStart(DateOnly d) => DateOnly.FromDayNumber(d.DayNumber - (((int)d.DayOfWeek + 6) % 7));

    private static Period Week(DateOnly? monday) => Period.Between(monday, SafeDates.AddDays(monday, 6), TimePrecision.Week);

    private static Period MonthPeriod(DateOnly? d) =>
        d is { } x ? new(new DateOnly(x.Year, x.Month, 1), SafeDates.EndOfMonth(x), TimePrecision.Month) : Period.Unresolved(TimePrecision.Month);

    private static Period YearPeriod(int year) =>
        Period.Between(SafeDates.Create(year, 1, 1), SafeDates.Create(year, 12, 31), TimePrecision.Year);

    /// <summary>Meteorological seasons: spring March-May, summer June-August, autumn September-November, winter December to February of the next year.</summary>
    private static Period SeasonPeriod(int year, int startMonth)
    {
        var start = SafeDates.Create(year, startMonth, 1);
        var last = SafeDates.AddMonths(start, 2);
        return Period.Between(start, last is { } l ? SafeDates.EndOfMonth(l) : null, TimePrecision.Season);
    }

    private static DateOnly? Weekday(DayOfWeek day, Pick pick, DateOnly pub)
    {
        var back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
        var ahead = ((int)day - (int)pub.DayOfWeek + 7) % 7;
        return pick switch
        {
            Pick.Future => SafeDates.AddDays(pub, ahead),
            Pick.Last => SafeDates.AddDays(pub, back == 0 ? -7 : -back),
            Pick.Next => SafeDates.AddDays(pub, ahead == 0 ? 7 : ahead),
            Pick.This => SafeDates.AddDays(WeekStart(pub), ((int)day + 6) % 7),
            _ => SafeDates.AddDays(pub, -back),
        };
    }

    /// <summary>Chooses among a recurring period's occurrences (indexed by year) as <paramref name="pick"/> says.</summary>
    private static Period Choose(Func<int, Period> occurrence, Pick pick, DateOnly pub, int thisYear)
    {
        if (pick == Pick.This) return occurrence(thisYear);
        Period? chosen = null;
        for (var y = pub.Year - 2; y <= pub.Year + 1; y++)
        {
            var o = occurrence(y);
            // An occurrence in a year the calendar lacks (before year 1, after 9999) is no candidate.
            if (o.Start is not { } start || o.End is not { } end) continue;
            var fits = pick switch
            {
                Pick.Future => end >= pub,
                Pick.Last => end < pub,
                Pick.Next => start > pub,
                _ => start <= pub,
            };
            if (!fits) continue;
            // Past and Last keep the latest that fits; Future and Next the earliest.
            if (pick is Pick.Future or Pick.Next) return o;
            chosen = o;
        }
        return chosen ?? Period.Unresolved(TimePrecision.Month);
    }

    private static bool TryYear(string w, out int year)
    {
        year = 0;
        if (w.Length != 4) return false;
        foreach (var c in w) if (!char.IsAsciiDigit(c)) return false;
        year = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
        return year is >= 1800 and <= 2100;
    }

    /// <summary>"5", "05", "5th", "21st": a day of a month.</summary>
    private static bool TryDay(string w, out int day)
    {
        day = 0;
        var n = 0;
        while (n < w.Length && n < 3 && char.IsAsciiDigit(w[n])) { day = day * 10 + (w[n] - '0'); n++; }
        if (n is 0 or > 2 || day is < 1 or > 31) return false;
        var rest = w.AsSpan(n);
        return rest.Length == 0 || rest is "st" or "nd" or "rd" or "th";
    }
}
