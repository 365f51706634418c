using System.Globalization;
using System.Text.Json;
using Crosscheck.Linking;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>
/// The linker's archive (migration 4): closed incidents and finished stories as JSON summaries, and the rank of each
/// document the linker let go. Reads go through indexes (an incident or story by id, an event's incident, documents
/// by rank); writes join the open batch of record writes, so an archived summary is committed with the links that led
/// to it. A document counts as archived only while its facts are in place (not stale).
/// </summary>
public sealed partial class SqliteDocumentStore : ILinkArchive
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
            foreach (var table in new[] { "archived_incidents", "archived_places", "archived_stories", "archived_documents", "open_stories" })
            {
                Command($"DELETE FROM {table}", write.Transaction).ExecuteNonQuery();
            }
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
            var cmd = Command("""
                INSERT INTO archived_incidents (id, first_rank, first_start, summary, mention, discrepancies)
                VALUES ($id, $rank, $start, $summary, $mention, $discrepancies)
                ON CONFLICT (id) DO UPDATE SET first_rank = excluded.first_rank, first_start = excluded.first_start, summary = excluded.summary,
                    mention = excluded.mention, discrepancies = excluded.discrepancies
                """, write.Transaction);
            cmd.Parameters.AddWithValue("$discrepancies", incident.Discrepancies.Length);
            cmd.Parameters.AddWithValue("$mention", incident.Incident.Mention ? 1 : 0);
            cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
            cmd.Parameters.AddWithValue("$rank", incident.FirstRank);
            cmd.Parameters.AddWithValue("$start", incident.FirstStart);
            cmd.Parameters.AddWithValue("$summary", json);
            cmd.ExecuteNonQuery();
            WritePlaces(incident, write.Transaction);
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
        lock (_gate)
        {
            var cmd = Command("SELECT summary FROM archived_incidents WHERE id = $id", null);
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? Read<ArchivedIncident>(json, "incident " + id) : null;
        }
    }

    ArchivedStory? ILinkArchive.Story(string id)
    {
        lock (_gate)
        {
            var cmd = Command("SELECT summary FROM archived_stories WHERE id = $id", null);
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? Read<ArchivedStory>(json, "story " + id) : null;
        }
    }

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

    /// <summary>Files an archived incident under each of its places with its days (replacing what was filed for it).</summary>
    private void WritePlaces(ArchivedIncident incident, SqliteTransaction tx)
    {
        var cmd = Command("DELETE FROM archived_places WHERE incident = $id", tx);
        cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
        cmd.ExecuteNonQuery();
        if (incident.First is not { } first || incident.Last is not { } last) return;
        foreach (var place in incident.Places)
        {
            cmd = Command("INSERT INTO archived_places (type, place, incident, first_day, last_day) VALUES ($type, $place, $id, $first, $last)", tx);
            cmd.Parameters.AddWithValue("$type", Events.PloverTypes.Name(incident.Incident.Type));
            cmd.Parameters.AddWithValue("$place", place);
            cmd.Parameters.AddWithValue("$id", incident.Incident.Id);
            cmd.Parameters.AddWithValue("$first", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$last", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }
    }

    IEnumerable<string> ILinkArchive.IncidentsAt(Events.PloverType type, string place, DateOnly from, DateOnly to)
    {
        lock (_gate)
        {
            var ids = new List<string>();
            var cmd = Command("""
                SELECT incident FROM archived_places WHERE type = $type AND place = $place AND first_day <= $to AND last_day >= $from ORDER BY incident
                """, null);
            cmd.Parameters.AddWithValue("$type", Events.PloverTypes.Name(type));
            cmd.Parameters.AddWithValue("$place", place);
            cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        }
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
            lock (_gate)
            {
                var cmd = Command($"SELECT id, summary FROM {table} WHERE id > $after ORDER BY id LIMIT $n", null);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add((r.GetString(0), r.GetString(1)));
            }
            foreach (var (id, json) in page)
            {
                if (Read<T>(json, what + " " + id) is { } item) yield return item;
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
            lock (_gate)
            {
                var cmd = Command("SELECT ord, id FROM archived_stories WHERE ord > $after ORDER BY ord LIMIT $n", null);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), r.GetString(1)));
            }
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
            lock (_gate)
            {
                var cmd = Command("""
                    SELECT first_rank, first_start, id FROM archived_incidents
                    WHERE mention = 0 AND (first_rank, first_start, id) > ($rank, $start, $id)
                    ORDER BY first_rank, first_start, id LIMIT $n
                    """, null);
                cmd.Parameters.AddWithValue("$rank", after.Rank);
                cmd.Parameters.AddWithValue("$start", after.Start);
                cmd.Parameters.AddWithValue("$id", after.Id);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), (int)r.GetInt64(1), r.GetString(2)));
            }
            foreach (var key in page) yield return key;
            if (page.Count < ArchivePage * 4) yield break;
            after = (page[^1].Item1, page[^1].Item2, page[^1].Item3);
        }
    }

    RecordCounts ILinkArchive.Counts()
    {
        lock (_gate)
        {
            using var r = Command("""
                SELECT (SELECT count(*) FROM archived_stories), (SELECT count(*) FROM archived_incidents WHERE mention = 0),
                       (SELECT count(*) FROM archived_incidents WHERE mention = 1), (SELECT coalesce(sum(discrepancies), 0) FROM archived_incidents WHERE discrepancies > 0)
                """, null).ExecuteReader();
            r.Read();
            return new RecordCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3));
        }
    }

    IEnumerable<(DocumentFacts Document, int Rank)> ILinkArchive.Documents()
    {
        var after = -1L;
        while (true)
        {
            List<(string Id, string Json, long Rank)> page = [];
            lock (_gate)
            {
                var cmd = Command("""
                    SELECT d.id, f.facts, x.rank FROM archived_documents x
                    JOIN documents d ON d.seq = x.document_seq JOIN document_facts f ON f.document_seq = x.document_seq
                    WHERE x.rank > $after AND f.stale = 0 ORDER BY x.rank LIMIT $n
                    """, null);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
            }
            foreach (var (id, json, rank) in page)
            {
                if (Read<DocumentFacts>(json, "document " + id) is { } facts) yield return (facts, (int)rank);
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
            lock (_gate)
            {
                var cmd = Command("""
                    SELECT x.rank, d.id, (SELECT count(*) FROM event_assignments a WHERE a.document_seq = x.document_seq)
                    FROM archived_documents x JOIN documents d ON d.seq = x.document_seq JOIN document_facts f ON f.document_seq = x.document_seq
                    WHERE x.rank > $after AND f.stale = 0 ORDER BY x.rank LIMIT $n
                    """, null);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$n", ArchivePage * 4);
                using var r = cmd.ExecuteReader();
                while (r.Read()) page.Add(((int)r.GetInt64(0), r.GetString(1), (int)r.GetInt64(2)));
            }
            foreach (var size in page) yield return size;
            if (page.Count < ArchivePage * 4) yield break;
            after = page[^1].Item1;
        }
    }

    DocumentFacts? ILinkArchive.Document(string documentId)
    {
        lock (_gate)
        {
            var cmd = Command("""
                SELECT f.facts FROM documents d JOIN archived_documents x ON x.document_seq = d.seq
                JOIN document_facts f ON f.document_seq = d.seq WHERE d.id = $id AND f.stale = 0
                """, null);
            cmd.Parameters.AddWithValue("$id", documentId);
            return cmd.ExecuteScalar() is string json ? Read<DocumentFacts>(json, "document " + documentId) : null;
        }
    }

    EventFacts? ILinkArchive.Event(string eventId)
    {
        string? json;
        lock (_gate)
        {
            var cmd = Command("""
                SELECT f.facts FROM event_assignments a JOIN archived_documents x ON x.document_seq = a.document_seq
                JOIN document_facts f ON f.document_seq = a.document_seq WHERE a.event = $id AND f.stale = 0
                """, null);
            cmd.Parameters.AddWithValue("$id", eventId);
            json = cmd.ExecuteScalar() as string;
        }
        return json is null ? null : Read<DocumentFacts>(json, "event " + eventId)?.Events.FirstOrDefault(e => e.Id == eventId);
    }

    string? ILinkArchive.IncidentOfEvent(string eventId)
    {
        lock (_gate)
        {
            var cmd = Command("""
                SELECT a.incident FROM event_assignments a JOIN archived_incidents i ON i.id = a.incident
                JOIN document_facts f ON f.document_seq = a.document_seq WHERE a.event = $id AND f.stale = 0
                """, null);
            cmd.Parameters.AddWithValue("$id", eventId);
            return cmd.ExecuteScalar() as string;
        }
    }

    string? ILinkArchive.StoryOfDocument(string documentId)
    {
        lock (_gate)
        {
            var cmd = Command("""
                SELECT f.story FROM documents d JOIN document_facts f ON f.document_seq = d.seq
                JOIN archived_stories s ON s.id = f.story WHERE d.id = $id AND f.stale = 0
                """, null);
            cmd.Parameters.AddWithValue("$id", documentId);
            return cmd.ExecuteScalar() as string;
        }
    }

    /// <summary>How many archived rows could not be read since the store was opened (each was one problem line).</summary>
    public int ArchiveProblems { get; private set; }

    /// <summary>Gets one line per archived row that cannot be read (the reader goes on without it).</summary>
    public Action<string>? ArchiveProblem { get; set; }

    /// <summary>
    /// An archived row as the linker wrote it, or null when it cannot be read: the row is named once, left out of what
    /// is being read, and the linker's counters are dropped so that the next load rebuilds the record (and the archive)
    /// from the documents' facts.
    /// </summary>
    private T? Read<T>(string json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, FactsJson) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            ArchiveProblems++;
            ArchiveProblem?.Invoke($"{Path}: the archived {what} cannot be read ({ex.Message}); left out now, and the next load rebuilds the record");
            lock (_gate) Command($"DELETE FROM linker_state WHERE name <> '{ChangesCounter}'", null).ExecuteNonQuery();
            return null;
        }
    }
}
