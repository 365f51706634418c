using Crosscheck.Language;

namespace Crosscheck.Events;

// Counts that are tolls by the verb they hang from: an attack told as repeated ("have bombed the area seven times"), a
// side's losses ("has lost 80 soldiers"), and a tally raised with its new level told in the clause after it.
public sealed partial class TollCues
{
    /// <summary>The kinds of data/events/tolls.txt read as plain word sets (<c>repeat</c>, <c>lose</c>, <c>lost</c>, and the
    /// <c>run</c>, <c>streak</c> and <c>runspan</c> words of a fighting's running day, <see cref="DayOfRun"/>).</summary>
    private static readonly string[] GroupKinds = ["repeat", "lose", "lost", "run", "streak", "runspan", "accuse", "beyond", "part"];

    private readonly System.Collections.Frozen.FrozenDictionary<string, System.Collections.Frozen.FrozenSet<string>> _groups;

    /// <summary>How far before a repeat count its attack verb may stand, in words.</summary>
    private const int RepeatReach = 8;

    /// <summary>
    /// "Jets have bombed the area seven times since August", "drones have struck the city 23 times so far this month": a
    /// number before a <c>repeat</c> word ("times") after an attack verb in its clause counts attacks (strikes); a verb of
    /// wounding ("he was shot five times") counts no attacks. Null when the number is no such count.
    /// </summary>
    internal TollMeasure? RepeatedAttack(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        if (n.Span.EndToken >= sentence.EndToken || !_groups["repeat"].Contains(text.WordOf(n.Span.EndToken))) return null;
        foreach (var m in TriggerLexicon.Default.Match(text, sentence))
        {
            if (m.Entry.Type != PloverType.Assault || m.Span.EndToken > n.Span.StartToken || n.Span.StartToken - m.Span.EndToken > RepeatReach) continue;
            if (text.PosOf(m.Head) is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal) || CasualtyFinder.IsOutcomeWord(m.Span.Text)) continue;
            if (Enumerable.Range(m.Span.EndToken, n.Span.StartToken - m.Span.EndToken).Any(k => ClauseBreaks.Contains(text.WordOf(k)) || text.WordOf(k) == ",")) continue;
            return TollMeasure.Strikes;
        }
        return null;
    }

    /// <summary>
    /// "The army has lost at least 80 soldiers in the past fortnight": a number right after a form of a <c>lose</c> verb,
    /// before (at most one describing word, then) a <c>lost</c> noun of fighters or people, counts that side's dead. Null
    /// when it is none ("lost 40 tanks", "lost 300 jobs").
    /// </summary>
    internal TollMeasure? LostPeople(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        var before = n.Span.StartToken - 1;
        if (before < sentence.StartToken || text.PosOf(before) is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal)) return null;
        if (!Lemmas.Candidates(text.WordOf(before)).Any(_groups["lose"].Contains)) return null;
        for (var k = n.Span.EndToken; k < Math.Min(sentence.EndToken, n.Span.EndToken + 2); k++)
        {
            if (_groups["lost"].Contains(text.WordOf(k))) return TollMeasure.Killed;
            if (text.PosOf(k) is not ("JJ" or "NN" or "NNP")) return null;
        }
        return null;
    }

    /// <summary>
    /// "The health ministry raised the death toll, saying at least 77 had died": a toll noun with no number of its own, as
    /// the object of a <c>raise</c> verb ("raised", "revised", "updated") before a count in the same sentence, is the tally
    /// the count gives the new level of; the cue is the noun's words. Null when there is none.
    /// </summary>
    private Cue? RaisedTollBefore(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies)
    {
        for (var i = sentence.StartToken + 1; i < s.Start; i++)
        {
            if (NounAt(text, i, s.Start) is not { } noun || tallies.Exists(t => t.Start <= i && i < t.End || t.Number.Span.StartToken >= noun.End && t.Number.Span.StartToken < s.Start)) continue;
            for (var k = i - 1; k >= Math.Max(sentence.StartToken, i - 3); k--)
            {
                if (text.PosOf(k) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal))
                {
                    if (_raises.Contains(Lemmas.Of(text.WordOf(k), tag))) return new Cue(i, noun.End, false);
                    break;
                }
                if (text.PosOf(k) is not ("DT" or "PRP$" or "JJ" or "POS" or "NNP")) break;
            }
        }
        return null;
    }

    /// <summary>
    /// "It is the fourth strike on the port in two weeks", "the third raid within a month": "in", "within" or "over" and a
    /// length of time (a number or "a", then a <c>period</c> word) in an ordinal's clause window is the span it counts
    /// in; the cue, or null.
    /// </summary>
    internal Cue? LengthOfSeries(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        var (from, to) = Window(text, sentence, start, end);
        for (var k = Math.Max(from, end); k + 2 < to + 1 && k + 1 < sentence.EndToken; k++)
        {
            if (text.WordOf(k).ToLowerInvariant() is not ("in" or "within" or "over")) continue;
            var p = k + 1;
            if (text.WordOf(p).ToLowerInvariant() is "just" or "less" or "under") p++;
            if (text.WordOf(p).Equals("than", StringComparison.OrdinalIgnoreCase)) p++;
            if (p >= sentence.EndToken || !(text.PosOf(p) == "CD" || text.WordOf(p).ToLowerInvariant() is "a" or "one")) continue;
            if (p + 1 < sentence.EndToken && _periods.Contains(text.WordOf(p + 1))) return new Cue(k, p + 2, false);
        }
        return null;
    }
}
