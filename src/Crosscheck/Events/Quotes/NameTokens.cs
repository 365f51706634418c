using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Names the tagger missed, for the source phrases of frames and the quote-speaker candidates.</summary>
internal static class NameTokens
{
    /// <summary>
    /// A capitalized word the tagger took for something else (a preposition, an adverb, a verb) right before a verb,
    /// that the parse makes a subject ("Limbaugh continued: …" with "Limbaugh" tagged as a preposition): a name all the
    /// same. Reads the parse of the token's sentence only when the cheaper tests pass.
    /// </summary>
    public static bool IsMistaggedName(AnnotatedText text, int k)
    {
        var w = text.WordOf(k);
        if (w.Length < 2 || !char.IsUpper(w[0])) return false;
        foreach (var ch in w) if (!char.IsLetter(ch)) return false;
        if (text.PosOf(k) is null or "PRP" or "PRP$" or "WP" or "WP$" or "WDT" or "DT" or "PDT" or "EX" or "CC" or "NNP" or "NNPS" or "NN" or "NNS") return false;
        // Right before a verb, as a subject is; only then is the sentence parsed to ask.
        if (k + 1 >= text.Count || !(text.PosOf(k + 1) ?? "").StartsWith("VB", StringComparison.Ordinal) && text.PosOf(k + 1) != "MD") return false;
        return text.RelationOf(k) is "nsubj" or "nsubj:pass";
    }
}
