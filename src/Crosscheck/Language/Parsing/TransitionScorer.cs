using System.Numerics;
using System.Runtime.InteropServices;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// The transition model's weights laid out for speed: each slot of an open-addressing table holds a feature id and
/// its four transition weights together, so a feature costs one memory access instead of two. Read-only; thread-safe.
/// </summary>
internal sealed class TransitionScorer
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key;
        public float W0, W1, W2, W3;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    public TransitionScorer(PerceptronModel model)
    {
        if (model.Classes.Length != ParseState.TransitionCount) throw new ArgumentException("four transitions", nameof(model));
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, model.FeatureCount + model.FeatureCount / 2));
        _slots = new Slot[size];
        _mask = size - 1;
        for (var row = 0; row < model.FeatureCount; row++)
        {
            var key = model.FeatureIdAt(row);
            if (key == 0) continue; // 0 marks an empty slot; a feature hashing to 0 is dropped (one in 2^64)
            var w = model.RowAt(row);
            var slot = SlotOf(key);
            while (_slots[slot].Key != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Key = key, W0 = w[0], W1 = w[1], W2 = w[2], W3 = w[3] };
        }
    }

    /// <summary>Sums the weights of the known features into <paramref name="scores"/> (four entries).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var slots = _slots;
        foreach (var key in features)
        {
            var i = SlotOf(key);
            while (true)
            {
                ref readonly var slot = ref slots[i];
                if (slot.Key == key)
                {
                    s0 += slot.W0; s1 += slot.W1; s2 += slot.W2; s3 += slot.W3;
                    break;
                }
                if (slot.Key == 0) break;
                i = (i + 1) & _mask;
            }
        }
        scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3;
    }

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
