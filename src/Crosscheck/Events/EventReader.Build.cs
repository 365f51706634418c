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
            .ThenBy(r => !matches.IsDefault && IsDoerOfAnother(text, r.Trigger, matches) ? 1 : 0)
            // "ended a siege of a hotel after about 20 hours of fighting": the length of time before the event is background.
            .ThenBy(r => !matches.IsDefault && SyntaxGrouping.AfterLengthOf(text, r.Trigger.Span) ? 1 : 0)
            .ThenByDescending(r => r.Trigger.Entry.Weight).ThenBy(r => r.Trigger.Span.StartToken).First();
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
        // "X claimed responsibility for the attack, saying its fighters had killed 100 soldiers": an event word outside
        // every frame whose dead are counted inside one is credited to that frame's speaker, who gives the count.
        if (attribution.Kind == AttributionKind.Unattributed && killed is { } counted && sentence.Contains(counted.Span.StartToken))
            attribution = Attributions.Find(text, sentence, counted.Span);

        var modes = group.SelectMany(r => r.Trigger.Entry.Modes).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var contexts = group.SelectMany(r => r.Trigger.Entry.Contexts).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var count = group.Select(r => CountOf(text, r.Trigger)).FirstOrDefault(c => c is not null);
        var (time, reportDay) = TimeOf(text, sentence, clause, main, owns, Casualties.Tolls);
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
        // "the deadliest attack in the region since a blast at a market in Anantnag": a place inside the event compared with is not the news event's.
        if (ComparisonTimes.ComparedSince(text, sentence, main.Span.StartToken) is null && places.Any(p => sentence.Contains(p.Span.StartToken) && ComparisonTimes.ComparedSince(text, sentence, p.Span.StartToken) is not null))
            places = places.FindAll(p => !sentence.Contains(p.Span.StartToken) || ComparisonTimes.ComparedSince(text, sentence, p.Span.StartToken) is null);
        return LocationOf(text, sentence, clause, main, places, group);
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
