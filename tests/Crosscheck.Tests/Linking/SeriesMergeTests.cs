using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Two series found to be one (issue 14, item 1: "series merges get their own tests"): a report that fits two
/// campaigns of one type, each of whose reports fits the other, makes them one campaign; the events that moved are
/// told to whoever keeps the record. Texts are made up; read by the real pipeline.
/// </summary>
public class SeriesMergeTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    internal static DocumentFacts[] Reports() =>
    [
        Facts("merge-a", "Harbor Ledger", "2025-09-10", "Rebel forces have carried out attacks on border villages near Kherson since September 1."),
        // Six weeks on, a report that speaks only of the last days: a later round, as far as it tells.
        Facts("merge-b", "Gulf Gazette", "2025-10-20", "Rebel forces have carried out attacks on border villages near Kherson since October 15."),
        // A report that tells the whole run since September: the two rounds are one campaign.
        Facts("merge-c", "Valley Times", "2025-10-22", "Rebel forces have carried out attacks on border villages near Kherson since September 1, killing at least 40 people."),
    ];

    [Fact]
    public void A_report_telling_the_whole_run_makes_two_rounds_one_campaign_and_says_which_events_moved()
    {
        var (a, b, c) = (Reports()[0], Reports()[1], Reports()[2]);
        var linker = new CrossDocumentLinker();
        linker.Add(a);
        linker.Add(b);
        var first = linker.IncidentOf(a.Events.Single().Id);
        linker.IncidentOf(b.Events.Single().Id).ShouldNotBe(first, "before the whole run is told, the rounds are apart");

        var update = linker.Add(c);
        var merged = linker.IncidentOf(c.Events.Single().Id)!;
        linker.IncidentOf(a.Events.Single().Id).ShouldBe(merged);
        linker.IncidentOf(b.Events.Single().Id).ShouldBe(merged);
        var campaign = linker.Snapshot().Incidents.Single(i => i.Id == merged);
        campaign.Scope.ShouldBe(IncidentScope.Campaign);
        campaign.Documents.Length.ShouldBe(3);
        linker.Snapshot().Incidents.ShouldNotContain(i => i.Id == first && i.Documents.Length > 0);

        // The moved events of the other document, with where they sit now; the added document's own are not "moved".
        var movedFrom = merged == first ? b : a;
        update.Reassigned.ShouldBe([movedFrom.Id]);
        update.Moved.Keys.ShouldBe(movedFrom.Events.Select(e => e.Id));
        update.Moved.Values.ShouldAllBe(m => m.Incident == merged);
        update.Moved.Values.Single().Link.Reason.ShouldContain("series merged");
    }
}
