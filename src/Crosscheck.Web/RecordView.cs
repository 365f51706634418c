using System.Runtime.CompilerServices;
using Crosscheck.Linking;

namespace Crosscheck.Web;

/// <summary>
/// Lookups over one snapshot of the sourced record, built once per snapshot (the record caches its snapshot until
/// the next change), so a page finds a story, an incident or a document's incidents without scanning the record.
/// </summary>
internal sealed class RecordView
{
    private static readonly ConditionalWeakTable<CrossRecord, RecordView> Views = new();

    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Discrepancy>> _discrepancies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Incident>> _incidentsOfDocument = new(StringComparer.Ordinal);

    private RecordView(CrossRecord record)
    {
        foreach (var story in record.Stories) _stories.TryAdd(story.Id, story);
        foreach (var incident in record.Incidents)
        {
            _incidents.TryAdd(incident.Id, incident);
            foreach (var document in incident.Documents)
            {
                if (!_incidentsOfDocument.TryGetValue(document, out var list)) _incidentsOfDocument[document] = list = [];
                list.Add(incident);
            }
        }
        foreach (var d in record.Discrepancies)
        {
            if (!_discrepancies.TryGetValue(d.Incident, out var list)) _discrepancies[d.Incident] = list = [];
            list.Add(d);
        }
    }

    /// <summary>The view of the record as it stands now.</summary>
    public static RecordView Of(SourcedRecord record) => Views.GetValue(record.Snapshot(), r => new RecordView(r));

    public Story? Story(string id) => _stories.GetValueOrDefault(id);

    public Incident? Incident(string id) => _incidents.GetValueOrDefault(id);

    public IReadOnlyList<Discrepancy> DiscrepanciesOf(string incidentId) => _discrepancies.GetValueOrDefault(incidentId) ?? [];

    /// <summary>The incidents a document reports, in the record's order.</summary>
    public IReadOnlyList<Incident> IncidentsOf(string documentId) => _incidentsOfDocument.GetValueOrDefault(documentId) ?? [];
}
