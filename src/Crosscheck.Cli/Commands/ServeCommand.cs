using System.CommandLine;
using Crosscheck.Web;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck serve [--db FILE] [--urls URL]</c>: the web app over a database.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = SharedOptions.Database();
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Serve the web app: a searchable list of documents and a page per document") { db, urls };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            if (!File.Exists(path)) throw new CliFailure($"{path}: no such database (run 'crosscheck ingest' first)");
            return Serve(path, parse.GetValue(urls)!, stdout);
        });
        return command;
    }

    internal static int Serve(string databasePath, string urls, TextWriter stdout)
    {
        // Make sure the schema is current before the web app opens it.
        IngestCommand.OpenStore(databasePath).Dispose();
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = CrosscheckWeb.Build(new WebOptions { DatabasePath = databasePath, Urls = urls });
        }
        catch (InvalidDataException ex)
        {
            throw new CliFailure(ex.Message);
        }
        try
        {
            app.Start();
        }
        catch (IOException ex)
        {
            throw new CliFailure($"{urls}: cannot listen ({ex.Message})");
        }
        stdout.WriteLine($"Serving {databasePath} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
        app.WaitForShutdown();
        return CrosscheckCli.Ok;
    }
}
