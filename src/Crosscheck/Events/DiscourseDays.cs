using Crosscheck.Documents;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The day of an attack whose own sentence names no time: the day of the article's news attacks, as a reader takes
/// "At least 12 people are dead after the two armies exchanged fire" in a report whose next lines say the fighting
/// began early on Thursday. Only an asserted attack that the article reports as news takes it, only when its sentence
/// holds no time words at all, and only when the news attacks that do have a day agree on one day no later than the
/// publication. The day keeps its own words (the characters that name it in the dated sentence). When no news attack
/// has any time, such attacks take the publication day, marked as assumed (<see cref="TimeMention.Basis"/>).
/// </summary>
internal static class DiscourseDays
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (events.IsDefaultOrEmpty) return events;
        // The news attacks' own days first; failing those, the days their reports were made; failing any, publication.
        var agreed = AgreedDay(text, events, reportDays: false);
        if ((agreed ?? AgreedDay(text, events, reportDays: true) ?? PublicationDay(text, events)) is not { } day) return events;
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var takes = IsNewsAttack(e) && e.Time is null && IsOneIncident(text, e) && !SentenceHasTime(text, text.SentenceOf(e.Trigger.StartToken));
            // "…, the ministry said on Tuesday": the day of the report gives way to the news attacks' own day when that is no later.
            var replaces = agreed is not null && e.TimeIsReportDay && IsNewsAttack(e) && IsOneIncident(text, e) && agreed.End <= e.Time?.End;
            builder.Add(takes || replaces ? e with { Time = day, TimeIsReportDay = false } : e);
        }
        return builder.MoveToImmutable();
    }

    private static bool IsNewsAttack(EventMention e) =>
        e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Salience == Salience.Main;

    /// <summary>
    /// Whether the event is told as one incident that took place: it has its own dead or wounded, or its word is a verb
    /// in the past ("exchanged fire"), or it is what a light verb in the past reports as done ("has launched airstrikes"). A plural noun ("called the strikes an act of aggression") names the campaign,
    /// a gerund or a bare noun may name no incident at all ("the legal basis for killing suspects").
    /// </summary>
    private static bool IsOneIncident(AnnotatedText text, EventMention e)
    {
        if (e.Fatalities is { Min: 0 }) return false;
        if (e.Fatalities is { Min: > 0 } || e.Injured is { Min: > 0 }) return true;
        if (text.PosOf(e.Trigger.StartToken) is "VBD" or "VBN" or "NN") return true;
        return IsCarriedOut(text, e.Trigger) || IsToldAsDone(text, e.Trigger);
    }

    /// <summary>
    /// "Cambodia also used rocket systems, striking a civilian settlement": a participle clause, with no word of its own
    /// before it ("of bombing", "since … attacking"), that hangs from a verb in the past tells an attack that took place.
    /// </summary>
    private static bool IsToldAsDone(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var word = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(word) != "VBG" || text.RelationOf(word) != "advcl" || text.HeadOf(word) is not (var verb and >= 0) || text.PosOf(verb) != "VBD") return false;
        return !new Token(text, word).Dependents.Any(d => d.Relation is "mark" or "case");
    }

    /// <summary>"Thailand has launched airstrikes", "forces carried out strikes": attacks a light verb in the past reports as done.</summary>
    private static bool IsCarriedOut(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var noun = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(noun) != "NNS" || text.RelationOf(noun) != "obj" || text.HeadOf(noun) is not (var verb and >= 0)) return false;
        return text.PosOf(verb) is "VBD" or "VBN" && SyntaxActors.IsLightVerb(text, verb);
    }

    /// <summary>
    /// The one day the news attacks are dated to, within a week before publication; null when they disagree or none is
    /// dated. Days that only date a report of an attack (<see cref="EventMention.TimeIsReportDay"/>) count only with
    /// <paramref name="reportDays"/>.
    /// </summary>
    private static TimeMention? AgreedDay(AnnotatedText text, ImmutableArray<EventMention> events, bool reportDays)
    {
        if (text.Published is not { } published) return null;
        TimeMention? agreed = null;
        foreach (var e in events)
        {
            if (!IsNewsAttack(e) || e.TimeIsReportDay && !reportDays || e.Time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } time || start != end) continue;
            if (end > published || published.DayNumber - end.DayNumber > 7) return null;
            if (agreed is null) agreed = time;
            else if (agreed.Start != start) return null;
        }
        return agreed;
    }

    /// <summary>
    /// When no news attack has a time at all, the article's own day, as its news is of that day unless it says
    /// otherwise ("Thailand has launched airstrikes along the border" in a report of 8 December): marked as assumed
    /// from the publication date, with no words of its own.
    /// </summary>
    private static TimeMention? PublicationDay(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (text.Published is not { } published) return null;
        foreach (var e in events)
        {
            // Any time of the news, even one judged too old to be the news ("shelled the town over the weekend" in the lede).
            var news = IsNewsAttack(e) || e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Segment is SegmentKind.Headline or SegmentKind.Lede;
            if (news && e.Time is { Start: not null }) return null;
        }
        return new TimeMention(text.Span(0, 0), published, published, TimePrecision.Day) { Basis = "publication" };
    }

    private static bool SentenceHasTime(AnnotatedText text, TokenSpan sentence)
    {
        foreach (var t in text.Times)
        {
            if (sentence.Contains(t.Span.StartToken)) return true;
        }
        return false;
    }
}
