using Crosscheck.Language;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Events;

/// <summary>
/// The features the factuality model (<see cref="FactualityModel"/>) reads for one predicate: the word, its lemma, tag
/// and suffix, the window's (<see cref="PredicateWindow"/>), and in a parsed sentence its relation, the function words hanging from it (auxiliaries, modals,
/// negation, "to", marks such as "if", determiners such as "no"), and up to <see cref="Governors"/> governors on its
/// path to the root with their relations, lemmas, cue kinds (<c>data/events/modality-cues.txt</c>) and their own
/// modals, negations and marks; whether any governor sits under a condition or a question. Bump
/// <see cref="FeatureVersion"/> whenever what a template reads changes, and retrain.
/// </summary>
internal sealed class PredicateFeatures
{
    public const int FeatureVersion = 2;

    /// <summary>The most features one predicate has (a sentence's function words are few; the buffer stays small).</summary>
    public const int MaxFeatures = 96;

    private const int Governors = 3;

    private readonly AnnotatedText _text;
    private readonly TokenSpan _sentence;
    private readonly int[] _firstChild;
    private readonly int[] _nextSibling;
    private readonly bool _question;
    private readonly ModalityClassifier.WordCue[] _cues;
    private readonly ulong[] _lower;
    private readonly ulong[] _lemmas;
    // Per position k of the sentence: how many conditional words, negations and quotation marks stand before token start + k.
    private readonly int[] _conditionals;
    private readonly int[] _negations;
    private readonly int[] _quotes;

    /// <summary>
    /// Reads the parse of <paramref name="sentence"/> once, for the features of each of its predicates; without
    /// <paramref name="withParse"/> only the word and window features are written (a sentence nothing else parsed).
    /// </summary>
    public PredicateFeatures(AnnotatedText text, TokenSpan sentence, bool withParse)
    {
        _text = text;
        _sentence = sentence;
        WithParse = withParse;
        var n = sentence.Length;
        _firstChild = new int[n];
        _nextSibling = new int[n];
        _firstChild.AsSpan().Fill(-1);
        _nextSibling.AsSpan().Fill(-1);
        _question = n > 0 && text.WordOf(sentence.EndToken - 1) == "?";
        _cues = new ModalityClassifier.WordCue[n];
        _lower = new ulong[n];
        _lemmas = new ulong[n];
        _conditionals = new int[n + 1];
        _negations = new int[n + 1];
        _quotes = new int[n + 1];
        for (var k = 0; k < n; k++)
        {
            var i = sentence.StartToken + k;
            var cue = _cues[k] = ModalityClassifier.CueOfWord(text, i);
            _lower[k] = FeatureHash.Lower(text.WordOf(i));
            _conditionals[k + 1] = _conditionals[k] + (cue == ModalityClassifier.WordCue.Conditional ? 1 : 0);
            _negations[k + 1] = _negations[k] + (cue == ModalityClassifier.WordCue.Negation ? 1 : 0);
            _quotes[k + 1] = _quotes[k] + (text.WordOf(i) is "\"" or "“" or "”" or "``" or "''" ? 1 : 0);
        }
        if (!withParse) return;
        for (var i = sentence.EndToken - 1; i >= sentence.StartToken; i--)
        {
            var h = text.HeadOf(i);
            if (h < 0 || !sentence.Contains(h) || h == i) continue;
            _nextSibling[i - sentence.StartToken] = _firstChild[h - sentence.StartToken];
            _firstChild[h - sentence.StartToken] = i;
        }
    }

    /// <summary>Whether the parse's features are written.</summary>
    public bool WithParse { get; }

    public AnnotatedText Text => _text;

    public TokenSpan Sentence => _sentence;

    /// <summary>What the cue file says of token <paramref name="i"/> (read once per sentence).</summary>
    public ModalityClassifier.WordCue CueAt(int i) => _cues[i - _sentence.StartToken];

    /// <summary>The feature id of token <paramref name="i"/> in lower case.</summary>
    public ulong LowerAt(int i) => _lower[i - _sentence.StartToken];

    /// <summary>The feature id of token <paramref name="i"/>'s lemma (made once, when first asked for).</summary>
    public ulong LemmaAt(int i)
    {
        ref var id = ref _lemmas[i - _sentence.StartToken];
        if (id == 0) id = FeatureHash.Text(Lemmas.Of(_text.WordOf(i), _text.PosOf(i)));
        return id;
    }

    /// <summary>Conditional words, negations and quotation marks before token <paramref name="i"/> in the sentence.</summary>
    public (int Conditionals, int Negations, int Quotes) Before(int i)
    {
        var k = i - _sentence.StartToken;
        return (_conditionals[k], _negations[k], _quotes[k]);
    }

    /// <summary>The children of token <paramref name="i"/> in text order.</summary>
    public ChildEnumerator Children(int i) => new(this, _firstChild[i - _sentence.StartToken]);

    /// <summary>Writes the features of the predicate at <paramref name="p"/>; returns how many.</summary>
    public int Write(int p, Span<ulong> features)
    {
        var n = 0;
        var tag = _text.PosOf(p) ?? "";
        var word = _text.WordOf(p);
        var tagId = FeatureHash.Text(tag);
        n = Put(features, n, FeatureHash.Feature(1, 0));
        n = Put(features, n, FeatureHash.Feature(3, LowerAt(p)));
        n = Put(features, n, FeatureHash.Feature(4, LemmaAt(p)));
        n = Put(features, n, FeatureHash.Feature(5, tagId));
        n = Put(features, n, FeatureHash.Feature(9, FeatureHash.Lower(word.Length > 3 ? word.AsSpan(word.Length - 3) : word), tagId));
        n = Put(features, n, FeatureHash.Feature(10, FeatureHash.Number(_question ? 1 : 0)));
        n = PredicateWindow.Write(this, p, features, n);
        if (!WithParse) return n;
        var relation = _text.RelationOf(p) ?? "root";
        var relationId = FeatureHash.Text(relation);
        n = Put(features, n, FeatureHash.Feature(7, relationId));
        n = Put(features, n, FeatureHash.Feature(8, relationId, tagId));
        var own = FunctionWords(p, 11, 12, features[n..]);
        n += own;
        var current = p;
        var path = FeatureHash.Number(0);
        var conditioned = false;
        for (var k = 1; k <= Governors; k++)
        {
            var childRelation = FeatureHash.Text(_text.RelationOf(current) ?? "root");
            var governor = _text.HeadOf(current);
            if (governor < 0 || !_sentence.Contains(governor) || governor == current) break;
            var kId = FeatureHash.Number(k);
            path = FeatureHash.Add(path, childRelation);
            var gTag = _text.PosOf(governor) ?? "";
            var lemma = LemmaAt(governor);
            var cue = FeatureHash.Number((int)CueAt(governor));
            n = Put(features, n, FeatureHash.Feature(20, kId, path));
            n = Put(features, n, FeatureHash.Feature(21, kId, childRelation, lemma));
            n = Put(features, n, FeatureHash.Feature(22, kId, lemma));
            n = Put(features, n, FeatureHash.Feature(23, kId, childRelation, cue));
            n = Put(features, n, FeatureHash.Feature(25, kId, FeatureHash.Text(gTag), childRelation));
            if (n < features.Length) n += FunctionWords(governor, 26, 27, features[n..], kId);
            conditioned |= HasCondition(governor);
            current = governor;
        }
        conditioned |= HasCondition(p);
        n = Put(features, n, FeatureHash.Feature(30, FeatureHash.Number(conditioned ? 1 : 0)));
        return n;
    }

    /// <summary>The function words hanging from <paramref name="head"/>: each with its relation, and its cue kind.</summary>
    private int FunctionWords(int head, int wordTemplate, int cueTemplate, Span<ulong> features, ulong level = 0)
    {
        var n = 0;
        foreach (var c in Children(head))
        {
            if (n + 2 > features.Length) break;
            var relation = _text.RelationOf(c) ?? "";
            if (!IsFunctionRelation(relation)) continue;
            var cue = CueAt(c);
            if (relation is "advmod" or "det" or "case" && cue == ModalityClassifier.WordCue.None && relation != "case") continue;
            features[n++] = FeatureHash.Feature(wordTemplate, level, FeatureHash.Text(relation), LowerAt(c));
            if (cue != ModalityClassifier.WordCue.None) features[n++] = FeatureHash.Feature(cueTemplate, level, FeatureHash.Number((int)cue));
        }
        return n;
    }

    internal static int Put(Span<ulong> features, int n, ulong feature)
    {
        if (n < features.Length) features[n++] = feature;
        return n;
    }

    private static bool IsFunctionRelation(string relation) =>
        relation is "aux" or "aux:pass" or "mark" or "advmod" or "det" or "cop" or "case" or "expl" or "nsubj" or "nsubj:pass";

    /// <summary>Whether a conditional word ("if", "unless") marks the clause of <paramref name="head"/>.</summary>
    private bool HasCondition(int head)
    {
        foreach (var c in Children(head))
        {
            if (_text.RelationOf(c) == "mark" && CueAt(c) == ModalityClassifier.WordCue.Conditional) return true;
        }
        return false;
    }

    public struct ChildEnumerator(PredicateFeatures owner, int first)
    {
        private int _next = first;

        public int Current { get; private set; } = -1;

        public readonly ChildEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next < 0) return false;
            Current = _next;
            _next = owner._nextSibling[_next - owner._sentence.StartToken];
            return true;
        }
    }
}
