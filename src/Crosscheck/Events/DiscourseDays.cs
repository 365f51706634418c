using Crosscheck.Documents;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The day of an attack whose own sentence names no time: the day of the article's news attacks, as a reader takes
/// "Nine people died after the two navies traded fire" in a report whose next lines say the fighting
/// began early on Thursday. Only an asserted attack that the article reports as news takes it, only when its sentence
/// holds no time words at all, and only when the news attacks that do have a day agree on one day no later than the
/// publication; when they are dated only by the day of their report, a day the article names on the day or two before
/// the report stands for it (<see cref="NightBeforeReport"/>). The day keeps its own words (the characters that name it
/// in the dated sentence). When no news attack has any time, such attacks take the day the article's tolls stand at
/// when that is earlier (<see cref="TollDay"/>), else the publication day, marked as assumed
/// (<see cref="TimeMention.Basis"/>). Before all that, such an attack right after a sentence whose news attacks have one
/// day of their own goes on with that day (<see cref="FromPreviousSentence"/>), even when the article's news attacks do
/// not agree on one.
/// </summary>
internal static class DiscourseDays
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes = default,
        ImmutableArray<Toll> tolls = default)
    {
        if (events.IsDefaultOrEmpty) return events;
        if (quotes.IsDefault) quotes = [];
        events = ToldOccurrenceDays.Apply(text, events);
        events = FromPreviousSentence(text, events, quotes);
        events = ShortlyBefore(text, events, quotes);
        // The news attacks' own days first; failing those, a day the article names just before the day their reports
        // were made, then that day; failing any, publication.
        var agreed = AgreedDay(text, events, reportDays: false);
        var reported = agreed is null ? AgreedDay(text, events, reportDays: true) : null;
        if (reported is not null) agreed = NightBeforeReport(text, reported, quotes);
        // "Russian attacks killed seven people across Ukraine over the past day": the lede's short span holds the attacks
        // the article goes on to tell one by one, before a day a later sentence recalls ("the June 9 attack").
        var span = LedeSpan(text, events);
        if (span is not null && (agreed ?? reported) is { } one && (one.Start < span.Start || one.End > span.End)) (agreed, reported) = (null, null);
        if ((agreed ?? reported ?? span ?? PublicationDay(text, events, tolls.IsDefault ? [] : tolls)) is not { } day) return events;
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

    /// <summary>
    /// "… at least two farmers died in the Thai strikes on Monday. The five others died in the shelling of
    /// Oddar Meanchey": a news attack whose sentence names no time goes on with the day of the sentence right before it,
    /// when that sentence's news attacks are dated to one day of their own (not only the day of a report). A day taken so
    /// is not handed on to the next sentence, and an attack told against another ("It comes after a Pakistani airstrike
    /// targeted …") takes none.
    /// </summary>
    private static ImmutableArray<EventMention> FromPreviousSentence(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes)
    {
        // A time inside quoted words is told from the speaker's day ("destroyed in tonight's attacks"), not handed on.
        bool Quoted(EventMention e) => e.Time is { } t && quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End);
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (!IsNewsAttack(e) || e.Time is not null || !IsOneIncident(text, e) || IsToldAgainstAnother(text, e.Trigger)) continue;
            var sentence = text.SentenceIndexOf(e.Trigger.StartToken);
            if (sentence == 0 || SentenceHasTime(text, text.Sentences[sentence])) continue;
            var day = DayOfSentence(text, events.Where(o => !Quoted(o)), sentence - 1) ?? DayOfUntoldAttack(text, events, quotes, sentence - 1, e);
            if (day is not null) builder[i] = e with { Time = day };
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// "The truce was announced on Tuesday. It came hours after the army carried out strikes on rebel bases": an asserted
    /// attack with no time, in a clause opened by "after" with a word of soon before it (data/events/syntax-roles.txt,
    /// "shortly", "hours", "just"), in a sentence that names no time, took place the day of the news it came just before:
    /// the day named last before it in the article outside quotations (a day of a saying too: the news may be what was
    /// announced), when that day lies within the week before publication; otherwise it stays undated.
    /// </summary>
    private static ImmutableArray<EventMention> ShortlyBefore(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes)
    {
        if (text.Published is not { } published) return events;
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (e.Type != PloverType.Assault || e.Modality != Modality.Asserted || e.Time is not null || !OpensShortlyAfter(text, e.Trigger)) continue;
            var sentence = text.SentenceOf(e.Trigger.StartToken);
            if (SentenceHasTime(text, sentence)) continue;
            TimeMention? named = null;
            foreach (var t in text.Times)
            {
                if (t.Span.Start >= sentence.Start) break;
                if (quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End)) continue;
                if (t is { Precision: TimePrecision.Day, Start: { } start, End: { } end } && start == end) named = t;
            }
            if (named?.Start is not { } day || day > published || published.DayNumber - day.DayNumber > 7) continue;
            builder[i] = e with { Time = named };
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Whether the nearest time link (data/events/syntax-roles.txt) before the event word in its sentence is "after" with
    /// a word of soon right before it ("hours after", "shortly after"). The words, not the parse: a parse may hang "after"
    /// on the subject of the clause it opens.
    /// </summary>
    private static bool OpensShortlyAfter(AnnotatedText text, TokenSpan trigger)
    {
        var sentence = text.SentenceOf(trigger.StartToken);
        for (var k = trigger.StartToken - 1; k > sentence.StartToken; k--)
        {
            if (!RoleWords.TimeLinks.Contains(text.WordOf(k))) continue;
            return text.WordOf(k).Equals("after", StringComparison.OrdinalIgnoreCase) && RoleWords.SoonWords.Contains(text.WordOf(k - 1));
        }
        return false;
    }

    /// <summary>
    /// "On the morning of November 4, two rockets landed near the clinic. Two wards were damaged. The attack forced the
    /// evacuation of patients": "the attack" (a definite noun, one attack) takes the one day named last before it in its
    /// paragraph, when no sentence from there on tells an attack of its own (the attack is told in words the lexicon does
    /// not hold) and the day dates no saying ("officials said on Tuesday"); null otherwise.
    /// </summary>
    private static TimeMention? DayOfUntoldAttack(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes, int previous, EventMention e)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(e.Trigger.StartToken))) return null;
        var noun = SyntaxScope.HeadOf(text, e.Trigger.StartToken, e.Trigger.EndToken);
        if (text.PosOf(noun) != "NN" || !new Token(text, noun).Dependents.Any(d => d.Relation == "det" && d.Text.Equals("the", StringComparison.OrdinalIgnoreCase))) return null;
        var here = text.SentenceOf(e.Trigger.StartToken).Start;
        for (var k = previous; k >= 0; k--)
        {
            var sentence = text.Sentences[k];
            // The paragraph ends at a line break.
            if (text.Text.AsSpan(sentence.End, here - sentence.End).Contains('\n')) return null;
            if (events.Any(o => o.Type == PloverType.Assault && sentence.Contains(o.Trigger.StartToken))) return null;
            var times = text.Times.Where(t => sentence.Contains(t.Span.StartToken)).ToList();
            if (times.Count == 0) continue;
            if (times.Count > 1 || times[0] is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } t || start != end) return null;
            if (quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End) || !SyntaxScope.HasParse(text, sentence)) return null;
            // The word the time hangs from, outside its own words: a verb of saying makes it the day of a report.
            for (var j = t.Span.StartToken; j < t.Span.EndToken; j++)
            {
                if (text.HeadOf(j) is var head and >= 0 && !t.Span.Contains(head) && SyntaxActors.IsSpeechVerb(text, head)) return null;
            }
            return t;
        }
        return null;
    }

    /// <summary>
    /// Whether the event word, or a clause or phrase it lies in, is opened by a time link of data/events/syntax-roles.txt
    /// ("after", "before", "since"): an event set in time against another. False without a parse.
    /// </summary>
    private static bool IsToldAgainstAnother(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        static bool Linked(Token t) => t.Dependents.Any(d => d.Relation is "mark" or "case" && RoleWords.TimeLinks.Contains(d.Text));
        var word = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        // "after a drone struck a depot" may be parsed with "after" on the subject, as a phrase "after a drone".
        if (new Token(text, word).Dependents.Any(d => d.HasRelation("nsubj") && d.Index < word && Linked(d))) return true;
        for (var (n, depth) = (word, 0); n >= 0 && depth < 64; n = text.HeadOf(n), depth++)
        {
            if (Linked(new Token(text, n))) return true;
        }
        return false;
    }

    /// <summary>The one day of its own the news attacks of a sentence are dated to; null when none is or they disagree.</summary>
    private static TimeMention? DayOfSentence(AnnotatedText text, IEnumerable<EventMention> events, int sentence)
    {
        TimeMention? day = null;
        foreach (var e in events)
        {
            if (!IsNewsAttack(e) || text.SentenceIndexOf(e.Trigger.StartToken) != sentence) continue;
            if (e.Time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } time || start != end || e.TimeIsReportDay || time.Basis is not null) continue;
            if (day is null) day = time;
            else if (day.Start != start) return null;
        }
        return day;
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
        return IsCarriedOut(text, e.Trigger) || IsToldAsDone(text, e.Trigger) || BrokeOut(text, e.Trigger);
    }

    /// <summary>
    /// "The latest clashes broke out in two districts", "Fresh fighting erupted near the pass": an event noun that is the
    /// subject of a verb of breaking out or taking place in the past (data/events/syntax-roles.txt, "break" only with
    /// "out") is told as fighting that took place, plural or not ("critics called the clashes a provocation" tells none).
    /// </summary>
    private static bool BrokeOut(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var noun = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(noun) is not ("NNS" or "NN") || text.RelationOf(noun) != "nsubj" || text.HeadOf(noun) is not (var verb and >= 0)) return false;
        if (text.PosOf(verb) != "VBD") return false;
        var lemmas = Lemmas.Candidates(text.WordOf(verb)).Where(RoleWords.OnsetVerbs.Contains).ToList();
        if (lemmas.Count == 0) return false;
        return !lemmas.All(l => l == "break") || new Token(text, verb).Dependents.Any(d => d.Text.Equals("out", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// "Cambodia also used rocket systems, striking a civilian settlement": a participle clause, with no word of its own
    /// before it ("of bombing", "since … attacking") but "after", that hangs from a verb in the past tells an attack that
    /// took place ("the jets returned to base after destroying targets": the destroying came first, and happened). The
    /// clause may hang from a bare verb that completes the verb in the past ("returned to base" parsed as "to base", a
    /// verb, after "returned"): the verb in the past is then that one's head.
    /// </summary>
    private static bool IsToldAsDone(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var word = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(word) != "VBG" || text.RelationOf(word) != "advcl" || text.HeadOf(word) is not (var verb and >= 0)) return false;
        if (text.PosOf(verb) == "VB" && text.RelationOf(verb) == "xcomp" && text.HeadOf(verb) is var above and >= 0) verb = above;
        if (text.PosOf(verb) != "VBD") return false;
        return !new Token(text, word).Dependents.Any(d => d.Relation is "mark" or "case" && !d.Text.Equals("after", StringComparison.OrdinalIgnoreCase));
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
    /// "Officials said on Tuesday that nine people were killed in the strikes … Pakistan said it carried out no operation
    /// last night": when the news attacks are dated only by the day of their report, a day the article names outside
    /// quotations on the day or two before it (the one such day, when several name it) is the attack's; null when none
    /// does or they disagree. The report's day is the latest the attack can be, and reports are mostly of the night before.
    /// </summary>
    private static TimeMention? NightBeforeReport(AnnotatedText text, TimeMention report, ImmutableArray<Quote> quotes)
    {
        if (report.Start is not { } reportDay) return null;
        TimeMention? earlier = null;
        foreach (var t in text.Times)
        {
            if (t is not { Precision: TimePrecision.Day, Start: { } start, End: { } end } || start != end || start >= reportDay || reportDay.DayNumber - start.DayNumber > 2) continue;
            if (quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End)) continue;
            if (earlier is null) earlier = t;
            else if (earlier.Start != start) return null;
        }
        return earlier;
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
    /// The span of a day or two that the first news attack of the headline or lede (or of the first sentence) is dated
    /// to ("over the past day", "overnight into Tuesday"), ending within the week before publication; null when it has a
    /// single day, a longer span or none.
    /// </summary>
    private static TimeMention? LedeSpan(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (text.Published is not { } published) return null;
        foreach (var e in events)
        {
            if (!IsNewsAttack(e) || e.Segment is not (SegmentKind.Headline or SegmentKind.Lede) && text.SentenceIndexOf(e.Trigger.StartToken) != 0) continue;
            if (e.Time is not { Start: { } start, End: { } end, Basis: null } time || e.TimeIsReportDay) return null;
            var days = end.DayNumber - start.DayNumber;
            return days is 1 && end <= published && published.DayNumber - end.DayNumber <= 7 ? time : null;
        }
        return null;
    }

    /// <summary>
    /// When no news attack has a time at all, the article's own day, as its news is of that day unless it says
    /// otherwise ("Laos has shelled posts on the frontier" in a report of 3 May): marked as assumed
    /// from the publication date, with no words of its own.
    /// </summary>
    private static TimeMention? PublicationDay(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Toll> tolls)
    {
        if (text.Published is not { } published) return null;
        foreach (var e in events)
        {
            // Any time of the news, even one judged too old to be the news ("shelled the town over the weekend" in the lede).
            var news = IsNewsAttack(e) || e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Segment is SegmentKind.Headline or SegmentKind.Lede;
            if (news && e.Time is { Start: not null }) return null;
        }
        return TollDay(text, tolls, published) ?? new TimeMention(text.Span(0, 0), published, published, TimePrecision.Day) { Basis = "publication" };
    }

    /// <summary>
    /// "The death toll had risen to 23 by late Thursday" in a Friday paper whose attacks name no time: the attacks a
    /// toll counts took place by the day it stood at, so when the article's tolls stand at one day of their own within the
    /// week before publication, the news is of that day (with the words that name it in the toll's sentence); null when
    /// they stand at several days, or at none before the publication day. A toll that stands at that day without naming
    /// it ("It said 46 people were wounded" after the tally "as of late Thursday", whose day it carries) agrees with it.
    /// </summary>
    private static TimeMention? TollDay(AnnotatedText text, ImmutableArray<Toll> tolls, DateOnly published)
    {
        TimeMention? day = null;
        DateOnly? standsAt = null;
        foreach (var toll in tolls)
        {
            // A toll with no day of its own stands at the publication day: it neither dates the news nor disagrees.
            if (toll.AsOf is not { } asOf || asOf == published) continue;
            if (asOf > published || published.DayNumber - asOf.DayNumber > 7 || standsAt is { } other && other != asOf) return null;
            standsAt = asOf;
            day ??= text.Times.FirstOrDefault(t => toll.Evidence.Contains(t.Span.StartToken) && t is { Precision: TimePrecision.Day } && t.Start == asOf && t.End == asOf);
        }
        return day;
    }

    /// <summary>Whether the sentence names a time of its own: one that bounds a comparison ("the deadliest strike since the spring") dates nothing (<see cref="ComparisonTimes"/>).</summary>
    private static bool SentenceHasTime(AnnotatedText text, TokenSpan sentence) => ComparisonTimes.SentenceHasOwnTime(text, sentence);
}
