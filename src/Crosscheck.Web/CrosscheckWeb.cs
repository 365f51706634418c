using Crosscheck.Linking;
using Crosscheck.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web;

/// <summary>Options for the web app.</summary>
public sealed record WebOptions
{
    /// <summary>The SQLite database to serve.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Addresses to listen on; loopback only by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The sourced record (stories, incidents, discrepancies) the pages and the API read; null to load it from the database.</summary>
    public SourcedRecord? Record { get; init; }

    /// <summary>How a document not linked yet is read (default: the standard pipeline and event reader).</summary>
    public Func<Crosscheck.Documents.Document, DocumentFacts>? Analyze { get; init; }

    /// <summary>Where a document that cannot be linked is named (default: standard error, one line each).</summary>
    public Action<string>? Problem { get; init; }

    /// <summary>
    /// How often the server looks whether another process stored or linked documents (default 1 second): a look is two
    /// indexed reads; what is new is linked or loaded into the record served (see <c>RecordFollower</c>).
    /// </summary>
    public TimeSpan FollowEvery
    {
        get => _followEvery;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _followEvery = value;
        }
    }

    private readonly TimeSpan _followEvery = TimeSpan.FromSeconds(1);

    /// <summary>Reading needs no account (writing still needs an analyst's); off by default.</summary>
    public bool Public { get; init; }

    /// <summary>The host names requests may be addressed to (others are refused with 400); loopback names by default.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = LoopbackHosts;

    /// <summary>How long one database read of a request may run before it is interrupted (a 503 problem).</summary>
    public TimeSpan QueryTimeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest search text (and place, actor) a request may send; longer is a 400 problem.</summary>
    public int MaxQueryLength { get; init; } = 256;

    /// <summary>
    /// A folder the servers of one database share their session and form keys through (<c>serve --keys DIR</c>); null:
    /// each server keeps its keys in memory, and a session begun on one is unknown to another.
    /// </summary>
    public string? KeysDirectory { get; init; }

    /// <summary>
    /// The desk whose record is served (<see cref="DeskName"/>; the default desk by default). Accounts are the store's,
    /// whichever desk is served.
    /// </summary>
    public DeskName Desk { get; init; }

    /// <summary>The loopback names a server listening on its default address is reached by.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
}

/// <summary>Builds the Crosscheck web app: server-rendered pages and a JSON API (with its OpenAPI document at <c>/openapi/v1.json</c>) over one document store and the sourced record read from it.</summary>
public static class CrosscheckWeb
{
    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start that fails (a port in use) throws to whoever started the app, who says so in one line; the host's
        // own log of it would add the exception's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddSingleton(options);

        // The store's one connection is the record's: it writes the record's changes and reads what the record
        // archived (indexed lookups, under the record's lock). Registered through a factory so the container owns it
        // and disposes it when the app is disposed.
        var root = StoreLocation.Parse(options.DatabasePath);
        var location = root.ForDesk(options.Desk);
        builder.Services.AddSingleton<IDocumentStore>(_ => DocumentStore.Open(location));
        // Accounts live in the store's default desk, whichever desk is served.
        builder.Services.AddSingleton(_ => new AccountPool(options.Desk.IsDefault ? null : ReadPool.Open(root, options.QueryTimeLimit)));
        // Every other read of a request (documents, searches, accounts) takes a pooled read-only connection of its
        // own, bounded in time, so a slow search holds nobody else up.
        builder.Services.AddSingleton(_ => ReadPool.Open(location, options.QueryTimeLimit));
        // Per request, so that a client that goes away stops its reads.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => services.GetRequiredService<ReadPool>()
            .Lookup(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.RequestAborted ?? default));
        builder.Services.AddExceptionHandler<QueryTimeLimitHandler>();

        // The record in memory, shared by every request (it takes its own lock). Loaded from the store, it keeps
        // saving its changes (an undone merge) there. What is in place is put back at once; documents stored but
        // not linked yet are linked in the background, so the server answers from the start, and documents another
        // process stores or links later are taken in as they come (RecordFollower). Each request gets the record
        // current when it asks (transient), so a record replaced meanwhile is never mixed with its successor.
        builder.Services.AddSingleton(services => RecordStartup.Open(options, services.GetRequiredService<IDocumentStore>()));
        builder.Services.AddSingleton<DrawnPages>();
        builder.Services.AddSingleton(services => new LiveRecord(services.GetRequiredService<RecordStartup>().Record, services.GetRequiredService<IDocumentStore>(),
            services.GetRequiredService<DrawnPages>()));
        builder.Services.AddTransient(services => services.GetRequiredService<LiveRecord>().Current);
        builder.Services.AddHostedService<RecordFollower>();
        // Analysts' decisions are stored in the served database and laid over the record (see Crosscheck.Review); the
        // desk is the current record's, replaced with it.
        builder.Services.AddTransient(services => services.GetRequiredService<LiveRecord>().Desk);

        builder.Services.AddApiDescription(options);

        // The pages' forms (undoing a join) carry an antiforgery token, so another site cannot post them for a reader.
        // The keys live in memory only (InMemoryKeyRing): a form older than the process is refused with a request to
        // reload it, and nothing is written to the user's ~/.aspnet. Servers of one database given one folder
        // (--keys) share their keys there (FolderKeyRing): a session or form begun on one is good on the others.
        builder.Services.AddDataProtection().SetApplicationName("crosscheck");
        if (options.KeysDirectory is { } keys)
        {
            var folder = FolderKeyRing.Prepare(keys);
            builder.Services.Configure<KeyManagementOptions>(o => FolderKeyRing.Configure(o, folder));
        }
        else
        {
            builder.Services.Configure<KeyManagementOptions>(InMemoryKeyRing.Configure);
        }
        builder.Services.AddAntiforgery();

        builder.Services.AddAccessControl(options);
        builder.Services.AddHostsAllowed(options.Hosts);

        // Registered before AddProblemDetails so browsers get an error page while API clients get JSON.
        builder.Services.AddSingleton<IProblemDetailsWriter, HtmlProblemDetailsWriter>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();

        // Open the database now so a bad path fails at startup, not on the first request.
        app.Services.GetRequiredService<IDocumentStore>();
        app.Services.GetRequiredService<SourcedRecord>();
        // Hosts that never dispose the app (a Ctrl+C'd server) still close the database cleanly.
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            app.Services.GetRequiredService<ReadPool>().Dispose();
            app.Services.GetRequiredService<AccountPool>().Pool?.Dispose();
            app.Services.GetRequiredService<IDocumentStore>().Dispose();
        });

        app.UseSecurityHeaders();
        app.UseHostFiltering();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapAssets();
        app.MapLoginPages();
        app.MapDocumentPages();
        app.MapRecordPages();
        app.MapMapPages();
        app.MapEntityPages();
        app.MapDocumentsApi();
        app.MapRecordApi();
        app.MapReviewApi();
        app.MapOpenApi();
        return app;
    }
}
