namespace Crosscheck.Tests;

/// <summary>
/// The shared/ folder that sits beside the repository (datasets, the seed articles and their gold reading); never
/// copied into it. CI has it; a clean clone does not, and the tests that read it are then skipped, each saying which
/// folder it needs (<see cref="SharedDataFactAttribute"/>, <see cref="SharedDataTheoryAttribute"/>).
/// </summary>
internal static class SharedData
{
    /// <summary>Set to 1 to make a missing folder fail its tests instead of skipping them (CI sets it).</summary>
    public const string RequiredVariable = "CROSSCHECK_REQUIRE_SHARED";

    /// <summary>Where the folder is expected: beside the repository root (the folder holding Crosscheck.slnx).</summary>
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Why a test reading these paths (relative to the shared folder) cannot run here; null when it can.</summary>
    public static string? SkipReason(string[] paths) =>
        Environment.GetEnvironmentVariable(RequiredVariable) == "1" ? null : SkipReason(Root, paths);

    internal static string? SkipReason(string root, string[] paths)
    {
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            if (!File.Exists(full) && !Directory.Exists(full)) return $"needs ../shared/{path} (not found at {full})";
        }
        return null;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        // Outside a checkout, look beside the current directory, as the command line does.
        var parent = dir?.Parent?.FullName ?? Path.GetFullPath("..");
        return Path.Combine(parent, "shared");
    }
}

/// <summary>A fact that reads data from ../shared: skipped with a one-line reason naming the folder when it is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="paths">Files or folders the test reads, relative to the shared folder (<c>data/gvdb</c>).</param>
    public SharedDataFactAttribute(params string[] paths)
    {
        Skip = SharedData.SkipReason(paths);
    }
}

/// <summary>A theory that reads data from ../shared: skipped with a one-line reason naming the folder when it is missing.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <param name="paths">Files or folders the test reads, relative to the shared folder (<c>data/factuality</c>).</param>
    public SharedDataTheoryAttribute(params string[] paths)
    {
        Skip = SharedData.SkipReason(paths);
    }
}
