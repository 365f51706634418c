using System.CommandLine;
using Crosscheck.Cli.Commands;

namespace Crosscheck.Cli.Eval;

/// <summary><c>crosscheck eval …</c>: quality figures against gold data; they print, they never fail a build.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var eval = new Command("eval", "Score the analysis against gold data");

        var seedsDir = new Option<string>("--seeds") { Description = "The seed articles", DefaultValueFactory = _ => "../shared/seeds" };
        var gold = new Option<string>("--gold") { Description = "The gold reading of the seeds", DefaultValueFactory = _ => "../shared/gold/seeds.gold.json" };
        var analysis = new Option<string?>("--analysis") { Description = "Score this contract JSON instead of analyzing the seeds now" };
        var seeds = new Command("seeds", "Score an analysis of the seeds (made now, or the contract JSON given with --analysis) against their gold reading: segments, entities, events, quotes and the cross-document checks") { seedsDir, gold, analysis };
        seeds.SetAction(parse => SeedsEval.Run(parse.GetValue(seedsDir)!, parse.GetValue(gold)!, parse.GetValue(analysis), stdout, stderr));
        eval.Subcommands.Add(seeds);
        var polnearData = new Option<string?>("--data") { Description = "A PolNeAR split folder with text/ and attributions/ (default: ../shared/data/polnear/dev)" };
        var polnearModel = new Option<string?>("--model") { Description = "A quote-speaker model file to use instead of the built-in one" };
        var polnearRules = new Option<bool>("--rules-only") { Description = "Score the rules without the learned quote-speaker ranker" };
        var polnearOverride = new Option<bool>("--override-rules") { Description = "Let the ranker replace the speakers of rule frames too (for comparison)" };
        var polnearShow = new Option<int>("--show") { Description = "Print this many direct quotes of the tuning half whose speaker was missed" };
        var polnear = new Command("polnear", "Score attribution finding (content, speaker, cue, direct-quote speaker) against PolNeAR's annotations, per fixed half")
        {
            polnearData, polnearModel, polnearRules, polnearOverride, polnearShow,
        };
        polnear.SetAction(parse => PolnearEval.Run(parse.GetValue(polnearData) ?? SharedDataFolder.PathTo("polnear", "dev"), stdout,
            PolnearEval.Finder(parse.GetValue(polnearModel), parse.GetValue(polnearRules), parse.GetValue(polnearOverride)), parse.GetValue(polnearShow)));
        eval.Subcommands.Add(polnear);
        var gvdbData = new Option<string>("--data") { Description = "The GVDB folder (dev.tsv)", DefaultValueFactory = _ => "../shared/data/gvdb" };
        var gvdbShow = new Option<int>("--show") { Description = "Print this many articles whose counts are wrong" };
        var gvdb = new Command("gvdb", "Per-article killed and injured counts against the Gun Violence Database (dev)") { gvdbData, gvdbShow };
        gvdb.SetAction(parse => GvdbEval.Run(parse.GetValue(gvdbData)!, parse.GetValue(gvdbShow), stdout));
        eval.Subcommands.Add(gvdb);
        var realnewsData = new Option<string?>("--data") { Description = "The realnews folder (gold.json, manifest.tsv, articles/; default: ../shared/data/realnews)" };
        var realnewsSplit = new Option<string>("--split") { Description = "dev (tune on it), test (report it) or all", DefaultValueFactory = _ => "test" };
        realnewsSplit.AcceptOnlyFromAmong("dev", "test", "all");
        var realnewsShow = new Option<int>("--show") { Description = "Print this many errors of each kind, with their words" };
        var realnewsShowIncidents = new Option<int>("--show-incidents") { Description = "Print this many mismatches of each kind at the incident level (gold incident → record incidents, unmatched or mixed record incidents, wire groups, disputes, discrepancies)" };
        var realnewsTopic = new Option<string?>("--topic") { Description = "Only one conflict: a folder of articles/ (thailand-cambodia, pakistan-afghanistan, ukraine-strikes); its articles, incidents, wire groups and disputes" };
        var realnewsDetails = new Option<bool>("--details") { Description = "Print every event of each mixed counted incident: its file, the gold incident it reports, its day, place, salience, link reason and words" };
        var realnews = new Command("realnews", "Event-level killed, running tolls and event days, then the ingested record's incidents, campaign tolls, wire groups, disputes and discrepancies, against the realnews gold record (one split)")
        {
            realnewsData, realnewsSplit, realnewsShow, realnewsShowIncidents, realnewsDetails, realnewsTopic,
        };
        realnews.SetAction(parse => RealnewsEval.Run(parse.GetValue(realnewsData) ?? SharedDataFolder.PathTo("realnews"), parse.GetValue(realnewsSplit)!, parse.GetValue(realnewsShow),
            parse.GetValue(realnewsShowIncidents), stdout, parse.GetValue(realnewsDetails), parse.GetValue(realnewsTopic)));
        eval.Subcommands.Add(realnews);
        eval.Subcommands.Add(OriginsEval.Create(stdout, stderr));
        var ecbData = new Option<string?>("--data") { Description = "The ECB+ corpus folder (numbered topic folders; default: ../shared/data/ecbplus)" };
        var ecbplus = new Command("ecbplus", "B3 of documents clustered into stories against ECB+ sub-topics (dev and train topics)") { ecbData };
        ecbplus.SetAction(parse => EcbPlusEval.Run(parse.GetValue(ecbData) ?? SharedDataFolder.PathTo("ecbplus"), stdout));
        eval.Subcommands.Add(ecbplus);
        TaggingCommands.AddEvalCommands(eval, stdout);

        var factualityData = new Option<string?>("--data") { Description = "The factuality folder holding meantime/ and uw/ train.conll and dev.conll (default: ../shared/data/factuality)" };
        var factualityErrors = new Option<int>("--errors") { Description = "Also print this many misjudged TRAIN predicates per corpus", DefaultValueFactory = _ => 0 };
        var factuality = new Command("factuality", "Modality against event-factuality scores (MEANTIME, UW dev), calibrated on train") { factualityData, factualityErrors };
        factuality.SetAction(parse => FactualityEval.Run(parse.GetValue(factualityData), parse.GetValue(factualityErrors), stdout));
        eval.Subcommands.Add(factuality);
        // Event types: CASE 2021 (ACLED sub-event types) and the PLOVER gold-standard records.
        var caseData = new Option<string?>("--data") { Description = "CASE 2021 task 2 TSV (default: ../shared/data/case2021/dev.tsv)" };
        var ploverData = new Option<string?>("--data") { Description = "PLOVER gold-standard JSON (default: ../shared/data/plover/PLOVER_GSR_CAMEO.txt)" };
        var caseErrors = new Option<int>("--errors") { Description = "Also print this many misclassified items" };
        var ploverErrors = new Option<int>("--errors") { Description = "Also print this many misclassified items" };
        var case2021 = new Command("case2021", "Weighted F1 of ACLED sub-event types on the CASE 2021 task 2 snippets") { caseData, caseErrors };
        case2021.SetAction(parse => Case2021Eval.Run(parse.GetValue(caseData) ?? Case2021Eval.DefaultPath(), parse.GetValue(caseErrors), stdout));
        var plover = new Command("plover", "Event-type accuracy and macro F1 on the PLOVER gold-standard records") { ploverData, ploverErrors };
        plover.SetAction(parse => PloverEval.Run(parse.GetValue(ploverData) ?? PloverEval.DefaultPath(), parse.GetValue(ploverErrors), stdout));
        eval.Subcommands.Add(case2021);
        eval.Subcommands.Add(plover);
        var datesData = new Option<string?>("--data") { Description = "The realnews folder (default: ../shared/data/realnews)" };
        var datesSplit = new Option<string>("--split") { Description = "dev (for choosing rules) or test (for reporting)", DefaultValueFactory = _ => "dev" };
        datesSplit.AcceptOnlyFromAmong("dev", "test");
        var datesShow = new Option<bool>("--show") { Description = "Also print the articles whose date the reader does not recover (use on dev only)" };
        var dates = new Command("dates", "Publication dates recovered from datelines, URLs and file names, and times resolved, on realnews") { datesData, datesSplit, datesShow };
        dates.SetAction(parse => DatesEval.Run(parse.GetValue(datesData), parse.GetValue(datesSplit)!, parse.GetValue(datesShow), stdout));
        eval.Subcommands.Add(dates);
        return eval;
    }
}
