using System.Globalization;
using Crosscheck.Review;

using Crosscheck.Storage.Sql;

namespace Crosscheck.Storage;

/// <summary>The analysts' decisions (migration 9): append-only rows, numbered in the order made; triggers refuse updates and deletes.</summary>
public sealed partial class DocumentStore
{
    /// <summary>Stores a decision and returns it with its number and the store's time (the given time is ignored).</summary>
    public Decision AppendDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (_gate)
        {
            var at = _time.GetUtcNow();
            var cmd = Command("""
                INSERT INTO decisions (made_at, author, target_kind, target, action, field, before, after, reason, reverts)
                VALUES ($at, $author, $kind, $target, $action, $field, $before, $after, $reason, $reverts)
                RETURNING number
                """, null);
            cmd.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$author", decision.Author);
            cmd.Parameters.AddWithValue("$kind", DecisionNames.Name(decision.TargetKind));
            cmd.Parameters.AddWithValue("$target", decision.Target);
            cmd.Parameters.AddWithValue("$action", DecisionNames.Name(decision.Action));
            cmd.Parameters.AddWithValue("$field", (object?)decision.Field ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$before", (object?)decision.Before ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$after", (object?)decision.After ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$reason", decision.Reason);
            cmd.Parameters.AddWithValue("$reverts", (object?)decision.Reverts ?? DBNull.Value);
            long number;
            // A write of its own (outside a batch): announced, so that another process's batches of writes let it in.
            using (_batch is null ? _turns?.Wanting() : null) number = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            Interlocked.Increment(ref _analystWrites);
            return decision with { Number = number, At = at };
        }
    }

    /// <summary>Records that a new reading gave the event <paramref name="old"/> the id <paramref name="successor"/>.</summary>
    public void SaveSuccessor(string old, string successor)
    {
        lock (_gate)
        {
            var cmd = Command("INSERT INTO event_successors (old, new) VALUES ($old, $new) ON CONFLICT (old) DO UPDATE SET new = excluded.new", null);
            cmd.Parameters.AddWithValue("$old", old);
            cmd.Parameters.AddWithValue("$new", successor);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Every event id a new reading replaced, with the id it became.</summary>
    public IReadOnlyDictionary<string, string> ReadSuccessors()
    {
        lock (_gate)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            using var r = Command("SELECT old, new FROM event_successors", null).ExecuteReader();
            while (r.Read()) map[r.GetString(0)] = r.GetString(1);
            return map;
        }
    }

    /// <summary>Every decision in the order made; a row this version cannot read is named through <see cref="ArchiveProblem"/> and left out.</summary>
    public IReadOnlyList<Decision> ReadDecisions()
    {
        lock (_gate)
        {
            var list = new List<Decision>();
            using var r = Command("SELECT number, made_at, author, target_kind, target, action, field, before, after, reason, reverts FROM decisions ORDER BY number", null).ExecuteReader();
            while (r.Read())
            {
                if (!DecisionNames.TryParse(r.GetString(3), out DecisionTarget kind) || !DecisionNames.TryParse(r.GetString(5), out DecisionAction action)
                    || !DateTimeOffset.TryParse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                {
                    Interlocked.Increment(ref _archiveProblems);
                    ArchiveProblem?.Invoke($"{Path}: decision {r.GetInt64(0)} cannot be read by this version; left out");
                    continue;
                }
                list.Add(new Decision
                {
                    Number = r.GetInt64(0),
                    At = at,
                    Author = r.GetString(2),
                    TargetKind = kind,
                    Target = r.GetString(4),
                    Action = action,
                    Field = r.IsDBNull(6) ? null : r.GetString(6),
                    Before = r.IsDBNull(7) ? null : r.GetString(7),
                    After = r.IsDBNull(8) ? null : r.GetString(8),
                    Reason = r.GetString(9),
                    Reverts = r.IsDBNull(10) ? null : r.GetInt64(10),
                });
            }
            return list;
        }
    }
}
