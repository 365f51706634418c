using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Where a local report's news attack happened when its words place it nowhere: at the dateline's town ("GAO, Mali
/// (Reuters) - Gunmen attacked a checkpoint on Tuesday"). A fallback only: it never replaces a place an event's words
/// give, and it applies only when none of the article's asserted news attacks has a place of its own, to asserted
/// attacks of the news whose sentence names no place. The place keeps the dateline's words and precision.
/// </summary>
internal static class DatelinePlaces
{
    public static ImmutableArray<EventMention> Apply(AnnotatedText text, ImmutableArray<EventMention> events, EventPlace? dateline, Func<TokenSpan, bool> sentenceNamesPlace)
    {
        if (dateline is null || events.IsDefaultOrEmpty) return events;
        var news = SalienceJudge.NewsEvents(events);
        if (news.Any(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Location is not null)) return events;
        var builder = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var sentence = text.SentenceOf(e.Trigger.StartToken);
            var takes = e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Location is null && e.Salience == Salience.Main
                && news.Contains(e) && !sentenceNamesPlace(sentence) && !DiscoursePlaces.NamesStandingPlace(text, sentence);
            builder.Add(takes ? e with { Location = dateline } : e);
        }
        return builder.MoveToImmutable();
    }
}
