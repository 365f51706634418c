using Crosscheck.Access;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The demo's sample articles read, stored in a temporary SQLite database and analyzed once (pipeline, event reader,
/// link facts); each test that serves them gets a record built from those facts. The shared app is only read;
/// a test that changes the record (detaching an event) starts an app of its own.
/// </summary>
public sealed class RecordWebFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crosscheck-record-web-tests", Guid.NewGuid().ToString("N"));
    private RecordApp? _shared;

    public string DatabasePath => Path.Combine(_directory, "record.db");
    public IReadOnlyList<Document> Documents { get; private set; } = [];
    public IReadOnlyList<DocumentFacts> Facts { get; private set; } = [];

    /// <summary>Keys of accounts in the samples' database: an analyst (every app's client is signed in with it) and a reader.</summary>
    public string AnalystKey { get; private set; } = "";
    public string ReaderKey { get; private set; } = "";

    /// <summary>The app every read-only test uses, and its record.</summary>
    public RecordApp Shared => _shared ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
        Directory.Exists(samples).ShouldBeTrue("the CLI's samples were not copied beside the tests");
        var documents = new List<Document>();
        using (var store = DocumentStore.Open(DatabasePath))
        {
            foreach (var result in new DocumentReader().Read([samples]))
            {
                result.Error.ShouldBeNull();
                var stored = store.Add(result.Document!).Document;
                if (documents.All(d => d.Id != stored.Id)) documents.Add(stored);
            }
        }
        Documents = documents;
        AnalystKey = TestAccounts.Add(DatabasePath, Role.Analyst, "analyst");
        ReaderKey = TestAccounts.Add(DatabasePath, Role.Reader, "reader");
        Facts = [.. documents.Select(doc =>
        {
            var text = StandardPipeline.Default.Process(doc);
            return LinkFactsBuilder.Build(doc, text, EventReader.Default.Read(text));
        })];
        _shared = await StartAsync(NewRecord());
    }

    /// <summary>A record of every sample, in the order they were read (the same input gives the same ids).</summary>
    public SourcedRecord NewRecord()
    {
        var record = new SourcedRecord(new CrossDocumentLinker());
        foreach (var facts in Facts) record.Add(facts);
        return record;
    }

    /// <summary>Serves <paramref name="record"/> over the samples' database on a free loopback port.</summary>
    public async Task<RecordApp> StartAsync(SourcedRecord record)
    {
        var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = DatabasePath, Urls = "http://127.0.0.1:0", Record = record });
        await app.StartAsync();
        var served = new RecordApp(app, record, new Uri(app.Urls.Single()));
        await TestAccounts.SignInAsync(served.Client, AnalystKey);
        return served;
    }

    public async Task DisposeAsync()
    {
        if (_shared is not null) await _shared.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One running app, the record it serves, and a client signed in as an analyst that keeps cookies and does not follow redirects.</summary>
public sealed class RecordApp(WebApplication app, SourcedRecord record, Uri baseAddress) : IAsyncDisposable
{
    public SourcedRecord Record => record;
    public Uri BaseAddress => baseAddress;
    public HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RecordWebCollection : ICollectionFixture<RecordWebFixture>
{
    public const string Name = "record web";
}
