using Crosscheck.Language;

namespace Crosscheck.Events;

// A tally whose counts are followed by the one event they sum up.
public sealed partial class TollCues
{
    /// <summary>
    /// "The toll stands at 12 dead and 45 injured after Tuesday's strike on the market": a tally whose counts (numbers,
    /// words of the dead or hurt, "people", "and", commas) are followed by "after", "following", "from" or "in", a
    /// determiner or a possessive, and a singular event word of no campaign, is that one event's count. The event word's
    /// token; null when the tally is followed by no such event.
    /// </summary>
    internal int? OneEventAfter(AnnotatedText text, TokenSpan sentence, Tally t)
    {
        var i = Math.Max(t.End, t.Number.Span.EndToken);
        for (var steps = 0; i < sentence.EndToken && steps < 10; i++, steps++)
        {
            var w = text.WordOf(i).ToLowerInvariant();
            if (w is "after" or "following" or "from" or "in") break;
            if (!(text.PosOf(i) is "CD" or "CC" or "," || w is "dead" or "people" or "persons" || CasualtyFinder.TellsDead(w) is not null
                || text.Numbers.Any(n => n.Span.StartToken <= i && i < n.Span.EndToken))) return null;
        }
        if (i + 2 >= sentence.EndToken || text.WordOf(i).ToLowerInvariant() is not ("after" or "following" or "from" or "in")) return null;
        i++;
        if (text.PosOf(i) is not ("DT" or "PRP$") && !(i + 1 < sentence.EndToken && text.WordOf(i + 1) is "'s" or "’s")) return null;
        // "the strikes" and "these attacks" are a series'.
        if (text.WordOf(i).ToLowerInvariant() is "these" or "those") return null;
        i += text.PosOf(i) is "DT" or "PRP$" ? 1 : 2;
        while (i + 1 < sentence.EndToken && (text.PosOf(i) is "JJ" or "NNP" || text.PosOf(i) is "NN" && text.PosOf(i + 1) is "NN" or "NNP" or "JJ")) i++;
        if (i >= sentence.EndToken || text.PosOf(i) != "NN" || IsCampaignNoun(text, i) || !TriggerLexicon.Default.Starts(text.WordOf(i).ToLowerInvariant())) return null;
        return i;
    }
}
