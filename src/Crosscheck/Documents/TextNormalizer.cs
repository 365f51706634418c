using System.Text;

namespace Crosscheck.Documents;

/// <summary>
/// Normalizes text without changing what a reader sees: Unicode NFC, one kind of line break,
/// no invisible control characters, no-break and other odd spaces as plain spaces.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < nfc.Length && nfc[i + 1] == '\n') i++;
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    sb.Append('\n');
                    break;
                case '\t' or '\n':
                    sb.Append(c);
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2000' or '\u2001' or '\u2002' or '\u2003' or '\u2004'
                    or '\u2005' or '\u2006' or '\u2008' or '\u2009' or '\u200A' or '\u3000' or '\u000C' or '\u000B':
                    sb.Append(' ');
                    break;
                case '\uFEFF' or '\u200B' or '\u00AD':
                    // zero-width no-break space, zero-width space and soft hyphen are invisible
                    break;
                default:
                    if (char.IsControl(c)) break;
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
