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
internal static partial class DiscourseDays
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes = default,
        ImmutableArray<Toll> tolls = default)
    {
        if (events.IsDefaultOrEmpty) return events;
        if (quotes.IsDefault) quotes = [];
        events = NotAfterPublication(text, events);
        events = LapseAfterReport.Apply(text, events);
        events = ToldOccurrenceDays.Apply(text, events);
        // "At least 43 people have been killed since the ceasefire collapsed": the event a running toll's sentence tells,
        // whose dead the toll counts, spans the time since its start, which no single day dates.
        var spans = tolls.IsDefault ? [] : tolls.Where(t => t.Since is not null).ToImmutableArray();
        bool InSpan(EventMention e) => e.Fatalities is null && e.Injured is null && spans.Any(t => t.Evidence.Contains(e.Trigger.StartToken));
        events = FromPreviousSentence(text, events, quotes, InSpan);
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
        var assumed = agreed is null && reported is null && span is null;
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var takes = IsNewsAttack(e) && e.Time is null && IsOneIncident(text, e) && !SentenceHasTime(text, text.SentenceOf(e.Trigger.StartToken))
                && !(assumed && IsPresupposed(text, e, events)) && !InSpan(e);
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
    /// targeted …") or a running toll's span ("killed since the truce collapsed") takes none.
    /// </summary>
    private static ImmutableArray<EventMention> FromPreviousSentence(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes,
        Func<EventMention, bool> inSpan)
    {
        // A time inside quoted words is told from the speaker's day ("destroyed in tonight's attacks"), not handed on.
        bool Quoted(EventMention e) => e.Time is { } t && quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End);
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (!IsNewsAttack(e) || e.Time is not null || !IsOneIncident(text, e) || IsToldAgainstAnother(text, e.Trigger) || inSpan(e)) continue;
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
}
