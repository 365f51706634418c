using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crosscheck.Storage.Sql;

/// <summary>Commands of either engine, written the same way.</summary>
internal static class DbCommands
{
    /// <summary>Sets the command's text, in its engine's own form (<see cref="SqlDialect.Native"/>).</summary>
    public static DbCommand WithSql(this DbCommand command, string sql)
    {
        command.CommandText = SqlDialect.Of(command).Native(sql);
        return command;
    }

    /// <summary>A command on the connection, in the transaction, with the statement in the engine's own form.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        return cmd.WithSql(sql);
    }

    /// <summary>
    /// Binds <paramref name="value"/> to the parameter written <c>$name</c> in the statement. A boolean is bound as 1 or
    /// 0 (the schema keeps flags as integers in both engines); null as SQL NULL.
    /// </summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        var bound = value switch
        {
            null => DBNull.Value,
            bool b => b ? 1L : 0L,
            _ => value,
        };
        DbParameter parameter = parameters is NpgsqlParameterCollection
            ? new NpgsqlParameter(name.TrimStart('$', '@', ':'), bound)
            : new SqliteParameter(name, bound);
        parameters.Add(parameter);
        return parameter;
    }
}
