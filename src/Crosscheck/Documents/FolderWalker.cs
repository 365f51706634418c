namespace Crosscheck.Documents;

/// <summary>One entry a folder walk found: a file to read, or something skipped with the reason.</summary>
internal readonly record struct FolderEntry(string Path, string? Skipped);

/// <summary>
/// Lists the files a folder input holds, recursively and in ordinal path order, without ever blocking or looping:
/// only regular files are listed (named pipes, sockets and devices are named and skipped, never opened), a link
/// back to a folder being walked is named and skipped, a folder reached twice is walked once, a file reached by
/// two paths is listed once (its first path), and a folder that cannot be listed is named and the walk goes on.
/// </summary>
internal static class FolderWalker
{
    private sealed record Folder(string Path, FileIdentity Id, Folder? Parent)
    {
        public bool Encloses(FileIdentity id)
        {
            if (!IsLinux) return false;
            for (var f = this; f is not null; f = f.Parent)
            {
                if (f.Id.Device == id.Device && f.Id.Inode == id.Inode) return true;
            }
            return false;
        }
    }

    public static List<FolderEntry> Walk(string root, Func<string, bool> wanted)
    {
        var found = new List<(FolderEntry Entry, FileIdentity Id)>();
        var folders = new HashSet<(ulong, ulong)>();
        var stack = new Stack<Folder>();
        var rootId = FileKinds.Of(root);
        stack.Push(new Folder(root, rootId, null));
        folders.Add((rootId.Device, rootId.Inode));
        while (stack.Count > 0)
        {
            var folder = stack.Pop();
            List<string> names;
            try
            {
                names = [.. Directory.EnumerateFileSystemEntries(folder.Path)];
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                var reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
                found.Add((new FolderEntry(folder.Path, $"cannot list folder ({reason}); skipped"), default));
                continue;
            }
            foreach (var path in names)
            {
                if (System.IO.Path.GetFileName(path).StartsWith('.')) continue;
                var id = FileKinds.Of(path);
                switch (id.Kind)
                {
                    case FileKind.Directory:
                        if (folder.Encloses(id)) found.Add((new FolderEntry(path, "link back to a folder that holds it (a loop); skipped"), default));
                        else if (IsLinux && !folders.Add((id.Device, id.Inode))) { /* the same folder reached by another path: walked once */ }
                        else stack.Push(new Folder(path, id, folder));
                        break;
                    case FileKind.Regular:
                        if (wanted(path)) found.Add((new FolderEntry(path, null), id));
                        break;
                    case FileKind.Missing:
                        if (wanted(path)) found.Add((new FolderEntry(path, "no such file (a broken link?); skipped"), default));
                        break;
                    default:
                        found.Add((new FolderEntry(path, $"not a regular file ({FileKinds.Describe(id.Kind)}); skipped"), default));
                        break;
                }
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Entry.Path, b.Entry.Path));
        var files = new HashSet<(ulong, ulong)>();
        var result = new List<FolderEntry>(found.Count);
        foreach (var (entry, id) in found)
        {
            // The same file under two names (a link, a folder reached twice) is one source: its first path.
            if (entry.Skipped is null && IsLinux && !files.Add((id.Device, id.Inode))) continue;
            result.Add(entry);
        }
        return result;
    }

    // Identities come from statx on Linux only; elsewhere links are followed as .NET lists them.
    private static readonly bool IsLinux = OperatingSystem.IsLinux();
}
