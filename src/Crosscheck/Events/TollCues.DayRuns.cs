using System.Globalization;
using Crosscheck.Language;

namespace Crosscheck.Events;

public sealed partial class TollCues
{
    /// <summary>
    /// "Eleven dead as border clash enters fourth day", "The shelling entered its fifth day on Saturday, with 23 deaths
    /// reported", "as fighting continued into a second week": a fighting said to go into its nth day or week (a <c>run</c>
    /// word, then "for" or "into" or neither, "its", "a" or "the", an ordinal of two or more, a <c>streak</c> word or none,
    /// and a <c>runspan</c> word) has lasted days, and a count of many in its clause sums them up. A day told between the count
    /// and those words after it is the count's own ("Five soldiers were killed on Friday as the fighting entered a fourth
    /// day"), and so is one attack named after them when they come first ("As the fighting entered a fourth day, a shell
    /// killed five people"): that day's or that attack's dead, no cue. The words, or null.
    /// </summary>
    private TokenSpan? DayOfRun(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        if (!CountsMany(text, start, end)) return null;
        for (var i = from; i + 2 < to; i++)
        {
            if (i >= start && i < end || !IsRunWord(text.WordOf(i))) continue;
            var k = i + 1;
            if (k < to && text.WordOf(k).ToLowerInvariant() is "for" or "into") k++;
            if (k < to && text.WordOf(k).ToLowerInvariant() is "its" or "a" or "the") k++;
            if (k >= to || OrdinalOf(text.WordOf(k)) is not >= 2) continue;
            k++;
            if (k < to && _groups["streak"].Contains(text.WordOf(k))) k++;
            if (k >= to || !_groups["runspan"].Contains(text.WordOf(k))) continue;
            // Before the count, a day right after the words dates the run, and an attack named after them owns the count.
            if (i < start && NamesOneAttack(text, sentence, k + 1, to)) return null;
            if (i > start && text.Times.Any(t => t.Span.StartToken >= end && t.Span.StartToken < i && t.Span.Length > 0 && t.Precision == TimePrecision.Day && t.Basis is null)) return null;
            return text.Span(i, k + 1);
        }
        return null;
    }

    /// <summary>A <c>run</c> word itself ("into") or a verb one of whose lemmas is one ("entered", "continues").</summary>
    private bool IsRunWord(string word) => _groups["run"].Contains(word) || Lemmas.Candidates(word).Any(_groups["run"].Contains);

    /// <summary>"fifth" (an <c>ordinal</c> line) or "5th"; null for any other word.</summary>
    private int? OrdinalOf(string word)
    {
        if (WordOrdinal(word) is { } n) return n;
        var digits = word.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && word[digits..].ToLowerInvariant() is "st" or "nd" or "rd" or "th"
            && int.TryParse(word[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
    }
}
