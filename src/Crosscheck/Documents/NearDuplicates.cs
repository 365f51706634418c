using System.Collections.Immutable;
using System.Numerics;

namespace Crosscheck.Documents;

/// <summary>
/// MinHash signature of a text's word 5-gram shingles. Two signatures agree in about the share of
/// positions that the shingle sets' Jaccard similarity gives, so reprints with small edits score high
/// and different articles on the same story, which share a quote or two, score low.
/// </summary>
public sealed class MinHashSignature
{
    public const int Size = 128;
    public const int Bands = 32;
    public const int RowsPerBand = Size / Bands;
    public const int ShingleWords = 5;

    /// <summary>Estimated Jaccard similarity from which a document counts as a near-duplicate.</summary>
    /// <remarks>
    /// A reprint that changes a headline, a few words and adds a line keeps well above 0.8; articles
    /// written separately about one event stay under 0.3 even when they share quotes. 0.7 sits between,
    /// and the LSH banding (32 bands of 4) finds pairs at 0.7 with probability above 0.999.
    /// </remarks>
    public const double Threshold = 0.7;

    private static readonly Vector<uint>[] Multipliers = Lanes(MakeSeeds(0x0DD5_EED5_0F0D_D5EDUL).Select(m => (uint)(m >> 32) | 1u));
    private static readonly Vector<uint>[] Offsets = Lanes(MakeSeeds(0x5EED_C405_5C4E_C4ABUL).Select(m => (uint)(m >> 32)));

    private static Vector<uint>[] Lanes(IEnumerable<uint> values)
    {
        var all = values.ToArray();
        var lanes = Vector<uint>.Count;
        return Enumerable.Range(0, Size / lanes).Select(j => new Vector<uint>(all, j * lanes)).ToArray();
    }

    public ImmutableArray<uint> Values { get; }

    private MinHashSignature(ImmutableArray<uint> values) => Values = values;

    public static MinHashSignature FromValues(IEnumerable<uint> values)
    {
        var v = values.ToImmutableArray();
        if (v.Length != Size) throw new ArgumentException($"a signature has {Size} values", nameof(values));
        return new MinHashSignature(v);
    }

    public static MinHashSignature Compute(string text) => Compute(Words(text), null);

    /// <summary>The signature and the shingle sample of one text, each shingle hashed once for both.</summary>
    public static (MinHashSignature Signature, ShingleSketch Sketch) ComputeBoth(string text)
    {
        var words = Words(text);
        var samples = new List<uint>(words.Count / ShingleSketch.SampleRate + 1);
        var signature = Compute(words, samples);
        return (signature, ShingleSketch.FromSamples(Math.Max(0, words.Count - ShingleWords + 1), samples));
    }

    private static MinHashSignature Compute(List<ulong> words, List<uint>? samples)
    {
        var lanes = Vector<uint>.Count;
        var vectors = Size / lanes;
        Span<Vector<uint>> mins = stackalloc Vector<uint>[vectors];
        mins.Fill(new Vector<uint>(uint.MaxValue));
        var multipliers = Multipliers;
        var offsets = Offsets;
        var n = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < n; i++)
        {
            // One strong mix per shingle, then per slot a multiply-add (a bijection on 32 bits for an odd
            // multiplier) and an xor-shift, several slots at a time in vector lanes.
            var hash = ShingleHash(words, i);
            if (samples is not null && i + ShingleWords <= words.Count && ShingleSketch.IsSampled((uint)hash)) samples.Add((uint)hash);
            var x = new Vector<uint>((uint)(hash >> 32));
            for (var j = 0; j < vectors; j++)
            {
                var v = x * multipliers[j] + offsets[j];
                v ^= Vector.ShiftRightLogical(v, 15);
                mins[j] = Vector.Min(mins[j], v);
            }
        }
        var values = new uint[Size];
        for (var j = 0; j < vectors; j++) mins[j].CopyTo(values, j * lanes);
        return new MinHashSignature([.. values]);
    }

    public double Similarity(MinHashSignature other)
    {
        var same = 0;
        for (var i = 0; i < Size; i++) if (Values[i] == other.Values[i]) same++;
        return (double)same / Size;
    }

    /// <summary>The LSH band keys: documents that share any key are candidates to compare.</summary>
    public IEnumerable<long> BandKeys()
    {
        for (var b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (var r = 0; r < RowsPerBand; r++) h = Mix(h ^ Values[b * RowsPerBand + r]);
            yield return (long)h;
        }
    }

    /// <summary>The mixed 64-bit hash of the shingle of <see cref="ShingleWords"/> words starting at word <paramref name="i"/>.</summary>
    internal static ulong ShingleHash(List<ulong> words, int i)
    {
        ulong h = 14695981039346656037UL;
        for (var k = i; k < Math.Min(words.Count, i + ShingleWords); k++)
        {
            h = (h ^ words[k]) * 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>
    /// The text's words, each hashed, in a form that reprints of one text on other sites share: letters and digits
    /// lowercased; compatibility characters folded and accents dropped ("ﬁ" as "fi", "é" as "e"); HTML entities a careless
    /// scrape left in read as the character they stand for ("&amp;#8217;", "&amp;nbsp;"); letters joined across the dots of
    /// an abbreviation ("U.S." as "US") and digits across the separators of a number ("1,000" as "1000").
    /// </summary>
    internal static List<ulong> Words(string text)
    {
        var words = new List<ulong>(text.Length / 5);
        ulong h = 0;
        var length = 0; // letters and digits in the word so far
        var lastLetters = 0; // length of the word's last run since a joining dot
        char previous = ' ';
        void Add(char c)
        {
            if (length == 0) h = 14695981039346656037UL;
            h = (h ^ c) * 1099511628211UL;
            length++;
            lastLetters++;
        }
        void End()
        {
            if (length > 0) words.Add(h);
            length = 0;
            lastLetters = 0;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '&' && Entity(text, i) is { Length: > 0 } entity)
            {
                // The entity stands for its characters: a letter goes on the word, anything else ends it.
                foreach (var e in entity.Decoded) Step(e, text, -1);
                i += entity.Length - 1;
                continue;
            }
            Step(ch, text, i);
        }
        End();
        return words;

        void Step(char ch, string source, int at)
        {
            if (ch < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(ch)) { Add(char.ToLowerInvariant(ch)); previous = ch; return; }
                // "U.S.": a dot between two single letters; "1,000" and "3.5": a separator between digits.
                if (at >= 0 && length > 0 && at + 1 < source.Length && (ch == '.' || ch == ','))
                {
                    var next = source[at + 1];
                    if (char.IsAsciiDigit(previous) && char.IsAsciiDigit(next)) { previous = ch; return; }
                    if (ch == '.' && lastLetters == 1 && char.IsAsciiLetter(previous) && char.IsAsciiLetter(next)
                        && (at + 2 >= source.Length || !char.IsAsciiLetterOrDigit(source[at + 2])))
                    {
                        lastLetters = 0;
                        previous = ch;
                        return;
                    }
                }
                End();
                previous = ch;
                return;
            }
            var folded = Fold(ch);
            if (ReferenceEquals(folded, Mark)) return;
            if (folded.Length == 0) { End(); previous = ch; return; }
            foreach (var f in folded) Add(f);
            previous = folded[^1];
        }
    }

    private static readonly string?[] Folded = new string?[char.MaxValue + 1];
    // A combining mark left after NFC: it adds nothing to the word and does not end it.
    private static readonly string Mark = new('\u0301', 1);

    /// <summary>A character outside ASCII as the lowercase letters and digits it is read as: "ﬁ" "fi", "É" "e", "²" "2"; "" for none.</summary>
    private static string Fold(char ch)
    {
        if (Folded[ch] is { } known) return known;
        string result;
        if (char.IsSurrogate(ch)) result = "";
        else
        {
            var decomposed = ch.ToString().Normalize(System.Text.NormalizationForm.FormKD);
            var sb = new System.Text.StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            }
            // A mark-only character (a combining accent) adds nothing and does not split a word.
            result = sb.Length == 0 && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.NonSpacingMark
                ? Mark : sb.ToString();
        }
        Folded[ch] = result;
        return result;
    }

    /// <summary>An HTML entity at <paramref name="at"/> ("&amp;amp;", "&amp;#8217;", "&amp;#x2019;"): its length and characters.</summary>
    private static (int Length, string Decoded) Entity(string text, int at)
    {
        var end = text.IndexOf(';', at + 1, Math.Min(12, text.Length - at - 1));
        if (end < 0) return (0, "");
        var body = text.AsSpan(at + 1, end - at - 1);
        if (body.Length < 2) return (0, "");
        foreach (var c in body) if (!char.IsAsciiLetterOrDigit(c) && c != '#') return (0, "");
        var entity = text.Substring(at, end - at + 1);
        var decoded = System.Net.WebUtility.HtmlDecode(entity);
        return decoded.Length == 0 || decoded == entity ? (0, "") : (entity.Length, decoded);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    private static ulong[] MakeSeeds(ulong start)
    {
        var seeds = new ulong[Size];
        var s = start;
        for (var i = 0; i < Size; i++) { s += 0x9E3779B97F4A7C15UL; seeds[i] = Mix(s); }
        return seeds;
    }
}
