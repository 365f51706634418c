using System.Text.RegularExpressions;

namespace Crosscheck.Access;

/// <summary>An account of a database: its number (never reused), name, role and when it was made.</summary>
public sealed record UserAccount(long Id, string Name, Role Role, DateTimeOffset Created);

/// <summary>What account names may be.</summary>
public static partial class UserNames
{
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="name"/> is a valid account name, else why it is not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "a user name is needed";
        if (name.Length > MaxLength) return $"a user name has at most {MaxLength} characters";
        if (!Valid().IsMatch(name)) return $"'{Escape(name)}' is not a user name: use letters, digits, '.', '_' and '-', starting with a letter or digit";
        return null;
    }

    private static string Escape(string name) => string.Concat(name.Select(c => char.IsControl(c) || c > '~' ? $"\\u{{{(int)c:X}}}" : c.ToString()));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Valid();
}
