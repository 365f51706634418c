using System.Numerics;
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
    private readonly int _mask;

    public SparseScorer(PerceptronModel model)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, model.FeatureCount * 2));
        _slots = new Slot[size];
        _mask = size - 1;
        var classes = new List<int>();
        var weights = new List<float>();
        for (var row = 0; row < model.FeatureCount; row++)
        {
            var key = model.FeatureIdAt(row);
            if (key == 0) continue; // 0 marks an empty slot
            var start = classes.Count;
            var w = model.RowAt(row);
            for (var c = 0; c < w.Length; c++)
            {
                if (w[c] == 0) continue;
                classes.Add(c);
                weights.Add(w[c]);
            }
            var slot = SlotOf(key);
            while (_slots[slot].Key != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Key = key, Start = start, Count = classes.Count - start };
        }
        _classes = [.. classes];
        _weights = [.. weights];
        Entries = _classes.Length;
    }

    /// <summary>The number of non-zero weights.</summary>
    public int Entries { get; }

    /// <summary>Writes the sum of the known features' weights into <paramref name="scores"/> (one entry per class).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
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
        for (var f = 0; f < features.Length; f++)
        {
            if (found[f] < 0) continue;
            ref readonly var slot = ref slots[found[f]];
            var end = slot.Start + slot.Count;
            for (var k = slot.Start; k < end; k++) scores[_classes[k]] += _weights[k];
        }
    }

    private const int MaxStackSlots = 128;

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
