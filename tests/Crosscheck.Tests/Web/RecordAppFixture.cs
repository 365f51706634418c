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
    private string _template = "";

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
    public async Task<(HttpClient Client, SourcedRecord Record, string DatabasePath)> StartCopyAsync(string name, bool isPublic = false)
    {
        var path = Path.Combine(_directory, name);
        File.Copy(_template, path);
        var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0", Public = isPublic });
        await app.StartAsync();
        _apps.Add(app);
        return (TestAccounts.KeyClient(new Uri(app.Urls.Single()), AnalystKey), app.Services.GetRequiredService<SourcedRecord>(), path);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
