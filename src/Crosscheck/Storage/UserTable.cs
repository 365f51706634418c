using System.Globalization;
using Crosscheck.Access;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>The <c>users</c> table (migration 6): each account's name, role and the SHA-256 of its key, never the key.</summary>
internal static class UserTable
{
    private const string Columns = "id, name, role, created_at";

    /// <summary>Adds an account; null when one of that name (compared without case) exists already.</summary>
    public static UserAccount? Add(DbConnection connection, DbTransaction? tx, string name, Role role, byte[] keyHash, DateTimeOffset at)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.WithSql($"""
            INSERT INTO users (name, role, key_hash, created_at) VALUES ($name, $role, $hash, $at)
            ON CONFLICT (name) DO NOTHING RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$role", Roles.Name(role));
        cmd.Parameters.AddWithValue("$hash", keyHash);
        cmd.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public static IReadOnlyList<UserAccount> List(DbConnection connection, DbTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.WithSql($"SELECT {Columns} FROM users ORDER BY name COLLATE NOCASE, id");
        using var r = cmd.ExecuteReader();
        var list = new List<UserAccount>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    /// <summary>Removes the account; false when there is none of that name.</summary>
    public static bool Remove(DbConnection connection, DbTransaction? tx, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.WithSql("DELETE FROM users WHERE name = $name");
        cmd.Parameters.AddWithValue("$name", name);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The account whose key hashes to <paramref name="keyHash"/>, or null.</summary>
    public static UserAccount? FindByKeyHash(DbConnection connection, byte[] keyHash) =>
        FindOne(connection, "key_hash = $v", keyHash);

    /// <summary>The account of that number, or null (removed: numbers are never reused).</summary>
    public static UserAccount? FindById(DbConnection connection, long id) => FindOne(connection, "id = $v", id);

    private static UserAccount? FindOne(DbConnection connection, string where, object value)
    {
        using var cmd = connection.CreateCommand();
        cmd.WithSql($"SELECT {Columns} FROM users WHERE {where}");
        cmd.Parameters.AddWithValue("$v", value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private static UserAccount Read(DbDataReader r)
    {
        // A role this version does not know (written by a newer one) gives no rights rather than failing the request.
        Roles.TryParse(r.GetString(2), out var role);
        return new UserAccount(r.GetInt64(0), r.GetString(1), role, DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
