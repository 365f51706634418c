using System.Text;
using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Export;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// The demo's sample articles (samples/articles: several outlets on the same stories), stored into a database the
/// way ingest stores them, and the record the linker builds from them in memory, computed once per test run.
/// </summary>
internal static class SampleRecord
{
    private static readonly Lazy<(IReadOnlyList<DocumentFacts> Facts, string CrossJson)> InMemory = new(BuildInMemory);

    public static string Directory => DemoCommand.SamplesDirectory();

    /// <summary>Stores the samples into <paramref name="path"/> (documents only, not linked).</summary>
    public static DocumentStore StoreDocuments(string path) => StoreDocuments(DocumentStore.Open(path));

    /// <summary>The samples stored in a new store on the test's database.</summary>
    public static DocumentStore StoreDocuments(StoreTarget target) => StoreDocuments(target.Open());

    private static DocumentStore StoreDocuments(DocumentStore store)
    {
        var summary = new DocumentIngestor(store, new DocumentReader()).Ingest([Directory]);
        summary.Failed.ShouldBe(0);
        return store;
    }

    /// <summary>Each stored sample's facts in link order (read from a fresh in-memory store).</summary>
    public static IReadOnlyList<DocumentFacts> Facts => InMemory.Value.Facts;

    /// <summary>Stories, incidents and discrepancies as the in-memory linker concludes them, as contract JSON.</summary>
    public static string ExpectedCrossJson => InMemory.Value.CrossJson;

    private static (IReadOnlyList<DocumentFacts>, string) BuildInMemory()
    {
        using var store = DocumentStore.OpenInMemory();
        new DocumentIngestor(store, new DocumentReader()).Ingest([Directory]).Failed.ShouldBe(0);
        var linker = new CrossDocumentLinker();
        var facts = LinkOrder.Sort(store.List(null, 0, 100).Items.Select(summary => RecordLoader.Analyze(store.Get(summary.Id)!)));
        foreach (var f in facts) linker.Add(f);
        return (facts, CrossJsonOf(linker.Snapshot()));
    }

    /// <summary>The cross-document arrays exactly as the contract writes them: equal strings mean equal ids, members, grades and numbers.</summary>
    public static string CrossJsonOf(CrossRecord cross)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            CrossJson.WriteArrays(w, cross);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
