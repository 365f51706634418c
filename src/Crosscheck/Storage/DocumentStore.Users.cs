using Crosscheck.Access;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

public sealed partial class DocumentStore
{
    /// <summary>Adds an account whose key hashes to <paramref name="keyHash"/>; null when the name is taken (compared without case).</summary>
    public UserAccount? AddUser(string name, Role role, byte[] keyHash)
    {
        if (UserNames.Problem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        ArgumentOutOfRangeException.ThrowIfNotEqual(keyHash.Length, 32);
        lock (_gate) return UserTable.Add(_connection, _batch, name, role, keyHash, _time.GetUtcNow());
    }

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<UserAccount> Users()
    {
        lock (_gate) return UserTable.List(_connection, _batch);
    }

    /// <summary>Removes the account of that name; false when there is none.</summary>
    public bool RemoveUser(string name)
    {
        lock (_gate) return UserTable.Remove(_connection, _batch, name);
    }
}
