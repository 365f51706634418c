using System.Numerics;

namespace Crosscheck.Language.Tagging;

/// <summary>
/// Feature id to weight-row lookup: open addressing with linear probing over a power-of-two table kept at
/// most half full. Faster than <see cref="Dictionary{TKey,TValue}"/> for the tens of lookups each token makes.
/// Built once, then read-only and safe to share between threads.
/// </summary>
internal sealed class FeatureTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows; // row + 1; 0 marks an empty slot
    private readonly int _mask;

    public FeatureTable(ReadOnlySpan<ulong> keys)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _keys = LargeTables.Zeroed<ulong>(size);
        _rows = LargeTables.Zeroed<int>(size);
        _mask = size - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var slot = Slot(keys[row]);
            while (_rows[slot] != 0)
            {
                if (_keys[slot] == keys[row]) throw new ArgumentException("duplicate feature id", nameof(keys));
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = keys[row];
            _rows[slot] = row + 1;
        }
        Count = keys.Length;
    }

    public int Count { get; }

    /// <summary>The row of the feature, or -1 when the model does not know it.</summary>
    public int Find(ulong key)
    {
        var slot = Slot(key);
        while (true)
        {
            var row = _rows[slot];
            if (row == 0) return -1;
            if (_keys[slot] == key) return row - 1;
            slot = (slot + 1) & _mask;
        }
    }

    // FNV's low bits are weak on their own; a multiply-shift spreads the high bits into the slot index.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
