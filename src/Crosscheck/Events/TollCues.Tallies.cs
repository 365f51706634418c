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
            if ((NounAt(text, i, sentence.EndToken) ?? NumberOfVictims(text, i, sentence.EndToken) ?? RaisedTotal(text, sentence, i)) is not { } noun) continue;
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
            // "The death toll from Wednesday's strike on the port rose to 34": past the words that say what the toll is of,
            // the parse gives the link word of a toll noun that is the subject of the verb the number hangs from.
            if (reach > 1 && SubjectsNumber(text, sentence, noun.End - 1) is { } far) reach = Math.Max(reach, far - noun.End + 1);
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

    private static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> KilledWords = CasualtyWords.Set("killed-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredWords = CasualtyWords.Set("injured-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> DiedWords = CasualtyWords.Set("died");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredNouns = CasualtyWords.Set("injured-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DeathNouns = CasualtyWords.Set("killed-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> WeakWords = CasualtyWords.Set("weak");

    /// <summary>
    /// "the number of civilians killed", "the number of children wounded": "number of", a noun that names people (after
    /// up to two describing words) and a participle of killing or wounding is a toll noun of the dead or the hurt, for
    /// any people the data file's list of person nouns names (the fixed phrases of the noun list come first).
    /// </summary>
    private static (int End, TollMeasure Measure)? NumberOfVictims(AnnotatedText text, int i, int end)
    {
        if (i + 3 >= end || !text.WordOf(i).Equals("number", StringComparison.OrdinalIgnoreCase) || !text.WordOf(i + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        var k = i + 2;
        while (k < end - 1 && k - i < 5 && text.PosOf(k) is "JJ" or "VBN" && !KilledWords.Contains(text.WordOf(k)) && !InjuredWords.Contains(text.WordOf(k))) k++;
        if (!PersonNouns.Contains(text.WordOf(k)) || text.PosOf(k) is not ("NNS" or "NN" or "NNP" or "NNPS")) return null;
        var participle = text.WordOf(k + 1);
        if (KilledWords.Contains(participle)) return (k + 2, TollMeasure.Killed);
        if (InjuredWords.Contains(participle) && !WeakWords.Contains(participle)) return (k + 2, TollMeasure.Injured);
        return null;
    }

    /// <summary>
    /// The index of the "to" before a number hanging from the verb whose subject is the toll noun at <paramref name="noun"/>
    /// ("The death toll from Wednesday's strike on the port rose to 34"); null when none or without a parse.
    /// </summary>
    private static int? SubjectsNumber(AnnotatedText text, TokenSpan sentence, int noun)
    {
        if (!SyntaxScope.HasParse(text, sentence) || text.RelationOf(noun) is not "nsubj" || text.HeadOf(noun) is not (var verb and >= 0) || verb <= noun) return null;
        for (var j = verb + 1; j + 1 < sentence.EndToken && j - verb < 3; j++)
        {
            if (!text.WordOf(j).Equals("to", StringComparison.OrdinalIgnoreCase)) continue;
            return NumberStartingAt(text, j + 1) is { } n && text.HeadOf(SyntaxScope.HeadOf(text, n.Span.StartToken, n.Span.EndToken)) == verb ? j : null;
        }
        return null;
    }

    /// <summary>
    /// "…, bringing the total to 19", "raising the total to 40": "the total" as the object of a verb of raising (the
    /// <c>raise</c> verbs of the data file) with "to" and a number right after it is a tally of what the sentence's own
    /// casualty words count (deaths before injuries; none, no tally).
    /// </summary>
    private (int End, TollMeasure Measure)? RaisedTotal(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (i - 2 < sentence.StartToken || i + 2 >= sentence.EndToken || !text.WordOf(i).Equals("total", StringComparison.OrdinalIgnoreCase)
            || !text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase) || !text.WordOf(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase)) return null;
        if (text.PosOf(i - 2) is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal) || !_raises.Contains(Lemmas.Of(text.WordOf(i - 2), tag))) return null;
        TollMeasure? measure = null;
        for (var k = i - 3; k >= sentence.StartToken; k--)
        {
            var w = text.WordOf(k);
            if (KilledWords.Contains(w) || DiedWords.Contains(w) || DeathNouns.Contains(w) || w.Equals("dead", StringComparison.OrdinalIgnoreCase)) return (i + 1, TollMeasure.Killed);
            if (measure is null && (InjuredWords.Contains(w) && !WeakWords.Contains(w) || InjuredNouns.Contains(w))) measure = TollMeasure.Injured;
        }
        return measure is { } m ? (i + 1, m) : null;
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
