using System.Collections.Frozen;
using System.Globalization;

namespace Crosscheck.Language;

/// <summary>
/// A quantity read from tokens <c>[Start, End)</c>: an interval [Min, Max] (Max null when open).
/// <see cref="Factor"/> is the last scale word's value ("three million": 1,000,000) and <see cref="Base"/>
/// the number it scaled (3), so a range can lend its scale to a bare first bound ("two to three million").
/// </summary>
internal readonly record struct Quantity(int Start, int End, decimal Min, decimal? Max, bool Vague, decimal Base, decimal Factor)
{
    public bool Exact => !Vague && Max == Min;
    public bool Scaled => Factor != 1m;
    /// <summary>A digit token with no separator or decimal point ("2025"), which may be a year.</summary>
    public bool PlainDigits { get; init; }
    /// <summary>A digit token with the "m" suffix ("20m"), which may be metres rather than millions.</summary>
    public bool MetresOrMillions { get; init; }
    /// <summary>The quantity is the single word "one" (a pronoun as often as a number).</summary>
    public bool BareOne { get; init; }
    public bool FromDigits { get; init; }
}

/// <summary>
/// Reads cardinal quantities from tokens: digits with separators and scale suffixes ("10,000", "1.2bn"),
/// number words ("one hundred and twenty", "twenty-five", "a dozen", "half a million"), mixes ("3.5 million")
/// and vague quantities. Vague plurals of a scale word S ("dozens", "hundreds", "tens of thousands") are
/// [2S, 10S - 1]: two of them at least, and fewer than the next word a writer would reach for.
/// "several" is [3, 9], "a few" and "a handful" [2, 5], "a couple" [2, 3], each scaled the same way
/// ("several hundred" is [300, 999]); "multiple" is [2, open).
/// A quantity larger than <see cref="MaxValue"/> is not read as a number at all (see there).
/// </summary>
internal static class Quantities
{
    /// <summary>
    /// The largest quantity read as a number, 10^18. No count or amount in a report comes near it, and the bound
    /// keeps every later step (a tolerance of 10 %, "more than" adding one, counts added across "and" and across a
    /// document) far inside decimal's range. A larger reading ("99999999999999999999999 people", "5 trillion
    /// trillion", "one hundred" said twenty times over) is no number rather than a clamped one: clamping would
    /// report a figure the text never gave.
    /// </summary>
    public const decimal MaxValue = 1_000_000_000_000_000_000m;

    private enum WordKind { Unit, Teen, Ten, Hundred, Scale, Dozen }

    private static readonly FrozenDictionary<string, (WordKind Kind, long Value)> Words = new Dictionary<string, (WordKind, long)>
    {
        ["zero"] = (WordKind.Unit, 0), ["one"] = (WordKind.Unit, 1), ["two"] = (WordKind.Unit, 2), ["three"] = (WordKind.Unit, 3),
        ["four"] = (WordKind.Unit, 4), ["five"] = (WordKind.Unit, 5), ["six"] = (WordKind.Unit, 6), ["seven"] = (WordKind.Unit, 7),
        ["eight"] = (WordKind.Unit, 8), ["nine"] = (WordKind.Unit, 9),
        ["ten"] = (WordKind.Teen, 10), ["eleven"] = (WordKind.Teen, 11), ["twelve"] = (WordKind.Teen, 12), ["thirteen"] = (WordKind.Teen, 13),
        ["fourteen"] = (WordKind.Teen, 14), ["fifteen"] = (WordKind.Teen, 15), ["sixteen"] = (WordKind.Teen, 16),
        ["seventeen"] = (WordKind.Teen, 17), ["eighteen"] = (WordKind.Teen, 18), ["nineteen"] = (WordKind.Teen, 19),
        ["twenty"] = (WordKind.Ten, 20), ["thirty"] = (WordKind.Ten, 30), ["forty"] = (WordKind.Ten, 40), ["fifty"] = (WordKind.Ten, 50),
        ["sixty"] = (WordKind.Ten, 60), ["seventy"] = (WordKind.Ten, 70), ["eighty"] = (WordKind.Ten, 80), ["ninety"] = (WordKind.Ten, 90),
        ["hundred"] = (WordKind.Hundred, 100),
        ["thousand"] = (WordKind.Scale, 1_000), ["million"] = (WordKind.Scale, 1_000_000),
        ["billion"] = (WordKind.Scale, 1_000_000_000), ["trillion"] = (WordKind.Scale, 1_000_000_000_000),
        ["dozen"] = (WordKind.Dozen, 12),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural scale words that make a vague quantity on their own ("hundreds") or after "tens of".</summary>
    private static readonly FrozenDictionary<string, long> PluralScales = new Dictionary<string, long>
    {
        ["dozens"] = 12, ["scores"] = 20, ["hundreds"] = 100, ["thousands"] = 1_000, ["millions"] = 1_000_000,
        ["billions"] = 1_000_000_000, ["tens"] = 10,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scale suffixes glued to digits ("1.2bn", "$5m", "30k").</summary>
    private static readonly FrozenDictionary<string, long> Suffixes = new Dictionary<string, long>
    {
        ["k"] = 1_000, ["m"] = 1_000_000, ["mn"] = 1_000_000, ["mln"] = 1_000_000, ["bn"] = 1_000_000_000,
        ["b"] = 1_000_000_000, ["bln"] = 1_000_000_000, ["tn"] = 1_000_000_000_000, ["trn"] = 1_000_000_000_000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a quantity could start at <paramref name="word"/>: a cheap first test for the token walk.</summary>
    public static bool CanStart(string word)
    {
        if (word.Length == 0) return false;
        if (char.IsAsciiDigit(word[0])) return true;
        if (Words.ContainsKey(word) || PluralScales.ContainsKey(word)) return true;
        if (word.Contains('-')) return IsCompound(word, out _);
        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)
            || word.Equals("half", StringComparison.OrdinalIgnoreCase) || word.Equals("several", StringComparison.OrdinalIgnoreCase)
            || word.Equals("multiple", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the longest quantity starting at token <paramref name="i"/> and ending before <paramref name="end"/>.</summary>
    public static bool TryParse(AnnotatedText t, int i, int end, out Quantity q)
    {
        q = default;
        if (i >= end) return false;
        var w = t.WordOf(i);
        if (char.IsAsciiDigit(w[0])) return TryDigits(t, i, end, out q);
        if (TryVague(t, i, end, out q)) return true;
        return TryWords(t, i, end, out q);
    }

    private static bool Is(AnnotatedText t, int i, int end, string word) =>
        i < end && t.WordOf(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A singular scale word at <paramref name="i"/>: hundred, thousand, million, billion, trillion, dozen.</summary>
    private static long ScaleAt(AnnotatedText t, int i, int end)
    {
        if (i >= end || !Words.TryGetValue(t.WordOf(i), out var e)) return 0;
        return e.Kind is WordKind.Hundred or WordKind.Scale or WordKind.Dozen ? e.Value : 0;
    }

    private static bool TryDigits(AnnotatedText t, int i, int end, out Quantity q)
    {
        q = default;
        var w = t.WordOf(i);
        if (!TryParseDigits(w, out var value, out var suffix, out var plain)) return false;
        decimal factor = 1;
        var j = i + 1;
        if (suffix != 0) factor = suffix;
        else
        {
            // "3.5 million", "10 thousand", "2 dozen"; several in a row multiply ("3 hundred thousand").
            long s;
            while ((s = ScaleAt(t, j, end)) != 0)
            {
                if (!TryScale(factor, s, out factor)) return false;
                j++;
            }
        }
        if (!TryScale(value, factor, out var v)) return false;
        q = new Quantity(i, j, v, v, false, value, factor)
        {
            PlainDigits = plain && factor == 1,
            MetresOrMillions = suffix == 1_000_000 && w[^1] is 'm' or 'M',
            FromDigits = true,
        };
        return true;
    }

    /// <summary>Parses "10,000", "1.5", "3.5m", "1.2bn"; rejects ordinals, decades, codes, times and leading zeros.</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> w, out decimal value, out long suffix, out bool plain)
    {
        value = 0;
        suffix = 0;
        plain = false;
        var n = 0;
        while (n < w.Length && (char.IsAsciiDigit(w[n]) || w[n] is ',' or '.')) n++;
        var digits = w[..n];
        if (n < w.Length)
        {
            if (!Suffixes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w[n..], out suffix)) return false;
        }
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[^1])) return false;
        if (digits.Length > 1 && digits[0] == '0' && digits[1] != '.') return false;
        // Thousands separators only in groups of three before any decimal point.
        var dot = digits.IndexOf('.');
        if (dot >= 0 && digits[(dot + 1)..].ContainsAny(",.")) return false;
        var whole = dot >= 0 ? digits[..dot] : digits;
        if (whole.Contains(','))
        {
            var first = whole.IndexOf(',');
            if (first is 0 or > 3) return false;
            for (var k = first; k < whole.Length; k += 4)
            {
                if (whole[k] != ',' || k + 4 > whole.Length) return false;
                for (var d = 1; d <= 3; d++) if (!char.IsAsciiDigit(whole[k + d])) return false;
            }
        }
        // More digits than decimal holds fail to parse; fewer but past the bound are no number either.
        if (!decimal.TryParse(digits, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || value > MaxValue) return false;
        plain = dot < 0 && !whole.Contains(',') && suffix == 0;
        return true;
    }

    /// <summary>"twenty-five": a ten and a unit joined by a hyphen.</summary>
    /// <summary>Whether the word is a spelled number of a tens word and a unit ("forty-one"), a cardinal in every context.</summary>
    public static bool IsCompoundNumber(string word) => word.Contains('-') && IsCompound(word, out _);

    private static bool IsCompound(string word, out long value)
    {
        value = 0;
        var dash = word.IndexOf('-');
        if (dash <= 0 || dash == word.Length - 1) return false;
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(word.AsSpan(0, dash), out var ten) || ten.Kind != WordKind.Ten) return false;
        if (!lookup.TryGetValue(word.AsSpan(dash + 1), out var unit) || unit.Kind != WordKind.Unit || unit.Value == 0) return false;
        value = ten.Value + unit.Value;
        return true;
    }

    private static bool TryWords(AnnotatedText t, int i, int end, out Quantity q)
    {
        q = default;
        long total = 0, current = 0, lastFactor = 1, baseValue = 0;
        var j = i;
        var last = (WordKind?)null;
        var first = t.WordOf(i);
        if (first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            // "a dozen", "a hundred", "a million": the article stands for one.
            if (ScaleAt(t, i + 1, end) == 0) return false;
            current = 1;
            last = WordKind.Unit;
            j = i + 1;
        }
        else if (first.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            // "half a dozen", "half a million".
            if (!Is(t, i + 1, end, "a")) return false;
            var s = ScaleAt(t, i + 2, end);
            if (s == 0) return false;
            var v = s / 2m;
            q = new Quantity(i, i + 3, v, v, false, 0.5m, s);
            return true;
        }
        while (j < end)
        {
            var w = t.WordOf(j);
            WordKind kind;
            long value;
            if (Words.TryGetValue(w, out var e)) { kind = e.Kind; value = e.Value; }
            else if (w.Contains('-') && IsCompound(w, out value)) kind = WordKind.Unit;
            else if (w.Equals("and", StringComparison.OrdinalIgnoreCase) && last is WordKind.Hundred or WordKind.Scale
                     && j + 1 < end && Words.TryGetValue(t.WordOf(j + 1), out var next) && next.Kind is WordKind.Unit or WordKind.Teen or WordKind.Ten)
            {
                // "one hundred and twenty"
                j++;
                last = WordKind.Hundred;
                continue;
            }
            else break;

            var ok = (last, kind) switch
            {
                (null, _) => kind is WordKind.Unit or WordKind.Teen or WordKind.Ten,
                (WordKind.Unit or WordKind.Teen, WordKind.Hundred or WordKind.Scale or WordKind.Dozen) => true,
                (WordKind.Ten, WordKind.Unit) => value is > 0 and < 10 && current % 10 == 0,
                (WordKind.Ten, WordKind.Hundred or WordKind.Scale or WordKind.Dozen) => true,
                (WordKind.Hundred, WordKind.Unit or WordKind.Teen or WordKind.Ten or WordKind.Scale) => true,
                (WordKind.Scale, WordKind.Unit or WordKind.Teen or WordKind.Ten) => true,
                _ => false,
            };
            if (!ok) break;
            switch (kind)
            {
                case WordKind.Unit or WordKind.Teen or WordKind.Ten:
                    current += value;
                    break;
                case WordKind.Hundred:
                    baseValue = current == 0 ? 1 : current;
                    if (!TryScale(baseValue, 100, out current)) return false;
                    lastFactor = 100;
                    break;
                case WordKind.Dozen:
                    baseValue = current == 0 ? 1 : current;
                    if (!TryScale(baseValue, 12, out current)) return false;
                    lastFactor = 12;
                    break;
                case WordKind.Scale:
                    baseValue = current == 0 ? 1 : current;
                    if (!TryScale(baseValue, value, out var scaled)) return false;
                    total += scaled;
                    current = 0;
                    lastFactor = value;
                    break;
            }
            // Each step adds or scales by at most 10^12 from values within the bound, so long cannot overflow before this test.
            if (total + current > (long)MaxValue) return false;
            last = kind;
            j++;
            if (kind == WordKind.Dozen) break;
        }
        if (last is null || j == i) return false;
        var n = (decimal)(total + current);
        var isBareScaleEnd = last is WordKind.Hundred or WordKind.Scale or WordKind.Dozen;
        q = new Quantity(i, j, n, n, false, isBareScaleEnd ? baseValue : n, isBareScaleEnd ? lastFactor : 1)
        {
            BareOne = j == i + 1 && n == 1 && first.Equals("one", StringComparison.OrdinalIgnoreCase),
        };
        return true;
    }

    private static bool TryVague(AnnotatedText t, int i, int end, out Quantity q)
    {
        q = default;
        var w = t.WordOf(i);
        int lo, hi;
        var open = false;
        var j = i + 1;
        if (PluralScales.TryGetValue(w, out var unit))
        {
            // "tens" and "scores" are quantities only with "of" ("tens of thousands", "scores of people").
            decimal factor = unit;
            if (unit is 10 or 20 && !Is(t, j, end, "of")) return false;
            while (Is(t, j, end, "of") && j + 1 < end && PluralScales.TryGetValue(t.WordOf(j + 1), out var more) && more > unit && more != 20)
            {
                factor *= more;
                unit = more;
                j += 2;
            }
            if (factor == 10) return false;
            return TryVagueRange(i, j, 2, 9, factor, false, out q);
        }
        if (w.Equals("several", StringComparison.OrdinalIgnoreCase)) { lo = 3; hi = 9; }
        else if (w.Equals("multiple", StringComparison.OrdinalIgnoreCase)) { lo = 2; hi = 0; open = true; }
        else if (w.Equals("a", StringComparison.OrdinalIgnoreCase) && j < end)
        {
            var second = t.WordOf(j);
            if (second.Equals("few", StringComparison.OrdinalIgnoreCase) || second.Equals("handful", StringComparison.OrdinalIgnoreCase)) { lo = 2; hi = 5; }
            else if (second.Equals("couple", StringComparison.OrdinalIgnoreCase)) { lo = 2; hi = 3; }
            else return false;
            j++;
            // "a couple of hundred": the "of" belongs to the quantity only when a scale follows.
            if (Is(t, j, end, "of") && ScaleAt(t, j + 1, end) != 0) j++;
        }
        else return false;
        decimal f = 1;
        long s;
        while ((s = ScaleAt(t, j, end)) != 0)
        {
            if (!TryScale(f, s, out f)) return false;
            j++;
        }
        return TryVagueRange(i, j, lo, hi, f, open, out q);
    }

    private static bool TryVagueRange(int start, int end, int lo, int hi, decimal factor, bool open, out Quantity q)
    {
        q = default;
        if (!TryScale(lo, factor, out var min) || !TryScale(hi + 1, factor, out var top)) return false;
        q = new Quantity(start, end, min, open ? null : top - 1, true, lo, factor);
        return true;
    }

    /// <summary><paramref name="value"/> × <paramref name="factor"/> (both non-negative) when the product stays within <see cref="MaxValue"/>.</summary>
    private static bool TryScale(decimal value, decimal factor, out decimal product)
    {
        product = 0;
        // Compared before multiplying, so decimal never overflows.
        if (factor > 1 && value > MaxValue / factor) return false;
        product = value * factor;
        return product <= MaxValue;
    }

    private static bool TryScale(long value, long factor, out long product)
    {
        product = 0;
        if (!TryScale((decimal)value, factor, out var p)) return false;
        product = (long)p;
        return true;
    }
}
