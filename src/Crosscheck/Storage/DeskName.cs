using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Storage;

/// <summary>
/// A desk: a partition of a store that a team declares when it stores documents (a Sahel desk and a Myanmar desk sharing
/// one PostgreSQL database, say). A desk's documents are linked with that desk's documents only, under that desk's link
/// lock, so two processes link two desks at once (issue 16). A name is 1 to 40 lowercase letters (a–z), digits and
/// hyphens, starting with a letter or digit; the default desk is the unnamed one (<see cref="Default"/>) and is exactly
/// the store as it was before desks: its record, ids, files and locks are unchanged. Only <see cref="Parse"/> and
/// <see cref="TryParse"/> make a named one, so every instance is valid.
/// </summary>
public readonly struct DeskName : IEquatable<DeskName>
{
    public const int MaxLength = 40;

    private readonly string? _name;

    private DeskName(string name) => _name = name;

    /// <summary>The unnamed desk: the whole store as it was before desks.</summary>
    public static DeskName Default => default;

    /// <summary>The name ("" for the default desk).</summary>
    public string Name => _name ?? "";

    public bool IsDefault => string.IsNullOrEmpty(_name);

    /// <summary>Reads a desk name; a malformed one is a <see cref="FormatException"/> whose message is one line.</summary>
    public static DeskName Parse(string? text) => TryParse(text, out var desk, out var error) ? desk : throw new FormatException(error);

    /// <summary>
    /// Reads a desk name: null or empty is the default desk; otherwise 1 to 40 of a–z, 0–9 and '-', not starting with '-'.
    /// When it cannot, <paramref name="error"/> is one line naming what is wrong.
    /// </summary>
    public static bool TryParse(string? text, out DeskName desk, [NotNullWhen(false)] out string? error)
    {
        desk = Default;
        error = null;
        if (string.IsNullOrEmpty(text)) return true;
        var shown = text.Length > MaxLength + 10 ? text[..(MaxLength + 10)] + "…" : text;
        shown = Documents.InputError.Escape(shown);
        if (text.Length > MaxLength)
        {
            error = $"desk name '{shown}' is too long ({text.Length} characters; at most {MaxLength})";
            return false;
        }
        foreach (var c in text)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') continue;
            var what = c is >= 'A' and <= 'Z' ? $"'{c}' (desk names are lowercase)" : char.IsControl(c) ? "a control character" : $"'{c}'";
            error = $"desk name '{shown}' has {what}; use lowercase letters a-z, digits and hyphens";
            return false;
        }
        if (text[0] == '-')
        {
            error = $"desk name '{shown}' starts with a hyphen; start it with a letter or a digit";
            return false;
        }
        desk = new DeskName(text);
        return true;
    }

    /// <summary>
    /// A stable number for the desk (the first four bytes of the SHA-256 of its name, big-endian): the same in every
    /// process and every .NET version, unlike <see cref="string.GetHashCode()"/>. It keys the desk's PostgreSQL locks.
    /// </summary>
    public int Key => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(Name)));

    /// <summary>How the desk is named in messages: <c>desk 'sahel'</c>, or <c>the default desk</c>.</summary>
    public string Display => IsDefault ? "the default desk" : $"desk '{Name}'";

    public bool Equals(DeskName other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DeskName other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public static bool operator ==(DeskName left, DeskName right) => left.Equals(right);

    public static bool operator !=(DeskName left, DeskName right) => !left.Equals(right);

    public override string ToString() => Name;
}
