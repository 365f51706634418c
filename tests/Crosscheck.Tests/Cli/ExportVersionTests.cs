using System.Text.Json.Nodes;
using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Cli;

/// <summary>
/// Versions of the record (issue 15 item 3): each export carries the record's version, a new one only when the record
/// changed, and <c>export --since N</c> gives exactly what was added, changed and removed after version N.
/// </summary>
public sealed class ExportVersionTests
{
    private static readonly string[] Kinds = ["events", "incidents", "discrepancies", "stories"];

    [Fact]
    public void Changes_since_a_version_are_exactly_the_difference_between_the_two_exports()
    {
        using var dir = new TempDirectory();
        var db = dir.Combine("versions.db");
        // The record of all samples but the earliest two, then of all: the first strike's report comes before the others,
        // so incidents gain, change and lose ids.
        var files = Directory.GetFiles(SampleRecord.Directory).Order(StringComparer.Ordinal).ToList();
        Ingest(db, files.Skip(2)).ShouldBe(0);
        var first = Export(db, "--db", db);
        first["recordVersion"]!.GetValue<int>().ShouldBe(1);
        Export(db, "--db", db)["recordVersion"]!.GetValue<int>().ShouldBe(1, "an export of an unchanged record is the same version");

        Ingest(db, files).ShouldBe(0);
        var changes = Export(db, "--db", db, "--since", "1");
        var second = Export(db, "--db", db);
        second["recordVersion"]!.GetValue<int>().ShouldBe(2);
        (changes["schema"]!.GetValue<string>(), changes["since"]!.GetValue<int>(), changes["version"]!.GetValue<int>())
            .ShouldBe(("crosscheck.changes/1", 1, 2));
        int added = 0, changed = 0, removed = 0;
        foreach (var kind in Kinds)
        {
            var before = ById(first[kind]!);
            var after = ById(second[kind]!);
            var addedNow = ById(changes["added"]![kind]!);
            var changedNow = ById(changes["changed"]![kind]!);
            var removedNow = changes["removed"]![kind]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            addedNow.Keys.Order().ShouldBe(after.Keys.Except(before.Keys).Order(), kind);
            removedNow.Order().ShouldBe(before.Keys.Except(after.Keys).Order(), kind);
            changedNow.Keys.Order().ShouldBe(after.Keys.Intersect(before.Keys).Where(id => !JsonNode.DeepEquals(before[id], after[id])).Order(), kind);
            foreach (var (id, item) in addedNow.Concat(changedNow)) JsonNode.DeepEquals(item, after[id]).ShouldBeTrue($"{kind} {id} as the full export has it");
            (added, changed, removed) = (added + addedNow.Count, changed + changedNow.Count, removed + removedNow.Count);
        }
        // The samples exercise all three.
        added.ShouldBeGreaterThan(0);
        changed.ShouldBeGreaterThan(0);
        removed.ShouldBeGreaterThan(0);

        var none = Export(db, "--db", db, "--since", "2");
        foreach (var kind in Kinds)
        {
            none["added"]![kind]!.AsArray().ShouldBeEmpty();
            none["changed"]![kind]!.AsArray().ShouldBeEmpty();
            none["removed"]![kind]!.AsArray().ShouldBeEmpty();
        }
        var (code, _, stderr) = ExportTests.Run("export", "--db", db, "--since", "3");
        code.ShouldBe(1);
        stderr.Trim().ShouldBe($"crosscheck: {db}: the record has no version 3 (its latest is 2)");
        (code, _, stderr) = ExportTests.Run("export", "--db", db, "--since", "1", "--format", "acled-csv");
        code.ShouldBe(2);
        stderr.ShouldContain("--since is given with --format json only");
    }

    private static int Ingest(string db, IEnumerable<string> files)
    {
        var (code, _, _) = ExportTests.Run(["ingest", .. files, "--db", db]);
        return code;
    }

    private static JsonNode Export(string db, params string[] args)
    {
        var (code, stdout, stderr) = ExportTests.Run(["export", .. args]);
        code.ShouldBe(0, stderr);
        stderr.ShouldContain("record version");
        return JsonNode.Parse(stdout)!;
    }

    private static Dictionary<string, JsonNode> ById(JsonNode array) =>
        array.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!, StringComparer.Ordinal);
}
