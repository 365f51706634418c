using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// An attack the article takes as known to its reader, which the day of the article does not date.
internal static partial class DiscourseDays
{
    /// <summary>
    /// "Russia's drone campaign has changed the war. The strike on a Kyiv apartment block in which 23 people died was the
    /// deadliest …": an attack first told by a definite noun ("the strike on …"), after opening sentences that tell no
    /// attack, no time and are told in the present, with nothing in the simple past (the tense a news story opens its telling in), is one the reader is taken to know, recalled by an analysis, not the news of the day: it takes
    /// no assumed day (linking may still join it by place). A definite attack in the first sentence ("The death toll from
    /// the strike rose to 30") is the news.
    /// </summary>
    private static bool IsPresupposed(AnnotatedText text, EventMention e, ImmutableArray<EventMention> events)
    {
        var sentence = text.SentenceIndexOf(e.Trigger.StartToken);
        if (sentence == 0 || !SyntaxScope.HasParse(text, text.Sentences[sentence])) return false;
        if (events.Any(o => o.Type == PloverType.Assault && o.Trigger.StartToken < e.Trigger.StartToken)) return false;
        if (text.Times.Any(t => t.Span.Start < e.Trigger.Start)) return false;
        // A news story opens by telling in the past ("Rescuers dug through the rubble"); an analysis in the present
        // ("The junta has promised …", "The campaign has changed the war").
        var present = false;
        for (var j = text.Sentences[0].StartToken; j < text.Sentences[sentence - 1].EndToken; j++)
        {
            if (text.PosOf(j) == "VBD") return false;
            present |= text.PosOf(j) is "VBZ" or "VBP";
        }
        if (!present) return false;
        var noun = SyntaxScope.HeadOf(text, e.Trigger.StartToken, e.Trigger.EndToken);
        return text.PosOf(noun) == "NN" && new Token(text, noun).Dependents.Any(d => d.Relation == "det" && d.Text.Equals("the", StringComparison.OrdinalIgnoreCase));
    }
}
