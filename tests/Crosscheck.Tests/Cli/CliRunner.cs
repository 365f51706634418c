using System.Diagnostics;

namespace Crosscheck.Tests.Cli;

/// <summary>Runs the built command line as a child process, as a user would.</summary>
internal static class CliRunner
{
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CI"] = "true";
        return psi;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string[] args, string? stdin = null, int timeoutMs = 120_000)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
