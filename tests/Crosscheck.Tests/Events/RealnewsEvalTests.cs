using Crosscheck.Cli.Eval;
using Crosscheck.Events;

namespace Crosscheck.Tests.Events;

/// <summary>
/// <c>crosscheck eval realnews</c> on the dev split (the tuning split) as a regression floor, and its definitions on
/// made-up gold statements. The test split is reported in README, never asserted on, so that it is not tuned against.
/// </summary>
public sealed class RealnewsEvalTests
{
    private static readonly string Data = SharedData.PathTo("data", "realnews");

    [SharedDataFact("data/realnews")]
    public void Dev_figures_stay_above_their_floors()
    {
        var report = RealnewsEval.Score(Data, "dev");
        report.Articles.ShouldBe(102);
        report.Incidents.Count.ShouldBe(147);
        report.KilledExact.ShouldBeGreaterThanOrEqualTo(0.55);
        report.TollsFound.ShouldBeGreaterThanOrEqualTo(0.2);
        report.DaysExact.ShouldBeGreaterThanOrEqualTo(0.4);
        report.PredictedTolls.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_articles_figure_for_an_incident_is_its_latest_and_sides_add_up()
    {
        static RealnewsGold.Statement S(string scope, decimal v, string asOf, string q = "=", string side = "") =>
            new(scope, "killed", v, v, q, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), "")
            { Incidents = scope.Split(':')[0].Contains('-', StringComparison.Ordinal) ? [] : [scope.Split(':')[0]], Side = side };
        var article = new RealnewsGold.Article("a.txt", "a.txt", "dev", ["X1"],
        [
            S("X1", 3, "2025-07-24"), S("X1", 11, "2025-07-25"), S("X1", 6, "2025-07-25"), S("X1", 20, "2025-07-26", "possible"),
            S("X2:A-mil", 16, "2025-10-08", side: "A-mil"), S("X2:B-mil", 19, "2025-10-08", side: "B-mil"), S("X-E1:ALL", 40, "2025-07-26"),
        ]);
        RealnewsEval.Expected(article, "X1").ShouldBe([11m]);
        RealnewsEval.Expected(article, "X2").ShouldBe([35m]);
        RealnewsEval.Expected(article, "X3").ShouldBeEmpty();
    }

    [Fact]
    public void More_than_N_counts_as_N_plus_one_only_in_the_proposed_figure()
    {
        static RealnewsGold.Statement S(string scope, decimal v, string q, string side) =>
            new(scope, "killed", v, v, q, new DateOnly(2025, 10, 12), "") { Incidents = [scope.Split(':')[0]], Side = side };
        var article = new RealnewsGold.Article("a.txt", "a.txt", "dev", ["X1"], [S("X1:A-mil", 23, ">=", "A-mil"), S("X1:B-mil", 200, ">", "B-mil")]);
        RealnewsEval.Expected(article, "X1").ShouldBe([223m]);
        RealnewsEval.Expected(article, "X1", openAsNext: true).ShouldBe([224m]);
    }

    [Fact]
    public void An_event_counts_for_one_incident_only_the_one_whose_place_it_names_else_the_main_one()
    {
        // A made-up report of two attacks on one day: the second sentence's dead belong to the village it names.
        const string body = "Shelling hits border towns\n\nArtillery shelling killed three people near the border on Monday.\n\n"
            + "A rocket struck a market in Kandahar on Monday, killing seven people.";
        var document = new Crosscheck.Documents.DocumentReader().ReadBytes("made-up.txt",
            System.Text.Encoding.UTF8.GetBytes("---\npublished: 2025-11-04\n---\n" + body), ".txt").Single().Document!;
        var events = EventReader.Default.Read(Crosscheck.Language.StandardPipeline.Default.Process(document)).Events;
        var day = new DateOnly(2025, 11, 3);
        var border = new RealnewsGold.Incident("X1", day, day, "border area", "Afghanistan", 3, 3, true);
        var market = new RealnewsGold.Incident("X2", day, day, "Kandahar market", "Afghanistan", 7, 7, true);
        var other = new RealnewsGold.Incident("X3", day, day, "Herat", "Afghanistan", null, null, true);
        List<RealnewsGold.Incident> reported = [border, market, other];
        static decimal? Killed(List<EventMention> of) => of.Max(e => e.Fatalities?.Min);
        Killed(RealnewsMatch.EventsOf(events, market, reported, useDate: true)).ShouldBe(7m);
        Killed(RealnewsMatch.EventsOf(events, border, reported, useDate: true)).ShouldBe(3m);
        // The third incident of that day takes neither event's dead: each counts once.
        RealnewsMatch.EventsOf(events, other, reported, useDate: true).ShouldBeEmpty();
    }

    [Fact]
    public void A_figure_matches_on_measure_and_value_and_more_than_allows_one_more()
    {
        var more = new RealnewsGold.Statement("X-E1:ALL", "killed", 40, 40, ">", null, "");
        RealnewsEval.SameFigure(TollMeasure.Killed, 41, null, more).ShouldBeTrue();
        RealnewsEval.SameFigure(TollMeasure.Killed, 40, null, more).ShouldBeTrue();
        RealnewsEval.SameFigure(TollMeasure.Injured, 40, null, more).ShouldBeFalse();
        var range = new RealnewsGold.Statement("X1", "killed", 15, 20, "range", null, "");
        RealnewsEval.SameFigure(TollMeasure.Killed, 15, 20, range).ShouldBeTrue();
        RealnewsEval.SameFigure(TollMeasure.Killed, 20, 20, range).ShouldBeFalse();
        // "around 70" is read as 63–77: the range's middle is the value; another range around it is not.
        var about = new RealnewsGold.Statement("X-E1:ALL", "killed", 70, 70, "~", null, "");
        RealnewsEval.SameFigure(TollMeasure.Killed, 63, 77, about).ShouldBeTrue();
        RealnewsEval.SameFigure(TollMeasure.Killed, 60, 77, about).ShouldBeFalse();
        RealnewsEval.SameFigure(TollMeasure.Killed, 70, 70, about).ShouldBeTrue();
    }
}
