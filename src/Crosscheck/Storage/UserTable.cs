using System.Globalization;
using Crosscheck.Access;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>The <c>users</c> table (migration 6): each account's name, role and the SHA-256 of its key, never the key.</summary>
internal static class UserTable
{
    private const string Columns = "id, name, role, created_at";

    /// <summary>Adds an account; null when one of that name (compared without case) exists already.</summary>
    public static UserAccount? Add(SqliteConnection connection, SqliteTransaction? tx, string name, Role role, byte[] keyHash, DateTimeOffset at)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            INSERT INTO users (name, role, key_hash, created_at) VALUES ($name, $role, $hash, $at)
            ON CONFLICT (name) DO NOTHING RETURNING {Columns}
            """;
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$role", Roles.Name(role));
        cmd.Parameters.AddWithValue("$hash", keyHash);
        cmd.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public static IReadOnlyList<UserAccount> List(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM users ORDER BY name COLLATE NOCASE, id";
        using var r = cmd.ExecuteReader();
        var list = new List<UserAccount>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    /// <summary>Removes the account; false when there is none of that name.</summary>
    public static bool Remove(SqliteConnection connection, SqliteTransaction? tx, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM users WHERE name = $name";
        cmd.Parameters.AddWithValue("$name", name);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The account whose key hashes to <paramref name="keyHash"/>, or null.</summary>
    public static UserAccount? FindByKeyHash(SqliteConnection connection, byte[] keyHash) =>
        FindOne(connection, "key_hash = $v", keyHash);

    /// <summary>The account of that number, or null (removed: numbers are never reused).</summary>
    public static UserAccount? FindById(SqliteConnection connection, long id) => FindOne(connection, "id = $v", id);

    private static UserAccount? FindOne(SqliteConnection connection, string where, object value)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM users WHERE {where}";
        cmd.Parameters.AddWithValue("$v", value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private static UserAccount Read(SqliteDataReader r)
    {
        // A role this version does not know (written by a newer one) gives no rights rather than failing the request.
        Roles.TryParse(r.GetString(2), out var role);
        return new UserAccount(r.GetInt64(0), r.GetString(1), role, DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
