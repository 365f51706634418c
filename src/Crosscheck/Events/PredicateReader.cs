using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>One verbal or eventive predicate of a sentence with how the text presents it.</summary>
public sealed record Predicate(int Token, int Start, int End, string Text, string Lemma, Modality Modality, FactualityBand Band);

/// <summary>
/// Reads every predicate of an article with its modality and factuality band: each verb that is not an auxiliary or
/// a copula, and each noun the factuality model takes for an event ("the bombing", "talks"). The model
/// (<see cref="FactualityModel"/>, learned from the factuality corpora's train files) gives the band from the words
/// around the predicate and, in a sentence the event reader parsed (one with event words), from the parse; the
/// predicates never parse a sentence themselves, which keeps analyze fast. The modality is the rules'
/// (<see cref="ModalityClassifier"/>, through the parse where there is one) where their reading falls in the band; otherwise it
/// follows the band: factual is asserted, non-factual negated, uncertain hypothetical after "if", planned under
/// "will" or "would", else considered. Without a model, verbs of parsed sentences keep the rules' reading and nouns
/// are left out. Thread-safe.
/// </summary>
public sealed class PredicateReader
{
    public static readonly PredicateReader Default = new();

    /// <summary>The rules that name the kind of doubt or denial.</summary>
    public ModalityClassifier Rules { get; init; } = ModalityClassifier.Default;

    internal FactualityModel? Model { get; init; } = FactualityModel.Embedded;

    /// <summary>The predicates of <paramref name="text"/> (through the standard pipeline), in text order; comments and boilerplate have none.</summary>
    public ImmutableArray<Predicate> Read(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = ImmutableArray.CreateBuilder<Predicate>();
        Span<ulong> features = stackalloc ulong[PredicateFeatures.MaxFeatures];
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            var sentence = text.Sentences[s];
            if (sentence.Length == 0 || text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            // A sentence the event reader parsed is read with its parse; the others are not parsed for this.
            var parsed = text.HasParseAlready(s) && SyntaxScope.HasParse(text, sentence);
            PredicateFeatures? context = null;
            for (var i = sentence.StartToken; i < sentence.EndToken; i++)
            {
                var kind = KindOf(text, i, sentence);
                if (kind == 0) continue;
                Modality modality;
                FactualityBand band;
                if (Model is null)
                {
                    // Without a model: the rules on verbs of parsed sentences alone.
                    if (kind == 2 || !parsed) continue;
                    var reading = Rules.ClassifyAt(text, sentence, i);
                    (modality, band) = (reading.Modality, FactualityBands.Of(reading.Modality));
                }
                else
                {
                    context ??= new PredicateFeatures(text, sentence, parsed);
                    var n = context.Write(i, features);
                    if (Model.Predict(features[..n], mayBeNone: kind == 2) is not { } predicted) continue;
                    band = predicted;
                    // The rules name the kind of doubt or denial where they agree on the band (through the parse where there is one).
                    var rule = band == FactualityBand.Factual ? Modality.Asserted
                        : parsed ? Rules.ClassifyAt(text, sentence, i).Modality : Rules.ClassifyByWordsAt(text, sentence, i).Modality;
                    modality = FactualityBands.Of(rule) == band ? rule : Follow(text, sentence, i, band, rule);
                }
                var token = text[i];
                found.Add(new Predicate(i, token.Start, token.End, token.Text, Lemmas.Of(token.Text, token.Pos), modality, band));
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
            // Each token twice: as in a sentence the event reader parsed, and as in one it did not.
            foreach (var parsed in (ReadOnlySpan<bool>)[true, false])
            {
                var context = new PredicateFeatures(text, sentence, parsed);
                for (var i = sentence.StartToken; i < sentence.EndToken; i++)
                {
                    var kind = KindOf(text, i, sentence);
                    var labelled = gold.TryGetValue(i, out var band);
                    if (kind == 0 || kind == 1 && !labelled) continue;
                    var n = context.Write(i, features);
                    var row = features[..n].ToArray();
                    if (kind == 2) into.Add(FactualityModel.Detection(row, labelled));
                    if (labelled) into.Add(FactualityModel.Banding(row, band));
                }
            }
        }
    }

    /// <summary>
    /// 0: no predicate; 1: a verb predicate; 2: a noun that may name an event. Read from the tags alone, so a sentence
    /// has the same predicates parsed or not: no form of "be" (an auxiliary or a copula), and no "have", "do" or "get"
    /// before another verb of its group.
    /// </summary>
    internal static int KindOf(AnnotatedText text, int i, TokenSpan sentence)
    {
        var tag = text.PosOf(i);
        if (tag is null || tag.Length < 2) return 0;
        if (tag[0] == 'V' && tag[1] == 'B')
        {
            var word = text.WordOf(i);
            if (ModalityClassifier.IsBeWord(word)) return 0;
            if (!ModalityClassifier.IsAuxiliaryWord(word)) return 1;
            for (var k = i + 1; k < sentence.EndToken && k <= i + 3; k++)
            {
                var next = text.PosOf(k);
                if (next is "RB" || ModalityClassifier.CueOfWord(text, k) == ModalityClassifier.WordCue.Negation) continue;
                return next is not null && next.StartsWith("VB", StringComparison.Ordinal) ? 0 : 1;
            }
            return 1;
        }
        return tag is "NN" or "NNS" ? 2 : 0;
    }

    /// <summary>
    /// The modality of a band the rules' reading does not fall in (or of a sentence the rules did not read): factual
    /// is asserted, non-factual negated (denied when the rules said so), uncertain hypothetical after a conditional
    /// word, planned under a future modal of its verb group, else considered.
    /// </summary>
    private static Modality Follow(AnnotatedText text, TokenSpan sentence, int p, FactualityBand band, Modality rule)
    {
        if (band == FactualityBand.Factual) return Modality.Asserted;
        if (band == FactualityBand.NonFactual) return rule == Modality.Denied ? Modality.Denied : Modality.Negated;
        if (FactualityBands.Of(rule) == FactualityBand.Uncertain) return rule;
        var future = false;
        for (var k = p - 1; k >= sentence.StartToken; k--)
        {
            var cue = ModalityClassifier.CueOfWord(text, k);
            if (cue == ModalityClassifier.WordCue.Conditional) return Modality.Hypothetical;
            if (cue == ModalityClassifier.WordCue.Future && p - k <= 4) future = true;
        }
        return future ? Modality.Planned : Modality.Considered;
    }
}
