namespace Crosscheck.Language.Parsing;

/// <summary>Sums the transition weights of a configuration's features (the parse-time table or the trainer's growing weights).</summary>
internal interface ITransitionWeights
{
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);
}

/// <summary>
/// Beam search over arc-eager transitions (Zhang and Clark 2008; Zhang and Nivre 2011): the <see cref="Width"/> best
/// partial parses by the sum of their transitions' scores are kept at each step (every parse of n words takes 2n
/// transitions, so all end together). Each arc's relation is chosen when it is made, as by the greedy parser. For
/// training, each partial parse also knows whether it has lost a gold arc yet (Goldberg and Nivre 2012's costs), and
/// the search stops when no parse that is still right is in the beam (early update; Collins and Roark 2004).
/// Ties go to the earlier parse, then the lower transition, so the result is deterministic. Not thread-safe.
/// </summary>
internal sealed class BeamSearch
{
    public delegate int LabelChooser(ParserAtoms atoms, ParseState state, int head, int dependent);

    private struct Candidate
    {
        public int Item, Transition;
        public double Score;
        public bool Right;
    }

    private ParseState[] _beam, _next;
    private double[] _scores, _nextScores;
    private bool[] _right, _nextRight;
    private int[] _nodes, _nextNodes;
    private readonly Candidate[] _candidates;
    private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];
    private readonly float[] _transitionScores = new float[ParseState.TransitionCount];

    // The history: one node per transition taken by a parse in the beam (parent node, transition, label).
    private int[] _parent = new int[1024];
    private int[] _transition = new int[1024];
    private int[] _label = new int[1024];
    private int _nodeCount;

    public BeamSearch(int width)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width));
        Width = width;
        _beam = [.. Enumerable.Range(0, width).Select(_ => new ParseState())];
        _next = [.. Enumerable.Range(0, width).Select(_ => new ParseState())];
        _scores = new double[width];
        _nextScores = new double[width];
        _right = new bool[width];
        _nextRight = new bool[width];
        _nodes = new int[width];
        _nextNodes = new int[width];
        _candidates = new Candidate[width * ParseState.TransitionCount];
    }

    public int Width { get; }

    /// <summary>The best parse of the sentence in <paramref name="atoms"/> (n words); valid until the next search.</summary>
    public ParseState Decode(ParserAtoms atoms, int n, ITransitionWeights weights, LabelChooser label)
    {
        Search(atoms, n, weights, label, default, out _);
        return _beam[0];
    }

    /// <summary>
    /// Searches as <see cref="Decode"/> while following which parses are still right against <paramref name="gold"/> (each
    /// word's head, n for the root), and returns the two history nodes to update the weights with (Predicted -1 when
    /// there is nothing to correct) and the node of a whole right parse for the relations (-1 when there is none).
    /// Early update: when no right parse stays in the beam the search stops there, with the first candidate and the best
    /// right candidate of that step. Max-violation (Huang, Fayong and Guo 2012): the search goes on to the end, the right
    /// parse continued outside the beam by its best right transitions, and the step where the first parse's score
    /// exceeds the right one's the most is returned.
    /// </summary>
    public (int Predicted, int Right, int WholeRight) Train(ParserAtoms atoms, int n, ITransitionWeights weights, LabelChooser label, ReadOnlySpan<int> gold)
    {
        var stopped = Search(atoms, n, weights, label, gold, out var right);
        if (MaxViolation) return (_violationTop, _violationRight, _goldNode);
        if (stopped >= 0) return (stopped, right, right);
        for (var i = 0; i < _beamSize; i++)
            if (_right[i]) return (i == 0 ? -1 : _nodes[0], _nodes[i], _nodes[i]);
        return (-1, -1, -1);
    }

    /// <summary>Train with max-violation updates instead of early ones.</summary>
    public bool MaxViolation { get; init; }

    // Max-violation's right parse (continued outside the beam once none is inside) and the worst step so far.
    private readonly ParseState _gold = new();
    private bool _goldOutside;
    private double _goldScore;
    private int _goldNode;
    private double _violation;
    private int _violationTop, _violationRight;

    private int _beamSize;

    /// <summary>Runs the search; in training, returns the node of the first candidate where it stopped early (else -1).</summary>
    private int Search(ParserAtoms atoms, int n, ITransitionWeights weights, LabelChooser label, ReadOnlySpan<int> gold, out int right)
    {
        var training = !gold.IsEmpty;
        right = -1;
        _nodeCount = 0;
        _beam[0].Reset(n);
        _scores[0] = 0;
        _right[0] = true;
        _nodes[0] = -1;
        _beamSize = 1;
        _goldOutside = false;
        _goldScore = 0;
        _goldNode = -1;
        _violation = 0;
        _violationTop = _violationRight = -1;
        while (!_beam[0].IsTerminal)
        {
            var count = 0;
            for (var i = 0; i < _beamSize; i++)
            {
                var state = _beam[i];
                var only = DependencyParser.OnlyValid(state);
                if (only >= 0)
                {
                    Insert(ref count, new Candidate { Item = i, Transition = only, Score = _scores[i], Right = _right[i] && (!training || state.Cost(only, gold) == 0) });
                    continue;
                }
                var m = ParserFeatures.Transition(atoms, state, _features);
                weights.Score(_features.AsSpan(0, m), _transitionScores);
                for (var t = 0; t < ParseState.TransitionCount; t++)
                {
                    if (!state.IsValid(t)) continue;
                    Insert(ref count, new Candidate { Item = i, Transition = t, Score = _scores[i] + _transitionScores[t], Right = _right[i] && (!training || state.Cost(t, gold) == 0) });
                }
            }
            var kept = Math.Min(count, Width);
            if (training && MaxViolation) FollowGold(atoms, weights, label, gold, count, kept);
            else if (training)
            {
                var anyRight = false;
                for (var c = 0; c < kept && !anyRight; c++) anyRight = _candidates[c].Right;
                if (!anyRight)
                {
                    var best = -1;
                    for (var c = kept; c < count && best < 0; c++) if (_candidates[c].Right) best = c;
                    if (best >= 0)
                    {
                        right = AddNode(_nodes[_candidates[best].Item], _candidates[best].Transition, -1);
                        return AddNode(_nodes[_candidates[0].Item], _candidates[0].Transition, -1);
                    }
                }
            }
            for (var c = 0; c < kept; c++)
            {
                var candidate = _candidates[c];
                var target = _next[c];
                target.CopyFrom(_beam[candidate.Item]);
                var arcLabel = -1;
                var (h, d) = target.ArcOf(candidate.Transition);
                if (d >= 0) arcLabel = label(atoms, target, h, d);
                target.Apply(candidate.Transition, arcLabel);
                _nextScores[c] = candidate.Score;
                _nextRight[c] = candidate.Right;
                _nextNodes[c] = training ? AddNode(_nodes[candidate.Item], candidate.Transition, arcLabel) : -1;
            }
            (_beam, _next) = (_next, _beam);
            (_scores, _nextScores) = (_nextScores, _scores);
            (_right, _nextRight) = (_nextRight, _right);
            (_nodes, _nextNodes) = (_nextNodes, _nodes);
            _beamSize = kept;
            if (training && MaxViolation)
            {
                if (!_goldOutside)
                    for (var i = 0; i < _beamSize; i++)
                        if (_right[i])
                        {
                            _goldNode = _nodes[i];
                            _goldScore = _scores[i];
                            break;
                        }
                // A wrong first parse scoring at least the right one's is a violation (ties count: all weights start at 0).
                if (!_right[0] && _scores[0] - _goldScore >= 0 && (_violationTop < 0 || _scores[0] - _goldScore > _violation))
                {
                    _violation = _scores[0] - _goldScore;
                    _violationTop = _nodes[0];
                    _violationRight = _goldNode;
                }
            }
        }
        return -1;
    }

    /// <summary>
    /// Max-violation's right parse: inside the beam it is the best right parse kept (read after the step); when the last
    /// right parses fall out, the best right candidate is continued outside, each step by its best right transition.
    /// </summary>
    private void FollowGold(ParserAtoms atoms, ITransitionWeights weights, LabelChooser label, ReadOnlySpan<int> gold, int count, int kept)
    {
        if (!_goldOutside)
        {
            for (var c = 0; c < kept; c++) if (_candidates[c].Right) return;
            var best = -1;
            for (var c = kept; c < count && best < 0; c++) if (_candidates[c].Right) best = c;
            if (best < 0) return;
            _goldOutside = true;
            _gold.CopyFrom(_beam[_candidates[best].Item]);
            _goldNode = _nodes[_candidates[best].Item];
            AdvanceGold(atoms, label, _candidates[best].Transition, _candidates[best].Score);
            return;
        }
        var transition = DependencyParser.OnlyValid(_gold);
        var score = _goldScore;
        if (transition < 0)
        {
            var m = ParserFeatures.Transition(atoms, _gold, _features);
            weights.Score(_features.AsSpan(0, m), _transitionScores);
            for (var t = 0; t < ParseState.TransitionCount; t++)
                if (_gold.IsValid(t) && _gold.Cost(t, gold) == 0 && (transition < 0 || _transitionScores[t] > _transitionScores[transition])) transition = t;
            if (transition < 0) return; // not for a projective tree
            score += _transitionScores[transition];
        }
        AdvanceGold(atoms, label, transition, score);
    }

    private void AdvanceGold(ParserAtoms atoms, LabelChooser label, int transition, double score)
    {
        var arcLabel = -1;
        var (h, d) = _gold.ArcOf(transition);
        if (d >= 0) arcLabel = label(atoms, _gold, h, d);
        _gold.Apply(transition, arcLabel);
        _goldScore = score;
        _goldNode = AddNode(_goldNode, transition, arcLabel);
    }

    /// <summary>Inserts a candidate in score order (stable: an equal score goes after those already there).</summary>
    private void Insert(ref int count, Candidate candidate)
    {
        var at = count++;
        while (at > 0 && _candidates[at - 1].Score < candidate.Score)
        {
            _candidates[at] = _candidates[at - 1];
            at--;
        }
        _candidates[at] = candidate;
    }

    private int AddNode(int parent, int transition, int label)
    {
        if (_nodeCount == _parent.Length)
        {
            Array.Resize(ref _parent, _nodeCount * 2);
            Array.Resize(ref _transition, _nodeCount * 2);
            Array.Resize(ref _label, _nodeCount * 2);
        }
        _parent[_nodeCount] = parent;
        _transition[_nodeCount] = transition;
        _label[_nodeCount] = label;
        return _nodeCount++;
    }

    /// <summary>The transitions and labels from the start to <paramref name="node"/>, in order.</summary>
    public List<(int Node, int Transition, int Label)> History(int node)
    {
        var path = new List<(int, int, int)>();
        for (var k = node; k >= 0; k = _parent[k]) path.Add((k, _transition[k], _label[k]));
        path.Reverse();
        return path;
    }
}
