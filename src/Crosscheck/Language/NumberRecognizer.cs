using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Crosscheck.Language;

/// <summary>
/// Finds counts and amounts as intervals with the noun they count (rules and examples in
/// tests/Crosscheck.Tests/Specs/numbers.spec.md). One walk over the tokens of each sentence: at each token
/// that can start a number, the longest reading wins and the walk resumes after it.
/// Approximations get a tolerance of 10 % ("about 50" is [45, 55]); comparatives are open or closed on one
/// side ("more than 100" is [101, open), "up to 64" is [0, 64], "nearly 70" is [63, 69]); years, dates,
/// times of day, ordinals and designators ("Title 50", "F-35") are not numbers, nor is any quantity above
/// 10^18 (<see cref="Quantities.MaxValue"/>), which also keeps the arithmetic here far from decimal's limits.
/// </summary>
public sealed class NumberRecognizer : IPipelineComponent
{
    public string Name => "numbers";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;
    public Annotations Sets => Annotations.Numbers;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ImmutableArray<NumberMention>.Builder? found = null;
        foreach (var sentence in text.Sentences)
        {
            var end = sentence.EndToken;
            var i = sentence.StartToken;
            while (i < end)
            {
                if (NumberRules.CanStart(text.WordOf(i)) && NumberRules.TryMatch(text, i, sentence.StartToken, end, out var m))
                {
                    if (NumberRules.TryConjoin(text, m, sentence.StartToken, end, out var sum)) m = sum;
                    (found ??= ImmutableArray.CreateBuilder<NumberMention>()).Add(
                        new NumberMention(text.Span(m.Start, m.End), Normalize(m.Min), m.Max is { } max ? Normalize(max) : null) { Unit = m.Unit });
                    i = m.End;
                }
                else i++;
            }
        }
        text.Numbers = found?.ToImmutable() ?? ImmutableArray<NumberMention>.Empty;
    }

    /// <summary>Drops trailing zeros that scaling leaves ("3.5 million" is 3500000, not 3500000.0).</summary>
    private static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;
}

/// <summary>A number read at one place: its tokens, interval, unit and the token of the unit's head noun (-1 when none).</summary>
internal readonly record struct NumberMatch(int Start, int End, decimal Min, decimal? Max, string? Unit, int Head);

internal static class NumberRules
{
    private enum Modifier { None, AtLeast, MoreThan, AtMost, LessThan, Nearly, About }

    /// <summary>Words before a number that bound or blur it, longest first under each first word.</summary>
    private static readonly FrozenDictionary<string, (string[] Tail, Modifier Kind)[]> Modifiers = BuildModifiers(
    [
        ("at least", Modifier.AtLeast), ("no fewer than", Modifier.AtLeast), ("no less than", Modifier.AtLeast),
        ("not less than", Modifier.AtLeast), ("a minimum of", Modifier.AtLeast),
        ("more than", Modifier.MoreThan), ("over", Modifier.MoreThan), ("above", Modifier.MoreThan), ("upwards of", Modifier.MoreThan), ("upward of", Modifier.MoreThan),
        ("in excess of", Modifier.MoreThan), ("just over", Modifier.MoreThan), ("well over", Modifier.MoreThan),
        ("greater than", Modifier.MoreThan),
        ("up to", Modifier.AtMost), ("as many as", Modifier.AtMost), ("as much as", Modifier.AtMost), ("at most", Modifier.AtMost),
        ("no more than", Modifier.AtMost), ("not more than", Modifier.AtMost), ("a maximum of", Modifier.AtMost),
        ("fewer than", Modifier.LessThan), ("less than", Modifier.LessThan), ("under", Modifier.LessThan), ("below", Modifier.LessThan),
        ("well under", Modifier.LessThan),
        ("nearly", Modifier.Nearly), ("almost", Modifier.Nearly), ("close to", Modifier.Nearly), ("just under", Modifier.Nearly),
        ("just shy of", Modifier.Nearly), ("just below", Modifier.Nearly),
        ("about", Modifier.About), ("around", Modifier.About), ("some", Modifier.About), ("roughly", Modifier.About),
        ("approximately", Modifier.About), ("approx.", Modifier.About), ("an estimated", Modifier.About), ("estimated", Modifier.About),
        ("circa", Modifier.About),
    ]);

    private static readonly FrozenDictionary<string, string> Currencies = new Dictionary<string, string>
    {
        ["$"] = "USD", ["US$"] = "USD", ["£"] = "GBP", ["€"] = "EUR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Words before "from" that make "from 40 to 70" the span of one figure ("tolls ranging from 40 to 70 dead"), not a
    /// change from one number to another ("rose from 12 to 15").
    /// </summary>
    private static readonly FrozenSet<string> SpanVerbs = FrozenSet.ToFrozenSet(
        ["ranging", "ranged", "range", "ranges", "varying", "varied", "vary", "varies", "anywhere"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a number that make it a time of day.</summary>
    private static readonly FrozenSet<string> TimeOfDay = FrozenSet.ToFrozenSet(
        ["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "cest", "et", "o'clock", "o’clock", "hrs", "local"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a bare four-digit number that make it a year.</summary>
    private static readonly FrozenSet<string> YearLeadIns = FrozenSet.ToFrozenSet(
        ["in", "since", "during", "until", "till", "by", "before", "after", "from", "through", "of", "early", "late", "mid", "the", "year", "between", "around", "about", "circa", "summer", "spring", "autumn", "fall", "winter", ","],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>"one" is a pronoun after these ("no one", "the one") ...</summary>
    private static readonly FrozenSet<string> NotOneAfter = FrozenSet.ToFrozenSet(
        ["no", "any", "every", "each", "the", "this", "that", "which", "some", "someone", "anyone", "everyone", "no-one", "only", "such", "another"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>... and before these ("one of", "one another", "one day").</summary>
    private static readonly FrozenSet<string> NotOneBefore = FrozenSet.ToFrozenSet(
        ["of", "another", "other", "such", "day", "time", "point", "hand", "side", "way", "thing", "by", "after", "more", "too", "-", "—"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns of people who are cited, whose counts add up across "and" ("two officials and one source").</summary>
    private static readonly FrozenSet<string> CitedPeople = FrozenSet.ToFrozenSet(
        ["person", "official", "source", "diplomat", "aide", "witness", "resident", "officer"], StringComparer.Ordinal);

    public static bool CanStart(string word) =>
        Quantities.CanStart(word) || Modifiers.ContainsKey(word) || Currencies.ContainsKey(word)
        || word.Equals("between", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a number at <paramref name="i"/> in the sentence [<paramref name="sentenceStart"/>, <paramref name="end"/>).</summary>
    public static bool TryMatch(AnnotatedText t, int i, int sentenceStart, int end, out NumberMatch match)
    {
        match = default;
        var modifier = MatchModifier(t, i, end, out var afterModifier);
        Core core;
        if (modifier == Modifier.None || !TryCore(t, afterModifier, end, out core))
        {
            modifier = Modifier.None;
            if (!TryCore(t, i, end, out core)) return false;
        }
        var q = core.First;
        var after = core.End;

        // A trailing "or more" / "or so" acts like a modifier.
        if (modifier == Modifier.None && !core.IsRange && Lexicon.Is(t, after, end, "or") && after + 1 < end)
        {
            var tail = t.WordOf(after + 1);
            if (tail.Equals("more", StringComparison.OrdinalIgnoreCase)) { modifier = Modifier.AtLeast; after += 2; }
            else if (tail.Equals("so", StringComparison.OrdinalIgnoreCase)) { modifier = Modifier.About; after += 2; }
            else if (tail.Equals("fewer", StringComparison.OrdinalIgnoreCase) || tail.Equals("less", StringComparison.OrdinalIgnoreCase)) { modifier = Modifier.AtMost; after += 2; }
        }

        string? unit = core.Currency;
        var head = -1;
        if (after < end && t.WordOf(after) == "%") { unit = "percent"; after++; }
        else if (Lexicon.Is(t, after, end, "percent")) unit = "percent";
        else if (Lexicon.Is(t, after, end, "per") && Lexicon.Is(t, after + 1, end, "cent")) unit = "percent";
        else if (unit is null)
        {
            head = Lexicon.FindHead(t, after, end, core.Min == 1 && core.Max == 1);
            if (head >= 0) unit = t.WordOf(head).ToLowerInvariant();
        }

        var start = modifier == Modifier.None ? core.Start : i;
        if (IsExcluded(t, core, q, start, sentenceStart, end, modifier, head)) return false;

        var (min, max) = Apply(modifier, core.Min, core.Max, core.Vague);
        match = new NumberMatch(start, after, min, max, unit, head);
        return true;
    }

    /// <summary>"three serving EU envoys and one retired envoy": counts of one kind joined by "and" add up.</summary>
    public static bool TryConjoin(AnnotatedText t, NumberMatch first, int sentenceStart, int end, out NumberMatch sum)
    {
        sum = first;
        if (first.Head < 0 || !Lexicon.Is(t, first.Head + 1, end, "and") || first.Head + 2 >= end) return false;
        var at = first.Head + 2;
        if (!CanStart(t.WordOf(at)) || !TryMatch(t, at, sentenceStart, end, out var second) || second.Head < 0) return false;
        var a = Lexicon.Lemma(first.Unit!);
        var b = Lexicon.Lemma(second.Unit!);
        if (a != b && !(CitedPeople.Contains(a) && CitedPeople.Contains(b))) return false;
        decimal? max = first.Max is { } x && second.Max is { } y ? x + y : null;
        sum = new NumberMatch(first.Start, second.Head + 1, first.Min + second.Min, max, a == b ? first.Unit : "people", second.Head);
        return true;
    }

    private readonly record struct Core(int Start, int End, decimal Min, decimal? Max, bool Vague, bool IsRange, Quantity First, string? Currency);

    /// <summary>A quantity, a range of two ("between 3 and 5", "3 to 5", "3-5", "three or four"), with an optional currency sign.</summary>
    private static bool TryCore(AnnotatedText t, int p, int end, out Core core)
    {
        core = default;
        if (p >= end) return false;
        var start = p;
        Currencies.TryGetValue(t.WordOf(p), out var currency);
        if (currency is not null) p++;
        if (p >= end) return false;

        if (currency is null && Lexicon.Is(t, p, end, "between"))
        {
            if (!TryQuantity(t, p + 1, end, out var lo, out var c1) || !Lexicon.Is(t, lo.End, end, "and")
                || !TryQuantity(t, lo.End + 1, end, out var hi, out var c2)) return false;
            lo = LendScale(lo, hi);
            if (lo.Min > hi.Min) return false;
            core = new Core(start, hi.End, lo.Min, hi.Max, lo.Vague || hi.Vague, true, lo, c1 ?? c2);
            return true;
        }

        var w = t.WordOf(p);
        if (char.IsAsciiDigit(w[0]) && TrySplitRange(w, out var a, out var b))
        {
            var q = new Quantity(p, p + 1, a, a, false, a, 1) { FromDigits = true };
            core = new Core(start, p + 1, a, b, false, true, q, currency);
            return true;
        }

        if (!Quantities.TryParse(t, p, end, out var first)) return false;
        var j = first.End;
        if (j + 1 < end && IsRangeWord(t.WordOf(j)) && (!Lexicon.Is(t, start - 1, end, "from") || start >= 2 && SpanVerbs.Contains(t.WordOf(start - 2))))
        {
            var k = j + 1;
            Currencies.TryGetValue(t.WordOf(k), out var c2);
            if (c2 is not null) k++;
            if (k < end && !Lexicon.Is(t, k, end, "a") && Quantities.TryParse(t, k, end, out var second) && !second.Vague && !first.Vague)
            {
                var lent = LendScale(first, second);
                if (lent.Min < second.Min)
                {
                    core = new Core(start, second.End, lent.Min, second.Max, false, true, lent, currency ?? c2);
                    return true;
                }
            }
        }
        core = new Core(start, j, first.Min, first.Max, first.Vague, false, first, currency);
        return true;
    }

    private static bool TryQuantity(AnnotatedText t, int p, int end, out Quantity q, out string? currency)
    {
        currency = null;
        q = default;
        if (p < end && Currencies.TryGetValue(t.WordOf(p), out currency)) p++;
        return Quantities.TryParse(t, p, end, out q);
    }

    private static bool IsRangeWord(string w) =>
        w is "-" or "–" or "—" || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("or", StringComparison.OrdinalIgnoreCase);

    /// <summary>"two to three million": a bare first bound takes the second's scale when it is smaller than the scaled number.</summary>
    private static Quantity LendScale(Quantity first, Quantity second)
    {
        if (first.Scaled || !second.Scaled || !first.Exact || first.Min > second.Base) return first;
        var v = first.Min * second.Factor;
        return first with { Min = v, Max = v, Base = first.Min, Factor = second.Factor, PlainDigits = false };
    }

    /// <summary>"3-5" in one token: two plain numbers, the first smaller (so "2024-25" and "3-1" are not ranges).</summary>
    private static bool TrySplitRange(string w, out decimal a, out decimal b)
    {
        a = b = 0;
        var dash = w.IndexOfAny(['-', '–']);
        if (dash <= 0 || dash == w.Length - 1) return false;
        if (!Quantities.TryParseDigits(w.AsSpan(0, dash), out a, out var s1, out _) || s1 != 0) return false;
        if (!Quantities.TryParseDigits(w.AsSpan(dash + 1), out b, out var s2, out _) || s2 != 0) return false;
        return a < b && b < 1000;
    }

    private static Modifier MatchModifier(AnnotatedText t, int i, int end, out int after)
    {
        after = i;
        if (!Modifiers.TryGetValue(t.WordOf(i), out var options)) return Modifier.None;
        foreach (var (rest, kind) in options)
        {
            if (i + rest.Length >= end) continue;
            var ok = true;
            for (var k = 0; k < rest.Length && ok; k++) ok = t.WordOf(i + 1 + k).Equals(rest[k], StringComparison.OrdinalIgnoreCase);
            if (!ok) continue;
            after = i + 1 + rest.Length;
            return kind;
        }
        return Modifier.None;
    }

    private static bool IsExcluded(AnnotatedText t, Core core, Quantity q, int start, int sentenceStart, int end, Modifier modifier, int head)
    {
        var before = q.Start - 1 >= sentenceStart ? t.WordOf(q.Start - 1) : null;
        var next = core.End < end ? t.WordOf(core.End) : null;

        // "three days ago" is a time, not a count.
        if (head >= 0 && Lexicon.Is(t, head + 1, end, "ago")) return true;

        if (q.BareOne && !core.IsRange)
        {
            // "at least one of the people" is as partitive as "one of the people".
            if (next is not null && NotOneBefore.Contains(next)) return true;
            if (modifier == Modifier.None && (before is not null && NotOneAfter.Contains(before) || head < 0)) return true;
        }

        if (!q.FromDigits) return false;
        if (before is not null && (Lexicon.IsMonth(before) || before is "#" || before.Equals("No.", StringComparison.OrdinalIgnoreCase))) return true;
        if (next is not null && (Lexicon.IsMonth(next) || TimeOfDay.Contains(next))) return true;
        // "20m" alone may be twenty metres.
        if (q.MetresOrMillions && core.Currency is null && !Lexicon.IsPluralNoun(next)) return true;

        var countsSomething = head >= 0 && head == core.End && Lexicon.IsPluralNoun(next);
        if (q.PlainDigits && modifier == Modifier.None && q.Min is >= 1800m and <= 2100m && (!core.IsRange || core.Max is >= 1800m and <= 2100m))
        {
            // A year, unless a plural noun follows directly with no year-like lead-in ("2000 troops").
            var leadIn = start - 1 >= sentenceStart ? t.WordOf(start - 1) : null;
            if (!countsSomething || leadIn is not null && YearLeadIns.Contains(leadIn)) return true;
        }

        // "Title 50", "Resolution 2231", "Flight 17": a capitalized word names the thing and the number is its designator.
        // Verbs in title-case headlines ("Strike Kills 12") end in -s or -ed and are not designators.
        if (start - 1 >= sentenceStart && !countsSomething && modifier == Modifier.None)
        {
            var prev = t.WordOf(start - 1);
            if (prev.Length > 1 && char.IsUpper(prev[0]) && Lexicon.IsWord(prev) && !Lexicon.IsFunctionWord(prev)
                && !prev.EndsWith('s') && !prev.EndsWith("ed", StringComparison.Ordinal) && !Lexicon.IsWeekday(prev)) return true;
        }
        return false;
    }

    private static (decimal Min, decimal? Max) Apply(Modifier modifier, decimal min, decimal? max, bool vague)
    {
        var top = max ?? min;
        var whole = decimal.Truncate(min) == min;
        var wholeTop = decimal.Truncate(top) == top;
        switch (modifier)
        {
            case Modifier.AtLeast:
                return (min, null);
            case Modifier.MoreThan:
                return (whole ? min + 1 : min, null);
            case Modifier.AtMost:
                return (0, top);
            case Modifier.LessThan:
                return (0, wholeTop ? top - 1 : top);
            case Modifier.Nearly:
                if (vague) return (min, max);
                var upper = wholeTop ? top - 1 : top;
                var lower = wholeTop ? decimal.Ceiling(top * 0.9m) : top * 0.9m;
                return (Math.Min(lower, upper), upper);
            case Modifier.About:
                if (vague) return (min, max);
                return whole && wholeTop
                    ? (decimal.Floor(min * 0.9m), decimal.Ceiling(top * 1.1m))
                    : (min * 0.9m, top * 1.1m);
            default:
                return (min, max);
        }
    }

    private static FrozenDictionary<string, (string[] Tail, Modifier Kind)[]> BuildModifiers((string Phrase, Modifier Kind)[] entries)
    {
        var byFirst = new Dictionary<string, List<(string[], Modifier)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrase, kind) in entries)
        {
            var words = phrase.Split(' ');
            if (!byFirst.TryGetValue(words[0], out var list)) byFirst[words[0]] = list = [];
            if (list.Exists(e => e.Item1.AsSpan().SequenceEqual(words.AsSpan(1)))) continue;
            list.Add((words[1..], kind));
        }
        return byFirst.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(e => e.Item1.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
    }
}
