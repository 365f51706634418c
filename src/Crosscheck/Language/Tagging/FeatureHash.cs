namespace Crosscheck.Language.Tagging;

/// <summary>
/// Stable 64-bit feature ids: FNV-1a 64 over UTF-16 code units and 16-bit slices of numbers. Feature ids
/// are persisted in model files, so this must never change without bumping the models' feature version
/// (and never use <see cref="string.GetHashCode()"/>, which is randomized per process).
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Separates the parts of a key, so ("ab","c") and ("a","bc") differ.</summary>
    private const char Separator = '\u0001';

    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Add(ulong hash, ulong value)
    {
        hash = (hash ^ (value & 0xFFFF)) * Prime;
        hash = (hash ^ ((value >> 16) & 0xFFFF)) * Prime;
        hash = (hash ^ ((value >> 32) & 0xFFFF)) * Prime;
        return (hash ^ (value >> 48)) * Prime;
    }

    /// <summary>The id of a text, with curly quotes read as their Penn Treebank ASCII forms.</summary>
    public static ulong Text(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text) h = AddNormalized(h, c);
        return Add(h, Separator);
    }

    /// <summary>As <see cref="Text"/> over the lower-case (invariant) form of the text.</summary>
    public static ulong Lower(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text) h = AddNormalized(h, LowerInvariant(c));
        return Add(h, Separator);
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/>, without asking ICU about general punctuation (U+2000-U+206F: curly quotes,
    /// dashes, ellipses), which has no case: the runtime answers ASCII itself but calls ICU for any other character.
    /// </summary>
    private static char LowerInvariant(char c) => c is >= '\u2000' and <= '\u206F' ? c : char.ToLowerInvariant(c);

    /// <summary>
    /// The word's shape: upper-case letters as X, lower-case as x, digits as d, anything else as itself,
    /// with runs of one class folded to one mark ("Mexico" Xx, "U.S." X.X., "10,000" d,d, "MS-13" X-d).
    /// </summary>
    public static ulong Shape(ReadOnlySpan<char> text)
    {
        var h = Add(Offset, '\u0002');
        var last = '\0';
        foreach (var c in text)
        {
            var mark = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : Normalize(c);
            if (mark == last) continue;
            h = Add(h, mark);
            last = mark;
        }
        return Add(h, Separator);
    }

    /// <summary>A feature: a template number joined with one or two token ids.</summary>
    public static ulong Feature(int template, ulong a) => Add(Add(Offset, (ulong)(uint)template), a);

    public static ulong Feature(int template, ulong a, ulong b) => Add(Add(Add(Offset, (ulong)(uint)template), a), b);

    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Add(Add(Add(Add(Offset, (ulong)(uint)template), a), b), c);

    /// <summary>The id of a small number (a class index, a flag), for use as a token id in <see cref="Feature(int, ulong)"/>.</summary>
    public static ulong Number(int value) => Add(Add(Offset, '\u0003'), (ulong)(uint)value);

    private static ulong AddNormalized(ulong h, char c) => c switch
    {
        '\u201C' => Add(Add(h, '`'), '`'),   // “ as ``
        '\u201D' => Add(Add(h, '\''), '\''), // ” as ''
        _ => Add(h, Normalize(c)),
    };

    private static char Normalize(char c) => c switch
    {
        '\u2018' => '`',
        '\u2019' => '\'',
        '\u201C' or '\u201D' or '\u201E' => '"',
        '\u2012' or '\u2013' or '\u2014' or '\u2015' => '-',
        _ => c,
    };
}
