using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Storage;

/// <summary>What a load did: the record, and how many documents were re-added from their stored rows or read anew.</summary>
public sealed record RecordLoad(SourcedRecord Record, int Reloaded, int Linked);

/// <summary>
/// Rebuilds the sourced record from a database and brings it up to date. Every stored document is added again
/// in stored order: with its stored facts and assignment it goes back where it was, without scoring; a document
/// stored but never linked (a new one, or one whose run stopped before its facts were saved) is analyzed and
/// linked now, and its facts and assignment are saved in one transaction as it goes. The returned record keeps
/// saving its changes (a detach) to the store.
/// </summary>
public static class RecordLoader
{
    /// <summary>The standard reading of one document: language pipeline, event reader, then the linker's facts.</summary>
    public static DocumentFacts Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = StandardPipeline.Default.Process(document);
        var reading = EventReader.Default.Read(text);
        return LinkFactsBuilder.Build(document, text, reading);
    }

    /// <param name="store">The database; it becomes the record's <see cref="SourcedRecord.Journal"/>.</param>
    /// <param name="analyze">How an unlinked document is read (default <see cref="Analyze"/>).</param>
    /// <param name="linked">Called after each newly linked document, with what it changed.</param>
    public static RecordLoad Load(SqliteDocumentStore store, Func<Document, DocumentFacts>? analyze = null,
        Action<LinkUpdate>? linked = null, StoryClusterOptions? storyOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        analyze ??= Analyze;
        var record = new SourcedRecord(new CrossDocumentLinker(storyOptions)) { Journal = store };
        int reloaded = 0, added = 0;
        foreach (var link in store.ReadLinks())
        {
            if (link.Facts is { } facts)
            {
                record.Add(facts, link.Assignment);
                reloaded++;
                continue;
            }
            var document = store.Get(link.DocumentId) ?? throw new InvalidOperationException($"document {link.DocumentId} vanished while loading");
            var update = record.Add(analyze(document));
            added++;
            linked?.Invoke(update);
        }
        return new RecordLoad(record, reloaded, added);
    }
}
