using Crosscheck.Documents;

namespace Crosscheck.Storage;

/// <summary>One input's fate in an ingest run.</summary>
public sealed record IngestItem(string Source, StoreStatus? Status, Document? Document, InputError? Error);

/// <summary>Counts of an ingest run.</summary>
public sealed record IngestSummary(int Added, int NearDuplicates, int AlreadyStored, int Failed, IReadOnlyList<IngestItem> Items)
{
    public int Read => Added + NearDuplicates + AlreadyStored;
}

/// <summary>Reads inputs and stores each document whole, reporting every item as it goes.</summary>
public sealed class DocumentIngestor(IDocumentStore store, DocumentReader reader)
{
    public IngestSummary Ingest(IEnumerable<string> inputs, Action<IngestItem>? progress = null, Func<Stream>? stdin = null, bool keepItems = true)
    {
        int added = 0, near = 0, already = 0, failed = 0;
        var items = new List<IngestItem>();
        foreach (var result in reader.Read(inputs, stdin))
        {
            IngestItem item;
            if (result.Error is { } error)
            {
                failed++;
                item = new IngestItem(error.Input, null, null, error);
            }
            else
            {
                var outcome = store.Add(result.Document!);
                switch (outcome.Status)
                {
                    case StoreStatus.Added: added++; break;
                    case StoreStatus.AddedNearDuplicate: near++; break;
                    default: already++; break;
                }
                item = new IngestItem(result.Document!.Source, outcome.Status, outcome.Document, null);
            }
            if (keepItems) items.Add(item);
            progress?.Invoke(item);
        }
        return new IngestSummary(added, near, already, failed, items);
    }
}
