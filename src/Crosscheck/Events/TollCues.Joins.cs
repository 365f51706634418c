using Crosscheck.Language;

namespace Crosscheck.Events;

// Counts that share a toll's scope: a statement's cue, parts of a toll count, counts joined to a count or beside a tally.
public sealed partial class TollCues
{
    /// <summary>
    /// The cue that makes an outcome statement a toll: one near its count (<see cref="CueNear"/>), else its victims being
    /// one side's tally. <see cref="CasualtyFinder"/> and <see cref="TollFinder"/> both ask this, so they always agree.
    /// </summary>
    internal Cue? StatementCue(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies, IReadOnlyList<CasualtyFinder.Statement>? others = null)
    {
        var own = CueNear(text, sentence, s.Start, s.End, tallies);
        var shared = others is not null && (own is null or { Since: false }) && JoinedTo(text, sentence, s, others) is { } joined ? StatementCue(text, sentence, joined, tallies, others) : null;
        // "since the unrest began, 23 people had died and 108 had been wounded": the start the first count names is the
        // second's too, though a campaign word ("unrest") is nearer.
        return shared is { Since: true } ? shared : own ?? shared ?? OtherCue(text, sentence, s, tallies, others);
    }

    /// <summary>The scopes that make a count a toll without a cue near it: a tally beside it, a toll it is part of, a side's tally, a front, a series.</summary>
    private Cue? OtherCue(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies, IReadOnlyList<CasualtyFinder.Statement>? others) =>
        (TallyBeside(text, sentence, s, tallies) is { } beside ? new Cue(beside.Start, beside.End, false) : (Cue?)null)
        ?? PartOfTollCount(text, sentence, s, tallies, others)
        ?? (SideTally(text, sentence, s.VictimStart, s.VictimEnd) is { } side ? new Cue(side.StartToken, side.EndToken, false) : (Cue?)null)
        ?? (TwoSidedFighting(text, sentence) is { } fight ? new Cue(fight.StartToken, fight.EndToken, false) : (Cue?)null)
        ?? (PerfectOverEvents(text, sentence, s.VictimStart, s.VictimEnd) is { } series ? new Cue(series.StartToken, series.EndToken, false) : (Cue?)null)
        ?? (AdditionalInPerfect(text, sentence, s.VictimStart, s.VictimEnd) is { } more ? new Cue(more, more + 1, false) : (Cue?)null)
        ?? (OtherHalfOfTally(text, sentence, s) ? new Cue(s.Start, s.Start + 1, false, OtherHalf: true) : (Cue?)null)
        ?? RaisedTollBefore(text, sentence, s, tallies);

    /// <summary>
    /// "503 civilian casualties, including 70 deaths and 433 injuries", "the death toll rose to 40, including 12 dead on
    /// Sunday": counts of the dead or the hurt named by a count word (the <c>count</c> words) after a comma and a
    /// <c>part</c> phrase ("including", "with", "among them") right behind a count, and joined to one another by "and". Empty when none follow.
    /// </summary>
    /// <summary>
    /// The token after a <c>part</c> phrase of the data file ("including", "with", "among them", "of whom") that starts at
    /// <paramref name="at"/>, before <paramref name="end"/>; null when none starts there. The longest phrase wins.
    /// </summary>
    internal int? PartJoinEnd(AnnotatedText text, int at, int end)
    {
        if (at >= end) return null;
        var first = text.WordOf(at).ToLowerInvariant();
        if (_groups["part"].Contains(first)) return at + 1;
        return at + 1 < end && _groups["part"].Contains(first + " " + text.WordOf(at + 1).ToLowerInvariant()) ? at + 2 : null;
    }

    internal List<(NumberMention Number, int End, TollMeasure Measure)> MeasuredParts(AnnotatedText text, TokenSpan sentence, NumberMention head)
    {
        var parts = new List<(NumberMention, int, TollMeasure)>();
        // Past the head's own noun and its adjectives ("503 civilian casualties") to the comma.
        var at = head.Span.EndToken;
        while (at < sentence.EndToken && at - head.Span.EndToken < 3 && text.PosOf(at) is "JJ" or "NN" or "NNS") at++;
        if (at + 2 >= sentence.EndToken || text.WordOf(at) != "," || PartJoinEnd(text, at + 1, sentence.EndToken) is not { } joined) return parts;
        at = joined;
        while (NumberStartingAt(text, at) is { } n && n.Span.EndToken < sentence.EndToken)
        {
            var noun = n.Span.EndToken;
            while (noun < sentence.EndToken && noun - n.Span.EndToken < 2 && text.PosOf(noun) is "JJ" && !_counts.ContainsKey(text.WordOf(noun))) noun++;
            if (noun >= sentence.EndToken || !_counts.TryGetValue(text.WordOf(noun), out var measure)) break;
            parts.Add((n, noun + 1, measure));
            at = noun + 1;
            if (at + 1 >= sentence.EndToken || text.WordOf(at) is not ("and" or ",")) break;
            at += text.WordOf(at) == "," && text.WordOf(at + 1) == "and" ? 2 : 1;
        }
        return parts;
    }

    /// <summary>
    /// "the mission has recorded 503 civilian casualties since the fighting began, including 70 deaths": a count that is a
    /// part (<see cref="MeasuredParts"/>) of a count that is a toll (a tally's, a unit's with a cue, or a statement's with
    /// one) shares that toll's cue; null when it is no such part.
    /// </summary>
    private Cue? PartOfTollCount(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies, IReadOnlyList<CasualtyFinder.Statement>? others)
    {
        var start = Math.Min(s.Start, s.VictimStart);
        // The head count: the last number starting within eight words before the part, which the part follows.
        for (var h = start - 1; h >= Math.Max(sentence.StartToken, start - 8); h--)
        {
            if (NumberStartingAt(text, h) is not { } head) continue;
            if (!MeasuredParts(text, sentence, head).Exists(p => p.Number.Span.StartToken == start)) continue;
            foreach (var t in tallies)
            {
                if (t.Number.Span.StartToken == head.Span.StartToken) return new Cue(t.Start, t.End, false);
            }
            if (UnitMeasure(head.Unit) is not null && (CueNear(text, sentence, head.Span.StartToken, head.Span.EndToken, tallies) ?? SeriesInPerfect(text, sentence, head)) is { } unitCue) return unitCue;
            if (others is null) return null;
            foreach (var o in others)
            {
                if (o.VictimStart <= h && h < o.VictimEnd && o.Start < s.Start) return StatementCue(text, sentence, o, tallies, others);
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// "since the unrest began, 23 people had died and 108 had been wounded", "19 people have been reported dead since Monday
    /// and 54 injured": the count that <paramref name="s"/> follows with only "and" between them (a comma allowed before
    /// it), or the nearest count of the other measure before ", while" or ", with" ("…since Monday, with 54 injured"), which shares its scope; null when none does, or when the count's own clause names an attack or a day of its own
    /// ("and one other civilian died when a rocket struck the pagoda on Thursday").
    /// </summary>
    private CasualtyFinder.Statement? JoinedTo(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, IReadOnlyList<CasualtyFinder.Statement> others)
    {
        var start = Math.Min(s.Start, s.VictimStart);
        if (start - 1 <= sentence.StartToken) return null;
        var and = text.WordOf(start - 1).Equals("and", StringComparison.OrdinalIgnoreCase);
        // "…had died since the fighting began on Thursday, while 46 people had been wounded", "…, with nearly 150 injured":
        // a count of the other measure after a comma and "while" or "with" is the hurt beside the dead counted before it.
        var beside = !and && text.WordOf(start - 1).ToLowerInvariant() is "while" or "with" && start - 2 > sentence.StartToken && text.WordOf(start - 2) == ",";
        if (!and && !beside) return null;
        var clauseEnd = s.End;
        while (clauseEnd < sentence.EndToken && text.WordOf(clauseEnd) != "," && !ClauseBreaks.Contains(text.WordOf(clauseEnd))) clauseEnd++;
        if (NamesAnAttack(text, sentence, start, clauseEnd, skip: w => NamesNoOneAttack(text, sentence, w))) return null;
        if (text.Times.Any(t => t.Precision == TimePrecision.Day && t.Span.Length > 0 && t.Span.StartToken >= start && t.Span.StartToken < clauseEnd)) return null;
        if (beside)
        {
            // The nearest count before it, of the other measure.
            CasualtyFinder.Statement? last = null;
            foreach (var o in others)
            {
                if (o.End <= start - 2 && (last is null || o.End > last.Value.End)) last = o;
            }
            return last is { } l && l.Kind != s.Kind && l.Min > 0 ? l : null;
        }
        var end = text.WordOf(start - 2) == "," ? start - 2 : start - 1;
        // "46 people had been killed since Wednesday, up from 13 a day earlier, and 140 wounded": an aside that compares
        // the count with an earlier one stands between the two.
        if (end == start - 2 && ComparingAsideStart(text, sentence, end) is { } aside) end = aside;
        foreach (var o in others)
        {
            if (o.End == end && o.Start < start && o.Min > 0) return o;
        }
        // "46 people had been killed since Wednesday … and 140 wounded": the parse joins the second outcome word to the first.
        if (!SyntaxScope.HasParse(text, sentence) || text.RelationOf(s.End - 1) != "conj") return null;
        foreach (var o in others)
        {
            if (o.End - 1 == text.HeadOf(s.End - 1) && o.Start < start && o.Min > 0 && o.Kind != s.Kind) return o;
        }
        return null;
    }

    /// <summary>Whether the token at <paramref name="token"/> lies in an aside ", up from 13 a day earlier" (see <see cref="ComparingAsideStart"/>).</summary>
    internal static bool InComparingAside(AnnotatedText text, TokenSpan sentence, int token) =>
        ComparingAsideStart(text, sentence, token) is { } comma && comma + 2 < token;

    /// <summary>
    /// Where an aside ", up from 13 a day earlier" (", down from …", ", compared with …") that runs up to
    /// <paramref name="before"/> (its closing comma, or a word inside it) starts: the nearest comma within ten words before
    /// it, when "up from", "down from", "compared with" or "compared to" follows that comma; null otherwise.
    /// </summary>
    private static int? ComparingAsideStart(AnnotatedText text, TokenSpan sentence, int before)
    {
        for (var k = before - 1; k > sentence.StartToken && before - k <= 10; k--)
        {
            if (text.WordOf(k) != ",") continue;
            var first = text.WordOf(k + 1).ToLowerInvariant();
            var second = k + 2 < before ? text.WordOf(k + 2).ToLowerInvariant() : "";
            return first is "up" or "down" && second == "from" || first == "compared" && second is "with" or "to" ? k : null;
        }
        return null;
    }

    /// <summary>
    /// "The toll now stands at 57 dead and more than 200 wounded", "the death toll had risen to 23 and 71 people had been
    /// injured": a count of another measure than a tally of its own sentence, in a sentence that names no attack of its
    /// own, is that tally's other half; the tally, or null.
    /// </summary>
    private Tally? TallyBeside(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies)
    {
        if (s.Min == 0 || tallies.Count == 0) return null;
        var measure = s.Kind == CasualtyFinder.Outcome.Killed ? TollMeasure.Killed : TollMeasure.Injured;
        foreach (var t in tallies)
        {
            if (t.Measure == measure || t.Measure is not (TollMeasure.Killed or TollMeasure.Injured or TollMeasure.Casualties) || IsOfOneEvent(text, sentence, t)) continue;
            if (!JoinsTally(text, t.End, Math.Min(s.Start, s.VictimStart))) continue;
            // "Casualties have risen to 35 dead and 80 wounded in the strikes": the hurt told in the tally's own breath are
            // its other half, whatever attack the sentence names.
            if (HalfOfTally(text, t, s)) return OneEventAfter(text, sentence, t) is null ? t : null;
            if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: w => NamesNoOneAttack(text, sentence, w))) return null;
            return t;
        }
        return null;
    }

    /// <summary>
    /// "to 35 dead and 80 wounded", "reached nine dead and 31 injured": a count right after the tally's number, its count
    /// word and "and", with nothing else between, is the tally's other half.
    /// </summary>
    private static bool HalfOfTally(AnnotatedText text, Tally t, CasualtyFinder.Statement s)
    {
        var start = Math.Min(s.Start, s.VictimStart);
        if (start <= t.End || start - t.End > 4 || text.NumbersStartingIn(start, start + 3).Length == 0) return false;
        var joined = false;
        for (var i = t.End; i < start; i++)
        {
            var w = text.WordOf(i).ToLowerInvariant();
            if (w == "and") joined = true;
            else if (w is not ("dead" or "killed" or "deaths" or "people" or "fatalities" or ",")) return false;
        }
        return joined;
    }

    /// <summary>
    /// The tally of one event (<see cref="IsOfOneEvent"/>, <see cref="OneEventAfter"/>) whose other half
    /// <paramref name="s"/> is ("The toll from the strike has reached nine dead and 31 injured"): the count stays the
    /// event's, as the tally's own does, and is a toll too; null when none.
    /// </summary>
    internal Tally? OneEventTallyHalf(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s, List<Tally> tallies)
    {
        if (s.Min == 0) return null;
        var measure = s.Kind == CasualtyFinder.Outcome.Killed ? TollMeasure.Killed : TollMeasure.Injured;
        foreach (var t in tallies)
        {
            if (t.Measure == measure || t.Measure is not (TollMeasure.Killed or TollMeasure.Injured) || !HalfOfTally(text, t, s)) continue;
            if (IsOfOneEvent(text, sentence, t) || OneEventAfter(text, sentence, t) is not null) return t;
        }
        return null;
    }

    /// <summary>
    /// Whether the few words between a tally's end and a count after it join the two ("57 dead and more than 200
    /// wounded", "to 23, and that 71 people", "to 40, with 120 injured", "to 14, while 46 others were wounded"), with no
    /// word that opens a clause of its own
    /// ("rose to 17 after a wounded man died").
    /// </summary>
    private static bool JoinsTally(AnnotatedText text, int tallyEnd, int start)
    {
        if (start < tallyEnd || start - tallyEnd > 5) return false;
        var joined = false;
        for (var i = tallyEnd; i < start; i++)
        {
            var w = text.WordOf(i).ToLowerInvariant();
            if (w is "and" or "with" or "plus" or "while") joined = true;
            else if (ClauseBreaks.Contains(w) || text.PosOf(i) is "IN" or "WRB" or "WDT" && w is not "that") return false;
        }
        return joined;
    }

    /// <summary>
    /// "The death toll had risen to 23 by late Monday. It said 38 people were wounded": a count of another measure than
    /// the tally of the sentence right before it, when neither sentence names an attack of its own, is that tally's other
    /// half (the wounded beside the dead), not an event's; a single victim is not.
    /// </summary>
    private bool OtherHalfOfTally(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s)
    {
        var index = text.SentenceIndexOf(sentence.StartToken);
        // "Officials confirmed a sixth victim, a woman who died in hospital": one victim is news of the event, no toll's half.
        if (index <= 0 || s.Min == 0 || !CountsMany(text, s.VictimStart, s.VictimEnd)) return false;
        var before = text.Sentences[index - 1];
        var tallies = Tallies(text, before);
        var measure = s.Kind == CasualtyFinder.Outcome.Killed ? TollMeasure.Killed : TollMeasure.Injured;
        if (tallies.Count == 0 || tallies.Exists(t => t.Measure == measure || t.Measure is not (TollMeasure.Killed or TollMeasure.Injured) || IsOfOneEvent(text, before, t))) return false;
        // "Rescuers pulled two more bodies from the rubble, taking the total to 12. Another 47 people were injured.": a total
        // raised by what its own sentence told carries that telling on, and the hurt after it are the event's.
        if (tallies.Exists(t => RaisedTotal(text, before, t.Start) is not null)) return false;
        return !NamesAnAttack(text, before, before.StartToken, before.EndToken, skip: t => NamesNoOneAttack(text, before, t))
            && !NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: t => NamesNoOneAttack(text, sentence, t));
    }
}
