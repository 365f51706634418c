using Crosscheck.Linking;
using static Crosscheck.Tests.Linking.CrossDocumentLinkerTests;

namespace Crosscheck.Tests.Linking;

/// <summary>Copies of one story found sentence by sentence (<see cref="SharedSentences"/>); made-up articles read by the real pipeline.</summary>
public sealed class SharedSentencesTests
{
    private static readonly string[] Story =
    [
        "A cargo drone crashed into a fuel storage yard on the northern edge of Port Alder late on Tuesday, killing four night guards and injuring eleven other people, the regional council said.",
        "The blast set three storage tanks on fire and sent a column of black smoke over the harbour district, forcing the evacuation of two nearby apartment blocks.",
        "\u201cThese men were guarding diesel for our hospitals,\u201d council chair Mira Deleva wrote on social media. \u201cThey were not soldiers.\u201d",
        "Firefighters battled the flames for six hours before bringing them under control early on Wednesday, and engineers were checking the remaining tanks for damage.",
        "The port authority suspended all tanker traffic in the northern basin until the inspection of the damaged quay is finished.",
        "The yard had already been struck twice this year, and its operator had asked the government for extra air defence units around the harbour.",
    ];

    // What a site makes of it: its own opening line, the paragraphs in another order, a word changed here and there, no credit.
    private static readonly string[] Reworded =
    [
        "Residents of Port Alder woke on Wednesday to smoke over the harbour after another deadly night for the city's fuel workers.",
        "A cargo drone slammed into a fuel storage yard at the northern edge of Port Alder late Tuesday, leaving four night guards dead and eleven other people hurt, the regional council stated.",
        "Firefighters fought the flames for six hours before getting them under control early Wednesday, while engineers inspected the other tanks for damage.",
        "\u201cThese men were guarding diesel for our hospitals,\u201d council chair Mira Deleva wrote on social media. \u201cThey were not soldiers.\u201d",
        "The explosion set three storage tanks ablaze and sent black smoke over the harbour district, and two nearby apartment blocks were evacuated.",
        "The yard had been hit twice already this year, and its operator had asked the government for additional air defence units around the harbour.",
    ];

    // Another outlet's own report of the same night: the council chair's words verbatim, the same figures, its own telling.
    private static readonly string[] OwnReport =
    [
        "Four guards died when a drone hit the fuel depot in Port Alder, the city's council confirmed on Wednesday morning.",
        "\u201cThese men were guarding diesel for our hospitals,\u201d council chair Mira Deleva wrote on social media. \u201cThey were not soldiers.\u201d",
        "Our reporter at the harbour gate counted seven fire engines and saw ambulances leaving with the wounded, eleven in all according to the hospital.",
        "Neighbours said windows shook across the district when the first tank exploded just before midnight.",
        "A shop owner on the quay said his family had packed a bag in case the fire spread to the warehouses along the water.",
        "Tanker traffic was halted, and the port did not say when ships would be allowed back into the basin.",
    ];

    private static DocumentFacts Article(string name, string outlet, string published, string opening, string[] paragraphs) =>
        Facts(name, outlet, published, opening + string.Join("\n", paragraphs));

    private static Dictionary<string, DocumentFacts> ById(params DocumentFacts[] documents) => documents.ToDictionary(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void A_copy_reworded_reordered_and_opened_with_a_line_of_its_own_takes_the_wire_credit()
    {
        var wire = Article("ss-wire", "Harbor Ledger", "2025-10-07", "PORT ALDER (AP) \u2014 ", Story);
        var copy = Article("ss-copy", "Tidewater Dispatch", "2025-10-08", "", Reworded);
        wire.Wire.ShouldBe("Associated Press");
        copy.Wire.ShouldBeNull();
        // Its lede is the site's own line, so the ledes do not match: the sentences do.
        Rewrites.SameStory(wire, copy).ShouldBeFalse();
        SharedSentences.Same(wire, copy).ShouldBeTrue();
        SourceOrigins.OfDocuments(ById(wire, copy))[copy.Id].Origin.ShouldBe("Associated Press");
    }

    // A wire story of a raid on a river post, and a site's cut of it: two paragraphs of narration kept with a word changed,
    // the wire's two quotes kept word for word, and a paragraph of the site's own about the families at the end.
    private static readonly string[] RaidStory =
    [
        "Armed men on pickup trucks killed fourteen border guards in a raid on a river post near Kessara on Saturday night, the interior ministry said on Sunday.",
        "\u201cThe guards held their positions until the last cartridge and the attackers paid a heavy price,\u201d the ministry said in a statement.",
        "The attackers burned two patrol boats and a radio mast before crossing back over the river before dawn, the ministry said.",
        "\u201cWe lay on the floor while the shooting went on past midnight, then everything burned,\u201d said a fisherman from the nearby island of Tobora.",
        "No group said it carried out the raid, but armed bands have crossed the river repeatedly since the rainy season ended.",
        "Officials said reinforcements were flown to Kessara by helicopter and that a search along the riverbank was continuing.",
    ];

    private static readonly string[] RaidCut =
    [
        "Armed men on pickup trucks killed fourteen border guards in an attack on a river post near Kessara on Saturday night, the interior ministry said.",
        "The gunmen set fire to two patrol boats and a radio mast before crossing back over the river ahead of dawn, the ministry added.",
        "\u201cThe guards held their positions until the last cartridge and the attackers paid a heavy price,\u201d the statement said.",
        "\u201cWe lay on the floor while the shooting went on past midnight, then everything burned,\u201d a fisherman from Tobora said.",
        "In the capital, families of guards posted to the river gathered at the barracks gate on Sunday evening asking for the names of the dead.",
    ];

    [Fact]
    public void A_cut_that_keeps_the_wires_quotes_word_for_word_counts_them_as_shared_sentences()
    {
        var wire = Article("ss-quotes-wire", "Harbor Ledger", "2026-04-12", "KESSARA (Reuters) - ", RaidStory);
        var cut = Article("ss-quotes-cut", "Tidewater Dispatch", "2026-04-12", "", RaidCut);
        cut.Wire.ShouldBeNull();
        // Two narration sentences only: the two quotes it keeps of the wire's make the three.
        SharedSentences.Same(wire, cut).ShouldBeTrue();
        SourceOrigins.OfDocuments(ById(wire, cut))[cut.Id].Origin.ShouldBe("Reuters");
    }

    [Fact]
    public void Two_reports_that_share_only_the_statements_quotes_stay_apart()
    {
        // Guard: another reporter's own telling, quoting the same statement and the same fisherman, is not the wire's story.
        var wire = Article("ss-quotes-wire2", "Harbor Ledger", "2026-04-12", "KESSARA (Reuters) - ", RaidStory);
        var own = Article("ss-quotes-own", "Tidewater Dispatch", "2026-04-12", "",
        [
            "Fourteen guards are dead after a night attack on the Kessara river post, and the interior ministry is promising to hunt down those responsible.",
            "\u201cThe guards held their positions until the last cartridge and the attackers paid a heavy price,\u201d the ministry said in a statement.",
            "\u201cWe lay on the floor while the shooting went on past midnight, then everything burned,\u201d said a fisherman from the nearby island of Tobora.",
            "Our correspondent in the provincial town saw two army lorries leave for the border at first light on Sunday morning.",
            "A teacher in Kessara said the school would stay closed this week because several pupils had lost their fathers.",
            "The local governor asked the central government for more boats and for a second radio mast along that stretch of water.",
        ]);
        SharedSentences.Same(wire, own).ShouldBeFalse();
    }

    [Fact]
    public void A_copy_that_adds_a_quote_of_its_own_speaker_is_still_the_wires_story_in_the_incident()
    {
        var wire = Article("ss-q-wire", "Harbor Ledger", "2025-10-07", "PORT ALDER (AP) \u2014 ", Story);
        // The site's own line, then the wire's lede reworded and a harbour pilot it reached itself, then the wire's narration.
        var copy = Article("ss-q-copy", "Tidewater Dispatch", "2025-10-07", "",
            [Reworded[0], Reworded[1], "\u201cWe saw the tanks go up one after another,\u201d said harbour pilot Ivo Renner, who was on the quay at the time.", .. Reworded[2..]]);
        Rewrites.SameStory(wire, copy).ShouldBeFalse();
        SharedSentences.Same(wire, copy).ShouldBeTrue();
        var record = CrossDocumentLinkerTests.Link(wire, copy);
        var shared = record.Incidents.Where(i => i.Documents.Contains(wire.Id) && i.Documents.Contains(copy.Id)).ToList();
        shared.ShouldNotBeEmpty();
        foreach (var incident in shared)
        {
            incident.Reports.Single(r => r.Document == copy.Id).Origin.ShouldBe(incident.Reports.Single(r => r.Document == wire.Id).Origin);
        }
        shared.SelectMany(i => i.Reports).ShouldContain(r => r.Document == copy.Id && r.OriginReason.Contains("sentence by sentence"));
    }

    [Fact]
    public void A_copy_cut_to_its_first_paragraphs_is_still_the_story()
    {
        var wire = Article("ss-full", "Harbor Ledger", "2025-10-07", "", Story);
        var cut = Article("ss-cut", "Valley Courier", "2025-10-07", "", [Reworded[0], Reworded[1], Reworded[4], Reworded[2]]);
        SharedSentences.Same(wire, cut).ShouldBeTrue();
    }

    [Fact]
    public void An_own_report_quoting_the_same_statement_word_for_word_stays_another_source()
    {
        var wire = Article("ss-w", "Harbor Ledger", "2025-10-07", "PORT ALDER (AP) \u2014 ", Story);
        var own = Article("ss-own", "Valley Courier", "2025-10-07", "", OwnReport);
        SharedSentences.Same(wire, own).ShouldBeFalse();
        var origins = SourceOrigins.OfDocuments(ById(wire, own));
        origins[own.Id].Origin.ShouldBe("Valley Courier");
    }

    [Fact]
    public void Texts_credited_to_two_wires_are_two_stories_however_alike()
    {
        var ap = Article("ss-ap", "Harbor Ledger", "2025-10-07", "PORT ALDER (AP) \u2014 ", Story);
        var reuters = Article("ss-reuters", "Valley Courier", "2025-10-07", "", [.. Reworded, "\u2014 Reuters"]);
        reuters.Wire.ShouldBe("Reuters");
        SharedSentences.Same(ap, reuters).ShouldBeFalse();
        SharedSentences.Same(ap, reuters with { Wire = null }).ShouldBeTrue();
        var origins = SourceOrigins.OfDocuments(ById(ap, reuters));
        origins[ap.Id].Origin.ShouldBe("Associated Press");
        origins[reuters.Id].Origin.ShouldBe("Reuters");
    }

    // A long wire story of a ministry statement: twelve paragraphs, most of them narration.
    private static readonly string[] LongStory =
    [
        "Twenty-three soldiers were killed when gunmen stormed an army camp on the shore of Lake Keshen overnight, the defence ministry of Marvania said on Sunday.",
        "The assault on the camp at Dunari, in the far west of the country, began shortly before midnight and lasted several hours, the ministry said, adding that 17 soldiers had been wounded.",
        "\u201cOur forces pushed the attackers back and pursued them into the reed islands,\u201d army spokesman Colonel Ferro Baltane said in a statement.",
        "The ministry said 41 attackers had been killed, a figure that could not be checked independently.",
        "No group claimed the attack, but the marshes and islands of the lake have sheltered armed bands for more than a decade.",
        "An attack on a camp in the same district three years ago killed nearly a hundred soldiers, the worst loss in the army's history.",
        "President Alen Mavroc ordered flags to be lowered to half-mast for three days, his office said in a short statement.",
        "The government has threatened to withdraw its battalions from the regional force that patrols the lake unless its neighbours send more troops.",
        "Fishermen on the western shore said the army had banned boats from the water since Saturday evening.",
        "Aid agencies said the fighting had forced several thousand villagers to leave the islands for camps on the mainland this year.",
        "The camp at Dunari guards the main road between the lake and the provincial capital, a route used by traders and cattle herders.",
        "Officials said the wounded would be flown to a military hospital in the capital on Monday.",
    ];

    // A site's rewrite: an opening of its own and much of its own, three of the wire's paragraphs lightly edited, the
    // wire named in the body only.
    private static readonly string[] LongRewrite =
    [
        "Marvania was counting its dead on Sunday after one of the heaviest attacks on its army in years.",
        "Twenty-three soldiers died when gunmen attacked an army camp on the shore of Lake Keshen during the night, the defence ministry said, Reuters reported.",
        "The assault on the Dunari camp in the far west started shortly before midnight and went on for several hours, and 17 soldiers were wounded, according to the ministry.",
        "\u201cOur forces pushed the attackers back and pursued them into the reed islands,\u201d army spokesman Colonel Ferro Baltane said in a statement.",
        "The ministry put the number of attackers killed at 41, a figure that could not be checked independently.",
        "Our correspondent in the provincial capital said shops had closed early and soldiers had set up checkpoints on the roads leading north.",
        "Opposition lawmakers called for an inquiry into why the camp had received no reinforcements despite warnings from local chiefs.",
        "Several families of soldiers posted at the camp gathered outside the regional army headquarters, asking for the names of the dead.",
        "A retired officer who served in the region told us the camp had been short of fuel and ammunition for months.",
        "Analysts said the attack would add to pressure on the government ahead of the budget debate in parliament next month.",
    ];

    // Another site's own report of that night: the spokesman's words and the figures, a background line credited to the wire.
    private static readonly string[] OwnWithWireLine =
    [
        "Families in the lakeside town of Bellu waited outside the hospital gates on Sunday for news of the soldiers brought in overnight.",
        "The defence ministry said 23 soldiers had been killed and 17 wounded in the attack on the Dunari camp.",
        "\u201cOur forces pushed the attackers back and pursued them into the reed islands,\u201d army spokesman Colonel Ferro Baltane said in a statement.",
        "A nurse who asked not to be named said the operating theatres had been working without a break since dawn.",
        "Traders at the town's cattle market said the road to the camp had been closed by the army since the attack.",
        "Last year the government promised to build a second road to the lake, Reuters reported at the time, but work has not begun.",
        "Town officials said a school would be opened as a shelter for families who had left the islands.",
    ];

    [Fact]
    public void A_rewrite_that_keeps_a_few_paragraphs_of_a_long_wire_story_and_names_the_wire_in_its_body_is_the_wires_story()
    {
        var wire = Article("ss-long-wire", "Harbor Ledger", "2026-03-15", "DUNARI, Marvania, March 15 (Reuters) - ", LongStory);
        var rewrite = Article("ss-long-rewrite", "Continent Courier", "2026-03-15", "", LongRewrite);
        wire.Wire.ShouldBe("Reuters");
        rewrite.Wire.ShouldBeNull();
        // Three sentences of the wire's, among ten of the site's: under half of the shorter text without the credit.
        SharedSentences.Same(wire, rewrite with { Credits = [] }).ShouldBeFalse();
        SharedSentences.Same(wire, rewrite).ShouldBeTrue();
        SourceOrigins.OfDocuments(ById(wire, rewrite))[rewrite.Id].Origin.ShouldBe("Reuters");
    }

    [Fact]
    public void A_rewrite_that_keeps_three_paragraphs_of_the_wire_word_for_word_among_many_of_its_own_is_the_wires_story()
    {
        var wire = Article("ss-vb-wire", "Harbor Ledger", "2026-03-15", "DUNARI, Marvania, March 15 (Reuters) - ", LongStory);
        // No credit at all: the site's opening and lines of its own, the wire's quote, three of its paragraphs as they are.
        var rewrite = Article("ss-vb-rewrite", "Continent Courier", "2026-03-16", "",
            [LongRewrite[0], LongStory[1], LongStory[2], LongStory[3], .. LongRewrite[5..], LongStory[4]]);
        rewrite.Credits.ShouldBeEmpty();
        SharedSentences.Same(wire, rewrite).ShouldBeTrue();
        SourceOrigins.OfDocuments(ById(wire, rewrite))[rewrite.Id].Origin.ShouldBe("Reuters");
        // The same three paragraphs reworded a word or two in four, without a credit, are too few of its sentences.
        SharedSentences.Same(wire, rewrite with { Sentences = Article("ss-vb-light", "Continent Courier", "2026-03-16", "",
            [LongRewrite[0], LongRewrite[2], LongStory[2], LongRewrite[4], .. LongRewrite[5..], "No group has said it carried out the raid, though the lake's marshes and islands have hidden armed bands for over ten years."]).Sentences }).ShouldBeFalse();
    }

    [Fact]
    public void An_own_report_that_credits_the_wire_for_a_background_line_stays_another_source()
    {
        var wire = Article("ss-long-w", "Harbor Ledger", "2026-03-15", "DUNARI, Marvania, March 15 (Reuters) - ", LongStory);
        var own = Article("ss-long-own", "Lakeshore Times", "2026-03-15", "", OwnWithWireLine);
        SharedSentences.Credits(own, wire).ShouldBeTrue();
        SharedSentences.Same(wire, own).ShouldBeFalse();
        SourceOrigins.OfDocuments(ById(wire, own))[own.Id].Origin.ShouldBe("Lakeshore Times");
    }

    [Fact]
    public void Quotes_and_short_lines_are_left_out_of_the_sentences()
    {
        var quote = Facts("ss-quote", "Harbor Ledger", "2025-10-07",
            "\u201cThese men were guarding diesel for our hospitals and the clinics of the whole northern district,\u201d council chair Mira Deleva said.\n"
            + "Guards died.");
        // The quote is kept apart, as a quote (it matches only a quote word for word), and is no narration.
        SharedSentences.Narration(quote.Sentences).ShouldBe(0);
    }

    [Fact]
    public void A_verb_in_another_tense_is_one_word()
    {
        SharedSentences.Stem("killing").ShouldBe(SharedSentences.Stem("killed"));
        SharedSentences.Stem("slammed").ShouldBe("slam");
        SharedSentences.Stem("guards").ShouldBe("guard");
        SharedSentences.Stem("tanks").ShouldBe(SharedSentences.Stem("tank"));
        SharedSentences.Stem("fell").ShouldBe("fell");
    }
}
