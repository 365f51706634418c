using Npgsql;

namespace Crosscheck.Storage;

/// <summary>Where a desk of a store lives (see <see cref="DeskName"/>).</summary>
public sealed partial class StoreLocation
{
    /// <summary>The desk this location is (the default desk for a location as parsed).</summary>
    public DeskName Desk { get; private init; }

    /// <summary>The store a desk belongs to (its default desk, where desks are declared); the location itself for the default desk.</summary>
    public StoreLocation Root => _root ?? this;

    private StoreLocation? _root;

    /// <summary>The schema of a named desk in a PostgreSQL database (a desk name's hyphens become underscores, which no name has).</summary>
    public static string SchemaOf(DeskName desk) => desk.IsDefault ? throw new ArgumentException("the default desk has no schema of its own", nameof(desk))
        : "desk_" + desk.Name.Replace('-', '_');

    /// <summary>The SQLite file of a named desk beside the store's file <paramref name="path"/>.</summary>
    public static string FileOf(string path, DeskName desk) => desk.IsDefault ? path : $"{path}.desk-{desk.Name}";

    /// <summary>
    /// The location of <paramref name="desk"/> in this store: the store itself for the default desk; for a named desk, in
    /// PostgreSQL the desk's own schema of the same database (<c>desk_NAME</c>, on the connection's search path), and for
    /// SQLite the desk's own file beside the store's (<c>FILE.desk-NAME</c>). Every table of the record (documents,
    /// facts, archive, frequencies, queue) is the desk's own there, so nothing of one desk's linking reaches another's.
    /// </summary>
    public StoreLocation ForDesk(DeskName desk)
    {
        if (!Desk.IsDefault) throw new InvalidOperationException($"{Display} is a desk already");
        if (desk.IsDefault) return this;
        if (IsMemory) throw new InvalidOperationException("a private (in-memory) store has no desks");
        var display = $"{Display} ({desk.Display})";
        if (Kind == StoreKind.Sqlite) return new StoreLocation(StoreKind.Sqlite, FileOf(Path, desk), null, display) { Desk = desk, _root = this };
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = SchemaOf(desk) };
        return new StoreLocation(StoreKind.Postgres, null, builder.ConnectionString, display) { Desk = desk, _root = this };
    }
}
