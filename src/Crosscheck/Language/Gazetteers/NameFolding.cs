using System.Globalization;
using System.Text;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// Compares token words the way names are looked up: case, accents, curly/straight apostrophes and the
/// dash family fold away, one character for one, so the folded word has the same length and the case of
/// the original can still be checked position by position. Nothing is allocated per comparison.
/// </summary>
internal sealed class NameFolding : IEqualityComparer<string>
{
    public static NameFolding Instance { get; } = new();

    private const int TableSize = 0x0250;
    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var c = 0; c < TableSize; c++)
        {
            var ch = (char)c;
            var lower = char.ToLowerInvariant(ch);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[c] = decomposed.Length > 0 && char.IsLetter(decomposed[0])
                && CharUnicodeInfo.GetUnicodeCategory(lower) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
                ? decomposed[0]
                : lower;
        }
        // Letters that do not decompose but that writers of English drop to their base letter.
        table['ø'] = 'o'; table['Ø'] = 'o'; table['đ'] = 'd'; table['Đ'] = 'd'; table['ł'] = 'l'; table['Ł'] = 'l';
        table['ı'] = 'i'; table['ħ'] = 'h'; table['Ħ'] = 'h';
        table['`'] = '\''; table['´'] = '\'';
        return table;
    }

    /// <summary>The folded form of one character.</summary>
    public static char Fold(char c)
    {
        if (c < TableSize) return Table[c];
        return c switch
        {
            '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u2032' => '\'',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            '\u201C' or '\u201D' => '"',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>The folded string, for building tables (not for the per-token path).</summary>
    public static string FoldAll(string s)
    {
        return string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = Fold(src[i]);
        });
    }

    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i] && Fold(x[i]) != Fold(y[i])) return false;
        }
        return true;
    }

    public int GetHashCode(string s)
    {
        // FNV-1a over folded characters.
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ Fold(c)) * 16777619u;
        }
        return (int)h;
    }

    /// <summary>True when <paramref name="word"/> folds to <paramref name="folded"/> (already folded).</summary>
    public static bool Is(string word, string folded)
    {
        if (word.Length != folded.Length) return false;
        for (var i = 0; i < word.Length; i++)
        {
            if (Fold(word[i]) != folded[i]) return false;
        }
        return true;
    }
}
