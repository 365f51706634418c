using Crosscheck.Access;
using Crosscheck.Storage;

namespace Crosscheck.Web;

/// <summary>The accounts of the served database, looked up on the read pool, so checking a key never waits for the store's connection.</summary>
internal sealed class UserDirectory(ReadPool served, AccountPool accounts)
{
    private readonly ReadPool pool = accounts.Pool ?? served;

    /// <summary>The account of a well-formed key, or null.</summary>
    public UserAccount? FindByKey(string key)
    {
        if (!AccessKey.IsWellFormed(key)) return null;
        var hash = AccessKey.Hash(key);
        return pool.Read(c => UserTable.FindByKeyHash(c, hash));
    }

    /// <summary>The account of that number, or null when it was removed.</summary>
    public UserAccount? Find(long id) => pool.Read(c => UserTable.FindById(c, id));
}

/// <summary>The read pool of the store's default desk when a named desk is served (its accounts are there); null otherwise.</summary>
internal sealed record AccountPool(ReadPool? Pool);
