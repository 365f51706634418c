using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>
/// The reads of stored documents, on any connection: the store's own (inside its open batch, if any) or a pooled
/// one of a <see cref="ReadPool"/> (SQLite or PostgreSQL).
/// </summary>
internal static class DocumentQueries
{
    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        return connection.Command(tx, sql);
    }

    public static Document? Get(DbConnection connection, DbTransaction? tx, string id)
    {
        using var cmd = Command(connection, tx, "SELECT seq, id, source, outlet, title, published, url, language, text, duplicate_of FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        long seq;
        Document doc;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            seq = r.GetInt64(0);
            doc = new Document
            {
                Id = r.GetString(1),
                Source = r.GetString(2),
                Text = r.GetString(8),
                DuplicateOf = r.IsDBNull(9) ? null : r.GetString(9),
                Segments = [],
                Metadata = new DocumentMetadata
                {
                    Outlet = r.IsDBNull(3) ? null : r.GetString(3),
                    Title = r.IsDBNull(4) ? null : r.GetString(4),
                    Published = r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Url = r.IsDBNull(6) ? null : r.GetString(6),
                    Language = r.GetString(7),
                },
            };
        }
        cmd.Parameters.Clear();
        cmd.WithSql("SELECT kind, start, \"end\" FROM segments WHERE document_seq = $seq ORDER BY ordinal");
        cmd.Parameters.AddWithValue("$seq", seq);
        var segments = ImmutableArray.CreateBuilder<Segment>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                Segment.TryParse(r.GetString(0), out var kind);
                segments.Add(new Segment(kind, r.GetInt32(1), r.GetInt32(2)));
            }
        }
        return doc with { Segments = segments.ToImmutable() };
    }

    public static IReadOnlyList<string> Sources(DbConnection connection, DbTransaction? tx, string id)
    {
        using var cmd = Command(connection, tx, "SELECT s.source FROM document_sources s JOIN documents d ON d.seq = s.document_seq WHERE d.id = $id ORDER BY s.source");
        cmd.Parameters.AddWithValue("$id", id);
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    public static DocumentPage List(DbConnection connection, DbTransaction? tx, string? query, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var postgres = SqlDialect.Of(connection) == SqlDialect.Postgres;
        var match = string.IsNullOrWhiteSpace(query) ? null : postgres ? DocumentStore.SearchWords(query) : DocumentStore.FtsQuery(query);
        using var cmd = Command(connection, tx, match is null
            ? """
              SELECT id, source, outlet, title, published, duplicate_of, length(text), substr(text, 1, 240), (SELECT count(*) FROM documents)
              FROM documents ORDER BY seq LIMIT $limit OFFSET $offset
              """
            : postgres
            // The words must all be there (as FTS5's quoted terms): plainto_tsquery ANDs them; rank by ts_rank.
            ? """
              SELECT d.id, d.source, d.outlet, d.title, d.published, d.duplicate_of, length(d.text),
                     ts_headline('simple', d.text, q.words, 'StartSel=[, StopSel=], MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=…'),
                     (SELECT count(*) FROM documents WHERE search @@ q.words)
              FROM documents d, plainto_tsquery('simple', $q) AS q(words)
              WHERE d.search @@ q.words ORDER BY ts_rank(d.search, q.words) DESC, d.seq LIMIT $limit OFFSET $offset
              """
            : """
              SELECT d.id, d.source, d.outlet, d.title, d.published, d.duplicate_of, length(d.text),
                     snippet(documents_fts, 1, '[', ']', '…', 24),
                     (SELECT count(*) FROM documents_fts WHERE documents_fts MATCH $q)
              FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
              WHERE documents_fts MATCH $q ORDER BY bm25(documents_fts), d.seq LIMIT $limit OFFSET $offset
              """);
        if (match is not null) cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var items = new List<DocumentSummary>();
        var total = 0;
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                total = r.GetInt32(8);
                items.Add(new DocumentSummary(
                    r.GetString(0), r.GetString(1),
                    r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.IsDBNull(5) ? null : r.GetString(5),
                    r.GetInt32(6),
                    r.GetString(7)));
            }
        }
        if (items.Count == 0 && offset > 0) total = List(connection, tx, query, 0, 1).Total;
        return new DocumentPage(items, total, offset, limit);
    }
}
