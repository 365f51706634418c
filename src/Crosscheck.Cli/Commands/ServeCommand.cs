using System.CommandLine;
using Crosscheck.Web;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck serve [--db FILE] [--urls URL] [--public] [--host NAME...] [--keys DIR]</c>: the web app over a database, for its accounts.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const string Description =
        "Serve the web app over a database: its documents (full-text search, each with its segments marked), its stories "
        + "(incidents on a timeline) and each incident's reports side by side, with discrepancies, why each report was joined "
        + "and a button that undoes a join; the JSON API under /api";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = SharedOptions.Database();
        var urls = SharedOptions.Urls();
        var isPublic = new Option<bool>("--public")
        {
            Description = "Anyone may read, without an account (changing the record still needs an analyst's key or session)",
        };
        var hosts = SharedOptions.Hosts();
        var keys = new Option<string?>("--keys")
        {
            Description = "A folder for the keys that sign sign-in sessions and forms: servers of one database given the same folder "
                + "accept each other's sessions (it holds secrets; created readable by this user only). Without it, each server "
                + "keeps its keys in memory",
        };
        var desk = SharedOptions.Desk("Serve this desk's record (by default the unnamed desk's); one server shows one desk");
        var command = new Command("serve", Description) { db, urls, isPublic, hosts, keys, desk };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var served = SharedOptions.DeskOf(parse.GetValue(desk));
            using (var store = IngestCommand.OpenExisting(path))
            {
                // A server shows one desk's record: the others are served by servers of their own (--desk), and exported
                // together by export.
                var desks = store.Desks();
                if (!desks.Contains(served))
                    throw new CliFailure($"{store.Path}: no {served.Display} (its desks: {string.Join(", ", desks.Select(d => d.IsDefault ? "the default desk" : d.Name))})");
                var others = desks.Where(d => d != served).Select(d => d.IsDefault ? "the default desk" : d.Name).ToList();
                if (desks.Count > 1)
                    stdout.WriteLine($"This server shows the record of {served.Display}; the store's other desks ({string.Join(", ", others)}) are served with --desk (crosscheck export --db {store.Path} shows every desk)");
            }
            return Serve(path, parse.GetValue(urls)!, stdout, new ServeAccess(parse.GetValue(isPublic), parse.GetValue(hosts), parse.GetValue(keys), served));
        });
        return command;
    }

    internal static int Serve(string databasePath, string urls, TextWriter stdout, ServeAccess access)
    {
        // Make sure the schema is current before the web app opens it.
        IngestCommand.OpenStore(databasePath).Dispose();
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = CrosscheckWeb.Build(new WebOptions { DatabasePath = databasePath, Urls = urls, Public = access.Public,
                Hosts = access.Hosts is { Count: > 0 } hosts ? hosts : WebOptions.LoopbackHosts, KeysDirectory = access.Keys, Desk = access.Desk });
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
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new CliFailure(CannotListen(urls, ex));
        }
        stdout.WriteLine($"Serving {databasePath}{(access.Desk.IsDefault ? "" : $" ({access.Desk.Display})")} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
        app.WaitForShutdown();
        return CrosscheckCli.Ok;
    }

    /// <summary>Who may use the server: with <c>Public</c>, anyone may read.</summary>
    internal sealed record ServeAccess(bool Public, IReadOnlyList<string>? Hosts = null, string? Keys = null, Crosscheck.Storage.DeskName Desk = default);

    /// <summary>One line for a server that could not bind: the address and why, in the user's words.</summary>
    internal static string CannotListen(string urls, IOException ex) =>
        ex.InnerException is AddressInUseException
            ? $"cannot listen on {urls}: the address is already in use (another server runs there; choose another with --urls)"
            : $"cannot listen on {urls}: {ex.Message.ReplaceLineEndings(" ")}";
}
