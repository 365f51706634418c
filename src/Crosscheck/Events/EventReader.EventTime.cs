using Crosscheck.Language;

namespace Crosscheck.Events;

// When: the event's time, nearest its word, and the days that date a report, a reaction, an aftermath or an included part instead.
public sealed partial class EventReader
{
    /// <summary>The event's time, nearest its word in its clause first; a day that only dates a report of an attack is taken last, and marked so.</summary>
    private static (TimeMention? Time, bool ReportDay) TimeOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, Func<int, int, bool>? owns, TollCues tolls)
    {
        TimeMention? best = null;
        // The sentence's tallies, read only when a time may date one.
        List<TollCues.Tally>? tallies = null;
        var bestScore = int.MaxValue;
        var bestIsReport = false;
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken)) continue;
            if (owns is not null && !owns(t.Span.StartToken, t.Span.EndToken)) continue;
            // "Two days after the truce took hold on Sunday, mortars killed two": the frame's day, moved by its lapse.
            if (LapsedDays.Moved(text, sentence, t, trigger.Span) is { } lapsed)
            {
                var gap = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30);
                if (gap < bestScore) { best = lapsed; bestScore = gap; bestIsReport = false; }
                continue;
            }
            // "gathered on Wednesday to mark one year since gunmen stormed the hotel": the storming a year before.
            if (LapsedDays.Recalled(text, sentence, t, trigger.Span) is { } recalled)
            {
                var gap = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30);
                if (gap < bestScore) { best = recalled; bestScore = gap; bestIsReport = false; }
                continue;
            }
            if (SyntaxScope.InOtherTimeClause(text, t.Span.StartToken, t.Span.EndToken, trigger.Span.StartToken)) continue;
            // An attack inside an operation or a deployment begun earlier: that start is not the attack's day (the deployment's own event keeps it).
            if (trigger.Entry.Type == PloverType.Assault && SyntaxScope.InStartOfAnother(text, t.Span.StartToken, t.Span.EndToken, trigger.Span.StartToken)) continue;
            if (ComparisonTimes.Bounds(text, sentence, t.Span) && !ComparisonTimes.DatesItsClause(text, sentence, t.Span, trigger.Span)) continue;
            if (InIncludedPart(text, sentence, t.Span, trigger.Span) || DatesATally(tallies ??= tolls.Tallies(text, sentence), t.Span, trigger.Span)) continue;
            if (DatesAnAftermath(text, sentence, t.Span, trigger) || DatesAReaction(text, sentence, t.Span, trigger)) continue;
            var report = trigger.Entry.Type == PloverType.Assault && t.Precision == TimePrecision.Day
                && (DatesTheSaying(text, sentence, t.Span, trigger.Span) || IsStatusTime(text, sentence, t.Span));
            var distance = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30) + (report ? 1000 : 0);
            if (distance < bestScore) { best = t; bestScore = distance; bestIsReport = report; }
        }
        return (best, bestIsReport);
    }

    /// <summary>
    /// "As of the morning of March 5, nine people have died as a result of the strike": a time opened by "as of" or "as at"
    /// (@status-time-openers, @status-time-links in data/events/syntax-roles.txt) is the time of a count or a state; the
    /// attack happened on that day or before it, so the day is only a report's.
    /// </summary>
    private static bool IsStatusTime(AnnotatedText text, TokenSpan sentence, TokenSpan time)
    {
        // The opener may stand before the words of a part of the day ("as of the morning of March 5", "as at late Sunday").
        for (var k = time.StartToken - 1; k > sentence.StartToken && k >= time.StartToken - 5; k--)
        {
            if (RoleWords.StatusTimeLinks.Contains(text.WordOf(k)) && RoleWords.StatusTimeOpeners.Contains(text.WordOf(k - 1))) return true;
            if (text.PosOf(k) is not { } pos || !(pos.StartsWith("NN", StringComparison.Ordinal) || pos.StartsWith("JJ", StringComparison.Ordinal)
                || pos.StartsWith("RB", StringComparison.Ordinal) || pos is "DT" or "IN")) return false;
        }
        return false;
    }

    /// <summary>
    /// "The number of people killed when a jet bombed the market rose to 23 on Thursday": a time past the number of a
    /// tally whose words hold the event word dates the count, not the attack it counts the dead of ("the death toll from
    /// the strike on Sunday rose to 23" keeps its Sunday, which stands inside the tally's words).
    /// </summary>
    private static bool DatesATally(List<TollCues.Tally> tallies, TokenSpan time, TokenSpan trigger) =>
        tallies.Exists(t => t.Start <= trigger.StartToken && trigger.EndToken <= t.Number.Span.StartToken && time.StartToken >= t.Number.Span.EndToken);

    /// <summary>
    /// "… died in the clashes, including the six people killed when a drone hit a minibus on Tuesday": a time after
    /// ", including" and a verb of its own, with no comma between, dates the part the phrase names, not the event told
    /// before the phrase ("killing 12 people, including four children, on Tuesday" dates the event).
    /// </summary>
    private static bool InIncludedPart(AnnotatedText text, TokenSpan sentence, TokenSpan time, TokenSpan trigger)
    {
        var verb = false;
        for (var i = time.StartToken - 1; i > trigger.EndToken && i > sentence.StartToken; i--)
        {
            var word = text.WordOf(i);
            if (word is "," or ";" or ":" or "(" or ")") return false;
            if (word.Equals("including", StringComparison.OrdinalIgnoreCase)) return verb && text.WordOf(i - 1) == ",";
            if (text.PosOf(i) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal)) verb = true;
        }
        return false;
    }

    /// <summary>
    /// "… killed ten people, the ministry said on Tuesday", "officials said on Tuesday that the strike killed ten": a time
    /// after a verb of saying (data/events/syntax-roles.txt) and hanging from it dates the report, not the attack, which
    /// happened on that day or before (a time before the verb, "On Monday, he said, forces struck …", dates what is
    /// said). False without a parse.
    /// </summary>
    private static bool DatesTheSaying(AnnotatedText text, TokenSpan sentence, TokenSpan time, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, time.StartToken, time.EndToken);
        if (text.HeadOf(head) is not (var verb and >= 0) || trigger.Contains(verb)) return false;
        // "The army on Tuesday said 17 had died": a time between the speaker and the verb of saying dates the saying too;
        // one before the speaker ("On Monday, he said, forces struck") dates what is said.
        if (verb > time.StartToken && !new Token(text, verb).DependentsWith("nsubj").Any(s => s.Index < time.StartToken)) return false;
        if (text.RelationOf(head)?.Split(':')[0] is not ("obl" or "advmod" or "nmod")) return false;
        return text.PosOf(verb) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal) && SyntaxActors.IsSpeechVerb(text, verb);
    }

    /// <summary>
    /// "The UN on Thursday condemned an air strike on a market", "the army denied on Wednesday that its jets had bombed the
    /// village": a time hanging on a verb of reacting (@reaction-verbs in data/events/syntax-roles.txt) whose object or
    /// clause holds the event word, or that takes the event word under "over" or "for" ("a court on Wednesday sentenced two
    /// men over the bombing", @reaction-cases), dates the reaction, which may come days or years after the event. False
    /// without a parse.
    /// </summary>
    private static bool DatesAReaction(AnnotatedText text, TokenSpan sentence, TokenSpan time, TriggerMatch trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, time.StartToken, time.EndToken);
        if (text.HeadOf(head) is not (var verb and >= 0)) return false;
        // "The UN office on Thursday condemned …": a time between the subject and the verb, parsed as the subject's, is the verb's.
        verb = VerbAfterSubject(text, verb, time);
        if (trigger.Span.Contains(verb) || text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal)) return false;
        if (text.RelationOf(head)?.Split(':')[0] is not ("obl" or "advmod" or "nmod")) return false;
        if (!Lemmas.Candidates(text.WordOf(verb)).Any(RoleWords.ReactionVerbs.Contains)) return false;
        // The event word in what the verb reacts to: its object ("condemned the strike") or its clause ("denied that …").
        var k = trigger.Head;
        for (var depth = 0; k >= 0 && depth < 6; depth++)
        {
            var up = text.HeadOf(k);
            // The parse may hang a relative clause on the day itself ("buried two neighbours on Thursday who were killed …").
            // "sentenced two men over the bombing": the attack the reaction answers for, under "over" or "for".
            if (up == verb) return text.RelationOf(k)?.Split(':')[0] is "obj" or "ccomp" || k == head
                || (k == trigger.Head && text.RelationOf(k)?.Split(':')[0] == "obl" && RoleWords.ReactionCases.Any(c => SyntaxActors.HasCase(text, k, c)));
            k = up;
        }
        return false;
    }

    /// <summary>
    /// "The UN office on Thursday condemned …", "The coordinator for Sudan on Wednesday condemned …": a time right before
    /// a verb, parsed as part of that verb's subject (on the subject's head, or on a noun of its "for"/"of" phrase), is the
    /// verb's; else <paramref name="governor"/>, the word the parse hangs it on.
    /// </summary>
    private static int VerbAfterSubject(AnnotatedText text, int governor, TokenSpan time)
    {
        for (var (k, depth) = (governor, 0); k >= 0 && depth < 3; k = text.HeadOf(k), depth++)
        {
            var relation = text.RelationOf(k)?.Split(':')[0];
            if (relation == "nsubj" && text.HeadOf(k) == time.EndToken) return time.EndToken;
            if (relation is not ("nmod" or "compound" or "appos")) break;
        }
        return governor;
    }

    /// <summary>
    /// "Rescuers ended the search at the site of the strike on Saturday", "the death toll from the strike rose to 19 on
    /// Wednesday": a time hanging on a verb whose phrase holds the event word only as the "of" ("from", "in") phrase of an
    /// aftermath noun (@aftermath-nouns, @aftermath-cases in data/events/syntax-roles.txt), or as the word before it that
    /// names its kind ("swept the strike site on Friday"), dates that verb's act, not the event. False without a parse.
    /// </summary>
    private static bool DatesAnAftermath(AnnotatedText text, TokenSpan sentence, TokenSpan time, TriggerMatch trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, time.StartToken, time.EndToken);
        if (text.HeadOf(head) is not (var verb and >= 0)) return false;
        // "The choir on Sunday sang for the victims of …": a time between the subject and the verb, parsed as the subject's, is the verb's.
        verb = VerbAfterSubject(text, verb, time);
        if (trigger.Span.Contains(verb) || text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal)) return false;
        var noun = trigger.Head;
        // "swept the strike site": the event word names only the kind of the aftermath noun it stands before.
        var kind = text.RelationOf(noun)?.Split(':')[0] == "compound" && text.HeadOf(noun) > noun;
        if (!kind && (text.RelationOf(noun)?.Split(':')[0] != "nmod" || !RoleWords.AftermathCases.Any(c => SyntaxActors.HasCase(text, noun, c)))) return false;
        var governor = text.HeadOf(noun);
        if (governor < 0 || !RoleWords.AftermathNouns.Contains(text.WordOf(governor).ToLowerInvariant())) return false;
        // The aftermath noun's phrase hangs on that verb, at most a few nouns up ("the operation at the site of").
        var k = governor;
        for (var depth = 0; k >= 0 && depth < 4; depth++, k = text.HeadOf(k))
        {
            if (k == verb) return true;
        }
        return false;
    }
}
