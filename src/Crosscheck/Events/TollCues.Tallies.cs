using Crosscheck.Language;

namespace Crosscheck.Events;

// Tallies: a toll noun and its number ("the death toll rose to 83", "brings to 57 the number of people killed").
public sealed partial class TollCues
{
    /// <summary>The tallies of a sentence, in text order.</summary>
    internal List<Tally> Tallies(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<Tally>();
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (NounAt(text, i, sentence.EndToken) is not { } noun) continue;
            // "The strikes bring to at least 57 the number of people killed": the number shifted before its toll noun.
            if (ShiftedNumber(text, sentence, i) is { } shifted)
            {
                found.Add(new Tally(noun.Measure, shifted.Span.StartToken - 1, noun.End, shifted));
                i = noun.End - 1;
                continue;
            }
            // The number sits behind a link word within a few words: "toll had risen to 15", "toll of nine", "toll at 15";
            // for the people themselves ("the dead", "the wounded") right behind it: "The dead were 19", not "the dead
            // were taken to 3 hospitals".
            var reach = text.WordOf(i).Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 8;
            for (var j = noun.End; j < Math.Min(sentence.EndToken - 1, noun.End + reach); j++)
            {
                if (ClauseBreaks.Contains(text.WordOf(j)) && text.WordOf(j) != ":") break;
                if (!_links.Contains(text.WordOf(j))) continue;
                if (NumberStartingAt(text, j + 1) is not { } n || !CountsPeopleOrNothing(n)) continue;
                found.Add(new Tally(noun.Measure, i, n.Span.EndToken, n));
                i = n.Span.EndToken - 1;
                break;
            }
        }
        return found;
    }

    /// <summary>
    /// The number of a toll noun whose number comes first ("brings to 57 the number of people killed", "raising to 83 the
    /// death toll"): "to" and a number of people right before the noun, or before its "the".
    /// </summary>
    private static NumberMention? ShiftedNumber(AnnotatedText text, TokenSpan sentence, int noun)
    {
        var end = noun > sentence.StartToken && text.WordOf(noun - 1).Equals("the", StringComparison.OrdinalIgnoreCase) ? noun - 1 : noun;
        foreach (var n in text.NumbersStartingIn(sentence.StartToken, end))
        {
            if (n.Span.EndToken != end) continue;
            var to = n.Span.StartToken - 1;
            return to >= sentence.StartToken && text.WordOf(to).Equals("to", StringComparison.OrdinalIgnoreCase) && n.Unit is null ? n : null;
        }
        return null;
    }
}
