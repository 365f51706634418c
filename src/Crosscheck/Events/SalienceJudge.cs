using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Whether an event is what the article reports as news or background it recalls.</summary>
public enum Salience
{
    /// <summary>The document's reported news: the headline's and lede's events and what the body says of them.</summary>
    Main,

    /// <summary>Recalled context: an earlier event, or one of another kind than the news, told in the body.</summary>
    Background,
}

public static class Saliences
{
    public static string Name(Salience salience) => salience == Salience.Main ? "main" : "background";

    public static bool TryParse(string? name, out Salience salience)
    {
        salience = name == "background" ? Salience.Background : Salience.Main;
        return name is "main" or "background";
    }
}

/// <summary>
/// Tells the news of an article from its background. The <em>news events</em> are those of the headline and the
/// lede (for a text without them, of its first sentence that has an event). The <em>news days</em> are the days
/// the dated news events name (at day precision), else the publication day and the day before it. Then:
/// <list type="bullet">
/// <item>an event whose resolved time ends more than <see cref="SlackDays"/> days before the first news day is
/// background, wherever it stands ("In April, the administration considered …");</item>
/// <item>a news event otherwise is main;</item>
/// <item>a body event with a resolved time is main when it reaches the news days (within the slack), else
/// background;</item>
/// <item>a body event without a time is main when it has the type of a news event (it tells more of the news),
/// else background.</item>
/// </list>
/// Times after the news days stay main (what is planned can be the news).
/// </summary>
public sealed class SalienceJudge
{
    public static readonly SalienceJudge Default = new();

    /// <summary>Days a time may end before the first news day and still be the news (reports of "Monday night" a day late).</summary>
    public const int SlackDays = 2;

    /// <summary>
    /// The same for an event of one day when the news days are the news events' own words ("Saturday's clash"), not the
    /// publication's: a report a day late is already in them, so a day two days before them ("On October 9, …" beside
    /// Saturday's news) is recalled. A span (a month, a week) keeps <see cref="SlackDays"/>: it is the setting of the news.
    /// </summary>
    public const int WordedSlackDays = 1;

    public ImmutableArray<EventMention> Judge(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (events.IsDefaultOrEmpty) return events;
        var news = NewsEvents(events);
        var newsTypes = news.Select(e => e.Type).ToHashSet();
        var (first, last, worded) = NewsDays(text, news);
        // "The attack came two days after a strike …": days told against the news event's own day. The news events
        // are read again from the dated events (the same events, some now with a day).
        if (first is { } day && first == last && news.Any(e => e.Time is { Precision: TimePrecision.Day }))
        {
            events = AnchoredDays.Apply(text, events, day, newsTypes);
            news = NewsEvents(events);
        }
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var salience = Decide(text, e, news.Contains(e), newsTypes, first, last,
                worded && e.Time is { Precision: TimePrecision.Day } ? WordedSlackDays : SlackDays);
            builder.Add(salience == e.Salience ? e : e with { Salience = salience });
        }
        return builder.MoveToImmutable();
    }

    private static Salience Decide(AnnotatedText text, EventMention e, bool isNews, HashSet<PloverType> newsTypes, int? first, int? last, int slack)
    {
        // "It came a day after a drone hit a fuel depot": an event dated by a lapse back from another is recalled to set
        // the news against it, however close its day.
        if (!isNews && e.Time is { Span.Length: >= 3 } lapse && IsLapse(text, lapse.Span)) return Salience.Background;
        // "Earlier this month, a strike on the city killed 38": a span the text itself sets before its news.
        if (!isNews && e.Time is { Precision: not TimePrecision.Day, Span.Length: > 0 } said
            && text.WordOf(said.Span.StartToken).Equals("earlier", StringComparison.OrdinalIgnoreCase)) return Salience.Background;
        // "The group often attacks army posts": an event verb in the simple present outside the headline tells a habit, not news.
        if (!isNews && e.Segment is not SegmentKind.Headline && IsSimplePresent(text, e.Trigger)) return Salience.Background;
        // "The two countries have clashed repeatedly over the border": a habit in the present perfect, likewise.
        if (!isNews && e.Segment is not SegmentKind.Headline && IsPerfectHabit(text, e.Trigger)) return Salience.Background;
        if (e.Time is { Start: { } start, End: { } end } && first is { } f && last is { } l)
        {
            if (end.DayNumber < f - slack) return Salience.Background;
            if (isNews) return Salience.Main;
            return start.DayNumber <= l + SlackDays || end.DayNumber >= f ? Salience.Main : Salience.Background;
        }
        if (isNews) return Salience.Main;
        return newsTypes.Contains(e.Type) ? Salience.Main : Salience.Background;
    }

    /// <summary>Whether a time's words are a lapse of days or weeks before "after" or "before" ("a day after", "two weeks before").</summary>
    private static bool IsLapse(AnnotatedText text, TokenSpan time) =>
        text.WordOf(time.EndToken - 1) is "after" or "before" && AnchoredDays.UnitDays(text.WordOf(time.EndToken - 2)) > 0;

    /// <summary>Whether the event's word is a verb in the simple present ("attacks", "strike" after "they"), with no auxiliary.</summary>
    private static bool IsSimplePresent(AnnotatedText text, TokenSpan trigger)
    {
        if (trigger.Length == 0 || text.PosOf(trigger.StartToken) is not ("VBZ" or "VBP")) return false;
        foreach (var d in new Token(text, trigger.StartToken).Dependents)
        {
            if (d.Relation is "aux" or "aux:pass") return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the event's word is a verb with an adverb of habit (data/events/syntax-roles.txt) and either the present
    /// perfect ("have clashed repeatedly") or the simple present.
    /// </summary>
    private static bool IsPerfectHabit(AnnotatedText text, TokenSpan trigger)
    {
        if (trigger.Length == 0) return false;
        var verb = new Token(text, trigger.StartToken);
        // "shooting incidents are reported almost weekly": an event noun (the head of the trigger's words) that is its
        // verb's subject or object shares the verb's habit.
        var noun = trigger.Tokens.FirstOrDefault(t => !trigger.Contains(t.HeadIndex));
        // "shooting incidents": the event word describes the noun that is the verb's subject.
        if ((noun.HasRelation("amod") || noun.HasRelation("compound")) && noun.Head is { Pos: { } headPos } described
            && headPos.StartsWith("NN", StringComparison.Ordinal)) noun = described;
        if (noun.Pos is { } pos && pos.StartsWith("NN", StringComparison.Ordinal)
            && (noun.HasRelation("nsubj") || noun.HasRelation("obj")) && noun.Head is { } governor) verb = governor;
        if (verb.Pos is not ("VBN" or "VBZ" or "VBP")) return false;
        if (!verb.Dependents.Any(d => d.Relation == "advmod" && RoleWords.HabitAdverbs.Contains(d.Text.ToLowerInvariant()))) return false;
        if (verb.Pos is "VBZ" or "VBP") return true;
        // The present perfect ("have clashed repeatedly") or the present passive ("are reported almost weekly").
        return verb.Dependents.Any(d => d.HasRelation("aux") && d.Text.ToLowerInvariant() is "have" or "has" or "'ve" or "are" or "is" or "am");
    }

    /// <summary>The headline's and lede's events; else those of the first sentence with an event.</summary>
    internal static HashSet<EventMention> NewsEvents(ImmutableArray<EventMention> events)
    {
        var news = events.Where(e => e.Segment is SegmentKind.Headline or SegmentKind.Lede).ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<EventMention>);
        if (news.Count > 0) return news;
        var firstStart = events.Min(e => e.Evidence.Start);
        var firstSentence = events.First(e => e.Evidence.Start == firstStart);
        var owner = firstSentence.Evidence.Owner;
        var sentence = owner.SentenceOf(firstSentence.Trigger.StartToken);
        return events.Where(e => owner.SentenceOf(e.Trigger.StartToken).Equals(sentence)).ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<EventMention>);
    }

    /// <summary>
    /// Days before its publication past which a lede's dated event is no news day: "A court on Wednesday sentenced two men
    /// over the bombing that killed 17 on March 12, 2024" is news of the sentence, and the bombing it names is recalled.
    /// Reports of an attack come the day of it or a few days after (a toll rising over days, a funeral, a denial).
    /// </summary>
    public const int StaleDays = 30;

    /// <summary>
    /// The first and last news day (day numbers), from the news events' day-precise times, else publication. A news
    /// event dated more than <see cref="StaleDays"/> before the publication gives no news day.
    /// </summary>
    private static (int? First, int? Last, bool Worded) NewsDays(AnnotatedText text, HashSet<EventMention> news)
    {
        int? first = null, last = null;
        foreach (var e in news)
        {
            if (e.Time is not { Start: { } s, End: { } end, Precision: TimePrecision.Day }) continue;
            if (text.Published is { } day && end.DayNumber < day.DayNumber - StaleDays) continue;
            first = Math.Min(first ?? int.MaxValue, s.DayNumber);
            last = Math.Max(last ?? int.MinValue, end.DayNumber);
        }
        if (first is not null) return (first, last, true);
        if (text.Published is { } published) return (published.DayNumber - 1, published.DayNumber, false);
        return (null, null, false);
    }
}
