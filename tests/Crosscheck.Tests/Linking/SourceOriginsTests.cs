using Crosscheck.Linking;
using static Crosscheck.Tests.Linking.CrossDocumentLinkerTests;

namespace Crosscheck.Tests.Linking;

/// <summary>Wire credits, reported interviews and copies give one origin; made-up articles read by the real pipeline.</summary>
public sealed class SourceOriginsTests
{
    private static CrossRecord Link(params DocumentFacts[] documents)
    {
        var linker = new CrossDocumentLinker();
        foreach (var d in documents) linker.Add(d);
        return linker.Snapshot();
    }

    /// <summary>The one incident of the linked record that holds both documents.</summary>
    private static Incident IncidentOfBoth(DocumentFacts a, DocumentFacts b) =>
        Link(a, b).Incidents.Single(i => i.Documents.Contains(a.Id) && i.Documents.Contains(b.Id));

    private static Dictionary<string, DocumentFacts> ById(params DocumentFacts[] documents) => documents.ToDictionary(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void An_article_reporting_an_outlets_interview_relays_that_outlet()
    {
        var doc = Facts("relay", "Valley Courier", "2025-11-04",
            "A navy commander told Reuters that the patrol boat had been hit by a drone near the port. The navy later confirmed the attack.");
        doc.Credits.ShouldContain(c => c.Via == "Reuters" && c.Interview);
        doc.Wire.ShouldBeNull();
        var (origin, reason) = SourceOrigins.OfDocuments(ById(doc))[doc.Id];
        origin.ShouldBe("Reuters");
        reason.ShouldContain("interview");
    }

    [Fact]
    public void An_outlets_own_report_cited_without_an_interview_is_not_relayed()
    {
        var doc = Facts("cites", "Valley Courier", "2025-11-04",
            "The patrol boat was hit by a drone near the port, the navy said on Tuesday. Divers searched the harbour for the crew.");
        doc.Credits.ShouldNotContain(c => c.Interview);
        SourceOrigins.OfDocuments(ById(doc))[doc.Id].Origin.ShouldBe("Valley Courier");
    }

    [Fact]
    public void Two_rewrites_credited_to_one_wire_are_one_source()
    {
        var a = Facts("wire-a", "Harbor Ledger", "2025-09-03",
            "PORT ALDER (AP) — A missile struck a fuel depot in Port Alder on Tuesday, killing four workers, the governor said.");
        var b = Facts("wire-b", "Tidewater Dispatch", "2025-09-03",
            "Four workers were killed on Tuesday when a missile hit a fuel depot in Port Alder, the regional governor said.\n— AP");
        a.Wire.ShouldBe("Associated Press");
        b.Wire.ShouldBe("Associated Press");
        var origins = SourceOrigins.OfDocuments(ById(a, b));
        origins[a.Id].Origin.ShouldBe(origins[b.Id].Origin);

        var incident = IncidentOfBoth(a, b);
        incident.Origins.ToArray().ShouldBe(["Associated Press"]);
        incident.IndependentSources.ShouldBe(1);
        incident.Reports.ShouldAllBe(r => r.OriginReason.Contains("Associated Press"));
    }

    [Fact]
    public void A_report_that_leads_with_unnamed_officials_is_its_own_though_it_quotes_a_groups_claim_below()
    {
        // Two reports of one raid: each leads with officials it does not name, and quotes the armed group's claim further
        // down. The group is no source both relay: they are two sources.
        var a = Facts("lead-anon-a", "Harbor Ledger", "2025-06-02",
            "Gunmen killed at least nine villagers in a raid on Kalgo in northern Zamfara state on Sunday night, local officials said on Monday.\n"
            + "The Ansaru group claimed responsibility for the raid in a statement, saying its fighters had killed 14 informers.");
        var b = Facts("lead-anon-b", "Tidewater Dispatch", "2025-06-02",
            "Nine villagers were killed when gunmen raided Kalgo in Zamfara state on Sunday night, two security sources said.\n"
            + "The Ansaru group said in a statement that its men had carried out the attack on Kalgo and killed 14 people.");
        var incident = IncidentOfBoth(a, b);
        incident.Reports.Single(r => r.Document == a.Id).Origin.ShouldBe("Harbor Ledger");
        incident.Reports.Single(r => r.Document == b.Id).Origin.ShouldBe("Tidewater Dispatch");
        incident.IndependentSources.ShouldBe(2);
    }

    [Fact]
    public void Reports_that_lead_with_one_named_official_quote_that_official()
    {
        // Guard: the leading source named is the origin, as before.
        var a = Facts("lead-named-a", "Harbor Ledger", "2025-06-02",
            "Gunmen killed nine villagers in a raid on Kalgo in northern Zamfara state on Sunday night, Governor Dauda Lawal said on Monday.");
        var b = Facts("lead-named-b", "Tidewater Dispatch", "2025-06-02",
            "Nine villagers were killed when gunmen raided Kalgo in Zamfara state on Sunday night, Governor Dauda Lawal said.");
        var incident = IncidentOfBoth(a, b);
        incident.Reports.ShouldAllBe(r => r.OriginReason.StartsWith("quotes "));
        incident.IndependentSources.ShouldBe(1);
    }

    [Fact]
    public void A_report_by_the_outlets_own_correspondent_is_its_own_reporting()
    {
        // Two outlets whose own correspondents saw one shelling are two sources, not one speaker quoted twice.
        var a = Facts("staff-a", "Harbor Ledger", "2025-06-02",
            "Shells hit the grain silos of Kalgo on Sunday night, killing three guards, Harbor Ledger's correspondent in the north reported.");
        var b = Facts("staff-b", "Tidewater Dispatch", "2025-06-02",
            "Three guards died when shelling struck the Kalgo grain silos late on Sunday, Tidewater Dispatch's reporter in the province said.");
        var incident = IncidentOfBoth(a, b);
        incident.Reports.Single(r => r.Document == a.Id).Origin.ShouldBe("Harbor Ledger");
        incident.Reports.Single(r => r.Document == b.Id).Origin.ShouldBe("Tidewater Dispatch");
        incident.IndependentSources.ShouldBe(2);
    }

    [Fact]
    public void An_outlets_own_report_with_an_agency_picture_is_not_the_agencys_story()
    {
        // An agency's story of a shelling, and a paper's own report of it that prints the agency's picture.
        var wire = Facts("pic-wire", "Harbor Ledger", "2025-12-09",
            "Bangkok (AFP) – Shells hit a village market in the border district of Nam Yuen on Tuesday, killing two traders and wounding five, the district office said.\n"
            + "The army said it had returned fire at gun positions across the border.");
        var own = Facts("pic-own", "Tidewater Dispatch", "2025-12-09",
            "Two traders died when shells hit the market of Nam Yuen on Tuesday morning, the district chief told our correspondent.\n"
            + "Our reporter saw five wounded people carried to the health post and shops with their shutters torn off.\n"
            + "Photo: AFP");
        wire.Wire.ShouldBe("Agence France-Presse");
        own.Wire.ShouldBeNull();
        var origins = SourceOrigins.OfDocuments(ById(wire, own));
        origins[own.Id].Origin.ShouldNotBe(origins[wire.Id].Origin);
    }

    [Fact]
    public void A_reprint_credited_by_a_byline_of_two_reporters_and_a_closing_line_under_the_sites_own_lines_keeps_the_wire()
    {
        var byline = Facts("byline-two", "Harbor Ledger", "2025-12-09",
            "By Tessa Marlow and Piotr Wendt, Associated Press\nShells hit a village market in the border district of Nam Yuen on Tuesday, killing two traders, the district office said.");
        var closing = Facts("closing-lines", "Tidewater Dispatch", "2025-12-09",
            "Shells hit a village market in the border district of Nam Yuen on Tuesday, killing two traders, the district office said.\n"
            + "The army said it had returned fire at gun positions across the border.\nAssociated Press writer Piotr Wendt contributed.\n"
            + "Share this story with your friends on Facebook, X or by email today\nGet our morning headlines in your inbox every day with the newsletter\nTags: border, shelling");
        byline.Wire.ShouldBe("Associated Press");
        closing.Wire.ShouldBe("Associated Press");
    }

    [Theory]
    [InlineData("the Press Trust of India reported", "Press Trust of India")]
    [InlineData("news agency ANI said", "Asian News International")]
    [InlineData("the Reuters news agency reported", "Reuters")]
    [InlineData("state news agency Xinhua said", "Xinhua")]
    public void A_rewrite_that_names_the_agency_in_its_first_paragraph_relays_it(string phrase, string agency)
    {
        var doc = Facts("named-" + agency.Length, "Valley Courier", "2025-12-05",
            $"Six members of one family died when a house in the hill village of Dara Khel was hit by an air strike late on Thursday, {phrase}.\n"
            + "Elders said the children were between three and eleven years old.");
        doc.Wire.ShouldBeNull();
        SourceOrigins.OfDocuments(ById(doc))[doc.Id].Origin.ShouldBe(agency);
    }

    [Fact]
    public void An_agency_cited_for_a_background_line_further_down_is_not_relayed()
    {
        var doc = Facts("background-cite", "Valley Courier", "2025-12-05",
            "Mourners buried six members of one family in the hill village of Dara Khel on Friday, our correspondent said.\n"
            + "The border has been tense for weeks, and traders have lost millions while the crossings stayed shut, according to Reuters.");
        SourceOrigins.OfDocuments(ById(doc))[doc.Id].Origin.ShouldBe("Valley Courier");
    }

    [Fact]
    public void Own_reporting_by_two_outlets_stays_two_sources()
    {
        // Worded apart: two ledes that differ by one word are one story rewritten (RewritesTests).
        var a = Facts("own-a", "Harbor Ledger", "2025-09-03", "A missile struck a fuel depot in Port Alder on Tuesday, killing four workers.");
        var b = Facts("own-b", "Tidewater Dispatch", "2025-09-03", "Four workers died on Tuesday when the fuel depot of Port Alder was hit by a missile.");
        var origins = SourceOrigins.OfDocuments(ById(a, b));
        origins[a.Id].Origin.ShouldNotBe(origins[b.Id].Origin);
    }

    [Fact]
    public void A_copy_takes_the_wire_credit_that_only_one_of_the_copies_kept()
    {
        var original = Facts("orig", "Harbor Ledger", "2025-09-03", "A missile struck a fuel depot in Port Alder on Tuesday, killing four workers.");
        var copy = Facts("copy", "Tidewater Dispatch", "2025-09-03",
            "A missile struck a fuel depot in Port Alder on Tuesday, killing four workers.\n--IANS") with { DuplicateOf = original.Id };
        var origins = SourceOrigins.OfDocuments(ById(original, copy));
        origins[original.Id].Origin.ShouldBe("Indo-Asian News Service");
        origins[copy.Id].Origin.ShouldBe("Indo-Asian News Service");
        // Without the credit, the copy traces back to its original's own reporting.
        var plain = copy with { Wire = null };
        var again = SourceOrigins.OfDocuments(ById(original, plain));
        again[plain.Id].Origin.ShouldBe("Harbor Ledger");
        again[plain.Id].Reason.ShouldContain(original.Id);
    }

    [Fact]
    public void Origins_do_not_depend_on_the_order_of_the_documents()
    {
        var docs = new[]
        {
            Facts("o1", "Harbor Ledger", "2025-09-03", "A missile struck a fuel depot in Port Alder on Tuesday, killing four workers."),
            Facts("o2", "Tidewater Dispatch", "2025-09-03", "A navy commander told Reuters that a missile had struck a fuel depot in Port Alder."),
            Facts("o3", "Valley Courier", "2025-09-03", "PORT ALDER (AFP) - A missile struck a fuel depot on Tuesday, officials said."),
        };
        var copies = docs.Append(docs[0] with { Id = "d-copy", DuplicateOf = docs[0].Id }).ToArray();
        var forward = SourceOrigins.OfDocuments(ById(copies));
        var backward = SourceOrigins.OfDocuments(copies.Reverse().ToDictionary(d => d.Id, StringComparer.Ordinal));
        foreach (var d in copies) backward[d.Id].ShouldBe(forward[d.Id]);
    }

    [Fact]
    public void A_line_given_to_a_wire_far_down_an_article_of_its_own_does_not_make_it_a_relay()
    {
        var body = string.Join("\n", Enumerable.Range(1, 10).Select(i =>
            $"Farmers in the valley counted the damage to their orchards on day {i} of the flooding, and the river kept rising past the old bridge."));
        body.Length.ShouldBeGreaterThan(SourceOrigins.InterviewWithin);
        var aside = Facts("aside", "Valley Courier", "2025-11-04",
            body + "\nA navy commander told Reuters that the patrol boat had been hit by a drone near the port.");
        aside.Credits.ShouldContain(c => c.Via == "Reuters" && c.Interview && c.Start >= SourceOrigins.InterviewWithin);
        SourceOrigins.OfDocuments(ById(aside))[aside.Id].Origin.ShouldBe("Valley Courier");

        var top = Facts("top", "Valley Courier", "2025-11-04",
            "A navy commander told Reuters that the patrol boat had been hit by a drone near the port.\n" + body);
        SourceOrigins.OfDocuments(ById(top))[top.Id].Origin.ShouldBe("Reuters");
    }

    [Fact]
    public void An_article_that_reports_citing_a_known_outlet_relays_that_outlet()
    {
        var relay = Facts("relay-line", "Harbor Ledger", "2025-11-25",
            "A drone hit a warehouse in Port Alder overnight, killing two guards, officials said.\n"
            + "The fire was put out by morning, Harbor Ledger reports, citing Al Jazeera.");
        relay.Relay.ShouldBe("Al Jazeera");
        relay.Wire.ShouldBeNull();
        var (origin, reason) = SourceOrigins.OfDocuments(ById(relay))[relay.Id];
        origin.ShouldBe("Al Jazeera");
        reason.ShouldContain("relays");

        var media = Facts("relay-media", "Harbor Ledger", "2025-11-25",
            "A drone hit a warehouse in Port Alder overnight, killing two guards, officials said.\n"
            + "The fire was put out by morning, Harbor Ledger reports, citing local media.");
        media.Relay.ShouldBeNull();
        SourceOrigins.OfDocuments(ById(media))[media.Id].Origin.ShouldBe("Harbor Ledger");
    }

    // An agency's story of an ambush, whole on the agency's own page (whose text names no agency), and a site's print of
    // its first two paragraphs. Neither credits anyone or quotes a named speaker.
    private const string AmbushTop =
        "Gunmen ambushed a convoy of fuel tankers on the road between Sorgo and Dabéré in eastern Burkina Faso on Monday, killing at least 14 drivers and soldiers, security sources said.\n"
        + "The attackers opened fire from both sides of the road as the convoy slowed at a bridge, and set six tankers alight before escorting troops could respond.";

    private const string AmbushRest =
        "\nSeveral wounded soldiers were flown to the regional capital, where the main hospital appealed for blood donors by evening.\n"
        + "The road is the only paved route bringing fuel to the east of the country, and convoys have been attacked on it three times since the rainy season ended.\n"
        + "Traders in Sorgo said the price of a litre of petrol had doubled over the past month as tankers waited for escorts that came less and less often.\n"
        + "No group claimed the attack, but jihadist fighters linked to al Qaeda are active across the border area and have blockaded several towns for months.";

    [Theory]
    [InlineData("Anadolu Agency")]
    [InlineData("Sahel Morning Star")]
    public void Copies_that_credit_no_one_are_named_after_the_agencys_own_copy_or_the_fullest_not_the_cut_that_comes_first(string fullOutlet)
    {
        // The cut comes first in link order (one day, a smaller id): the store makes it the original.
        var cut = Facts("ambush-cut", "Volta Evening", "2025-11-10", AmbushTop);
        var full = Facts("ambush-full", fullOutlet, "2025-11-10", AmbushTop + AmbushRest);
        LinkOrder.Compare(cut, full).ShouldBeLessThan(0);
        full = full with { DuplicateOf = cut.Id };
        cut.Wire.ShouldBeNull();
        full.Wire.ShouldBeNull();
        var origins = SourceOrigins.OfDocuments(ById(cut, full));
        SourceOrigins.Key(origins[cut.Id].Origin).ShouldBe(SourceOrigins.Key(fullOutlet));
        SourceOrigins.Key(origins[full.Id].Origin).ShouldBe(SourceOrigins.Key(fullOutlet));

        var record = Link(cut, full);
        var incident = record.Incidents.Single(i => i.Documents.Contains(cut.Id) && i.Documents.Contains(full.Id));
        incident.Origins.ToArray().ShouldBe([fullOutlet]);
        // A report of the part the cut left out, by the whole copy alone, is its own reporting too, not the cut's.
        record.Incidents.Where(i => i.Documents.SequenceEqual([full.Id])).SelectMany(i => i.Reports)
            .ShouldAllBe(r => r.Origin == fullOutlet);
    }

    [Fact]
    public void Two_reports_of_their_own_that_close_on_one_background_estimate_stay_two_sources()
    {
        var a = Facts("depot-a", "Kosti Voice", "2026-03-09",
            "Drones struck a fuel depot on the edge of Kosti at dawn on Sunday, killing at least 19 drivers and porters, witnesses said.\n"
            + "Families gathered at the hospital gate through the afternoon as the wounded were brought in on the backs of trucks.\n"
            + "The war has killed tens of thousands of people since April 2023, according to United Nations estimates.");
        var b = Facts("depot-b", "White Nile Herald", "2026-03-09",
            "Drones hit a fuel depot in Kosti early on Sunday, killing at least 19 people and setting tankers ablaze, residents said.\n"
            + "Black smoke hung over the river port for hours and traders shut their stalls in the main market.\n"
            + "Fighting across the country has killed tens of thousands, according to United Nations estimates.");
        var record = Link(a, b);
        // The day's attack, not the war whose toll both recall: its reports are each outlet's own.
        var incident = record.Incidents.Single(i => i.Documents.Contains(a.Id) && i.Documents.Contains(b.Id) && i.Title.Contains("Kosti", StringComparison.Ordinal));
        incident.IndependentSources.ShouldBe(2);
        incident.Reports.ShouldAllBe(r => r.Origin != "United Nations estimates");
    }

    private const string DepotLede = "A drone strike on a fuel depot in the river port of Kosti killed at least 19 people on Sunday and set off fires that burned into the night, a medical group said.\n";
    private const string DepotBlame = "The army-aligned governor of the state blamed the paramilitary Rapid Support Forces for the attack on the depot.\n";

    [Fact]
    public void A_rewrite_whose_lede_only_the_original_shares_is_one_story_with_its_copies_where_the_original_is_not_reported()
    {
        // The original is a brief of the lede and one line; a copy opens with a line of its own and goes on to the governor's
        // blame, and a rewrite keeps the lede and tells the blame in other words. The blame's incident holds the copy and the
        // rewrite but not the brief.
        var brief = Facts("depot-brief", "Coastline News", "2026-03-09",
            DepotLede + "Drivers had queued since before dawn to fill tankers bound for the markets of the south, witnesses said.");
        var copy = Facts("depot-copy", "Lakeside Courier", "2026-03-09",
            "Readers with family along the White Nile have written to us this week asking for news, and here is the latest we have.\n"
            + DepotLede + DepotBlame
            + "Drivers had queued since before dawn to fill tankers bound for the markets of the south, witnesses said.\n"
            + "Fuel prices in the port doubled by the afternoon as stations closed their pumps, traders said.") with { DuplicateOf = brief.Id };
        var rewrite = Facts("depot-rewrite", "Northern Star Online", "2026-03-09",
            DepotLede + "State officials accused the Rapid Support Forces of carrying out the strike, which the group has not commented on.\n"
            + "Thick black smoke could be seen from across the river for hours as firefighters struggled to reach the burning tanks.");
        var record = Link(brief, copy, rewrite);
        var both = record.Incidents.Where(i => i.Documents.Contains(copy.Id) && i.Documents.Contains(rewrite.Id) && !i.Documents.Contains(brief.Id)).ToList();
        both.ShouldNotBeEmpty();
        both.ShouldAllBe(i => i.IndependentSources == 1);
    }
}
