using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// "Three villagers were killed in shelling, officials said on Wednesday. … The shelling began late on Tuesday": a lede
/// attack dated only by the day of its report (a saying's day, or the dateline's: "JAMMU, June 17:") takes the day a later sentence gives to "the attack" (a definite singular
/// event noun, subject of a verb of taking place in the past, data/events/syntax-roles.txt <c>@occurrence-verbs</c>),
/// when that day is its own, falls on the report's day or the two before it, and the article's such sentences agree on it.
/// </summary>
internal static class ToldOccurrenceDays
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        TimeMention? told = null;
        foreach (var o in events)
        {
            if (!IsNews(o) || o.Segment is SegmentKind.Headline || o.TimeIsReportDay) continue;
            if (o.Time is not { Precision: TimePrecision.Day, Start: { } start, End: { } end, Basis: null } time || start != end) continue;
            if (!TellsOccurrence(text, o.Trigger)) continue;
            if (told is null) told = time;
            else if (told.Start != start) return events;
        }
        if (told?.Start is not { } day) return events;
        var builder = events.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (!IsNews(e) || e.Segment is not (SegmentKind.Headline or SegmentKind.Lede)) continue;
            if (!e.TimeIsReportDay && (e.Time is not { } own || !PublicationDates.InDateline(text.Text, own.Span.Start))) continue;
            if (e.Time?.Start is not { } report || day > report || report.DayNumber - day.DayNumber > 2) continue;
            builder[i] = e with { Time = told, TimeIsReportDay = false };
        }
        return builder.ToImmutable();
    }

    private static bool IsNews(EventMention e) =>
        e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Salience == Salience.Main;

    /// <summary>
    /// "The attack took place …", "The shelling began …": the event word heads a definite singular subject of a verb of
    /// occurrence in the past. The words serve when the parse does not ("The airstrike occurred at about 10 am" parsed
    /// with the noun elsewhere): "the", the noun, the verb.
    /// </summary>
    private static bool TellsOccurrence(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var noun = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(noun) != "NN") return false;
        static bool Definite(string w) => w.Equals("the", StringComparison.OrdinalIgnoreCase);
        if (text.RelationOf(noun) == "nsubj" && text.HeadOf(noun) is var verb and >= 0
            && new Token(text, noun).Dependents.Any(d => d.Relation == "det" && Definite(d.Text)) && IsOccurrenceVerb(text, verb)) return true;
        var sentence = text.SentenceOf(noun);
        return noun > sentence.StartToken && noun + 1 < sentence.EndToken && Definite(text.WordOf(noun - 1)) && IsOccurrenceVerb(text, noun + 1);
    }

    private static bool IsOccurrenceVerb(AnnotatedText text, int verb)
    {
        if (text.PosOf(verb) != "VBD") return false;
        var lemmas = Lemmas.Candidates(text.WordOf(verb)).Where(RoleWords.OccurrenceVerbs.Contains).ToList();
        if (lemmas.Count == 0) return false;
        return !lemmas.All(l => l == "take") || verb + 1 < text.SentenceOf(verb).EndToken && text.WordOf(verb + 1).Equals("place", StringComparison.OrdinalIgnoreCase);
    }
}
