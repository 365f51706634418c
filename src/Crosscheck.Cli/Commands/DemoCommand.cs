using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Crosscheck.Access;
using Crosscheck.Documents;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck demo [--no-serve]</c>: ingest the bundled samples into a fresh database and serve them.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Print the summary and exit" };
        // Never CROSSCHECK_DB: the demo replaces its database, and that variable may name a team's shared record.
        var db = SharedOptions.Database(DefaultDatabase(AppContext.BaseDirectory), fromEnvironment: false);
        db.Description = "SQLite database file, replaced by the demo";
        db.Validators.Add(result =>
        {
            if (StoreLocation.TryParse(result.GetValueOrDefault<string>(), out var location, out _) && location.Kind == StoreKind.Postgres)
            {
                result.AddError($"--db {location.Display}: the demo makes a fresh SQLite database; give a file path");
            }
        });
        var urls = SharedOptions.Urls();
        var command = new Command("demo", "Ingest the bundled sample articles into a fresh database and serve them") { noServe, db, urls };
        command.SetAction(parse =>
        {
            var samples = SamplesDirectory();
            var path = parse.GetValue(db)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(f)) File.Delete(f);
            }
            using (var store = IngestCommand.OpenStore(path))
            {
                stdout.WriteLine($"Ingesting the samples in {samples} into {path}");
                var (summary, load) = IngestCommand.Ingest(store, new DocumentReader(), [samples], stdout, stderr);
                if (summary.Failed > 0 || load.Failed > 0) return CrosscheckCli.SomeFailed;
                // The demo's own account, made fresh with its database: the key is printed here and nowhere else.
                var (account, key) = UsersCommand.AddUser(store, "admin", Role.Admin);
                stdout.WriteLine($"Admin key: {key}  (account '{account.Name}': sign in at /login, or send 'Authorization: Bearer KEY')");
            }
            if (parse.GetValue(noServe)) return CrosscheckCli.Ok;
            return ServeCommand.Serve(path, parse.GetValue(urls)!, stdout, new ServeCommand.ServeAccess(false));
        });
        return command;
    }

    /// <summary>
    /// The demo's database when <c>--db</c> is not given, one per checkout so two checkouts never replace each other's:
    /// <c>.build/demo/demo.db</c> in the checkout the tool was built in (found by its Crosscheck.slnx), else a temp
    /// folder named after a hash of the folder the tool runs from.
    /// </summary>
    internal static string DefaultDatabase(string toolDirectory)
    {
        for (var dir = new DirectoryInfo(toolDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return Path.Combine(dir.FullName, ".build", "demo", "demo.db");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(toolDirectory))))[..12];
        return Path.Combine(Path.GetTempPath(), "crosscheck-demo-" + hash, "demo.db");
    }

    /// <summary>The samples shipped beside the program (copied there at build time).</summary>
    internal static string SamplesDirectory()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
        if (!Directory.Exists(dir)) throw new CliFailure($"{dir}: the bundled samples are missing from this build");
        return dir;
    }
}
