using System.Text;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// Folds text the way the gold file's README says evidence is located: curly quotes and dashes to straight
/// ones, runs of white space to one space. Keeps a map from folded positions back to the original text.
/// </summary>
internal sealed class FoldedText
{
    private readonly int[] _origin;

    public FoldedText(string text)
    {
        var sb = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length + 1);
        var lastSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (char.IsWhiteSpace(c))
            {
                if (lastSpace) continue;
                c = ' ';
                lastSpace = true;
            }
            else lastSpace = false;
            sb.Append(c);
            origin.Add(i);
        }
        origin.Add(text.Length);
        Text = sb.ToString();
        _origin = [.. origin];
    }

    public string Text { get; }

    /// <summary>Every (start, end) in the original text where <paramref name="needle"/> occurs, compared folded.</summary>
    public IEnumerable<(int Start, int End)> Find(string needle)
    {
        var folded = FoldString(needle).Trim();
        if (folded.Length == 0) yield break;
        var at = Text.IndexOf(folded, StringComparison.Ordinal);
        while (at >= 0)
        {
            yield return (_origin[at], _origin[at + folded.Length - 1] + 1);
            at = Text.IndexOf(folded, at + 1, StringComparison.Ordinal);
        }
    }

    public static string FoldString(string s) => new FoldedText(s).Text;

    private static char Fold(char c) => c switch
    {
        '‘' or '’' or '‚' or '′' => '\'',
        '“' or '”' or '„' or '″' => '"',
        '–' or '—' or '‒' or '―' or '−' => '-',
        '\u00A0' => ' ',
        _ => c,
    };
}
