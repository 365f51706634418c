using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

// One event built from its group of words: evidence clause, modality, arguments, place, time, counts and attribution.
public sealed partial class EventReader
{
    private static readonly FrozenSet<string> TroopWords = FrozenSet.ToFrozenSet(
        ["troops", "troop", "soldiers", "soldier", "personnel", "marines", "forces", "servicemen", "service members", "sailors", "reservists", "fighters", "officers", "agents", "police", "policemen", "guardsmen"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PersonWords = FrozenSet.ToFrozenSet(
        ["people", "persons", "person", "civilians", "civilian", "figures", "members", "leaders", "migrants", "refugees", "prisoners", "detainees",
         "suspects", "men", "women", "children", "hostages", "protesters", "demonstrators", "residents", "workers", "students", "journalists",
         "individuals", "victims", "militants", "rebels", "officials", "citizens", "passengers", "crew", "fishermen", "immigrants", "gang members"],
        StringComparer.OrdinalIgnoreCase);

    private EventMention Build(AnnotatedText text, TokenSpan sentence, SegmentKind segment, List<Reading> group,
        List<PlaceMention> places, ImmutableArray<Quote> quotes, Func<int, int, bool>? owns = null, ImmutableArray<TriggerMatch> triggers = default)
    {
        // (A reading of another modality joined the group only as its count: "No one was killed in the attack".)
        // An accusation's charge ("accused Washington of murder") is what the accuser calls the act, not the report of it.
        var matches = group.Count > 1 && SyntaxScope.HasParse(text, sentence) ? (triggers.IsDefault ? Lexicon.Match(text, sentence) : triggers) : default;
        var first = group.OrderBy(r => r.Modality == group[0].Modality ? 0 : 1).ThenBy(r => !matches.IsDefault && IsCharge(text, r.Trigger, matches) ? 1 : 0)
            .ThenBy(r => !matches.IsDefault && IsDoerOfAnother(text, r.Trigger, matches) ? 1 : 0).ThenByDescending(r => r.Trigger.Entry.Weight).ThenBy(r => r.Trigger.Span.StartToken).First();
        var main = first.Trigger;
        var clause = Clause(text, sentence, main.Span);
        foreach (var r in group) clause = Union(text, clause, Clause(text, sentence, r.Trigger.Span));
        var modality = first.Modality;

        var attribution = Attributions.Find(text, sentence, main.Span);
        var inQuote = quotes.FirstOrDefault(q => q.Start <= main.Span.Start && main.Span.End <= q.End);
        if (inQuote is not null && attribution.Kind == AttributionKind.Unattributed) attribution = inQuote.Attribution with
        {
            Speaker = inQuote.SpeakerSpan,
            SpeakerEntity = inQuote.SpeakerEntity,
            SpeakerName = inQuote.SpeakerName,
        };

        // The casualty reader counts the whole sentence's dead and wounded for any violent word in it, so one call does.
        var violent = group.Find(r => r.Trigger.Entry.Type == PloverType.Assault);
        var (killed, injured) = violent is null ? (null, null) : Casualties.Find(text, sentence, violent.Trigger, owns);

        var modes = group.SelectMany(r => r.Trigger.Entry.Modes).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var contexts = group.SelectMany(r => r.Trigger.Entry.Contexts).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var count = group.Select(r => CountOf(text, r.Trigger)).FirstOrDefault(c => c is not null);
        var (time, reportDay) = TimeOf(text, sentence, clause, main, owns);
        return new EventMention
        {
            Type = first.Type,
            Modes = modes,
            Contexts = contexts,
            Acled = Acled.Classify(text, sentence, main),
            Modality = modality,
            Actors = Actors(text, sentence, clause, main, quotes, triggers),
            Recipients = Recipients(text, clause, main),
            Location = PlaceOfGroup(text, sentence, clause, main, group, killed, places),
            Time = time,
            TimeIsReportDay = reportDay,
            Fatalities = killed,
            Injured = injured,
            Count = count,
            Quantities = QuantitiesOf(text, clause, killed, injured),
            Attribution = attribution,
            Segment = segment,
            Trigger = main.Span,
            Evidence = clause,
            Confidence = Math.Round(Math.Clamp(main.Entry.Weight * (group.Count > 1 ? 1.0 : 0.9), 0, 1), 2),
        };
    }

    /// <summary>
    /// "A bomber killed six people in Kabul, while a roadside bomb wounded four in Khost" read as one event: its place is
    /// that of the clause whose dead it counts, not the one its main word's clause names; else the main word's.
    /// </summary>
    private EventPlace? PlaceOfGroup(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch main, List<Reading> group, CountRange? killed, List<PlaceMention> places)
    {
        if (group.Count > 1 && killed is { } dead && sentence.Contains(dead.Span.StartToken) && !Clause(text, sentence, main.Span).Contains(dead.Span.StartToken))
        {
            foreach (var r in group)
            {
                var own = Clause(text, sentence, r.Trigger.Span);
                if (ReferenceEquals(r.Trigger, main) || !own.Contains(dead.Span.StartToken) || !ClausesJoined(text, main.Span, r.Trigger.Span)) continue;
                if (LocationOf(text, sentence, own, r.Trigger, places) is { } place && own.Contains(place.Span.StartToken)) return place;
            }
        }
        return LocationOf(text, sentence, clause, main, places);
    }

    /// <summary>Whether a word that joins two clauses of their own ("while", "whereas", "but", ";", ", and") stands between two event words.</summary>
    private static bool ClausesJoined(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        var (from, to) = a.StartToken < b.StartToken ? (a.EndToken, b.StartToken) : (b.EndToken, a.StartToken);
        for (var i = from; i < to; i++)
        {
            var w = text.WordOf(i).ToLowerInvariant();
            if (w is "while" or "whereas" or "but" or ";" || (w == "and" && i > 0 && text.WordOf(i - 1) == ",")) return true;
        }
        return false;
    }

    /// <summary>The clause around <paramref name="focus"/>: bounded by strong punctuation, and by commas that open a subordinate or report clause.</summary>
    internal static TokenSpan Clause(AnnotatedText text, TokenSpan sentence, TokenSpan focus)
    {
        var start = sentence.StartToken;
        for (var i = focus.StartToken - 1; i >= sentence.StartToken && focus.StartToken - i <= 14; i--)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || (w == "," && i + 1 < focus.StartToken && SubordinateStarts.Contains(text.WordOf(i + 1))))
            {
                start = i + 1;
                break;
            }
            if (focus.StartToken - i == 14) start = i;
        }
        var end = sentence.EndToken;
        for (var i = focus.EndToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || w == "," || (i - focus.EndToken >= 12))
            {
                end = i;
                break;
            }
        }
        // Trailing sentence punctuation is not evidence.
        while (end > start + 1 && !char.IsLetterOrDigit(text.WordOf(end - 1)[0]) && text.WordOf(end - 1) is not ("”" or "’")) end--;
        if (end <= focus.StartToken) end = focus.EndToken;
        if (start > focus.StartToken) start = focus.StartToken;
        return text.Span(start, end);
    }

    private static TokenSpan Union(AnnotatedText text, TokenSpan a, TokenSpan b) =>
        text.Span(Math.Min(a.StartToken, b.StartToken), Math.Max(a.EndToken, b.EndToken));

    /// <summary>The event's time, nearest its word in its clause first; a day that only dates a report of an attack is taken last, and marked so.</summary>
    private static (TimeMention? Time, bool ReportDay) TimeOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, Func<int, int, bool>? owns)
    {
        TimeMention? best = null;
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
            if (InIncludedPart(text, sentence, t.Span, trigger.Span)) continue;
            if (DatesAnAftermath(text, sentence, t.Span, trigger) || DatesAReaction(text, sentence, t.Span, trigger)) continue;
            var report = trigger.Entry.Type == PloverType.Assault && t.Precision == TimePrecision.Day && DatesTheSaying(text, sentence, t.Span, trigger.Span);
            var distance = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30) + (report ? 1000 : 0);
            if (distance < bestScore) { best = t; bestScore = distance; bestIsReport = report; }
        }
        return (best, bestIsReport);
    }

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
        if (text.RelationOf(verb)?.Split(':')[0] == "nsubj" && text.HeadOf(verb) == time.EndToken) verb = time.EndToken;
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
    /// "Rescuers ended the search at the site of the strike on Saturday", "the death toll from the strike rose to 19 on
    /// Wednesday": a time hanging on a verb whose phrase holds the event word only as the "of" ("from", "in") phrase of an
    /// aftermath noun (@aftermath-nouns, @aftermath-cases in data/events/syntax-roles.txt) dates that verb's act, not the
    /// event. False without a parse.
    /// </summary>
    private static bool DatesAnAftermath(AnnotatedText text, TokenSpan sentence, TokenSpan time, TriggerMatch trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, time.StartToken, time.EndToken);
        if (text.HeadOf(head) is not (var verb and >= 0) || trigger.Span.Contains(verb) || text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal)) return false;
        var noun = trigger.Head;
        if (text.RelationOf(noun)?.Split(':')[0] != "nmod" || !RoleWords.AftermathCases.Any(c => SyntaxActors.HasCase(text, noun, c))) return false;
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

    /// <summary>"the 15 strikes": a number right before a plural trigger noun counts the events.</summary>
    private static CountRange? CountOf(AnnotatedText text, TriggerMatch trigger)
    {
        if (text.PosOf(trigger.Span.EndToken - 1) is not "NNS") return null;
        // Numbers do not overlap, so their ends grow with their starts: those ending near the trigger are the last before it.
        var before = text.NumbersStartingIn(0, trigger.Span.StartToken);
        var first = before.Length;
        while (first > 0 && before[first - 1].Span.EndToken >= trigger.Span.StartToken - 1) first--;
        foreach (var n in before[first..])
        {
            if (n.Span.EndToken > trigger.Span.EndToken) continue;
            if (n.Max is null || n.Min != n.Max && n.Max < n.Min) continue;
            var start = n.Span.StartToken > 0 && text.WordOf(n.Span.StartToken - 1) is "the" or "The" ? n.Span.StartToken - 1 : n.Span.StartToken;
            return new CountRange(n.Min, n.Max, text.Span(start, trigger.Span.EndToken));
        }
        return null;
    }

    private static ImmutableArray<EventQuantity> QuantitiesOf(AnnotatedText text, TokenSpan clause, CountRange? killed, CountRange? injured)
    {
        var result = ImmutableArray.CreateBuilder<EventQuantity>();
        foreach (var n in text.NumbersStartingIn(clause.StartToken, clause.EndToken))
        {
            if (n.Unit is null || n.Max is null || n.Min != n.Max) continue;
            if (killed?.Span.Overlaps(n.Span) == true || injured?.Span.Overlaps(n.Span) == true) continue;
            var unit = TroopWords.Contains(n.Unit) ? "troops" : PersonWords.Contains(n.Unit) ? "people" : null;
            if (unit is null) continue;
            result.Add(new EventQuantity(n.Min, unit, n.Span));
        }
        return result.ToImmutable();
    }

    /// <summary>Whether the trigger is the "of" phrase of an accusation's verb ("accused the navy of murder").</summary>
    /// <summary>
    /// "A suicide bomber attacked a hotel": an event word that names the attacker (@attacker-nouns) and is the subject of
    /// another event word says who did that act; the act is the group's main word, so the attacker is its actor.
    /// </summary>
    private static bool IsDoerOfAnother(AnnotatedText text, TriggerMatch trigger, ImmutableArray<TriggerMatch> matches)
    {
        if (!RoleWords.AttackerNouns.Contains(text.WordOf(trigger.Span.EndToken - 1)) || text.RelationOf(trigger.Head) is not ("nsubj" or "nsubj:pass")) return false;
        var verb = text.HeadOf(trigger.Head);
        return verb >= 0 && matches.Any(m => m.Span.Contains(verb) && !m.Span.Contains(trigger.Head));
    }

    private static bool IsCharge(AnnotatedText text, TriggerMatch trigger, ImmutableArray<TriggerMatch> matches)
    {
        // (The parse may hang the charge on the accused: "accused [Washington of murder]".)
        var governor = text.HeadOf(trigger.Head);
        if (governor < 0 || text.RelationOf(trigger.Head) is not ("obl" or "nmod") || !SyntaxActors.HasCase(text, trigger.Head, "of")) return false;
        var verb = text.RelationOf(governor) == "obj" ? text.HeadOf(governor) : -1;
        return matches.Any(m => m.Entry.Type == PloverType.Accuse && (m.Span.Contains(governor) || verb >= 0 && m.Span.Contains(verb)));
    }
}
