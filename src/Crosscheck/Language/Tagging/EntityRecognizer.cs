namespace Crosscheck.Language.Tagging;

/// <summary>
/// A gazetteer's hint to the recognizer: how many tokens a known name starting at <paramref name="start"/>
/// spans (0 when none starts there). The hint is a feature, so the model must be trained with the same
/// hints it is later run with; the committed model is trained without any.
/// </summary>
internal interface INameHints
{
    int KnownNameLength(ReadOnlySpan<string> words, int start);
}

/// <summary>
/// Named entities as BIO tags over PERSON, ORG, LOC, NORP and MISC (GPE and FACILITY when the training
/// data has them), greedy left to right with an averaged perceptron. Features: the word, its lower case,
/// shape, prefixes and suffixes, part-of-speech tags of the token and its neighbours, neighbouring words
/// and shapes, the two previous predicted tags, sentence-initial position and an optional gazetteer hint.
/// Decoding never puts I-X after anything but B-X or I-X. Thread-safe.
/// </summary>
internal sealed class EntityRecognizer
{
    public const string Kind = "ner";

    /// <summary>Bump when <see cref="Extract"/> changes: old models then fail to load instead of tagging badly.</summary>
    public const int FeatureVersion = 1;

    /// <summary>Training passes of the committed model (fewer than the tagger's: the entity data is noisier).</summary>
    public const int DefaultIterations = 5;

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly bool[] _transitions;

    public EntityRecognizer(PerceptronModel model)
    {
        if (model.Kind != Kind) throw new ModelLoadException($"a '{model.Kind}' model is not an entity model");
        if (model.FeatureVersion != FeatureVersion)
            throw new ModelLoadException($"the entity model uses features version {model.FeatureVersion}, this build version {FeatureVersion}; retrain it with 'crosscheck train ner'");
        Model = model;
        _transitions = Transitions(model.Classes);
    }

    public PerceptronModel Model { get; }

    /// <summary>The BIO tags of <paramref name="words"/>, given their part-of-speech tags.</summary>
    public string[] Tag(ReadOnlySpan<string> words, ReadOnlySpan<string> pos, INameHints? hints = null)
    {
        var tags = new string[words.Length];
        Tag(words, pos, tags, hints);
        return tags;
    }

    /// <summary>Writes a BIO tag per word into <paramref name="tags"/>; allocates nothing without hints.</summary>
    public void Tag(ReadOnlySpan<string> words, ReadOnlySpan<string> pos, Span<string> tags, INameHints? hints = null)
    {
        if (pos.Length != words.Length) throw new ArgumentException("one part-of-speech tag per word", nameof(pos));
        if (tags.Length < words.Length) throw new ArgumentException("one tag slot per word", nameof(tags));
        var scratch = t_scratch ??= new Scratch();
        scratch.Set(words, pos, hints);
        var history = scratch.History;
        var k = Model.Classes.Length;
        Span<ulong> features = stackalloc ulong[GreedyTrainer.MaxFeatures];
        Span<float> scores = stackalloc float[Model.Stride];
        var outside = Array.IndexOf(Model.Classes, "O");
        for (var i = 0; i < words.Length; i++)
        {
            var previous = i == 0 ? k : history[i - 1];
            // Outside a name, a word without a capital letter does not start one: tag it O unscored. This
            // skips most tokens; names that start in lower case ("al-Qaeda") are left to the gazetteers.
            if (outside >= 0 && (i == 0 || history[i - 1] == outside) && !HasUpper(words[i]))
            {
                history[i] = outside;
                tags[i] = Model.Classes[outside];
                continue;
            }
            var n = Extract(scratch, i, history[..i], features);
            Model.Score(features[..n], scores);
            history[i] = Model.Best(scores, _transitions.AsSpan(previous * k, k));
            tags[i] = Model.Classes[history[i]];
        }
    }

    private static bool HasUpper(string word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c)) return true;
        }
        return false;
    }

    /// <summary>The entities of a sentence: token ranges with their types.</summary>
    public List<EntitySpan> Recognize(ReadOnlySpan<string> words, ReadOnlySpan<string> pos, INameHints? hints = null) =>
        EntityLabels.Spans(Tag(words, pos, hints));

    /// <summary>
    /// Trains a recognizer on the sentences that have entity tags (others are skipped). Part-of-speech
    /// features come from <paramref name="tagger"/>, as they will when the model runs.
    /// </summary>
    public static EntityRecognizer Train(IReadOnlyList<TaggedSentence> sentences, PosTagger tagger, TrainingOptions options,
        IReadOnlyList<string> notes, INameHints? hints = null, Action<string>? progress = null)
    {
        var tagged = sentences.Where(s => s.Entities is not null).ToList();
        if (tagged.Count == 0) throw new ArgumentException("no sentences with entity tags", nameof(sentences));
        var classes = tagged.SelectMany(s => s.Entities!).Append("O").Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var gold = tagged.Select(s => s.Entities!.Select(t => index[t]).ToArray()).ToList();
        var pos = tagged.Select(s => tagger.Tag(s.Words)).ToList();
        var extractor = new TrainingFeatures(tagged, pos, hints);
        return new EntityRecognizer(GreedyTrainer.Train(Kind, FeatureVersion, classes, gold, extractor, Transitions(classes), options, notes, progress));
    }

    /// <summary>Which class may follow which: I-X only after B-X or I-X; the last row is the sentence start.</summary>
    private static bool[] Transitions(string[] classes)
    {
        var k = classes.Length;
        var allowed = new bool[(k + 1) * k];
        for (var p = 0; p <= k; p++)
        {
            for (var c = 0; c < k; c++)
            {
                var tag = classes[c];
                allowed[p * k + c] = !tag.StartsWith("I-", StringComparison.Ordinal)
                    || (p < k && classes[p].Length > 2 && classes[p][0] is 'B' or 'I' && classes[p].AsSpan(2).SequenceEqual(tag.AsSpan(2)));
            }
        }
        return allowed;
    }

    private const int Bias = 1, Word = 2, Lower = 3, Shape = 4, Suffix2 = 5, Suffix3 = 6, Suffix4 = 7, Prefix2 = 8, Prefix3 = 9,
        Pos = 10, PosBefore = 11, PosAfter = 12, PosPairBefore = 13, PosPairAfter = 14,
        WordBefore = 15, WordAfter = 16, WordTwoBefore = 17, WordTwoAfter = 18, ShapeBefore = 19, ShapeAfter = 20, ShapeTrigram = 21,
        BigramBefore = 22, BigramAfter = 23, Previous = 24, PreviousTwo = 25, PreviousAndWord = 26, PreviousAndShape = 27, PreviousAndPos = 28,
        FirstWord = 29, FirstShape = 30, PosAndShape = 31, KnownNameStart = 32, KnownNameStartShape = 33, KnownNameInside = 34;

    private static readonly ulong BiasAtom = FeatureHash.Number(-1);
    private static readonly ulong NoPos = FeatureHash.Text("\u0002<none>");

    private static int Extract(Scratch s, int i, ReadOnlySpan<int> history, Span<ulong> f)
    {
        var a = s.Atoms;
        var n = 0;
        var lower = a.Get(i, SentenceAtoms.Lower);
        var shape = a.Get(i, SentenceAtoms.Shape);
        var pos = s.Pos(i);
        var y1 = ClassAtoms.Before(history, i, 1);
        var y2 = ClassAtoms.Before(history, i, 2);
        f[n++] = FeatureHash.Feature(Bias, BiasAtom);
        f[n++] = FeatureHash.Feature(Word, a.Get(i, SentenceAtoms.Word));
        f[n++] = FeatureHash.Feature(Lower, lower);
        f[n++] = FeatureHash.Feature(Shape, shape);
        f[n++] = FeatureHash.Feature(Suffix2, a.Get(i, SentenceAtoms.Suffix2));
        f[n++] = FeatureHash.Feature(Suffix3, a.Get(i, SentenceAtoms.Suffix3));
        f[n++] = FeatureHash.Feature(Suffix4, a.Get(i, SentenceAtoms.Suffix4));
        f[n++] = FeatureHash.Feature(Prefix2, a.Get(i, SentenceAtoms.Prefix2));
        f[n++] = FeatureHash.Feature(Prefix3, a.Get(i, SentenceAtoms.Prefix3));
        f[n++] = FeatureHash.Feature(Pos, pos);
        f[n++] = FeatureHash.Feature(PosBefore, s.Pos(i - 1));
        f[n++] = FeatureHash.Feature(PosAfter, s.Pos(i + 1));
        f[n++] = FeatureHash.Feature(PosPairBefore, s.Pos(i - 1), pos);
        f[n++] = FeatureHash.Feature(PosPairAfter, pos, s.Pos(i + 1));
        f[n++] = FeatureHash.Feature(WordBefore, a.Get(i - 1, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(WordAfter, a.Get(i + 1, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(WordTwoBefore, a.Get(i - 2, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(WordTwoAfter, a.Get(i + 2, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(ShapeBefore, a.Get(i - 1, SentenceAtoms.Shape));
        f[n++] = FeatureHash.Feature(ShapeAfter, a.Get(i + 1, SentenceAtoms.Shape));
        f[n++] = FeatureHash.Feature(ShapeTrigram, a.Get(i - 1, SentenceAtoms.Shape), shape, a.Get(i + 1, SentenceAtoms.Shape));
        f[n++] = FeatureHash.Feature(BigramBefore, a.Get(i - 1, SentenceAtoms.Lower), lower);
        f[n++] = FeatureHash.Feature(BigramAfter, lower, a.Get(i + 1, SentenceAtoms.Lower));
        f[n++] = FeatureHash.Feature(Previous, y1);
        f[n++] = FeatureHash.Feature(PreviousTwo, y1, y2);
        f[n++] = FeatureHash.Feature(PreviousAndWord, y1, lower);
        f[n++] = FeatureHash.Feature(PreviousAndShape, y1, shape);
        f[n++] = FeatureHash.Feature(PreviousAndPos, y1, pos);
        f[n++] = FeatureHash.Feature(PosAndShape, pos, shape);
        if (i == 0)
        {
            // A capital at the start of a sentence says little; the word itself says more.
            f[n++] = FeatureHash.Feature(FirstWord, lower);
            f[n++] = FeatureHash.Feature(FirstShape, shape);
        }
        var known = s.KnownLength(i);
        if (known > 0)
        {
            var length = FeatureHash.Number(Math.Min(known, 4));
            f[n++] = FeatureHash.Feature(KnownNameStart, length);
            f[n++] = FeatureHash.Feature(KnownNameStartShape, length, shape);
        }
        else if (s.InsideKnown(i))
        {
            f[n++] = FeatureHash.Feature(KnownNameInside, BiasAtom);
        }
        return n;
    }

    /// <summary>One sentence's atoms, part-of-speech ids and gazetteer hints; one per thread.</summary>
    private sealed class Scratch
    {
        private ulong[] _pos = new ulong[64];
        private int[] _known = new int[64];
        private int[] _history = new int[64];
        private int _length;
        private bool _hasHints;

        public SentenceAtoms Atoms { get; } = new();

        public Span<int> History => _history.AsSpan(0, _length);

        public void Set(ReadOnlySpan<string> words, ReadOnlySpan<string> pos, INameHints? hints)
        {
            _length = words.Length;
            if (_pos.Length < words.Length)
            {
                _pos = new ulong[words.Length * 2];
                _known = new int[words.Length * 2];
                _history = new int[words.Length * 2];
            }
            Atoms.Set(words);
            for (var i = 0; i < pos.Length; i++) _pos[i] = PosAtoms.Of(pos[i]);
            _hasHints = hints is not null;
            if (hints is null) return;
            // _known[i]: the hint's length for a name starting at i, or minus the remaining length inside one.
            _known.AsSpan(0, words.Length).Clear();
            var inside = 0;
            for (var i = 0; i < words.Length; i++)
            {
                var length = Math.Min(hints.KnownNameLength(words, i), words.Length - i);
                if (length > 0) { _known[i] = length; inside = Math.Max(inside, length); }
                else if (inside > 0) _known[i] = -inside;
                if (inside > 0) inside--;
            }
        }

        public ulong Pos(int i) => i < 0 || i >= _length ? NoPos : _pos[i];

        public int KnownLength(int i) => _hasHints && _known[i] > 0 ? _known[i] : 0;

        public bool InsideKnown(int i) => _hasHints && _known[i] < 0;
    }

    /// <summary>Part-of-speech ids, computed once per tag string.</summary>
    private static class PosAtoms
    {
        private static readonly Dictionary<string, ulong> Known = TrainingCorpus.PennTags.ToDictionary(t => t, t => FeatureHash.Text(t), StringComparer.Ordinal);

        public static ulong Of(string tag) => Known.TryGetValue(tag, out var id) ? id : FeatureHash.Text(tag);
    }

    private sealed class TrainingFeatures(List<TaggedSentence> sentences, List<string[]> pos, INameHints? hints) : ISequenceFeatures
    {
        private readonly Scratch _scratch = new();

        public int Prepare(int sentence)
        {
            _scratch.Set(sentences[sentence].Words, pos[sentence], hints);
            return sentences[sentence].Words.Length;
        }

        public int Extract(int index, ReadOnlySpan<int> history, Span<ulong> features) => EntityRecognizer.Extract(_scratch, index, history, features);
    }
}
