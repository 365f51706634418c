namespace Crosscheck.Language.Parsing;

/// <summary>
/// Averaged-perceptron weights whose feature set grows during training: a feature gets a row the first time an update
/// touches it, so features that only appear in configurations reached by the trainer's own mistakes (exploration) are
/// learned too. Deterministic (rows are numbered in order of first update; the result is ordered by feature id).
/// Features updated fewer than a minimum number of times are dropped at the end, as are tiny averaged weights.
/// </summary>
internal sealed class GrowingWeights(int classes) : ITransitionWeights
{
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<ulong> _ids = [];
    private float[] _current = new float[1024 * classes];
    private double[] _totals = new double[1024 * classes];
    private int[] _stamps = new int[1024 * classes];
    private int[] _updates = new int[1024];
    private int _instances;

    public int Count => _ids.Count;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..classes].Clear();
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) continue;
            var w = _current.AsSpan(row * classes, classes);
            for (var c = 0; c < classes; c++) scores[c] += w[c];
        }
    }

    /// <summary>Counts one training instance and, when <paramref name="guess"/> is wrong, moves the weights towards <paramref name="truth"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        _instances++;
        if (truth == guess) return;
        foreach (var f in features)
        {
            var row = RowOf(f);
            _updates[row]++;
            Bump(row * classes + truth, 1);
            Bump(row * classes + guess, -1);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weights of <paramref name="features"/> for one class (a structured update's part).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (var f in features)
        {
            var row = RowOf(f);
            _updates[row]++;
            Bump(row * classes + cls, delta);
        }
    }

    /// <summary>Counts one training instance (a sentence, for structured training) for the averages.</summary>
    public void Tick() => _instances++;

    private int RowOf(ulong feature)
    {
        if (_rows.TryGetValue(feature, out var row)) return row;
        row = _ids.Count;
        _rows[feature] = row;
        _ids.Add(feature);
        if ((row + 1) * classes > _current.Length)
        {
            Array.Resize(ref _current, _current.Length * 2);
            Array.Resize(ref _totals, _totals.Length * 2);
            Array.Resize(ref _stamps, _stamps.Length * 2);
            Array.Resize(ref _updates, _updates.Length * 2);
        }
        return row;
    }

    private void Bump(int cell, float delta)
    {
        _totals[cell] += (double)(_instances - _stamps[cell]) * _current[cell];
        _stamps[cell] = _instances;
        _current[cell] += delta;
    }

    public (ulong[] Ids, float[] Weights) Averaged(int minUpdates, float pruneBelow)
    {
        var order = Enumerable.Range(0, _ids.Count).Where(r => _updates[r] >= minUpdates).OrderBy(r => _ids[r]);
        return Tagging.AveragedRows.Collect(order.Select(r => (r, _ids[r])), classes, _totals, _stamps, _current, _instances, pruneBelow);
    }
}
