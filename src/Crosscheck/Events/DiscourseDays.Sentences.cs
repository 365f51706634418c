using Crosscheck.Documents;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// Which attacks a sentence tells as news, and the one day of its own they are dated to.
internal static partial class DiscourseDays
{
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
}
