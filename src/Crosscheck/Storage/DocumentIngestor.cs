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
    /// <summary>Documents stored per transaction: large enough to amortize the commit, small enough that a crash loses little.</summary>
    public const int BatchSize = 256;

    public IngestSummary Ingest(IEnumerable<string> inputs, Action<IngestItem>? progress = null, Func<Stream>? stdin = null, bool keepItems = true)
    {
        int added = 0, near = 0, already = 0, failed = 0;
        var items = new List<IngestItem>();
        var pending = new List<Document>(BatchSize);

        void Report(IngestItem item)
        {
            if (keepItems) items.Add(item);
            progress?.Invoke(item);
        }

        void Flush()
        {
            if (pending.Count == 0) return;
            foreach (var outcome in store.AddRange(pending))
            {
                switch (outcome.Status)
                {
                    case StoreStatus.Added: added++; break;
                    case StoreStatus.AddedNearDuplicate: near++; break;
                    default: already++; break;
                }
                Report(new IngestItem(outcome.Document.Source, outcome.Status, outcome.Document, null));
            }
            pending.Clear();
        }

        foreach (var result in reader.Read(inputs, stdin))
        {
            if (result.Error is { } error)
            {
                failed++;
                Report(new IngestItem(error.Input, null, null, error));
                continue;
            }
            pending.Add(result.Document!);
            if (pending.Count >= BatchSize) Flush();
        }
        Flush();
        return new IngestSummary(added, near, already, failed, items);
    }
}
