using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crosscheck.Linking;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>
/// One stored document in the order documents were stored: what the linker read from it and where it put it,
/// or, for a document stored but never linked (a run that stopped between the two), only its id.
/// </summary>
public sealed record StoredLink(string DocumentId, DocumentFacts? Facts, DocumentAssignment? Assignment);

/// <summary>The sourced record's rows: each document's facts and assignment (migration 2), written incrementally.</summary>
public sealed partial class SqliteDocumentStore : IRecordJournal
{
    /// <summary>How <see cref="DocumentFacts"/> are kept: compact JSON, enums by name, nulls left out.</summary>
    internal static readonly JsonSerializerOptions FactsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>How many stored documents have their facts and assignment stored.</summary>
    public int LinkedCount
    {
        get
        {
            lock (_gate)
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = "SELECT count(*) FROM document_facts";
                return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Stores a linked document's facts and assignment in one transaction, replacing what was stored for it
    /// before (so saving again is harmless). The document itself must be stored already.
    /// </summary>
    public void SaveLink(DocumentFacts facts, DocumentAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(assignment);
        var json = JsonSerializer.Serialize(facts, FactsJson);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var seq = SeqOf(facts.Id, tx) ?? throw new InvalidOperationException($"document {facts.Id} is not stored, so its facts cannot be");
            var cmd = Command("""
                INSERT INTO document_facts (document_seq, story, facts) VALUES ($seq, $story, $facts)
                ON CONFLICT (document_seq) DO UPDATE SET story = excluded.story, facts = excluded.facts
                """, tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.Parameters.AddWithValue("$story", assignment.Story);
            cmd.Parameters.AddWithValue("$facts", json);
            cmd.ExecuteNonQuery();
            cmd = Command("DELETE FROM event_assignments WHERE document_seq = $seq", tx);
            cmd.Parameters.AddWithValue("$seq", seq);
            cmd.ExecuteNonQuery();
            foreach (var ev in facts.Events)
            {
                if (!assignment.Events.TryGetValue(ev.Id, out var a)) throw new InvalidOperationException($"event {ev.Id} of {facts.Id} has no assignment");
                cmd = Command("""
                    INSERT INTO event_assignments (event, document_seq, incident, joined_to, score, reason)
                    VALUES ($event, $seq, $incident, $joined, $score, $reason)
                    """, tx);
                cmd.Parameters.AddWithValue("$seq", seq);
                BindAssignment(cmd, ev.Id, a);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>Rewrites the assignments of events that moved (a detach), all in one transaction; unknown events are an error.</summary>
    public void SaveAssignments(IReadOnlyDictionary<string, EventAssignment> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var (id, a) in events.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var cmd = Command("""
                    UPDATE event_assignments SET incident = $incident, joined_to = $joined, score = $score, reason = $reason
                    WHERE event = $event
                    """, tx);
                BindAssignment(cmd, id, a);
                if (cmd.ExecuteNonQuery() != 1) throw new InvalidOperationException($"event {id} has no stored assignment");
            }
            tx.Commit();
        }
    }

    void IRecordJournal.Linked(DocumentFacts document, DocumentAssignment assignment) => SaveLink(document, assignment);

    void IRecordJournal.Reassigned(IReadOnlyDictionary<string, EventAssignment> events) => SaveAssignments(events);

    private static void BindAssignment(SqliteCommand cmd, string eventId, EventAssignment a)
    {
        cmd.Parameters.AddWithValue("$event", eventId);
        cmd.Parameters.AddWithValue("$incident", a.Incident);
        cmd.Parameters.AddWithValue("$joined", (object?)a.Link.JoinedTo ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$score", a.Link.Score);
        cmd.Parameters.AddWithValue("$reason", a.Link.Reason);
    }

    /// <summary>
    /// Every stored document in stored order with its facts and assignment (null for one never linked), read a page
    /// at a time so that no statement stays open while the caller writes.
    /// </summary>
    public IEnumerable<StoredLink> ReadLinks(int pageSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        long after = 0;
        while (true)
        {
            var page = ReadLinkPage(after, pageSize, out var last);
            foreach (var link in page) yield return link;
            if (page.Count < pageSize) yield break;
            after = last;
        }
    }

    private List<StoredLink> ReadLinkPage(long after, int pageSize, out long last)
    {
        lock (_gate)
        {
            var rows = new List<(long Seq, string Id, string? Story, string? Facts)>(pageSize);
            var cmd = Command("""
                SELECT d.seq, d.id, f.story, f.facts FROM documents d LEFT JOIN document_facts f ON f.document_seq = d.seq
                WHERE d.seq > $after ORDER BY d.seq LIMIT $limit
                """, null);
            cmd.Parameters.AddWithValue("$after", after);
            cmd.Parameters.AddWithValue("$limit", pageSize);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
            last = rows.Count > 0 ? rows[^1].Seq : after;
            var events = new Dictionary<long, Dictionary<string, EventAssignment>>();
            if (rows.Count > 0)
            {
                cmd = Command("""
                    SELECT document_seq, event, incident, joined_to, score, reason FROM event_assignments
                    WHERE document_seq > $after AND document_seq <= $last
                    """, null);
                cmd.Parameters.AddWithValue("$after", after);
                cmd.Parameters.AddWithValue("$last", last);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var seq = r.GetInt64(0);
                    if (!events.TryGetValue(seq, out var map)) events[seq] = map = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
                    var id = r.GetString(1);
                    map[id] = new EventAssignment(r.GetString(2), new IncidentLink(id, r.IsDBNull(3) ? null : r.GetString(3), r.GetDouble(4), r.GetString(5)));
                }
            }
            var links = new List<StoredLink>(rows.Count);
            foreach (var (seq, id, story, json) in rows)
            {
                if (story is null || json is null)
                {
                    links.Add(new StoredLink(id, null, null));
                    continue;
                }
                DocumentFacts? facts;
                try
                {
                    facts = JsonSerializer.Deserialize<DocumentFacts>(json, FactsJson);
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path}: the stored facts of document {id} cannot be read ({ex.Message})", ex);
                }
                if (facts is null) throw new InvalidDataException($"{Path}: the stored facts of document {id} are empty");
                links.Add(new StoredLink(id, facts, new DocumentAssignment(story, events.GetValueOrDefault(seq) ?? [])));
            }
            return links;
        }
    }
}
