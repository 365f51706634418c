namespace Crosscheck.Language.Tagging;

/// <summary>
/// Per-token ids of a sentence (the word, its lower case, shape, prefixes and suffixes), hashed once so the
/// features of a token and of its neighbours combine them without allocating strings. Reused between
/// sentences; not thread-safe (each thread keeps its own).
/// </summary>
internal sealed class SentenceAtoms
{
    public const int Word = 0, Lower = 1, Shape = 2, Suffix1 = 3, Suffix2 = 4, Suffix3 = 5, Suffix4 = 6, Prefix1 = 7, Prefix2 = 8, Prefix3 = 9;
    private const int PerToken = 10;

    private static readonly ulong Start = FeatureHash.Text("\u0002<s>");
    private static readonly ulong End = FeatureHash.Text("\u0002</s>");

    private static readonly ulong[] ClassAtoms = [.. Enumerable.Range(-1, 1025).Select(c => FeatureHash.Number(5000 + c))];

    private ulong[] _atoms = new ulong[64 * PerToken];
    private ulong[] _classes = new ulong[64];
    private bool _hasClasses;

    public int Length { get; private set; }

    /// <summary>Reads the atoms of <paramref name="words"/>, and their word classes when <paramref name="clusters"/> is given.</summary>
    public void Set(ReadOnlySpan<string> words, Parsing.WordClusters? clusters = null)
    {
        Length = words.Length;
        if (_atoms.Length < words.Length * PerToken) _atoms = new ulong[words.Length * PerToken * 2];
        _hasClasses = clusters is not null;
        if (clusters is not null && _classes.Length < words.Length) _classes = new ulong[words.Length * 2];
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].AsSpan();
            var a = _atoms.AsSpan(i * PerToken, PerToken);
            a[Word] = FeatureHash.Text(w);
            a[Lower] = FeatureHash.Lower(w);
            a[Shape] = FeatureHash.Shape(w);
            a[Suffix1] = FeatureHash.Lower(w[Math.Max(0, w.Length - 1)..]);
            a[Suffix2] = FeatureHash.Lower(w[Math.Max(0, w.Length - 2)..]);
            a[Suffix3] = FeatureHash.Lower(w[Math.Max(0, w.Length - 3)..]);
            a[Suffix4] = FeatureHash.Lower(w[Math.Max(0, w.Length - 4)..]);
            a[Prefix1] = FeatureHash.Lower(w[..Math.Min(1, w.Length)]);
            a[Prefix2] = FeatureHash.Lower(w[..Math.Min(2, w.Length)]);
            a[Prefix3] = FeatureHash.Lower(w[..Math.Min(3, w.Length)]);
            if (clusters is not null) _classes[i] = ClassAtoms[Math.Min(clusters.Of(a[Lower]) + 1, ClassAtoms.Length - 1)];
        }
    }

    /// <summary>The word-class atom of token <paramref name="index"/> (one id for words without a class, and the sentence's ends' ids outside it).</summary>
    public ulong Class(int index) => index < 0 ? Start : index >= Length ? End : _hasClasses ? _classes[index] : ClassAtoms[0];

    /// <summary>The atom of token <paramref name="index"/>; positions before or after the sentence have their own fixed ids.</summary>
    public ulong Get(int index, int atom) => index < 0 ? Start : index >= Length ? End : _atoms[index * PerToken + atom];
}
