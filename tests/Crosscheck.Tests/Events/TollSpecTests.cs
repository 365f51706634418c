using System.Globalization;
using System.Text.Json;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Export;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/tolls.spec.md: text in, its running tolls and its events' largest killed and injured out.</summary>
public sealed class TollSpecTests
{
    private const string Spec = "tolls.spec.md";
    private static readonly DateOnly Published = new(2025, 11, 4);

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_tolls_and_casualties_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var text = StandardPipeline.Default.Process(example["text"].TrimEnd('\n'), Published);
        var reading = EventReader.Default.Read(text);
        var assaults = reading.Events.Where(e => e.Type == PloverType.Assault).ToList();
        var lines = reading.Tolls.Select(Describe).ToList();
        lines.Add($"events killed {Describe(Largest(assaults.Select(e => e.Fatalities)))}");
        lines.Add($"events injured {Describe(Largest(assaults.Select(e => e.Injured)))}");
        lines.ShouldBe(example.Lines("expect"), Case.Sensitive, name);
    }

    [Fact]
    public void The_spec_file_has_tolls_of_each_kind_and_texts_with_none()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var kind in new[] { "toll killed", "toll injured", "toll strikes" })
            examples.Count(e => e.Lines("expect").Any(l => l.StartsWith(kind, StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(1, kind);
        examples.Count(e => !e.Lines("expect").Any(l => l.StartsWith("toll", StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void A_sentence_with_an_events_dead_and_a_running_toll_keeps_them_apart_in_the_contract()
    {
        // A made-up article: one sentence gives a strike's own dead and the campaign's running toll.
        const string body = "Strike hits fuel depot\n\nA drone strike on a fuel depot in the port killed four workers on Sunday, bringing the death toll "
            + "of the campaign to 57.\n\nOfficials said 15 people had been wounded since the campaign began.";
        var document = new DocumentReader().ReadBytes("made-up.txt", System.Text.Encoding.UTF8.GetBytes("---\npublished: 2025-11-04\n---\n" + body), ".txt").Single().Document!;
        var text = StandardPipeline.Default.Process(document);
        var reading = EventReader.Default.Read(text);
        using var buffer = new MemoryStream();
        AnalysisJson.Write(buffer, [(document, ["made-up.txt"])], readings: new Dictionary<string, ArticleReading> { [document.Id] = reading });
        using var json = JsonDocument.Parse(buffer.ToArray());
        var root = json.RootElement;

        var killed = root.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("fatalities").ValueKind == JsonValueKind.Object)
            .Select(e => e.GetProperty("fatalities").GetProperty("max").GetDecimal()).ToList();
        killed.ShouldBe([4m]);
        var tolls = root.GetProperty("tolls").EnumerateArray().ToList();
        tolls.Select(t => (t.GetProperty("counts").GetString(), t.GetProperty("min").GetDecimal())).ShouldBe([("killed", 57m), ("injured", 15m)]);
        var toll = tolls[0];
        toll.GetProperty("document").GetString().ShouldBe(document.Id);
        toll.GetProperty("asOf").GetString().ShouldBe("2025-11-02");
        document.Text[toll.GetProperty("start").GetInt32()..toll.GetProperty("end").GetInt32()].ShouldBe(toll.GetProperty("text").GetString());
        toll.GetProperty("text").GetString()!.ShouldContain("57");
        tolls[1].GetProperty("since").GetProperty("text").GetString()!.ShouldStartWith("since the campaign");
        tolls[1].GetProperty("since").GetProperty("date").ValueKind.ShouldBe(JsonValueKind.Null);
        // Ids are deterministic: the same input gives the same ids.
        var again = EventReader.Default.Read(StandardPipeline.Default.Process(document)).Tolls.Select(t => TollIds.Of(document.Id, t));
        again.ShouldBe(tolls.Select(t => t.GetProperty("id").GetString()!));
        tolls.Select(t => t.GetProperty("id").GetString()).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void A_cue_file_with_an_unknown_kind_or_measure_fails_naming_its_line()
    {
        Should.Throw<FormatException>(() => TollCues.Parse("cue\tso far\nnone\tx", "t.txt")).Message.ShouldContain("t.txt:2");
        Should.Throw<FormatException>(() => TollCues.Parse("noun\tdeath toll\tgoats", "t.txt")).Message.ShouldContain("t.txt:1");
    }

    private static string Describe(Toll t) => string.Create(CultureInfo.InvariantCulture,
        $"toll {TollMeasures.Name(t.Counts)} {t.Min} {(t.Max is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")} since {(t.Since is null ? "-" : t.SinceDate is { } s ? Day(s) : "?")} asof {(t.AsOf is { } a ? Day(a) : "-")}");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CountRange? Largest(IEnumerable<CountRange?> ranges) =>
        ranges.Where(r => r is not null).OrderByDescending(r => r!.Max ?? decimal.MaxValue).ThenByDescending(r => r!.Min).FirstOrDefault();

    private static string Describe(CountRange? r) => r is null ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{r.Min} {(r.Max is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}");
}
