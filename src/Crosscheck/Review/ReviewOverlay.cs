using System.Collections.Immutable;
using Crosscheck.Linking;

namespace Crosscheck.Review;

/// <summary>A value an analyst set that is in effect, as the record shows it beside the machine's reading.</summary>
public sealed record ReviewedValue(string Field, string Value, string Author, DateTimeOffset At, long Decision, string Reason);

/// <summary>
/// The analysts' decisions applied over the machine's reading: for each incident and event, the latest value set for
/// each field that no revert undid, and for each incident the latest grade. Immutable: a new decision makes a new
/// overlay. A decision is in effect unless a revert in effect undoes it (so reverting a revert puts it back).
/// Incidents take their own values only (a report's corrected value changes that report, not the incident's summary:
/// set the incident's value for that); actors, target and injured, which incidents do not sum up, are listed in
/// <see cref="Incident.Review"/> only.
/// </summary>
public sealed class ReviewOverlay
{
    public static readonly ReviewOverlay Empty = new([]);

    private readonly Dictionary<(DecisionTarget, string), Dictionary<string, Decision>> _values = [];
    private readonly Dictionary<string, Decision> _grades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Decision>> _byTarget = new(StringComparer.Ordinal);
    private readonly HashSet<long> _inEffect = [];

    private readonly IReadOnlyDictionary<string, string> _successors;

    /// <param name="successors">Event ids a new reading replaced, with the ids they became: decisions about the old id apply to the new one.</param>
    public ReviewOverlay(IEnumerable<Decision> decisions, IReadOnlyDictionary<string, string>? successors = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        _successors = successors ?? new Dictionary<string, string>(StringComparer.Ordinal);
        Decisions = [.. decisions.OrderBy(d => d.Number).Select(d => d.TargetKind == DecisionTarget.Event ? d with { Target = Resolve(d.Target) } : d)];
        var reverts = Decisions.Where(d => d.Action == DecisionAction.Revert && d.Reverts is not null).ToLookup(d => d.Reverts!.Value);
        var memo = new Dictionary<long, bool>();
        // From the newest back, so a revert's own state is known before the decision it undoes.
        foreach (var d in Decisions.AsEnumerable().Reverse())
        {
            memo[d.Number] = !reverts[d.Number].Any(r => memo.GetValueOrDefault(r.Number));
            if (memo[d.Number]) _inEffect.Add(d.Number);
        }
        foreach (var d in Decisions)
        {
            if (!_byTarget.TryGetValue(d.Target, out var list)) _byTarget[d.Target] = list = [];
            list.Add(d);
            if (!_inEffect.Contains(d.Number)) continue;
            if (d.Action == DecisionAction.Set && d.Field is { } field && d.After is not null)
            {
                if (!_values.TryGetValue((d.TargetKind, d.Target), out var fields)) _values[(d.TargetKind, d.Target)] = fields = new(StringComparer.Ordinal);
                fields[field] = d;
            }
            else if (d.Action == DecisionAction.Grade && d.After is not null) _grades[d.Target] = d;
        }
    }

    /// <summary>The incidents with values an analyst set in effect (their reading differs from the machine's).</summary>
    public IReadOnlySet<string> ReviewedIncidents => _reviewedIncidents ??=
        _values.Keys.Where(k => k.Item1 == DecisionTarget.Incident).Select(k => k.Item2).Concat(_grades.Keys).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _reviewedIncidents;

    /// <summary>Event ids a new reading replaced, with the ids they became.</summary>
    public IReadOnlyDictionary<string, string> Successors => _successors;

    /// <summary>The id an event has now: followed through every new reading that changed it.</summary>
    public string Resolve(string eventId)
    {
        for (var hops = 0; hops < 32 && _successors.TryGetValue(eventId, out var next); hops++) eventId = next;
        return eventId;
    }

    /// <summary>The same decisions with one more replaced event id.</summary>
    public ReviewOverlay WithSuccessor(string old, string successor) =>
        new(Decisions, new Dictionary<string, string>(_successors, StringComparer.Ordinal) { [old] = successor });

    /// <summary>Every decision, in the order made (a decision about an event names the event's id now).</summary>
    public ImmutableArray<Decision> Decisions { get; }

    public bool IsEmpty => Decisions.IsEmpty;

    /// <summary>Whether a decision is in effect (false for one a revert undid, and for an unknown number).</summary>
    public bool InEffect(long number) => _inEffect.Contains(number);

    /// <summary>The decisions about an incident and about each of the given events (its reports), in the order made.</summary>
    public IReadOnlyList<Decision> History(string incidentId, IEnumerable<string> eventIds)
    {
        var targets = new HashSet<string>(eventIds, StringComparer.Ordinal) { incidentId };
        return [.. targets.SelectMany(t => _byTarget.GetValueOrDefault(t) ?? []).OrderBy(d => d.Number)];
    }

    /// <summary>The decisions about one target (an incident's or event's id), in the order made.</summary>
    public IReadOnlyList<Decision> Of(string target) => _byTarget.GetValueOrDefault(target) ?? [];

    public EventFacts Apply(EventFacts e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_values.TryGetValue((DecisionTarget.Event, e.Id), out var fields)) return e;
        foreach (var (field, d) in fields)
        {
            var v = d.After!;
            e = field switch
            {
                ReviewFields.Type => e with { Type = ReviewFields.TypeOf(v) },
                ReviewFields.Modality => e with { Modality = ReviewFields.ModalityOf(v) },
                ReviewFields.Actors => e with { Actors = ReviewFields.ParticipantsOf(v) },
                ReviewFields.Target => e with { Recipients = ReviewFields.ParticipantsOf(v) },
                ReviewFields.Place => e with { Location = ReviewFields.PlaceFactsOf(v) },
                ReviewFields.Day => e with { Time = ReviewFields.TimeFactsOf(v) },
                ReviewFields.Killed => e with { Fatalities = ReviewFields.RangeOf(v) },
                ReviewFields.Injured => e with { Injured = ReviewFields.RangeOf(v) },
                _ => e,
            };
        }
        return e;
    }

    public DocumentFacts Apply(DocumentFacts d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Events.Any(e => _values.ContainsKey((DecisionTarget.Event, e.Id))) ? d with { Events = [.. d.Events.Select(Apply)] } : d;
    }

    public Incident Apply(Incident i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var hasValues = _values.TryGetValue((DecisionTarget.Incident, i.Id), out var fields);
        var hasGrade = _grades.TryGetValue(i.Id, out var grade);
        if (!hasValues && !hasGrade) return i;
        var reviewed = new List<ReviewedValue>();
        foreach (var (field, d) in (fields ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var v = d.After!;
            reviewed.Add(new ReviewedValue(field, v, d.Author, d.At, d.Number, d.Reason));
            i = field switch
            {
                ReviewFields.Type => i with { Type = ReviewFields.TypeOf(v) },
                ReviewFields.Modality => i with { Modality = ReviewFields.ModalityOf(v) },
                ReviewFields.Place => i with { Location = ReviewFields.PlaceFactsOf(v) },
                ReviewFields.Day => i with { Time = ReviewFields.TimeFactsOf(v) },
                ReviewFields.Killed => i with { Fatalities = Killed(i.Fatalities, ReviewFields.RangeOf(v), d) },
                _ => i,
            };
        }
        if (grade is not null)
        {
            reviewed.Add(new ReviewedValue(ReviewFields.Grade, grade.After!, grade.Author, grade.At, grade.Number, grade.Reason));
            i = i with { Grade = ReviewFields.GradeOf(grade.After!), GradeReason = $"set in review by {grade.Author}: {grade.Reason}" };
        }
        return i with { Review = [.. reviewed] };
    }

    private static FatalityRecord Killed(FatalityRecord? machine, RangeFacts set, Decision d) =>
        new(set.Min, set.Max ?? set.Min, set.Max ?? set.Min, machine?.BySource ?? [], $"set in review by {d.Author} (decision {d.Number}): {d.Reason}");
}
