using System.Collections.Concurrent;
using Crosscheck.Documents;

namespace Crosscheck.Cli.Watch;

/// <summary>
/// One folder watched for new or changed articles (recursively, the files <c>ingest</c> reads). A file system watcher
/// says at once which files changed, and a rescan at every interval finds what it missed (watchers drop events when
/// their buffer fills, and see nothing on some network file systems). A file is read once it has been quiet for a
/// moment (<see cref="WatchOptions.Settle"/>), so one still being written is not stored half; a file read before is
/// read again only when its size or time changed.
/// </summary>
internal sealed class FolderWatch(string root, Action wake) : IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private volatile bool _missed;
    private TimeProvider _time = TimeProvider.System;

    public string Root { get; } = root;

    /// <summary>Files changed but not quiet yet: the watch looks again after the settling time.</summary>
    public bool Waiting => !_touched.IsEmpty;

    /// <summary>Starts listening for changes (a rescan finds the rest); a system that refuses says why to <paramref name="problem"/>.</summary>
    public void Start(TimeProvider time, Action<string> problem)
    {
        _time = time;
        try
        {
            Listen();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Out of inotify watches, say: the folder is still rescanned at every interval.
            _watcher?.Dispose();
            _watcher = null;
            problem($"{Root}: cannot be watched for changes ({ex.Message.ReplaceLineEndings(" ")}); it is rescanned at every interval only");
        }
    }

    private void Listen()
    {
        _watcher = new FileSystemWatcher(Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, e) => Touch(e.FullPath);
        _watcher.Changed += (_, e) => Touch(e.FullPath);
        _watcher.Renamed += (_, e) => Touch(e.FullPath);
        // Events were lost (the buffer overflowed): the next round rescans instead of waiting for the interval.
        _watcher.Error += (_, _) => { _missed = true; wake(); };
        _watcher.EnableRaisingEvents = true;
    }

    private void Touch(string path)
    {
        // A new folder's files may come before its own event is handled: a rescan reads them.
        if (Directory.Exists(path)) { _missed = true; wake(); return; }
        if (!DocumentReader.IsKnownExtension(path) || Path.GetFileName(path).StartsWith('.')) return;
        _touched[path] = _time.GetUtcNow();
        wake();
    }

    /// <summary>Whether events were lost since the last rescan.</summary>
    public bool Missed => _missed;

    /// <summary>
    /// The files to read now: those the watcher reported that are quiet, and with <paramref name="rescan"/> every new or
    /// changed file under the folder. Entries a walk skips (a link loop, a folder that cannot be listed) are given once
    /// to <paramref name="skipped"/>.
    /// </summary>
    public List<string> Changed(DateTimeOffset now, TimeSpan settle, bool rescan, Action<string, string> skipped)
    {
        var paths = new List<string>();
        if (rescan)
        {
            _missed = false;
            foreach (var entry in FolderWalker.Walk(Root, DocumentReader.IsKnownExtension))
            {
                if (entry.Skipped is { } reason)
                {
                    if (_named.Add(entry.Path)) skipped(entry.Path, reason);
                    continue;
                }
                _touched.TryRemove(entry.Path, out _);
                Consider(entry.Path, now, settle, paths);
            }
        }
        foreach (var (path, when) in _touched)
        {
            if (now - when < settle) continue;
            if (!_touched.TryRemove(new KeyValuePair<string, DateTimeOffset>(path, when))) continue; // touched again meanwhile
            if (File.Exists(path)) Consider(path, now, settle, paths);
        }
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private void Consider(string path, DateTimeOffset now, TimeSpan settle, List<string> paths)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists) return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            paths.Add(path); // the read names what is wrong
            return;
        }
        var stamp = (info.Length, info.LastWriteTimeUtc);
        if (_seen.TryGetValue(path, out var seen) && seen == stamp) return;
        // Written a moment ago: it may still be growing; read it once it is quiet.
        if (now.UtcDateTime - info.LastWriteTimeUtc < settle && now.UtcDateTime >= info.LastWriteTimeUtc)
        {
            _touched[path] = now;
            return;
        }
        _seen[path] = stamp;
        paths.Add(path);
    }

    public void Dispose() => _watcher?.Dispose();
}
