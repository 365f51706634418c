using System.Globalization;
using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>Desks (<see cref="DeskName"/>): the partitions of a store, each linked on its own.</summary>
public sealed partial class DocumentStore
{
    /// <summary>
    /// Opens (creating when missing) and migrates the store at <paramref name="location"/>: a SQLite file or a PostgreSQL
    /// database, or a desk of one (<see cref="StoreLocation.ForDesk"/>), which is then declared in the store it belongs to.
    /// </summary>
    public static DocumentStore Open(StoreLocation location, TimeProvider? time = null)
    {
        // Declared before its store is made, so a worker that lists the desks finds every desk that has documents.
        if (!location.Desk.IsDefault)
        {
            using var root = Open(location.Root, time);
            root.Declare(location.Desk);
        }
        var store = location.Kind == StoreKind.Postgres
            ? OpenPostgres(location.ConnectionString, location.Display, time, location.Desk)
            : Open(location.Path, time);
        store.Location = location;
        if (location.Desk.IsDefault) return store;
        store.Desk = location.Desk;
        store.DeskOf = location;
        return store;
    }

    /// <summary>The desk this store is (the default desk unless opened through <see cref="StoreLocation.ForDesk"/>).</summary>
    public DeskName Desk { get; private set; }

    /// <summary>Where this desk lives, when it is a named desk (null for the default desk); its <see cref="StoreLocation.Root"/> is the store's.</summary>
    public StoreLocation? DeskOf { get; private set; }

    /// <summary>The store this desk belongs to, for messages: the store's own display for a named desk, else <see cref="Path"/>.</summary>
    public string StorePath => DeskOf?.Root.Display ?? Path;

    /// <summary>Where this store was opened (<see cref="Open(StoreLocation, TimeProvider?)"/>); null when opened by path or connection string.</summary>
    public StoreLocation? Location { get; private set; }

    /// <summary>Whether an event of this store's record is assigned to the incident <paramref name="id"/>.</summary>
    public bool HoldsIncident(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            using var cmd = NewCommand();
            cmd.WithSql("SELECT count(*) FROM event_assignments WHERE incident = $id");
            cmd.Parameters.AddWithValue("$id", id);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }
    }

    /// <summary>
    /// The other desk of the store whose record has the incident <paramref name="id"/>, or null (none has it, or the store
    /// was not opened by location). Each other desk is opened to be asked: for a refusal, not for a hot path.
    /// </summary>
    public DeskName? OtherDeskHolding(string id)
    {
        if (Location is null) return null;
        var root = Location.Root;
        using var opened = Desk.IsDefault ? null : Open(root);
        var rootStore = opened ?? this;
        foreach (var desk in rootStore.Desks())
        {
            if (desk == Desk) continue;
            if (desk.IsDefault)
            {
                if (rootStore.HoldsIncident(id)) return desk;
                continue;
            }
            using var other = Open(root.ForDesk(desk));
            if (other.HoldsIncident(id)) return desk;
        }
        return null;
    }

    /// <summary>Whether a document with this id is stored here.</summary>
    public bool Holds(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate) return SeqOf(id) is not null;
    }

    /// <summary>
    /// The desks declared in this store (read from the default desk's store): the default desk first, then every named
    /// desk a document was stored into, by name. A store made before desks has the default desk only.
    /// </summary>
    public IReadOnlyList<DeskName> Desks()
    {
        if (!Desk.IsDefault) throw new InvalidOperationException($"{Path}: desks are declared in the store's default desk");
        var desks = new List<DeskName> { DeskName.Default };
        lock (_gate)
        {
            using var cmd = NewCommand();
            cmd.WithSql("SELECT name FROM desks ORDER BY name");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                // A row this version cannot read (written by hand) is left out rather than stopping every command.
                if (DeskName.TryParse(r.GetString(0), out var desk, out _) && !desk.IsDefault) desks.Add(desk);
            }
        }
        return desks;
    }

    /// <summary>Declares a named desk in this (default desk's) store; declaring it again changes nothing.</summary>
    public void Declare(DeskName desk)
    {
        if (!Desk.IsDefault) throw new InvalidOperationException($"{Path}: desks are declared in the store's default desk");
        if (desk.IsDefault) return;
        lock (_gate)
        {
            using var tx = BeginWrite();
            var cmd = Command("INSERT OR IGNORE INTO desks (name, declared_at) VALUES ($name, $at)", tx);
            cmd.Parameters.AddWithValue("$name", desk.Name);
            cmd.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <summary>Creates a named desk's schema in a PostgreSQL database when it is missing (two processes may race: both succeed).</summary>
    private static void CreateDeskSchema(Npgsql.NpgsqlConnection connection, DeskName desk)
    {
        using var cmd = connection.CreateCommand();
        // The name is checked (a-z, 0-9, '-' made '_'), so it is a plain identifier.
        cmd.CommandText = $"CREATE SCHEMA IF NOT EXISTS {StoreLocation.SchemaOf(desk)}";
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateSchema)
        {
            // Another process created it between the check and the insert.
        }
    }
}
