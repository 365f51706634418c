using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// The record <c>crosscheck ingest</c> builds from one realnews split, for the incident figures of
/// <c>eval realnews</c>: the split's files go through the ingest path (document reader with its default options,
/// <see cref="DocumentIngestor"/> into a SQLite store held in memory, then <see cref="IngestCommand.Load"/>, i.e.
/// <see cref="RecordLoader"/> analyzing each document and adding it to the <see cref="CrossDocumentLinker"/> in link order).
/// </summary>
internal static class RealnewsRecord
{
    /// <summary>
    /// The record and what the scorer needs beside it: every event's facts, and which stored document each gold file
    /// became (two files with the same text are one document).
    /// </summary>
    internal sealed record View(CrossRecord Record, IReadOnlyDictionary<string, EventFacts> Events, IReadOnlyDictionary<string, string> DocumentOfFile)
    {
        /// <summary>Documents that failed to be read, stored, analyzed or linked (named on the problem lines).</summary>
        public List<string> Problems { get; init; } = [];

        public double Seconds { get; init; }
    }

    /// <param name="storyOptions">The linker's story options (default: the linker's own).</param>
    /// <param name="analyze">How each document is read (default <see cref="RecordLoader.Analyze"/>).</param>
    public static View Build(string dataDirectory, IEnumerable<RealnewsGold.Article> articles, StoryClusterOptions? storyOptions = null,
        Func<Document, DocumentFacts>? analyze = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var files = articles.Select(a => Path.Combine(dataDirectory, a.Path)).ToList();
        using var store = DocumentStore.OpenInMemory();
        var summary = new DocumentIngestor(store, new DocumentReader()).Ingest(files);
        var problems = new StringWriter();
        var load = IngestCommand.Load(store, problems, storyOptions: storyOptions, analyze: analyze);
        var documentOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var item in summary.Items)
        {
            if (item.Document is { } d) documentOfFile[Path.GetFileName(item.Source)] = d.Id;
            else if (item.Error is { } e) lines.Add(e.ToString());
        }
        lines.AddRange(problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var record = load.Record;
        var events = new Dictionary<string, EventFacts>(StringComparer.Ordinal);
        foreach (var id in record.DocumentIds)
        {
            foreach (var e in record.Facts(id)?.Events ?? []) events[e.Id] = e;
        }
        return new View(record.Snapshot(), events, documentOfFile) { Problems = lines, Seconds = clock.Elapsed.TotalSeconds };
    }
}
