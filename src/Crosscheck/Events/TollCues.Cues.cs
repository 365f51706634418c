using Crosscheck.Language;

namespace Crosscheck.Events;

// Cues near a count: cues that open the sentence, comparisons, sums of one account (the clause window: TollCues.Window.cs).
public sealed partial class TollCues
{
    /// <summary>The cue that makes the count at [<paramref name="start"/>, <paramref name="end"/>) a running total; null when none.</summary>
    internal Cue? CueNear(AnnotatedText text, TokenSpan sentence, int start, int end, List<Tally> tallies)
    {
        // "since the death of a herder in March", "ever since the killing of two guards": a death the "since" phrase names is
        // where another count starts, no running total of its own.
        if (NamedBySince(text, sentence, start)) return null;
        var (from, to) = Window(text, sentence, start, end);
        from = PastOrdinalApposition(text, sentence, from, start);
        // "the three-week war in spring, when 300 died", "since 2010, when 30 died", "four days of shelling, which has
        // claimed 21 lives": a clause about a campaign, a span of days or a whole year counts its toll; "since March,
        // when a guard was killed" names one past death.
        if (from > sentence.StartToken && Relatives.Contains(text.WordOf(from - 1)))
        {
            // "four days of clashes in the spring (which killed 31 people)": the bracket opens the same clause.
            var back = from - 2 >= sentence.StartToken && text.WordOf(from - 2) == "(" ? from - 3 : from - 2;
            for (var i = back; i >= sentence.StartToken && from - i <= Before + 3 && !ClauseBreaks.Contains(text.WordOf(i)); i--)
            {
                if (IsCampaignWord(text, i)) return new Cue(i, i + 1, false);
                // "a three-day exchange of shelling in June, when 36 villagers died": a past month or season
                // with a count of many ("in May, when a soldier was killed" names one past death).
                if (PastSpan(text, i, from, from, from) is { } month && month.StartToken == i && CountsMany(text, start, end)) return new Cue(month.StartToken, month.EndToken, false);
                // "four days of shelling along the frontier, which has claimed 21 lives"
                foreach (var (words, since) in CuesStarting(text.WordOf(i)))
                {
                    if (!since && CueMatches(text, i, from, words)) return new Cue(i, i + words.Length, false);
                }
                if (IsYear(text, i) && text.InTime(i) && !NamesOneAttack(text, sentence, i, from)) return new Cue(i, i + 1, false);
            }
        }
        // A tally's words are its own: "killing three people, raising the death toll from the offensive to 83".
        foreach (var t in tallies)
        {
            if (t.Start >= end) to = Math.Min(to, t.Start);
            else if (t.End <= start) from = Math.Max(from, t.End);
        }
        // "the deadliest attack since March", "the worst fighting since the war began": a superlative's "since" compares, and
        // names no start of the count; its words are no cue.
        var (compareFrom, compareTo) = Comparison(text, sentence, from, to);
        // "In all, at least 101 people have been killed on both sides since Sunday": a cue that names where the count
        // starts wins over one before it that only says it is a total.
        Cue? total = null;
        for (var i = from; i < to; i++)
        {
            if (i >= start && i < end || i >= compareFrom && i < compareTo || ComparisonTimes.InBoundingTime(text, sentence, i)) continue;
            foreach (var (words, since) in CuesStarting(text.WordOf(i)))
            {
                if (!CueMatches(text, i, to, words)) continue;
                if (since && !SinceNamesAStart(text, i + words.Length, to)) continue;
                if (since) return new Cue(i, i + words.Length, true);
                // "one of the most intense attacks in recent months", "the deadliest raid this year": a span that closes a
                // superlative bounds the comparison, not the count.
                if (SuperlativeBefore(text, sentence, i)) continue;
                if (SumsOneAccount(text, sentence, words, start, end)) continue;
                total ??= new Cue(i, i + words.Length, false);
            }
        }
        if (FarSince(text, sentence, start, end, to) is { } far) return far;
        if (total is not null) return total;
        // Words that say where the count starts ("since September") come first, also when they open the sentence; then what
        // it is the total of.
        if (FrontedCue(text, sentence, from, start) is { } fronted) return fronted;
        for (var i = from; i < to; i++)
        {
            if (i >= start && i < end || i >= compareFrom && i < compareTo || ComparisonTimes.InBoundingTime(text, sentence, i)) continue;
            // "the war has killed 400", "killed in the conflict": a campaign word in the count's clause.
            if (IsCampaignWord(text, i) && !FramesOneEvent(text, i, from, end)) return new Cue(i, i + 1, false);
            // "died in the three operations", "killed across the 14 strikes": a count over a known series of events is its
            // total; "killed 14 in two strikes" reports two new ones.
            if (i > from && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase) && NumberStartingAt(text, i) is { Min: >= 2 } events
                && UnitMeasure(events.Unit) is TollMeasure.Strikes or TollMeasure.Boats && events.Span.EndToken <= to) return new Cue(i, events.Span.EndToken, false);
            // "between 1,000 and 1,400 people have been killed in those strikes": a series pointed back at sums it up too.
            if (i >= end && text.WordOf(i).ToLowerInvariant() is "those" or "these" && SeriesNounAfter(text, i + 1, to) is { } noun) return new Cue(i, noun + 1, false);
        }
        if (CampaignInPerfect(text, sentence, start, end) is { } campaign) return new Cue(campaign, campaign + 1, false);
        if (SpanSubject(text, sentence, start, end) is { } span) return new Cue(span, span + 2, false);
        if (WholeCountry(text, sentence, from, to, start, end) is { } country) return new Cue(country.StartToken, country.EndToken, false);
        if (ManyPlacesBeforeParticiple(text, sentence, start) is { } places) return new Cue(places.StartToken, places.EndToken, false);
        if (CurrentSpanInPerfect(text, sentence, from, to, start, end) is { } current) return new Cue(current.StartToken, current.EndToken, false);
        if (LengthOfTime(text, from, to, start, end) is { } length) return new Cue(length.StartToken, length.EndToken, false);
        if (DayOfRun(text, sentence, from, to, start, end) is { } run) return new Cue(run.StartToken, run.EndToken, false);
        // A past month or season sums up many dead; one death in it ("a soldier was killed in May") is that death.
        // "A similar bombing in the town in 2024 left 27 dead": a count whose clause names one attack is that attack's.
        // "An attack on a base at Djibo in May 2024 killed 100 soldiers": the attack may stand further back than the window,
        // at the head of the clause whose verb the count follows.
        if (PastSpan(text, from, to, start, end) is { } past && CountsMany(text, start, end) && !NamesOneAttack(text, sentence, ClauseStartBefore(text, sentence, from), to))
            return new Cue(past.StartToken, past.EndToken, false);
        return PastSpanSubject(text, sentence, start, end) is { } subject ? new Cue(subject.StartToken, subject.EndToken, false) : null;
    }

    /// <summary>
    /// Whether the count starting at <paramref name="start"/> is what a "since" right before it names ("since the death of
    /// a student", "since the killings of two soldiers"): only determiners, adjectives, a noun of death or killing and its
    /// "of" between them, and a noun phrase right after "since".
    /// </summary>
    private static bool NamedBySince(AnnotatedText text, TokenSpan sentence, int start)
    {
        for (var k = start - 1; k >= sentence.StartToken && start - k <= 5; k--)
        {
            var word = text.WordOf(k);
            // "The US has since killed dozens": "since" as an adverb before a verb names no start.
            if (word.Equals("since", StringComparison.OrdinalIgnoreCase)) return text.PosOf(k + 1) is "DT" or "JJ" or "PRP$" or "NN" or "NNS";
            if (text.PosOf(k) is not ("DT" or "JJ" or "PRP$") && !word.Equals("of", StringComparison.OrdinalIgnoreCase)
                && !DeathNouns.Contains(word) && word.ToLowerInvariant() is not ("killing" or "killings")) return false;
        }
        return false;
    }

    /// <summary>
    /// "A drone hit the market on Monday. In all, eight people were killed": a <c>sum</c> cue ("in all") before a count
    /// under a verb in the simple past ("were killed", "died", "left eight dead"; never with "has", "have" or "had") adds up
    /// the account just told, one attack's dead, and makes no running total by itself. False without a parse.
    /// </summary>
    private bool SumsOneAccount(AnnotatedText text, TokenSpan sentence, string[] words, int start, int end)
    {
        if (!_sums.Contains(string.Join(' ', words)) || end <= start || !SyntaxScope.HasParse(text, sentence)) return false;
        // The statement's own verb when its words hold one ("eight people were killed", "21 people died in the attack", which
        // the parse may read as a noun and its reduced relative), else the verb above the count.
        var verb = -1;
        for (var i = end - 1; i >= start && verb < 0; i--)
        {
            if ((text.PosOf(i) ?? "").StartsWith("VB", StringComparison.Ordinal)) verb = i;
        }
        if (verb < 0) verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        if (verb < 0 || text.PosOf(verb) is not ("VBD" or "VBN")) return false;
        // A participle with no auxiliary ("21 people killed in the attack") is the past too.
        for (var i = Math.Max(sentence.StartToken, verb - 6); i < verb; i++)
        {
            if (text.HeadOf(i) == verb && text.RelationOf(i) is "aux" or "aux:pass" && text.WordOf(i).ToLowerInvariant() is not ("was" or "were")) return false;
        }
        return true;
    }

    /// <summary>
    /// "The death toll since the offensive began on 2 March has risen to 310": a "since" cue inside a tally's own words,
    /// between its toll noun and its number, names where the tally counts from; null when there is none.
    /// </summary>
    internal Cue? SinceInside(AnnotatedText text, Tally t)
    {
        for (var i = t.Start; i < t.Number.Span.StartToken; i++)
        {
            foreach (var (words, since) in CuesStarting(text.WordOf(i)))
            {
                if (since && CueMatches(text, i, t.Number.Span.StartToken, words) && SinceNamesAStart(text, i + words.Length, t.Number.Span.StartToken)) return new Cue(i, i + words.Length, true);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether [from, to) holds one attack: a singular attack noun that is no campaign word after "a", "an" or "one" and
    /// describing words ("a similar bombing", "an attack"); not one over a span ("a three-day siege").
    /// </summary>
    /// <summary>Where the clause holding <paramref name="from"/> opens: back over at most <see cref="Before"/> more words, to a comma or a clause break.</summary>
    private static int ClauseStartBefore(AnnotatedText text, TokenSpan sentence, int from)
    {
        var k = from;
        while (k > sentence.StartToken && from - k < Before && text.WordOf(k - 1) != "," && !ClauseBreaks.Contains(text.WordOf(k - 1))) k--;
        return k;
    }

    private bool NamesOneAttack(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || t.Span.StartToken < from || t.Span.EndToken > to) continue;
            if (text.PosOf(t.Head) != "NN" || CasualtyFinder.IsOutcomeWord(t.Span.Text) || IsCampaignWord(text, t.Head)) continue;
            // "a 2019 raid", "the 2014 bombing": a year set before the noun dates one attack, and makes "the" single it out.
            var dated = false;
            for (var i = t.Span.StartToken - 1; i >= sentence.StartToken && t.Span.StartToken - i <= 4; i--)
            {
                var word = text.WordOf(i).ToLowerInvariant();
                if (word is "a" or "an" or "one" || dated && word == "the") return true;
                if (IsYear(text, i) && text.InTime(i)) { dated = true; continue; }
                if (text.PosOf(i) is not ("JJ" or "NN" or "VBN" or "HYPH") || word.Contains("day") || word.Contains("week") || word.Contains("month") || word.Contains("year")) break;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="word"/> says an ordinal's unit is one of a series ("the 20th such strike"; the <c>series</c> words).</summary>
    internal bool IsSeriesWord(string word) => _series.Contains(word);

    /// <summary>
    /// "Over the past day, Russian forces attacked 12 settlements, killing one person", "Since Monday, …": a cue that opens
    /// the sentence and is set off by a comma (within eight words) scopes every count of the sentence, however far, unless
    /// a contrast or a break stands between ("So far, no one has claimed it, but a bomb killed three"). Null when none.
    /// </summary>
    private Cue? FrontedCue(AnnotatedText text, TokenSpan sentence, int from, int start)
    {
        if (from <= sentence.StartToken) return null;
        var comma = -1;
        // "Since the start of the war on 12 February, …": an opening phrase of up to a dozen words.
        for (var i = sentence.StartToken; i < Math.Min(sentence.EndToken, sentence.StartToken + 12); i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i))) return null;
            if (text.WordOf(i) == ",") { comma = i; break; }
        }
        if (comma < 0 || comma >= start) return null;
        for (var i = comma + 1; i < start; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i)) || Contrasts.Contains(text.WordOf(i)) || Relatives.Contains(text.WordOf(i))) return null;
        }
        // "Since March, nine guards have been killed, and one more guard died when a bomb went off on Friday": a count
        // whose own clause names an attack, or with a day after the opening, is news of its own.
        var clauseEnd = start;
        while (clauseEnd < sentence.EndToken && text.WordOf(clauseEnd) != "," && !ClauseBreaks.Contains(text.WordOf(clauseEnd))) clauseEnd++;
        if (text.Times.Any(t => t.Precision == TimePrecision.Day && t.Span.Length > 0 && t.Span.StartToken > comma && t.Span.StartToken < clauseEnd)) return null;
        var clauseStart = start;
        while (clauseStart > comma + 1 && text.WordOf(clauseStart - 1) != ",") clauseStart--;
        if (NamesAnAttack(text, sentence, clauseStart, clauseEnd, skip: w => NamesNoOneAttack(text, sentence, w))) return null;
        foreach (var (words, since) in CuesStarting(text.WordOf(sentence.StartToken)))
        {
            if (!CueMatches(text, sentence.StartToken, comma, words) || since && !SinceNamesAStart(text, sentence.StartToken + words.Length, comma)) continue;
            if (SumsOneAccount(text, sentence, words, start, start + 1)) continue;
            return new Cue(sentence.StartToken, sentence.StartToken + words.Length, since);
        }
        return null;
    }

    /// <summary>
    /// "the deadliest strike on the city since October, when 13 people were killed": the clause after a superlative's
    /// "since" and its time tells the event compared with, not the one the sentence reports; the index of its "when" or
    /// "which", or null when the sentence has no such clause.
    /// </summary>
    internal static int? ComparedEventClause(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken + 1; i < sentence.EndToken - 2; i++)
        {
            if (!text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase)) continue;
            var superlative = false;
            for (var k = i - 1; k >= Math.Max(sentence.StartToken, i - 8) && !superlative; k--)
            {
                if (text.PosOf(k) is "JJS" or "RBS") superlative = true;
                else if (text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k))) break;
            }
            if (!superlative) continue;
            var comma = i + 1;
            while (comma < sentence.EndToken && text.WordOf(comma) != "," && !ClauseBreaks.Contains(text.WordOf(comma))) comma++;
            // "the deadliest … since a raid in January that killed 11": a relative clause on the compared attack's noun.
            for (var r = i + 2; r < comma; r++)
            {
                if (text.WordOf(r).ToLowerInvariant() is "that" or "which" or "when" && text.RelationOf(r) is not "mark") return r;
            }
            if (comma + 1 >= sentence.EndToken || text.WordOf(comma) != "," || !text.Times.Any(t => t.Span.StartToken >= i && t.Span.EndToken <= comma && t.Span.Length > 0)) return null;
            return text.WordOf(comma + 1).ToLowerInvariant() is "when" or "which" ? comma + 1 : null;
        }
        return null;
    }

    /// <summary>The number of a spelled ordinal ("fifth" → 5); null for other words.</summary>
    internal int? WordOrdinal(string word) => _ordinals.TryGetValue(word, out var n) ? n : null;

    /// <summary>The plural unit noun of events ("strikes", "raids") right after, or after one describing word; null when none.</summary>
    private int? SeriesNounAfter(AnnotatedText text, int i, int to)
    {
        for (var k = i; k < Math.Min(to, i + 2); k++)
        {
            if (text.PosOf(k) == "NNS" && UnitMeasure(text.WordOf(k)) is TollMeasure.Strikes or TollMeasure.Boats) return k;
            if (text.PosOf(k) is not ("JJ" or "NN")) return null;
        }
        return null;
    }

    /// <summary>What a plural event or target noun counts as a toll ("strikes", "boats"); null for other nouns.</summary>
    internal TollMeasure? UnitMeasure(string? unit) => unit is not null && _units.TryGetValue(unit, out var m) ? m : null;
}
