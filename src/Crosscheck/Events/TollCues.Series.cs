using Crosscheck.Language;

namespace Crosscheck.Events;

// The series a count in the perfect sums up: "has killed 57 people in 14 strikes", "the strikes have killed 27".
public sealed partial class TollCues
{
    /// <summary>
    /// "The US has now killed at least 57 people in 14 strikes", "has carried out at least 21 strikes, killing 83": a count
    /// whose clause (or the clause its participle hangs from) is in the present perfect and counts events as a series is
    /// their total so far. A series is a count of strikes, raids or boats that is open ("at least 21", "more than 20"),
    /// of five or more, or said with "now", "already" or "altogether" on the verb: "has killed eight men in strikes on
    /// three boats" stays the news it reports, as do the simple past ("struck four boats, killing 14"), the past
    /// perfect of reported speech ("said it had killed eight in strikes on three boats") and a clause with a day of its
    /// own. Returns the count of events; null without a parse.
    /// </summary>
    private TokenSpan? PerfectOverEvents(AnnotatedText text, TokenSpan sentence, int victimStart, int victimEnd)
    {
        if (victimEnd <= victimStart || !SyntaxScope.HasParse(text, sentence)) return null;
        var verb = text.HeadOf(VictimHead(text, victimStart, victimEnd));
        if (verb < 0 || text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal)) return null;
        var clause = verb;
        // "…, killing 57": the participle's clause is the one it hangs from.
        if (pos == "VBG" && text.RelationOf(verb) is "advcl" or "xcomp" or "conj" && text.HeadOf(verb) is var main and >= 0) clause = main;
        var perfect = PresentPerfect(text, sentence, clause) ? clause : PresentPerfect(text, sentence, verb) ? verb : -1;
        if (perfect < 0) return null;
        foreach (var t in text.Times)
        {
            if (t.Precision == TimePrecision.Day && sentence.Contains(t.Span.StartToken) && t.Span.Length > 0 && !OpensSeries(text, sentence, t)
                && (SyntaxScope.IsAncestor(text, clause, t.Span.StartToken) || SyntaxScope.IsAncestor(text, verb, t.Span.StartToken))) return null;
        }
        var accumulated = Accumulating(text, sentence, perfect);
        if (DefiniteSeries(text, sentence, perfect) is { } series) return series;
        foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
        {
            if (n.Min < 2 || UnitMeasure(n.Unit) is not (TollMeasure.Strikes or TollMeasure.Boats)) continue;
            if (n.Span.StartToken < victimEnd && victimStart < n.Span.EndToken) continue;
            if (!SyntaxScope.IsAncestor(text, clause, n.Span.StartToken) && !SyntaxScope.IsAncestor(text, verb, n.Span.StartToken)) continue;
            if (!accumulated && n.Max is not null && n.Min < 5) continue;
            // "14" of "14 strikes": the span takes the counted word too.
            var end = n.Span.EndToken < sentence.EndToken && text.WordOf(n.Span.EndToken).Equals(n.Unit, StringComparison.OrdinalIgnoreCase) ? n.Span.EndToken + 1 : n.Span.EndToken;
            return text.Span(n.Span.StartToken, end);
        }
        return null;
    }

    /// <summary>
    /// "has carried out nine strikes, killing 32 people, since the campaign began on March 3", "since March 3": a day in
    /// the words a "since" opens is where the series starts, no day of the clause's own that would make it news.
    /// </summary>
    private static bool OpensSeries(AnnotatedText text, TokenSpan sentence, TimeMention t) =>
        t.Span.StartToken > sentence.StartToken && text.WordOf(t.Span.StartToken - 1).Equals("since", StringComparison.OrdinalIgnoreCase)
        || TollFinder.InSinceWords(text, sentence, t, null);

    /// <summary>
    /// "The military has carried out 21 strikes on alleged drug boats", "The US has now struck 19 vessels", "at least 14
    /// boats have been destroyed": a count of strikes, raids or boats that is the object (or the passive subject) of a verb in
    /// the present perfect, and a series by the rule of <see cref="PerfectOverEvents"/> (open, five or more, or "now",
    /// "already" on the verb), with no day in its clause, is the total so far; "has struck three depots" and "struck 21
    /// boats on Monday" are news. The cue is the verb; null when none, or without a parse.
    /// </summary>
    internal Cue? SeriesInPerfect(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        if (n.Min < 2 || UnitMeasure(n.Unit) is not (TollMeasure.Strikes or TollMeasure.Boats) || !SyntaxScope.HasParse(text, sentence)) return null;
        var noun = n.Span.EndToken < sentence.EndToken && text.WordOf(n.Span.EndToken).Equals(n.Unit, StringComparison.OrdinalIgnoreCase) ? n.Span.EndToken
            : Enumerable.Range(n.Span.StartToken, n.Span.Length).LastOrDefault(k => text.WordOf(k).Equals(n.Unit, StringComparison.OrdinalIgnoreCase), -1);
        // The parser may take the object for a bare oblique ("has carried out 21 strikes"): one without a preposition is the object.
        if (noun < 0) return null;
        var objectLike = text.RelationOf(noun) is "obj" or "nsubj:pass" || text.RelationOf(noun) == "obl" && !new Token(text, noun).Dependents.Any(d => d.Relation == "case");
        if (!objectLike || text.HeadOf(noun) is not (var verb and >= 0)) return null;
        if (!(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal) || !PresentPerfect(text, sentence, verb)) return null;
        if (n.Max is not null && n.Min < 5 && !Accumulating(text, sentence, verb)) return null;
        foreach (var t in text.Times)
        {
            if (t.Precision == TimePrecision.Day && sentence.Contains(t.Span.StartToken) && t.Span.Length > 0 && !OpensSeries(text, sentence, t) && SyntaxScope.IsAncestor(text, verb, t.Span.StartToken)) return null;
        }
        return new Cue(Math.Min(verb, noun), Math.Max(verb, noun) + 1, false);
    }

    /// <summary>
    /// "The strikes have killed at least 27 people", "have been killed in the attacks": the series named as a whole, a
    /// plural event noun with "the" or "these" as the perfect verb's subject or its "in" phrase, and nothing after it that
    /// names one of them ("the strikes on the port"); its words, or null.
    /// </summary>
    private TokenSpan? DefiniteSeries(AnnotatedText text, TokenSpan sentence, int verb)
    {
        // "the strikes, which have killed more than 100 people": the series is what the relative clause is about.
        if (text.RelationOf(verb) == "acl:relcl" && text.HeadOf(verb) is var antecedent and >= 0 && text.PosOf(antecedent) is "NNS"
            && UnitMeasure(text.WordOf(antecedent)) is TollMeasure.Strikes
            && Enumerable.Range(sentence.StartToken, antecedent - sentence.StartToken).Any(d => text.HeadOf(d) == antecedent && text.RelationOf(d) == "det" && text.WordOf(d).ToLowerInvariant() is "the" or "these")
            && Enumerable.Range(antecedent + 1, verb - antecedent - 1).Any(d => text.HeadOf(d) == verb && text.RelationOf(d) is "nsubj" && text.WordOf(d).ToLowerInvariant() is "which" or "that"))
            return text.Span(antecedent, antecedent + 1);
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (UnitMeasure(text.WordOf(i)) is not (TollMeasure.Strikes) || text.PosOf(i) is not "NNS") continue;
            var head = text.HeadOf(i);
            var relation = text.RelationOf(i);
            // "killed 83 people in the strikes": the "in" phrase may hang from the verb or from its object.
            var onObject = head >= 0 && text.HeadOf(head) == verb && text.RelationOf(head) == "obj" && relation is "nmod";
            if (head != verb && !onObject) continue;
            var inPhrase = relation is "obl" or "nmod" && SyntaxActors.HasCase(text, i, "in");
            if (relation is not ("nsubj" or "nsubj:pass") && !inPhrase) continue;
            var start = i;
            var definite = false;
            for (var d = sentence.StartToken; d < i; d++)
            {
                if (text.HeadOf(d) != i) continue;
                // "the strikes", "these attacks", "the administration's strikes": a definite series.
                if (text.RelationOf(d) == "det" && text.WordOf(d).ToLowerInvariant() is "the" or "these" || text.RelationOf(d) == "nmod:poss") definite = true;
                if (text.RelationOf(d) is "det" or "amod" or "compound" or "nmod:poss") start = Math.Min(start, d);
                else if (text.RelationOf(d) != "case") { definite = false; break; }
            }
            var named = false;
            for (var d = i + 1; d < sentence.EndToken && !named; d++) named = text.HeadOf(d) == i && text.RelationOf(d) is "nmod" or "acl" or "acl:relcl" or "nummod";
            if (definite && !named) return text.Span(start, i + 1);
        }
        return null;
    }

    /// <summary>
    /// The victims' head: their last noun whose head lies outside them ("people" of "At least 57 people", which a parse
    /// may hang under its number), else the phrase's head.
    /// </summary>
    private static int VictimHead(AnnotatedText text, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (text.PosOf(i) is "NN" or "NNS" or "NNP" or "NNPS" && (text.HeadOf(i) < start || text.HeadOf(i) >= end)) return i;
        }
        return SyntaxScope.HeadOf(text, start, end);
    }

    /// <summary>
    /// "The new clashes started on Friday night and have already caused the deaths of four farmers": a count
    /// under a verb in the present perfect whose subject, its own or the one it shares with the verb it is joined to by
    /// "and", is a campaign word names that campaign's total so far, however far the subject is; a verb joined by "and"
    /// to a perfect is in the perfect too ("has claimed 37 lives and left 425 injured"). Returns the campaign
    /// word's index; null when none, or without a parse.
    /// </summary>
    private int? CampaignInPerfect(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        if (end <= start || !SyntaxScope.HasParse(text, sentence)) return null;
        var verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        // "the unrest has claimed 22 lives and left over 300 hurt": a verb joined to a perfect shares its "has".
        var joined = verb >= 0 && text.RelationOf(verb) == "conj" && text.HeadOf(verb) is var before and >= 0 && PresentPerfect(text, sentence, before);
        if (verb < 0 || !PresentPerfect(text, sentence, verb) && !joined) return null;
        // "The conflict, now in its third week, has killed 300": the parse may take the subject set off by an aside for a
        // passive's; with "has" and an active perfect it is the doer all the same.
        var subject = SubjectOf(text, sentence, verb, passive: !IsPassive(text, sentence, verb));
        if (subject < 0 && text.RelationOf(verb) == "conj" && text.HeadOf(verb) is var first and >= 0) subject = SubjectOf(text, sentence, first);
        // "Fighting between the two groups has left 80 dead": the parse may hang an opening gerund, the subject, from the verb as a clause.
        if (subject < 0 && text.HeadOf(sentence.StartToken) == verb && text.RelationOf(sentence.StartToken) == "advcl") subject = sentence.StartToken;
        return subject >= 0 && IsCampaignWord(text, subject) ? subject : null;
    }

    /// <summary>
    /// "Three days of clashes between the army and tribal fighters in the city have left 29 dead", "A week of protests has
    /// left 31 people dead": a count of many under a verb whose subject is a span of time (the <c>span</c> nouns) with "of"
    /// right after it sums up that span, however far the subject; the span noun's index, or null when none, or without a
    /// parse.
    /// </summary>
    private int? SpanSubject(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        if (end <= start || !CountsMany(text, start, end)) return null;
        if (OpeningSpan(text, sentence, start) is { } opening) return opening;
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        var verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        if (verb < 0) return null;
        var subject = SubjectOf(text, sentence, verb);
        if (subject < 0 && text.RelationOf(verb) == "conj" && text.HeadOf(verb) is var first and >= 0) subject = SubjectOf(text, sentence, first);
        return subject >= 0 && subject + 2 < sentence.EndToken && _spans.Contains(text.WordOf(subject))
            && text.WordOf(subject + 1).Equals("of", StringComparison.OrdinalIgnoreCase) ? subject : null;
    }

    /// <summary>Whether the verb at <paramref name="verb"/> has a "been", "be", "was" or "were" of its own ("have been killed").</summary>
    private static bool IsPassive(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var i = sentence.StartToken; i < verb; i++)
        {
            if (text.HeadOf(i) == verb && text.RelationOf(i) is "aux:pass" || verb - i <= 3 && text.WordOf(i).ToLowerInvariant() is "been" or "be" or "being" or "was" or "were" or "is" or "are") return true;
        }
        return false;
    }

    /// <summary>
    /// The same read from the words when the parse misses it: the sentence opens with a span noun and "of" (after up to
    /// three numbers, determiners or adjectives: "Four days of fighting …"), and no comma, break or finite verb stands
    /// between it and the count but the count's own verb within three words before it; the span noun's index, or null.
    /// </summary>
    private int? OpeningSpan(AnnotatedText text, TokenSpan sentence, int start)
    {
        var k = sentence.StartToken;
        while (k < start && k - sentence.StartToken < 3 && text.PosOf(k) is "CD" or "DT" or "JJ" or "PDT") k++;
        if (k + 2 >= start || !_spans.Contains(text.WordOf(k)) || !text.WordOf(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        for (var m = k + 2; m < start; m++)
        {
            if (text.WordOf(m) == "," || ClauseBreaks.Contains(text.WordOf(m)) || Relatives.Contains(text.WordOf(m))) return null;
            if (text.PosOf(m) is "VBD" or "VBZ" or "VBP" or "MD" && start - m > 3) return null;
        }
        return k;
    }

    /// <summary>
    /// "The fighting began Monday": whether the word at <paramref name="i"/> is a verb that says when something started
    /// (the <c>start</c> words of data/events/tolls.txt), so a day hanging from it names a start, not the day a count stood at.
    /// </summary>
    internal bool IsStartVerb(AnnotatedText text, int i) =>
        i >= 0 && text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && _starts.Contains(Lemmas.Of(text.WordOf(i), tag));

    /// <summary>
    /// "a further four farmers and two guards have been killed", "another 29 soldiers and 30 civilians have
    /// been wounded", "seven more civilians have died", "17 other people have been wounded": victims counted as more than those before, under a verb in the
    /// present perfect with no day of its own, update a running toll rather than tell one attack's dead. Returns the
    /// word that says so; null when none, or without a parse.
    /// </summary>
    private static int? AdditionalInPerfect(AnnotatedText text, TokenSpan sentence, int victimStart, int victimEnd)
    {
        if (victimEnd <= victimStart || !SyntaxScope.HasParse(text, sentence)) return null;
        var more = -1;
        for (var i = victimStart; i < Math.Min(victimEnd, victimStart + 4) && more < 0; i++)
        {
            var w = text.WordOf(i).ToLowerInvariant();
            if (w is "another" or "additional" || w is "more" or "other" or "others" && i > victimStart && text.PosOf(i - 1) == "CD") more = i;
        }
        if (more < 0) return null;
        var verb = text.HeadOf(VictimHead(text, victimStart, victimEnd));
        if (verb < 0 || !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal) || !PresentPerfect(text, sentence, verb)) return null;
        foreach (var t in text.Times)
        {
            if (t.Precision == TimePrecision.Day && t.Span.Length > 0 && sentence.Contains(t.Span.StartToken)
                && text.HeadOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken)) == verb) return null;
        }
        return more;
    }

    /// <summary>"has now killed", "have already carried out": an adverb of accumulation on the verb.</summary>
    private static bool Accumulating(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var i = Math.Max(sentence.StartToken, verb - 4); i < Math.Min(sentence.EndToken, verb + 3); i++)
        {
            if (text.HeadOf(i) == verb && text.RelationOf(i) == "advmod" && text.WordOf(i).ToLowerInvariant() is "now" or "already" or "altogether") return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="verb"/> is in the present perfect ("has killed", "have been killed"; not the past "had killed").</summary>
    private static bool PresentPerfect(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var i = Math.Max(sentence.StartToken, verb - 6); i < verb; i++)
        {
            if (text.HeadOf(i) == verb && text.RelationOf(i) == "aux" && text.WordOf(i).ToLowerInvariant() is "has" or "have" or "'ve") return true;
        }
        return false;
    }
}
