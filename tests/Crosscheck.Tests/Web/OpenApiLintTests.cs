using System.Diagnostics;

namespace Crosscheck.Tests.Web;

/// <summary>
/// A fact that runs Redocly's linter: skipped, saying why, when <c>./test.sh</c> has not installed it in
/// <c>.build/tools</c> (it needs npm).
/// </summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (!File.Exists(OpenApiLintTests.Redocly)) Skip = $"needs @redocly/cli at {OpenApiLintTests.Redocly} (./test.sh installs it with npm)";
    }
}

/// <summary>The OpenAPI document a running server gives is clean under <c>redocly lint</c> (its recommended rules): no error.</summary>
public sealed class OpenApiLintTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    /// <summary>Where <c>./test.sh</c> installs the linter: a folder of the checkout, never a global one.</summary>
    public static string Redocly { get; } = Path.Combine(RepositoryRoot(), ".build", "tools", "node_modules", ".bin", "redocly");

    [RedoclyFact]
    public async Task The_openapi_document_of_a_server_with_accounts_has_no_lint_error() =>
        await LintClean(await app.Client.GetStringAsync("/openapi/v1.json"), "accounts");

    [RedoclyFact]
    public async Task The_openapi_document_of_a_public_server_has_no_lint_error()
    {
        var (client, _, _) = await app.StartCopyAsync("public-openapi.db", isPublic: true);
        await LintClean(await client.GetStringAsync("/openapi/v1.json"), "public");
    }

    private static async Task LintClean(string document, string name)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine($"openapi-{name}.json");
        await File.WriteAllTextAsync(path, document);
        var start = new ProcessStartInfo(Redocly)
        {
            ArgumentList = { "lint", path, "--format=summary" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir.Path,
        };
        // No telemetry and no update check: the lint reads only the file.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        process.ExitCode.ShouldBe(0, output);
        output.ShouldNotContain("error ", Case.Sensitive, output);
        output.ShouldContain("Your API description is valid", Case.Sensitive, output);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
