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

    /// <summary>Characters of text per transaction: a batch of long documents is written before it holds more.</summary>
    public const long BatchChars = 16L * 1024 * 1024;

    public IngestSummary Ingest(IEnumerable<string> inputs, Action<IngestItem>? progress = null, Func<Stream>? stdin = null, bool keepItems = true) =>
        Ingest(reader.Read(inputs, stdin), progress, keepItems);

    /// <summary>Stores documents already read (a feed fetched over HTTP), with the same batches and outcomes as reading inputs.</summary>
    public IngestSummary Ingest(IEnumerable<ReadResult> results, Action<IngestItem>? progress = null, bool keepItems = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        int added = 0, near = 0, already = 0, failed = 0;
        var items = new List<IngestItem>();
        var pending = new List<Document>(BatchSize);

        void Report(IngestItem item)
        {
            if (keepItems) items.Add(item);
            progress?.Invoke(item);
        }

        long pendingChars = 0;

        void Flush()
        {
            if (pending.Count == 0) return;
            IReadOnlyList<StoreOutcome> outcomes;
            try
            {
                outcomes = store.AddRange(pending);
            }
            catch (Exception ex) when (InputFault.IsOfOneInput(ex))
            {
                // One document the store refuses must not cost the batch: store each on its own, naming the one that fails.
                outcomes = StoreOneByOne(pending, Report, ref failed);
            }
            pendingChars = 0;
            foreach (var outcome in outcomes)
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

        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                failed++;
                Report(new IngestItem(error.Input, null, null, error));
                continue;
            }
            pending.Add(result.Document!);
            pendingChars += result.Document!.Text.Length;
            if (pending.Count >= BatchSize || pendingChars >= BatchChars) Flush();
        }
        Flush();
        return new IngestSummary(added, near, already, failed, items);
    }

    private List<StoreOutcome> StoreOneByOne(List<Document> documents, Action<IngestItem> report, ref int failed)
    {
        var outcomes = new List<StoreOutcome>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                outcomes.Add(store.Add(document));
            }
            catch (Exception ex) when (InputFault.IsOfOneInput(ex))
            {
                failed++;
                report(new IngestItem(document.Source, null, null, new InputError(document.Source, "cannot be stored (" + ex.Message + ")")));
            }
        }
        return outcomes;
    }
}
