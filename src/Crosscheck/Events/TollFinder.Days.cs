using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

// The days of a toll: the day its count stood at, and the day a "since" names.
public sealed partial class TollFinder
{
    /// <summary>
    /// The day a toll stood at: a day the statement names ("as of late Thursday", "remained at 19 on Saturday"), else the
    /// article's date; null when the statement counts a past span ("the July fighting killed 38") or no date is known.
    /// </summary>
    private static DateOnly? AsOf(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end, TokenSpan? since)
    {
        // "…, with 27 injured, as of October 26": a day the sentence states its counts "as of" dates every count in it.
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || t.Span.StartToken - 2 < sentence.StartToken || t.Precision != TimePrecision.Day || t.End is not { } stated || t.Start != t.End) continue;
            if (!text.WordOf(t.Span.StartToken - 2).Equals("as", StringComparison.OrdinalIgnoreCase) || !text.WordOf(t.Span.StartToken - 1).Equals("of", StringComparison.OrdinalIgnoreCase)) continue;
            if (text.Published is not { } published || stated <= published) return stated;
        }
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || since is { } s && s.Overlaps(t.Span) || StartsSomething(text, cues, sentence, t) || NamesCountedEvent(text, t, start, end)
                || DatesAttackBefore(text, cues, sentence, t, start, end) || InSinceWords(text, sentence, t, since)) continue;
            // ", up from 13 a day earlier", "to 63 from 45 on Sunday": the day of the count compared with, not of this one.
            if (TollCues.InComparingAside(text, sentence, t.Span.StartToken) || EarlierCountAt(text, sentence, t.Span.StartToken) is not null) continue;
            if (t.Span.EndToken < start - 6 || t.Span.StartToken > end + 6 || t.Start is null || t.End is null) continue;
            if (text.Published is { } published && t.End > published) continue;
            if (t.Precision == TimePrecision.Day && t.Start == t.End) return LastDayOfSpan(text, sentence, t) ?? t.End;
            if (text.Published is { } p && t.End < p && t.Precision is TimePrecision.Month or TimePrecision.Season or TimePrecision.Year) return null;
        }
        // "the civilian toll for June alone was 64": a toll "for" a past month sums up that month.
        if (ForPastMonth(text, start, end) || cues.NamesPastStretch(text, sentence, start, end)) return null;
        // "September was the deadliest month, with 310 killed": a count over a past month named bare as its subject.
        if (cues.PastSpanSubject(text, sentence, start, end) is not null) return null;
        if (GoverningDay(text, cues, sentence, start, end, since) is { } day) return day;
        // "Earlier reports had put the number of dead at 14": an earlier count, not as of the article's day.
        if (cues.RecallsEarlierCount(text, sentence, start)) return null;
        return RecallsPastCampaign(text, cues, sentence, start, end) ? null : text.Published;
    }

    /// <summary>
    /// "… killed since the ceasefire collapsed in March, while the number of wounded rose to 171,990": a time in the clause a
    /// "since" opens (the verb the "since" marks is the first verb above the time in the parse) names where some count starts,
    /// never the day a count stood at nor a past span it sums up. "the worst since the conflict in July" opens no clause;
    /// false without a parse.
    /// </summary>
    internal static bool InSinceWords(AnnotatedText text, TokenSpan sentence, TimeMention t, TokenSpan? since)
    {
        if (t.Span.Length == 0 || !SyntaxScope.HasParse(text, sentence)) return false;
        var timeHead = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
        for (var k = t.Span.StartToken - 1; k >= sentence.StartToken; k--)
        {
            // "since the resumption of the raids in March": a time inside the noun phrase the toll's own "since" governs, with
            // no verb between, dates the start (the noun stands where a clause's verb would); a comparison's "since" does not.
            var governs = text.RelationOf(k) == "mark" || text.RelationOf(k) == "case" && since is { } own && own.StartToken == k;
            if (!text.WordOf(k).Equals("since", StringComparison.OrdinalIgnoreCase) || !governs || text.HeadOf(k) is not (var verb and >= 0)) continue;
            // The clause's own verb must be the first verb above the time: "since the junta seized power in 2021 and
            // escalated after clashes in October" dates the clashes by a verb of their own.
            var above = timeHead;
            for (var depth = 0; above >= 0 && depth < 8 && above != verb && !(text.PosOf(above) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) above = text.HeadOf(above);
            if (above == verb) return true;
        }
        return false;
    }

    /// <summary>
    /// "has climbed to 63 from 45 on Sunday", "rose from 45 on Sunday to 63": "from" and a number (after a number or a verb),
    /// within two words before <paramref name="token"/>, is a count's earlier value, and a day right after it is that
    /// value's; the number, or null.
    /// </summary>
    private static NumberMention? EarlierCountAt(AnnotatedText text, TokenSpan sentence, int token)
    {
        for (var k = token - 2; k > sentence.StartToken && token - k <= 6; k--)
        {
            if (!text.WordOf(k).Equals("from", StringComparison.OrdinalIgnoreCase)) continue;
            if (TollCues.NumberStartingAt(text, k + 1) is not { } n || n.Span.EndToken > token || token - n.Span.EndToken > 2 || n.Unit is not null) return null;
            var before = text.PosOf(k - 1) ?? "";
            return before == "CD" || before.StartsWith("VB", StringComparison.Ordinal) ? n : null;
        }
        return null;
    }

    /// <summary>"46 on Sunday", "46 by late Sunday": a single day (not after the article's) within two words after a count; null when none is.</summary>
    private static DateOnly? DayRightAfter(AnnotatedText text, TokenSpan sentence, int end)
    {
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < end || t.Span.StartToken > end + 2 || t.Span.EndToken > sentence.EndToken || t.Precision != TimePrecision.Day || t.Start != t.End || t.End is not { } day) continue;
            if (text.Published is { } published && day > published) continue;
            return day;
        }
        return null;
    }

    /// <summary>
    /// "the toll for June alone", "the count for the month of June": "for" and a full month name other than the article's
    /// within a toll's words; the recognizer leaves a bare month after "for" to context, and news names a month past.
    /// </summary>
    private static bool ForPastMonth(AnnotatedText text, int start, int end)
    {
        for (var k = start; k + 1 < end; k++)
        {
            if (!text.WordOf(k).Equals("for", StringComparison.OrdinalIgnoreCase)) continue;
            var m = k + 1;
            if (m + 3 < end && text.WordOf(m).Equals("the", StringComparison.OrdinalIgnoreCase) && text.WordOf(m + 1).Equals("month", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(m + 2).Equals("of", StringComparison.OrdinalIgnoreCase)) m += 3;
            var word = text.WordOf(m);
            if (Lexicon.MonthOf(word) is var month and > 0 && Lexicon.IsFullMonthName(word) && (text.Published is not { } published || month != published.Month)) return true;
        }
        return false;
    }

    /// <summary>
    /// "on October 11–12", "on Oct. 11-12", "between October 10 and October 17": a day followed by a dash (or "to", "and") and a
    /// later day names a span, and a count over it stands at its last day; null when no such day follows or it would lie
    /// after the publication.
    /// </summary>
    private static DateOnly? LastDayOfSpan(AnnotatedText text, TokenSpan sentence, TimeMention t)
    {
        var at = t.Span.EndToken;
        // "between October 10 and October 17", "from October 10 to October 17": a day joined to a later one names a span.
        if (at + 1 < sentence.EndToken && text.WordOf(at).ToLowerInvariant() is "and" or "to" or "through" or "until" or "–" or "-" && t.End is { } first
            && text.Times.FirstOrDefault(o => o.Span.StartToken == at + 1 && o.Precision == TimePrecision.Day && o.Start == o.End) is { End: { } later }
            && later > first && (text.Published is not { } p || later <= p)) return later;
        if (t.End is not { } day || at + 1 >= sentence.EndToken || text.WordOf(at) is not ("–" or "-" or "to")) return null;
        if (!int.TryParse(text.WordOf(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            || last <= day.Day || last > DateTime.DaysInMonth(day.Year, day.Month)) return null;
        var end = new DateOnly(day.Year, day.Month, last);
        return text.Published is { } published && end > published ? null : end;
    }

    /// <summary>
    /// "That bout of fighting … resulted in at least 48 deaths": a count under a verb in the simple past whose subject,
    /// pointed to with "that" or "those", is or names a campaign counts a finished campaign the article recalls, so the
    /// day it stood at is not the article's; false without a parse.
    /// </summary>
    private static bool RecallsPastCampaign(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && text.PosOf(verb) is { } pos && !pos.StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        if (verb < 0 || text.PosOf(verb) != "VBD") return false;
        foreach (var subject in new Token(text, verb).Dependents.Where(d => d.Relation == "nsubj"))
        {
            if (!subject.Dependents.Any(d => d.Relation == "det" && d.Text.ToLowerInvariant() is "that" or "those")) continue;
            if (cues.IsCampaignNoun(text, subject.Index) || subject.Dependents.Any(d => d.Relation == "nmod" && cues.IsCampaignNoun(text, d.Index))) return true;
        }
        return false;
    }

    /// <summary>
    /// "Thailand launched air strikes Monday …, trading blame for renewed fighting … that has killed four civilians": a
    /// toll told inside a clause dated by a day of its own stands as of that day, however far the day's words are. The
    /// day must hang from a word above the toll's head in the parse (not from a clause of its own beside it), name one
    /// day no later than the publication and lie outside the toll's "since" words; null when none does or without a parse.
    /// </summary>
    private static DateOnly? GoverningDay(AnnotatedText text, TollCues cues, TokenSpan sentence, int start, int end, TokenSpan? since)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        var head = SyntaxScope.HeadOf(text, start, end);
        foreach (var t in text.Times)
        {
            // "The number of people killed in a strike on Friday has climbed to 12": a day of the event counted, however the parse hangs it.
            if (!sentence.Contains(t.Span.StartToken) || since is { } s && s.Overlaps(t.Span) || StartsSomething(text, cues, sentence, t) || DatesAttackBefore(text, cues, sentence, t, start, end)
                || TollCues.InComparingAside(text, sentence, t.Span.StartToken) || NamesCountedEvent(text, t, start, end) || InSinceWords(text, sentence, t, since)
                || EarlierCountAt(text, sentence, t.Span.StartToken) is not null) continue;
            if (t.Precision != TimePrecision.Day || t.Start is null || t.Start != t.End || text.Published is { } published && t.End > published) continue;
            if (t.Span.Length == 0 || t.Span.StartToken < sentence.StartToken || t.Span.EndToken > sentence.EndToken) continue;
            var timeHead = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            var governor = text.HeadOf(timeHead);
            if (governor >= 0 && (governor == head || SyntaxScope.IsAncestor(text, governor, head))) return t.End;
            // "The death toll has reached 88, while 230 others were wounded, officials said on Monday": the day of the verb of
            // saying the parse hangs beside the count's clause (parataxis, or a "conj" after it) dates the count as it would the clause it governs,
            // also when it hangs from a clause inside the count's ("while 230 others were wounded").
            if (governor >= 0 && governor > head && text.RelationOf(governor) is "parataxis" or "conj" && SyntaxActors.IsSpeechVerb(text, governor) && text.HeadOf(governor) is var said and >= 0
                && (said == head || SyntaxScope.IsAncestor(text, said, head) || SyntaxScope.IsAncestor(text, head, said))) return t.End;
        }
        return null;
    }

    /// <summary>
    /// "The death toll from Wednesday's strike rose to 34 on Sunday": a day inside the toll's words that owns a noun ("'s",
    /// or a possessive in the parse), or that stands between "the" and an event noun ("the June 9 drone attack"), dates the
    /// event counted, not the day the count stood at.
    /// </summary>
    private static bool NamesCountedEvent(AnnotatedText text, TimeMention t, int start, int end)
    {
        if (t.Span.Length == 0 || t.Span.StartToken < start || t.Span.EndToken > end) return false;
        if (t.Span.EndToken < end && text.WordOf(t.Span.EndToken) is "'s" or "’s") return true;
        // "The death toll from the June 9 drone attack …": a date between "the" and an event noun names the attack.
        if (t.Span.StartToken > start && text.WordOf(t.Span.StartToken - 1).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            for (var k = t.Span.EndToken; k < end && k < t.Span.EndToken + 3 && text.PosOf(k) is "NN" or "JJ"; k++)
            {
                if (text.PosOf(k) is "NN" && TriggerLexicon.Default.Starts(text.WordOf(k).ToLowerInvariant())) return true;
            }
        }
        // "The death toll from a drone attack on Sumy on Sunday has risen to 12": a day after an attack's noun, in toll words
        // with no verb before the day, is the attack's.
        // "The number of people killed when a drone struck the station early on Tuesday has risen to 11": a day in a "when"
        // clause of the toll's words (no comma between) dates the attack whose dead are counted.
        for (var k = t.Span.StartToken - 1; k > start && text.WordOf(k) != ","; k--)
        {
            if (text.WordOf(k).Equals("when", StringComparison.OrdinalIgnoreCase)) return true;
        }
        var attack = false;
        for (var k = t.Span.StartToken - 1; k >= start; k--)
        {
            // "The number of people killed in a strike on Kharkiv on Sunday": the participle of the toll noun is no verb of the count.
            if (k > start && text.PosOf(k) is "VBN" or "VBD" && text.PosOf(k - 1) is "NNS" or "NN" && CasualtyFinder.IsOutcomeWord(text.WordOf(k))) continue;
            if (text.PosOf(k) is { } pos && (pos.StartsWith("VB", StringComparison.Ordinal) || pos is "CD")) { attack = false; break; }
            attack |= text.PosOf(k) is "NN" && TriggerLexicon.Default.Starts(text.WordOf(k).ToLowerInvariant());
        }
        // "fought a five-day battle this summer that killed 43": a past month, season or year after the noun is the span the
        // count sums up, no day of one attack.
        if (attack) return t.Precision is not (TimePrecision.Month or TimePrecision.Season or TimePrecision.Year);
        return SyntaxScope.HasParse(text, text.SentenceOf(t.Span.StartToken)) && text.RelationOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken)) == "nmod:poss";
    }

    /// <summary>
    /// "… an apartment block that was hit by a missile on Wednesday, putting the final death toll at 31": a day before a toll
    /// noun's count that hangs from an attack word in a clause describing a noun (a relative clause) dates the thing
    /// described, not the day the count stood at (the count is the report's). A day of the sentence's own telling
    /// ("killed in a strike on Sunday, bringing the number of dead to 19") still dates the count; false without a parse.
    /// </summary>
    private static bool DatesAttackBefore(AnnotatedText text, TollCues cues, TokenSpan sentence, TimeMention t, int start, int end)
    {
        if (t.Span.Length == 0 || t.Span.EndToken > start || !SyntaxScope.HasParse(text, sentence) || !cues.OpensWithTollNoun(text, start, end)) return false;
        var governor = text.HeadOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken));
        return governor >= 0 && text.RelationOf(governor) is "acl:relcl" or "acl"
            && TriggerLexicon.Default.Starts(Lemmas.Of(text.WordOf(governor), text.PosOf(governor) ?? "").ToLowerInvariant());
    }

    /// <summary>
    /// "The fighting began Monday": a time hanging from a verb of starting names when the counted began, not when the count
    /// stood; so does one in a participle describing a campaign word ("the offensive, launched in 2022, has cost 400 lives").
    /// </summary>
    private static bool StartsSomething(AnnotatedText text, TollCues cues, TokenSpan sentence, TimeMention t)
    {
        if (t.Span.Length == 0 || !SyntaxScope.HasParse(text, sentence)) return false;
        var governor = text.HeadOf(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken));
        if (cues.IsStartVerb(text, governor)) return true;
        return governor >= 0 && text.PosOf(governor) == "VBN" && text.RelationOf(governor) == "acl" && cues.IsCampaignAt(text, text.HeadOf(governor));
    }

    /// <summary>
    /// "since fighting began on Thursday", where the parse does not make the verb the clause "since" opens: a verb of
    /// starting within four words after the cue (no comma between) and a time starting within three words after it;
    /// null when none.
    /// </summary>
    private static TimeMention? StartVerbDay(AnnotatedText text, TollCues cues, TokenSpan sentence, int after)
    {
        for (var v = after; v < Math.Min(sentence.EndToken, after + 4) && text.WordOf(v) != ","; v++)
        {
            if (!cues.IsStartVerb(text, v)) continue;
            return text.Times.FirstOrDefault(t => t.Span.Length > 0 && t.Start is not null && t.Span.StartToken > v && t.Span.StartToken <= v + 3 && t.Span.EndToken <= sentence.EndToken);
        }
        return null;
    }

    /// <summary>The day named in the clause a "since" opens ("since the fighting began Sunday"); null when none or without a parse.</summary>
    private static TimeMention? SinceClauseDay(AnnotatedText text, TokenSpan sentence, int cue)
    {
        if (!SyntaxScope.HasParse(text, sentence) || text.RelationOf(cue) != "mark" || text.HeadOf(cue) is not (var verb and >= 0)) return null;
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken) || t.Span.Length == 0 || t.Span.StartToken < cue || t.Start is null) continue;
            var timeHead = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            if (timeHead == verb || SyntaxScope.IsAncestor(text, verb, timeHead)) return t;
        }
        return null;
    }
}
