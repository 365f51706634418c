using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// <c>crosscheck eval case2021</c>: the CASE 2021 Task 2 snippets (ACLED-style sub-event labels). Each snippet
/// goes through the standard pipeline and the event reader; its label is the ACLED sub-event type of its
/// best-ranked event among those with an ACLED type, mapped to the CASE label: rank = confidence, plus 1 when
/// asserted (ACLED records events that took place), plus 0.5 when the news rather than background (salience main,
/// since ACLED codes what a report reports); ties by text order.
/// The primary figure is weighted F1 over the snippets whose gold label is one of the 25 ACLED types; the
/// five non-ACLED labels (organized crime, disasters, diplomacy, attribution) are scored separately and count
/// as misses, since the reader codes events in ACLED's vocabulary only.
/// </summary>
internal static class Case2021Eval
{
    /// <summary>The target for weighted F1 over the ACLED labels.</summary>
    public const double Target = 0.80;

    /// <summary>The label of a snippet with no event that has an ACLED type.</summary>
    public const string NoEvent = "NONE";

    /// <summary>ACLED sub-event type names (codebook spelling) → CASE 2021 labels.</summary>
    public static readonly FrozenDictionary<string, string> CaseLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Armed clash"] = "ARMED_CLASH",
        ["Government regains territory"] = "GOV_REGAINS_TERIT",
        ["Non-state actor overtakes territory"] = "NON_STATE_ACTOR_OVERTAKES_TER",
        ["Chemical weapon"] = "CHEM_WEAP",
        ["Air/drone strike"] = "AIR_STRIKE",
        ["Suicide bomb"] = "SUIC_BOMB",
        ["Shelling/artillery/missile attack"] = "ART_MISS_ATTACK",
        ["Remote explosive/landmine/IED"] = "REM_EXPLOS",
        ["Grenade"] = "GRENADE",
        ["Sexual violence"] = "SEX_VIOL",
        ["Attack"] = "ATTACK",
        ["Abduction/forced disappearance"] = "ABDUCT_DISSAP",
        ["Peaceful protest"] = "PEACE_PROTEST",
        ["Protest with intervention"] = "PROTEST_WITH_INTER",
        ["Excessive force against protesters"] = "FORCE_AGAINST_PROTEST",
        ["Violent demonstration"] = "VIOL_DEMONSTR",
        ["Mob violence"] = "MOB_VIOL",
        ["Agreement"] = "AGREEMENT",
        ["Arrests"] = "ARREST",
        ["Change to group/activity"] = "CHANGE_TO_GROUP_ACT",
        ["Disrupted weapons use"] = "DISR_WEAP",
        ["Headquarters or base established"] = "HQ_ESTABLISHED",
        ["Looting/property destruction"] = "PROPERTY_DISTRUCT",
        ["Non-violent transfer of territory"] = "NON_VIOL_TERRIT_TRANSFER",
        ["Other"] = "OTHER",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The CASE labels outside ACLED's taxonomy.</summary>
    public static readonly FrozenSet<string> NonAcledLabels =
        FrozenSet.ToFrozenSet(["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"], StringComparer.Ordinal);

    public sealed record Snippet(string Id, string Text, string Gold);

    public sealed record Result(List<(Snippet Snippet, string Predicted)> Items, LabelScores Acled, LabelScores All, TimeSpan Elapsed);

    public static string DefaultPath() => Commands.SharedDataFolder.PathTo("case2021", "dev.tsv");

    public static int Run(string path, int showErrors, TextWriter stdout)
    {
        var tuning = Score(path, DatasetHalf.Tuning);
        var result = Score(path, DatasetHalf.Reporting);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CASE 2021 task 2, {path}: {tuning.All.Count + result.All.Count} snippets in {(tuning.Elapsed + result.Elapsed).TotalSeconds:0.0} s; label = ACLED sub-event of the best-ranked event with one (confidence, +1 asserted, +0.5 news)"));
        stdout.WriteLine("halves: SHA-256 of the snippet id, even = tuning (rules are chosen there), odd = reporting (the figures below)");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuning half, ACLED labels ({tuning.Acled.Count} snippets): weighted F1 {tuning.Acled.WeightedF1:0.000}, macro F1 {tuning.Acled.MacroF1:0.000}, accuracy {tuning.Acled.Accuracy:0.000}"));
        stdout.WriteLine("reporting half:");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ACLED labels ({result.Acled.Count} snippets): weighted F1 {result.Acled.WeightedF1:0.000} (target {Target:0.00}), macro F1 {result.Acled.MacroF1:0.000}, accuracy {result.Acled.Accuracy:0.000}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all 30 labels ({result.All.Count} snippets; the 5 non-ACLED labels are never predicted): weighted F1 {result.All.WeightedF1:0.000}, macro F1 {result.All.MacroF1:0.000}, accuracy {result.All.Accuracy:0.000}"));
        stdout.WriteLine("per class (all snippets):");
        result.All.WriteClasses(stdout);
        stdout.WriteLine("most frequent confusions (gold → predicted):");
        result.All.WriteConfusions(stdout, 15);
        if (showErrors > 0)
        {
            stdout.WriteLine("errors of the tuning half:");
            foreach (var (snippet, predicted) in tuning.Items.Where(i => i.Snippet.Gold != i.Predicted).Take(showErrors))
                stdout.WriteLine($"  {snippet.Id}  {snippet.Gold} → {predicted}: {snippet.Text}");
        }
        return CrosscheckCli.Ok;
    }

    /// <summary>Scores the snippets of <paramref name="half"/> (all when null).</summary>
    public static Result Score(string path, DatasetHalf? half = null)
    {
        var snippets = Read(path).Where(s => half is null || DatasetSplit.Of(s.Id) == half).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var items = new List<(Snippet, string)>(snippets.Count);
        foreach (var s in snippets) items.Add((s, Predict(s.Text)));
        clock.Stop();
        var all = new LabelScores(items.Select(i => (i.Item1.Gold, i.Item2)));
        var acled = new LabelScores(items.Where(i => !NonAcledLabels.Contains(i.Item1.Gold)).Select(i => (i.Item1.Gold, i.Item2)));
        return new Result(items, acled, all, clock.Elapsed);
    }

    /// <summary>The CASE label of one snippet: the ACLED sub-event of its most confident event that has one.</summary>
    public static string Predict(string text)
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(text, null));
        // ACLED records events that took place, and a report's news rather than its background: see Rank.
        EventMention? best = null;
        foreach (var e in reading.Events)
        {
            if (e.Acled is null) continue;
            if (best is null || Rank(e) > Rank(best)) best = e;
        }
        return best?.Acled is { } acled && CaseLabels.TryGetValue(acled.SubEventType, out var label) ? label : NoEvent;
    }

    /// <summary>Confidence, plus 1 when asserted, plus 0.5 when the news (salience main).</summary>
    private static double Rank(EventMention e) => e.Confidence + (e.Modality == Modality.Asserted ? 1 : 0) + (e.Salience == Salience.Main ? 0.5 : 0);

    private static List<Snippet> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{path}: cannot read the CASE 2021 snippets ({ex.Message})");
        }
        if (lines.Length == 0 || !lines[0].StartsWith("id\tEventSnippet\tSubType", StringComparison.Ordinal))
            throw new CliFailure($"{path}: not a CASE 2021 task 2 file (expected the header 'id TAB EventSnippet TAB SubType')");
        var snippets = new List<Snippet>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = lines[n].Split('\t');
            if (f.Length != 3 || f[2].Trim().Length == 0)
                throw new CliFailure($"{path}:{n + 1}: expected id TAB snippet TAB label");
            var gold = f[2].Trim();
            if (!CaseLabels.Values.Contains(gold) && !NonAcledLabels.Contains(gold))
                throw new CliFailure($"{path}:{n + 1}: '{gold}' is not a CASE 2021 label");
            snippets.Add(new Snippet(f[0], f[1], gold));
        }
        if (snippets.Count == 0) throw new CliFailure($"{path}: no snippets");
        return snippets;
    }
}
