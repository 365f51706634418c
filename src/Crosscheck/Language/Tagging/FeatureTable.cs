using System.Numerics;

namespace Crosscheck.Language.Tagging;

/// <summary>
/// Feature id to weight-row lookup: open addressing with linear probing over a power-of-two table kept at
/// most half full. Faster than <see cref="Dictionary{TKey,TValue}"/> for the tens of lookups each token makes.
/// Each slot holds the id and its row side by side, so a lookup reads one cache line.
/// Built once, then read-only and safe to share between threads.
/// </summary>
internal sealed class FeatureTable
{
    private struct Slot
    {
        public ulong Key;
        public int Row; // row + 1; 0 marks an empty slot
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    public FeatureTable(ReadOnlySpan<ulong> keys)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _slots = new Slot[size];
        _mask = size - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var slot = SlotOf(keys[row]);
            while (_slots[slot].Row != 0)
            {
                if (_slots[slot].Key == keys[row]) throw new ArgumentException("duplicate feature id", nameof(keys));
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = new Slot { Key = keys[row], Row = row + 1 };
        }
        Count = keys.Length;
    }

    public int Count { get; }

    /// <summary>The row of the feature, or -1 when the model does not know it.</summary>
    public int Find(ulong key)
    {
        var slots = _slots;
        var i = SlotOf(key);
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Row == 0) return -1;
            if (slot.Key == key) return slot.Row - 1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// The rows of many features (-1 for those the model does not know), as <see cref="Find"/> gives them one by one.
    /// Every feature's home slot is read before any is probed: those loads wait neither on each other nor on a branch,
    /// so their cache misses overlap, and the probes then find the slots in cache.
    /// </summary>
    public void FindAll(ReadOnlySpan<ulong> keys, Span<int> rows)
    {
        var slots = _slots;
        for (var f = 0; f < keys.Length; f++) rows[f] = slots[SlotOf(keys[f])].Row;
        for (var f = 0; f < keys.Length; f++) rows[f] = rows[f] == 0 ? -1 : Find(keys[f]);
    }

    // FNV's low bits are weak on their own; a multiply-shift spreads the high bits into the slot index.
    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
