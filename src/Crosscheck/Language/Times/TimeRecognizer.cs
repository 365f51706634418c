using System.Collections.Immutable;

namespace Crosscheck.Language;

/// <summary>
/// Finds time expressions and resolves them to inclusive days against <see cref="AnnotatedText.Published"/>
/// (rules and examples in tests/Crosscheck.Tests/Specs/times.spec.md). One walk over each sentence's tokens;
/// at each token that can start a time the longest reading wins. Without a publication date, relative
/// expressions stay unresolved and absolute ones ("September 5, 2025", "in 2024") are still resolved. A publication date outside
/// years 1000-2999 (0001-01-01 and 9999-12-31 occur in real metadata) anchors nothing, and a time that would fall outside those
/// years ("2000 years ago") keeps its words unresolved.
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
            var scope = new TimeScope(text, sentence.StartToken, sentence.EndToken, IsSane(text.Published) ? text.Published : null);
            var i = sentence.StartToken;
            while (i < sentence.EndToken)
            {
                if (TimeRules.CanStart(text.WordOf(i)) && TimeRules.TryMatch(scope, i, found, out var m))
                {
                    var (start, end) = IsSane(m.Time.Start) && IsSane(m.Time.End) ? (m.Time.Start, m.Time.End) : (null, null);
                    (found ??= ImmutableArray.CreateBuilder<TimeMention>()).Add(new TimeMention(text.Span(m.Start, m.End), start, end, m.Time.Precision));
                    i = m.End;
                }
                else i++;
            }
        }
        text.Times = found?.ToImmutable() ?? ImmutableArray<TimeMention>.Empty;
    }

    /// <summary>The first and last days a time may resolve to, and a publication date may anchor relative times at.</summary>
    public static readonly DateOnly SaneFirst = new(1000, 1, 1), SaneLast = new(2999, 12, 31);

    /// <summary>True for no day (nothing to check) and for a day within <see cref="SaneFirst"/>–<see cref="SaneLast"/>.</summary>
    private static bool IsSane(DateOnly? d) => d is not { } x || x >= SaneFirst && x <= SaneLast;
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

/// <summary>Which occurrence of a recurring period (a weekday, a month, a season) a phrase means.</summary>
internal enum Pick
{
    /// <summary>The latest that started on or before publication: "on Friday", "in April".</summary>
    Past,
    /// <summary>The earliest that has not ended before publication, when the clause speaks of the future.</summary>
    Future,
    /// <summary>"last Friday": the latest that ended before publication.</summary>
    Last,
    /// <summary>"next Friday": the earliest that starts after publication.</summary>
    Next,
    /// <summary>"this Friday": the one in the publication's week (or year).</summary>
    This,
}

internal enum TimeUnit { Hour, Day, Week, Month, Year }

internal enum Part { None, Early, Mid, Late }

/// <summary>The rule a word that opens a time calls (data/language/times.txt, section keywords).</summary>
internal enum Keyword { None, Today, Yesterday, Tomorrow, This, Last, Next, EarlierOrLater, Early, Late, Mid, The, Recent, Since, At, A, Overnight }
