using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// A greedy arc-eager dependency parser: an averaged perceptron chooses each transition, a second one the Universal
/// Dependencies relation of each arc as it is made. Linear in the sentence length; sentences longer than
/// <see cref="MaxLength"/> are parsed in pieces whose roots hang from the first piece's root. Thread-safe.
/// </summary>
internal sealed partial class DependencyParser
{
    public const string TransitionKind = "parser-transitions";
    public const string LabelKind = "parser-labels";

    /// <summary>Bump when <see cref="ParserFeatures"/> changes: old models then fail to load instead of parsing badly.</summary>
    public const int FeatureVersion = 4;

    public const int MaxLength = 250;
    public const string RootRelation = "root";

    /// <summary>The relation of an extra root (a piece of a cut sentence, a second clause left without a head).</summary>
    public const string ExtraRootRelation = "parataxis";

    public const int MaxBeam = 64;

    [ThreadStatic] private static Scratch? t_scratch;
    [ThreadStatic] private static BeamSearch? t_beam;

    private readonly TransitionScorer _transitionScorer;
    private readonly SparseScorer _labelScorer;
    private readonly Lazy<PosTagger>? _tagger;

    public DependencyParser(PerceptronModel transitions, PerceptronModel labels, PosTagger? tagger = null, WordClusters? clusters = null, int beam = 1)
        : this(transitions, labels, tagger is null ? null : new Lazy<PosTagger>(tagger), clusters, beam)
    {
    }

    /// <summary>
    /// A parser whose own tagger is read on first use: analysis parses from the pipeline's tags, so the tagger's weights
    /// are then never loaded.
    /// </summary>
    private DependencyParser(PerceptronModel transitions, PerceptronModel labels, Lazy<PosTagger>? tagger, WordClusters? clusters, int beam)
    {
        if (beam is < 1 or > MaxBeam) throw new ModelLoadException($"the parser model's beam is {beam}, not 1 to {MaxBeam}");
        Beam = beam;
        if (transitions.Kind != TransitionKind || labels.Kind != LabelKind) throw new ModelLoadException("not a dependency parser model");
        if (transitions.FeatureVersion != FeatureVersion || labels.FeatureVersion != FeatureVersion)
            throw new ModelLoadException($"the parser model uses features version {transitions.FeatureVersion}, this build version {FeatureVersion}; retrain it with 'crosscheck train parser'");
        if (transitions.Classes.Length != ParseState.TransitionCount) throw new ModelLoadException("the parser model has the wrong transitions");
        Transitions = transitions;
        Labels = labels;
        _tagger = tagger;
        Clusters = clusters;
        _transitionScorer = new TransitionScorer(transitions);
        _labelScorer = new SparseScorer(labels);
        RootLabel = labels.Classes.Length;
    }

    public PerceptronModel Transitions { get; }

    /// <summary>How many partial parses the parser keeps (1: greedy); the model was trained for this width.</summary>
    public int Beam { get; }
    public PerceptronModel Labels { get; }

    /// <summary>
    /// The parser's own part-of-speech tagger, trained on the treebank's tags (in Penn spelling), whose tags the parser
    /// learned from; null when the parser learned from the tags it is given (then <see cref="Parse"/> uses those).
    /// </summary>
    public PosTagger? Tagger => _tagger?.Value;

    /// <summary>The word classes the parser's features use (learned from unlabelled text); null when it has none.</summary>
    public WordClusters? Clusters { get; }

    /// <summary>The label index of the root relation (one past the label model's classes).</summary>
    public int RootLabel { get; }

    public string[] Notes => Transitions.Notes;

    public string RelationName(int label) => label == RootLabel ? RootRelation : label >= 0 && label < Labels.Classes.Length ? Labels.Classes[label] : "dep";

    /// <summary>
    /// Parses one sentence: <paramref name="heads"/> gets each word's head (an index into the sentence, -1 for the root)
    /// and <paramref name="relations"/> its relation. Allocates nothing once the thread's buffers are large enough.
    /// </summary>
    public void Parse(ReadOnlySpan<string> words, ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        if (tags.Length < words.Length || heads.Length < words.Length || relations.Length < words.Length)
            throw new ArgumentException("one tag, head and relation slot per word");
        if (Tagger is { } tagger)
        {
            var scratch = t_scratch ??= new Scratch();
            var own = scratch.Tags(words.Length);
            tagger.Tag(words, own);
            tags = own;
        }
        ParseWithTags(words, tags, heads, relations);
    }

    /// <summary>As <see cref="Parse"/> with the tags the parser works from already chosen (see <see cref="TagsUsed"/>).</summary>
    public void ParseWithTags(ReadOnlySpan<string> words, ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        if (tags.Length < words.Length || heads.Length < words.Length || relations.Length < words.Length)
            throw new ArgumentException("one tag, head and relation slot per word");
        var firstRoot = -1;
        for (var start = 0; start < words.Length; start += MaxLength)
        {
            var length = Math.Min(MaxLength, words.Length - start);
            var root = ParsePiece(words.Slice(start, length), tags.Slice(start, length), heads.Slice(start, length), relations.Slice(start, length));
            for (var i = start; i < start + length; i++) if (heads[i] >= 0) heads[i] += start;
            root += start;
            if (firstRoot < 0) firstRoot = root;
            else
            {
                heads[root] = firstRoot;
                relations[root] = ExtraRootRelation;
            }
        }
    }

    /// <summary>The tags <see cref="Parse"/> works from: its own tagger's when it has one, else <paramref name="given"/>.</summary>
    public void TagsUsed(ReadOnlySpan<string> words, ReadOnlySpan<string> given, Span<string> tags)
    {
        if (Tagger is { } tagger) tagger.Tag(words, tags);
        else given[..words.Length].CopyTo(tags);
    }

    /// <summary>Parses a piece of at most <see cref="MaxLength"/> words; returns its root.</summary>
    private int ParsePiece(ReadOnlySpan<string> words, ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        var scratch = t_scratch ??= new Scratch();
        var state = scratch.State;
        var n = words.Length;
        scratch.Atoms.Set(words, tags, Clusters);
        state.Reset(n);
        Span<ulong> features = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[Transitions.Stride];
        Span<float> labelScores = stackalloc float[Labels.Stride];
        if (Beam > 1)
        {
            var search = t_beam is { } existing && existing.Width == Beam ? existing : t_beam = new BeamSearch(Beam);
            state = search.Decode(scratch.Atoms, n, _transitionScorer, scratch.LabelChooser(this));
        }
        while (!state.IsTerminal)
        {
            var best = OnlyValid(state);
            if (best < 0)
            {
                var count = ParserFeatures.Transition(scratch.Atoms, state, features);
                _transitionScorer.Score(features[..count], scores);
                best = BestValid(state, scores);
            }
            var label = -1;
            if (best is ParseState.LeftArc or ParseState.RightArc)
            {
                var (h, d) = state.ArcOf(best);
                label = h == n ? RootLabel : BestLabel(scratch.Atoms, state, h, d, features, labelScores);
            }
            state.Apply(best, label);
        }
        var root = -1;
        for (var i = 0; i < n; i++)
        {
            var h = state.Head[i];
            if (h == n || h < 0)
            {
                if (root < 0)
                {
                    root = i;
                    heads[i] = -1;
                    relations[i] = RootRelation;
                    continue;
                }
                heads[i] = root;
                relations[i] = ExtraRootRelation;
                continue;
            }
            heads[i] = h;
            relations[i] = RelationName(state.Label[i]);
        }
        CoreArgumentRepair.Apply(tags, heads, relations);
        TimeNounRepair.Apply(words, tags, heads, relations);
        ReducedRelativeRepair.Apply(tags, heads, relations);
        // A repair may hand the root to another word ("the people killed were fishermen": "fishermen").
        if (root >= 0 && heads[root] >= 0) root = heads.IndexOf(-1);
        return root;
    }

    internal int BestLabel(ParserAtoms atoms, ParseState state, int h, int d, Span<ulong> features, Span<float> scores)
    {
        var count = ParserFeatures.Label(atoms, state, h, d, features);
        _labelScorer.Score(features[..count], scores[..Labels.Stride]);
        return Labels.Best(scores, default);
    }

    /// <summary>The one valid transition when there is only one (an empty stack, or every word shifted), else -1.</summary>
    internal static int OnlyValid(ParseState state)
    {
        if (state.Depth == 0) return ParseState.Shift;
        if (state.Front == state.N) return state.Head[state.S0] >= 0 ? ParseState.Reduce : ParseState.LeftArc;
        return -1;
    }

    /// <summary>The valid transition with the highest score; ties go to the lower transition number.</summary>
    internal static int BestValid(ParseState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        for (var t = 0; t < ParseState.TransitionCount; t++)
        {
            if (!state.IsValid(t)) continue;
            if (best < 0 || scores[t] > scores[best]) best = t;
        }
        return best;
    }

    private sealed class Scratch
    {
        public ParserAtoms Atoms { get; } = new();
        public ParseState State { get; } = new();
        private string[] _tags = new string[64];
        private readonly float[] _labelScores = new float[256];
        private readonly ulong[] _labelFeatures = new ulong[ParserFeatures.MaxFeatures];
        private DependencyParser? _labelParser;
        private BeamSearch.LabelChooser? _chooser;

        /// <summary>The parser's relation choice for a beam (one delegate per thread and parser, so parsing allocates nothing).</summary>
        public BeamSearch.LabelChooser LabelChooser(DependencyParser parser)
        {
            if (_chooser is null || !ReferenceEquals(parser, _labelParser))
            {
                _labelParser = parser;
                _chooser = (atoms, state, h, d) => h == state.N ? parser.RootLabel : parser.BestLabel(atoms, state, h, d, _labelFeatures, _labelScores);
            }
            return _chooser;
        }

        public Span<string> Tags(int length)
        {
            if (_tags.Length < length) _tags = new string[length * 2];
            return _tags.AsSpan(0, length);
        }
    }
}
