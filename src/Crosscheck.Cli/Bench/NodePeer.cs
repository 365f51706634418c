using System.ComponentModel;
using System.Diagnostics;

namespace Crosscheck.Cli.Bench;

/// <summary>Runs peers written for Node.js: where their npm packages live and how a child process is run.</summary>
internal static class NodePeer
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The cache folder of peer <paramref name="name"/> with <paramref name="packages"/> installed from npm on
    /// first use; or the reason it could not be made ready.
    /// </summary>
    internal static (string? Folder, string? Failure) Install(string name, params string[] packages)
    {
        var cache = CacheFolder(name);
        try
        {
            Directory.CreateDirectory(cache);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot create the peer's cache folder {cache}: {ex.Message}");
        }
        bool Installed() => packages.All(p => File.Exists(Path.Combine(cache, "node_modules", p, "package.json")));
        if (Installed()) return (cache, null);
        var (ok, message) = Execute("npm", ["install", "--prefix", cache, "--no-audit", "--no-fund", "--loglevel=error", .. packages], InstallTimeout);
        if (!ok) return (null, $"npm install of {string.Join(" and ", packages)} into {cache} failed: {message}");
        return Installed() ? (cache, null) : (null, $"npm install into {cache} finished but the packages are not there");
    }

    /// <summary>
    /// <c>.cache/peers/NAME</c> beside Crosscheck.slnx when run from inside the repository (already
    /// ignored by git), else under <c>$XDG_CACHE_HOME/crosscheck</c> (or <c>~/.cache/crosscheck</c>).
    /// </summary>
    internal static string CacheFolder(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx")))
            {
                return Path.Combine(dir.FullName, ".cache", "peers", name);
            }
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "crosscheck", "peers", name);
    }

    internal static (bool Ok, string Message) Execute(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return (false, $"{program} is not installed or not on PATH");
        }
        if (process is null) return (false, $"{program} could not be started");
        using (process)
        {
            // Both streams are drained concurrently so a chatty child cannot fill a pipe and stall.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return (false, $"timed out after {timeout.TotalMinutes:F0} minutes");
            }
            process.WaitForExit();
            if (process.ExitCode == 0) return (true, "");
            var lastLine = (stderr.Result + "\n" + stdout.Result)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.StartsWith("npm warn", StringComparison.OrdinalIgnoreCase))
                .FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? "no message";
            return (false, $"exit code {process.ExitCode}: {lastLine}");
        }
    }
}
