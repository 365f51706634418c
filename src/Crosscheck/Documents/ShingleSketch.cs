using System.Collections.Immutable;

namespace Crosscheck.Documents;

/// <summary>
/// A fixed sample of a text's word 5-gram shingles (the same shingles as <see cref="MinHashSignature"/>): every
/// shingle whose hash falls in one quarter of the hash space, so two texts keep the same shingles of what they share
/// and the share of the shorter text's sample found in the longer's estimates how much of it the longer contains.
/// Jaccard similarity cannot tell a reprint cut short from a different article (a third of a text inside a copy three
/// times its length scores 0.33); containment can: see <see cref="Contained"/>.
/// </summary>
public sealed class ShingleSketch
{
    /// <summary>One shingle in this many is kept.</summary>
    public const int SampleRate = 4;
    /// <summary>One shingle in this many is an anchor, indexed to find candidates.</summary>
    /// <remarks>
    /// It was 16: a brief of 40-75 shingles then had no anchor at all one time in 13 to 100 and could not be found; at 8
    /// one time in 200 at 40 shingles. Anchors are taken from the stored samples, so rows stored before are read alike.
    /// </remarks>
    public const int AnchorRate = 8;
    /// <summary>
    /// At most this many samples are kept: those with the smallest hashes, all of a text of about 4,000 words. A longer
    /// text keeps a sample of its sample that is the same for every text (hashes under a limit), so containment is
    /// still estimated over the range both samples cover, and the stored row stays at most 4 KB longer.
    /// </summary>
    public const int MaxSamples = 1024;

    /// <summary>
    /// The share of the shorter text's shingles inside the longer from which the shorter is a copy of the longer.
    /// </summary>
    /// <remarks>
    /// Chosen on the realnews dev split (<c>crosscheck eval origins --split dev --show</c>, README "Duplicates"):
    /// copies of one wire story cut at other points or updated keep 0.46 and more of the shorter text; rewrites of one
    /// story keep 0.28 or less, and articles no gold group joins 0.24 or less.
    /// </remarks>
    public const double ContainmentThreshold = 0.4;

    /// <summary>
    /// The fewest shingles the shorter text needs for containment to count (about 44 words, two sentences): a story
    /// trimmed to its first two paragraphs is still a copy; below it a lede or one quoted line cannot be told from a copy.
    /// </summary>
    /// <remarks>
    /// It was 80 (about four sentences); on realnews dev, copies of each article trimmed to its first two to five paragraphs
    /// (<c>crosscheck eval origins --split dev --variants 2</c>) have 9-78 shingles, and a third of them were missed.
    /// </remarks>
    public const int MinShingles = 40;

    /// <summary>
    /// From this many shingles in the shorter text, <see cref="ContainmentThreshold"/> suffices; a shorter text must be
    /// inside the longer almost whole (<see cref="ShortContainment"/>).
    /// </summary>
    public const int FullShingles = 80;

    /// <summary>The share of a text under <see cref="FullShingles"/> shingles that must be inside the longer text.</summary>
    /// <remarks>
    /// A story trimmed to its first paragraphs keeps all of its shingles, or nearly (a word changed in a sentence costs
    /// five). A brief of its own that quotes one long sentence of a story keeps less: on the dev probe of
    /// <c>eval origins --variants 4</c> (seeds 13 and 7) such briefs of 40-80 shingles joined their story 3 and 7 times in
    /// 102 at 0.8 (they keep 0.8-0.88), 0 and 3 at 0.9, for 0.3 points fewer trimmed copies joined. A ramp from 0.9 at 40
    /// down to 0.4 at 80 also joined briefs sharing a site's stock opening and closing lines.
    /// </remarks>
    public const double ShortContainment = 0.9;

    /// <summary>The containment a shorter text of <paramref name="shingles"/> shingles needs.</summary>
    public static double Required(int shingles) => shingles >= FullShingles ? ContainmentThreshold : ShortContainment;

    /// <summary>How many shingle positions the text has (the number of words less four).</summary>
    public int Shingles { get; }
    /// <summary>The largest hash kept when the sample was cut at <see cref="MaxSamples"/>, else <see cref="uint.MaxValue"/>.</summary>
    public uint Limit { get; }
    /// <summary>The sampled shingle hashes, distinct and ascending.</summary>
    public ImmutableArray<uint> Samples { get; }

    private ShingleSketch(int shingles, uint limit, ImmutableArray<uint> samples)
    {
        Shingles = shingles;
        Limit = limit;
        Samples = samples;
    }

    public static ShingleSketch Compute(string text) => Compute(MinHashSignature.Words(text));

    internal static ShingleSketch Compute(List<ulong> words)
    {
        var positions = Math.Max(0, words.Count - MinHashSignature.ShingleWords + 1);
        var samples = new List<uint>(positions / SampleRate + 1);
        for (var i = 0; i < positions; i++)
        {
            var v = (uint)MinHashSignature.ShingleHash(words, i);
            if (IsSampled(v)) samples.Add(v);
        }
        return FromSamples(positions, samples);
    }

    public static bool IsSampled(uint hash) => hash % SampleRate == 0;

    /// <summary>The sketch of a text with <paramref name="shingles"/> shingle positions from its sampled hashes (any order, repeats allowed).</summary>
    internal static ShingleSketch FromSamples(int shingles, List<uint> samples)
    {
        samples.Sort();
        var n = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            if (n == 0 || samples[i] != samples[n - 1]) samples[n++] = samples[i];
        }
        var limit = uint.MaxValue;
        if (n > MaxSamples)
        {
            n = MaxSamples;
            limit = samples[n - 1];
        }
        return new ShingleSketch(shingles, limit, ImmutableArray.Create(samples.ToArray(), 0, n));
    }

    public static ShingleSketch FromParts(int shingles, uint limit, uint[] samples)
    {
        // Stored samples are ascending and distinct already; anything else is put in order.
        var ordered = true;
        for (var i = 1; i < samples.Length && ordered; i++) ordered = samples[i - 1] < samples[i];
        var sorted = ordered ? ImmutableArray.Create(samples) : samples.Distinct().Order().ToImmutableArray();
        return new ShingleSketch(Math.Max(0, shingles), limit, sorted);
    }

    /// <summary>The samples that are anchors: the keys under which the index files this text.</summary>
    public IEnumerable<uint> Anchors() => Samples.Where(IsAnchor);

    public static bool IsAnchor(uint sample) => sample % AnchorRate == 0;

    /// <summary>
    /// The share of the shorter text's sampled shingles that the longer text has, over the hash range both samples
    /// cover; 0 when the shorter has no sample there.
    /// </summary>
    public static double Containment(ShingleSketch a, ShingleSketch b)
    {
        var (shorter, longer) = a.Shingles <= b.Shingles ? (a, b) : (b, a);
        var limit = Math.Min(a.Limit, b.Limit);
        int i = 0, j = 0, total = 0, shared = 0;
        var s = shorter.Samples;
        var l = longer.Samples;
        while (i < s.Length && s[i] <= limit)
        {
            total++;
            while (j < l.Length && l[j] < s[i]) j++;
            if (j < l.Length && l[j] == s[i]) shared++;
            i++;
        }
        return total == 0 ? 0 : (double)shared / total;
    }

    /// <summary>
    /// The share of the shorter text's shingles (all of them, not a sample) found in the longer. The store checks a short
    /// text's sampled containment with it: a text of 40-79 shingles has 10-20 samples, and two stock reports differing in a
    /// few names can show 0.9 of them shared where 0.6 of the shingles are.
    /// </summary>
    public static double ExactContainment(string a, string b)
    {
        static HashSet<ulong> Set(string text)
        {
            var words = MinHashSignature.Words(text);
            var set = new HashSet<ulong>();
            for (var i = 0; i + MinHashSignature.ShingleWords <= words.Count; i++) set.Add(MinHashSignature.ShingleHash(words, i));
            return set;
        }
        var (x, y) = (Set(a), Set(b));
        var (shorter, longer) = x.Count <= y.Count ? (x, y) : (y, x);
        return shorter.Count == 0 ? 0 : (double)shorter.Count(longer.Contains) / shorter.Count;
    }

    /// <summary>
    /// Whether one text is a copy inside the other: the shorter has at least <see cref="MinShingles"/> shingles and at
    /// least <see cref="Required"/> of them (<see cref="ContainmentThreshold"/> for a text of <see cref="FullShingles"/>
    /// or more, else <see cref="ShortContainment"/>) are in the longer.
    /// </summary>
    public static bool Contained(ShingleSketch a, ShingleSketch b)
    {
        var shorter = Math.Min(a.Shingles, b.Shingles);
        return shorter >= MinShingles && Containment(a, b) >= Required(shorter) - 1e-9;
    }
}
