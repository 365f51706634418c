using Crosscheck.Linking;
using Crosscheck.Storage;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Web;

/// <summary>The record a server starts with: put back from the store at once, and what is left to link.</summary>
internal sealed class RecordStartup(SourcedRecord record, PendingRecord? pending)
{
    public SourcedRecord Record { get; } = record;
    public PendingRecord? Pending { get; } = pending;

    public static RecordStartup Open(WebOptions options, IDocumentStore store)
    {
        if (options.Record is { } given)
        {
            // A record handed in still shows the decisions stored with its database.
            if (store is SqliteDocumentStore decided && given.Review.IsEmpty) given.Review = new Crosscheck.Review.ReviewOverlay(decided.ReadDecisions(), decided.ReadSuccessors());
            return new RecordStartup(given, null);
        }
        if (store is not SqliteDocumentStore sqlite) return new RecordStartup(new SourcedRecord(new CrossDocumentLinker()), null);
        var pending = RecordLoader.Open(sqlite);
        return new RecordStartup(pending.Record, pending);
    }
}

/// <summary>
/// Links the documents a server found stored but not linked, in the background: pages and the API answer from the
/// start and show each document as it is linked. Stopping the server stops it between two documents.
/// </summary>
internal sealed class PendingLinker(RecordStartup startup, WebOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (startup.Pending is not { Pending: > 0 } pending) return Task.CompletedTask;
        var problem = options.Problem ?? (line => Console.Error.WriteLine($"crosscheck: {line}"));
        return Task.Run(() => pending.LinkPending(options.Analyze, problem: problem, cancellation: stoppingToken), CancellationToken.None);
    }
}
