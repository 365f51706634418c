using Crosscheck.Linking;

namespace Crosscheck.Web;

/// <summary>
/// The lookups a page of one story, incident or document needs, each read on its own from the record (held in
/// memory or archived in the store: one indexed read), so such a page never reads the whole record.
/// </summary>
internal sealed class RecordView(SourcedRecord record)
{
    /// <summary>The view of the record as it stands now.</summary>
    public static RecordView Of(SourcedRecord record) => new(record);

    public Story? Story(string id) => record.Story(id);

    public Incident? Incident(string id) => record.Incident(id);

    public IReadOnlyList<Discrepancy> DiscrepanciesOf(string incidentId) => record.DiscrepanciesOf(incidentId);

    /// <summary>The incidents a document reports, in the record's order.</summary>
    public IReadOnlyList<Incident> IncidentsOf(string documentId) => record.IncidentsOfDocument(documentId);
}
