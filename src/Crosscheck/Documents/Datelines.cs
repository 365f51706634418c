using System.Text.RegularExpressions;
using Crosscheck.Language;

namespace Crosscheck.Documents;

/// <summary>
/// The one reading of a wire dateline, the words that open a report with where (and often when) it was filed. Two forms:
/// <list type="bullet">
/// <item>dated: a place with an upper-case initial (a bracketed region, an agency in brackets, a comma and a country allowed),
/// or none, then the date, an agency in brackets, and a dash or colon ("KHARTOUM, March 3 (Reuters) -", "Oct 5 (Reuters) -",
/// "JAMMU, June 17:");</item>
/// <item>undated: a place in capitals, then a comma part and/or an agency in brackets and a dash ("GAO, Mali (AFP) —",
/// "KYIV —"), or the capitals and a colon ("WASHINGTON:"); only capitals, since "Washington - the capital" is prose.</item>
/// </list>
/// Publication dates read the dated form's date (<see cref="PublicationDates"/>), the time reader asks whether a time is that
/// date, and the sentence splitter cuts either form off the sentence it opens; each caller's own choices are its arguments.
/// </summary>
public static partial class Datelines
{
    /// <summary>The dated form opening <paramref name="line"/>; its <c>date</c> group is the date.</summary>
    internal static Match Dated(string line) => DatedPattern().Match(line);

    /// <summary>
    /// Whether the characters at <paramref name="start"/> of <paramref name="text"/> lie in the date of a dated dateline
    /// opening their line ("JAMMU, June 17:"); with <paramref name="colonCloses"/> false only an agency's bracket or a dash
    /// may follow the date ("JAMMU, June 17 (PTI):", "KYIV, Aug 26 -").
    /// </summary>
    public static bool InDate(string text, int start, bool colonCloses = true)
    {
        if (start < 0 || start >= text.Length) return false;
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', lineStart);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        var m = Dated(line);
        var date = m.Groups["date"];
        if (!m.Success || lineStart + date.Index > start || start >= lineStart + date.Index + date.Length) return false;
        if (colonCloses) return true;
        var after = line.AsSpan(date.Index + date.Length).TrimStart();
        return after.Length > 0 && after[0] is '(' or '-' or '\u2013' or '\u2014';
    }

    /// <summary>The most tokens a dateline takes before its dash ("PORT-AU-PRINCE, Haiti, Sept. 3, 2025 (Reuters) -").</summary>
    private const int MaxDatelineTokens = 16;

    /// <summary>
    /// The dash or colon ending a dateline that opens a sentence at token <paramref name="start"/>, or -1: the undated
    /// form, on one line and before a capitalized word; with <paramref name="dated"/> also the dated form whose place is not
    /// in capitals or is missing ("Kabul, Oct. 3 (Reuters) -", "Oct 5 (Reuters) -").
    /// </summary>
    internal static int EndToken(AnnotatedText text, int start, bool dated)
    {
        var undated = UndatedEnd(text, start);
        return undated >= 0 || !dated ? undated : DatedEnd(text, start);
    }

    /// <summary>The undated form's dash or colon (the dated form with a place in capitals is one too), or -1.</summary>
    private static int UndatedEnd(AnnotatedText text, int start)
    {
        var n = text.Count;
        var k = start;
        while (k < n && k - start < MaxDatelineTokens && IsCapitalsWord(text.WordOf(k))) k++;
        if (k == start || k >= n) return -1;
        var capitals = k;
        var brackets = false;
        for (; k < n && k - start < MaxDatelineTokens; k++)
        {
            var w = text.WordOf(k);
            if (w is "—" or "–" or "-" or "--")
            {
                // Right after the capitals only as "WASHINGTON —"; otherwise after a comma part or the outlet's brackets.
                if (k + 1 >= n || !char.IsUpper(text.WordOf(k + 1)[0]) && !SentenceSplitter.IsOpeningQuote(text.WordOf(k + 1)[0])) return -1;
                return k == capitals || brackets || text.WordOf(capitals) == "," ? k : -1;
            }
            if (text.Text.AsSpan(text.StartOf(start), text.EndOf(k) - text.StartOf(start)).Contains('\n')) return -1;
            // "LAHORE: The provincial police said …": a colon right after the place ends the dateline as a dash does.
            if (w == ":" && k == capitals)
                return k + 1 < n && char.IsUpper(text.WordOf(k + 1)[0]) && !text.Text.AsSpan(text.EndOf(k), text.StartOf(k + 1) - text.EndOf(k)).Contains('\n') ? k : -1;
            if (w is "." or "!" or "?" or ";" or "\"" or "“" or "”") return -1;
            if (k == capitals && w is not ("," or "(")) return -1;
            if (w == ")") brackets = true;
        }
        return -1;
    }

    /// <summary>The dated form's closing dash or colon, opening its line at <paramref name="start"/> and before a capitalized word on that line; or -1.</summary>
    private static int DatedEnd(AnnotatedText text, int start)
    {
        var from = text.StartOf(start);
        if (from > 0 && text.Text[from - 1] != '\n') return -1;
        var lineEnd = text.Text.IndexOf('\n', from);
        var m = Dated(text.Text[from..(lineEnd < 0 ? text.Text.Length : lineEnd)]);
        if (!m.Success) return -1;
        var close = from + m.Index + m.Length;
        var dateEnd = from + m.Groups["date"].Index + m.Groups["date"].Length;
        for (var k = text.TokenAtOrAfter(dateEnd); k + 1 < text.Count && k - start < MaxDatelineTokens; k++)
        {
            // Past the match only spaces may stand before the dash ("Oct 5 (Reuters) -").
            if (text.StartOf(k) >= close && !string.IsNullOrWhiteSpace(text.Text[close..text.StartOf(k)])) return -1;
            if (text.WordOf(k) is not ("—" or "–" or "-" or "--" or ":")) continue;
            var next = text.WordOf(k + 1);
            return (char.IsUpper(next[0]) || SentenceSplitter.IsOpeningQuote(next[0])) && !text.Text.AsSpan(text.EndOf(k), text.StartOf(k + 1) - text.EndOf(k)).Contains('\n') ? k : -1;
        }
        return -1;
    }

    /// <summary>
    /// A word in capitals of two or more letters ("KYIV", "ST.", "PORT-AU-PRINCE"), or two such joined by a slash where a
    /// story is filed from two places ("KYIV/MOSCOW").
    /// </summary>
    private static bool IsCapitalsWord(string word)
    {
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
            else if (c == '/' && letters >= 2 && i + 1 < word.Length) letters = 0;
            else if (c is not ('.' or '-' or '\'')) return false;
        }
        return letters >= 2;
    }

    /// <summary>
    /// A wire dateline: an upper-case-initial place (with a bracketed region or an agency in brackets), a comma or an agency,
    /// then the date, an optional agency in brackets, and a dash or colon: "WASHINGTON, Oct. 3 (Reuters) -", "Kabul [Afghanistan],
    /// October 15 (ANI):", "Phnom Penh (AFP) Dec 9, 2025", "July 26 (UPI) --", with the place's country after a comma ("KYIV, Ukraine, Oct. 3 -").
    /// </summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.'’/ -]{1,40}?(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}?)?(?:\s*\[[^\]\n]{1,30}\])?(?:\s*\([^)\n]{1,30}\))?,?\s+)?(?<date>" + PublicationDates.Date + @")(?:\s*\([^)\n]{1,30}\)|\s*[-\u2013\u2014:|]|\s*$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatedPattern();
}
