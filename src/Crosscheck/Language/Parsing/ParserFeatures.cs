using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Per-word ids of a sentence for the parser (lower-case word, tag, the two joined, last three letters, shape, word class
/// and word class with tag), hashed once per
/// sentence; index N is the root and -1 "no word". Reused between sentences; not thread-safe.
/// </summary>
internal sealed class ParserAtoms
{
    public const int Word = 0, Tag = 1, WordTag = 2, Suffix = 3, Shape = 4, Cluster = 5, ClusterTag = 6;
    private const int PerToken = 7;
    private static readonly ulong[] ClusterAtoms = [.. Enumerable.Range(-1, 1025).Select(c => FeatureHash.Number(1000 + c))];

    private static readonly ulong[] RootAtoms = [.. Enumerable.Range(0, PerToken).Select(a => FeatureHash.Text("\u0002<root>" + a))];
    private static readonly ulong[] NoneAtoms = [.. Enumerable.Range(0, PerToken).Select(a => FeatureHash.Text("\u0002<none>" + a))];

    private ulong[] _atoms = new ulong[64 * PerToken];

    public int Length { get; private set; }

    public void Set(ReadOnlySpan<string> words, ReadOnlySpan<string> tags, WordClusters? clusters)
    {
        Length = words.Length;
        if (_atoms.Length < words.Length * PerToken) _atoms = new ulong[words.Length * PerToken * 2];
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].AsSpan();
            var a = _atoms.AsSpan(i * PerToken, PerToken);
            a[Word] = FeatureHash.Lower(w);
            a[Tag] = FeatureHash.Text(tags[i] ?? "");
            a[WordTag] = FeatureHash.Add(a[Word], a[Tag]);
            a[Suffix] = FeatureHash.Lower(w[Math.Max(0, w.Length - 3)..]);
            a[Shape] = FeatureHash.Shape(w);
            a[Cluster] = ClusterAtoms[clusters is null ? 0 : Math.Min(clusters.Of(a[Word]) + 1, ClusterAtoms.Length - 1)];
            a[ClusterTag] = FeatureHash.Add(a[Cluster], a[Tag]);
        }
    }

    public ulong Get(int index, int atom) => index < 0 ? NoneAtoms[atom] : index >= Length ? RootAtoms[atom] : _atoms[index * PerToken + atom];
}

/// <summary>
/// The feature templates: for transitions, Zhang and Nivre (2011)'s rich non-local set over the stack's top two words,
/// the buffer's first three, the head and grandhead of the top, the outermost children of the top and the front, with
/// distance, valency and label sets; for labels, the head and dependent, their neighbours and children.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxFeatures = 128;

    private static readonly ulong[] Numbers = [.. Enumerable.Range(0, 256).Select(FeatureHash.Number)];
    private static readonly ulong NoLabel = FeatureHash.Number(-2);

    /// <summary>
    /// A feature id: template number and up to three atoms, mixed with independent multiplies and a final avalanche
    /// (cheaper than chaining FNV over every byte; ids are persisted in parser models, so this must not change without
    /// bumping <see cref="DependencyParser.FeatureVersion"/>).
    /// </summary>
    private static ulong F(int template, ulong a, ulong b = 0x2545F4914F6CDD1DUL, ulong c = 0x5851F42D4C957F2DUL)
    {
        var h = (a * 0x9E3779B97F4A7C15UL) ^ ((b + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL)
            ^ ((c + 0x165667B19E3779F9UL) * 0x94D049BB133111EBUL) ^ ((ulong)(uint)template * 0xFF51AFD7ED558CCDUL);
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 29);
    }

    private static ulong Num(int value) => Numbers[Math.Clamp(value, 0, 255)];

    private static ulong LabelAtom(ParseState s, int i) => i < 0 || s.Label[i] < 0 ? NoLabel : Num(s.Label[i] + 1);

    private static ulong Set(ulong bits) => FeatureHash.Add(NoLabel, bits);

    /// <summary>Distance buckets: 1, 2, 3, 4, 5-6, 7-9, 10+ (0 when either end is missing).</summary>
    public static int Distance(int a, int b)
    {
        if (a < 0 || b < 0) return 0;
        var d = Math.Abs(b - a);
        return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
    }

    public static int Transition(ParserAtoms a, ParseState s, Span<ulong> f)
    {
        var n = 0;
        int s0 = s.S0, s1 = s.S1, n0 = s.Front, n1 = n0 + 1 <= s.N ? n0 + 1 : -1, n2 = n0 + 2 <= s.N ? n0 + 2 : -1;
        int s0h = s0 >= 0 ? s.Head[s0] : -1, s0h2 = s0h >= 0 && s0h < s.N ? s.Head[s0h] : -1;
        int s0l = s0 >= 0 ? s.Left1[s0] : -1, s0r = s0 >= 0 ? s.Right1[s0] : -1;
        int s0l2 = s0 >= 0 ? s.Left2[s0] : -1, s0r2 = s0 >= 0 ? s.Right2[s0] : -1;
        int n0l = s.Left1[n0], n0l2 = s.Left2[n0];

        ulong s0w = a.Get(s0, ParserAtoms.Word), s0p = a.Get(s0, ParserAtoms.Tag), s0wp = a.Get(s0, ParserAtoms.WordTag);
        ulong n0w = a.Get(n0, ParserAtoms.Word), n0p = a.Get(n0, ParserAtoms.Tag), n0wp = a.Get(n0, ParserAtoms.WordTag);
        ulong n1w = a.Get(n1, ParserAtoms.Word), n1p = a.Get(n1, ParserAtoms.Tag), n1wp = a.Get(n1, ParserAtoms.WordTag);
        ulong n2w = a.Get(n2, ParserAtoms.Word), n2p = a.Get(n2, ParserAtoms.Tag), n2wp = a.Get(n2, ParserAtoms.WordTag);
        ulong s1w = a.Get(s1, ParserAtoms.Word), s1p = a.Get(s1, ParserAtoms.Tag), s1wp = a.Get(s1, ParserAtoms.WordTag);
        ulong s0hw = a.Get(s0h, ParserAtoms.Word), s0hp = a.Get(s0h, ParserAtoms.Tag);
        ulong s0h2w = a.Get(s0h2, ParserAtoms.Word), s0h2p = a.Get(s0h2, ParserAtoms.Tag);
        ulong s0lw = a.Get(s0l, ParserAtoms.Word), s0lp = a.Get(s0l, ParserAtoms.Tag), s0ll = LabelAtom(s, s0l);
        ulong s0rw = a.Get(s0r, ParserAtoms.Word), s0rp = a.Get(s0r, ParserAtoms.Tag), s0rl = LabelAtom(s, s0r);
        ulong s0l2w = a.Get(s0l2, ParserAtoms.Word), s0l2p = a.Get(s0l2, ParserAtoms.Tag), s0l2l = LabelAtom(s, s0l2);
        ulong s0r2w = a.Get(s0r2, ParserAtoms.Word), s0r2p = a.Get(s0r2, ParserAtoms.Tag), s0r2l = LabelAtom(s, s0r2);
        ulong n0lw = a.Get(n0l, ParserAtoms.Word), n0lp = a.Get(n0l, ParserAtoms.Tag), n0ll = LabelAtom(s, n0l);
        ulong n0l2w = a.Get(n0l2, ParserAtoms.Word), n0l2p = a.Get(n0l2, ParserAtoms.Tag), n0l2l = LabelAtom(s, n0l2);
        ulong s0hl = LabelAtom(s, s0);
        var dist = Num(Distance(s0, n0));
        ulong s0vl = Num(s0 >= 0 ? s.LeftCount[s0] : 0), s0vr = Num(s0 >= 0 ? s.RightCount[s0] : 0), n0vl = Num(s.LeftCount[n0]);
        ulong s0sl = Set(s0 >= 0 ? s.LeftLabels[s0] : 0), s0sr = Set(s0 >= 0 ? s.RightLabels[s0] : 0), n0sl = Set(s.LeftLabels[n0]);

        var t = 0;
        // Single words.
        f[n++] = F(++t, s0wp); f[n++] = F(++t, s0w); f[n++] = F(++t, s0p);
        f[n++] = F(++t, n0wp); f[n++] = F(++t, n0w); f[n++] = F(++t, n0p);
        f[n++] = F(++t, n1wp); f[n++] = F(++t, n1w); f[n++] = F(++t, n1p);
        f[n++] = F(++t, n2wp); f[n++] = F(++t, n2w); f[n++] = F(++t, n2p);
        f[n++] = F(++t, s1wp); f[n++] = F(++t, s1w); f[n++] = F(++t, s1p);
        // Pairs.
        f[n++] = F(++t, s0wp, n0wp); f[n++] = F(++t, s0wp, n0w); f[n++] = F(++t, s0w, n0wp);
        f[n++] = F(++t, s0wp, n0p); f[n++] = F(++t, s0p, n0wp); f[n++] = F(++t, s0w, n0w);
        f[n++] = F(++t, s0p, n0p); f[n++] = F(++t, n0p, n1p);
        f[n++] = F(++t, s1p, s0p); f[n++] = F(++t, s1w, s0w); f[n++] = F(++t, n0w, n1w);
        // Triples.
        f[n++] = F(++t, n0p, n1p, n2p); f[n++] = F(++t, s0p, n0p, n1p);
        f[n++] = F(++t, s0hp, s0p, n0p); f[n++] = F(++t, s0p, s0lp, n0p);
        f[n++] = F(++t, s0p, s0rp, n0p); f[n++] = F(++t, s0p, n0p, n0lp);
        f[n++] = F(++t, s1p, s0p, n0p); f[n++] = F(++t, s0w, n0p, n1p);
        // Distance.
        f[n++] = F(++t, s0w, dist); f[n++] = F(++t, s0p, dist);
        f[n++] = F(++t, n0w, dist); f[n++] = F(++t, n0p, dist);
        f[n++] = F(++t, s0w, n0w, dist); f[n++] = F(++t, s0p, n0p, dist);
        // Valency.
        f[n++] = F(++t, s0w, s0vr); f[n++] = F(++t, s0p, s0vr);
        f[n++] = F(++t, s0w, s0vl); f[n++] = F(++t, s0p, s0vl);
        f[n++] = F(++t, n0w, n0vl); f[n++] = F(++t, n0p, n0vl);
        // Heads and children.
        f[n++] = F(++t, s0hw); f[n++] = F(++t, s0hp); f[n++] = F(++t, s0hl);
        f[n++] = F(++t, s0lw); f[n++] = F(++t, s0lp); f[n++] = F(++t, s0ll);
        f[n++] = F(++t, s0rw); f[n++] = F(++t, s0rp); f[n++] = F(++t, s0rl);
        f[n++] = F(++t, n0lw); f[n++] = F(++t, n0lp); f[n++] = F(++t, n0ll);
        // Third order.
        f[n++] = F(++t, s0h2w); f[n++] = F(++t, s0h2p);
        f[n++] = F(++t, s0l2w); f[n++] = F(++t, s0l2p); f[n++] = F(++t, s0l2l);
        f[n++] = F(++t, s0r2w); f[n++] = F(++t, s0r2p); f[n++] = F(++t, s0r2l);
        f[n++] = F(++t, n0l2w); f[n++] = F(++t, n0l2p); f[n++] = F(++t, n0l2l);
        f[n++] = F(++t, s0p, s0lp, s0l2p); f[n++] = F(++t, s0p, s0rp, s0r2p);
        f[n++] = F(++t, s0p, s0hp, s0h2p); f[n++] = F(++t, n0p, n0lp, n0l2p);
        // Label sets.
        f[n++] = F(++t, s0w, s0sr); f[n++] = F(++t, s0p, s0sr);
        f[n++] = F(++t, s0w, s0sl); f[n++] = F(++t, s0p, s0sl);
        f[n++] = F(++t, n0w, n0sl); f[n++] = F(++t, n0p, n0sl);
        // Shapes of the front (names, numbers) and whether the top has a head yet.
        f[n++] = F(++t, a.Get(n0, ParserAtoms.Shape), n0p);
        f[n++] = F(++t, Num(s0 >= 0 && s.Head[s0] >= 0 ? 1 : 0), s0p, n0p);
        f[n++] = F(++t, Num(0));
        // Word classes (Koo, Carreras and Collins 2008) of the stack's top and the buffer's front, alone, with their tags
        // and paired. The skipped template numbers are those of the fuller set measured on dev (other positions, children,
        // heads), left out for speed; they stay skipped so the kept templates' ids are the measured ones.
        ulong s0c = a.Get(s0, ParserAtoms.Cluster), n0c = a.Get(n0, ParserAtoms.Cluster);
        ulong s0ct = a.Get(s0, ParserAtoms.ClusterTag), n0ct = a.Get(n0, ParserAtoms.ClusterTag);
        f[n++] = F(++t, s0c); f[n++] = F(++t, n0c); t += 2;
        f[n++] = F(++t, s0ct); f[n++] = F(++t, n0ct); t += 1;
        f[n++] = F(++t, s0c, n0c); f[n++] = F(++t, s0ct, n0p); f[n++] = F(++t, s0p, n0ct); t += 3;
        f[n++] = F(++t, s0c, n0c, dist);
        return n;
    }

    /// <summary>Features of the label of the arc <paramref name="h"/> → <paramref name="d"/> about to be added.</summary>
    public static int Label(ParserAtoms a, ParseState s, int h, int d, Span<ulong> f)
    {
        var n = 0;
        var dir = Num(h < d ? 1 : 2);
        var dist = Num(Distance(h, d));
        ulong hw = a.Get(h, ParserAtoms.Word), hp = a.Get(h, ParserAtoms.Tag), hwp = a.Get(h, ParserAtoms.WordTag);
        ulong dw = a.Get(d, ParserAtoms.Word), dp = a.Get(d, ParserAtoms.Tag), dwp = a.Get(d, ParserAtoms.WordTag);
        int dl = s.Left1[d], dr = s.Right1[d], hl = s.Left1[h], hr = s.Right1[h];
        var hh = h < s.N ? s.Head[h] : -1;
        var t = 200;
        f[n++] = F(++t, dir);
        f[n++] = F(++t, hw, dir); f[n++] = F(++t, hp, dir); f[n++] = F(++t, hwp, dir);
        f[n++] = F(++t, dw, dir); f[n++] = F(++t, dp, dir); f[n++] = F(++t, dwp, dir);
        f[n++] = F(++t, hp, dp, dir); f[n++] = F(++t, hw, dp, dir); f[n++] = F(++t, hp, dw, dir);
        f[n++] = F(++t, hw, dw, dir); f[n++] = F(++t, hp, dp, dist);
        f[n++] = F(++t, a.Get(d, ParserAtoms.Suffix), dp, dir); f[n++] = F(++t, a.Get(d, ParserAtoms.Shape), dir);
        f[n++] = F(++t, a.Get(d - 1, ParserAtoms.Word), dp); f[n++] = F(++t, a.Get(d + 1, ParserAtoms.Word), dp);
        f[n++] = F(++t, a.Get(d - 1, ParserAtoms.Tag), dp, hp); f[n++] = F(++t, a.Get(d + 1, ParserAtoms.Tag), dp, hp);
        f[n++] = F(++t, a.Get(dl, ParserAtoms.Word), dp); f[n++] = F(++t, LabelAtom(s, dl), dp, hp);
        f[n++] = F(++t, a.Get(dr, ParserAtoms.Word), dp); f[n++] = F(++t, LabelAtom(s, dr), dp, hp);
        f[n++] = F(++t, Set(s.LeftLabels[d]), dp); f[n++] = F(++t, Set(s.RightLabels[d]), dp);
        f[n++] = F(++t, Set(s.LeftLabels[h]), hp, dir); f[n++] = F(++t, Set(s.RightLabels[h]), hp, dir);
        f[n++] = F(++t, LabelAtom(s, hl), hp, dp); f[n++] = F(++t, LabelAtom(s, hr), hp, dp);
        f[n++] = F(++t, LabelAtom(s, h < s.N ? h : -1), hp, dp);
        f[n++] = F(++t, a.Get(hh, ParserAtoms.Tag), hp, dp);
        f[n++] = F(++t, a.Get(h + 1, ParserAtoms.Tag), hp, dp);
        f[n++] = F(++t, a.Get(dl, ParserAtoms.Word), dw);
        ulong hc = a.Get(h, ParserAtoms.Cluster), dc = a.Get(d, ParserAtoms.Cluster);
        t += 2; // the head's and the dependent's class alone: measured, left out for speed
        f[n++] = F(++t, hc, dc, dir); f[n++] = F(++t, hc, dp, dir); f[n++] = F(++t, hp, dc, dir);
        return n;
    }
}
