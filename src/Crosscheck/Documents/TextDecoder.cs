using System.Text;
using System.Text.RegularExpressions;

namespace Crosscheck.Documents;

/// <summary>
/// Turns bytes into text: a byte-order mark wins, then a charset the content declares
/// (HTML meta, XML declaration), then strict UTF-8, then Windows-1252 when the bytes read as text in it.
/// Bytes that are binary, or that claim UTF-8 and are not, are rejected with a reason.
/// </summary>
internal static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, bool mustBeUtf8 = false)
    {
        if (bytes.Length == 0) throw new InputRejectedException("empty input");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeStrict(StrictUtf8, bytes[3..], "UTF-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE");
        if (Utf16WithoutMark(bytes) is { } utf16) return DecodeStrict(utf16, bytes, utf16.CodePage == 1201 ? "UTF-16BE" : "UTF-16LE");
        if (LooksBinary(bytes)) throw new InputRejectedException("binary content, not text");

        var declared = mustBeUtf8 ? null : DeclaredEncoding(bytes);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            if (declared is not null || mustBeUtf8)
            {
                throw new InputRejectedException($"invalid UTF-8 at byte {ex.Index}");
            }
        }
        // Undeclared and not UTF-8: Windows-1252 is what such files nearly always are, but only accept it
        // when no byte falls on one of its five unassigned positions.
        foreach (var b in bytes)
        {
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                throw new InputRejectedException("invalid UTF-8 and not Windows-1252 either");
            }
        }
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            if (text.Length == 0) throw new InputRejectedException("empty input");
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new InputRejectedException($"invalid {name}");
        }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: text in Latin script puts a NUL in every other byte, at odd positions
    /// (little-endian) or even ones (big-endian), and almost never on the other side. Most of the units of the
    /// sample must show the pattern, and the byte count must be even.
    /// </summary>
    internal static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNul++;
            if (sample[i + 1] == 0) oddNul++;
        }
        var units = sample.Length / 2;
        if (oddNul * 10 >= units * 7 && evenNul * 20 <= units) return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        if (evenNul * 10 >= units * 7 && oddNul * 20 <= units) return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        return null;
    }

    /// <summary>NUL bytes, or many control characters, mean this is not text.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) controls++;
        }
        return controls > sample.Length / 50 + 1;
    }

    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = CharsetPattern().Match(head);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value.Trim().ToLowerInvariant();
        // Browsers read latin1 and iso-8859-1 labels as Windows-1252; so do we.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "l1") name = "windows-1252";
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    [GeneratedRegex("""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])(?<name>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
