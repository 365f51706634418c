using Crosscheck.Language;

namespace Crosscheck.Events;

// Words of dying read with the words around them: a particle that gives "died" another sense, a part of the dead.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// Whether a particle after the verb of dying at <paramref name="verb"/> ends its clause and gives it another sense
    /// ("died off or moved away", "the gunfire died down."; data/events/casualty-words.txt, @dying-particles).
    /// </summary>
    private static bool OtherSenseOfDying(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (verb + 1 >= sentence.EndToken || !DyingParticles.Contains(text.WordOf(verb + 1))) return false;
        return verb + 2 >= sentence.EndToken || !HasLetterOrDigit(text.WordOf(verb + 2)) || text.PosOf(verb + 2) is "CC";
    }

    /// <summary>
    /// "Relatives of one of the dead men said …", "Two of the slain soldiers were officers": a part of the dead, named by
    /// a number, "of the" and the word of death before a plural noun (or "dead" alone), tells that at least that many died, among dead told
    /// before (a lower bound, not their count). Null when the words are no such part.
    /// </summary>
    private static Statement? PartOfTheDead(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (text.WordOf(i).ToLowerInvariant() is not ("dead" or "slain") || i + 1 >= sentence.EndToken) return null;
        // "Villagers buried 14 of the dead on Wednesday": "the dead" with no noun after it is such a part too.
        var noun = text.PosOf(i + 1) is "NNS" or "NNPS";
        if (!noun && (text.WordOf(i).Equals("slain", StringComparison.OrdinalIgnoreCase) || text.PosOf(i + 1) is { } next && next.StartsWith("NN", StringComparison.Ordinal))) return null;
        var end = noun ? i + 2 : i + 1;
        if (i - 3 < sentence.StartToken || !text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase) || !text.WordOf(i - 2).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        var (min, start) = NumberEndingAt(text, i - 2) is { Min: > 0 } part ? (part.Min, part.Span.StartToken)
            : text.WordOf(i - 3).Equals("one", StringComparison.OrdinalIgnoreCase) ? (1m, i - 3) : (0m, -1);
        return start < 0 ? null : new Statement(Outcome.Killed, min, null, start, end, start, end, true, false);
    }
}
