using Crosscheck.Linking;
using static Crosscheck.Tests.Linking.CrossDocumentLinkerTests;

namespace Crosscheck.Tests.Linking;

/// <summary>Rewrites of one story are found by their ledes and traced to one origin; made-up articles read by the real pipeline.</summary>
public sealed class RewritesTests
{
    private const string Wire =
        "Drones struck a grain terminal in the port of Alder early on Monday, killing three dock workers and setting two silos on fire, regional officials said.\n"
        + "Firefighters worked through the morning to contain the blaze.";

    private const string Rewrite =
        "Drones hit a grain terminal in the port city of Alder early Monday, killing three dock workers and setting two silos ablaze, officials said.\n"
        + "The harbour master said the terminal would stay closed for a week while engineers checked the quay.";

    private const string OwnReport =
        "Three dock workers died in Alder on Monday after an overnight drone attack set fire to the grain terminal, the port's operator told the Valley Courier.\n"
        + "The operator said two silos burned for hours.";

    private static Dictionary<string, DocumentFacts> ById(params DocumentFacts[] documents) => documents.ToDictionary(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void A_rewrite_that_keeps_the_lede_close_is_one_story_with_the_original()
    {
        var a = Facts("lede-a", "Harbor Ledger", "2025-10-06", Wire);
        var b = Facts("lede-b", "Tidewater Dispatch", "2025-10-06", Rewrite);
        a.Lede.ShouldStartWith("Drones struck a grain terminal");
        Rewrites.SameStory(a, b).ShouldBeTrue();
        var origins = SourceOrigins.OfDocuments(ById(a, b));
        origins[a.Id].Origin.ShouldBe(origins[b.Id].Origin);
    }

    [Fact]
    public void An_article_written_on_its_own_about_the_same_event_stays_another_source()
    {
        var a = Facts("own-a", "Harbor Ledger", "2025-10-06", Wire);
        var c = Facts("own-c", "Valley Courier", "2025-10-06", OwnReport);
        Rewrites.SameStory(a, c).ShouldBeFalse();
        var origins = SourceOrigins.OfDocuments(ById(a, c));
        origins[a.Id].Origin.ShouldNotBe(origins[c.Id].Origin);
    }

    [Fact]
    public void The_same_lede_a_week_later_is_not_a_rewrite_of_the_story()
    {
        var a = Facts("week-a", "Harbor Ledger", "2025-10-06", Wire);
        var b = Facts("week-b", "Tidewater Dispatch", "2025-10-13", Rewrite);
        Rewrites.SameStory(a, b).ShouldBeFalse();
    }

    [Fact]
    public void A_rewrite_takes_the_wire_credit_of_the_version_that_kept_it()
    {
        var credited = Facts("wire-v", "Harbor Ledger", "2025-10-06", "ALDER (Reuters) - " + Wire);
        var rewrite = Facts("wire-r", "Tidewater Dispatch", "2025-10-06", Rewrite);
        credited.Wire.ShouldBe("Reuters");
        rewrite.Wire.ShouldBeNull();
        SourceOrigins.OfDocuments(ById(credited, rewrite))[rewrite.Id].Origin.ShouldBe("Reuters");
    }

    [Fact]
    public void Two_agencies_ledes_of_one_event_stay_two_stories_however_close()
    {
        var ap = Facts("two-ap", "Harbor Ledger", "2025-10-06", "ALDER (AP) \u2014 " + Wire);
        var reuters = Facts("two-reuters", "Valley Courier", "2025-10-06", "ALDER (Reuters) - " + Rewrite);
        ap.Wire.ShouldBe("Associated Press");
        reuters.Wire.ShouldBe("Reuters");
        Rewrites.SameStory(ap, reuters).ShouldBeFalse();
        Rewrites.SameStory(ap, reuters with { Wire = null }).ShouldBeTrue();
        var origins = SourceOrigins.OfDocuments(ById(ap, reuters));
        origins[ap.Id].Origin.ShouldBe("Associated Press");
        origins[reuters.Id].Origin.ShouldBe("Reuters");
    }

    [Fact]
    public void Ledes_keep_their_share_of_words_in_order()
    {
        Rewrites.Kept(["a", "b", "c", "d"], ["a", "x", "c", "d"]).ShouldBe(0.75);
        Rewrites.Kept(["a", "b", "c", "d"], ["d", "c", "b", "a"]).ShouldBe(0.25);
        Rewrites.Kept([], ["a"]).ShouldBe(0);
    }
}
