using System.Net;
using System.Text.Json;
using Crosscheck.Linking;
using Crosscheck.Storage;
using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Web;

/// <summary>The record's JSON API over HTTP: stories, incidents, events, the undo of a merge and the OpenAPI document.</summary>
public sealed class RecordApiTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    private static async Task<JsonElement> Json(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(status, path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if ((int)status >= 400) response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return body;
    }

    private Task<JsonElement> Json(string path, HttpStatusCode status = HttpStatusCode.OK) => Json(app.Client, path, status);

    private static List<string> Ids(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(s => s.GetString()!)];

    [Fact]
    public async Task Stories_are_listed_in_order_and_paged()
    {
        var stories = app.Record.Snapshot().Stories;
        stories.Length.ShouldBeGreaterThan(1);
        var all = await Json("/api/stories?limit=100");
        all.GetProperty("total").GetInt32().ShouldBe(stories.Length);
        Ids(all).ShouldBe(stories.Select(s => s.Id));
        var first = all.GetProperty("items")[0];
        first.GetProperty("title").GetString().ShouldBe(stories[0].Title);
        // A list gives counts and the story's own URL, where its documents and incidents are.
        first.GetProperty("documents").GetInt32().ShouldBe(stories[0].Documents.Length);
        first.GetProperty("incidents").GetInt32().ShouldBe(stories[0].Incidents.Length);
        var full = await Json(first.GetProperty("url").GetString()!);
        Strings(full.GetProperty("story").GetProperty("documents")).ShouldBe(stories[0].Documents);
        Strings(full.GetProperty("story").GetProperty("incidents")).ShouldBe(stories[0].Incidents);

        var second = await Json("/api/stories?offset=1&limit=1");
        Ids(second).ShouldBe([stories[1].Id]);
        second.GetProperty("offset").GetInt32().ShouldBe(1);
        second.GetProperty("limit").GetInt32().ShouldBe(1);
        second.GetProperty("total").GetInt32().ShouldBe(stories.Length);
        Ids(await Json("/api/stories?offset=100")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_story_comes_with_a_summary_of_each_incident()
    {
        var story = app.Record.Snapshot().Stories.OrderByDescending(s => s.Incidents.Length).First();
        var body = await Json($"/api/stories/{story.Id}");
        body.GetProperty("story").GetProperty("id").GetString().ShouldBe(story.Id);
        var incidents = body.GetProperty("incidents").EnumerateArray().ToList();
        incidents.Select(i => i.GetProperty("id").GetString()).ShouldBe(story.Incidents);
        var expected = app.Record.Incident(story.Incidents[0])!;
        incidents[0].GetProperty("grade").GetString().ShouldBe(Grades.Name(expected.Grade));
        incidents[0].GetProperty("independentSources").GetInt32().ShouldBe(expected.IndependentSources);
        incidents[0].GetProperty("events").GetInt32().ShouldBe(expected.Events.Length);
        incidents[0].TryGetProperty("links", out _).ShouldBeFalse();
        var full = await Json(incidents[0].GetProperty("url").GetString()!);
        Strings(full.GetProperty("incident").GetProperty("events")).ShouldBe(expected.Events);
    }

    [Fact]
    public async Task Incidents_are_paged_and_filtered_by_story()
    {
        var cross = app.Record.Snapshot();
        // Mentions (background, or no day or place, fitting no incident) are not listed.
        var listed = cross.Incidents.Where(i => !i.Mention).ToList();
        listed.Count.ShouldBeLessThan(cross.Incidents.Length);
        var all = await Json("/api/incidents?limit=100");
        all.GetProperty("total").GetInt32().ShouldBe(listed.Count);
        Ids(all).ShouldBe(listed.Take(100).Select(i => i.Id));
        Ids(await Json("/api/incidents?offset=2&limit=3")).ShouldBe(listed.Skip(2).Take(3).Select(i => i.Id));

        var story = cross.Stories.First(s => s.Incidents.Length >= 2);
        var ofStory = await Json($"/api/incidents?story={story.Id}&limit=100");
        ofStory.GetProperty("total").GetInt32().ShouldBe(story.Incidents.Length);
        Ids(ofStory).ShouldBe(story.Incidents);
        Ids(await Json($"/api/incidents?story={story.Id}&offset=1&limit=1")).ShouldBe([story.Incidents[1]]);
    }

    [Fact]
    public async Task A_campaign_comes_with_its_toll_series_and_a_mention_is_marked()
    {
        var cross = app.Record.Snapshot();
        var campaign = cross.Incidents.Where(i => i.Scope == IncidentScope.Campaign && i.Tolls.Length > 1).OrderByDescending(i => i.Tolls.Length).First();
        var tolls = (await Json($"/api/incidents/{campaign.Id}")).GetProperty("incident").GetProperty("tolls").EnumerateArray().ToList();
        tolls.Select(t => t.GetProperty("toll").GetString()).ShouldBe(campaign.Tolls.Select(t => t.Toll));
        tolls.Select(t => t.GetProperty("min").GetDecimal()).ShouldBe(campaign.Tolls.Select(t => t.Min));
        tolls.Select(t => t.GetProperty("behind").GetBoolean()).ShouldBe(campaign.Tolls.Select(t => t.Behind));
        var latest = campaign.Tolls.Last(t => t.Counts == Crosscheck.Events.TollMeasure.Killed && !t.Behind);
        campaign.Fatalities!.Best.ShouldBe(latest.Min);

        var mention = cross.Incidents.First(i => i.Mention);
        (await Json($"/api/incidents/{mention.Id}")).GetProperty("incident").GetProperty("mention").GetBoolean().ShouldBeTrue();
        (await Json($"/api/incidents/{campaign.Id}")).GetProperty("incident").GetProperty("mention").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_incident_comes_with_its_events_sources_links_and_discrepancies()
    {
        var cross = app.Record.Snapshot();
        // The incident of the first discrepancy, else the one with the most reports: since running tolls are tolls and
        // articles are dated from their file names (2026-12-04) the samples may hold no discrepancy at all.
        var incident = cross.Discrepancies.Length > 0
            ? cross.Incidents.Single(i => i.Id == cross.Discrepancies[0].Incident)
            : cross.Incidents.OrderByDescending(i => i.Events.Length).First();
        var body = await Json($"/api/incidents/{incident.Id}");

        var summary = body.GetProperty("incident");
        summary.GetProperty("id").GetString().ShouldBe(incident.Id);
        summary.GetProperty("type").GetString().ShouldBe(Crosscheck.Events.PloverTypes.Name(incident.Type));
        summary.GetProperty("independentSources").GetInt32().ShouldBe(incident.IndependentSources);
        summary.GetProperty("grade").GetString().ShouldBe(Grades.Name(incident.Grade));
        summary.TryGetProperty("partOf", out _).ShouldBeTrue();
        var links = summary.GetProperty("links").EnumerateArray().ToList();
        links.Select(l => l.GetProperty("event").GetString()).ShouldBe(incident.Events);
        links[0].GetProperty("reason").GetString().ShouldBe(incident.Links[0].Reason);
        summary.GetProperty("reports").GetArrayLength().ShouldBe(incident.Reports.Length);

        var events = body.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("id").GetString()).ShouldBe(incident.Events);
        foreach (var e in events)
        {
            var facts = app.Record.Event(e.GetProperty("id").GetString()!)!;
            e.GetProperty("incident").GetString().ShouldBe(incident.Id);
            e.GetProperty("evidence").GetProperty("text").GetString().ShouldBe(facts.Evidence);
            e.GetProperty("evidence").GetProperty("start").GetInt32().ShouldBe(facts.Start);
            e.GetProperty("modality").GetString().ShouldBe(Crosscheck.Events.Modalities.Name(facts.Modality));
            e.GetProperty("attribution").GetProperty("kind").GetString().ShouldBe(Crosscheck.Events.AttributionKinds.Name(facts.AttributionKind));
        }

        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        sources.Select(s => s.GetProperty("document").GetString()).ShouldBe(incident.Documents);
        sources[0].GetProperty("outlet").GetString().ShouldBe(app.Record.Facts(incident.Documents[0])!.Outlet);

        var discrepancies = body.GetProperty("discrepancies").EnumerateArray().ToList();
        discrepancies.Select(d => d.GetProperty("id").GetString()).ShouldBe(cross.Discrepancies.Where(d => d.Incident == incident.Id).Select(d => d.Id));
        if (cross.Discrepancies.Length > 0)
        {
            discrepancies[0].GetProperty("kind").GetString().ShouldBe(DiscrepancyKinds.Name(cross.Discrepancies[0].Kind));
            discrepancies[0].GetProperty("values").GetArrayLength().ShouldBeGreaterThan(1);
        }
    }

    [Theory]
    [InlineData("/api/stories/s-0000000000000000", "No such story")]
    [InlineData("/api/incidents/i-0000000000000000", "No such incident")]
    [InlineData("/api/incidents?story=s-0000000000000000", "No such story")]
    public async Task Unknown_ids_are_404_problems(string path, string title)
    {
        var problem = await Json(path, HttpStatusCode.NotFound);
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString()!.ShouldContain("0000000000000000");
    }

    [Theory]
    [InlineData("/api/stories?offset=-1", "offset")]
    [InlineData("/api/stories?limit=0", "limit")]
    [InlineData("/api/incidents?limit=101", "limit")]
    [InlineData("/api/incidents?offset=ten", "offset")]
    [InlineData("/api/events?limit=x", "limit")]
    [InlineData("/api/events?type=BOMBING", "type")]
    [InlineData("/api/events?modality=likely", "modality")]
    [InlineData("/api/events?from=2025-02-30", "from")]
    [InlineData("/api/events?to=yesterday", "to")]
    [InlineData("/api/events?from=2025-11-01&to=2025-10-01", "to")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var problem = await Json(path, HttpStatusCode.BadRequest);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe([parameter]);
        errors.GetProperty(parameter)[0].GetString()!.ShouldContain(parameter);
    }

    [Fact]
    public async Task Events_are_filtered_by_type_modality_place_time_actor_and_text()
    {
        var all = await AllEvents("");
        all.Count.ShouldBe(app.Record.Snapshot().Incidents.Sum(i => i.Events.Length));

        async Task Check(string query, Func<JsonElement, bool> passes)
        {
            var expected = all.Where(passes).Select(e => e.GetProperty("id").GetString()).ToList();
            expected.ShouldNotBeEmpty(query);
            expected.Count.ShouldBeLessThan(all.Count, query);
            (await AllEvents(query)).Select(e => e.GetProperty("id").GetString()).ShouldBe(expected, query);
        }

        await Check("type=assault", e => e.GetProperty("type").GetString() == "ASSAULT");
        await Check("modality=planned", e => e.GetProperty("modality").GetString() == "planned");
        await Check("place=caribbean", e => e.GetProperty("location") is { ValueKind: JsonValueKind.Object } l
            && (Has(l, "name", "caribbean") || Has(l, "text", "caribbean") || string.Equals(l.GetProperty("country").GetString(), "caribbean", StringComparison.OrdinalIgnoreCase)));
        await Check("actor=sheinbaum", e => e.GetProperty("actors").EnumerateArray().Any(a => Has(a, "text", "sheinbaum")));
        await Check("q=boat", e => Has(e.GetProperty("evidence"), "text", "boat"));
        await Check("from=2025-10-01&to=2025-10-31", e => e.GetProperty("time") is { ValueKind: JsonValueKind.Object } t
            && t.GetProperty("end").GetString() is { } end && string.CompareOrdinal(end, "2025-10-01") >= 0
            && t.GetProperty("start").GetString() is { } start && string.CompareOrdinal(start, "2025-10-31") <= 0);
        await Check("type=ASSAULT&modality=asserted&q=strike", e => e.GetProperty("type").GetString() == "ASSAULT"
            && e.GetProperty("modality").GetString() == "asserted" && Has(e.GetProperty("evidence"), "text", "strike"));
    }

    private static bool Has(JsonElement e, string property, string word) =>
        e.GetProperty(property).GetString()?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;

    private async Task<List<JsonElement>> AllEvents(string query)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var page = await Json($"/api/events?{query}&offset={events.Count}&limit=100");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            events.AddRange(items);
            if (items.Count == 0 || events.Count >= page.GetProperty("total").GetInt32()) return events;
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_API_path()
    {
        var doc = await Json("/openapi/v1.json");
        doc.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        new[]
        {
            "/api/documents", "/api/documents/{id}", "/api/stories", "/api/stories/{id}", "/api/incidents", "/api/incidents/{id}",
            "/api/incidents/{id}/events/{eventId}/detach", "/api/events", "/api/incidents/{id}/decisions", "/api/events/{id}/decisions",
            "/api/decisions/{number}/revert", "/api/incidents/{id}/history",
        }.ShouldBeSubsetOf(paths);
        var events = doc.GetProperty("paths").GetProperty("/api/events").GetProperty("get");
        events.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["type", "modality", "place", "from", "to", "actor", "q", "offset", "limit"], ignoreOrder: true);
        doc.GetProperty("paths").GetProperty("/api/incidents/{id}/events/{eventId}/detach").TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Detaching_an_event_undoes_its_merge_and_is_kept()
    {
        var (client, record, path) = await app.StartCopyAsync("detach.db");
        var merged = record.Snapshot().Incidents.First(i => i.Events.Length >= 3);
        var moved = merged.Events[1];

        using (var response = await client.PostAsync($"/api/incidents/{merged.Id}/events/{moved}/detach", null))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var newId = created.GetProperty("id").GetString()!;
            response.Headers.Location!.ToString().ShouldBe($"/api/incidents/{newId}");
            Strings(created.GetProperty("events")).ShouldBe([moved]);
            created.GetProperty("links")[0].GetProperty("reason").GetString()!.ShouldStartWith("detached");

            var old = await Json(client, $"/api/incidents/{merged.Id}");
            Strings(old.GetProperty("incident").GetProperty("events")).ShouldBe(merged.Events.Where(e => e != moved));
            var alone = await Json(client, $"/api/incidents/{newId}");
            alone.GetProperty("events")[0].GetProperty("id").GetString().ShouldBe(moved);
            (await Json(client, $"/api/incidents?story={merged.Story}&limit=100")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()).ShouldContain(newId);

            // The event has left: undoing the same merge again finds nothing; a lone event has no merge to undo.
            (await Post(client, $"/api/incidents/{merged.Id}/events/{moved}/detach")).ShouldBe(HttpStatusCode.NotFound);
            (await Post(client, $"/api/incidents/{newId}/events/{moved}/detach")).ShouldBe(HttpStatusCode.Conflict);
            (await Post(client, $"/api/incidents/i-0000000000000000/events/{moved}/detach")).ShouldBe(HttpStatusCode.NotFound);

            // Saved: the database loads back with the event on its own.
            using var store = DocumentStore.Open(path);
            var reloaded = RecordLoader.Load(store).Record;
            reloaded.Incident(newId)!.Events.ShouldBe([moved]);
            reloaded.Incident(merged.Id)!.Events.ShouldNotContain(moved);
        }
    }

    private static async Task<HttpStatusCode> Post(HttpClient client, string path)
    {
        using var response = await client.PostAsync(path, null);
        if (!response.IsSuccessStatusCode)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        return response.StatusCode;
    }

    [Fact]
    public async Task The_served_record_is_the_one_the_linker_builds()
    {
        SampleRecord.CrossJsonOf(app.Record.Snapshot()).ShouldBe(SampleRecord.ExpectedCrossJson);
        var first = await Json("/api/incidents?limit=1");
        first.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(app.Record.Snapshot().Incidents.First(i => !i.Mention).Id);
    }
}
