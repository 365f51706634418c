namespace Crosscheck.Cli.Commands;

/// <summary>
/// The team's shared/ folder of datasets, which sits beside the repository: found from the current
/// directory or from where the tool runs, walking up to the repository root (Crosscheck.slnx).
/// </summary>
internal static class SharedDataFolder
{
    public static string Find()
    {
        var looked = new List<string>();
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) continue;
                var beside = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(beside, "data"))) return beside;
                looked.Add(beside);
                break;
            }
        }
        var nextToCwd = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared"));
        if (Directory.Exists(Path.Combine(nextToCwd, "data"))) return nextToCwd;
        looked.Add(nextToCwd);
        throw new CliFailure($"cannot find the shared data folder (looked for shared/data in {string.Join(", ", looked.Distinct())}); pass --data");
    }

    public static string PathTo(params string[] parts) => Path.Combine([Find(), "data", .. parts]);
}
