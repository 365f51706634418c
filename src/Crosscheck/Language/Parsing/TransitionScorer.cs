using System.Runtime.InteropServices;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// The transition model's weights laid out for speed: each slot of an open-addressing table (one third full)
/// holds a feature id and its four transition weights, quantized to 16 bits against the model's largest weight, in
/// 16 bytes, so a feature costs one memory access. The table is kept sparse: a parse looks up about 90 features per
/// transition, a fifth of them unknown to the model, and at one third full a lookup seldom probes past its home slot
/// into another cache line, while an unknown feature's home slot is mostly empty (measured: parses 16 % faster than at
/// two thirds full, no faster at one quarter).
/// Scores are sums of the quantized weights, so they are exact and independent of the order of the features.
/// Read-only; thread-safe.
/// </summary>
internal sealed class TransitionScorer : ITransitionWeights
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key;
        public short W0, W1, W2, W3;
    }

    private const float Levels = 32_000f;

    private readonly Slot[] _slots;
    private readonly float _scale;

    public TransitionScorer(PerceptronModel model)
    {
        if (model.Classes.Length != ParseState.TransitionCount) throw new ArgumentException("four transitions", nameof(model));
        var max = 0f;
        for (var row = 0; row < model.FeatureCount; row++)
            foreach (var w in model.RowAt(row)) max = Math.Max(max, Math.Abs(w));
        _scale = max == 0 ? 1f : max / Levels;
        _slots = new Slot[Math.Max(16, model.FeatureCount * 3)];
        for (var row = 0; row < model.FeatureCount; row++)
        {
            var key = model.FeatureIdAt(row);
            if (key == 0) continue; // 0 marks an empty slot; a feature hashing to 0 is dropped (one in 2^64)
            var w = model.RowAt(row);
            var slot = SlotOf(key);
            while (_slots[slot].Key != 0) slot = Next(slot);
            _slots[slot] = new Slot { Key = key, W0 = Quantize(w[0]), W1 = Quantize(w[1]), W2 = Quantize(w[2]), W3 = Quantize(w[3]) };
        }
    }

    private short Quantize(float w) => (short)Math.Clamp(MathF.Round(w / _scale), -Levels, Levels);

    /// <summary>Sums the weights of the known features into <paramref name="scores"/> (four entries).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var slots = _slots;
        // Every feature's home slot is read before any is probed: these loads wait neither on each other nor on a branch,
        // so their cache misses overlap, and the probes below find the slots in cache.
        Span<ulong> home = features.Length <= ParserFeatures.MaxFeatures ? stackalloc ulong[features.Length] : new ulong[features.Length];
        for (var f = 0; f < features.Length; f++) home[f] = slots[SlotOf(features[f])].Key;
        for (var f = 0; f < features.Length; f++)
        {
            var key = features[f];
            if (home[f] == 0) continue;
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
                i = Next(i);
            }
        }
        scores[0] = s0 * _scale; scores[1] = s1 * _scale; scores[2] = s2 * _scale; scores[3] = s3 * _scale;
    }

    // Lemire's multiply-shift range reduction over the id's high bits (already well mixed), for a table of any size.
    private int SlotOf(ulong key) => (int)(((key >> 32) * (ulong)_slots.Length) >> 32);

    private int Next(int slot) => slot + 1 == _slots.Length ? 0 : slot + 1;
}
