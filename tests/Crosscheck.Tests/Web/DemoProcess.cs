using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crosscheck.Tests.Web;

/// <summary>
/// <c>crosscheck demo</c> run as a child process from the CLI built next to the tests, on a free loopback port
/// over a temporary database. Disposing kills it, whatever state the test left it in.
/// </summary>
internal sealed class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _directory;

    public Uri BaseAddress { get; }

    /// <summary>The key of the admin account the demo made, as it printed it.</summary>
    public string AdminKey { get; private set; } = "";

    private DemoProcess(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<DemoProcess> StartAsync(TimeSpan timeout)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll");
        File.Exists(cli).ShouldBeTrue($"{cli} is missing: the test project should reference the CLI project");
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "samples", "articles")).ShouldBeTrue("the CLI's samples were not copied beside the tests");

        var directory = Path.Combine(Path.GetTempPath(), "crosscheck-web-demo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { cli, "demo", "--db", Path.Combine(directory, "demo.db"), "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        var demo = new DemoProcess(process, directory, address);
        process.OutputDataReceived += (_, e) => demo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => demo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await demo.WaitUntilServingAsync(timeout);
        }
        catch
        {
            await demo.DisposeAsync();
            throw;
        }
        return demo;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"crosscheck demo exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if (AdminKey.Length == 0 && System.Text.RegularExpressions.Regex.Match(Output, @"^Admin key: (\S+)", System.Text.RegularExpressions.RegexOptions.Multiline) is { Success: true } printed)
                {
                    AdminKey = printed.Groups[1].Value;
                    client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
                }
                using var response = await client.GetAsync("/api/documents");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"crosscheck demo did not answer on {BaseAddress} within {timeout}:\n{Output}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException) { }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>The dotnet host that runs these tests (set by the dotnet CLI), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return "dotnet";
    }

    // Another process could take the port between here and the demo binding it; unlikely enough on loopback.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
