using Crosscheck.Documents;

namespace Crosscheck.Storage;

/// <summary>What happened to a document handed to the store.</summary>
public enum StoreStatus
{
    /// <summary>Stored as a new document.</summary>
    Added,
    /// <summary>Stored, and linked to an earlier near-duplicate by <c>duplicateOf</c>.</summary>
    AddedNearDuplicate,
    /// <summary>The same content was stored before; only the new source was recorded.</summary>
    AlreadyStored,
}

public readonly record struct StoreOutcome(StoreStatus Status, Document Document);

/// <summary>A line of a document list: enough to show and link it.</summary>
public sealed record DocumentSummary(string Id, string Source, string? Outlet, string? Title, DateOnly? Published, string? DuplicateOf, int Length, string Snippet);

public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Items, int Total, int Offset, int Limit);

/// <summary>Reads of stored documents.</summary>
public interface IDocumentLookup
{
    Document? Get(string id);

    /// <summary>Documents in the order they were stored, or matching <paramref name="query"/> (full-text) by rank.</summary>
    DocumentPage List(string? query, int offset, int limit);

    /// <summary>Every source path the document was read from.</summary>
    IReadOnlyList<string> Sources(string id);
}

/// <summary>
/// Where documents live. Each <see cref="Add"/> stores a document whole or not at all, and is idempotent:
/// the same content added twice is stored once. SQLite is the embedded default; PostgreSQL serves teams (<see cref="DocumentStore.Open(StoreLocation, TimeProvider?)"/>).
/// </summary>
public interface IDocumentStore : IDocumentLookup, IDisposable
{
    /// <summary>Stores the document unless its id is there already; links it to an earlier near-duplicate.</summary>
    StoreOutcome Add(Document document);

    /// <summary>Stores several documents in one transaction: all of them or none, each as <see cref="Add"/> would.</summary>
    IReadOnlyList<StoreOutcome> AddRange(IReadOnlyList<Document> documents);

    int Count { get; }
}
