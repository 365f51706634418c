using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>One verbal or eventive predicate of a sentence with how the text presents it.</summary>
public sealed record Predicate(int Token, int Start, int End, string Text, string Lemma, Modality Modality, FactualityBand Band, double Confidence);

/// <summary>
/// Reads every predicate of an article with its modality and factuality band: each verb that is not an auxiliary or
/// a copula, and each noun the factuality model takes for an event ("the bombing", "talks"). The rules
/// (<see cref="ModalityClassifier"/>) read each one first; the model (<see cref="FactualityModel"/>, learned from the
/// factuality corpora's train files) then gives the band from the rules' reading and the parse. When the band and
/// the rules' modality disagree, the modality follows the band: factual is asserted, non-factual negated, uncertain
/// planned under "will" or "would", hypothetical under "if", else considered. Without a model, verbs keep the rules'
/// reading and nouns are left out. Thread-safe.
/// </summary>
public sealed class PredicateReader
{
    public static readonly PredicateReader Default = new();

    /// <summary>The rules whose reading the model starts from.</summary>
    public ModalityClassifier Rules { get; init; } = ModalityClassifier.Default;

    internal FactualityModel? Model { get; init; } = FactualityModel.Embedded;

    /// <summary>The predicates of <paramref name="text"/> (through the standard pipeline), in text order; comments and boilerplate have none.</summary>
    public ImmutableArray<Predicate> Read(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = ImmutableArray.CreateBuilder<Predicate>();
        Span<ulong> features = stackalloc ulong[PredicateFeatures.MaxFeatures];
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0 || !SyntaxScope.HasParse(text, sentence)) continue;
            if (text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            PredicateFeatures? context = null;
            for (var i = sentence.StartToken; i < sentence.EndToken; i++)
            {
                var kind = KindOf(text, i);
                if (kind == 0 || kind == 2 && Model is null) continue;
                var rule = Rules.ClassifyAt(text, sentence, i);
                var modality = rule.Modality;
                var band = FactualityBands.Of(modality);
                var confidence = rule.Confidence;
                if (Model is not null)
                {
                    context ??= new PredicateFeatures(text, sentence);
                    var n = context.Write(i, modality, features);
                    var (best, margin) = Model.Predict(features[..n], mayBeNone: kind == 2);
                    if (best == 0) continue;
                    band = (FactualityBand)(best - 1);
                    confidence = Math.Round(1 / (1 + Math.Exp(-margin)), 2);
                    if (FactualityBands.Of(modality) != band) modality = Follow(text, context, i, band, modality);
                }
                var token = text[i];
                found.Add(new Predicate(i, token.Start, token.End, token.Text, Lemmas.Of(token.Text, token.Pos), modality, band, confidence));
            }
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// Adds the training examples of one parsed text: each verb with a gold band (<paramref name="gold"/>, by token),
    /// and every noun, with its gold band or as no predicate.
    /// </summary>
    internal void AddExamples(AnnotatedText text, IReadOnlyDictionary<int, FactualityBand> gold, List<FactualityModel.Example> into)
    {
        Span<ulong> features = stackalloc ulong[PredicateFeatures.MaxFeatures];
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0 || !SyntaxScope.HasParse(text, sentence)) continue;
            var context = new PredicateFeatures(text, sentence);
            for (var i = sentence.StartToken; i < sentence.EndToken; i++)
            {
                var kind = KindOf(text, i);
                var labelled = gold.TryGetValue(i, out var band);
                if (kind == 0 || kind == 1 && !labelled) continue;
                var n = context.Write(i, Rules.ClassifyAt(text, sentence, i).Modality, features);
                into.Add(new FactualityModel.Example(features[..n].ToArray(), labelled ? 1 + (int)band : 0, kind == 2));
            }
        }
    }

    /// <summary>0: no predicate; 1: a verb predicate; 2: a noun that may name an event.</summary>
    internal static int KindOf(AnnotatedText text, int i)
    {
        var tag = text.PosOf(i);
        if (tag is null || tag.Length < 2) return 0;
        if (tag[0] == 'V' && tag[1] == 'B')
        {
            var relation = text.RelationOf(i);
            return relation is "aux" or "aux:pass" or "cop" ? 0 : 1;
        }
        return tag is "NN" or "NNS" ? 2 : 0;
    }

    /// <summary>The modality of a band the rules' reading does not fall in.</summary>
    private static Modality Follow(AnnotatedText text, PredicateFeatures context, int p, FactualityBand band, Modality rule)
    {
        if (band == FactualityBand.Factual) return Modality.Asserted;
        if (band == FactualityBand.NonFactual) return rule == Modality.Denied ? Modality.Denied : Modality.Negated;
        foreach (var c in context.Children(p))
        {
            var cue = ModalityClassifier.CueOfWord(text, c);
            if (cue == ModalityClassifier.WordCue.Conditional) return Modality.Hypothetical;
            if (cue == ModalityClassifier.WordCue.Future) return Modality.Planned;
        }
        return Modality.Considered;
    }
}
