namespace Crosscheck.Language.Parsing;

/// <summary>
/// A configuration of the arc-eager transition system (Nivre 2003) with the artificial root at the end of the buffer
/// (Ballesteros and Nivre 2013): the words are 0..N-1 and N is the root. Keeps each word's head, label, two leftmost and
/// two rightmost children, valencies and label sets, so features are read in constant time. Reused between sentences.
/// </summary>
internal sealed class ParseState
{
    public const int Shift = 0, Reduce = 1, LeftArc = 2, RightArc = 3, TransitionCount = 4;

    private int[] _stack = [];
    private bool[] _inStack = [];

    public int N { get; private set; }
    public int Depth { get; private set; }

    /// <summary>The first word of the buffer (N, the root, once every word has been shifted).</summary>
    public int Front { get; private set; }

    public int[] Head { get; private set; } = [];
    public int[] Label { get; private set; } = [];
    public int[] Left1 { get; private set; } = [];
    public int[] Left2 { get; private set; } = [];
    public int[] Right1 { get; private set; } = [];
    public int[] Right2 { get; private set; } = [];
    public int[] LeftCount { get; private set; } = [];
    public int[] RightCount { get; private set; } = [];
    public ulong[] LeftLabels { get; private set; } = [];
    public ulong[] RightLabels { get; private set; } = [];

    public void Reset(int n)
    {
        if (Head.Length < n + 1)
        {
            var size = Math.Max(64, (n + 1) * 2);
            _stack = new int[size];
            _inStack = new bool[size];
            Head = new int[size];
            Label = new int[size];
            Left1 = new int[size];
            Left2 = new int[size];
            Right1 = new int[size];
            Right2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }
        N = n;
        Depth = 0;
        Front = 0;
        var count = n + 1;
        Head.AsSpan(0, count).Fill(-1);
        Label.AsSpan(0, count).Fill(-1);
        Left1.AsSpan(0, count).Fill(-1);
        Left2.AsSpan(0, count).Fill(-1);
        Right1.AsSpan(0, count).Fill(-1);
        Right2.AsSpan(0, count).Fill(-1);
        LeftCount.AsSpan(0, count).Clear();
        RightCount.AsSpan(0, count).Clear();
        LeftLabels.AsSpan(0, count).Clear();
        RightLabels.AsSpan(0, count).Clear();
        _inStack.AsSpan(0, count).Clear();
    }

    /// <summary>Makes this configuration a copy of <paramref name="other"/> (for a beam; the arrays are reused).</summary>
    public void CopyFrom(ParseState other)
    {
        if (Head.Length < other.N + 1) Reset(other.N);
        N = other.N;
        Depth = other.Depth;
        Front = other.Front;
        var count = N + 1;
        other._stack.AsSpan(0, Depth).CopyTo(_stack);
        other._inStack.AsSpan(0, count).CopyTo(_inStack);
        other.Head.AsSpan(0, count).CopyTo(Head);
        other.Label.AsSpan(0, count).CopyTo(Label);
        other.Left1.AsSpan(0, count).CopyTo(Left1);
        other.Left2.AsSpan(0, count).CopyTo(Left2);
        other.Right1.AsSpan(0, count).CopyTo(Right1);
        other.Right2.AsSpan(0, count).CopyTo(Right2);
        other.LeftCount.AsSpan(0, count).CopyTo(LeftCount);
        other.RightCount.AsSpan(0, count).CopyTo(RightCount);
        other.LeftLabels.AsSpan(0, count).CopyTo(LeftLabels);
        other.RightLabels.AsSpan(0, count).CopyTo(RightLabels);
    }

    public int S0 => Depth > 0 ? _stack[Depth - 1] : -1;
    public int S1 => Depth > 1 ? _stack[Depth - 2] : -1;
    public int StackAt(int i) => _stack[i];
    public bool IsTerminal => Depth == 0 && Front == N;

    public bool IsValid(int transition) => transition switch
    {
        Shift => Front < N,
        RightArc => Depth > 0 && Front < N,
        LeftArc => Depth > 0 && Head[_stack[Depth - 1]] < 0,
        Reduce => Depth > 0 && Head[_stack[Depth - 1]] >= 0,
        _ => false,
    };

    /// <summary>The head and dependent of the arc <paramref name="transition"/> would add (both -1 for shift and reduce).</summary>
    public (int Head, int Dependent) ArcOf(int transition) => transition switch
    {
        LeftArc => (Front, S0),
        RightArc => (S0, Front),
        _ => (-1, -1),
    };

    public void Apply(int transition, int label)
    {
        switch (transition)
        {
            case Shift:
                Push(Front++);
                break;
            case Reduce:
                Pop();
                break;
            case LeftArc:
            {
                var d = Pop();
                var h = Front;
                Attach(h, d, label);
                Left2[h] = Left1[h];
                Left1[h] = d;
                LeftCount[h]++;
                LeftLabels[h] |= Bit(label);
                break;
            }
            case RightArc:
            {
                var h = S0;
                var d = Front++;
                Attach(h, d, label);
                Right2[h] = Right1[h];
                Right1[h] = d;
                RightCount[h]++;
                RightLabels[h] |= Bit(label);
                Push(d);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(transition));
        }
    }

    /// <summary>
    /// The number of gold arcs <paramref name="transition"/> makes unreachable (Goldberg and Nivre 2012's dynamic oracle for
    /// arc-eager, exact for projective trees). <paramref name="gold"/> holds each word's gold head, N for the root.
    /// </summary>
    public int Cost(int transition, ReadOnlySpan<int> gold)
    {
        var cost = 0;
        switch (transition)
        {
            case LeftArc:
            {
                var s = S0;
                for (var k = Front; k < N; k++) if (gold[k] == s) cost++;
                if (gold[s] > Front) cost++;
                break;
            }
            case Reduce:
            {
                var s = S0;
                for (var k = Front; k < N; k++) if (gold[k] == s) cost++;
                break;
            }
            case RightArc:
            {
                var b = Front;
                var g = gold[b];
                if (g != S0 && (g > b || _inStack[g])) cost++;
                cost += HeadlessDependentsInStack(b, gold);
                break;
            }
            case Shift:
            {
                var b = Front;
                if (_inStack[gold[b]]) cost++;
                cost += HeadlessDependentsInStack(b, gold);
                break;
            }
        }
        return cost;
    }

    private int HeadlessDependentsInStack(int b, ReadOnlySpan<int> gold)
    {
        var count = 0;
        for (var i = 0; i < Depth; i++)
        {
            var k = _stack[i];
            if (gold[k] == b && Head[k] < 0) count++;
        }
        return count;
    }

    private static ulong Bit(int label) => label < 0 ? 0 : 1UL << (label & 63);

    private void Attach(int h, int d, int label)
    {
        Head[d] = h;
        Label[d] = label;
    }

    private void Push(int i)
    {
        _stack[Depth++] = i;
        _inStack[i] = true;
    }

    private int Pop()
    {
        var i = _stack[--Depth];
        _inStack[i] = false;
        return i;
    }
}
