namespace Crosscheck.Tests;

/// <summary>The shared/ folder that sits beside the repository (datasets and the seed gold); never copied into it.</summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("cannot find the repository root from " + AppContext.BaseDirectory);
            var shared = Path.Combine(dir.Parent!.FullName, "shared");
            if (!Directory.Exists(shared)) throw new InvalidOperationException($"{shared}: the shared folder is expected beside the repository");
            return shared;
        }
    }

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);
}
