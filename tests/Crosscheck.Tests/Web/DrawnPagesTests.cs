using Crosscheck.Linking;
using Crosscheck.Review;
using Crosscheck.Tests.Storage;
using Crosscheck.Web;

namespace Crosscheck.Tests.Web;

/// <summary>A page drawn from the record served is kept until the record changes, and only for the record served.</summary>
public sealed class DrawnPagesTests
{
    private static SourcedRecord Record(int documents)
    {
        var record = new SourcedRecord(new CrossDocumentLinker());
        foreach (var facts in SampleRecord.Facts.Take(documents)) record.Add(facts);
        return record;
    }

    [Fact]
    public void A_page_is_drawn_once_per_version_of_the_record_and_again_after_each_change()
    {
        var record = Record(3);
        var pages = new DrawnPages();
        var draws = 0;
        string Draw() => $"page {++draws} of {record.Counts().Incidents} incidents";

        pages.Page(record, "map", Draw).ShouldBe(pages.Page(record, "map", Draw));
        draws.ShouldBe(1);
        pages.Page(record, "map?type=ASSAULT", Draw);
        draws.ShouldBe(2);

        // A document added, then a decision laid over the record: each is a new version, drawn again.
        record.Add(SampleRecord.Facts[3]);
        pages.Page(record, "map", Draw).ShouldBe($"page 3 of {record.Counts().Incidents} incidents");
        record.Review = new ReviewOverlay([]);
        pages.Page(record, "map", Draw);
        pages.Page(record, "map", Draw);
        draws.ShouldBe(4);
    }

    [Fact]
    public void Once_a_new_record_is_warmed_a_request_holding_the_one_served_before_keeps_nothing()
    {
        var before = Record(3);
        var after = Record(4);
        var pages = new DrawnPages();
        pages.Page(before, "map", () => "before").ShouldBe("before");
        pages.Warm(after);
        var draws = 0;
        pages.Page(before, "map", () => $"before, drawn {++draws}").ShouldBe("before, drawn 1");
        pages.Page(before, "map", () => $"before, drawn {++draws}").ShouldBe("before, drawn 2");
        // The new record's plain map was drawn by the warming: the key the map page uses for no filter.
        var warmed = pages.Page(after, MapPages.PlainMap, () => "not drawn before");
        warmed.ShouldNotBeNull().ShouldContain("Map of incidents");
    }
}
