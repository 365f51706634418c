using System.Globalization;
using Crosscheck.Linking;
using System.Data.Common;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>How many stored readings one analyzer made (null: readings stored before versions).</summary>
public sealed record AnalyzerCount(string? Analyzer, int Documents);

/// <summary>
/// A decision made by hand (a report detached from an incident) whose event a new reading of the document no longer
/// has: kept here with the words it was about, so no decision is lost, and listed by <c>reprocess</c>.
/// </summary>
public sealed record UnplacedDecision(string Event, string Document, string Incident, string Reason, string Evidence, string Trigger, string? Analyzer);

/// <summary>Which analyzer made each stored reading, and the readings <c>reprocess</c> makes again (migration 8).</summary>
public sealed partial class DocumentStore
{
    /// <summary>Stored readings by analyzer, the most common first (then by name).</summary>
    public IReadOnlyList<AnalyzerCount> Analyzers()
    {
        lock (_gate)
        {
            var list = new List<AnalyzerCount>();
            using var r = Command("SELECT analyzer, count(*) FROM document_facts GROUP BY analyzer ORDER BY count(*) DESC, analyzer", null).ExecuteReader();
            while (r.Read()) list.Add(new AnalyzerCount(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1)));
            return list;
        }
    }

    /// <summary>
    /// Marks stored documents to be read again from their text: every one (<paramref name="all"/>), or those whose
    /// reading another analyzer than <paramref name="current"/> made (readings from before versions included).
    /// Documents kept out after a failed analysis are tried again either way. The marked documents join the link
    /// queue, and the next load rebuilds the record from the first of them; in a store that queues readings they wait
    /// for the workers too. Returns how many were marked.
    /// </summary>
    public int MarkForReading(bool all, string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        lock (_gate)
        {
            using var write = RecordWrite();
            var tx = write.Transaction;
            var cmd = Command("UPDATE document_facts SET reread = 1 WHERE $all = 1 OR analyzer IS NULL OR analyzer <> $current", tx);
            cmd.Parameters.AddWithValue("$all", all ? 1 : 0);
            cmd.Parameters.AddWithValue("$current", current);
            var marked = cmd.ExecuteNonQuery();
            Command("INSERT OR IGNORE INTO link_queue (document_seq) SELECT document_seq FROM document_facts WHERE reread = 1", tx).ExecuteNonQuery();
            Command("INSERT OR IGNORE INTO link_queue (document_seq) SELECT document_seq FROM link_failures", tx).ExecuteNonQuery();
            marked += Command("DELETE FROM link_failures", tx).ExecuteNonQuery();
            if (QueuesReadings)
            {
                // A shared store: the workers read them (readings of an earlier analyzer waiting to be linked go).
                Command("DELETE FROM document_readings WHERE document_seq IN (SELECT document_seq FROM link_queue)", tx).ExecuteNonQuery();
                Command("INSERT OR IGNORE INTO analysis_queue (document_seq) SELECT document_seq FROM link_queue", tx).ExecuteNonQuery();
            }
            Changed(tx);
            write.Complete();
            return marked;
        }
    }

    /// <summary>Keeps a decision whose event a new reading no longer has (replacing one kept for the same event).</summary>
    public void KeepUnplaced(UnplacedDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (_gate)
        {
            var cmd = Command("""
                INSERT INTO unplaced_decisions (event, document, incident, reason, evidence, trigger, analyzer)
                VALUES ($event, $document, $incident, $reason, $evidence, $trigger, $analyzer)
                ON CONFLICT (event) DO UPDATE SET incident = excluded.incident, reason = excluded.reason, analyzer = excluded.analyzer
                """, null);
            cmd.Parameters.AddWithValue("$event", decision.Event);
            cmd.Parameters.AddWithValue("$document", decision.Document);
            cmd.Parameters.AddWithValue("$incident", decision.Incident);
            cmd.Parameters.AddWithValue("$reason", decision.Reason);
            cmd.Parameters.AddWithValue("$evidence", decision.Evidence);
            cmd.Parameters.AddWithValue("$trigger", decision.Trigger);
            cmd.Parameters.AddWithValue("$analyzer", (object?)decision.Analyzer ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The decisions kept aside, by document then event.</summary>
    public IReadOnlyList<UnplacedDecision> UnplacedDecisions()
    {
        lock (_gate)
        {
            var list = new List<UnplacedDecision>();
            using var r = Command("SELECT event, document, incident, reason, evidence, trigger, analyzer FROM unplaced_decisions ORDER BY document, event", null).ExecuteReader();
            while (r.Read())
            {
                list.Add(new UnplacedDecision(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6)));
            }
            return list;
        }
    }

    /// <summary>How many documents are marked to be read again.</summary>
    public int MarkedForReading
    {
        get
        {
            lock (_gate) return Convert.ToInt32(Command("SELECT count(*) FROM document_facts WHERE reread = 1", null).ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>One item of the record as it was exported: its kind (event, incident, discrepancy, story), id and a digest of its JSON.</summary>
public readonly record struct RecordItem(string Kind, string Id, string Digest);

/// <summary>The record's version after a <see cref="DocumentStore.PublishVersion"/>, and what that version changed.</summary>
public sealed record RecordVersion(int Version, int Added, int Changed, int Removed);

/// <summary>What changed after a version: items added or changed (by kind and id), and items removed.</summary>
public sealed record RecordChanges(int Since, int Version, IReadOnlyDictionary<(string Kind, string Id), bool> AddedOrChanged, IReadOnlyList<(string Kind, string Id)> Removed)
{
    /// <summary>True when the item was added after <see cref="Since"/>, false when it existed then and changed.</summary>
    public bool IsAdded(string kind, string id) => AddedOrChanged.TryGetValue((kind, id), out var added) && added;
}

/// <summary>The record's versions (migration 8): each export compares the record with the last version and counts a new one when it differs.</summary>
public sealed partial class DocumentStore
{
    /// <summary>The record's latest version (0 before the first export).</summary>
    public int RecordVersionNumber
    {
        get
        {
            lock (_gate) return LatestVersion();
        }
    }

    /// <summary>
    /// Compares the record's items with those of the latest version: when any was added, changed or removed, a new
    /// version is counted (one transaction) and the items are marked with it; otherwise the version stays.
    /// </summary>
    public RecordVersion PublishVersion(IEnumerable<RecordItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        // Read whole before the lock: reading the record may read the archive.
        var current = items.ToList();
        lock (_gate)
        {
            var known = new Dictionary<(string, string), string>();
            using (var r = Command("SELECT kind, id, digest FROM record_items WHERE removed IS NULL", null).ExecuteReader())
            {
                while (r.Read()) known[(r.GetString(0), r.GetString(1))] = r.GetString(2);
            }
            var added = new List<RecordItem>();
            var changed = new List<RecordItem>();
            var seen = new HashSet<(string, string)>();
            foreach (var item in current)
            {
                if (!seen.Add((item.Kind, item.Id))) continue;
                if (!known.TryGetValue((item.Kind, item.Id), out var digest)) added.Add(item);
                else if (digest != item.Digest) changed.Add(item);
            }
            var removed = known.Keys.Where(k => !seen.Contains(k)).Order().ToList();
            var latest = LatestVersion();
            if (added.Count + changed.Count + removed.Count == 0 && latest > 0) return new RecordVersion(latest, 0, 0, 0);
            var version = latest + 1;
            using var write = RecordWrite();
            var tx = write.Transaction;
            var cmd = Command("INSERT INTO record_versions (version, made_at, added, changed, removed) VALUES ($v, $at, $a, $c, $r)", tx);
            cmd.Parameters.AddWithValue("$v", version);
            cmd.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$a", added.Count);
            cmd.Parameters.AddWithValue("$c", changed.Count);
            cmd.Parameters.AddWithValue("$r", removed.Count);
            cmd.ExecuteNonQuery();
            var upsert = Command("""
                INSERT INTO record_items (kind, id, digest, added, changed, removed) VALUES ($kind, $id, $digest, $v, $v, NULL)
                ON CONFLICT (kind, id) DO UPDATE SET digest = excluded.digest, changed = excluded.changed, removed = NULL,
                    added = CASE WHEN record_items.removed IS NULL THEN record_items.added ELSE excluded.added END
                """, tx);
            var kind = upsert.Parameters.AddWithValue("$kind", null);
            var id = upsert.Parameters.AddWithValue("$id", null);
            var dig = upsert.Parameters.AddWithValue("$digest", null);
            upsert.Parameters.AddWithValue("$v", version);
            foreach (var item in added.Concat(changed))
            {
                kind.Value = item.Kind;
                id.Value = item.Id;
                dig.Value = item.Digest;
                upsert.ExecuteNonQuery();
            }
            var remove = Command("UPDATE record_items SET removed = $v, changed = $v WHERE kind = $kind AND id = $id", tx);
            var rk = remove.Parameters.AddWithValue("$kind", null);
            var ri = remove.Parameters.AddWithValue("$id", null);
            remove.Parameters.AddWithValue("$v", version);
            foreach (var (k, i) in removed)
            {
                rk.Value = k;
                ri.Value = i;
                remove.ExecuteNonQuery();
            }
            write.Complete();
            return new RecordVersion(version, added.Count, changed.Count, removed.Count);
        }
    }

    private int LatestVersion() => Convert.ToInt32(Command("SELECT coalesce(max(version), 0) FROM record_versions", null).ExecuteScalar(), CultureInfo.InvariantCulture);

    /// <summary>What changed after version <paramref name="since"/> up to the latest version; an unknown version is an error.</summary>
    public RecordChanges ChangesSince(int since)
    {
        lock (_gate)
        {
            var latest = LatestVersion();
            if (since < 0 || since > latest) throw new ArgumentOutOfRangeException(nameof(since), since, $"the record has versions 1 to {latest} (0 = from the start)");
            var changed = new Dictionary<(string, string), bool>();
            var removed = new List<(string, string)>();
            var cmd = Command("SELECT kind, id, added, removed FROM record_items WHERE changed > $since ORDER BY kind, id", null);
            cmd.Parameters.AddWithValue("$since", since);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                if (!r.IsDBNull(3))
                {
                    // Added and removed again after the version: it never was in a version the reader saw.
                    if (r.GetInt64(2) <= since) removed.Add(key);
                }
                else changed[key] = r.GetInt64(2) > since;
            }
            return new RecordChanges(since, latest, changed, removed);
        }
    }
}
