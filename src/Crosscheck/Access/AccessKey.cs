using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Access;

/// <summary>
/// An account's key: 32 random bytes (256 bits) written as base64url, shown once when made. Only its SHA-256 is
/// stored. A slow password hash guards guessable secrets; a key drawn at random from 2^256 cannot be guessed, so one
/// fast hash already makes the stored value useless to whoever reads the database, and checking a request costs one
/// hash and one indexed lookup.
/// </summary>
public static class AccessKey
{
    /// <summary>The length of every key made here: 43 characters of base64url.</summary>
    public const int Length = 43;

    /// <summary>A new random key.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The value stored for <paramref name="key"/> and looked up when it is presented.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Whether <paramref name="key"/> has the shape of a key (anything else is refused before any lookup).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
