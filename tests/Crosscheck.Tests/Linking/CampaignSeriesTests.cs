using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Series (campaigns and episodes of fighting) and their tolls (issue 14, item 1): which toll of a series is its
/// figure, which reports a series takes, and which single incidents are its children. Texts and figures are made up.
/// </summary>
public class CampaignSeriesTests
{
    private static DocumentFacts TollDocument(string id, string published, params (string Id, decimal Min, decimal? Max, string Text)[] tolls) => new()
    {
        Id = id,
        Outlet = "Outlet " + id,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Tolls = [.. tolls.Select(t => new TollFacts(t.Id, TollMeasure.Killed, t.Min, t.Max, t.Text, 0, t.Text.Length))],
    };

    [Fact]
    public void A_vague_quantity_neither_is_the_figure_beside_a_count_nor_puts_a_later_count_behind()
    {
        var docs = new[]
        {
            TollDocument("d-1", "2025-03-02", ("t-1", 15, null, "at least 15 people were killed in the fighting")),
            TollDocument("d-2", "2025-03-06", ("t-2", 24, 119, "fighting that left dozens dead")),
            TollDocument("d-3", "2025-04-10", ("t-3", 63, 77, "the March fighting that killed about 70 people")),
        }.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var series = CampaignTolls.Series(["d-1", "d-2", "d-3"], docs);
        series.Single(p => p.Toll == "t-2").Vague.ShouldBeTrue();
        series.Single(p => p.Toll == "t-3").Vague.ShouldBeFalse();
        // "About 70" lies above what "dozens" states at least (24): it is not behind, and it is stated as 70.
        series.ShouldAllBe(p => !p.Behind);
        CampaignTolls.Fatalities(series)!.Best.ShouldBe(70);
        // Beside a count, "dozens" a day later is not the figure; alone, it stands for what it states at least.
        CampaignTolls.Fatalities(CampaignTolls.Series(["d-1", "d-2"], docs))!.Best.ShouldBe(15);
        CampaignTolls.Fatalities(CampaignTolls.Series(["d-2"], docs))!.Best.ShouldBe(24);
        // A later count below what an earlier count states at least is still behind.
        var lower = TollDocument("d-4", "2025-04-12", ("t-4", 50, null, "at least 50 were killed"));
        var withLower = CampaignTolls.Series(["d-1", "d-3", "d-4"], new Dictionary<string, DocumentFacts>(docs) { ["d-4"] = lower });
        withLower.Single(p => p.Toll == "t-4").Behind.ShouldBeTrue();
        CampaignTolls.Fatalities(withLower)!.Best.ShouldBe(70);
    }

    private static EventFacts Series(string id, string published, DateOnly? start, DateOnly? end, string salience = "main") => new()
    {
        Id = id,
        Document = "d-" + id,
        Type = PloverType.Assault,
        Modality = Modality.Asserted,
        AttributionKind = AttributionKind.Named,
        Segment = "body",
        Start = 0,
        End = 10,
        Evidence = "the clashes",
        Plural = true,
        Salience = salience,
        Time = start is { } s && end is { } e ? new TimeFacts("the clashes", s, e, s == e ? "day" : "range") : null,
        Reported = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void A_series_report_placed_in_a_country_the_series_does_not_involve_is_another_war()
    {
        // Raids on army posts around a northern town of one country, and a line on air attacks near a town of another.
        var posts = Series("p", "2025-06-10", new(2025, 6, 1), new(2025, 6, 9)) with { Location = new PlaceFacts("Kora", "Kora", "BF", "city", 14.1, -1.6) };
        var elsewhere = Series("q", "2025-06-11", new(2025, 6, 3), new(2025, 6, 10)) with { Location = new PlaceFacts("Pale", "Pale", "MM", "city", 21.9, 95.0) };
        IncidentMatcher.Match(elsewhere, [posts]).ShouldBeNull();
        // Its other side's country (an actor of the series' place), or a sea, keeps the fighting one.
        var otherSide = elsewhere with { Location = new PlaceFacts("Ansongo", "Ansongo", "ML", "city", 15.7, 0.5), Actors = [new ParticipantFacts("Burkinabe troops", null, "BF")] };
        IncidentMatcher.Match(otherSide, [posts]).ShouldNotBeNull();
        var sameCountry = elsewhere with { Location = new PlaceFacts("Dori", "Dori", "BF", "city", 14.0, -0.0) };
        IncidentMatcher.Match(sameCountry, [posts]).ShouldNotBeNull();
    }

    [Fact]
    public void What_a_series_recalls_as_background_does_not_stretch_its_days_to_a_later_round()
    {
        // News of fighting from 11 to 19 March, and a later report recalling "the clashes in March" (the whole month).
        var march = new[]
        {
            Series("a", "2025-03-11", new(2025, 3, 11), new(2025, 3, 11)),
            Series("b", "2025-03-19", new(2025, 3, 19), new(2025, 3, 19)),
            Series("c", "2025-04-24", new(2025, 3, 1), new(2025, 3, 31), "background"),
        };
        // The recalled month still joins the March series ...
        IncidentMatcher.Match(Series("d", "2025-04-24", new(2025, 3, 1), new(2025, 3, 31), "background"), march[..2]).ShouldNotBeNull();
        // ... but strikes reported on 24 April, 36 days after the last news of March, are another round, though within
        // a month of the recalled month's end.
        IncidentMatcher.Match(Series("e", "2025-04-24", new(2025, 4, 24), new(2025, 4, 24)), march).ShouldBeNull();
        // A series told only in recollections keeps the days it recalls.
        IncidentMatcher.Match(Series("f", "2025-04-24", new(2025, 4, 24), new(2025, 4, 24)), march[2..]).ShouldNotBeNull();
    }

    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    [Fact]
    public void A_single_attack_opened_again_by_a_late_recollection_keeps_its_campaign_with_or_without_a_store()
    {
        var documents = LinkOrder.Sort(
        [
            Facts("keep-1", "Harbor Ledger", "2025-03-04",
                "Rebel forces have carried out attacks on border villages near Kherson since March 1, killing at least 20 people. Rebels shelled a village near Kherson on Monday, killing four civilians."),
            Facts("keep-2", "Gulf Gazette", "2025-03-05",
                "Rebels shelled a village near Kherson on Monday, killing four civilians, officials said. Rebel attacks on border villages near Kherson have killed at least 20 people since March 1."),
            // Other news months later: the March incidents close (and, with a store, leave memory).
            Facts("keep-4", "Valley Times", "2025-06-10", "The foreign minister met his counterpart in Geneva on Wednesday to discuss a ceasefire."),
        ]);
        var recall = Facts("keep-3", "Valley Times", "2025-08-07",
            "Four civilians were killed when rebels shelled a village near Kherson on March 3, officials said.");
        string? holding = null;
        foreach (var archive in new ILinkArchive?[] { null, new MemoryLinkArchive() })
        {
            var linker = new CrossDocumentLinker(archive: archive);
            foreach (var d in documents) linker.Add(d);
            var first = documents.Single(d => d.Title == "keep-1");
            var shelling = linker.IncidentOf(first.Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id)!;
            var campaign = linker.IncidentOf(first.Events.First(e => e.Evidence.Contains("attacks", StringComparison.Ordinal)).Id)!;
            linker.Snapshot().Incidents.Single(i => i.Id == campaign).Scope.ShouldBe(IncidentScope.Campaign);
            linker.Snapshot().Incidents.Single(i => i.Id == shelling).PartOf.ShouldBe(campaign);
            linker.Add(recall);
            linker.IncidentOf(recall.Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id).ShouldBe(shelling);
            var record = linker.Snapshot();
            record.Incidents.Single(i => i.Id == shelling).PartOf.ShouldBe(campaign);
            var json = Crosscheck.Tests.Storage.SampleRecord.CrossJsonOf(record);
            if (holding is null) holding = json;
            else json.ShouldBe(holding);
        }
    }

    [Fact]
    public void A_late_recollection_naming_no_place_joins_the_one_closed_attack_of_its_day_with_or_without_a_store()
    {
        var documents = LinkOrder.Sort(
        [
            Facts("day-1", "Harbor Ledger", "2025-03-04", "Rebels shelled a village near Kherson on Monday, killing four civilians."),
            Facts("day-2", "Gulf Gazette", "2025-03-05", "Rebels shelled a village near Kherson on Monday, killing four civilians, officials said."),
            // The story runs on; the March shelling is quiet and closes (with a store, it leaves memory).
            Facts("day-3", "Valley Times", "2025-04-10", "Rebels shelled a village near Kherson on Wednesday, killing two civilians."),
            Facts("day-5", "Harbor Ledger", "2025-05-14", "Rebels shelled a village near Kherson on Tuesday, killing a farmer."),
        ]);
        var recall = Facts("day-4", "Valley Times", "2025-05-21",
            "Rebels shelled a village near Kherson on Tuesday, wounding six. On March 3, four civilians were killed when rebels shelled a village.");
        foreach (var archive in new ILinkArchive?[] { null, new MemoryLinkArchive() })
        {
            var linker = new CrossDocumentLinker(archive: archive);
            foreach (var d in documents) linker.Add(d);
            var shelling = linker.IncidentOf(documents[0].Events.First(e => e.Evidence.Contains("shelled", StringComparison.Ordinal)).Id);
            linker.Add(recall);
            linker.IncidentOf(recall.Events.First(e => e.Evidence.Contains("four civilians", StringComparison.Ordinal)).Id).ShouldBe(shelling, archive is null ? "held" : "archived");
        }
    }

    [Fact]
    public void A_strike_long_before_the_only_report_of_its_campaign_is_one_of_its_strikes()
    {
        var timeline = Facts("timeline", "Lantern News", "2025-11-20",
            "The navy has carried out at least 21 strikes on smuggling boats, killing at least 83 people. "
            + "On Sept. 2, a strike on a speedboat in the Caribbean killed 11 people.");
        var record = CrossDocumentLinkerTests.Link(timeline);
        var campaign = CrossDocumentLinkerTests.IncidentWith(record, timeline, "21 strikes");
        var strike = CrossDocumentLinkerTests.IncidentWith(record, timeline, "speedboat");
        campaign.Scope.ShouldBe(IncidentScope.Campaign);
        strike.Scope.ShouldBe(IncidentScope.Single);
        strike.PartOf.ShouldBe(campaign.Id);
        // A strike more than a month after everything the campaign reports is a later round's, not a part of it.
        var later = Facts("later", "Lantern News", "2026-02-20", "On Feb. 19, a strike on a speedboat in the Caribbean killed four people.");
        var both = CrossDocumentLinkerTests.Link(timeline, later);
        CrossDocumentLinkerTests.IncidentWith(both, later, "speedboat").PartOf.ShouldNotBe(CrossDocumentLinkerTests.IncidentWith(both, timeline, "21 strikes").Id);
    }

    [Fact]
    public void A_single_attack_in_another_country_is_no_part_of_a_campaign_its_roundup_tells()
    {
        // A regional roundup: one country's running toll, and a bombing across the border whose claim line names no place.
        var roundup = Facts("roundup-parts", "Region Weekly", "2026-06-07",
            "At least 40 soldiers and 12 civilians have been killed in attacks in Manipur since January, officials said. "
            + "A suicide bomber struck a police station in Bannu on Thursday, killing four policemen, officials said. "
            + "The Pakistani Taliban claimed the attack.");
        var record = CrossDocumentLinkerTests.Link(roundup);
        var campaign = record.Incidents.Single(i => i.Scope == IncidentScope.Campaign && !i.Mention);
        CrossDocumentLinkerTests.IncidentWith(record, roundup, "suicide").PartOf.ShouldNotBe(campaign.Id);
    }

    private static EventFacts Side(string id, string actor, string actorCountry, string place, string placeCountry) =>
        Series(id, "2025-03-12", new(2025, 3, 12), new(2025, 3, 12)) with
        {
            Actors = [new ParticipantFacts(actor, "org:" + actor, actorCountry)],
            Location = new PlaceFacts(place, place, placeCountry, "admin1", null, null),
        };

    [Fact]
    public void A_series_takes_the_other_side_of_its_fighting_but_not_a_third_party()
    {
        // A series of Peruvian attacks on places in Ecuador, and Ecuadorian attacks reported the same week.
        var peruvian = new[] { Side("a", "Peruvian army", "PE", "El Oro", "EC"), Side("b", "Peruvian army", "PE", "Zamora", "EC") };
        var ecuadorian = IncidentMatcher.Match(Side("c", "Ecuadorian troops", "EC", "Tumbes", "PE"), peruvian);
        ecuadorian.ShouldNotBeNull();
        ecuadorian.Value.Reason.ShouldContain("the other side of the fighting");
        ecuadorian.Value.ActorsDisagree.ShouldBeFalse();
        // Only fighting has sides: a series of requests keeps another country's requests apart.
        IncidentMatcher.Match(Side("g", "Ecuadorian troops", "EC", "Tumbes", "PE") with { Type = PloverType.Request },
            [.. peruvian.Select(p => p with { Type = PloverType.Request })]).ShouldBeNull();
        // A party the series does not involve is another series.
        IncidentMatcher.Match(Side("d", "Colombian police", "CO", "Narino", "CO"), peruvian).ShouldBeNull();
        // One attack stays one side's: a single Ecuadorian attack does not join a single Peruvian one elsewhere.
        var single = Side("e", "Ecuadorian troops", "EC", "Tumbes", "PE") with { Plural = false, Single = true };
        IncidentMatcher.Match(single, [Side("f", "Peruvian army", "PE", "El Oro", "EC") with { Plural = false, Single = true }]).ShouldBeNull();
    }

    [Fact]
    public void The_two_sides_of_a_weeks_border_fighting_are_one_series_with_its_latest_toll_its_attacks_and_no_actor_discrepancy()
    {
        var documents = LinkOrder.Sort(
        [
            Facts("sides-1", "Harbor Ledger", "2025-03-10",
                "Peruvian forces have carried out attacks on Ecuadorian border posts since Saturday, killing at least 12 soldiers, officials said."),
            Facts("sides-2", "Gulf Gazette", "2025-03-12",
                "Ecuadorian troops have carried out attacks on Peruvian border posts since Saturday. At least 20 people have been killed since Saturday."),
            Facts("sides-3", "Valley Times", "2025-03-11",
                "Peruvian artillery shelled the Ecuadorian town of Huaquillas on Tuesday, killing three people, officials said."),
            Facts("sides-4", "Valley Times", "2025-03-12",
                "Peruvian forces have carried out more attacks on Ecuadorian border posts since Saturday, officials said."),
            Facts("sides-5", "Harbor Ledger", "2025-03-12",
                "Ecuadorian troops have carried out more attacks on Peruvian border posts since Saturday, the army said."),
        ]);
        var record = Link([.. documents]);
        var series = record.Incidents.Where(i => i.Scope == IncidentScope.Campaign && i.Type == PloverType.Assault).ToList();
        series.Count.ShouldBe(1);
        series[0].Documents.ShouldBe(documents.Where(d => d.Title != "sides-3").Select(d => d.Id), ignoreOrder: true);
        series[0].Links.ShouldContain(l => l.Reason.Contains("the other side of the fighting", StringComparison.Ordinal));
        series[0].Fatalities!.Best.ShouldBe(20);
        // Named by both sides, over the days its news speaks of.
        series[0].Title.ShouldStartWith("Ecuadorian-Peruvian ");
        series[0].Title.ShouldContain("8–12 Mar 2025");
        record.Discrepancies.Where(d => d.Incident == series[0].Id && d.Kind == DiscrepancyKind.Actor).ShouldBeEmpty();
        var shelling = record.Incidents.Single(i => i.Documents.Contains(documents.Single(d => d.Title == "sides-3").Id) && i.Type == PloverType.Assault);
        shelling.Scope.ShouldBe(IncidentScope.Single);
        shelling.PartOf.ShouldBe(series[0].Id);
    }

    [Fact]
    public void A_tally_counted_since_the_day_fighting_broke_out_is_the_series_toll_not_that_days_attack()
    {
        var documents = LinkOrder.Sort(
        [
            Facts("since-1", "Harbor Ledger", "2025-09-15",
                "Tajik troops shelled the Kyrgyz village of Dostuk late on Sunday, killing four civilians, officials said."),
            Facts("since-2", "Gulf Gazette", "2025-09-16",
                "Kyrgyz and Tajik forces have fought along the border since Sunday. At least 30 soldiers and civilians have been killed since Sunday, officials said."),
            Facts("since-3", "Valley Times", "2025-09-17",
                "The renewed shelling brings to 41 the number of people killed since fighting broke out on Sunday night, officials said."),
        ]);
        var record = Link([.. documents]);
        var series = record.Incidents.Single(i => i.Scope == IncidentScope.Campaign && i.Type == PloverType.Assault && !i.Mention);
        // The third report's tally starts on Sunday; Sunday is not the day of one attack it tells.
        series.Documents.ShouldContain(documents.Single(d => d.Title == "since-3").Id);
        series.Fatalities!.Best.ShouldBe(41);
        var village = record.Incidents.Single(i => i.Documents.Contains(documents.Single(d => d.Title == "since-1").Id) && i.Scope == IncidentScope.Single && !i.Mention);
        village.Fatalities!.Best.ShouldBe(4);
    }

    [Fact]
    public void Fighting_measured_in_days_a_count_since_yesterday_and_a_wars_dead_are_tallies_not_the_days_attack()
    {
        var documents = LinkOrder.Sort(
        [
            Facts("days-1", "Harbor Ledger", "2025-06-10",
                "Laotian artillery shelled the Vietnamese town of Lao Cai on Tuesday, killing three people, officials said."),
            Facts("days-2", "Gulf Gazette", "2025-06-11",
                "Laotian drones struck a market in Lao Cai on Wednesday, killing two traders, the governor said. The health ministry said 40 people had been wounded in the fighting since Tuesday."),
            Facts("days-3", "Valley Times", "2025-06-12",
                "Laos and Vietnam agreed on Thursday to a truce after three days of border fighting in which at least 22 people have been killed, officials said."),
            Facts("days-4", "River Post", "2025-06-12",
                "Fifteen Vietnamese civilians have been killed and dozens wounded in the border conflict, the foreign ministry said on Thursday."),
        ]);
        var record = Link([.. documents]);
        string Id(string title) => documents.Single(d => d.Title == title).Id;
        var series = record.Incidents.Single(i => i.Scope == IncidentScope.Campaign && i.Type == PloverType.Assault && !i.Mention);
        series.Documents.ShouldContain(Id("days-3"));
        series.Fatalities!.Best.ShouldBe(22);
        // No single attack takes the truce's three days, the wounded since Tuesday or the war's dead.
        var singles = record.Incidents.Where(i => i.Scope == IncidentScope.Single && i.Type == PloverType.Assault).ToList();
        var (truce, war) = (Id("days-3"), Id("days-4"));
        singles.ShouldNotContain(i => i.Documents.Contains(truce) || i.Documents.Contains(war));
        var market = singles.Single(i => i.Documents.Contains(Id("days-2")) && !i.Mention);
        market.Events.Length.ShouldBe(1);
        market.Fatalities!.Best.ShouldBe(2);
    }

    [Fact]
    public void A_wars_dead_told_beside_a_strike_are_not_that_strikes_dead()
    {
        var record = Link(Facts("war-1", "Harbor Ledger", "2025-06-12",
            "Laotian drones struck a market in Lao Cai on Thursday, killing two traders, the governor said. Nine Vietnamese farmers have been killed and scores hurt in the border conflict, the foreign ministry said."));
        var market = record.Incidents.Single(i => i.Scope == IncidentScope.Single && i.Type == PloverType.Assault && !i.Mention);
        market.Events.Length.ShouldBe(1);
        market.Fatalities!.Best.ShouldBe(2);
    }

    [Fact]
    public void The_dead_of_an_earlier_assault_recalled_in_a_background_line_are_not_a_campaigns_count()
    {
        // Two reports of a rebel campaign in a northern province with its running toll, and an analysis whose only line on
        // it is an earlier month's assault: that count is the assault's, not the campaign's as of the analysis.
        var documents = LinkOrder.Sort(
        [
            Facts("camp-1", "Harbor Ledger", "2025-09-10",
                "The Kivara region has been the scene of repeated attacks on the army and local militias since 2019. Rebels have killed at least 30 soldiers in the region since August, officials said."),
            Facts("camp-2", "Gulf Gazette", "2025-09-12",
                "Rebels have carried out attacks on army posts in the Kivara region since August, killing at least 34 soldiers, officials said."),
            Facts("camp-3", "Valley Times", "2025-09-15",
                "The junta has bought new drones. In June, a coordinated assault on army posts in the Kivara region killed more than 200 people, most of them soldiers."),
        ]);
        var record = Link([.. documents]);
        var series = record.Incidents.Where(i => i.Scope == IncidentScope.Campaign && i.Type == PloverType.Assault && i.Fatalities is not null).ToList();
        series.ShouldNotBeEmpty();
        series.ShouldAllBe(s => s.Fatalities!.Best < 200);
    }

    private static CrossRecord Link(params DocumentFacts[] documents) => CrossDocumentLinkerTests.Link(documents);
}
