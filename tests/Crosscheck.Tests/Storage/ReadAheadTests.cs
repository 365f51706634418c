using System.Collections.Concurrent;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// A load reads the documents it links next on other threads (<see cref="ReadAhead"/>), never more than its window
/// ahead, only those that need a reading, and links them in link order with the record a reading in turn gives.
/// </summary>
public sealed class ReadAheadTests
{
    [Fact]
    public async Task Readings_run_ahead_within_the_window_only_for_documents_that_need_one()
    {
        using var dir = new TempDirectory();
        using var store = SampleRecord.StoreDocuments(dir.Combine("samples.db"));
        var links = store.ReadLinks().ToList();
        links.Count.ShouldBe(SampleRecord.Facts.Count);
        // Every other document needs a reading here; the others count as read already.
        bool Needs(StoredLink link) => links.IndexOf(link) % 2 == 0;
        var started = new ConcurrentDictionary<string, int>();
        var ahead = new ReadAhead(store, links, Needs, document =>
        {
            started.AddOrUpdate(document.Id, 1, (_, n) => n + 1);
            return RecordLoader.Analyze(document);
        });

        var first = ahead.Take(0).ShouldNotBeNull();
        // Started: the window from the first link on, those that need a reading only.
        var window = Enumerable.Range(0, Math.Min(links.Count, ReadAhead.Window + 1)).Where(i => i % 2 == 0).ToList();
        await Eventually(() => started.Count == window.Count);
        started.Keys.ShouldBe(window.Select(i => links[i].DocumentId), ignoreOrder: true);
        (await first).Id.ShouldBe(links[0].DocumentId);
        for (var i = 1; i < links.Count; i++)
        {
            var reading = ahead.Take(i);
            if (i % 2 == 1) reading.ShouldBeNull();
            else
            {
                var facts = await reading.ShouldNotBeNull();
                Json(facts).ShouldBe(Json(SampleRecord.Facts.Single(f => f.Id == links[i].DocumentId)));
            }
        }
        // Each document read once.
        started.Values.ShouldAllBe(n => n == 1);
        started.Count.ShouldBe((links.Count + 1) / 2);
    }

    [Fact]
    public void A_load_that_reads_ahead_makes_the_record_a_reading_in_turn_makes()
    {
        using var dir = new TempDirectory();
        using var store = SampleRecord.StoreDocuments(dir.Combine("samples.db"));
        var load = RecordLoader.Load(store);
        load.Linked.ShouldBe(SampleRecord.Facts.Count);
        SampleRecord.CrossJsonOf(load.Record.Linker.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
    }

    private static string Json(DocumentFacts facts) => System.Text.Json.JsonSerializer.Serialize(facts, DocumentStore.FactsJson);

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < until) await Task.Delay(10);
        condition().ShouldBeTrue();
    }
}
