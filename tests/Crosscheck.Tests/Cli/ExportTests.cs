using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosscheck.Cli;
using Crosscheck.Events;
using Crosscheck.Export;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Cli;

/// <summary>The demo samples ingested once, for the export tests.</summary>
public sealed class ExportFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ExportFixture()
    {
        Database = _dir.Combine("export.db");
        var (code, _, stderr) = ExportTests.Run("ingest", SampleRecord.Directory, "--db", Database);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        using var store = DocumentStore.Open(Database);
        Cross = RecordLoader.Load(store).Record.Snapshot();
        Events = [.. SampleRecord.Facts.SelectMany(f => f.Events)];
    }

    public string Database { get; }
    public CrossRecord Cross { get; }
    public IReadOnlyList<EventFacts> Events { get; }
    public string Out(string name) => _dir.Combine(name);

    public void Dispose() => _dir.Dispose();
}

/// <summary><c>crosscheck export</c>: every format parses back and says what it holds.</summary>
public sealed class ExportTests(ExportFixture data) : IClassFixture<ExportFixture>
{
    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CrosscheckCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Export(string format)
    {
        var path = data.Out($"out-{format}-{Guid.NewGuid():N}");
        var (code, stdout, stderr) = Run("export", "--format", format, "--db", data.Database, "--out", path);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldStartWith("Exported ");
        stdout.ShouldContain(path);
        return File.ReadAllText(path);
    }

    [Fact]
    public void Json_is_the_analysis_contract_of_the_stored_record()
    {
        var root = JsonDocument.Parse(Export("json")).RootElement;
        root.GetProperty("schema").GetString().ShouldBe("crosscheck.analysis/1");
        root.GetProperty("omitted").EnumerateArray().Select(e => e.GetString()).ShouldBe(["entities", "quotes"]);
        root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ShouldBe(SampleRecord.Facts.Select(f => f.Id));
        root.GetProperty("documents")[0].GetProperty("text").GetString()!.Length.ShouldBeGreaterThan(100);
        root.GetProperty("entities").GetArrayLength().ShouldBe(0);
        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("id").GetString()).ShouldBe(data.Events.Select(e => e.Id));
        // Every event's evidence is the slice of its document's text its offsets give.
        var texts = root.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        foreach (var e in events)
        {
            var evidence = e.GetProperty("evidence");
            var text = texts[e.GetProperty("document").GetString()!];
            text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()].ShouldBe(evidence.GetProperty("text").GetString());
        }
        var incidents = root.GetProperty("incidents").EnumerateArray().ToList();
        incidents.Select(i => i.GetProperty("id").GetString()).ShouldBe(data.Cross.Incidents.Select(i => i.Id));
        var eventIds = events.Select(e => e.GetProperty("id").GetString()).ToHashSet();
        incidents.SelectMany(i => i.GetProperty("events").EnumerateArray()).ShouldAllBe(e => eventIds.Contains(e.GetString()));
        root.GetProperty("stories").GetArrayLength().ShouldBe(data.Cross.Stories.Length);
        root.GetProperty("discrepancies").GetArrayLength().ShouldBe(data.Cross.Discrepancies.Length);
    }

    [Fact]
    public void Acled_csv_has_one_row_per_incident_acled_would_code()
    {
        var rows = ParseCsv(Export("acled-csv"));
        rows[0].ShouldBe(AcledCsv.Columns);
        rows.Skip(1).ShouldAllBe(r => r.Count == AcledCsv.Columns.Count);
        // Mentions are no incidents: not coded.
        data.Cross.Incidents.Any(i => i.Mention && i.Modality == Modality.Asserted && i.Events.Any(e => data.Events.Single(f => f.Id == e).Acled != null)).ShouldBeTrue();
        var coded = data.Cross.Incidents.Where(i => !i.Mention && i.Modality is Modality.Asserted or Modality.Denied
            && i.Events.Any(e => data.Events.Single(f => f.Id == e).Acled is not null)).ToList();
        coded.ShouldNotBeEmpty();
        coded.Count.ShouldBeLessThan(data.Cross.Incidents.Length);
        rows.Skip(1).Select(r => r[0]).ShouldBe(coded.Select(i => i.Id));

        var column = AcledCsv.Columns.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        foreach (var (row, incident) in rows.Skip(1).Zip(coded))
        {
            row[column["event_date"]].ShouldBe(incident.Time?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            row[column["fatalities"]].ShouldBe(incident.Fatalities is { } f ? f.Best.ToString(CultureInfo.InvariantCulture) : "0");
            row[column["event_type"]].ShouldNotBeEmpty();
            row[column["crosscheck_grade"]].ShouldBe(Grades.Name(incident.Grade));
            if (row[column["time_precision"]].Length > 0) row[column["time_precision"]].ShouldBeOneOf("1", "2", "3");
        }
        rows.Skip(1).ShouldContain(r => r[column["notes"]].IndexOfAny(new[] { ',', '"' }) >= 0, "some notes need quoting, so quoting is exercised");
    }

    [Fact]
    public void Acled_csv_has_acleds_31_columns_in_the_codebooks_order_then_crosschecks_own()
    {
        var header = ParseCsv(Export("acled-csv"))[0];
        header.ShouldBe(
        [
            "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
            "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
            "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
            "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
            "crosscheck_grade", "crosscheck_independent_sources", "crosscheck_story",
        ]);
    }

    [Fact]
    public void Acled_csv_rows_of_the_samples_fill_every_column_they_can_with_acled_codes()
    {
        var rows = ParseCsv(Export("acled-csv"));
        var column = rows[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var incidents = data.Cross.Incidents.ToDictionary(i => i.Id);
        var facts = SampleRecord.Facts.ToDictionary(f => f.Id);
        using var store = DocumentStore.Open(data.Database);
        rows.Count.ShouldBeGreaterThan(5);
        rows.Skip(1).ShouldContain(r => r[column["notes"]].Contains(" Sources: https://", StringComparison.Ordinal));
        foreach (var row in rows.Skip(1))
        {
            row.Count.ShouldBe(rows[0].Count);
            string V(string name) => row[column[name]];
            var incident = incidents[V("event_id_cnty")];
            V("inter1").ShouldBeOneOf("0", "1", "2", "3", "4", "5", "6", "7", "8");
            V("inter2").ShouldBeOneOf("0", "1", "2", "3", "4", "5", "6", "7", "8");
            var (i1, i2) = (int.Parse(V("inter1"), CultureInfo.InvariantCulture), int.Parse(V("inter2"), CultureInfo.InvariantCulture));
            V("interaction").ShouldBe(i1 == 0 && i2 == 0 ? "" : i1 == 0 || i2 == 0 ? $"{Math.Max(i1, i2)}0" : $"{Math.Min(i1, i2)}{Math.Max(i1, i2)}");
            V("geo_precision").ShouldBe(incident.Location?.Precision switch { null => "", "city" => "1", "admin1" => "2", _ => "3" });
            if (incident.Location?.Country is { } iso2)
            {
                int.Parse(V("iso"), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
                V("region").ShouldNotBeEmpty();
                V("country").ShouldNotBeEmpty();
            }
            else (V("iso"), V("region"), V("country")).ShouldBe(("", "", ""));
            if (V("latitude").Length > 0) double.Parse(V("latitude"), CultureInfo.InvariantCulture).ShouldBeInRange(-90, 90);
            if (V("longitude").Length > 0) double.Parse(V("longitude"), CultureInfo.InvariantCulture).ShouldBeInRange(-180, 180);
            var outlets = incident.Documents.Select(d => facts[d].Outlet).OfType<string>().Distinct().ToList();
            V("source").ShouldBe(string.Join("; ", outlets));
            if (outlets.Count > 0) V("source_scale").Split('-').ShouldAllBe(s => s == "National" || s == "International" || s == "Other");
            else V("source_scale").ShouldBeEmpty();
            // The timestamp is the latest report's day at midnight UTC, never the clock.
            var latest = incident.Documents.Select(d => facts[d].Published).OfType<DateOnly>().Max();
            V("timestamp").ShouldBe(new DateTimeOffset(latest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            // The notes end with the URLs of the reports that have one.
            var urls = incident.Documents.Select(d => store.Get(d)!.Metadata.Url).OfType<string>().Distinct().ToList();
            if (urls.Count > 0) V("notes").ShouldEndWith(" Sources: " + string.Join(' ', urls));
            else V("notes").ShouldNotContain("Sources:");
            V("civilian_targeting").ShouldBeOneOf("", "Civilian targeting");
        }
        // The samples' US strikes are coded as state forces, and some place is known to its country and region.
        rows.Skip(1).ShouldContain(r => r[column["actor1"]].Contains("US") && r[column["inter1"]] == "1");
        rows.Skip(1).ShouldContain(r => r[column["region"]].Length > 0 && r[column["iso"]].Length > 0);
    }

    [Theory]
    [InlineData(1, 3, "13")]
    [InlineData(3, 1, "13")]
    [InlineData(2, 0, "20")]
    [InlineData(0, 7, "70")]
    [InlineData(8, 8, "88")]
    [InlineData(0, 0, "")]
    public void Acled_interaction_puts_the_smaller_code_first_and_a_lone_actor_with_0(int inter1, int inter2, string interaction) =>
        AcledCodes.Interaction(inter1, inter2).ShouldBe(interaction);

    [Theory]
    [InlineData("The US military", "k:geo:6252001", "US", "US", 1)]
    [InlineData("The US military", "k:geo:6252001", "US", "VE", 8)]
    [InlineData("US forces", null, "US", null, 1)]
    [InlineData("hundreds of protesters", null, null, "MX", 6)]
    [InlineData("Venezuelan fishermen", "n:venezuelan", "VE", "VE", 7)]
    [InlineData("Houthi rebels", null, null, "YE", 2)]
    [InlineData("the Sinaloa Cartel", "k:actor:sinaloa-cartel", "MX", "MX", 3)]
    [InlineData("suspected smuggling boats", null, null, null, 0)]
    [InlineData("Washington", "k:geo:4140963", "US", "VE", 0)]
    public void Acled_inter_codes_come_from_the_actors_entity_and_words(string text, string? key, string? country, string? eventCountry, int inter) =>
        AcledCodes.Inter(new ParticipantFacts(text, key, country), eventCountry).ShouldBe(inter);

    [Fact]
    public void Acled_regions_and_numeric_codes_come_from_the_country_table()
    {
        (AcledCodes.Iso("US"), AcledCodes.Region("US")).ShouldBe((840, "North America"));
        (AcledCodes.Iso("AF"), AcledCodes.Region("AF")).ShouldBe((4, "South Asia"));
        (AcledCodes.Iso("MX"), AcledCodes.Region("MX")).ShouldBe((484, "Central America"));
        AcledCodes.Region("YE").ShouldBe("Middle East");
        AcledCodes.Region("VE").ShouldBe("South America");
        AcledCodes.Region(null).ShouldBeNull();
        // Every country the gazetteer knows has a region.
        Crosscheck.Language.Gazetteers.Gazetteer.Default.Entries
            .Where(e => e.Place == Crosscheck.Language.Gazetteers.PlaceKind.Country)
            .ShouldAllBe(e => AcledCodes.Region(e.Country) != null);
    }

    [Theory]
    [InlineData("Harbor Ledger", "US", "Other")]
    [InlineData("Reuters", "VE", "International")]
    [InlineData("NBC News", "US", "National")]
    public void Acled_source_scale_reads_the_outlets_home_country(string outlet, string eventCountry, string scale) =>
        AcledCodes.SourceScale([outlet], eventCountry).ShouldBe(scale);

    [Fact]
    public void Csv_fields_with_commas_quotes_and_line_breaks_read_back_whole()
    {
        string[] fields = ["plain", "a, b", "say \"no\"", "two\nlines", " edge ", ""];
        var line = AcledCsv.Row(fields);
        line.ShouldBe("plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\" edge \",");
        ParseCsv(line + "\r\n").Single().ShouldBe(fields);
    }

    [Fact]
    public void Plover_json_has_one_event_per_line()
    {
        var lines = Export("plover-json").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(data.Events.Count);
        var incidentOf = data.Cross.Incidents.SelectMany(i => i.Events.Select(e => (e, i.Id))).ToDictionary(p => p.e, p => p.Id);
        for (var i = 0; i < lines.Length; i++)
        {
            var e = JsonDocument.Parse(lines[i]).RootElement;
            var facts = data.Events[i];
            e.GetProperty("event_id").GetString().ShouldBe(facts.Id);
            e.GetProperty("event_type").GetString().ShouldBe(PloverTypes.Name(facts.Type));
            e.GetProperty("modality").GetString().ShouldBe(Modalities.Name(facts.Modality));
            e.GetProperty("source_text").GetString().ShouldBe(facts.Evidence);
            e.GetProperty("incident").GetString().ShouldBe(incidentOf[facts.Id]);
            e.GetProperty("mode").ValueKind.ShouldBe(JsonValueKind.Array);
            e.GetProperty("context").ValueKind.ShouldBe(JsonValueKind.Array);
            if (facts.Actors.Length > 0) e.GetProperty("actor").GetProperty("text").GetString().ShouldBe(facts.Actors[0].Text);
            else e.GetProperty("actor").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    [Fact]
    public void GeoJson_holds_the_incidents_with_coordinates_at_lon_lat()
    {
        var root = JsonDocument.Parse(Export("geojson")).RootElement;
        root.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var incidents = data.Cross.Incidents.Where(i => !i.Mention).ToList();
        data.Cross.Incidents.Any(i => i.Mention && i.Location != null && i.Location.Latitude != null).ShouldBeTrue();
        var located = incidents.Where(i => i.Location is { Latitude: not null, Longitude: not null }).ToList();
        located.ShouldNotBeEmpty();
        var features = root.GetProperty("features").EnumerateArray().ToList();
        features.Select(f => f.GetProperty("id").GetString()).ShouldBe(located.Select(i => i.Id));
        foreach (var (feature, incident) in features.Zip(located))
        {
            feature.GetProperty("type").GetString().ShouldBe("Feature");
            feature.GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Point");
            var c = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()).ToList();
            c.Count.ShouldBe(2);
            c[0].ShouldBe(incident.Location!.Longitude!.Value, 0.0001);
            c[1].ShouldBe(incident.Location!.Latitude!.Value, 0.0001);
            c[0].ShouldBeInRange(-180, 180);
            c[1].ShouldBeInRange(-90, 90);
            feature.GetProperty("properties").GetProperty("grade").GetString().ShouldBe(Grades.Name(incident.Grade));
        }
        var metadata = root.GetProperty("metadata");
        metadata.GetProperty("incidents").GetInt32().ShouldBe(incidents.Count);
        metadata.GetProperty("features").GetInt32().ShouldBe(located.Count);
        metadata.GetProperty("withoutCoordinates").GetInt32().ShouldBe(incidents.Count - located.Count);
    }

    [Fact]
    public void GeoJson_holds_the_incidents_at_sea_at_a_point_of_the_sea()
    {
        var features = JsonDocument.Parse(Export("geojson")).RootElement.GetProperty("features").EnumerateArray().ToList();
        var atSea = features.Where(f => f.GetProperty("properties").GetProperty("precision").GetString() == "sea").ToList();
        var expected = data.Cross.Incidents.Where(i => !i.Mention && i.Location is { Precision: "sea", Latitude: not null }).Select(i => i.Id).ToList();
        expected.ShouldNotBeEmpty();
        atSea.Select(f => f.GetProperty("id").GetString()).ShouldBe(expected);
        atSea.Select(f => f.GetProperty("properties").GetProperty("place").GetString()).ShouldContain("Eastern Pacific");
        foreach (var feature in atSea)
        {
            var c = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var land = Crosscheck.Web.Maps.WorldMap.Default.CountryAt(Crosscheck.Web.Maps.WorldMap.Project(c[0], c[1]));
            land.ShouldBeNull($"{feature.GetProperty("properties").GetProperty("title").GetString()} is on {land?.Name}");
        }
    }

    [Fact]
    public void The_same_record_exports_the_same_bytes()
    {
        foreach (var format in new[] { "json", "acled-csv", "plover-json", "geojson" }) Export(format).ShouldBe(Export(format), format);
    }

    /// <summary>The samples ingested into PostgreSQL export the bytes their SQLite file exports, in every format.</summary>
    [PostgresFact]
    public void The_samples_export_the_same_bytes_from_postgresql_as_from_sqlite()
    {
        using var target = StoreTarget.Create(Backend.Postgres);
        var (code, _, stderr) = Run("ingest", SampleRecord.Directory, "--db", target.DbOption);
        code.ShouldBe(0, stderr);
        foreach (var format in new[] { "json", "acled-csv", "plover-json", "geojson" })
        {
            var sqlite = Run("export", "--format", format, "--db", data.Database);
            var postgres = Run("export", "--format", format, "--db", target.DbOption);
            (sqlite.Code, postgres.Code).ShouldBe((0, 0), postgres.Stderr);
            postgres.Stdout.ShouldBe(sqlite.Stdout, format);
        }
    }

    [Fact]
    public void Standard_output_gets_the_export_and_standard_error_the_count()
    {
        var (code, stdout, stderr) = Run("export", "--format", "plover-json", "--db", data.Database);
        code.ShouldBe(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(data.Events.Count);
        // The fixture's record never changes, so every export of it is its first version.
        stderr.Trim().ShouldStartWith($"crosscheck: exported {data.Events.Count} events (record version 1");
        stderr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void An_unwritable_output_is_one_clear_message()
    {
        var missing = Path.Combine(data.Out("no-such-folder"), "x.csv");
        var (code, stdout, stderr) = Run("export", "--format", "acled-csv", "--db", data.Database, "--out", missing);
        code.ShouldBe(CrosscheckCli.SomeFailed);
        stdout.ShouldBeEmpty();
        stderr.Trim().Split('\n').Single().ShouldBe($"crosscheck: {missing}: cannot write (no such directory {Path.GetDirectoryName(missing)})");
    }

    [Fact]
    public void A_missing_database_is_one_clear_message()
    {
        var missing = data.Out("absent.db");
        var (code, _, stderr) = Run("export", "--db", missing);
        code.ShouldBe(CrosscheckCli.SomeFailed);
        stderr.Trim().ShouldBe($"crosscheck: {missing}: no such database (run 'crosscheck ingest' first)");
        File.Exists(missing).ShouldBeFalse();
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
