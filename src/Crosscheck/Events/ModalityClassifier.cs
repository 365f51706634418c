using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Decides whether an event is asserted, planned, considered, hypothetical, negated or denied from the
/// words that govern its trigger in the clause: modals, plan and deliberation verbs, conditionals,
/// negation and denial frames. Report frames ("officials said") are left to the attribution.
/// </summary>
public sealed class ModalityClassifier
{
    public static readonly ModalityClassifier Default = new();

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(["not", "n't", "never", "no"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Future = FrozenSet.ToFrozenSet(["will", "would", "shall", "'ll"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Possibility = FrozenSet.ToFrozenSet(["could", "might", "may"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> PlanWords = FrozenSet.ToFrozenSet(
        ["plan", "prepare", "intend", "aim", "set", "expect", "schedule", "go", "seek", "want", "propose", "pledge", "promise", "vow", "order"],
        StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> ConsiderWords = FrozenSet.ToFrozenSet(
        ["consider", "weigh", "discuss", "mull", "debate", "explore", "contemplate", "study", "review"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> DenyWords = FrozenSet.ToFrozenSet(["deny", "refute", "dismiss"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> ClauseBreaks = FrozenSet.ToFrozenSet([";", ":", "–", "—", "but", "while", "whereas", "although"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The modality of the event named by <paramref name="trigger"/> in <paramref name="sentence"/>.</summary>
    public Modality Classify(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger)
    {
        var start = ClauseStart(text, sentence, trigger.Span.StartToken);
        var negated = false;
        var planned = false;
        var considered = false;
        var conditional = false;
        var denied = false;
        for (var i = start; i < trigger.Span.StartToken; i++)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w) && trigger.Span.StartToken - i <= 3) negated = true;
            if (Future.Contains(w)) planned = true;
            if (Possibility.Contains(w)) considered = true;
            if (w.Equals("if", StringComparison.OrdinalIgnoreCase) || w.Equals("unless", StringComparison.OrdinalIgnoreCase)) conditional = true;
            foreach (var lemma in Lemmas.Candidates(w))
            {
                if (PlanWords.Contains(lemma)) planned = true;
                if (ConsiderWords.Contains(lemma)) considered = true;
                if (DenyWords.Contains(lemma)) denied = true;
            }
        }
        // "a deployment is not imminent", "the strike was not carried out"
        for (var i = trigger.Span.EndToken; i < Math.Min(sentence.EndToken, trigger.Span.EndToken + 3); i++)
        {
            if (Negations.Contains(text.WordOf(i))) negated = true;
            if (text.WordOf(i).Equals("if", StringComparison.OrdinalIgnoreCase)) conditional = true;
        }
        if (denied) return Modality.Denied;
        if (negated) return Modality.Negated;
        if (conditional) return Modality.Hypothetical;
        if (considered) return Modality.Considered;
        if (planned) return Modality.Planned;
        return Modality.Asserted;
    }

    private static int ClauseStart(AnnotatedText text, TokenSpan sentence, int trigger)
    {
        for (var i = trigger - 1; i > sentence.StartToken; i--)
        {
            if (ClauseBreaks.Contains(text.WordOf(i))) return i + 1;
        }
        return sentence.StartToken;
    }
}
