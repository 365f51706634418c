namespace Crosscheck.Language.Tagging;

/// <summary>
/// Penn Treebank part-of-speech tags for a sentence of words, greedy left to right with an averaged
/// perceptron. Features: the word, its lower case, prefixes and suffixes of one to three letters, its
/// shape, the two previous predicted tags, and the neighbours' words and suffixes. Thread-safe.
/// </summary>
internal sealed class PosTagger
{
    public const string Kind = "pos";

    /// <summary>Bump when <see cref="Extract"/> changes: old models then fail to load instead of tagging badly.</summary>
    public const int FeatureVersion = 1;

    /// <summary>
    /// The richer feature set of the parser's own tagger (<see cref="Parsing.OwnTagger"/>): version 1's, plus four-letter
    /// affixes and word pairs around the word. Slower to score, so the pipeline's tagger keeps version 1.
    /// </summary>
    public const int RichFeatureVersion = 2;

    /// <summary>
    /// Version 2's features plus word classes (<see cref="Parsing.WordClusters"/>) of the word and its neighbours, alone,
    /// paired and with the word or the previous tag: the parser's own tagger, given the parser's classes.
    /// </summary>
    public const int ClassFeatureVersion = 3;

    [ThreadStatic] private static Scratch? t_scratch;

    public PosTagger(PerceptronModel model, Parsing.WordClusters? clusters = null)
    {
        if (model.Kind != Kind) throw new ModelLoadException($"a '{model.Kind}' model is not a part-of-speech model");
        if (model.FeatureVersion is not (FeatureVersion or RichFeatureVersion or ClassFeatureVersion))
            throw new ModelLoadException($"the part-of-speech model uses features version {model.FeatureVersion}, this build version {FeatureVersion}; retrain it with 'crosscheck train tagger'");
        if (model.FeatureVersion >= ClassFeatureVersion && clusters is null)
            throw new ModelLoadException("the part-of-speech model uses word classes, and none were given");
        Model = model;
        Clusters = clusters;
    }

    public PerceptronModel Model { get; }

    /// <summary>The word classes the features of version <see cref="ClassFeatureVersion"/> read; null otherwise.</summary>
    public Parsing.WordClusters? Clusters { get; }

    /// <summary>The tags of <paramref name="words"/>, one per word.</summary>
    public string[] Tag(ReadOnlySpan<string> words)
    {
        var tags = new string[words.Length];
        Tag(words, tags);
        return tags;
    }

    /// <summary>Writes the tag of each word into <paramref name="tags"/> (at least as long as <paramref name="words"/>); allocates nothing.</summary>
    public void Tag(ReadOnlySpan<string> words, Span<string> tags)
    {
        if (tags.Length < words.Length) throw new ArgumentException("one tag slot per word", nameof(tags));
        var scratch = t_scratch ??= new Scratch();
        scratch.Atoms.Set(words, Model.FeatureVersion >= ClassFeatureVersion ? Clusters : null);
        var history = scratch.History(words.Length);
        Span<ulong> features = stackalloc ulong[GreedyTrainer.MaxFeatures];
        Span<float> scores = stackalloc float[Model.Stride];
        var fixedTags = FixedTags();
        for (var i = 0; i < words.Length; i++)
        {
            // Words with one tag in every context ("the", "of", ",") skip the scoring: a third of news text.
            if (fixedTags.TryGetValue(words[i], out var fixedClass))
            {
                history[i] = fixedClass;
                tags[i] = Model.Classes[fixedClass];
                continue;
            }
            // "forty-one wounded": a spelled number of a tens word and a unit is a cardinal, though its hyphen made the
            // model read it as an adjective ("well-known") and cost the count its verb.
            if (Quantities.IsCompoundNumber(words[i]) && CardinalClass() is { } cardinal)
            {
                history[i] = cardinal;
                tags[i] = Model.Classes[cardinal];
                continue;
            }
            var n = Extract(scratch.Atoms, i, history[..i], features, Model.FeatureVersion);
            Model.Score(features[..n], scores);
            history[i] = Model.Best(scores, NeverVerbs.Contains(words[i]) ? NotVerbClasses() : default);
            tags[i] = Model.Classes[history[i]];
        }
    }

    /// <summary>
    /// Closed-class words that Penn Treebank tags the same way everywhere, mapped to the model's class index.
    /// Only words whose tag never depends on context are listed ("in" is not: it can be a particle).
    /// </summary>
    private static readonly (string Word, string Tag)[] AlwaysTagged =
    [
        ("the", "DT"), ("a", "DT"), ("an", "DT"), ("of", "IN"), ("and", "CC"), ("or", "CC"),
        ("for", "IN"), ("with", "IN"), ("from", "IN"), ("by", "IN"), (",", ","), (".", "."), ("he", "PRP"), ("she", "PRP"),
        ("they", "PRP"), ("his", "PRP$"), ("their", "PRP$"), ("its", "PRP$"),
    ];

    /// <summary>
    /// Words that are never verbs, whatever their neighbours: "Drones attacked Odesa overnight" read "overnight" as the
    /// verb of "Odesa" (its subject), and the attack lost its place. They take the best tag that is not a verb.
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NeverVerbs =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["overnight", "Overnight"], StringComparer.Ordinal);

    private int? CardinalClass()
    {
        var index = Array.IndexOf(Model.Classes, "CD");
        return index >= 0 ? index : null;
    }

    private bool[]? _notVerbClasses;

    private bool[] NotVerbClasses() => _notVerbClasses ??= Model.Classes.Select(c => !c.StartsWith("VB", StringComparison.Ordinal)).ToArray();

    private System.Collections.Frozen.FrozenDictionary<string, int>? _fixedTags;

    private System.Collections.Frozen.FrozenDictionary<string, int> FixedTags() => _fixedTags ??= System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
        AlwaysTagged.Where(p => Array.IndexOf(Model.Classes, p.Tag) >= 0)
            .Select(p => KeyValuePair.Create(p.Word, Array.IndexOf(Model.Classes, p.Tag))), StringComparer.Ordinal);

    /// <summary>Trains a tagger on the sentences that have tags (others are skipped).</summary>
    public static PosTagger Train(IReadOnlyList<TaggedSentence> sentences, TrainingOptions options, IReadOnlyList<string> notes, Action<string>? progress = null,
        int featureVersion = FeatureVersion, Parsing.WordClusters? clusters = null)
    {
        var tagged = sentences.Where(s => s.Pos is not null).ToList();
        if (tagged.Count == 0) throw new ArgumentException("no sentences with part-of-speech tags", nameof(sentences));
        var classes = tagged.SelectMany(s => s.Pos!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var gold = tagged.Select(s => s.Pos!.Select(t => index[t]).ToArray()).ToList();
        if (featureVersion >= ClassFeatureVersion && clusters is null) throw new ArgumentException("word classes are needed for this feature version", nameof(clusters));
        var classClusters = featureVersion >= ClassFeatureVersion ? clusters : null;
        var extractor = new TrainingFeatures(tagged, featureVersion, classClusters);
        return new PosTagger(GreedyTrainer.Train(Kind, featureVersion, classes, gold, extractor, null, options, notes, progress), classClusters);
    }

    private const int Bias = 1, Word = 2, Lower = 3, Suffix1 = 4, Suffix2 = 5, Suffix3 = 6, Prefix1 = 7, Prefix2 = 8, Prefix3 = 9, Shape = 10,
        Previous = 11, PreviousTwo = 12, PreviousAndWord = 13, WordBefore = 14, SuffixBefore = 15, WordAfter = 16, SuffixAfter = 17,
        WordTwoBefore = 18, WordTwoAfter = 19, FirstShape = 20, ShapeAfter = 21, ShapeBefore = 22,
        Suffix4 = 23, PairBefore = 25, PairAfter = 26, PreviousAndAfter = 27, AroundWord = 28, SuffixAndPrevious = 29,
        Class = 30, ClassBefore = 31, ClassAfter = 32, ClassTwoBefore = 33, ClassTwoAfter = 34, ClassAndPrevious = 35, ClassPairBefore = 36,
        ClassPairAfter = 37, WordAndClassAfter = 38, PreviousAndClassAfter = 39;

    private static readonly ulong BiasAtom = FeatureHash.Number(-1);

    internal static int Extract(SentenceAtoms a, int i, ReadOnlySpan<int> history, Span<ulong> f, int version = FeatureVersion)
    {
        var n = 0;
        var y1 = ClassAtoms.Before(history, i, 1);
        var y2 = ClassAtoms.Before(history, i, 2);
        var lower = a.Get(i, SentenceAtoms.Lower);
        f[n++] = FeatureHash.Feature(Bias, BiasAtom);
        f[n++] = FeatureHash.Feature(Word, a.Get(i, SentenceAtoms.Word));
        f[n++] = FeatureHash.Feature(Lower, lower);
        f[n++] = FeatureHash.Feature(Suffix1, a.Get(i, SentenceAtoms.Suffix1));
        f[n++] = FeatureHash.Feature(Suffix2, a.Get(i, SentenceAtoms.Suffix2));
        f[n++] = FeatureHash.Feature(Suffix3, a.Get(i, SentenceAtoms.Suffix3));
        f[n++] = FeatureHash.Feature(Prefix1, a.Get(i, SentenceAtoms.Prefix1));
        f[n++] = FeatureHash.Feature(Prefix2, a.Get(i, SentenceAtoms.Prefix2));
        f[n++] = FeatureHash.Feature(Prefix3, a.Get(i, SentenceAtoms.Prefix3));
        f[n++] = FeatureHash.Feature(Shape, a.Get(i, SentenceAtoms.Shape));
        f[n++] = FeatureHash.Feature(Previous, y1);
        f[n++] = FeatureHash.Feature(PreviousTwo, y1, y2);
        f[n++] = FeatureHash.Feature(PreviousAndWord, y1, lower);
        f[n++] = FeatureHash.Feature(WordBefore, a.Get(i - 1, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(SuffixBefore, a.Get(i - 1, SentenceAtoms.Suffix3));
        f[n++] = FeatureHash.Feature(WordAfter, a.Get(i + 1, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(SuffixAfter, a.Get(i + 1, SentenceAtoms.Suffix3));
        f[n++] = FeatureHash.Feature(WordTwoBefore, a.Get(i - 2, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(WordTwoAfter, a.Get(i + 2, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(ShapeAfter, a.Get(i + 1, SentenceAtoms.Shape));
        f[n++] = FeatureHash.Feature(ShapeBefore, a.Get(i - 1, SentenceAtoms.Shape));
        if (i == 0) f[n++] = FeatureHash.Feature(FirstShape, a.Get(i, SentenceAtoms.Shape));
        if (version < RichFeatureVersion) return n;
        ulong before = a.Get(i - 1, SentenceAtoms.Lower), after = a.Get(i + 1, SentenceAtoms.Lower);
        f[n++] = FeatureHash.Feature(Suffix4, a.Get(i, SentenceAtoms.Suffix4));
        f[n++] = FeatureHash.Feature(PairBefore, before, lower);
        f[n++] = FeatureHash.Feature(PairAfter, lower, after);
        f[n++] = FeatureHash.Feature(PreviousAndAfter, y1, after);
        f[n++] = FeatureHash.Feature(AroundWord, before, after);
        f[n++] = FeatureHash.Feature(SuffixAndPrevious, a.Get(i, SentenceAtoms.Suffix3), y1);
        if (version < ClassFeatureVersion) return n;
        ulong c0 = a.Class(i), cb = a.Class(i - 1), ca = a.Class(i + 1);
        f[n++] = FeatureHash.Feature(Class, c0);
        f[n++] = FeatureHash.Feature(ClassBefore, cb);
        f[n++] = FeatureHash.Feature(ClassAfter, ca);
        f[n++] = FeatureHash.Feature(ClassTwoBefore, a.Class(i - 2));
        f[n++] = FeatureHash.Feature(ClassTwoAfter, a.Class(i + 2));
        f[n++] = FeatureHash.Feature(ClassAndPrevious, c0, y1);
        f[n++] = FeatureHash.Feature(ClassPairBefore, cb, c0);
        f[n++] = FeatureHash.Feature(ClassPairAfter, c0, ca);
        f[n++] = FeatureHash.Feature(WordAndClassAfter, lower, ca);
        f[n++] = FeatureHash.Feature(PreviousAndClassAfter, y1, ca);
        return n;
    }

    private sealed class Scratch
    {
        private int[] _history = new int[64];
        public SentenceAtoms Atoms { get; } = new();

        public Span<int> History(int length)
        {
            if (_history.Length < length) _history = new int[length * 2];
            return _history.AsSpan(0, length);
        }
    }

    private sealed class TrainingFeatures(List<TaggedSentence> sentences, int version, Parsing.WordClusters? clusters) : ISequenceFeatures
    {
        private readonly SentenceAtoms _atoms = new();

        public int Prepare(int sentence)
        {
            _atoms.Set(sentences[sentence].Words, clusters);
            return sentences[sentence].Words.Length;
        }

        public int Extract(int index, ReadOnlySpan<int> history, Span<ulong> features) => PosTagger.Extract(_atoms, index, history, features, version);
    }
}

/// <summary>Ids of earlier predicted classes as feature atoms (class numbers, with one id for "before the sentence").</summary>
internal static class ClassAtoms
{
    private static readonly ulong[] Atoms = [.. Enumerable.Range(0, 257).Select(FeatureHash.Number)];

    /// <summary>The class <paramref name="back"/> tokens before token <paramref name="index"/>.</summary>
    public static ulong Before(ReadOnlySpan<int> history, int index, int back) => index - back < 0 ? Atoms[0] : Atoms[history[index - back] + 1];
}
