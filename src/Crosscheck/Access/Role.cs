namespace Crosscheck.Access;

/// <summary>What an account may do: each role can do everything the one before it can.</summary>
public enum Role
{
    /// <summary>Reads the pages and the API.</summary>
    Reader = 1,

    /// <summary>Also changes the record (undoing a join, and every review to come).</summary>
    Analyst = 2,

    /// <summary>Also administers the server (today: the same rights as an analyst on the web; accounts are managed with the command line).</summary>
    Admin = 3,
}

/// <summary>Role names as the command line, the database and the web app write them.</summary>
public static class Roles
{
    public static string Name(Role role) => role switch
    {
        Role.Reader => "reader",
        Role.Analyst => "analyst",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Whether an account of <paramref name="role"/> may do what <paramref name="needed"/> may.</summary>
    public static bool Allows(this Role role, Role needed) => role >= needed;
}
