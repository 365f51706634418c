using System.CommandLine;
using Crosscheck.Documents;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck demo [--no-serve]</c>: ingest the bundled samples into a fresh database and serve them.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Print the summary and exit" };
        var db = SharedOptions.Database(Path.Combine(Path.GetTempPath(), "crosscheck-demo", "demo.db"));
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var command = new Command("demo", "Ingest the bundled sample articles into a fresh database and serve them") { noServe, db, urls };
        command.SetAction(parse =>
        {
            var samples = SamplesDirectory();
            var path = parse.GetValue(db)!;
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(f)) File.Delete(f);
            }
            using (var store = IngestCommand.OpenStore(path))
            {
                stdout.WriteLine($"Ingesting the samples in {samples} into {path}");
                var (summary, load) = IngestCommand.Ingest(store, new DocumentReader(), [samples], stdout, stderr);
                if (summary.Failed > 0 || load.Failed > 0) return CrosscheckCli.SomeFailed;
            }
            return parse.GetValue(noServe) ? CrosscheckCli.Ok : ServeCommand.Serve(path, parse.GetValue(urls)!, stdout);
        });
        return command;
    }

    /// <summary>The samples shipped beside the program (copied there at build time).</summary>
    internal static string SamplesDirectory()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
        if (!Directory.Exists(dir)) throw new CliFailure($"{dir}: the bundled samples are missing from this build");
        return dir;
    }
}
