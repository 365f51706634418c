using Crosscheck.Language;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Events;

/// <summary>
/// The factuality model's features that need no parse, read from the words around a predicate: its neighbours, its
/// verb group (modals, auxiliaries, negation, "to" before it), the nearest verbs before that group with their cue
/// kinds (<c>data/events/modality-cues.txt</c>), a conditional or negation earlier in the sentence, an open quotation,
/// and for a noun the determiner or preposition before it. Every predicate has them, parsed or not.
/// </summary>
internal static class PredicateWindow
{
    private const int GroupLimit = 5;
    private const int GovernorVerbs = 2;

    public static int Write(PredicateFeatures words, int p, Span<ulong> features, int n)
    {
        var text = words.Text;
        var sentence = words.Sentence;
        var start = sentence.StartToken;
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(40, p - 1 >= start ? words.LowerAt(p - 1) : 0));
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(41, p - 2 >= start ? words.LowerAt(p - 2) : 0));
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(42, p + 1 < sentence.EndToken ? words.LowerAt(p + 1) : 0));
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(43, Tag(text, p - 1, sentence), Tag(text, p + 1, sentence)));
        // The verb group before the predicate: "would not have been", "to", "could".
        var k = p - 1;
        var group = FeatureHash.Number(0);
        for (var steps = 0; k >= start && steps < GroupLimit && IsGroupWord(text, k); k--, steps++)
        {
            var cue = words.CueAt(k);
            var word = words.LowerAt(k);
            group = FeatureHash.Add(group, word);
            n = PredicateFeatures.Put(features, n, FeatureHash.Feature(44, word));
            if (cue != ModalityClassifier.WordCue.None) n = PredicateFeatures.Put(features, n, FeatureHash.Feature(45, FeatureHash.Number((int)cue)));
        }
        var groupStart = k + 1;
        var tagId = Tag(text, p, sentence);
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(54, group, tagId));
        // The nearest verb after the predicate: a report frame that follows ("…, officials said").
        for (var a = p + 1; a < sentence.EndToken && a <= p + 12; a++)
        {
            if (text.PosOf(a) is not { } at || !at.StartsWith("VB", StringComparison.Ordinal) || ModalityClassifier.IsAuxiliaryWord(text.WordOf(a))) continue;
            var comma = false;
            for (var b = p + 1; b < a; b++) comma |= text.WordOf(b) is "," or "--" or "—";
            n = PredicateFeatures.Put(features, n, FeatureHash.Feature(55, FeatureHash.Number((int)words.CueAt(a)), FeatureHash.Number(comma ? 1 : 0)));
            break;
        }
        // For a noun: the determiner or preposition before its modifiers ("no plans", "the threat of").
        if (text.PosOf(p) is { } tag && tag.StartsWith("NN", StringComparison.Ordinal))
        {
            var d = p - 1;
            while (d >= start && d > p - 4 && text.PosOf(d) is "JJ" or "NN" or "NNS" or "NNP" or "POS" or "HYPH" or "VBN" or "VBG") d--;
            if (d >= start) n = PredicateFeatures.Put(features, n, FeatureHash.Feature(53, words.LowerAt(d)));
        }
        // The nearest verbs before the group, with what stands between ("to", "that").
        var found = 0;
        var linked = false;
        for (var i = groupStart - 1; i >= start && found < GovernorVerbs; i--)
        {
            if (text.WordOf(i) is "that" or "to" && found == 0) linked = true;
            if (text.PosOf(i) is not { } t || !t.StartsWith("VB", StringComparison.Ordinal)) continue;
            found++;
            var f = FeatureHash.Number(found);
            var lemma = words.LemmaAt(i);
            n = PredicateFeatures.Put(features, n, FeatureHash.Feature(46, f, lemma));
            n = PredicateFeatures.Put(features, n, FeatureHash.Feature(47, f, FeatureHash.Number((int)words.CueAt(i)), FeatureHash.Number(linked ? 1 : 0)));
            if (found == 1) n = PredicateFeatures.Put(features, n, FeatureHash.Feature(48, lemma, FeatureHash.Number(linked ? 1 : 0), tagId));
        }
        // A conditional or a negation anywhere before the group; an open quotation.
        var (conditionals, negations, quotes) = words.Before(groupStart);
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(50, FeatureHash.Number(conditionals > 0 ? 1 : 0), FeatureHash.Number(negations > 0 ? 1 : 0)));
        n = PredicateFeatures.Put(features, n, FeatureHash.Feature(52, FeatureHash.Number(quotes % 2)));
        return n;
    }

    private static ulong Tag(AnnotatedText text, int i, TokenSpan sentence) =>
        sentence.Contains(i) && text.PosOf(i) is { } t ? FeatureHash.Text(t) : 0;

    /// <summary>A word of a verb group: a modal, an auxiliary, an adverb, a negation, "to".</summary>
    private static bool IsGroupWord(AnnotatedText text, int i) =>
        text.PosOf(i) is "MD" or "RB" or "TO" or "VBZ" or "VBD" or "VBP" or "VB" or "VBN" or "VBG"
        && (text.PosOf(i) is "MD" or "RB" or "TO" || ModalityClassifier.IsAuxiliaryWord(text.WordOf(i)));
}
