using System.Globalization;
using Crosscheck.Cli;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// Versions (issue 15 item 3): each stored reading names its analyzer; <c>reprocess</c> reads again the older ones (or
/// all), relinks, and keeps every decision made by hand, following an event whose id changed with the new reading.
/// </summary>
public sealed class ReprocessTests
{
    private static readonly string Current = AnalyzerVersion.Current.ToString();

    [Theory, OnSqlite, OnPostgres]
    public void Each_stored_reading_names_the_analyzer_that_made_it(Backend backend)
    {
        using var db = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(db)) RecordLoader.Load(store);
        db.Scalar("SELECT count(*) FROM document_facts").ShouldBe(SampleRecord.Facts.Count);
        db.Scalar($"SELECT count(*) FROM document_facts WHERE analyzer = '{Current}' AND {db.JsonText("facts", "analyzer")} = '{Current}'")
            .ShouldBe(SampleRecord.Facts.Count);
        AnalyzerVersion.TryParse(Current, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(AnalyzerVersion.Current);
        AnalyzerVersion.TryParse("25+XYZ", out _).ShouldBeFalse();
        AnalyzerVersion.TryParse(null, out _).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Reprocess_older_reads_again_only_what_another_analyzer_read_and_all_reads_everything(Backend backend)
    {
        using var db = StoreTarget.Create(backend);
        using (var store = SampleRecord.StoreDocuments(db)) RecordLoader.Load(store);
        var before = CrossJsonOf(db);
        var seqs = Seqs(db);
        // Three readings are marked as made elsewhere (two by another analyzer, one before versions), and every stored
        // title is spoiled, so a reading made again shows by its title.
        db.Execute($"UPDATE document_facts SET facts = {db.JsonSetText("facts", "title", "SPOILED")}");
        db.Execute($"UPDATE document_facts SET analyzer = '1+000000000000' WHERE document_seq IN ({seqs[0]}, {seqs[4]})");
        db.Execute($"UPDATE document_facts SET analyzer = NULL WHERE document_seq = {seqs[7]}");

        var (code, stdout, stderr) = Run("reprocess", "--db", db.DbOption);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain($"Analyzer {Current}: 3 stored document(s) to read again (2 read by 1+000000000000, 1 read by an analyzer before versions)");
        stdout.ShouldContain("Every decision made by hand still applies.");
        db.Scalar($"SELECT count(*) FROM document_facts WHERE analyzer = '{Current}'").ShouldBe(SampleRecord.Facts.Count);
        db.Scalar($"SELECT count(*) FROM document_facts WHERE {db.JsonText("facts", "title")} = 'SPOILED'").ShouldBe(SampleRecord.Facts.Count - 3);
        db.Scalar($"SELECT count(*) FROM document_facts WHERE document_seq IN ({seqs[0]}, {seqs[4]}, {seqs[7]}) AND {db.JsonText("facts", "title")} = 'SPOILED'").ShouldBe(0);
        db.Scalar("SELECT count(*) FROM document_facts WHERE reread = 1 OR stale = 1").ShouldBe(0);

        (code, stdout, _) = Run("reprocess", "--db", db.DbOption);
        code.ShouldBe(0);
        stdout.ShouldContain($"Analyzer {Current}: 0 stored document(s) to read again");
        stdout.ShouldContain($"Record: {SampleRecord.Facts.Count} documents (0 newly linked)");

        (code, stdout, _) = Run("reprocess", "--all", "--db", db.DbOption);
        code.ShouldBe(0);
        stdout.ShouldContain($"Analyzer {Current}: {SampleRecord.Facts.Count} stored document(s) to read again");
        stdout.ShouldContain($"Record: {SampleRecord.Facts.Count} documents ({SampleRecord.Facts.Count} newly linked)");
        db.Scalar($"SELECT count(*) FROM document_facts WHERE {db.JsonText("facts", "title")} = 'SPOILED'").ShouldBe(0);
        // Read again by the same analyzer, the record is the one it was.
        CrossJsonOf(db).ShouldBe(before);
    }

    [Fact]
    public void Reprocess_options_are_checked()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("none.db");
        var (code, _, stderr) = Run("reprocess", "--all", "--older", "--db", path);
        code.ShouldNotBe(0);
        stderr.ShouldContain("--all and --older cannot be given together");
        (code, _, stderr) = Run("reprocess", "--db", path);
        code.ShouldNotBe(0);
        stderr.ShouldContain("no such database");
        File.Exists(path).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_detach_follows_its_event_into_a_new_reading_that_gives_it_another_id_and_is_kept_aside_when_the_event_is_gone(Backend backend)
    {
        using var db = StoreTarget.Create(backend);
        string moved, alone, trigger;
        using (var store = SampleRecord.StoreDocuments(db))
        {
            var record = RecordLoader.Load(store).Record;
            var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 3);
            moved = merged.Events[1];
            alone = record.Detach(moved).ShouldNotBeNull();
            trigger = record.Event(moved)!.Trigger;
        }

        // A new reading whose evidence for that event starts one character later: another id, the same trigger.
        var renamed = moved + "-new";
        using (var store = db.Open())
        {
            store.MarkForReading(all: true, Current);
            var problems = new List<string>();
            var record = RecordLoader.Load(store, analyze: d => Shift(RecordLoader.Analyze(d), moved, renamed), problem: problems.Add).Record;
            problems.ShouldBeEmpty();
            record.IncidentOf(moved).ShouldBeNull();
            record.IncidentOf(renamed).ShouldBe(alone);
            record.Incident(alone)!.Events.ShouldBe([renamed]);
            record.Incident(alone)!.Links.Single().Reason.ShouldStartWith("detached");
            store.UnplacedDecisions().ShouldBeEmpty();
        }
        db.Scalar($"SELECT count(*) FROM event_assignments WHERE event = '{renamed}' AND incident = '{alone}'").ShouldBe(1);

        // A reading without the event: the decision is named and kept aside, not lost.
        using (var store = db.Open())
        {
            store.MarkForReading(all: true, Current);
            var problems = new List<string>();
            var record = RecordLoader.Load(store, analyze: d => Drop(Shift(RecordLoader.Analyze(d), moved, renamed), renamed), problem: problems.Add).Record;
            record.IncidentOf(renamed).ShouldBeNull();
            record.Incident(alone).ShouldBeNull();
            problems.Single().ShouldContain($"a report detached by hand (event {renamed}, '{trigger}') is not in the new reading");
            var kept = store.UnplacedDecisions().Single();
            (kept.Event, kept.Incident, kept.Trigger).ShouldBe((renamed, alone, trigger));
            kept.Reason.ShouldStartWith("detached");
        }
        var (_, stdout, _) = Run("reprocess", "--db", db.DbOption);
        stdout.ShouldContain("1 decision(s) made by hand are kept aside: their reports are not in the new reading (0 new this run):");
        stdout.ShouldContain($"event {renamed} '{trigger}'");
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_decision_on_a_report_follows_it_to_the_id_a_new_reading_gives_it_and_waits_when_the_report_is_gone(Backend backend)
    {
        using var db = StoreTarget.Create(backend);
        string target;
        using (var store = SampleRecord.StoreDocuments(db))
        {
            var record = RecordLoader.Load(store).Record;
            target = record.Snapshot().Incidents.First(i => !i.Mention && i.Events.Length >= 1).Events[0];
            var desk = new Crosscheck.Review.ReviewDesk(store, record);
            desk.Decide(new Crosscheck.Review.DecisionRequest(Crosscheck.Review.DecisionTarget.Event, target, Crosscheck.Review.DecisionAction.Set,
                "killed", System.Text.Json.Nodes.JsonValue.Create(7), "the ministry's figure", "tester")).Stored.ShouldBeTrue();
            record.Event(target)!.Fatalities!.Min.ShouldBe(7);
        }
        var renamed = target + "-new";
        using (var store = db.Open())
        {
            store.MarkForReading(all: true, Current);
            var record = RecordLoader.Load(store, analyze: d => Shift(RecordLoader.Analyze(d), target, renamed)).Record;
            record.Event(target).ShouldBeNull();
            record.Event(renamed)!.Fatalities!.Min.ShouldBe(7);
        }
        using (var store = db.Open())
        {
            var record = RecordLoader.Load(store).Record;
            record.Event(renamed)!.Fatalities!.Min.ShouldBe(7);
            record.Review.History(record.IncidentOf(renamed)!, [renamed]).Single().Target.ShouldBe(renamed);
        }
        // A reading without the report: the decision waits in the log, and reprocess says so.
        using (var store = db.Open())
        {
            store.MarkForReading(all: true, Current);
            var record = RecordLoader.Load(store, analyze: d => Drop(RecordLoader.Analyze(d), target)).Record;
            record.Event(renamed).ShouldBeNull();
        }
        var (code, stdout, _) = Run("reprocess", "--db", db.DbOption);
        code.ShouldBe(0);
        stdout.ShouldContain($"Decisions about 1 report(s) the new reading has not are kept and apply again when a reading has them: {renamed}");
        db.Scalar("SELECT count(*) FROM decisions").ShouldBe(1);
    }

    private static DocumentFacts Shift(DocumentFacts facts, string id, string renamed) =>
        facts with { Events = [.. facts.Events.Select(e => e.Id == id ? e with { Id = renamed, Start = e.Start + 1, Evidence = e.Evidence[1..] } : e)] };

    private static DocumentFacts Drop(DocumentFacts facts, string id) => facts with { Events = [.. facts.Events.Where(e => e.Id != id)] };

    private static List<long> Seqs(StoreTarget db)
    {
        using var connection = db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT document_seq FROM document_facts ORDER BY document_seq";
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }

    private static string CrossJsonOf(StoreTarget db)
    {
        using var store = db.Open();
        return SampleRecord.CrossJsonOf(RecordLoader.Load(store).Record.Snapshot());
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }



}
