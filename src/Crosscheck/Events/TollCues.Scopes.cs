using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// The scopes that make a count a toll without a cue word: a whole country, one side's tally, a past span.
public sealed partial class TollCues
{
    /// <summary>
    /// "Six people were killed and 13 injured in Ukraine": a count over a whole country in a clause that names no attack
    /// of its own is the total of many ("across the country" and "many parts of" are cues in the data file). A clause with
    /// its attack ("killed in Pakistan when a bomb exploded") stays that attack's count.
    /// </summary>
    private TokenSpan? WholeCountry(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        // "Four people died and a further 21 were hurt in Ukraine": the place closes both counts of the clause.
        while (to < sentence.EndToken && !ClauseBreaks.Contains(text.WordOf(to)) && text.WordOf(to) != ",") to++;
        foreach (var m in text.EntitiesStartingIn(from + 1, to))
        {
            var at = m.Span.StartToken - 1;
            if (m.Span.EndToken > to || at >= start && at < end || m.Type != EntityType.Gpe) continue;
            if (!text.WordOf(at).Equals("in", StringComparison.OrdinalIgnoreCase) && !text.WordOf(at).Equals("across", StringComparison.OrdinalIgnoreCase)) continue;
            if (m.Known is not { Country: { } code } known || Gazetteer.Default.Country(code)?.Entity.Key != known.Key) continue;
            // "in Cambodia's Oddar Meanchey province" names a province.
            if (m.Span.EndToken < sentence.EndToken && text.WordOf(m.Span.EndToken) is "'s" or "’s" or "'" or "’") continue;
            // "A barrage killed at least nine people across Ukraine": spread across a whole country, a count sums up many
            // places' dead whatever names the attacks; "in Ukraine" beside one attack stays its count.
            if (!text.WordOf(at).Equals("across", StringComparison.OrdinalIgnoreCase) && NamesAnAttack(text, sentence, from, to)) return null;
            return text.Span(at, m.Span.EndToken);
        }
        return ManyDivisions(text, sentence, from, to, start, end);
    }

    /// <summary>
    /// "wounded in six regions", "killed across eight regions of Ukraine", "in several provinces": a count located in two
    /// or more of a country's divisions (the <c>division</c> nouns of the data file, after "in" or "across" and a number,
    /// or a word of many) sums up the dead of many places; the words, or null. Divisions that an attack told in a "when" or
    /// "where" clause after the count hit ("four were killed when drones struck houses in two districts") are that attack's.
    /// </summary>
    private TokenSpan? ManyDivisions(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        for (var i = from; i + 1 < to; i++)
        {
            if (i >= start && i < end || text.WordOf(i).ToLowerInvariant() is not ("in" or "across")) continue;
            if (i >= end && AttackClauseBefore(text, sentence, end, i)) continue;
            var k = i + 1;
            if (NumberStartingAt(text, k) is { } n)
            {
                if (n.Min < 2 || n.Span.StartToken < end && n.Span.EndToken > start) continue;
                // "in six regions": the number's unit may be the noun itself.
                if (n.Unit is { } unit && _divisions.Contains(unit) && n.Span.EndToken <= to) return text.Span(i, n.Span.EndToken);
                k = n.Span.EndToken;
            }
            else if (text.WordOf(k).ToLowerInvariant() is "several" or "multiple" or "many" or "various" or "numerous") k++;
            else continue;
            while (k < to && k - i < 5 && text.PosOf(k) is "JJ") k++;
            if (k < to && _divisions.Contains(text.WordOf(k))) return text.Span(i, k + 1);
        }
        return null;
    }

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
        ?? (OtherHalfOfTally(text, sentence, s) ? new Cue(s.Start, s.Start + 1, false, OtherHalf: true) : (Cue?)null);

    /// <summary>
    /// "503 civilian casualties, including 70 deaths and 433 injuries", "the death toll rose to 40, including 12 dead on
    /// Sunday": counts of the dead or the hurt named by a count word (the <c>count</c> words) after "including" or "with"
    /// right behind a count, and joined to one another by "and". Empty when none follow.
    /// </summary>
    internal List<(NumberMention Number, int End, TollMeasure Measure)> MeasuredParts(AnnotatedText text, TokenSpan sentence, NumberMention head)
    {
        var parts = new List<(NumberMention, int, TollMeasure)>();
        // Past the head's own noun and its adjectives ("503 civilian casualties") to the comma.
        var at = head.Span.EndToken;
        while (at < sentence.EndToken && at - head.Span.EndToken < 3 && text.PosOf(at) is "JJ" or "NN" or "NNS") at++;
        if (at + 2 >= sentence.EndToken || text.WordOf(at) != "," || text.WordOf(at + 1).ToLowerInvariant() is not ("including" or "with")) return parts;
        at += 2;
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
            if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: w => NamesNoOneAttack(text, sentence, w))) return null;
            return t;
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

    /// <summary>
    /// "Nine people died after Laos and Vietnam traded fire", "killed after day-long airstrikes and rocket
    /// fire between Laos and Vietnam": when a sentence's attack words are each an exchange or clash (the "reciprocal"
    /// words of the data file) or the fighting's many attacks (<see cref="IsManyAttacks"/>), and one of them has two
    /// countries as its sides (its subject, or for a noun what hangs from it), its counts are the fighting's toll along
    /// a front, not one attack's dead.
    /// </summary>
    private TokenSpan? TwoSidedFighting(AnnotatedText text, TokenSpan sentence)
    {
        if (_reciprocal.Count == 0 || !SyntaxScope.HasParse(text, sentence)) return null;
        TokenSpan? found = null;
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || CasualtyFinder.IsOutcomeWord(t.Span.Text)) continue;
            var reciprocal = IsReciprocal(text, t.Span);
            if (!reciprocal && !IsManyAttacks(text, sentence, t.Span)) return null;
            var head = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            var sides = text.PosOf(head) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal) ? SubjectOf(text, sentence, head) : head;
            // Without a subject in the parse, the words right before the attack word ("after Laos and Vietnam exchanged fire").
            // The words before a front's many attacks name their victims as often as their sides ("Ukrainian civilians were
            // killed in Russian shelling"): only what hangs from them names those sides.
            var twoSides = sides >= 0 && CountriesUnder(text, sentence, sides) >= 2 || reciprocal && CountriesBefore(text, sentence, t.Span.StartToken) >= 2;
            // An exchange needs its two sides; the many attacks of a front need none, but give the sides when they name them.
            if (twoSides) found ??= t.Span;
            else if (reciprocal) return null;
        }
        return found;
    }

    private bool IsReciprocal(AnnotatedText text, TokenSpan trigger) =>
        Lemmas.Candidates(text.WordOf(trigger.StartToken)).Any(_reciprocal.Contains) || _reciprocal.Contains(text.WordOf(trigger.StartToken));

    /// <summary>
    /// "in airstrikes and artillery shelling", "killed in rocket fire by Vietnamese forces": an attack noun in the plural or
    /// a mass noun, with no determiner, possessive or number of its own ("a strike", "the shelling", "Monday's raid", "two
    /// strikes") and nothing hanging from it but its agent or its two sides ("by", "between"), in a sentence that names no
    /// place below a country, is a front's many attacks, no one event. False without a parse.
    /// </summary>
    private static bool IsManyAttacks(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(head) is not ("NN" or "NNS") && !IsNounGerund(text, head)) return false;
        foreach (var d in new Token(text, head).Dependents)
        {
            if (d.Relation is "det" or "nmod:poss" or "nummod") return false;
            if (d.Relation is "nmod" or "acl" or "acl:relcl" && !SyntaxActors.HasCase(text, d.Index, "by") && !SyntaxActors.HasCase(text, d.Index, "between")) return false;
        }
        // The entities are in text order.
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Loc or EntityType.Facility)) continue;
            if (m.Known is not { Country: { } code } known || Gazetteer.Default.Country(code)?.Entity.Key != known.Key) return false;
        }
        return true;
    }

    /// <summary>Attack words that name no one attack: campaign words ("clashes"), a front's many attacks, an exchange between two countries.</summary>
    private bool NamesNoOneAttack(AnnotatedText text, TokenSpan sentence, TokenSpan trigger) =>
        trigger.Length == 1 && IsCampaignWord(text, trigger.StartToken) || IsManyAttacks(text, sentence, trigger)
        || IsReciprocal(text, trigger) && TwoSidedFighting(text, sentence) is not null || TalliesASeries(text, sentence, trigger);

    /// <summary>
    /// "Since March, the navy has destroyed 23 vessels and killed at least 90 people": an attack verb whose object is a
    /// series' running count (<see cref="SeriesInPerfect"/>) tallies many attacks; it names no one attack.
    /// </summary>
    private bool TalliesASeries(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var verb = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (!(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal)) return false;
        foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
        {
            if (n.Span.StartToken > verb && SeriesInPerfect(text, sentence, n) is { } cue && cue.Start <= verb && verb < cue.End) return true;
        }
        return false;
    }

    /// <summary>How many different countries the entities in the six words before <paramref name="token"/> name, within its clause.</summary>
    private static int CountriesBefore(AnnotatedText text, TokenSpan sentence, int token)
    {
        var from = token;
        while (from - 1 >= sentence.StartToken && token - from < 6 && !ClauseBreaks.Contains(text.WordOf(from - 1)) && text.WordOf(from - 1) != ",") from--;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.EntitiesStartingIn(from, token))
        {
            if (m.Type is (EntityType.Gpe or EntityType.Norp) && m.Known?.Country is { } code && m.Span.EndToken <= token) countries.Add(code);
        }
        return countries.Count;
    }

    /// <summary>How many different countries the entities under <paramref name="token"/> (itself included) name.</summary>
    private static int CountriesUnder(AnnotatedText text, TokenSpan sentence, int token)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Norp) || m.Known?.Country is not { } code) continue;
            if (m.Span.Contains(token) || SyntaxScope.IsAncestor(text, token, m.Span.StartToken)) countries.Add(code);
        }
        return countries.Count;
    }

    /// <summary>Whether the text names the country outside <paramref name="span"/>: a place in it, its name, people or bodies.</summary>
    private static bool NamedElsewhere(AnnotatedText text, string country, TokenSpan span)
    {
        foreach (var m in text.Entities)
        {
            if (m.Known?.Country == country && (m.Span.EndToken <= span.StartToken || m.Span.StartToken >= span.EndToken)) return true;
        }
        return false;
    }

    /// <summary>
    /// "Baku reported 50 dead among its troops": "among" and the side's "its"/"their" or demonym within four words after
    /// the victims mark them as that side's; the marker's index, or null.
    /// </summary>
    private static int? AmongOwnRanks(AnnotatedText text, TokenSpan sentence, int victimEnd)
    {
        for (var i = victimEnd; i + 1 < sentence.EndToken && i < victimEnd + 4; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i)) || text.WordOf(i) == ",") return null;
            if (!text.WordOf(i).Equals("among", StringComparison.OrdinalIgnoreCase)) continue;
            if (text.WordOf(i + 1).ToLowerInvariant() is "its" or "their") return i + 1;
            foreach (var m in text.EntitiesStartingIn(i + 1, i + 3))
            {
                if (m.Type == EntityType.Norp) return m.Span.StartToken;
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// "Thailand said eight of its troops and 10 civilians had died", "the army reported four Thai soldiers killed": a
    /// count of one side's dead or wounded (its victims marked by the side's demonym or by "its"/"their", or a side's
    /// own soldiers or civilians counted by that side, <see cref="ClaimantSide"/>) in a sentence that names no attack is
    /// that side's tally over the fighting, not one event's count.
    /// </summary>
    private TokenSpan? SideTally(AnnotatedText text, TokenSpan sentence, int victimStart, int victimEnd)
    {
        if (victimEnd <= victimStart) return null;
        // "three Thai troops killed and 41 wounded": a bare number shares the side of the group before its "and".
        var from = victimStart;
        var group = -1;
        if (NumberStartingAt(text, victimStart) is { } bare && bare.Span.EndToken >= victimEnd && bare.Unit is null)
        {
            for (var i = victimStart - 1; i >= sentence.StartToken && victimStart - i <= 6 && !ClauseBreaks.Contains(text.WordOf(i)) && text.WordOf(i) != ","; i--)
            {
                if (text.WordOf(i) != "and") continue;
                from = Math.Max(sentence.StartToken, i - 5);
                for (var j = i - 1; j >= from && group < 0; j--)
                {
                    if (IsOwnVictim(text, j)) group = j;
                }
                break;
            }
        }
        int? marker = null;
        for (var i = from; i < victimEnd && marker is null; i++)
        {
            // "three engineers and their driver": after a joiner inside the victims, "their" is the group's before it, no side.
            if (text.WordOf(i) is "its" or "their" or "Its" or "Their" && !(i - 1 > victimStart && CasualtyFinder.JoinerEndingAt(text, sentence, i - 1) > 0)) marker = i;
        }
        marker ??= AmongOwnRanks(text, sentence, victimEnd);
        // "The army lost four soldiers": a side that loses its own people (the "own" nouns, or "men") counts them, unless the
        // sentence before names the attack they were lost to ("A shell hit the base. The unit lost three soldiers").
        if (marker is null && victimStart > sentence.StartToken && text.WordOf(victimStart - 1).ToLowerInvariant() is "lost" or "loses" or "lose"
            && (IsOwnVictim(text, victimEnd - 1) || text.WordOf(victimEnd - 1).Equals("men", StringComparison.OrdinalIgnoreCase)) && !AfterAnAttack(text, sentence)) marker = victimStart - 1;
        if (marker is null)
        {
            foreach (var m in text.EntitiesStartingIn(from, victimEnd))
            {
                if (m.Type != EntityType.Norp || m.Known?.Country is not { } code || m.Span.EndToken > victimEnd) continue;
                // "A drone hit a ship. … two Filipino crew members died": right after an attack, a nationality the text names
                // nowhere else is where the attack's victims came from, not a side of a fighting whose tally this could be.
                if (AfterAnAttack(text, sentence) && !NamedElsewhere(text, code, m.Span)) continue;
                marker = m.Span.StartToken;
                break;
            }
        }
        marker ??= ClaimantSide(text, sentence, group >= 0 ? group : SyntaxScope.HeadOf(text, victimStart, victimEnd));
        if (marker is not { } at || !text.Numbers.Any(n => n.Span.StartToken >= victimStart && n.Span.StartToken < victimEnd)) return null;
        // Campaign words ("clashes", "fighting") name no one attack: "Violent clashes erupted …, leaving four Thai civilians dead".
        if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: t => t.Length == 1 && IsCampaignWord(text, t.StartToken)))
        {
            // Nor do a front's many attacks ("killed in airstrikes and artillery shelling"), in a sentence that names no
            // day, after one that names no attack of its own: "Drones hit Kharkiv overnight. Three Ukrainian civilians
            // were killed in Russian shelling" is that night's count.
            if (NamesAnAttack(text, sentence, sentence.StartToken, sentence.EndToken, skip: t => NamesNoOneAttack(text, sentence, t))) return null;
            if (text.Times.Any(t => sentence.Contains(t.Span.StartToken) && t.Span.Length > 0) || AfterAnAttack(text, sentence)) return null;
        }
        // "Three Israeli soldiers were killed in northern Gaza on Saturday": dead with their own day and a place inside a
        // country are one event's, though no attack word names it.
        if (OwnDayAndPlace(text, sentence)) return null;
        return text.Span(at, at + 1);
    }

    /// <summary>Whether the sentence names one day and, after "in", "near" or "at", a known place smaller than a country.</summary>
    private static bool OwnDayAndPlace(AnnotatedText text, TokenSpan sentence)
    {
        if (!text.Times.Any(t => sentence.Contains(t.Span.StartToken) && t.Span.Length > 0 && t.Precision == TimePrecision.Day && t.Basis is null)) return false;
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Loc) || m.Known is not { } known) continue;
            if (known.Country is { } code && Gazetteer.Default.Country(code)?.Entity.Key == known.Key) continue;
            for (var i = m.Span.StartToken - 1; i >= sentence.StartToken && m.Span.StartToken - i <= 2; i--)
            {
                if (text.WordOf(i).ToLowerInvariant() is "in" or "near" or "at") return true;
            }
        }
        return false;
    }

    /// <summary>Whether the sentence before <paramref name="sentence"/> names an attack of its own (not a campaign, a front's many attacks or an exchange between two countries).</summary>
    private bool AfterAnAttack(AnnotatedText text, TokenSpan sentence)
    {
        var index = text.SentenceIndexOf(sentence.StartToken);
        return index > 0 && text.Sentences[index - 1] is var before && NamesAnAttack(text, before, before.StartToken, before.EndToken, skip: t => NamesNoOneAttack(text, before, t));
    }

    /// <summary>
    /// "Cambodia's defence ministry said five civilians were wounded", "Thailand's army said 12 troops were wounded":
    /// soldiers or civilians (the "own" nouns of the data file) counted by a side that a country names (the subject of the
    /// verb of saying the count hangs from, or of the verb that verb is joined to: "Cambodia has not given figures but said
    /// 30 civilians have died") are that side's own, unless the sentence before names an attack whose count it gives.
    /// <paramref name="head"/> is the victims' head word (for a bare number
    /// after "and", the group's before it). Returns the country's first word; null without a parse.
    /// </summary>
    private int? ClaimantSide(AnnotatedText text, TokenSpan sentence, int head)
    {
        if (head < 0 || !SyntaxScope.HasParse(text, sentence)) return null;
        // "Ormund reported nine deaths", "with Kalvia confirming 13 fatalities": a word that counts people (the "count" words)
        // as the object of the verb of saying itself is the side's own count as well.
        // "Armenia reported three dead": a number and a word that counts people after it, whichever of the two the parse
        // makes the object.
        var numbered = text.PosOf(head) == "CD" && head + 1 < sentence.EndToken && _counts.ContainsKey(text.WordOf(head + 1));
        if (numbered && text.RelationOf(head + 1) == "obj") head++;
        var counted = (numbered || _counts.ContainsKey(text.WordOf(head))) && text.RelationOf(head) == "obj";
        if (!counted && !IsOwnVictim(text, head) && !HasOwnModifier(text, sentence, head)) return null;
        // "Drones hit Kharkiv overnight. Ukraine's emergency service said two civilians were killed": after a sentence that
        // names an attack, the count is that attack's.
        // A campaign word there ("Thailand lost 26 soldiers to the fighting") names no one attack to own the count.
        if (AfterAnAttack(text, sentence)) return null;
        var verb = text.HeadOf(head);
        for (var steps = 0; verb >= 0 && steps < 6; steps++, verb = text.HeadOf(verb))
        {
            if (counted && steps > 0) return null;
            if (text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal) || !Lemmas.Candidates(text.WordOf(verb)).Any(_claimVerbs.Contains)) continue;
            var subject = SubjectOf(text, sentence, verb);
            if (subject < 0 && text.RelationOf(verb) == "conj" && text.HeadOf(verb) is var joined and >= 0) subject = SubjectOf(text, sentence, joined);
            if (subject < 0) return null;
            // The subject's own sentence: what hangs from it, or holds it, is there.
            foreach (var m in text.EntitiesStartingIn(sentence))
            {
                if (m.Type is not (EntityType.Gpe or EntityType.Norp) || m.Known?.Country is null) continue;
                if (SyntaxScope.IsAncestor(text, subject, m.Span.StartToken) || m.Span.Contains(subject)) return m.Span.StartToken;
            }
            return null;
        }
        return null;
    }

    private bool IsOwnVictim(AnnotatedText text, int token) => _ownVictims.Contains(text.WordOf(token));

    /// <summary>Whether <paramref name="word"/> names a side's own people ("soldiers", "civilians": the "own" words of the data file).</summary>
    internal bool IsOwnVictimWord(string word) => _ownVictims.Contains(word);

    /// <summary>"three civilian fatalities", "44 military deaths": a count noun whose modifier names a side's own people.</summary>
    private bool HasOwnModifier(AnnotatedText text, TokenSpan sentence, int head)
    {
        for (var i = Math.Max(sentence.StartToken, head - 3); i < head; i++)
        {
            if (text.HeadOf(i) == head && text.RelationOf(i) is "amod" or "compound" && IsOwnVictim(text, i)) return true;
        }
        return false;
    }

    private static int SubjectOf(AnnotatedText text, TokenSpan sentence, int verb, bool passive = false)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (text.HeadOf(i) == verb && (text.RelationOf(i) == "nsubj" || passive && text.RelationOf(i) == "nsubj:pass")) return i;
        }
        return -1;
    }

    /// <summary>Whether a "when" or "where" between the two tokens opens a clause that names an attack before the second.</summary>
    private static bool AttackClauseBefore(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.WordOf(k).ToLowerInvariant() is "when" or "where" && NamesAnAttack(text, sentence, k + 1, to)) return true;
        }
        return false;
    }

    /// <summary>Whether [from, to) holds a word of violence other than the outcome words ("killed", "wounded").</summary>
    private static bool NamesAnAttack(AnnotatedText text, TokenSpan sentence, int from, int to, Func<TokenSpan, bool>? skip = null)
    {
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || t.Span.StartToken < from || t.Span.StartToken >= to) continue;
            if (skip is not null && skip(t.Span)) continue;
            if (!CasualtyFinder.IsOutcomeWord(t.Span.Text)) return true;
        }
        return false;
    }

    /// <summary>"this summer", "in October" before the article's date: a count over a past month, season or year sums it up.</summary>
    private static TokenSpan? PastSpan(AnnotatedText text, int from, int to, int start, int end)
    {
        if (text.Published is not { } published) return null;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.StartToken < end && start < t.Span.EndToken) continue;
            if (t.Precision is TimePrecision.Month or TimePrecision.Season or TimePrecision.Year && t.End is { } last && last < published) return t.Span;
        }
        return null;
    }

    /// <summary>
    /// "September was the deadliest month of the year, with 310 civilians killed", "Last year was the bloodiest yet, with
    /// more than 900 dead": a past month, season or year that opens the sentence as the subject of "be" is what a count of
    /// many after ", with" sums up; its words, or null.
    /// </summary>
    internal TokenSpan? PastSpanSubject(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        // The count's own words, or a toll's that open with the subject: past them to the count after ", with".
        if (start == sentence.StartToken)
        {
            for (var k = start; k + 2 < end; k++)
            {
                if (text.WordOf(k) == "," && text.WordOf(k + 1).Equals("with", StringComparison.OrdinalIgnoreCase)) { start = k + 2; break; }
            }
        }
        if (start - 2 <= sentence.StartToken || !text.WordOf(start - 1).Equals("with", StringComparison.OrdinalIgnoreCase) || text.WordOf(start - 2) != ","
            || !CountsMany(text, start, end)) return null;
        // A bare month name ("September was …") is a time the recognizer leaves to context: any month but the article's own is past.
        var first = text.WordOf(sentence.StartToken);
        var past = PastSpan(text, sentence.StartToken, start - 2, start, end) is { } span && span.StartToken <= sentence.StartToken + 1 ? span
            : Lexicon.IsMonth(first) && Lexicon.IsFullMonthName(first) && text.Published is { } published && Lexicon.MonthOf(first) != published.Month
                ? text.Span(sentence.StartToken, sentence.StartToken + 1) : (TokenSpan?)null;
        if (past is not { } p || p.EndToken >= start - 2) return null;
        return text.WordOf(p.EndToken).ToLowerInvariant() is "was" or "became" or "has" or "had" or "remains" or "remained" ? p : null;
    }

    /// <summary>
    /// "the third deadly strike on the city this week": the week or month the article is published in, within the clause
    /// window of an ordinal, is the span it counts in; the cue, or null.
    /// </summary>
    internal Cue? CurrentSpan(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        if (text.Published is not { } published) return null;
        var (from, to) = Window(text, sentence, start, end);
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.Length == 0) continue;
            if (t.Precision is TimePrecision.Week or TimePrecision.Month && t.Start is { } first && t.End is { } last && first <= published && last >= published) return new Cue(t.Span.StartToken, t.Span.EndToken, false);
        }
        return null;
    }

    /// <summary>
    /// "28 people have been killed in the province this month", "14 people have died in attacks this week": the week or
    /// month the article is published in, with a count of many under a verb in the present perfect, is a total so far;
    /// "a bombing killed 12 earlier this month" is that bombing's. Null when none, or without a parse.
    /// </summary>
    private static TokenSpan? CurrentSpanInPerfect(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        if (text.Published is not { } published || !CountsMany(text, start, end) || !SyntaxScope.HasParse(text, sentence)) return null;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.StartToken < end && start < t.Span.EndToken) continue;
            if (t.Precision is not (TimePrecision.Week or TimePrecision.Month) || t.Start is not { } first || t.End is not { } last || first > published || last < published) continue;
            var verb = SyntaxScope.HeadOf(text, start, end);
            for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
            if (verb >= 0 && PresentPerfect(text, sentence, verb)) return t.Span;
        }
        return null;
    }

    /// <summary>Whether [start, end) holds a number of two or more, or a plural with none ("people were killed").</summary>
    private static bool CountsMany(AnnotatedText text, int start, int end)
    {
        foreach (var n in text.NumbersStartingIn(start, end)) return n.Min >= 2;
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is "NNS" or "NNPS") return true;
        }
        return false;
    }

    /// <summary>
    /// "an outbreak of fighting which has left four dead", "the renewed fighting", "an escalation in fighting": a gerund after
    /// "of", "in", "amid", "during", a determiner or an
    /// adjective, with no object of its own, is the noun a tagger may take for a verb ("accused of fighting the army" has one).
    /// Opening the sentence, it is the noun when it is the subject: the sentence's finite verb follows with no comma between
    /// ("Fighting between the army and rebels has killed 80"; "Fighting the rebels, troops killed six" has an object).
    /// </summary>
    private static bool IsNounGerund(AnnotatedText text, int i)
    {
        if (text.PosOf(i) != "VBG") return false;
        if (text.SentenceOf(i) is var sentence && sentence.StartToken == i) return SubjectGerund(text, sentence, i);
        if (i == 0) return false;
        var before = text.PosOf(i - 1);
        if (!(text.WordOf(i - 1).ToLowerInvariant() is "of" or "in" or "amid" or "during" || before is "DT" or "JJ" or "JJR" or "JJS" or "PRP$")) return false;
        return !new Token(text, i).Dependents.Any(d => d.HasRelation("obj"));
    }

    private static bool SubjectGerund(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (new Token(text, i).Dependents.Any(d => d.HasRelation("obj"))) return false;
        for (var k = i + 1; k < sentence.EndToken && k - i <= 12; k++)
        {
            if (text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k)) || text.PosOf(k) is "VBG" or "VBN" && k == i + 1) return false;
            if (text.PosOf(k) is "VBZ" or "VBP" or "VBD" or "MD") return true;
        }
        return false;
    }
}
