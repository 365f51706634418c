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

    public HttpClient Client { get; private set; } = null!;

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
        (Client, Record, _) = await StartCopyAsync("served.db");
    }

    /// <summary>Starts another app over a fresh copy of the linked database; stopped with the fixture.</summary>
    public async Task<(HttpClient Client, SourcedRecord Record, string DatabasePath)> StartCopyAsync(string name)
    {
        var path = Path.Combine(_directory, name);
        File.Copy(_template, path);
        var app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        _apps.Add(app);
        return (new HttpClient { BaseAddress = new Uri(app.Urls.Single()) }, app.Services.GetRequiredService<SourcedRecord>(), path);
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
