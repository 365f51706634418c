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
        var seeds = new Command("seeds", "Score segments and entities (more as they land) against the seeds' gold reading") { seedsDir, gold, analysis };
        seeds.SetAction(parse => SeedsEval.Run(parse.GetValue(seedsDir)!, parse.GetValue(gold)!, parse.GetValue(analysis), stdout, stderr));
        eval.Subcommands.Add(seeds);
        var gvdbData = new Option<string>("--data") { Description = "The GVDB folder (dev.tsv)", DefaultValueFactory = _ => "../shared/data/gvdb" };
        var gvdbShow = new Option<int>("--show") { Description = "Print this many articles whose counts are wrong" };
        var gvdb = new Command("gvdb", "Per-article killed and injured counts against the Gun Violence Database (dev)") { gvdbData, gvdbShow };
        gvdb.SetAction(parse => GvdbEval.Run(parse.GetValue(gvdbData)!, parse.GetValue(gvdbShow), stdout));
        eval.Subcommands.Add(gvdb);
        TaggingCommands.AddEvalCommands(eval, stdout);
        return eval;
    }
}
