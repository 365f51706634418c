using System.Collections.Immutable;
using Crosscheck.Cli.Eval;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Events;

/// <summary>
/// The incident-level scorer of <c>crosscheck eval realnews</c> on made-up gold and made-up records (no realnews text),
/// and on the dev split when ../shared is there (gold counts only: the figures are reported, not asserted).
/// </summary>
public sealed class RealnewsIncidentEvalTests
{
    private static readonly DateOnly Day = new(2025, 10, 15);

    private static RealnewsGold.Incident Gold(string id, DateOnly start, DateOnly end, string place, string country, decimal? best = null) =>
        new(id, start, end, place, country, best, best, true) { Split = "dev", KilledBest = best };

    private static PlaceFacts City(string name, string country) => new(name, name, country, "city", null, null);

    [Fact]
    public void A_day_agrees_within_one_day_and_a_long_span_only_inside_the_gold_window()
    {
        var gold = Gold("X1", Day, Day, "Kandahar", "Afghanistan");
        static TimeFacts T(DateOnly s, DateOnly e) => new("", s, e, s == e ? "day" : "range");
        RealnewsIncidentEval.DayAgrees(T(Day.AddDays(1), Day.AddDays(1)), gold).ShouldBeTrue();
        RealnewsIncidentEval.DayAgrees(T(Day.AddDays(-2), Day.AddDays(-2)), gold).ShouldBeFalse();
        // Three days overlapping the window agree; a month around it does not.
        RealnewsIncidentEval.DayAgrees(T(Day.AddDays(1), Day.AddDays(3)), gold).ShouldBeTrue();
        RealnewsIncidentEval.DayAgrees(T(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 31)), gold).ShouldBeFalse();
        RealnewsIncidentEval.DayAgrees(new TimeFacts("recently", null, null, "day"), gold).ShouldBeFalse();
        RealnewsIncidentEval.DayAgrees(null, gold).ShouldBeFalse();
        // A front of several days takes a record span inside it, and a day one either side.
        var front = Gold("X2", new DateOnly(2025, 12, 8), new DateOnly(2025, 12, 11), "Sa Kaeo", "Thailand");
        RealnewsIncidentEval.DayAgrees(T(new DateOnly(2025, 12, 7), new DateOnly(2025, 12, 12)), front).ShouldBeTrue();
        RealnewsIncidentEval.DayAgrees(T(new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 12)), front).ShouldBeTrue();
        RealnewsIncidentEval.DayAgrees(T(new DateOnly(2025, 12, 13), new DateOnly(2025, 12, 13)), front).ShouldBeFalse();
    }

    [Fact]
    public void A_place_agrees_when_named_by_country_or_by_first_level_division()
    {
        var places = RealnewsPlaces.Default;
        var area = places.AreaOf(Gold("X1", Day, Day, "Ban Phue, Kantharalak district", "Thailand"));
        places.Agrees(City("Kantharalak", "TH"), area).ShouldBeTrue();
        // Si Sa Ket lies in Kantharalak's province; Surin is another province of the same country.
        places.Agrees(City("Si Sa Ket", "TH"), area).ShouldBeTrue();
        places.Agrees(City("Surin", "TH"), area).ShouldBeFalse();
        places.Agrees(new PlaceFacts("Thailand", "Thailand", "TH", "country", null, null), area).ShouldBeTrue();
        places.Agrees(new PlaceFacts("Cambodia", "Cambodia", "KH", "country", null, null), area).ShouldBeFalse();
        places.Agrees(new PlaceFacts("Gulf of Thailand", "Gulf of Thailand", null, "sea", null, null), area).ShouldBeFalse();
        places.Agrees(null, area).ShouldBeFalse();
        // A border incident lies in both countries.
        var border = places.AreaOf(Gold("X2", Day, Day, "disputed border area", "Thailand/Cambodia border"));
        places.Agrees(new PlaceFacts("Cambodia", "Cambodia", "KH", "country", null, null), border).ShouldBeTrue();
    }

    [Fact]
    public void Incidents_are_matched_counted_split_mixed_and_their_killed_read()
    {
        var kandahar = Gold("X1", Day, Day, "Kandahar market", "Afghanistan", best: 7);
        var kabul = Gold("X2", Day.AddDays(5), Day.AddDays(5), "Kabul", "Afghanistan", best: 3);
        var gold = new RealnewsGold.Gold(new() { ["X1"] = kandahar, ["X2"] = kabul },
        [
            Article("a1.txt", "X1"), Article("a2.txt", "X1"), Article("a3.txt", "X2"),
        ]);
        var events = new List<EventFacts>
        {
            Event("e1", "d1", Day, "Kandahār"), Event("e2", "d2", Day, "Kandahār"),
            Event("e3", "d1", Day, null), // a second report of the main news in a1, undated
            Event("e4", "d3", Day.AddDays(5), "Kabul"), Event("e5", "d1", Day, "Kandahār"),
            Event("e6", "d3", Day.AddDays(30), "Herāt"),
            Event("e7", "d2", Day, "Kandahār") with { Salience = "background" },
        };
        var record = new CrossRecord([],
        [
            Incident("p1", [events[0], events[1]], Day, City("Kandahār", "AF"), killed: 7),
            Incident("p2", [events[2]], Day, City("Kandahār", "AF"), killed: 5),
            Incident("p3", [events[3], events[4]], Day.AddDays(5), City("Kabul", "AF"), killed: 3), // mixes X1 and X2
            Incident("p4", [events[5]], Day.AddDays(30), City("Herāt", "AF")),
            Incident("p5", [events[6]], Day, City("Kandahār", "AF")), // a background mention only: not counted
        ], []);
        var view = View(record, events);
        var r = RealnewsIncidentEval.Score(gold, "dev", view, RealnewsPlaces.Default);

        r.Predicted.Count(p => p.Counted).ShouldBe(4);
        r.Predicted.Single(p => p.Incident.Id == "p5").NotCounted.ShouldBe("background only");
        r.Gold.Count(g => g.Found).ShouldBe(2);
        r.Predicted.Single(p => p.Incident.Id == "p4").Matches.ShouldBeEmpty();
        // X1's reports are spread over p1, p2 and p3; p3 also holds X2's: it mixes two gold incidents.
        r.Gold.Single(g => g.Gold.Id == "X1").Holding.Select(p => p.Id).ShouldBe(["p1", "p2", "p3"]);
        r.Predicted.Where(p => p.Mixed).Select(p => p.Incident.Id).ShouldBe(["p3"]);
        // X1's killed is read from the matching incident holding most of its events (p1: 7, not p2's 5).
        r.Gold.Single(g => g.Gold.Id == "X1").Chosen!.Id.ShouldBe("p1");
        r.Gold.Count(g => g.KilledExact).ShouldBe(2);
    }

    [Fact]
    public void Campaign_tolls_wire_groups_disputes_and_discrepancies_are_judged_against_the_gold()
    {
        var x1 = Gold("X1", Day, Day, "Kandahar", "Afghanistan", best: 7);
        static RealnewsGold.Statement Toll(string scope, decimal v, DateOnly asOf, string q = "=") =>
            new(scope, "killed", v, v, q, asOf, "")
            {
                Incidents = scope.Split(':')[0].Contains('-', StringComparison.Ordinal) ? [] : [scope.Split(':')[0]],
                Side = scope.Contains(':', StringComparison.Ordinal) ? scope.Split(':')[1] : "",
            };
        var gold = new RealnewsGold.Gold(new() { ["X1"] = x1 },
        [
            Article("a1.txt", "X1") with { Tolls = [Toll("X1", 5, Day), Toll("X-E1:ALL", 30, Day)], Episodes = ["X-E1"] },
            Article("a2.txt", "X1") with { Tolls = [Toll("X1", 7, Day.AddDays(1)), Toll("X-E1:ALL", 40, Day.AddDays(2), ">="), Toll("X-E1:TH", 12, Day.AddDays(2))], Episodes = ["X-E1"] },
            Article("a3.txt", "X1") with { Tolls = [Toll("X1", 9, Day)] },
        ])
        {
            WireGroups = [new("W1", "reprint", "AFP", ["a1.txt", "a2.txt"]), new("W2", "same-origin rewrites", "AP", ["a2.txt", "a3.txt"])],
            Disputes =
            [
                new("D1", "X1", "killed", "conflicting figures", ["dev", "all"], [new("5", ["a1.txt"]), new("9", ["a3.txt"])]),
                new("D2", "X1", "victims", "denial", ["dev", "all"], [new("civilians", ["a1.txt"]), new("fighters", ["a3.txt"])]),
            ],
        };
        var events = new List<EventFacts> { Event("e1", "d1", Day, "Kandahār"), Event("e2", "d2", Day, "Kandahār"), Event("e3", "d3", Day, "Kandahār") };
        var campaign = Incident("c1", [], Day, null, killed: 40) with { Scope = IncidentScope.Campaign, Documents = ["d1", "d2"] };
        var p1 = Incident("p1", events, Day, City("Kandahār", "AF"), killed: 7) with
        {
            Reports = [Report("d1", "The Reuters"), Report("d2", "reuters"), Report("d3", "AP")],
        };
        DiscrepancyValue V(string value, string doc) => new(value, doc, null, value);
        var record = new CrossRecord([], [p1, campaign],
        [
            new("x1", "p1", DiscrepancyKind.Fatalities, [V("5", "d1"), V("9", "d3")], ""), // the gold's dispute
            new("x2", "p1", DiscrepancyKind.Fatalities, [V("5", "d1"), V("7", "d2")], ""), // 5 then 7 a day later: a rising toll
            new("x3", "p1", DiscrepancyKind.Date, [V("a", "d1"), V("b", "d2")], ""),
            new("x4", "p1", DiscrepancyKind.Fatalities, [V("5", "d1"), V("5", "d3"), V("6", "d2")], ""), // both sides' files say 5
            new("x5", "p1", DiscrepancyKind.Dispute, [V("claim", "d2"), V("denied", "d3")], ""), // a dispute read from a side's article
            new("x6", "p1", DiscrepancyKind.Dispute, [V("claim", "d2")], ""), // read from no side's article
        ]);
        var r = RealnewsIncidentEval.Score(gold, "dev", View(record, events), RealnewsPlaces.Default);

        // The latest day's statements are the whole's (ALL) '>= 40', not a side's 12.
        var episode = r.Episodes.Single();
        episode.Gold.Select(s => s.Max).ShouldBe([40m]);
        episode.Right.ShouldBeTrue();
        r.Wires.Single(w => w.Group.Id == "W1").Origin.ShouldBe("reuters");
        r.Wires.Single(w => w.Group.Id == "W2").Traced.ShouldBeFalse();
        r.Disputes.Single(d => d.Dispute.Id == "D1").Found.ShouldBeTrue();
        r.Disputes.Single(d => d.Dispute.Id == "D2").Found.ShouldBeTrue();
        r.Discrepancies.Select(d => d.Verdict).ShouldBe([RealnewsIncidentEval.Supported, RealnewsIncidentEval.RisingToll, RealnewsIncidentEval.NotSupported,
            RealnewsIncidentEval.NotSupported, RealnewsIncidentEval.Supported, RealnewsIncidentEval.NotSupported]);
    }

    [SharedDataFact("data/realnews")]
    public void The_dev_split_is_ingested_whole_and_scored_against_its_gold()
    {
        var data = SharedData.PathTo("data", "realnews");
        var gold = RealnewsGold.Load(data);
        var articles = gold.Articles.Where(a => a.Split == "dev").ToList();
        var view = RealnewsRecord.Build(data, articles);
        view.Problems.ShouldBeEmpty();
        view.DocumentOfFile.Count.ShouldBe(102);
        var r = RealnewsIncidentEval.Score(gold, "dev", view, RealnewsPlaces.Default);
        r.Gold.Count.ShouldBe(40);
        r.Disputes.Count.ShouldBe(26);
        r.Wires.Count.ShouldBe(11);
        r.Predicted.Count.ShouldBe(view.Record.Incidents.Length);
        r.Predicted.ShouldContain(p => p.Counted);
    }

    private static RealnewsGold.Article Article(string file, params string[] reports) => new(file, file, "dev", [.. reports], []);

    private static RealnewsRecord.View View(CrossRecord record, List<EventFacts> events) =>
        new(record, events.ToDictionary(e => e.Id), new Dictionary<string, string> { ["a1.txt"] = "d1", ["a2.txt"] = "d2", ["a3.txt"] = "d3" });

    private static EventFacts Event(string id, string document, DateOnly? day, string? city) => new()
    {
        Id = id, Document = document, Type = PloverType.Assault, Modality = Modality.Asserted, AttributionKind = AttributionKind.Unattributed,
        Segment = "body", Start = 0, End = 1, Evidence = "",
        Time = day is { } d ? new TimeFacts("", d, d, "day") : null,
        Location = city is null ? null : City(city, "AF"),
    };

    private static Incident Incident(string id, List<EventFacts> events, DateOnly day, PlaceFacts? place, decimal? killed = null) => new()
    {
        Id = id, Story = "s1", Type = PloverType.Assault, Modality = Modality.Asserted, Scope = IncidentScope.Single, Title = id,
        Events = [.. events.Select(e => e.Id)], Documents = [.. events.Select(e => e.Document).Distinct()],
        Time = new TimeFacts("", day, day, "day"), Location = place,
        Fatalities = killed is { } k ? new FatalityRecord(k, k, k, [], "") : null,
    };

    private static SourceReport Report(string document, string origin) => new(document, null, null, origin, "", [], null, null);
}
