using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web;

/// <summary>Options for the web app.</summary>
public sealed record WebOptions
{
    /// <summary>The SQLite database to serve.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Addresses to listen on; loopback only by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
}

/// <summary>Builds the Crosscheck web app: document pages and, later, the API.</summary>
public static class CrosscheckWeb
{
    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        var app = builder.Build();
        app.MapGet("/", () => "Crosscheck");
        return app;
    }
}
