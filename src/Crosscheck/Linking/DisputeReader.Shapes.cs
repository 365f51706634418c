using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// Dispute shapes beside the verbs: an event said never to have occurred in words of its own ("no such shelling of the
/// town took place"), a side's word that its own forces were not there ("said its aircraft were not in the area"), and
/// a deny verb whose clause is about the talks, not the fighting ("denied that negotiations had collapsed").
/// </summary>
internal static partial class DisputeReader
{
    private static readonly ImmutableArray<string[]> HappenPhrases = [.. IncidentWords.Dispute("happen-phrases").Select(p => p.Split('_'))];
    private static readonly ImmutableArray<string[]> AbsentPhrases = [.. IncidentWords.Dispute("absent-phrases").Select(p => p.Split('_'))];
    private static readonly FrozenSet<string> OwnForces = IncidentWords.DisputeSet("own-forces-words");
    private static readonly ImmutableArray<string[]> DenialPhrases = [.. IncidentWords.Dispute("denial-phrases").Select(p => p.Split('_'))];

    /// <summary>How many words may stand between "no such" and the words of happening ("no such shelling of the town took place").</summary>
    private const int MaxSuchWords = 6;

    /// <summary>
    /// "no such shelling took place", "no such air raid had occurred": "no such", a noun phrase, then one of @happen-phrases
    /// with at most auxiliaries and the phrase's own words between; the words, or null.
    /// </summary>
    private static string? NoSuch(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (!string.Equals(text.WordOf(i), "no", StringComparison.OrdinalIgnoreCase) || i + 2 >= sentence.EndToken
            || !string.Equals(text.WordOf(i + 1), "such", StringComparison.OrdinalIgnoreCase)) return null;
        for (var t = i + 2; t < Math.Min(sentence.EndToken, i + 3 + MaxSuchWords); t++)
        {
            if (Phrase(text, sentence, t, HappenPhrases) is { } happen) return text.Span(i, t + happen.Count(c => c == ' ') + 1).Text;
            if (text.WordOf(t) is "," or "." or ";" || text.PosOf(t) is "VBD" or "VBZ" or "VBP" && !Copulas.Contains(text.WordOf(t)) && text.WordOf(t) is not ("had" or "has" or "have")) return null;
        }
        return null;
    }

    /// <summary>
    /// "said its aircraft were not in the area", "our troops were not involved": a negation just after a copula, one of
    /// @absent-phrases after it, and the copula's subject a side's own forces (a possessive "its", "their", "our" before one of
    /// @own-forces-words) or "we"; the words from the copula, or null.
    /// </summary>
    private static string? Absent(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (!Negations.Contains(text.WordOf(i)) || i - 1 <= sentence.StartToken || !Copulas.Contains(text.WordOf(i - 1).ToLowerInvariant())) return null;
        if (Phrase(text, sentence, i + 1, AbsentPhrases) is not { } absent) return null;
        var copula = i - 1;
        var own = false;
        for (var t = copula - 1; t >= Math.Max(sentence.StartToken, copula - 4) && !own; t--)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            own = w == "we" && t == copula - 1
                || OwnForces.Contains(w) && Enumerable.Range(Math.Max(sentence.StartToken, t - 2), t - Math.Max(sentence.StartToken, t - 2))
                    .Any(p => text.WordOf(p).ToLowerInvariant() is "its" or "their" or "our");
        }
        return own ? text.Span(copula, i + 1 + absent.Count(c => c == ' ') + 1).Text : null;
    }

    /// <summary>
    /// "denied that negotiations with the rebels had collapsed", "denied the talks had stalled": the deny verb's clause opens
    /// (after "that", articles and adjectives) on one of @blame-other-objects: what is denied is about the talks, not the fighting.
    /// </summary>
    private static bool DeniesOther(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var t = verb + 1; t < Math.Min(sentence.EndToken, verb + 6); t++)
        {
            if (BlameOtherObjects.Contains(text.WordOf(t).ToLowerInvariant())) return true;
            if (text.WordOf(t) is "that" || text.PosOf(t) is "DT" or "JJ" or "PRP$") continue;
            return false;
        }
        return false;
    }
}
