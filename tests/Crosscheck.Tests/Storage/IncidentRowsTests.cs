using System.Text.Json.Nodes;
using Crosscheck.Events;
using Crosscheck.Linking;
using Crosscheck.Review;
using Crosscheck.Storage;

using static Crosscheck.Tests.Storage.StoreSql;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// The rows lists and maps read (table <c>incident_rows</c>, migration 12): kept by the database from each archived
/// summary, they must say what the summary says, and the record's lists and maps built from them must be those of the
/// whole record, after analysts' decisions, moves, splits, merges and a new reading too.
/// </summary>
public sealed class IncidentRowsTests
{
    [Theory, OnSqlite, OnPostgres]
    public void Each_archived_incident_has_a_row_that_says_what_its_summary_says(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        RecordLoader.Load(store);
        ILinkArchive archive = store;
        var expected = Expected(archive);
        expected.Count.ShouldBeGreaterThan(2);
        // The samples give rows with and without a place, a point, a day and a toll: each column is compared.
        expected.ShouldContain(r => r.HasPoint);
        expected.ShouldContain(r => r.Location == null || !r.HasPoint);
        expected.ShouldContain(r => r.Time != null && r.Time.Start != null);
        expected.ShouldContain(r => r.Killed != null);
        archive.IncidentRows().ToList().ShouldBe(expected);
        Counted(archive).ShouldBe(archive.Counts());
        target.Scalar("SELECT value FROM archive_counts WHERE name = 'located'").ShouldBe(expected.Count(r => r.HasPoint));
    }

    [Fact]
    public void A_database_whose_rows_lack_the_list_columns_gets_them_from_the_summaries_when_opened()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("upgrade.db");
        using (var store = SampleRecord.StoreDocuments(path)) RecordLoader.Load(store);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // The rows as migration 12 left them: without the list's columns and their triggers.
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                DROP TRIGGER incident_rows_insert; DROP TRIGGER incident_rows_update;
                ALTER TABLE incident_rows DROP COLUMN killed_min; ALTER TABLE incident_rows DROP COLUMN killed_max;
                ALTER TABLE incident_rows DROP COLUMN killed_best; ALTER TABLE incident_rows DROP COLUMN events;
                ALTER TABLE incident_rows DROP COLUMN documents; ALTER TABLE incident_rows DROP COLUMN part_of;
                DELETE FROM schema_migrations WHERE version = 13;
                """;
            cmd.ExecuteNonQuery();
        }
        using var again = DocumentStore.Open(path);
        ILinkArchive archive = again;
        var expected = Expected(archive);
        expected.ShouldContain(r => r.Fatalities != null && r.Events > 1 && r.Documents > 1);
        expected.ShouldContain(r => r.PartOf != null);
        archive.IncidentRows().ToList().ShouldBe(expected);
        var last = expected[^1];
        archive.Put(archive.Incident(last.Id)! with { FirstRank = last.FirstReport.Rank });
        archive.IncidentRows([last.Id]).Values.ShouldBe([last]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Every_page_of_the_incident_list_follows_the_record_order_across_the_archive_and_what_the_linker_holds(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        var record = RecordLoader.Load(store).Record;
        ILinkArchive archive = store;
        var archived = archive.Counts().Incidents;
        archived.ShouldBeGreaterThan(0);
        var listed = record.Snapshot().Incidents.Where(i => !i.Mention).Select(i => i.Id).ToList();
        listed.Count.ShouldBeGreaterThan(archived, "some listed incidents are held");
        archive.ListedIncidentPage(1, 3).ShouldBe(archive.ListedIncidentOrder().Skip(1).Take(3).ToList());
        archive.LastListedIncident().ShouldBe(archive.ListedIncidentOrder().Last());
        foreach (var limit in new[] { 1, 3, 7, 100 })
        {
            for (var offset = 0; offset <= listed.Count + 1; offset++)
            {
                var page = record.Incidents(null, offset, limit);
                page.Total.ShouldBe(listed.Count);
                page.Items.Select(i => i.Id).ShouldBe(listed.Skip(offset).Take(limit), $"offset {offset}, limit {limit}");
            }
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_summary_written_again_or_taken_back_changes_its_row_and_the_counts_with_it(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        RecordLoader.Load(store);
        ILinkArchive archive = store;
        var first = archive.Incidents().First(a => !a.Incident.Mention);
        // Every column with a value unlike the others, then every value that may be missing left out.
        var changed = first with
        {
            Incident = first.Incident with
            {
                Type = PloverType.Protest, Modality = Modality.Planned, Scope = IncidentScope.Campaign, Grade = Grade.Contested,
                Title = "Changed title", IndependentSources = 4,
                Location = new PlaceFacts("in the port of Xanadu", "Xanadu", "XX", "city", 1.5, -2.25),
                Time = new TimeFacts("late Tuesday", new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 5), "day", "publication"),
                Fatalities = new FatalityRecord(3, 10, 7.5m, [], "a rule"),
            },
        };
        archive.Put(changed);
        var row = archive.IncidentRows().Single(r => r.Id == first.Incident.Id);
        row.ShouldBe(IncidentRow.Of(changed.Incident, first.FirstRank, first.FirstStart));
        row.Killed.ShouldBe(7.5m);
        // The list's numbers as the summary writes them: 3.0 and 7.50 are not rewritten as 3 and 7.5.
        var scaled = changed with { Incident = changed.Incident with { Fatalities = new FatalityRecord(3.0m, 10m, 7.50m, [], "a rule"), PartOf = "i-campaign" } };
        archive.Put(scaled);
        var listed = archive.IncidentRows([first.Incident.Id]).Values.Single();
        listed.ShouldBe(IncidentRow.Of(scaled.Incident, first.FirstRank, first.FirstStart));
        (listed.Fatalities!.Value.Min.ToString(System.Globalization.CultureInfo.InvariantCulture), listed.Fatalities.Value.Best.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(("3.0", "7.50"));
        listed.PartOf.ShouldBe("i-campaign");
        (listed.Events, listed.Documents).ShouldBe((first.Incident.Events.Length, first.Incident.Documents.Length));
        archive.Put(changed);
        var bare = changed with { Incident = changed.Incident with { Location = null, Time = null, Fatalities = null } };
        archive.Put(bare);
        archive.IncidentRows().Single(r => r.Id == first.Incident.Id).ShouldBe(IncidentRow.Of(bare.Incident, first.FirstRank, first.FirstStart));
        archive.Put(changed with { Incident = changed.Incident with { Location = changed.Incident.Location! with { Country = null, Latitude = null, Longitude = null } } });
        archive.IncidentRows().Single(r => r.Id == first.Incident.Id).HasPoint.ShouldBeFalse();
        archive.Remove(first.Incident.Id);
        archive.IncidentRows().ShouldNotContain(r => r.Id == first.Incident.Id);
        archive.IncidentRows().ToList().ShouldBe(Expected(archive));
        Counted(archive).ShouldBe(archive.Counts());
        store.ClearArchive();
        archive.IncidentRows().ShouldBeEmpty();
        archive.Counts().ShouldBe(new RecordCounts(0, 0, 0, 0));
        target.Scalar("SELECT value FROM archive_counts WHERE name = 'located'").ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_record_lists_and_maps_from_rows_what_the_whole_record_shows_after_decisions_moves_splits_and_merges(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        var record = RecordLoader.Load(store).Record;
        store.ArchiveCounts.Incidents.ShouldBeGreaterThan(0);
        SameAsWhole(record);

        var desk = new ReviewDesk(store, record);
        var listed = record.Snapshot().Incidents.Where(i => !i.Mention).ToList();
        // An archived incident and a held one, each changed by an analyst in the values lists and maps show.
        var archived = listed.First(i => ((ILinkArchive)store).Incident(i.Id) is not null);
        var held = listed.LastOrDefault(i => ((ILinkArchive)store).Incident(i.Id) is null) ?? listed[^1];
        foreach (var id in new[] { archived.Id, held.Id }.Distinct())
        {
            Decide(desk, DecisionTarget.Incident, id, DecisionAction.Set, "type", JsonValue.Create("PROTEST"));
            Decide(desk, DecisionTarget.Incident, id, DecisionAction.Set, "killed", JsonValue.Create(99));
            Decide(desk, DecisionTarget.Incident, id, DecisionAction.Set, "place",
                new JsonObject { ["name"] = "Reviewed Town", ["country"] = "NO", ["latitude"] = 60.0, ["longitude"] = 10.0 });
            Decide(desk, DecisionTarget.Incident, id, DecisionAction.Grade, null, JsonValue.Create("confirmed"));
        }
        record.IncidentRows().Single(r => r.Id == archived.Id).ShouldSatisfyAllConditions(
            r => r.Type.ShouldBe(PloverType.Protest), r => r.Killed.ShouldBe(99), r => r.Grade.ShouldBe(Grade.Confirmed), r => r.Reviewed.ShouldBeTrue());
        SameAsWhole(record);

        // A split of an incident with two reports, a merge of two others, a move of a report.
        var two = record.Snapshot().Incidents.First(i => !i.Mention && i.Events.Length >= 2);
        Decide(desk, DecisionTarget.Incident, two.Id, DecisionAction.Split, null, new JsonArray(JsonValue.Create(two.Events[^1])));
        SameAsWhole(record);
        var pair = record.Snapshot().Incidents.Where(i => !i.Mention && i.Id != two.Id).Take(2).ToList();
        Decide(desk, DecisionTarget.Incident, pair[0].Id, DecisionAction.Merge, null, JsonValue.Create(pair[1].Id));
        SameAsWhole(record);
        var mover = record.Snapshot().Incidents.First(i => !i.Mention && i.Events.Length >= 2);
        var into = record.Snapshot().Incidents.First(i => !i.Mention && i.Id != mover.Id);
        Decide(desk, DecisionTarget.Event, mover.Events[0], DecisionAction.Move, null, JsonValue.Create(into.Id));
        SameAsWhole(record);

        // Read again from the store, and after a new reading of every document: the same.
        using (var again = target.Open()) SameAsWhole(RecordLoader.Load(again).Record);
        using (var again = target.Open())
        {
            again.MarkForReading(all: true, AnalyzerVersion.Current.ToString());
            var reread = RecordLoader.Load(again).Record;
            SameAsWhole(reread);
            ((ILinkArchive)again).IncidentRows().ToList().ShouldBe(Expected(again));
            Counted(again).ShouldBe(((ILinkArchive)again).Counts());
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_map_chosen_by_the_database_is_the_map_of_every_incident(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        using var store = SampleRecord.StoreDocuments(target);
        var record = RecordLoader.Load(store).Record;
        var rows = WholeRows(record);
        var days = rows.Where(r => r.Time?.Start != null).Select(r => r.Time!.Start!.Value).Order().ToList();
        var queries = new List<MapQuery> { new(), new(PloverType.Assault), new(From: days[days.Count / 2]), new(To: days[days.Count / 3]), new(PloverType.Protest, days[0], days[^1]) };
        foreach (var query in queries)
        {
            foreach (var limit in new[] { 1, 3, 500 })
            {
                var fromRows = record.Map(query, limit);
                var whole = query.Select(rows, limit);
                fromRows.Shown.ShouldBe(whole.Shown, query.ToString());
                fromRows.Located.ShouldBe(whole.Located, query.ToString());
                fromRows.Drawn.Select(r => r with { FirstReport = default }).ShouldBe(whole.Drawn, query.ToString());
                fromRows.Unlocated.Select(r => r with { FirstReport = default }).ShouldBe(whole.Unlocated, query.ToString());
            }
        }
        record.Map(new MapQuery(), 500).Shown.ShouldBe(rows.Count);
    }

    /// <summary>The rows of the whole record as it reads (every archived summary parsed), in its order.</summary>
    private static List<IncidentRow> WholeRows(SourcedRecord record) =>
        [.. record.Snapshot().Incidents.Where(i => !i.Mention).Select(i => IncidentRow.Of(i))];

    private static void SameAsWhole(SourcedRecord record)
    {
        // The list key is the linker's own bookkeeping; every shown value and the order are compared.
        record.IncidentRows().Select(r => r with { FirstReport = default }).ToList().ShouldBe(WholeRows(record));
        // The list API's pages, read from rows where no analyst changed the incident.
        var whole = WholeRows(record);
        foreach (var (offset, limit) in new[] { (0, 1000), (1, 3), (whole.Count - 2, 5) })
        {
            var page = record.IncidentRowPage(offset, limit);
            page.Total.ShouldBe(whole.Count);
            page.Items.Select(r => r with { FirstReport = default }).ShouldBe(whole.Skip(offset).Take(limit), $"offset {offset}, limit {limit}");
        }
        var wholeMap = new MapQuery().Select(whole, 2);
        var map = record.Map(new MapQuery(), 2);
        (map.Shown, map.Located).ShouldBe((wholeMap.Shown, wholeMap.Located));
        map.Drawn.Select(r => r with { FirstReport = default }).ShouldBe(wholeMap.Drawn);
        map.Unlocated.Select(r => r with { FirstReport = default }).ShouldBe(wholeMap.Unlocated);
    }

    /// <summary>The rows the archived summaries give, in the record's order.</summary>
    private static List<IncidentRow> Expected(ILinkArchive archive) =>
        [.. archive.Incidents().Where(a => !a.Incident.Mention).Select(a => IncidentRow.Of(a.Incident, a.FirstRank, a.FirstStart))
            .OrderBy(r => r.FirstReport.Rank).ThenBy(r => r.FirstReport.Start).ThenBy(r => r.Id, StringComparer.Ordinal)];

    private static RecordCounts Counted(ILinkArchive archive) => new(archive.Stories().Count(), archive.Incidents().Count(a => !a.Incident.Mention),
        archive.Incidents().Count(a => a.Incident.Mention), archive.Incidents().Sum(a => a.Discrepancies.Length));

    private static void Decide(ReviewDesk desk, DecisionTarget kind, string target, DecisionAction action, string? field, JsonNode? value) =>
        desk.Decide(new DecisionRequest(kind, target, action, field, value, "checked against the ministry's list", "tester")).Error.ShouldBeNull();
}
