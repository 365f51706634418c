using System.Globalization;
using System.Text.Json;
using Crosscheck.Linking;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>
/// The linker's archive (migration 4): closed incidents and finished stories as JSON summaries, and the rank of each
/// document the linker let go. Reads go through indexes (an incident or story by id, an event's incident, documents
/// by rank); writes join the open batch of record writes, so an archived summary is committed with the links that led
/// to it. A document counts as archived only while its facts are in place (not stale).
/// </summary>
public sealed partial class DocumentStore : ILinkArchive
{
    private const int ArchivePage = 256;

    /// <summary>How many incidents, stories and documents the archive holds.</summary>
    public (int Incidents, int Stories, int Documents) ArchiveCounts
    {
        get
        {
            lock (_gate)
            {
                int Count(string table) => Convert.ToInt32(Command($"SELECT count(*) FROM {table}", null).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                return (Count("archived_incidents"), Count("archived_stories"), Count("archived_documents"));
            }
        }
    }

    /// <summary>Empties the archive: the linker that rebuilds the record from the first document archives again.</summary>
    public void ClearArchive()
    {
        lock (_gate)
        {
            using var write = RecordWrite();
            foreach (var table in new[] { "archived_incidents", "archived_places", "archived_stories", "archived_documents", "open_stories", "taken_back_incidents" })
            {
                Command($"DELETE FROM {table}", write.Transaction).ExecuteNonQuery();
            }
            // Until the rebuild that clears the archive has written the linker's counters again (SaveLinkerState), the
            // store cannot be resumed: a rebuild stopped half way (killed, or a write refused) is begun again by the
            // next load instead of being resumed with half of its archive.
            Command("DELETE FROM linker_state WHERE name = 'next_rank'", write.Transaction).ExecuteNonQuery();
            write.Complete();
        }
    }

    void ILinkArchive.Put(ArchivedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var json = JsonSerializer.Serialize(incident, FactsJson);
        lock (_gate)
        {
            using var write = RecordWrite();
            // One command (a round trip on a server): the incident, its places replaced, and no longer taken back.
            var places = incident.First is not null && incident.Last is not null ? incident.Places.Length : 0;
            var statements = new List<string>
            {
                """
                INSERT INTO archived_incidents (id, first_rank, first_start, summary, mention, discrepancies)
                VALUES ($id, $rank, $start, $summary, $mention, $discrepancies)
                ON CONFLICT (id) DO UPDATE SET first_rank = excluded.first_rank, first_start = excluded.first_start, summary = excluded.summary,
                    mention = excluded.mention, discrepancies = excluded.discrepancies
                """,
                "DELETE FROM archived_places WHERE incident = $id",
                "DELETE FROM taken_back_incidents WHERE id = $id",
            };
            if (places > 0)
            {
                statements.Add(MultiRowInsert("INSERT INTO archived_places (type, place, incident, first_day, last_day) VALUES ",
                    "($type, $place{0}, $id, $first, $last)", places));
            }
            var cmd = Command(string.Join(";\n", statements), write.Transaction);
            cmd.Parameters.AddWithValue("$discrepancies", incident.Discrepancies.Length);
            cmd.Parameters.AddWithValue("$mention", incident.Incident.Mention ? 1 : 0);
            cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
            cmd.Parameters.AddWithValue("$rank", incident.FirstRank);
            cmd.Parameters.AddWithValue("$start", incident.FirstStart);
            cmd.Parameters.AddWithValue("$summary", json);
            if (places > 0)
            {
                // Filed under each of its places with its days.
                cmd.Parameters.AddWithValue("$type", Events.PloverTypes.Name(incident.Incident.Type));
                cmd.Parameters.AddWithValue("$first", incident.First!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$last", incident.Last!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var i = 0;
                foreach (var place in incident.Places) cmd.Parameters.AddWithValue("$place" + (i++).ToString(CultureInfo.InvariantCulture), place);
            }
            cmd.ExecuteNonQuery();
            write.Complete();
        }
    }

    void ILinkArchive.Put(ArchivedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var json = JsonSerializer.Serialize(story, FactsJson);
        lock (_gate)
        {
            using var write = RecordWrite();
            var cmd = Command("""
                INSERT INTO archived_stories (id, ord, summary) VALUES ($id, $ord, $summary)
                ON CONFLICT (id) DO UPDATE SET ord = excluded.ord, summary = excluded.summary
                """, write.Transaction);
            cmd.Parameters.AddWithValue("$id", story.Story.Id);
            cmd.Parameters.AddWithValue("$ord", story.Order);
            cmd.Parameters.AddWithValue("$summary", json);
            cmd.ExecuteNonQuery();
            cmd = Command("DELETE FROM open_stories WHERE story = $id", write.Transaction);
            cmd.Parameters.AddWithValue("$id", story.Story.Id);
            cmd.ExecuteNonQuery();
            write.Complete();
        }
    }

    void ILinkArchive.Put(DocumentFacts document, int rank)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            using var write = RecordWrite();
            var seq = SeqOf(document.Id, write.Transaction) ?? throw new InvalidOperationException($"document {document.Id} is not stored, so it cannot be archived");
            var cmd = Command("""
                INSERT INTO archived_documents (document_seq, rank) VALUES ($seq, $rank)
                ON CONFLICT (document_seq) DO UPDATE SET rank = excluded.rank
                """, write.Transaction);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.Parameters.AddWithValue("$rank", rank);
            cmd.ExecuteNonQuery();
            cmd = Command("UPDATE document_facts SET held = 0 WHERE document_seq = $seq", write.Transaction);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            write.Complete();
        }
    }

    ArchivedIncident? ILinkArchive.Incident(string id)
    {
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, "SELECT summary FROM archived_incidents WHERE id = $id");
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? Read<ArchivedIncident>(json, "incident " + id) : null;
        });
    }

    ArchivedStory? ILinkArchive.Story(string id)
    {
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, "SELECT summary FROM archived_stories WHERE id = $id");
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? Read<ArchivedStory>(json, "story " + id) : null;
        });
    }

    /// <summary>Reads run beside the linker's writes (see <see cref="RecordRead"/>).</summary>
    bool ILinkArchive.ReadsConcurrently => true;

    void ILinkArchive.Remove(string incidentId)
    {
        lock (_gate)
        {
            using var write = RecordWrite();
            foreach (var sql in new[] { "DELETE FROM archived_incidents WHERE id = $id", "DELETE FROM archived_places WHERE incident = $id" })
            {
                var cmd = Command(sql, write.Transaction);
                cmd.Parameters.AddWithValue("$id", incidentId);
                cmd.ExecuteNonQuery();
            }
            write.Complete();
        }
    }

    void ILinkArchive.TakeBack(ArchivedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_gate)
        {
            using var write = RecordWrite();
            var cmd = Command("""
                INSERT INTO taken_back_incidents (id, part_of) VALUES ($id, $part)
                ON CONFLICT (id) DO UPDATE SET part_of = excluded.part_of
                """, write.Transaction);
            cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
            cmd.Parameters.AddWithValue("$part", (object?)incident.Incident.PartOf ?? DBNull.Value);
            cmd.ExecuteNonQuery();
            foreach (var sql in new[] { "DELETE FROM archived_incidents WHERE id = $id", "DELETE FROM archived_places WHERE incident = $id" })
            {
                cmd = Command(sql, write.Transaction);
                cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
                cmd.ExecuteNonQuery();
            }
            write.Complete();
        }
    }

    void ILinkArchive.Restore(string documentId)
    {
        lock (_gate)
        {
            using var write = RecordWrite();
            foreach (var sql in new[]
            {
                "DELETE FROM archived_documents WHERE document_seq = (SELECT seq FROM documents WHERE id = $id)",
                "UPDATE document_facts SET held = 1 WHERE document_seq = (SELECT seq FROM documents WHERE id = $id)",
            })
            {
                var cmd = Command(sql, write.Transaction);
                cmd.Parameters.AddWithValue("$id", documentId);
                cmd.ExecuteNonQuery();
            }
            write.Complete();
        }
    }

    IEnumerable<string> ILinkArchive.IncidentsAt(Events.PloverType type, string place, DateOnly from, DateOnly to)
    {
        return RecordRead((c, tx) =>
        {
            var ids = new List<string>();
            var cmd = On(c, tx, """
                SELECT incident FROM archived_places WHERE type = $type AND place = $place AND first_day <= $to AND last_day >= $from ORDER BY incident
                """);
            cmd.Parameters.AddWithValue("$type", Events.PloverTypes.Name(type));
            cmd.Parameters.AddWithValue("$place", place);
            cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        });
    }

    IEnumerable<string> ILinkArchive.IncidentsOn(Events.PloverType type, DateOnly from, DateOnly to)
    {
        return RecordRead((c, tx) =>
        {
            var ids = new List<string>();
            var cmd = On(c, tx, """
                SELECT DISTINCT incident FROM archived_places WHERE type = $type AND first_day <= $to AND last_day >= $from ORDER BY incident
                """);
            cmd.Parameters.AddWithValue("$type", Events.PloverTypes.Name(type));
            cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        });
    }

    IEnumerable<ArchivedIncident> ILinkArchive.Incidents() => Summaries<ArchivedIncident>("archived_incidents", "incident");

    IEnumerable<ArchivedStory> ILinkArchive.Stories() => Summaries<ArchivedStory>("archived_stories", "story");

    /// <summary>Every summary of an archive table by id, a page at a time, so that no statement stays open while the caller works.</summary>
    private IEnumerable<T> Summaries<T>(string table, string what) where T : class
    {
        var after = "";
        while (true)
        {
            List<(string Id, string Json)> page = [];
            RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, $"SELECT id, summary FROM {table} WHERE id > $after ORDER BY id LIMIT $n");
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add((r.GetString(0), r.GetString(1)));
                return 0;
            });
            foreach (var (id, json) in page)
            {
                if (Read<T>(json, what + " " + id, keep: false) is { } item) yield return item;
            }
            if (page.Count < ArchivePage) yield break;
            after = page[^1].Id;
        }
    }

    IEnumerable<(int Order, string Id)> ILinkArchive.StoryOrder()
    {
        var after = -1L;
        while (true)
        {
            List<(int, string)> page = [];
            RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, "SELECT ord, id FROM archived_stories WHERE ord > $after ORDER BY ord LIMIT $n");
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), r.GetString(1)));
                return 0;
            });
            foreach (var key in page) yield return key;
            if (page.Count < ArchivePage * 4) yield break;
            after = page[^1].Item1;
        }
    }

    IEnumerable<(int Rank, int Start, string Id)> ILinkArchive.ListedIncidentOrder()
    {
        // Keyset paging over the index (mention, first_rank, first_start, id): each page starts after the last key read.
        (long Rank, long Start, string Id) after = (long.MinValue, long.MinValue, "");
        while (true)
        {
            List<(int, int, string)> page = [];
            RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, """
                    SELECT first_rank, first_start, id FROM archived_incidents
                    WHERE mention = 0 AND (first_rank, first_start, id) > ($rank, $start, $id)
                    ORDER BY first_rank, first_start, id LIMIT $n
                    """);
                cmd.Parameters.AddWithValue("$rank", after.Rank);
                cmd.Parameters.AddWithValue("$start", after.Start);
                cmd.Parameters.AddWithValue("$id", after.Id);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), (int)r.GetInt64(1), r.GetString(2)));
                return 0;
            });
            foreach (var key in page) yield return key;
            if (page.Count < ArchivePage * 4) yield break;
            after = (page[^1].Item1, page[^1].Item2, page[^1].Item3);
        }
    }

    IReadOnlyList<(int Rank, int Start, string Id)> ILinkArchive.ListedIncidentPage(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // The index (mention, first_rank, first_start, id) is stepped through to the page, not read into memory.
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, "SELECT first_rank, first_start, id FROM archived_incidents WHERE mention = 0 ORDER BY first_rank, first_start, id LIMIT $n OFFSET $from");
            cmd.Parameters.AddWithValue("$n", limit);
            cmd.Parameters.AddWithValue("$from", offset);
            var page = new List<(int, int, string)>(limit);
            using var r = cmd.ExecuteReader();
            while (r.Read()) page.Add(((int)r.GetInt64(0), (int)r.GetInt64(1), r.GetString(2)));
            return page;
        });
    }

    (int Rank, int Start, string Id)? ILinkArchive.LastListedIncident()
    {
        return RecordRead((c, tx) =>
        {
            using var r = On(c, tx, "SELECT first_rank, first_start, id FROM archived_incidents WHERE mention = 0 ORDER BY first_rank DESC, first_start DESC, id DESC LIMIT 1").ExecuteReader();
            return r.Read() ? ((int)r.GetInt64(0), (int)r.GetInt64(1), r.GetString(2)) : ((int, int, string)?)null;
        });
    }

    RecordCounts ILinkArchive.Counts()
    {
        // Kept by triggers as the archive changes (migration 12).
        return RecordRead((c, tx) =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            using var r = On(c, tx, "SELECT name, value FROM archive_counts").ExecuteReader();
            while (r.Read()) counts[r.GetString(0)] = (int)r.GetInt64(1);
            return new RecordCounts(counts.GetValueOrDefault("stories"), counts.GetValueOrDefault("incidents"),
                counts.GetValueOrDefault("mentions"), counts.GetValueOrDefault("discrepancies"));
        });
    }

    private const string RowSelect = """
        SELECT id, story, type, modality, scope, grade, title, place_text, place_name, country, place_precision, lat, lon,
               time_text, day_start, day_end, time_precision, time_basis, killed, sources, mention, first_rank, first_start,
               killed_min, killed_max, killed_best, events, documents, part_of
        FROM incident_rows
        """;

    private static IncidentRow Row(DbDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateOnly? Day(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var place = r.IsDBNull(8) ? null : new PlaceFacts(r.GetString(7), r.GetString(8), Text(9), r.GetString(10),
            r.IsDBNull(11) ? null : r.GetDouble(11), r.IsDBNull(12) ? null : r.GetDouble(12));
        var time = r.IsDBNull(13) ? null : new TimeFacts(r.GetString(13), Day(14), Day(15), r.GetString(16), Text(17));
        return new IncidentRow(r.GetString(0), r.GetString(1), Enum.Parse<Events.PloverType>(r.GetString(2)), Enum.Parse<Events.Modality>(r.GetString(3)),
            Enum.Parse<IncidentScope>(r.GetString(4)), Enum.Parse<Grade>(r.GetString(5)), r.GetString(6), place, time,
            r.IsDBNull(18) ? null : r.GetDecimal(18), (int)r.GetInt64(19), r.GetInt64(20) != 0)
        {
            FirstReport = ((int)r.GetInt64(21), (int)r.GetInt64(22)),
            Fatalities = r.IsDBNull(25) ? null : (Number(23), Number(24), Number(25)),
            Events = (int)r.GetInt64(26),
            Documents = (int)r.GetInt64(27),
            PartOf = Text(28),
        };
        // As the summary's JSON number reads (its scale kept: 4.0 is not 4).
        decimal Number(int i) => decimal.Parse(r.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    IReadOnlyDictionary<string, IncidentRow> ILinkArchive.IncidentRows(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return new Dictionary<string, IncidentRow>(StringComparer.Ordinal);
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, RowSelect + $" WHERE id IN ({_dialect.TextsOf("$ids")})");
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
            using var r = cmd.ExecuteReader();
            var rows = new Dictionary<string, IncidentRow>(StringComparer.Ordinal);
            while (r.Read())
            {
                var row = Row(r);
                rows[row.Id] = row;
            }
            return rows;
        });
    }

    IEnumerable<IncidentRow> ILinkArchive.IncidentRows()
    {
        // Keyset paging over the table's key (mention, first_rank, first_start, id): the rows are kept in this order.
        (long Rank, long Start, string Id) after = (long.MinValue, long.MinValue, "");
        const int size = ArchivePage * 8;
        while (true)
        {
            var page = RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, RowSelect + """

                    WHERE mention = 0 AND (first_rank, first_start, id) > ($rank, $start, $id)
                    ORDER BY first_rank, first_start, id LIMIT $n
                    """);
                cmd.Parameters.AddWithValue("$rank", after.Rank);
                cmd.Parameters.AddWithValue("$start", after.Start);
                cmd.Parameters.AddWithValue("$id", after.Id);
                cmd.Parameters.AddWithValue("$n", size);
                using var r = cmd.ExecuteReader();
                var rows = new List<IncidentRow>();
                while (r.Read()) rows.Add(Row(r));
                return rows;
            });
            foreach (var row in page) yield return row;
            if (page.Count < size) yield break;
            after = (page[^1].FirstReport.Rank, page[^1].FirstReport.Start, page[^1].Id);
        }
    }

    MapSelection ILinkArchive.Map(MapQuery query, IReadOnlySet<string> leaveOut, int limit) => RecordRead((c, tx) =>
    {
        // The conditions of MapQuery.Passes, as SQL (days are stored as yyyy-MM-dd, which sort as days do).
        var where = new List<string> { "mention = 0" };
        if (query.Type is not null) where.Add("type = $type");
        if (query.From is not null) where.Add("coalesce(day_end, day_start) >= $from");
        if (query.To is not null) where.Add("day_start <= $to");
        if (leaveOut.Count > 0) where.Add($"id NOT IN ({_dialect.TextsOf("$leave")})");
        var condition = string.Join(" AND ", where);
        DbCommand Command(string sql)
        {
            var cmd = On(c, tx, sql);
            if (query.Type is { } type) cmd.Parameters.AddWithValue("$type", type.ToString());
            if (query.From is { } from) cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (query.To is { } to) cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$leave", JsonSerializer.Serialize(leaveOut));
            cmd.Parameters.AddWithValue("$n", limit);
            return cmd;
        }
        List<IncidentRow> Rows(string sql)
        {
            using var r = Command(sql).ExecuteReader();
            var rows = new List<IncidentRow>();
            while (r.Read()) rows.Add(Row(r));
            return rows;
        }
        int shown, located;
        const string count = "SELECT count(*), count(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN 1 END) FROM incident_rows WHERE";
        if (query == new MapQuery())
        {
            // Every listed incident: the counts kept by triggers, less those left out (a few), not a count of every row.
            using var r = Command($$"""
                SELECT (SELECT value FROM archive_counts WHERE name = 'incidents') - lo.shown, (SELECT value FROM archive_counts WHERE name = 'located') - lo.located
                FROM (SELECT count(*) AS shown, count(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN 1 END) AS located FROM incident_rows
                      WHERE mention = 0 AND id IN ({{_dialect.TextsOf("$leave")}})) AS lo
                """).ExecuteReader();
            r.Read();
            (shown, located) = ((int)r.GetInt64(0), (int)r.GetInt64(1));
        }
        else
        {
            using var r = Command($"{count} {condition}").ExecuteReader();
            r.Read();
            (shown, located) = ((int)r.GetInt64(0), (int)r.GetInt64(1));
        }
        // The orders of MapQuery.Select: the drawn from the index on the dead, the rest in the record's order.
        var drawn = Rows($"{RowSelect} WHERE {condition} AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY coalesce(killed, 0) DESC, id LIMIT $n");
        var unlocated = Rows($"{RowSelect} WHERE {condition} AND (lat IS NULL OR lon IS NULL) ORDER BY first_rank, first_start, id LIMIT $n");
        return new MapSelection(shown, located, drawn, unlocated);
    });

    IEnumerable<(DocumentFacts Document, int Rank)> ILinkArchive.Documents()
    {
        var after = -1L;
        while (true)
        {
            List<(string Id, string Json, long Rank)> page = [];
            RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, """
                    SELECT d.id, f.facts, x.rank FROM archived_documents x
                    JOIN documents d ON d.seq = x.document_seq JOIN document_facts f ON f.document_seq = x.document_seq
                    WHERE x.rank > $after AND f.stale = 0 ORDER BY x.rank LIMIT $n
                    """);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
                return 0;
            });
            foreach (var (id, json, rank) in page)
            {
                if (Read<DocumentFacts>(json, "document " + id, keep: false) is { } facts) yield return (facts, (int)rank);
            }
            if (page.Count < ArchivePage) yield break;
            after = page[^1].Rank;
        }
    }

    IEnumerable<(int Rank, string Id, int Events)> ILinkArchive.DocumentSizes()
    {
        var after = -1L;
        while (true)
        {
            List<(int, string, int)> page = [];
            RecordRead((c, tx) =>
            {
                var cmd = On(c, tx, """
                    SELECT x.rank, d.id, (SELECT count(*) FROM event_assignments a WHERE a.document_seq = x.document_seq)
                    FROM archived_documents x JOIN documents d ON d.seq = x.document_seq JOIN document_facts f ON f.document_seq = x.document_seq
                    WHERE x.rank > $after AND f.stale = 0 ORDER BY x.rank LIMIT $n
                    """);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), r.GetString(1), (int)r.GetInt64(2)));
                return 0;
            });
            foreach (var size in page) yield return size;
            if (page.Count < ArchivePage * 4) yield break;
            after = page[^1].Item1;
        }
    }

    DocumentFacts? ILinkArchive.Document(string documentId)
    {
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, """
                SELECT f.facts FROM documents d JOIN archived_documents x ON x.document_seq = d.seq
                JOIN document_facts f ON f.document_seq = d.seq WHERE d.id = $id AND f.stale = 0
                """);
            cmd.Parameters.AddWithValue("$id", documentId);
            return cmd.ExecuteScalar() is string json ? Read<DocumentFacts>(json, "document " + documentId) : null;
        });
    }

    EventFacts? ILinkArchive.Event(string eventId)
    {
        var json = RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, """
                SELECT f.facts FROM event_assignments a JOIN archived_documents x ON x.document_seq = a.document_seq
                JOIN document_facts f ON f.document_seq = a.document_seq WHERE a.event = $id AND f.stale = 0
                """);
            cmd.Parameters.AddWithValue("$id", eventId);
            return cmd.ExecuteScalar() as string;
        });
        return json is null ? null : Read<DocumentFacts>(json, "event " + eventId)?.Events.FirstOrDefault(e => e.Id == eventId);
    }

    IncidentFacts ILinkArchive.Reports(IReadOnlyCollection<string> documents, IReadOnlyCollection<string> events)
    {
        var headers = new Dictionary<string, DocumentHeader>(StringComparer.Ordinal);
        var found = new Dictionary<string, EventFacts>(StringComparer.Ordinal);
        if (documents.Count == 0 && events.Count == 0) return new IncidentFacts(headers, found);
        // The documents asked for by id (as Document finds them) and those the events are assigned to (as Event finds
        // them), each read once as UTF-8 and taken apart without parsing what the page does not show (terms, entities,
        // people, the other events: most of each text).
        var texts = RecordRead((c, tx) =>
        {
            var dialect = _dialect;
            var cmd = On(c, tx, $"""
                WITH asked (seq, by_id) AS (
                    SELECT seq, 1 FROM documents WHERE id IN ({dialect.TextsOf("$documents")})
                    UNION ALL SELECT document_seq, 0 FROM event_assignments WHERE event IN ({dialect.TextsOf("$events")}))
                SELECT d.id, max(asked.by_id), f.facts FROM asked JOIN archived_documents x ON x.document_seq = asked.seq
                JOIN documents d ON d.seq = asked.seq JOIN document_facts f ON f.document_seq = asked.seq
                WHERE f.stale = 0 GROUP BY d.seq, f.document_seq
                """);
            cmd.Parameters.AddWithValue("$documents", JsonSerializer.Serialize(documents));
            cmd.Parameters.AddWithValue("$events", JsonSerializer.Serialize(events));
            var rows = new List<(string Id, bool ById, byte[] Facts)>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) rows.Add((r.GetString(0), r.GetInt64(1) != 0, r.GetFieldValue<byte[]>(2)));
            return rows;
        });
        var wanted = events.ToHashSet(StringComparer.Ordinal);
        foreach (var (id, byId, facts) in texts)
        {
            try
            {
                var (header, chosen) = ReadReports(facts, wanted);
                if (byId) headers[id] = header;
                foreach (var e in chosen) found.TryAdd(e.Id, e);
            }
            catch (JsonException)
            {
                // Read whole as Document would, so an unreadable row is named and dropped the same way.
                if (Read<DocumentFacts>(System.Text.Encoding.UTF8.GetString(facts), "document " + id, keep: false) is { } whole)
                {
                    if (byId) headers[id] = DocumentHeader.Of(whole);
                    foreach (var e in whole.Events.Where(e => wanted.Contains(e.Id))) found.TryAdd(e.Id, e);
                }
            }
        }
        return new IncidentFacts(headers, found);
    }

    /// <summary>
    /// A document's header and those of its events in <paramref name="wanted"/>, from its stored facts: the rest of the
    /// text is stepped over, not parsed. Each value read is what parsing the whole <see cref="DocumentFacts"/> gives.
    /// </summary>
    private static (DocumentHeader Header, List<EventFacts> Events) ReadReports(byte[] utf8, IReadOnlySet<string> wanted)
    {
        var reader = new Utf8JsonReader(utf8);
        string? id = null;
        string? outlet = null, title = null, duplicateOf = null;
        DateOnly? published = null;
        System.Collections.Immutable.ImmutableArray<Credit> credits = [];
        var chosen = new List<EventFacts>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id": id = JsonSerializer.Deserialize<string>(ref reader, FactsJson); break;
                case "outlet": outlet = JsonSerializer.Deserialize<string?>(ref reader, FactsJson); break;
                case "title": title = JsonSerializer.Deserialize<string?>(ref reader, FactsJson); break;
                case "published": published = JsonSerializer.Deserialize<DateOnly?>(ref reader, FactsJson); break;
                case "duplicateOf": duplicateOf = JsonSerializer.Deserialize<string?>(ref reader, FactsJson); break;
                case "credits": credits = JsonSerializer.Deserialize<System.Collections.Immutable.ImmutableArray<Credit>?>(ref reader, FactsJson) ?? []; break;
                case "events" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        if (wanted.Contains(EventId(reader) ?? "")) chosen.Add(JsonSerializer.Deserialize<EventFacts>(ref reader, FactsJson) ?? throw new JsonException("empty event"));
                        else reader.Skip();
                    }
                    if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("events is not a list of events");
                    break;
                default: reader.Skip(); break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || id is null) throw new JsonException("the facts are not a document's");
        return (new DocumentHeader(id, outlet, title, published, duplicateOf, credits), chosen);
    }

    /// <summary>The id of the event object the reader stands at (a copy of the reader looks ahead), or null.</summary>
    private static string? EventId(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            reader.Read();
            reader.Skip();
        }
        return null;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw new JsonException($"expected {type}");
    }

    string? ILinkArchive.IncidentOfEvent(string eventId)
    {
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, """
                SELECT a.incident FROM event_assignments a JOIN archived_incidents i ON i.id = a.incident
                JOIN document_facts f ON f.document_seq = a.document_seq WHERE a.event = $id AND f.stale = 0
                """);
            cmd.Parameters.AddWithValue("$id", eventId);
            return cmd.ExecuteScalar() as string;
        });
    }

    string? ILinkArchive.StoryOfDocument(string documentId)
    {
        return RecordRead((c, tx) =>
        {
            var cmd = On(c, tx, """
                SELECT f.story FROM documents d JOIN document_facts f ON f.document_seq = d.seq
                JOIN archived_stories s ON s.id = f.story WHERE d.id = $id AND f.stale = 0
                """);
            cmd.Parameters.AddWithValue("$id", documentId);
            return cmd.ExecuteScalar() as string;
        });
    }

    /// <summary>At most this many archived texts are kept parsed.</summary>
    private const int ParsedKept = 1024;

    /// <summary>Archived texts lately read, with what they parsed to, by their text.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _parsed = new(StringComparer.Ordinal);

    /// <summary>How many archived rows could not be read since the store was opened (each was one problem line).</summary>
    public int ArchiveProblems => Volatile.Read(ref _archiveProblems);

    private int _archiveProblems;

    /// <summary>Gets one line per archived row that cannot be read (the reader goes on without it).</summary>
    public Action<string>? ArchiveProblem { get; set; }

    /// <summary>
    /// An archived row as the linker wrote it, or null when it cannot be read: the row is named once, left out of what
    /// is being read, and the linker's counters are dropped so that the next load rebuilds the record (and the archive)
    /// from the documents' facts.
    /// </summary>
    /// <param name="keep">Keep it parsed for the next read (not for reads of the whole record, which would only churn what is kept).</param>
    private T? Read<T>(string json, string what, bool keep = true) where T : class
    {
        // The same summary or facts read again (a page and its links read a document's facts several times, and pages
        // are read again and again) is parsed once: equal text, equal (immutable) value.
        if (_parsed.TryGetValue(json, out var known) && known is T same) return same;
        try
        {
            var read = JsonSerializer.Deserialize<T>(json, FactsJson) ?? throw new JsonException("empty");
            if (keep)
            {
                if (_parsed.Count >= ParsedKept) _parsed.Clear();
                _parsed[json] = read;
            }
            return read;
        }
        catch (JsonException ex)
        {
            Interlocked.Increment(ref _archiveProblems);
            ArchiveProblem?.Invoke($"{Path}: the archived {what} cannot be read ({ex.Message}); left out now, and the next load rebuilds the record");
            lock (_gate) Command($"DELETE FROM linker_state WHERE name NOT IN {KeptCounters}", null).ExecuteNonQuery();
            return null;
        }
    }
}
