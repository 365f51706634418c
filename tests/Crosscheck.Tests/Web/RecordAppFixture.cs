using Crosscheck.Access;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Crosscheck.Tests.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The web app on a free loopback port over the demo samples, stored and linked into a temporary database and
/// loaded back by the app as <c>crosscheck serve</c> does. Tests that change the record start their own copy.
/// </summary>
public sealed class RecordAppFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crosscheck-record-tests", Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _apps = [];
    private readonly List<PostgresTestDatabase> _databases = [];
    private string _template = "";
    private readonly Lazy<PostgresTestDatabase> _postgresTemplate;

    public RecordAppFixture()
    {
        _postgresTemplate = new(MakePostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Sends the analyst's key with every request.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Keys of the accounts every copy of the database holds.</summary>
    public string AnalystKey { get; private set; } = "";
    public string ReaderKey { get; private set; } = "";

    /// <summary>The record the shared app serves.</summary>
    public SourcedRecord Record { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _template = Path.Combine(_directory, "template.db");
        using (var store = SampleRecord.StoreDocuments(_template))
        {
            RecordLoader.Load(store).Linked.ShouldBe(SampleRecord.Facts.Count);
        }
        AnalystKey = TestAccounts.Add(_template, Role.Analyst, "analyst");
        ReaderKey = TestAccounts.Add(_template, Role.Reader, "reader");
        (Client, Record, _) = await StartCopyAsync("served.db");
    }

    /// <summary>Starts another app over a fresh copy of the linked database, its client sending the analyst's key; stopped with the fixture.</summary>
    /// <remarks>
    /// On <see cref="Backend.Postgres"/> the copy is a database of its own made from a linked template database, and
    /// <c>DatabasePath</c> is its <c>postgres://</c> location (what <c>--db</c> takes).
    /// </remarks>
    public async Task<(HttpClient Client, SourcedRecord Record, string DatabasePath)> StartCopyAsync(string name, bool isPublic = false, Backend backend = Backend.Sqlite,
        TimeSpan? followEvery = null)
    {
        string path;
        if (backend == Backend.Postgres)
        {
            var copy = new PostgresTestDatabase(PostgresTestServer.CreateDatabase(_postgresTemplate.Value.ConnectionString));
            lock (_databases) _databases.Add(copy);
            path = copy.Uri;
        }
        else
        {
            path = Path.Combine(_directory, name);
            File.Copy(_template, path);
        }
        var options = new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0", Public = isPublic };
        var app = CrosscheckWeb.Build(followEvery is { } every ? options with { FollowEvery = every } : options);
        await app.StartAsync();
        _apps.Add(app);
        return (TestAccounts.KeyClient(new Uri(app.Urls.Single()), AnalystKey), app.Services.GetRequiredService<SourcedRecord>(), path);
    }

    /// <summary>The samples linked into a PostgreSQL database with the accounts of the SQLite template (the same keys), left without sessions.</summary>
    private PostgresTestDatabase MakePostgresTemplate()
    {
        var template = PostgresTestServer.Fresh();
        using (var store = DocumentStore.OpenPostgres(template.ConnectionString, "postgres template"))
        {
            new DocumentIngestor(store, new Crosscheck.Documents.DocumentReader()).Ingest([SampleRecord.Directory]).Failed.ShouldBe(0);
            RecordLoader.Load(store).Linked.ShouldBe(SampleRecord.Facts.Count);
        }
        TestAccounts.Add(template.Uri, Role.Analyst, "analyst", AnalystKey);
        TestAccounts.Add(template.Uri, Role.Reader, "reader", ReaderKey);
        // The store's pools (its own and its reads') keep idle sessions, and a database with sessions cannot be copied.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return template;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        foreach (var database in _databases) database.Dispose();
        if (_postgresTemplate.IsValueCreated) _postgresTemplate.Value.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
