using Crosscheck.Documents;

namespace Crosscheck.Storage;

/// <summary>
/// Stores documents into one desk, keeping every document in one desk only: a document another desk of the store holds
/// already (the same content, so the same id) stays where it is, is counted as already stored, and <see cref="Elsewhere"/>
/// gets one line naming the desk. Its record, ids and incidents are that desk's; storing it twice would link one report
/// in two records. With no named desk declared (a store that never used desks) it only passes documents on.
/// </summary>
/// <remarks>
/// Two processes storing the same new document into two desks at the very same moment may both store it (each desk takes
/// its own write turns); each desk then links its copy within its own record, with the same ids in both.
/// </remarks>
public sealed class DeskGuard : IDocumentStore
{
    private readonly DocumentStore _desk;
    private readonly IReadOnlyList<DocumentStore> _others;

    private DeskGuard(DocumentStore desk, IReadOnlyList<DocumentStore> others)
    {
        _desk = desk;
        _others = others;
    }

    /// <summary>One line per document kept in the desk that holds it.</summary>
    public Action<string>? Elsewhere { get; init; }

    /// <summary>
    /// The guard of <paramref name="desk"/>, whose store is at <paramref name="location"/> (its desk's location): the other
    /// desks declared in the store are opened to be asked (and disposed with the guard; <paramref name="desk"/> is not).
    /// </summary>
    public static DeskGuard Over(DocumentStore desk, StoreLocation location, Action<string>? elsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(location);
        var others = new List<DocumentStore>();
        try
        {
            IReadOnlyList<DeskName> desks;
            if (location.Desk.IsDefault) desks = desk.Desks();
            else
            {
                var root = DocumentStore.Open(location.Root);
                others.Add(root);
                desks = root.Desks();
            }
            foreach (var other in desks)
            {
                if (other.IsDefault || other == location.Desk) continue;
                others.Add(DocumentStore.Open(location.Root.ForDesk(other)));
            }
        }
        catch
        {
            foreach (var other in others) other.Dispose();
            throw;
        }
        return new DeskGuard(desk, others) { Elsewhere = elsewhere };
    }

    /// <summary>The desks asked before a document is stored (none when the store has no named desk).</summary>
    public IReadOnlyList<DeskName> Others => [.. _others.Select(o => o.Desk)];

    public StoreOutcome Add(Document document) => AddRange([document])[0];

    public IReadOnlyList<StoreOutcome> AddRange(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (_others.Count == 0) return _desk.AddRange(documents);
        var outcomes = new StoreOutcome?[documents.Count];
        var here = new List<(int Index, Document Document)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (_others.FirstOrDefault(o => o.Holds(document.Id)) is { } holder)
            {
                outcomes[i] = new StoreOutcome(StoreStatus.AlreadyStored, document);
                Elsewhere?.Invoke($"{InputError.Escape(document.Source)}: already stored in {holder.Desk.Display} (document {document.Id}); it stays there, one document in one desk");
            }
            else here.Add((i, document));
        }
        if (here.Count > 0)
        {
            var stored = _desk.AddRange([.. here.Select(h => h.Document)]);
            for (var i = 0; i < here.Count; i++) outcomes[here[i].Index] = stored[i];
        }
        return [.. outcomes.Select(o => o!.Value)];
    }

    public int Count => _desk.Count;

    public Document? Get(string id) => _desk.Get(id);

    public DocumentPage List(string? query, int offset, int limit) => _desk.List(query, offset, limit);

    public IReadOnlyList<string> Sources(string id) => _desk.Sources(id);

    public void Dispose()
    {
        foreach (var other in _others) other.Dispose();
    }
}
