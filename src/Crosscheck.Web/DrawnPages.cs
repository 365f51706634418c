using System.Collections.Concurrent;
using Crosscheck.Linking;

namespace Crosscheck.Web;

/// <summary>
/// Pages drawn from the record being served, kept until it changes (<see cref="SourcedRecord.Version"/>, or another
/// record put in its place): a map is 700 KB of SVG and tables that take tens of milliseconds to draw and are the same
/// for every reader until then. The follower draws the plain map of a record before it serves it (<see cref="Warm"/>),
/// so no request pays for it after a reload.
/// </summary>
internal sealed class DrawnPages
{
    /// <summary>Different queries kept for one version at most (any filter may be asked; the rest are drawn each time).</summary>
    private const int MostPages = 64;

    private sealed record Drawn(SourcedRecord Record, long Version)
    {
        public ConcurrentDictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);
    }

    private volatile Drawn? _drawn;

    /// <summary>The page drawn for <paramref name="key"/> from <paramref name="record"/> at its present version, drawing it if need be.</summary>
    /// <param name="draw">Draws the page, or returns null for an answer that is not kept (a refusal).</param>
    public string? Page(SourcedRecord record, string key, Func<string?> draw)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The version is read before drawing: a page drawn while the record changed is kept under the older version, which no later request asks for.
        var version = record.Version;
        var drawn = _drawn;
        if (drawn is null || ReferenceEquals(drawn.Record, record) && drawn.Version < version)
        {
            drawn = new Drawn(record, version);
            _drawn = drawn;
        }
        // A request still holding the record served before (or a version since passed) draws its page and keeps nothing.
        if (!ReferenceEquals(drawn.Record, record) || drawn.Version != version) return draw();
        if (drawn.Pages.TryGetValue(key, out var page)) return page;
        page = draw();
        if (page is not null && drawn.Pages.Count < MostPages) drawn.Pages.TryAdd(key, page);
        return page;
    }

    /// <summary>Draws the pages most asked for from a record about to be served (on the follower's thread), which from now on are kept for it.</summary>
    public void Warm(SourcedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _drawn = new Drawn(record, record.Version);
        MapPages.Warm(this, record);
    }
}
