using Crosscheck.Documents;
using Crosscheck.Linking;

namespace Crosscheck.Storage;

/// <summary>
/// Reads the documents a load will link next on the machine's other cores while it links the one before: linking stays
/// one document at a time in link order, and each reading is the same as read in turn (reading a document depends on
/// nothing but the document), so the record is the same. The documents are fetched on the linking thread (the store's
/// connection is the linker's); only the reading runs on the thread pool, at most <see cref="Window"/> ahead.
/// </summary>
internal sealed class ReadAhead(DocumentStore store, IReadOnlyList<StoredLink> links, Func<StoredLink, bool> needsReading, Func<Document, DocumentFacts> analyze)
{
    /// <summary>How many documents may be read ahead of the one being linked.</summary>
    public static int Window => Math.Max(2, 2 * Environment.ProcessorCount);

    private readonly Dictionary<int, Task<DocumentFacts>> _started = [];
    private int _next;

    /// <summary>The reading of link <paramref name="index"/> (started now if it was not), after starting those up to the window.</summary>
    public Task<DocumentFacts>? Take(int index)
    {
        if (_next <= index) _next = index;
        while (_next < links.Count && _next <= index + Window)
        {
            Start(_next);
            _next++;
        }
        return _started.Remove(index, out var reading) ? reading : null;
    }

    private void Start(int index)
    {
        var link = links[index];
        if (!needsReading(link) || _started.ContainsKey(index)) return;
        // A document gone from the store is left to the linking thread, which says so as it always has.
        if (store.Get(link.DocumentId) is not { } document) return;
        _started[index] = Task.Run(() => analyze(document));
    }
}
