using System.Numerics;
using System.Runtime.InteropServices;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// A model's weights kept sparse for scoring: most label features carry weight for a few relations only, so each
/// feature's slot points at its non-zero (class, weight) pairs, laid out one feature after another. Far less memory
/// to touch than dense rows of every class. Read-only; thread-safe.
/// </summary>
internal sealed class SparseScorer
{
    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int Count;
    }

    private readonly Slot[] _slots;
    private readonly int[] _classes;
    private readonly float[] _weights;
    /// <summary>
    /// The rows of features with many non-zero weights, whole (one weight per class, then zeros up to the model's
    /// <see cref="PerceptronModel.Stride"/>), added a vector at a time with no odd classes left over.
    /// </summary>
    private readonly float[] _dense;
    private readonly int _stride;
    private readonly int _mask;

    /// <summary>A feature with at least this many non-zero weights keeps its whole row: fewer instructions than as many scattered adds.</summary>
    private const int DenseFrom = 8;

    public SparseScorer(PerceptronModel model)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, model.FeatureCount * 2));
        _slots = new Slot[size];
        _mask = size - 1;
        var classes = new List<int>();
        var weights = new List<float>();
        var dense = new List<float>();
        var entries = 0;
        _stride = model.Stride;
        for (var row = 0; row < model.FeatureCount; row++)
        {
            var key = model.FeatureIdAt(row);
            if (key == 0) continue; // 0 marks an empty slot
            var start = classes.Count;
            var w = model.RowAt(row);
            var slot = SlotOf(key);
            while (_slots[slot].Key != 0) slot = (slot + 1) & _mask;
            var nonZero = 0;
            foreach (var x in w) if (x != 0) nonZero++;
            entries += nonZero;
            if (nonZero >= DenseFrom)
            {
                // A whole row is marked by a negative count; its start indexes the dense rows.
                _slots[slot] = new Slot { Key = key, Start = dense.Count, Count = -1 };
                dense.AddRange(w);
                for (var pad = w.Length; pad < _stride; pad++) dense.Add(0);
                continue;
            }
            for (var c = 0; c < w.Length; c++)
            {
                if (w[c] == 0) continue;
                classes.Add(c);
                weights.Add(w[c]);
            }
            _slots[slot] = new Slot { Key = key, Start = start, Count = classes.Count - start };
        }
        _classes = [.. classes];
        _weights = [.. weights];
        _dense = [.. dense];
        Entries = entries;
    }

    /// <summary>The number of non-zero weights.</summary>
    public int Entries { get; }

    /// <summary>
    /// Writes the sum of the known features' weights into <paramref name="scores"/> (one entry per class; its length is
    /// the model's <see cref="PerceptronModel.Stride"/>, the entries past the classes stay zero).
    /// </summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length != _stride) throw new ArgumentException("one score per class, up to the model's stride", nameof(scores));
        scores.Clear();
        var slots = _slots;
        // Every slot is found before any weight is added: the lookups do not wait on each other, so their cache misses
        // overlap (as in the taggers' PerceptronModel). The weights are still added in feature order.
        Span<int> found = features.Length <= MaxStackSlots ? stackalloc int[features.Length] : new int[features.Length];
        for (var f = 0; f < features.Length; f++)
        {
            var key = features[f];
            var i = SlotOf(key);
            found[f] = -1;
            while (true)
            {
                ref readonly var slot = ref slots[i];
                if (slot.Key == key) { found[f] = i; break; }
                if (slot.Key == 0) break;
                i = (i + 1) & _mask;
            }
        }
        // Zero weights added along a whole row change no sum, so each class's sum is the same as with the sparse pairs
        // alone: the same weights, added in the same (feature) order.
        for (var f = 0; f < features.Length; f++)
        {
            if (found[f] < 0) continue;
            ref readonly var slot = ref slots[found[f]];
            if (slot.Count < 0)
            {
                AddRow(_dense.AsSpan(slot.Start, _stride), scores);
                continue;
            }
            var end = slot.Start + slot.Count;
            for (var k = slot.Start; k < end; k++) scores[_classes[k]] += _weights[k];
        }
    }

    private const int MaxStackSlots = 128;

    /// <summary>Adds a whole row (a whole number of vectors long) to the scores.</summary>
    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(scores);
        var w = MemoryMarshal.Cast<float, Vector<float>>(row);
        for (var j = 0; j < sums.Length; j++) sums[j] += w[j];
    }

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
