using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Days of events told against the news event: "The attack came two days after a strike …" dates the strike two days
/// before the attack, and "a week before the raid" seven days after it, when the parse shows the frame: the event word
/// under "after"/"before" (a noun, or the head of a clause: "after shelling killed three") hangs from a verb whose
/// subject is a definite event noun of the news ("the attack", "the strike") and which holds a span of days or weeks
/// ("two days", "a week"). The anchor is the news day
/// (<see cref="SalienceJudge"/>). An event with a time of its own keeps it; without a parse nothing changes.
/// </summary>
internal static class AnchoredDays
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, int newsDay, IReadOnlySet<PloverType> newsTypes)
    {
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            builder.Add(e.Time is null && (AnchoredAny(text, e, newsDay, newsTypes) ?? AfterDatedEvent(text, e, events, newsDay, newsTypes)) is { } time ? e with { Time = time } : e);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// "… struck a vessel on Wednesday, killing four, two days after a string of attacks killed 14": an event word
    /// right after "N days after" (or "before") takes its day from the event with a day of its own that the sentence
    /// told before the frame; with none, a sentence that opens "The strike came four days after …" (the parse may miss
    /// the frame) counts from the news day, as <see cref="Anchored"/> does.
    /// </summary>
    private static TimeMention? AfterDatedEvent(AnnotatedText text, EventMention e, ImmutableArray<EventMention> events, int newsDay, IReadOnlySet<PloverType> newsTypes)
    {
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        var frame = FrameAfterSubject(text, sentence, e, newsTypes);
        for (var k = frame ?? e.Trigger.StartToken - 1; k >= sentence.StartToken + 2 && (frame == k || e.Trigger.StartToken - k <= MaxNounPhrase); k--)
        {
            if (text.WordOf(k) is not ("after" or "before")) continue;
            var unit = UnitDays(text.WordOf(k - 1));
            if (unit == 0 || (text.WordOf(k - 2) is "a" or "A" ? 1 : NumberOfUnits(text, k - 2)) is not { } count) return null;
            EventMention? anchor = null;
            foreach (var other in events)
            {
                if (ReferenceEquals(other, e) || other.Time is not { Precision: TimePrecision.Day, Start: { } } || !sentence.Contains(other.Trigger.StartToken)) continue;
                if (other.Trigger.EndToken <= k - 2 && (anchor is null || other.Trigger.StartToken > anchor.Trigger.StartToken)) anchor = other;
            }
            DateOnly from;
            if (anchor?.Time?.Start is { } anchored) from = anchored;
            else if (OpensWithNewsEvent(text, sentence, k - 2, newsTypes)) from = DateOnly.FromDayNumber(newsDay);
            else return null;
            var day = from.AddDays(count * unit * (text.WordOf(k) == "after" ? -1 : 1));
            return new TimeMention(text.Span(k - 2, k + 1), day, day, TimePrecision.Day);
        }
        return null;
    }

    /// <summary>
    /// "The strike came two days after artillery shelled a village, killing three": an event whose word is the frame's
    /// opening subject but whose words go on to an event word of its type after the lapse is that later event (the parse
    /// may join the two); the index of its "after" or "before", else null.
    /// </summary>
    private static int? FrameAfterSubject(AnnotatedText text, TokenSpan sentence, EventMention e, IReadOnlySet<PloverType> newsTypes)
    {
        var verb = e.Trigger.EndToken;
        var link = verb + 3;
        if (link >= sentence.EndToken || text.WordOf(link) is not ("after" or "before") || UnitDays(text.WordOf(link - 1)) == 0) return null;
        if (!OpensWithNewsEvent(text, sentence, link - 2, newsTypes) || !e.Evidence.Contains(link)) return null;
        var later = TriggerLexicon.Default.Match(text, sentence)
            .Any(m => m.Entry.Type == e.Type && m.Span.StartToken > link && m.Span.StartToken - link <= MaxNounPhrase && m.Span.EndToken <= e.Evidence.EndToken);
        return later ? link : null;
    }

    /// <summary>
    /// "The strike came four days after …": the sentence opens with a definite event noun of the news, then one verb, then
    /// the lapse's count at <paramref name="count"/>; or with a pronoun for the news and a verb of coming after ("It came a
    /// day after …").
    /// </summary>
    private static bool OpensWithNewsEvent(AnnotatedText text, TokenSpan sentence, int count, IReadOnlySet<PloverType> newsTypes)
    {
        var verb = count - 1;
        // "It came a day after …", "This comes two days after …": a pronoun for the news, then a verb of coming after.
        if (verb == sentence.StartToken + 1 && RoleWords.NewsPronouns.Contains(text.WordOf(sentence.StartToken))
            && RoleWords.LapseFrameVerbs.Contains(text.WordOf(verb))) return true;
        if (verb < sentence.StartToken + 2 || text.PosOf(verb) is not { } pos || !pos.StartsWith("VB", StringComparison.Ordinal)) return false;
        if (text.WordOf(sentence.StartToken) is not ("The" or "This")) return false;
        return TriggerLexicon.Default.Match(text, sentence).Any(m => m.Span.StartToken > sentence.StartToken && m.Span.EndToken == verb
            && m.Span.StartToken <= sentence.StartToken + 2 && newsTypes.Contains(m.Entry.Type));
    }

    /// <summary>How far after "after" the event word may stand ("after a string of deadly attacks").</summary>
    private const int MaxNounPhrase = 6;

    /// <summary>Days in a unit word: 1 for "day(s)", 7 for "week(s)", else 0.</summary>
    internal static int UnitDays(string word) => word.ToLowerInvariant() switch
    {
        "day" or "days" => 1,
        "week" or "weeks" => 7,
        _ => 0,
    };

    /// <summary>The count of days or weeks a number at a token gives: one value from 1 to 60; null otherwise.</summary>
    internal static int? NumberOfUnits(AnnotatedText text, int token) =>
        text.Numbers.FirstOrDefault(n => n.Span.Contains(token)) is { Max: { } max } n && n.Min == max && max is >= 1 and <= 60 ? (int)max : null;

    /// <summary>The first event noun of the event's words set against the news event ("a strike" of "… killed two").</summary>
    private static TimeMention? AnchoredAny(AnnotatedText text, EventMention e, int newsDay, IReadOnlySet<PloverType> newsTypes)
    {
        var linked = false;
        for (var i = e.Evidence.StartToken; i < e.Evidence.EndToken && !linked; i++) linked = text.WordOf(i) is "after" or "before";
        if (!linked) return null;
        var matches = TriggerLexicon.Default.Match(text, text.SentenceOf(e.Trigger.StartToken));
        foreach (var m in matches)
        {
            if (m.Entry.Type != e.Type || !e.Evidence.Contains(m.Head)) continue;
            if (Anchored(text, m.Head, newsDay, newsTypes) is { } time) return time;
        }
        return null;
    }

    private static TimeMention? Anchored(AnnotatedText text, int t, int newsDay, IReadOnlySet<PloverType> newsTypes)
    {
        var sentence = text.SentenceOf(t);
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        // "after an ambush" (case, the noun obl or nmod), or "after shelling killed three", a clause the event word heads
        // (mark, advcl).
        var link = Dependent(text, sentence, t, d => text.RelationOf(d) is "case" or "mark" && text.WordOf(d) is "after" or "before");
        var governor = text.HeadOf(t);
        if (link < 0 || governor < 0 || text.RelationOf(t) is not ("obl" or "nmod" or "advcl")) return null;
        // "three days after an ambush" may be parsed with the event noun under the span ("days" → "ambush", nmod): then
        // the span's own head is the frame's verb.
        var span = -1;
        if (text.RelationOf(t) == "nmod" && UnitDays(text.WordOf(governor)) > 0 && IsSpanRelation(text.RelationOf(governor)))
        {
            span = governor;
            governor = text.HeadOf(span);
            if (governor < 0) return null;
        }
        var subject = Dependent(text, sentence, governor, d => text.RelationOf(d) == "nsubj");
        if (subject < 0 || Dependent(text, sentence, subject, d => text.WordOf(d) is "the" or "The" or "this" or "This") < 0) return null;
        if (!TriggerLexicon.Default.Match(text, sentence).Any(m => m.Span.Contains(subject) && newsTypes.Contains(m.Entry.Type))) return null;
        // The span hangs from the verb ("came three days after …", obl) or from the event noun itself, the head of the
        // phrase "three days after an ambush" (nmod).
        if (span < 0) span = Dependent(text, sentence, governor, d => IsSpanRelation(text.RelationOf(d)) && UnitDays(text.WordOf(d)) > 0);
        if (span < 0) span = Dependent(text, sentence, t, d => IsSpanRelation(text.RelationOf(d)) && UnitDays(text.WordOf(d)) > 0);
        if (span < 0) return null;
        var unit = UnitDays(text.WordOf(span));
        var count = 1;
        var number = Dependent(text, sentence, span, d => text.RelationOf(d) == "nummod");
        if (number >= 0)
        {
            if (NumberOfUnits(text, number) is not { } n) return null;
            count = n;
        }
        var days = count * unit * (text.WordOf(link) == "after" ? -1 : 1);
        var day = DateOnly.FromDayNumber(newsDay + days);
        var first = Math.Min(Math.Min(span, link), number >= 0 ? number : span);
        return new TimeMention(text.Span(first, link + 1), day, day, TimePrecision.Day);
    }

    /// <summary>The relations of a span of time that measures a frame ("came three days after …").</summary>
    private static bool IsSpanRelation(string? relation) => relation is "obl:unmarked" or "obl:npmod" or "obl:tmod" or "nmod:unmarked" or "nmod:npmod" or "nmod:tmod";

    private static int Dependent(AnnotatedText text, TokenSpan sentence, int head, Func<int, bool> accept)
    {
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
        {
            if (d != head && text.HeadOf(d) == head && accept(d)) return d;
        }
        return -1;
    }
}
