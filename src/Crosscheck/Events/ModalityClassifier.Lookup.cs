using Crosscheck.Language;

namespace Crosscheck.Events;

public sealed partial class ModalityClassifier
{
    /// <summary>The kinds of cue a word is listed under in the cue file, as short names for features.</summary>
    internal enum WordCue : byte { None, Transparent, Factive, Plan, Consider, Hypothetical, Deny, Prevent, RuleOut, Future, Possible, Maybe, Negation, Conditional, Hedge }

    /// <summary>
    /// What the cue file says of token <paramref name="i"/> alone (a verb's, noun's, adjective's or modal's cue, a
    /// negation, a conditional word, a hedging adverb), for the factuality model's features.
    /// </summary>
    internal static WordCue CueOfWord(AnnotatedText text, int i)
    {
        var w = text.WordOf(i);
        if (IsModal(text, i, out var modal)) return (WordCue)modal;
        if (Negations.Contains(w) || NegativeSubjects.Contains(w)) return WordCue.Negation;
        if (Conditionals.Contains(w)) return WordCue.Conditional;
        if (HedgeAdverbs.Contains(w)) return WordCue.Hedge;
        if (IsVerb(text, i)) return VerbCues.TryGetValue(w, out var v) ? (WordCue)v : WordCue.None;
        if (IsNoun(text, i)) return NounCues.TryGetValue(w, out var n) ? (WordCue)n : WordCue.None;
        return AdjectiveCues.TryGetValue(w, out var a) ? (WordCue)a : WordCue.None;
    }

    /// <summary>Whether <paramref name="word"/> is an auxiliary ("has", "was", "did"), as the cue file lists them.</summary>
    internal static bool IsAuxiliaryWord(string word) => Auxiliaries.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a form of "be", as the cue file lists them.</summary>
    internal static bool IsBeWord(string word) => BeForms.Contains(word) || word.Equals("be", StringComparison.OrdinalIgnoreCase)
        || word.Equals("been", StringComparison.OrdinalIgnoreCase) || word.Equals("being", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The modality the words alone give the predicate at <paramref name="head"/>, never reading (so never making) the
    /// sentence's parse: <see cref="ClassifyAt"/> without its check against the syntactic governors.
    /// </summary>
    internal ModalityReading ClassifyByWordsAt(AnnotatedText text, TokenSpan sentence, int head)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!sentence.Contains(head)) throw new ArgumentOutOfRangeException(nameof(head), "The predicate must lie in the sentence.");
        return FreeChoice(text, sentence, head, ClassifyByWords(text, sentence, head));
    }
}
