using System.Text;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// The cross-document stage on short articles read by the real pipeline: joins and what keeps reports apart,
/// origins, reconciled numbers, discrepancies (and the values that must not raise one), grades, undo, reload.
/// </summary>
public class CrossDocumentLinkerTests
{
    internal static DocumentFacts Facts(string name, string outlet, string published, string body)
    {
        var text = $"---\noutlet: {outlet}\npublished: {published}\ntitle: {name}\n---\n{body}\n";
        var result = new DocumentReader().ReadBytes(name + ".txt", Encoding.UTF8.GetBytes(text), ".txt").Single();
        result.Error.ShouldBeNull();
        var doc = result.Document!;
        var annotated = StandardPipeline.Default.Process(doc);
        return LinkFactsBuilder.Build(doc, annotated, EventReader.Default.Read(annotated));
    }

    internal static CrossRecord Link(params DocumentFacts[] documents)
    {
        var linker = new CrossDocumentLinker();
        foreach (var d in documents) linker.Add(d);
        return linker.Snapshot();
    }

    internal static Incident IncidentWith(CrossRecord record, DocumentFacts doc, string evidenceWord) =>
        record.Incidents.Single(i => i.Events.Contains(doc.Events.First(e => e.Evidence.Contains(evidenceWord, StringComparison.Ordinal)).Id));

    private static readonly DocumentFacts StrikeA = Facts("strike-a", "Harbor Ledger", "2025-09-03",
        "The US military destroyed a boat in the Caribbean Sea on Tuesday, killing 11 people, President Donald Trump said.");
    private static readonly DocumentFacts StrikeB = Facts("strike-b", "Tidewater Dispatch", "2025-09-03",
        "US forces struck a boat in the Caribbean Sea on Tuesday. Eleven people were killed in the strike, Trump said.");

    [Fact]
    public void A_rising_toll_over_three_days_ends_on_its_latest_count_past_a_stale_reprint_and_a_sides_claim()
    {
        var first = Facts("city-1", "Northline Wire", "2026-03-10",
            "A Russian missile slammed into a nine-storey apartment block in Kharkiv on Tuesday, killing four people and wounding 20 others, the regional governor said.");
        var risen = Facts("city-2", "Eastern Courier", "2026-03-11",
            "The death toll from Tuesday's missile strike on an apartment block in Kharkiv has risen to nine, the regional governor said on Wednesday.");
        var final = Facts("city-3", "Meridian Post", "2026-03-11",
            "Emergency services said late on Wednesday that 12 people were killed in Tuesday's missile strike on an apartment block in Kharkiv. "
            + "Russia's defence ministry claimed the strike in Kharkiv had killed 40 Ukrainian soldiers who were staying in the building.");
        var stale = Facts("city-4", "Daily Ledger", "2026-03-12",
            "Kharkiv declared a day of mourning on Thursday for the victims of a Russian missile that struck an apartment block in the city on Tuesday and killed four people, officials said.");
        var incident = IncidentWith(Link(first, risen, final, stale), first, "slammed");
        incident.Documents.Length.ShouldBe(4);
        var fatalities = incident.Fatalities!;
        fatalities.Best.ShouldBe(12);
        fatalities.Min.ShouldBe(4);
        fatalities.Max.ShouldBe(40);
        incident.Title.ShouldEndWith(": 12 killed");
    }

    [Fact]
    public void A_bare_mention_later_in_an_undated_report_refers_back_to_its_news()
    {
        var report = Facts("strike-c", "Harbor Ledger", "2025-09-03",
            "US forces struck a boat in the Caribbean Sea. Eleven people were killed in the strike, officials said.");
        var record = Link(report);
        var incident = IncidentWith(record, report, "struck");
        incident.Events.ShouldContain(report.Events.Single(e => e.Evidence.Contains("Eleven", StringComparison.Ordinal)).Id);
        incident.Links.ShouldContain(l => l.Reason.Contains("refers back within the same report"));
    }

    [Fact]
    public void A_follow_up_whose_lede_counts_the_risen_toll_joins_the_attack_its_body_dates()
    {
        var first = Facts("market-1", "Riverside Wire", "2026-02-03",
            "A drone strike hit the cattle market in the village of Wad Ashi in Sennar state late on Monday, killing 12 people, medics said.");
        // The day in the lede is the day the toll rose, not the strike's; the strike's day is in the body, after it.
        var risen = Facts("market-2", "Delta Courier", "2026-02-04",
            "The death toll from a drone strike on a market in central Sudan rose to 20 on Wednesday, medics said. "
            + "The strike on Monday evening hit the cattle market of Wad Ashi as herders gathered.");
        var record = Link(first, risen);
        var incident = IncidentWith(record, first, "hit the cattle market in");
        incident.Events.ShouldContain(risen.Events.First(e => e.Evidence.Contains("rose to 20", StringComparison.Ordinal)).Id);
        incident.Documents.Length.ShouldBe(2);
        record.Incidents.Count(i => i.Type == PloverType.Assault).ShouldBe(1);
    }

    [Fact]
    public void Two_reports_of_one_strike_are_one_incident_with_the_reasons_recorded()
    {
        var record = Link(StrikeA, StrikeB);
        var incident = IncidentWith(record, StrikeA, "destroyed");
        incident.Documents.ShouldBe([StrikeA.Id, StrikeB.Id]);
        incident.Type.ShouldBe(PloverType.Assault);
        incident.Scope.ShouldBe(IncidentScope.Single);
        incident.Links[0].Reason.ShouldBe("first report");
        incident.Links.Skip(1).ShouldAllBe(l => l.JoinedTo != null);
        incident.Links.ShouldContain(l => l.Reason.Contains("same place Caribbean Sea") && l.Reason.Contains("same day Tuesday"));
        // The second report's "Eleven people were killed in the strike" is dated by its report's news (Tuesday) and joins too.
        incident.Events.ShouldContain(StrikeB.Events.Single(e => e.Evidence.Contains("Eleven", StringComparison.Ordinal)).Id);
        incident.Fatalities.ShouldNotBeNull();
        incident.Fatalities!.Min.ShouldBe(11);
        incident.Fatalities.Max.ShouldBe(11);
        incident.Fatalities.BySource.Select(v => v.Document).Distinct().Count().ShouldBe(2);
        record.Stories.Single(s => s.Documents.Contains(StrikeA.Id)).Documents.ShouldContain(StrikeB.Id);
    }

    [Fact]
    public void A_campaign_reported_in_two_seas_is_titled_by_neither()
    {
        var series = Facts("two-seas", "Harbor Ledger", "2025-11-03",
            "The navy has carried out strikes on smuggling boats in the Gulf of Mexico and the Pacific Ocean since August, killing at least 30 people.");
        var campaign = Link(series).Incidents.Single(i => i.Scope == IncidentScope.Campaign);
        campaign.Title.ShouldNotContain("Gulf");
        campaign.Title.ShouldNotContain("Pacific");
    }

    [Fact]
    public void A_strike_report_tallying_the_series_gives_the_campaign_its_latest_toll()
    {
        var earlier = Facts("raids-earlier", "Harbor Ledger", "2025-11-03",
            "Navy jets struck a skiff in the Gulf of Mexico on Sunday, killing two people. The raids have killed at least 30 people since August, officials said.");
        var later = Facts("raids-later", "Pelican Post", "2025-11-06",
            "Navy jets struck a speedboat in the Gulf of Mexico on Wednesday, killing three people. The attack brought the number of people killed in the raids to at least 33.");
        var record = Link(earlier, later);
        var campaign = record.Incidents.Single(i => i.Scope == IncidentScope.Campaign);
        campaign.Documents.ShouldContain(later.Id);
        campaign.Fatalities!.Best.ShouldBe(33);
        // The strike keeps its own three.
        IncidentWith(record, later, "speedboat").Fatalities!.Max.ShouldBe(3);
    }

    [Fact]
    public void A_day_of_strikes_in_two_seas_joins_neither_strike_of_that_day()
    {
        var east = Facts("gulf-east", "Harbor Ledger", "2025-11-04",
            "Navy jets struck a speedboat in the Gulf of Mexico on Monday, killing three people, the Pentagon said.");
        var west = Facts("gulf-west", "Tidewater Dispatch", "2025-11-04",
            "A navy strike on a skiff in the Pacific Ocean on Monday killed two people, officials said.");
        var both = Facts("both", "Pelican Post", "2025-11-05",
            "The navy carried out two more strikes on smuggling boats on Monday, one in the Gulf of Mexico and one in the Pacific Ocean, killing five people in all.");
        both.Events.ShouldContain(e => e.Spread);
        // "International waters" is no second sea: three strikes of one day there, off one coast, are that day's incident.
        var oneSea = Facts("one-sea", "Pelican Post", "2025-11-05",
            "The navy carried out three strikes on four boats in international waters in the Pacific Ocean on Monday, killing 14 people.");
        oneSea.Events.ShouldNotContain(e => e.Spread);
        var record = Link(east, west, both);
        var gulf = IncidentWith(record, east, "speedboat");
        var pacific = IncidentWith(record, west, "skiff");
        gulf.Id.ShouldNotBe(pacific.Id);
        gulf.Documents.ShouldNotContain(both.Id);
        pacific.Documents.ShouldNotContain(both.Id);
        gulf.Fatalities!.Max.ShouldBe(3);
    }

    [Fact]
    public void A_day_of_attacks_across_a_country_joins_no_attack_of_that_day()
    {
        var town = Facts("town", "Harbor Ledger", "2026-07-02",
            "A Russian drone hit a minibus in Kherson on Wednesday, killing two passengers, the governor said.");
        var roundup = Facts("roundup", "Tidewater Dispatch", "2026-07-02",
            "Russian attacks killed six people and wounded 20 across Ukraine on Wednesday, regional officials said.");
        roundup.Events.ShouldContain(e => e.Spread);
        // One attack of the day, in one city, is no spread series.
        town.Events.ShouldNotContain(e => e.Spread);
        var record = Link(town, roundup);
        var minibus = IncidentWith(record, town, "minibus");
        minibus.Documents.ShouldNotContain(roundup.Id);
        minibus.Fatalities!.Max.ShouldBe(2);
    }

    [Fact]
    public void A_strike_weeks_later_is_another_incident()
    {
        var later = Facts("strike-c", "Harbor Ledger", "2025-10-20",
            "The US military destroyed a boat in the Caribbean Sea on Saturday, killing three people, Trump said.");
        var record = Link(StrikeA, later);
        IncidentWith(record, StrikeA, "destroyed").Id.ShouldNotBe(IncidentWith(record, later, "destroyed").Id);
    }

    [Fact]
    public void A_campaign_and_its_latest_strike_are_kept_apart_and_related()
    {
        var doc = Facts("campaign", "Pelican Post", "2025-11-03",
            "At least 40 people have died in the 9 air raids on smuggling boats in the Caribbean since mid-August, officials said. "
            + "The last one hit a speedboat in the Caribbean Sea on Thursday and killed two people, the Pentagon said.");
        var record = Link(doc);
        var campaign = IncidentWith(record, doc, "9 air raids");
        var latest = IncidentWith(record, doc, "last one");
        campaign.Id.ShouldNotBe(latest.Id);
        campaign.Scope.ShouldBe(IncidentScope.Campaign);
        latest.Scope.ShouldBe(IncidentScope.Single);
        latest.PartOf.ShouldBe(campaign.Id);
        campaign.Fatalities!.Min.ShouldBe(40);
        latest.Fatalities!.Max.ShouldBe(2);
    }

    [Fact]
    public void Reports_crediting_one_outlet_are_one_origin()
    {
        var a = Facts("plan-a", "Daily Example", "2025-11-04",
            "The Pentagon is reportedly drawing up plans to deploy soldiers to Honduras, three defense officials told Reuters.");
        var b = Facts("plan-b", "Gulf Gazette", "2025-11-04",
            "The administration plans to deploy soldiers to Honduras, five officials familiar with the plans told Reuters.");
        var record = Link(a, b);
        var plan = IncidentWith(record, a, "deploy");
        plan.Documents.Length.ShouldBe(2);
        plan.Modality.ShouldBe(Modality.Planned);
        plan.Origins.ToArray().ShouldBe(["Reuters"]);
        plan.IndependentSources.ShouldBe(1);
        plan.Grade.ShouldBe(Grade.Weak);
        var count = record.Discrepancies.Single(d => d.Incident == plan.Id && d.Kind == DiscrepancyKind.SourceCount);
        count.Values.Select(v => v.Value).ShouldBe(["3", "5"]);
    }

    [Fact]
    public void Independent_reports_make_a_fair_grade()
    {
        var record = Link(StrikeA, StrikeB);
        var incident = IncidentWith(record, StrikeA, "destroyed");
        // Both quote the president: one origin. Without the quote, and worded apart (ledes that differ by a word or two
        // are one story rewritten, RewritesTests), they are two outlets' own reporting.
        incident.Origins.Length.ShouldBe(1);
        var own = Link(Facts("own-a", "Harbor Ledger", "2025-09-03", "The US military destroyed a boat in the Caribbean Sea on Tuesday, killing 11 people."),
            Facts("own-b", "Tidewater Dispatch", "2025-09-03", "Eleven people were killed on Tuesday when US forces destroyed a boat in the Caribbean Sea."));
        var fair = own.Incidents.Single(i => i.Documents.Length == 2);
        fair.IndependentSources.ShouldBe(2);
        fair.Grade.ShouldBe(Grade.Fair);
    }

    [Fact]
    public void A_later_more_specific_count_supersedes_an_open_one_and_disagreeing_counts_are_flagged()
    {
        var first = Facts("count-a", "Harbor Ledger", "2025-09-03", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing at least 5 people.");
        var second = Facts("count-b", "Tidewater Dispatch", "2025-09-04", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing 7 people.");
        var record = Link(first, second);
        var incident = IncidentWith(record, first, "destroyed");
        incident.Documents.Length.ShouldBe(2);
        incident.Fatalities!.Min.ShouldBe(7);
        incident.Fatalities.Max.ShouldBe(7);
        incident.Fatalities.Best.ShouldBe(7);
        incident.Fatalities.BySource.Length.ShouldBe(2);
        record.Discrepancies.ShouldNotContain(d => d.Incident == incident.Id && d.Kind == DiscrepancyKind.Fatalities);

        // One day's unattributed counts of 5 and 9 may be one toll rising within the day; two sides' claims cannot both be true.
        var rising = Link(Facts("count-e", "Harbor Ledger", "2025-09-03", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing 5 people."),
            Facts("count-f", "Gulf Gazette", "2025-09-03", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing 9 people."));
        rising.Discrepancies.ShouldNotContain(d => d.Kind == DiscrepancyKind.Fatalities);
        var other = Facts("count-c", "Gulf Gazette", "2025-09-03", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing 9 people, Nicolás Maduro said.");
        var disagree = Link(Facts("count-d", "Harbor Ledger", "2025-09-03", "A US strike destroyed a boat in the Caribbean Sea on Tuesday, killing 5 people, Pete Hegseth said."), other);
        var flagged = disagree.Discrepancies.Single(d => d.Kind == DiscrepancyKind.Fatalities);
        flagged.Values.Select(v => v.Value).ShouldBe(["5", "9"]);
    }

    [Fact]
    public void April_and_the_spring_agree_for_one_statement()
    {
        var a = Facts("statement-a", "Harbor Ledger", "2025-11-04",
            "In April, Colombian President Gustavo Petro rejected any foreign military presence in Colombia.");
        var b = Facts("statement-b", "Gulf Gazette", "2025-11-05",
            "In the spring, Colombian President Gustavo Petro rejected any foreign military presence in Colombia.");
        var record = Link(a, b);
        var incident = IncidentWith(record, a, "rejected");
        incident.Documents.Length.ShouldBe(2);
        record.Discrepancies.ShouldNotContain(d => d.Incident == incident.Id && d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Two_titles_of_one_person_agree_when_a_gazetteer_lists_both()
    {
        IncidentDiscrepancies.TitlesAgree("Secretary of Defense", "Secretary of War", ["Secretary of Defense", "Secretary of War"]).ShouldBeTrue();
        IncidentDiscrepancies.TitlesAgree("President", "President of Mexico", []).ShouldBeTrue();
        IncidentDiscrepancies.TitlesAgree("former Foreign Minister", "Foreign Minister", []).ShouldBeTrue();
        IncidentDiscrepancies.TitlesAgree("Foreign Minister", "Defense Minister", []).ShouldBeFalse();
        IncidentDiscrepancies.TitlesAgree("Secretary of Defense", "Secretary of State", ["Secretary of Defense", "Secretary of War"]).ShouldBeFalse();
    }

    [Fact]
    public void Plans_and_the_acts_they_plan_are_two_incidents()
    {
        var doc = Facts("plan-and-act", "Harbor Ledger", "2025-11-04",
            "The US military struck boats in the Caribbean Sea this week. Officials said the military would strike gangs in Haiti next.");
        var record = Link(doc);
        var act = IncidentWith(record, doc, "struck");
        var plan = IncidentWith(record, doc, "would strike");
        act.Id.ShouldNotBe(plan.Id);
        act.Modality.ShouldBe(Modality.Asserted);
        plan.Modality.ShouldBe(Modality.Planned);
    }

    [Fact]
    public void Detach_undoes_a_join_and_keeps_the_event_apart()
    {
        var linker = new CrossDocumentLinker();
        linker.Add(StrikeA);
        linker.Add(StrikeB);
        var joined = linker.Snapshot().Incidents.Single(i => i.Documents.Length == 2);
        var moved = joined.Events[^1];
        var alone = linker.Detach(moved);
        alone.ShouldNotBeNull();
        var after = linker.Snapshot();
        after.Incidents.Single(i => i.Id == joined.Id).Events.ShouldNotContain(moved);
        var single = after.Incidents.Single(i => i.Id == alone);
        single.Events.ToArray().ShouldBe([moved]);
        single.Links[0].Reason.ShouldContain("detached");
        linker.Detach(moved).ShouldBeNull();
    }

    [Fact]
    public void Reloading_assignments_gives_the_same_record_and_ids()
    {
        var docs = new[] { StrikeA, StrikeB };
        var linker = new CrossDocumentLinker();
        foreach (var d in docs) linker.Add(d);
        var first = linker.Snapshot();
        var reloaded = new CrossDocumentLinker();
        foreach (var d in docs) reloaded.Add(d, linker.AssignmentOf(d.Id));
        var second = reloaded.Snapshot();
        second.Stories.Select(s => (s.Id, string.Join(',', s.Documents))).ShouldBe(first.Stories.Select(s => (s.Id, string.Join(',', s.Documents))));
        second.Incidents.Select(i => (i.Id, string.Join(',', i.Events), i.Grade)).ShouldBe(first.Incidents.Select(i => (i.Id, string.Join(',', i.Events), i.Grade)));
        // And a fresh run from scratch gives the same ids.
        Link(docs).Incidents.Select(i => i.Id).ShouldBe(first.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Different_stories_stay_apart()
    {
        var quake = Facts("quake", "Valley Times", "2025-09-03",
            "An earthquake of magnitude 6.1 struck central Chile on Tuesday, damaging homes in Santiago and cutting power to thousands of residents. Rescue teams searched collapsed buildings.");
        var record = Link(StrikeA, quake);
        record.Stories.Length.ShouldBe(2);
    }
}
