using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crosscheck.Cli;
using Crosscheck.Cli.Commands;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Cli;

/// <summary><c>serve</c> and <c>demo</c> at their edges: a port in use, a first start on a fresh machine, the demo's database.</summary>
public sealed class ServeEdgeTests
{
    [Fact]
    public void A_port_in_use_is_one_line_naming_the_address_and_exit_one()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("c.db");
        DocumentStore.Open(db).Dispose();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (code, stdout, stderr) = CliRunner.Run(["serve", "--db", db, "--urls", address]);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe($"crosscheck: cannot listen on {address}: the address is already in use (another server runs there; choose another with --urls)\n");
    }

    [Fact]
    public async Task A_first_start_prints_only_where_it_serves_and_writes_no_keys_into_the_home_folder()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("c.db");
        DocumentStore.Open(db).Dispose();
        // A home folder of its own: ASP.NET Core's default key ring would be created there, with a warning, on a first start.
        var home = Directory.CreateDirectory(dir.Combine("home")).FullName;
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = CliRunner.StartInfo("serve", "--db", db, "--urls", address);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("out: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("err: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                process.HasExited.ShouldBeFalse(output.ToString());
                try
                {
                    // No account was made, so the answer is 401: it answers.
                    using var response = await client.GetAsync("/documents");
                    if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized) break;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                (DateTime.UtcNow < deadline).ShouldBeTrue("serve did not answer:\n" + output);
                await Task.Delay(250);
            }
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (output) output.ToString().ShouldBe($"out: Serving {db} on {address} (Ctrl+C to stop)\n");
        Directory.EnumerateFileSystemEntries(home, "*", SearchOption.AllDirectories).Where(p => p.Contains(".aspnet")).ShouldBeEmpty();
    }

    [Fact]
    public void The_demo_database_is_inside_the_checkout_that_built_the_tool()
    {
        using var dir = new TempDirectory();
        var checkout = Directory.CreateDirectory(dir.Combine("repo")).FullName;
        File.WriteAllText(Path.Combine(checkout, "Crosscheck.slnx"), "<Solution />");
        var tool = Directory.CreateDirectory(Path.Combine(checkout, ".build", "cli")).FullName;
        DemoCommand.DefaultDatabase(tool).ShouldBe(Path.Combine(checkout, ".build", "demo", "demo.db"));

        // The tool this test runs: its own checkout's .build/demo, and help says so.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Crosscheck.slnx"))) root = root.Parent!;
        var stdout = new StringWriter();
        CrosscheckCli.Run(["demo", "--help"], stdout, TextWriter.Null).ShouldBe(0);
        stdout.ToString().ShouldContain($"[default: {Path.Combine(root.FullName, ".build", "demo", "demo.db")}]");
    }

    [Fact]
    public void Outside_a_checkout_each_install_folder_gets_a_demo_database_of_its_own()
    {
        using var dir = new TempDirectory();
        var one = Directory.CreateDirectory(dir.Combine("one")).FullName;
        var two = Directory.CreateDirectory(dir.Combine("two")).FullName;
        var first = DemoCommand.DefaultDatabase(one);
        first.ShouldStartWith(Path.GetTempPath());
        first.ShouldEndWith("demo.db");
        DemoCommand.DefaultDatabase(one).ShouldBe(first);
        DemoCommand.DefaultDatabase(two).ShouldNotBe(first);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
