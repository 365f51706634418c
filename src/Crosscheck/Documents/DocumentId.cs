using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Documents;

/// <summary>Stable ids derived from content, so the same article gets the same id on every machine.</summary>
public static class DocumentId
{
    /// <summary>
    /// "d-" and 16 hex digits of SHA-256 over the text with white space folded and case kept:
    /// two copies that differ only in line breaks or indentation are the same article.
    /// </summary>
    public static string FromText(string text)
    {
        return ForKey("d-", FoldWhitespace(text));
    }

    /// <summary>A stable id for anything keyed by a string: the prefix and 16 hex digits of SHA-256 over the key.</summary>
    public static string ForKey(string prefix, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return prefix + Convert.ToHexStringLower(hash[..8]);
    }

    internal static string FoldWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
