using System.CommandLine;

namespace Crosscheck.Cli.Bench;

/// <summary><c>crosscheck bench extraction|ingest|language|analyze|link|hostile</c>: measurements that print figures, never pass/fail tests.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var bench = new Command("bench", "Measure quality and speed, next to a peer where one exists");

        var data = new Option<string>("--data") { Description = "The extraction benchmark folder (html/*.html.gz, ground-truth.json)", DefaultValueFactory = _ => "../shared/data/extraction" };
        var noPeer = new Option<bool>("--no-peer") { Description = "Skip the readability.js run" };
        var dump = new Option<string?>("--dump") { Description = "Write each page's truth, predictions and a per-page score table to this folder" };
        var extraction = new Command("extraction", "Article-body extraction F1, precision and recall, beside @mozilla/readability") { data, noPeer, dump };
        extraction.SetAction(parse => ExtractionBench.Run(parse.GetValue(data)!, !parse.GetValue(noPeer), parse.GetValue(dump), stdout, stderr));
        bench.Subcommands.Add(extraction);

        var count = new Option<int>("--documents") { Description = "How many documents of each kind to generate", DefaultValueFactory = _ => 10_000 };
        var ingest = new Command("ingest", "Documents per second and peak memory while ingesting generated plain-text and HTML articles") { count };
        ingest.SetAction(parse => IngestBench.Run(parse.GetValue(count), stdout));
        bench.Subcommands.Add(ingest);

        var gvdb = new Option<string>("--data") { Description = "The GVDB folder (dev.tsv)", DefaultValueFactory = _ => "../shared/data/gvdb" };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the texts, after two seconds of warm-up", DefaultValueFactory = _ => 5 };
        var noWink = new Option<bool>("--no-peer") { Description = "Skip the wink-nlp run" };
        var language = new Command("language", "Tokens/s, articles/s and peak memory of the language layer, beside wink-nlp") { gvdb, passes, noWink };
        language.SetAction(parse => LanguageBench.Run(parse.GetValue(gvdb)!, parse.GetValue(passes), !parse.GetValue(noWink), stdout, stderr));
        bench.Subcommands.Add(language);

        var analyzeData = new Option<string>("--data") { Description = "The GVDB folder (dev.tsv)", DefaultValueFactory = _ => "../shared/data/gvdb" };
        var analyzePasses = new Option<int>("--passes") { Description = "Timed passes over the articles, after a warm-up until the runtime settles", DefaultValueFactory = _ => 3 };
        var analyze = new Command("analyze", "Articles/s of the whole single-article analysis (document, language, events, entities, JSON)") { analyzeData, analyzePasses };
        analyze.SetAction(parse => AnalyzeBench.Run(parse.GetValue(analyzeData)!, parse.GetValue(analyzePasses), stdout));
        bench.Subcommands.Add(analyze);

        var linkEcb = new Option<string>("--data") { Description = "The ECB+ folder whose articles the stored documents are made from (else the seeds)", DefaultValueFactory = _ => "../shared/data/ecbplus" };
        var linkSeeds = new Option<string>("--seeds") { Description = "The seed articles, used when the ECB+ folder is missing", DefaultValueFactory = _ => "../shared/seeds" };
        var linkSizes = new Option<string>("--sizes") { Description = "How many documents the linker holds before timing, comma-separated", DefaultValueFactory = _ => "10000,100000" };
        var linkCount = new Option<int>("--documents") { Description = "How many new documents to time at each size", DefaultValueFactory = _ => 1000 };
        var link = new Command("link", "Documents/s and latency of adding a document to a linker holding 10,000 and 100,000 documents") { linkEcb, linkSeeds, linkSizes, linkCount };
        link.SetAction(parse => LinkBench.Run(parse.GetValue(linkEcb)!, parse.GetValue(linkSeeds)!, parse.GetValue(linkSizes)!, parse.GetValue(linkCount), stdout));
        bench.Subcommands.Add(link);

        var serveEcb = new Option<string>("--data") { Description = "The ECB+ folder whose articles the stored documents are made from (else the seeds)", DefaultValueFactory = _ => "../shared/data/ecbplus" };
        var serveSeeds = new Option<string>("--seeds") { Description = "The seed articles, used when the ECB+ folder is missing", DefaultValueFactory = _ => "../shared/seeds" };
        var serveCount = new Option<int>("--documents") { Description = "How many synthetic documents the database holds", DefaultValueFactory = _ => 100_000 };
        var serveDb = new Option<string?>("--db") { Description = "Serve this database as it is; when it does not exist, build it there and keep it" };
        var serveSeconds = new Option<int>("--seconds") { Description = "How long each endpoint is loaded", DefaultValueFactory = _ => 10 };
        var serveClients = new Option<int>("--clients") { Description = "How many clients ask at once", DefaultValueFactory = _ => 4 };
        var serveNoWatch = new Option<bool>("--no-watch") { Description = "Measure with nothing ingested meanwhile" };
        var serve = new Command("serve", "Requests/s and p50/p99 latency of the list, search, incident and map endpoints over 100,000 documents while watch ingests")
        {
            serveEcb, serveSeeds, serveCount, serveDb, serveSeconds, serveClients, serveNoWatch,
        };
        serve.SetAction(parse => ServeBench.Run(parse.GetValue(serveEcb)!, parse.GetValue(serveSeeds)!, parse.GetValue(serveCount), parse.GetValue(serveDb),
            parse.GetValue(serveSeconds), parse.GetValue(serveClients), parse.GetValue(serveNoWatch), stdout));
        bench.Subcommands.Add(serve);

        var hostileCase = new Option<string?>("--case") { Description = "Run only this case (nested-divs, attributes, json-line-50mb, feed-100k, deep-feed, text-200mb, no-space-10mb, longest-article, tiny-files-10k, fifo-and-loop)" };
        var hostileTimeout = new Option<int>("--timeout") { Description = "Stop a case after this many seconds", DefaultValueFactory = _ => 300 };
        var hostile = new Command("hostile", "Seconds, peak memory and outcome of `ingest` on generated hostile inputs, each in its own process") { hostileCase, hostileTimeout };
        hostile.SetAction(parse => HostileBench.Run(parse.GetValue(hostileCase), parse.GetValue(hostileTimeout), stdout));
        bench.Subcommands.Add(hostile);
        var workerServer = new Option<string?>("--server") { Description = "A PostgreSQL server to create the bench's databases on: postgres://user@host:port/postgres (default: CROSSCHECK_TEST_POSTGRES)" };
        var workerCount = new Option<int>("--documents") { Description = "How many generated articles each run reads", DefaultValueFactory = _ => 400 };
        var workerThreads = new Option<int>("--threads") { Description = "Threads of each worker process", DefaultValueFactory = _ => 1 };
        var workerSamples = new Option<int>("--latency-samples") { Description = "Documents stored one by one to time the queue", DefaultValueFactory = _ => 10 };
        var workers = new Command("workers", "Documents/s of 1 and 2 worker processes on one PostgreSQL store (the scaling ratio), queue latency, and SQLite's ingest beside them")
        {
            workerServer, workerCount, workerThreads, workerSamples,
        };
        workers.SetAction(parse => WorkerBench.Run(parse.GetValue(workerServer), parse.GetValue(workerCount), parse.GetValue(workerThreads), parse.GetValue(workerSamples), stdout));
        bench.Subcommands.Add(workers);
        return bench;
    }
}
