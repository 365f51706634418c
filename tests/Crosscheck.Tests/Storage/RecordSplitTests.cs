using System.Globalization;
using Crosscheck.Cli;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// One record however the work was split: the same documents ingested in one run, or in several runs in another
/// order, export the same record, incident for incident (ids, members, links, figures).
/// </summary>
public sealed class RecordSplitTests
{
    [Fact]
    public void The_samples_ingested_in_three_runs_in_reverse_order_give_the_record_of_one_run()
    {
        using var dir = new TempDirectory();
        var files = Directory.GetFiles(SampleRecord.Directory).Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            File.Copy(files[i], Path.Combine(Directory.CreateDirectory(dir.Combine($"corpus/part{i % 3}")).FullName, Path.GetFileName(files[i])));
        }
        var whole = ExportAfter(dir.Combine("one.db"), [dir.Combine("corpus")]);
        var split = ExportAfter(dir.Combine("three.db"), [dir.Combine("corpus/part2")], [dir.Combine("corpus/part1")], [dir.Combine("corpus/part0")]);
        split.ShouldBe(whole);
        whole.ShouldContain("\"incidents\"");
    }

    [Fact]
    public void A_generated_corpus_with_reprints_and_undated_reports_gives_one_record_for_any_split()
    {
        using var dir = new TempDirectory();
        WriteCorpus(dir, reports: 90);
        var whole = ExportAfter(dir.Combine("one.db"), [dir.Combine("corpus")]);
        // Later days first, then the earliest: every run after the first brings documents that come before
        // documents already linked, and reprints whose original arrives after them.
        var split = ExportAfter(dir.Combine("three.db"), [dir.Combine("corpus/c")], [dir.Combine("corpus/b")], [dir.Combine("corpus/a")]);
        split.ShouldBe(whole);
        var interleaved = ExportAfter(dir.Combine("mixed.db"), [dir.Combine("corpus/b"), dir.Combine("corpus/c/undated")], [dir.Combine("corpus/a"), dir.Combine("corpus/c")]);
        interleaved.ShouldBe(whole);
        whole.ShouldContain("\"duplicateOf\": \"d-");
    }

    [Fact]
    public void Runs_in_publication_order_resume_from_what_the_linker_held_and_give_the_record_of_one_run()
    {
        using var dir = new TempDirectory();
        string[] towns = ["Arlon", "Bexley", "Carrow", "Dunmore"];
        string[] outlets = ["Harbor Ledger", "Meridian Post", "Valley Times"];
        var start = new DateOnly(2024, 1, 8);
        // Attacks over six months, two or three reports each, and a series told by roundups: months apart, most
        // incidents close and leave memory between runs.
        for (var i = 0; i < 36; i++)
        {
            var day = start.AddDays(i / 3 * 15 + i % 3);
            var town = towns[i / 3 % towns.Length];
            var body = i % 9 == 8
                ? $"Gunmen have attacked police posts in {town} and nearby towns in recent weeks, killing at least {10 + i} officers in all, officials said.\n"
                : $"Gunmen attacked a police post in {town} on {start.AddDays(i / 3 * 15).DayOfWeek}, killing {i / 3 % 4 + 2} officers, the provincial governor said.\n";
            var folder = i < 12 ? "a" : i < 24 ? "b" : "c";
            dir.File($"months/{folder}/report-{i:D2}.txt", Front(outlets[i % outlets.Length], day, $"Police post attacked in {town}") + body);
        }
        // In the last run, a report recalling the first attack by its day and place: it joins that attack's incident,
        // closed and archived months before, which comes back from the archive.
        dir.File("months/c/recall.txt", Front("Meridian Post", start.AddDays(170), "Police post attack recalled")
            + $"Gunmen attacked a police post in Arlon on January 8, killing two officers, the provincial governor said.\n");
        var whole = ExportAfter(dir.Combine("one.db"), [dir.Combine("months")]);
        var runs = ExportAfter(dir.Combine("runs.db"), [dir.Combine("months/a")], [dir.Combine("months/b")], [dir.Combine("months/c")]);
        runs.ShouldBe(whole);
        using var store = DocumentStore.Open(dir.Combine("runs.db"));
        var open = RecordLoader.Open(store);
        open.Resumed.ShouldBeTrue();
        open.Pending.ShouldBe(0);
        open.Record.DocumentCount.ShouldBe(store.LinkedCount);
        // Only the last weeks' documents and those of the January attack the recall took back come into memory.
        open.Record.Linker.HeldDocuments.ShouldBeLessThan(store.LinkedCount * 2 / 3);
        store.ArchiveCounts.Incidents.ShouldBeGreaterThan(5);
        var documents = store.List(null, 0, 100).Items;
        var first = documents.Single(d => d.Source.EndsWith("report-00.txt", StringComparison.Ordinal)).Id;
        var recall = documents.Single(d => d.Source.EndsWith("recall.txt", StringComparison.Ordinal)).Id;
        var recalled = open.Record.Snapshot().Incidents.Where(i => i.Documents.Contains(recall) && i.Type == Crosscheck.Events.PloverType.Assault).ToList();
        recalled.ShouldContain(i => i.Documents.Contains(first), "the recall joins the January attack");
        whole.ShouldContain("\"incidents\"");
    }

    /// <summary>
    /// Clashes in several towns over four weeks, a few reports each, some reprinted by another outlet a day later
    /// (the reprint in an earlier folder than its original), and some without a date.
    /// </summary>
    private static void WriteCorpus(TempDirectory dir, int reports)
    {
        string[] towns = ["Arlon", "Bexley", "Carrow", "Dunmore", "Elgin", "Fenwick"];
        string[] outlets = ["Harbor Ledger", "Meridian Post", "Valley Times", "Coastline Wire"];
        var start = new DateOnly(2024, 5, 1);
        for (var i = 0; i < reports; i++)
        {
            var town = towns[i % towns.Length];
            var day = start.AddDays(i / 3);
            var dead = i % 5 + 2;
            var details = string.Join(" ", Enumerable.Range(0, 14).Select(k => Words[(i * 37 + k * k * 11 + k * 5) % Words.Length]));
            var body = $"Gunmen attacked a police post in {town} on {day.DayOfWeek}, killing {dead} officers, the provincial governor said.\n"
                + $"Residents of {town} said the attackers arrived on motorcycles before dawn and burned two vehicles.\n"
                + $"Witnesses described {details}.\n"
                + $"The governor said report {i.ToString(CultureInfo.InvariantCulture)} would be sent to the interior ministry.\n";
            var folder = (i / 3) switch { < 10 => "a", < 20 => "b", _ => "c" };
            var dated = i % 11 != 7;
            var name = $"corpus/{folder}/{(dated ? "" : "undated/")}report-{i:D3}.txt";
            dir.File(name, Front(outlets[i % outlets.Length], dated ? day : null, $"Attack on police post in {town}") + body);
            if (i % 4 == 1)
            {
                // A reprint a day later, with a new headline and a closing line; stored in the folder before.
                var copyFolder = folder switch { "c" => "b", "b" => "a", _ => "c" };
                dir.File($"corpus/{copyFolder}/reprint-{i:D3}.txt",
                    Front(outlets[(i + 1) % outlets.Length], day.AddDays(1), $"Police post attacked in {town}") + body + "This report was first published elsewhere.\n");
            }
        }
    }

    private static readonly string[] Words =
    [
        "smoke", "rifles", "a", "burning", "truck", "near", "the", "market", "shouting", "sirens", "broken", "glass", "on", "roads",
        "families", "fleeing", "toward", "river", "gunfire", "after", "prayers", "an", "ambulance", "blocked", "by", "debris", "soldiers",
        "arriving", "late", "closed", "shops", "darkness", "over", "hills", "dogs", "barking", "at", "checkpoint", "children", "hiding",
    ];

    private static string Front(string outlet, DateOnly? published, string title) =>
        "---\noutlet: " + outlet + "\n" + (published is { } p ? "published: " + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n" : "")
        + "title: " + title + "\n---\n" + title + "\n";

    /// <summary>Ingests each run's paths in turn into <paramref name="db"/> and exports the record as JSON.</summary>
    private static string ExportAfter(string db, params string[][] runs)
    {
        foreach (var run in runs)
        {
            var (code, _, stderr) = Run(["ingest", .. run, "--db", db]);
            stderr.ShouldBeEmpty();
            code.ShouldBe(0);
        }
        var (exported, json, _) = Run("export", "--format", "json", "--db", db);
        exported.ShouldBe(0);
        return json;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
