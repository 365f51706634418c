using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The story and incident pages over the analyzed sample articles. What each page should show is read from the
/// record itself, so the tests hold whatever the samples say; the samples must only give a story of several
/// documents and an incident whose reports disagree on fatalities.
/// </summary>
[Collection(RecordWebCollection.Name)]
public sealed class RecordPagesTests(RecordWebFixture fixture)
{
    private RecordApp App => fixture.Shared;
    private CrossRecord Record => App.Record.Snapshot();

    private static Task<IDocument> Page(HttpClient client, string path) => client.GetPageAsync(path);

    private Task<IDocument> Page(string path) => Page(App.Client, path);

    /// <summary>The story of the most documents: the one the samples write about most.</summary>
    internal static Story BusiestStory(CrossRecord record) => record.Stories.OrderByDescending(s => s.Documents.Length).First();

    /// <summary>An incident of several reports that a party disputes (Venezuela disputing the first strike).</summary>
    internal static Incident DisputedIncident(CrossRecord record)
    {
        var disputed = record.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Dispute).Select(d => d.Incident).ToHashSet();
        var incident = record.Incidents.FirstOrDefault(i => disputed.Contains(i.Id) && i.Reports.Length >= 2);
        incident.ShouldNotBeNull("the samples give no incident of several reports with a dispute");
        return incident;
    }

    /// <summary>When the timeline places an incident: a day of its own words, else (no time, or one assumed from a publication or a report) its first report's.</summary>
    private static DateOnly? TimelineDate(Incident i) =>
        i.Time is { Start: { } start, Basis: null } ? start : i.Reports.Select(r => r.Published).Where(p => p is not null).Min();

    [Fact]
    public async Task The_stories_list_shows_each_story_with_its_documents_incidents_and_dates()
    {
        var stories = Record.Stories;
        stories.Length.ShouldBeGreaterThan(1);
        stories.Length.ShouldBeLessThanOrEqualTo(20);
        var page = await Page("/stories");
        page.QuerySelectorAll("header.site nav a").Select(a => a.GetAttribute("href")).ShouldBe(["/documents", "/stories", "/incidents", "/map", "/login"]);
        var rows = page.QuerySelectorAll("li.story");
        rows.Select(r => r.GetAttribute("data-id")).ShouldBe(stories.Select(s => s.Id));
        foreach (var (row, story) in rows.Zip(stories))
        {
            var link = row.QuerySelector("a.title")!;
            link.TextContent.ShouldBe(story.Title);
            link.GetAttribute("href").ShouldBe($"/stories/{story.Id}");
            row.QuerySelector(".documents")!.TextContent.ShouldBe($"{story.Documents.Length} document{(story.Documents.Length == 1 ? "" : "s")}");
            row.QuerySelector(".incidents")!.TextContent.ShouldBe($"{story.Incidents.Length} incident{(story.Incidents.Length == 1 ? "" : "s")}");
            row.QuerySelector(".span time")?.GetAttribute("datetime").ShouldBe(story.First?.ToString("yyyy-MM-dd"));
            if (story.First is not null) row.QuerySelector(".span time").ShouldNotBeNull();
        }
        page.QuerySelector(".summary")!.TextContent.ShouldBe($"Showing 1–{stories.Length} of {stories.Length} stories");
    }

    [Fact]
    public async Task The_stories_list_pages_and_refuses_a_bad_limit()
    {
        var stories = Record.Stories;
        var first = await Page("/stories?limit=1");
        first.QuerySelectorAll("li.story").Select(r => r.GetAttribute("data-id")).ShouldBe([stories[0].Id]);
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("/stories?offset=1&limit=1");
        first.QuerySelector("a[rel=prev]").ShouldBeNull();

        var second = await Page("/stories?offset=1&limit=1");
        second.QuerySelectorAll("li.story").Select(r => r.GetAttribute("data-id")).ShouldBe([stories[1].Id]);
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe("/stories?limit=1");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/stories?limit=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await App.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("limit must be a whole number from 1 to 100.");
    }

    [Fact]
    public async Task A_story_page_puts_its_incidents_on_a_timeline_in_date_order_with_the_undated_last()
    {
        var record = Record;
        var story = BusiestStory(record);
        story.Documents.Length.ShouldBeGreaterThan(2);
        var incidents = story.Incidents.Select(id => record.Incidents.Single(i => i.Id == id)).ToList();
        var expectedDated = incidents.Where(i => TimelineDate(i) is not null).OrderBy(TimelineDate).Select(i => i.Id).ToList();
        var expectedUndated = incidents.Where(i => TimelineDate(i) is null).Select(i => i.Id).ToList();
        expectedDated.Count.ShouldBeGreaterThan(1);

        var page = await Page($"/stories/{story.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(story.Title);
        var dated = page.QuerySelectorAll("ol.timeline > li.incident");
        dated.Select(c => c.GetAttribute("data-id")).ShouldBe(expectedDated);
        var dates = dated.Select(c => DateOnly.Parse(c.GetAttribute("data-date")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        dates.ShouldBe(dates.Order().ToList());
        page.QuerySelectorAll("section.undated li.incident").Select(c => c.GetAttribute("data-id")).ShouldBe(expectedUndated);
        page.QuerySelectorAll("section.undated li.incident[data-date]").Length.ShouldBe(0);

        foreach (var incident in incidents)
        {
            var card = page.QuerySelector($"li.incident[data-id='{incident.Id}']")!;
            card.QuerySelector("a.title")!.GetAttribute("href").ShouldBe($"/incidents/{incident.Id}");
            card.QuerySelector("a.title")!.TextContent.ShouldBe(incident.Title);
            var grade = card.QuerySelector(".grade")!;
            grade.TextContent.ShouldBe(Grades.Name(incident.Grade));
            grade.ClassList.ShouldContain($"grade-{Grades.Name(incident.Grade)}");
            grade.GetAttribute("title").ShouldBe(incident.GradeReason);
            card.QuerySelector(".type")!.TextContent.ShouldBe(PloverTypes.Name(incident.Type));
            card.QuerySelector(".modality")!.TextContent.ShouldBe(Modalities.Name(incident.Modality));
            card.QuerySelector(".scope")!.TextContent.ShouldBe(incident.Scope == IncidentScope.Campaign ? "campaign" : "single");
            card.QuerySelector(".sources")!.TextContent.ShouldStartWith($"{incident.IndependentSources} independent source");
            card.QuerySelector(".reports")!.TextContent.ShouldStartWith($"{incident.Reports.Length} report");
            if (incident.PartOf is { } campaign) card.QuerySelector(".part-of a")!.GetAttribute("href").ShouldBe($"/incidents/{campaign}");
            if (incident.Fatalities is { } f) card.QuerySelector(".fatalities")!.TextContent.ShouldContain(f.Best.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            else card.QuerySelector(".fatalities").ShouldBeNull();
            var kinds = record.Discrepancies.Where(d => d.Incident == incident.Id).Select(d => DiscrepancyKinds.Name(d.Kind)).Distinct();
            card.QuerySelectorAll(".flag").Select(f => f.GetAttribute("data-kind")).ShouldBe(kinds);
        }

        // The disputed incident of the samples is on this timeline, flagged.
        var disputed = DisputedIncident(record);
        page.QuerySelector($"li.incident[data-id='{disputed.Id}'] .flag[data-kind=dispute]").ShouldNotBeNull();

        page.QuerySelectorAll("li.story-document").Select(d => d.GetAttribute("data-id")).ShouldBe(story.Documents, ignoreOrder: true);
        foreach (var id in story.Documents) page.QuerySelector($"li.story-document[data-id='{id}'] a.title")!.GetAttribute("href").ShouldBe($"/documents/{id}");
    }

    [Fact]
    public async Task An_incident_page_sets_each_report_in_its_own_column_with_the_evidence_marked_in_the_article_text()
    {
        var incident = DisputedIncident(Record);
        var page = await Page($"/incidents/{incident.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(incident.Title);
        page.QuerySelector("a.back")!.GetAttribute("href").ShouldBe($"/stories/{incident.Story}");
        page.QuerySelector(".grade-line .grade")!.TextContent.ShouldBe(Grades.Name(incident.Grade));
        page.QuerySelector(".grade-reason")!.TextContent.ShouldBe(incident.GradeReason);
        page.QuerySelector(".independent-sources")!.TextContent.ShouldBe(incident.IndependentSources.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector(".origins")!.TextContent.ShouldBe(string.Join("; ", incident.Origins));
        var fatalities = incident.Fatalities!;
        page.QuerySelectorAll("dd.fatalities table.values tbody tr").Select(r => r.GetAttribute("data-document"))
            .ShouldBe(fatalities.BySource.Select(v => v.Document));
        page.QuerySelector("dd.fatalities .rule")!.TextContent.ShouldBe(fatalities.Rule);

        var columns = page.QuerySelectorAll(".reports > section.report");
        columns.Select(c => c.GetAttribute("data-document")).ShouldBe(incident.Reports.Select(r => r.Document));
        foreach (var (column, report) in columns.Zip(incident.Reports))
        {
            column.QuerySelector("h3 a")!.GetAttribute("href").ShouldBe($"/documents/{report.Document}");
            if (report.Outlet is { } outlet) column.QuerySelector("h3")!.TextContent.ShouldBe(outlet);
            var origin = column.QuerySelector(".origin")!.TextContent;
            origin.ShouldContain(report.Origin);
            origin.ShouldContain(report.OriginReason);
            column.QuerySelectorAll("article.event").Select(e => e.GetAttribute("data-event")).ShouldBe(report.Events);

            var document = fixture.Documents.Single(d => d.Id == report.Document);
            foreach (var eventId in report.Events)
            {
                var ev = App.Record.Event(eventId)!;
                var article = column.QuerySelector($"article.event[data-event='{eventId}']")!;
                var marks = article.QuerySelectorAll("blockquote.evidence mark");
                marks.Length.ShouldBe(1);
                // Exactly the evidence, at its place in the stored article.
                marks[0].TextContent.ShouldBe(ev.Evidence);
                document.Text[ev.Start..ev.End].ShouldBe(ev.Evidence);
                // The words around it are the article's own: the quoted text is a slice of the stored text.
                var quoted = article.QuerySelector("blockquote.evidence")!.TextContent.Trim('…', ' ');
                Squeeze(document.Text).ShouldContain(Squeeze(quoted));
                quoted.Length.ShouldBeGreaterThanOrEqualTo(ev.Evidence.Length);
                var facts = article.QuerySelector("dl.facts")!.TextContent;
                facts.ShouldContain(Modalities.Name(ev.Modality));
                facts.ShouldContain(AttributionKinds.Name(ev.AttributionKind));
                if (ev.Fatalities is { } f) facts.ShouldContain(f.Text);
                if (ev.Location is { } place) facts.ShouldContain(place.Name);
                if (ev.Time is { } time) facts.ShouldContain(time.Text);
            }
        }

        var links = page.QuerySelectorAll("table.links tr.link");
        links.Select(l => l.GetAttribute("data-event")).ShouldBe(incident.Links.Select(l => l.Event));
        foreach (var (row, link) in links.Zip(incident.Links)) row.Children[3].TextContent.ShouldBe(link.Reason);
    }

    [Fact]
    public async Task An_incident_page_flags_its_discrepancies_above_the_reports_with_every_value_and_its_source()
    {
        var record = Record;
        var incident = DisputedIncident(record);
        var discrepancies = record.Discrepancies.Where(d => d.Incident == incident.Id).ToList();
        var page = await Page($"/incidents/{incident.Id}");
        var section = page.QuerySelector("section.discrepancies")!;
        // At the top: before the first report.
        (section.CompareDocumentPosition(page.QuerySelector(".reports")!) & DocumentPositions.Following).ShouldBe(DocumentPositions.Following);
        var flagged = section.QuerySelectorAll(".discrepancy");
        flagged.Select(d => d.GetAttribute("data-id")).ShouldBe(discrepancies.Select(d => d.Id));
        foreach (var (element, discrepancy) in flagged.Zip(discrepancies))
        {
            element.GetAttribute("data-kind").ShouldBe(DiscrepancyKinds.Name(discrepancy.Kind));
            element.QuerySelector(".note")!.TextContent.ShouldBe(discrepancy.Note);
            var values = element.QuerySelectorAll("li.value");
            values.Length.ShouldBe(discrepancy.Values.Length);
            foreach (var (li, value) in values.Zip(discrepancy.Values))
            {
                li.GetAttribute("data-document").ShouldBe(value.Document);
                li.QuerySelector(".said")!.TextContent.ShouldBe(value.Value);
                li.QuerySelector("q.words")!.TextContent.ShouldBe(value.Text);
                if (value.Event is { } ev) li.QuerySelector("a.source")!.GetAttribute("href").ShouldBe($"#event-{ev}");
            }
        }
        var fatal = discrepancies.First(d => d.Kind == DiscrepancyKind.Dispute);
        fatal.Values.Select(v => v.Value).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_campaign_page_lists_its_running_tolls_in_order_with_those_behind_marked()
    {
        var campaign = Record.Incidents.Where(i => i.Tolls.Length > 1).OrderByDescending(i => i.Tolls.Length).First();
        var page = await Page($"/incidents/{campaign.Id}");
        var rows = page.QuerySelectorAll("dd.tolls tbody tr");
        rows.Select(r => r.GetAttribute("data-toll")).ShouldBe(campaign.Tolls.Select(t => t.Toll));
        rows.Select(r => r.ClassList.Contains("behind")).ShouldBe(campaign.Tolls.Select(t => t.Behind));
        rows.ShouldAllBe(r => r.QuerySelector("a") != null);
        // A single strike has no series.
        var single = Record.Incidents.First(i => i.Scope == IncidentScope.Single && !i.Mention);
        (await Page($"/incidents/{single.Id}")).QuerySelectorAll("dd.tolls").Length.ShouldBe(0);
    }

    [Fact]
    public async Task A_document_page_links_to_the_incidents_its_events_belong_to()
    {
        var record = Record;
        var incident = DisputedIncident(record);
        var documentId = incident.Documents[1];
        var page = await Page($"/documents/{documentId}");
        var expected = record.Incidents.Where(i => i.Documents.Contains(documentId)).Select(i => i.Id).ToList();
        expected.ShouldContain(incident.Id);
        page.QuerySelectorAll("li.doc-incident").Select(i => i.GetAttribute("data-id")).ShouldBe(expected);
        page.QuerySelector($"li.doc-incident[data-id='{incident.Id}'] a.title")!.GetAttribute("href").ShouldBe($"/incidents/{incident.Id}");
        page.QuerySelector($"li.doc-incident[data-id='{incident.Id}'] a.story")!.GetAttribute("href").ShouldBe($"/stories/{incident.Story}");
        var line = page.QuerySelector("dd.record-line")!;
        line.QuerySelector("a[href='#incidents']")!.TextContent.ShouldBe($"{expected.Count} incident{(expected.Count == 1 ? "" : "s")}");
        line.QuerySelector("a.story")!.GetAttribute("href").ShouldBe($"/stories/{incident.Story}");
        page.QuerySelector("section#incidents").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/stories/s-0000000000000000", "No such story")]
    [InlineData("/incidents/i-0000000000000000", "No such incident")]
    public async Task An_unknown_id_is_a_404_page_for_browsers_and_a_problem_for_others(string path, string title)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await App.Client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            page.QuerySelector(".problem h1")!.TextContent.ShouldBe(title);
        }
        using (var response = await App.Client.GetAsync(path))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("status").GetInt32().ShouldBe(404);
            problem.GetProperty("title").GetString().ShouldBe(title);
        }
    }

    [Fact]
    public async Task Detaching_an_event_through_its_form_moves_it_to_an_incident_of_its_own()
    {
        await using var app = await fixture.StartAsync(fixture.NewRecord());
        var incident = DisputedIncident(app.Record.Snapshot());
        var moved = incident.Reports[1].Events[0];
        var page = await Page(app.Client, $"/incidents/{incident.Id}");
        var form = page.QuerySelector($"article.event[data-event='{moved}'] form.detach")!;
        form.GetAttribute("method").ShouldBe("post");
        var action = form.GetAttribute("action")!;
        action.ShouldBe($"/incidents/{incident.Id}/events/{moved}/detach");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        fields.Count.ShouldBe(1);

        // Without the form's token (another site posting it) nothing happens.
        using (var forged = await app.Client.PostAsync(action, new FormUrlEncodedContent([])))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        using (var garbled = await app.Client.PostAsync(action, new StringContent("%zz&&=", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            garbled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        app.Record.Snapshot().Incidents.Single(i => i.Id == incident.Id).Events.ShouldContain(moved);

        using var response = await app.Client.PostAsync(action, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var after = app.Record.Snapshot();
        var alone = after.Incidents.Single(i => i.Events.Contains(moved));
        alone.Id.ShouldNotBe(incident.Id);
        alone.Events.ShouldBe([moved]);
        response.Headers.Location!.ToString().ShouldBe($"/incidents/{alone.Id}");
        after.Incidents.Single(i => i.Id == incident.Id).Events.ShouldNotContain(moved);

        var newPage = await Page(app.Client, $"/incidents/{alone.Id}");
        newPage.QuerySelectorAll("article.event").Select(e => e.GetAttribute("data-event")).ShouldBe([moved]);
        newPage.QuerySelector("form.detach").ShouldBeNull();
        newPage.QuerySelector("table.links tr.link")!.Children[3].TextContent.ShouldBe($"detached by hand from {incident.Id}");
        var oldPage = await Page(app.Client, $"/incidents/{incident.Id}");
        oldPage.QuerySelector($"article.event[data-event='{moved}']").ShouldBeNull();

        // The event is now alone: detaching it again is refused, and an event of another incident is not found.
        using (var again = await app.Client.PostAsync($"/incidents/{alone.Id}/events/{moved}/detach", new FormUrlEncodedContent(fields)))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        using (var elsewhere = await app.Client.PostAsync($"/incidents/{incident.Id}/events/{moved}/detach", new FormUrlEncodedContent(fields)))
        {
            elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Words_from_articles_never_become_markup()
    {
        const string Hostile = "<script>alert('x')</script> & <b>bold</b>";
        var record = new SourcedRecord(new CrossDocumentLinker());
        record.Add(new DocumentFacts
        {
            Id = "d-hostile",
            Outlet = Hostile,
            Title = Hostile,
            Published = new DateOnly(2025, 1, 2),
            Terms = [new WeightedKey("strike", 3)],
            Events = [Event("d-hostile", 0, Hostile, new DateOnly(2025, 1, 1)) with { Location = new PlaceFacts(Hostile, Hostile, null, "city", null, null) }],
        });
        await using var app = await fixture.StartAsync(record);
        var snapshot = record.Snapshot();
        foreach (var path in new[] { "/stories", $"/stories/{snapshot.Stories[0].Id}", $"/incidents/{snapshot.Incidents[0].Id}" })
        {
            using var response = await app.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<b>bold");
            var page = new HtmlParser().ParseDocument(html);
            page.QuerySelectorAll("script").Length.ShouldBe(0);
            page.Body!.TextContent.ShouldContain(Hostile);
        }
        // The document is not in the store: the evidence is still shown, marked, as text.
        var incidentPage = await Page(app.Client, $"/incidents/{snapshot.Incidents[0].Id}");
        incidentPage.QuerySelector("blockquote.evidence mark")!.TextContent.ShouldBe(Hostile);
    }

    [Fact]
    public async Task A_story_of_hundreds_of_incidents_renders_them_all_in_order()
    {
        const int Days = 400;
        var start = new DateOnly(2024, 1, 1);
        var events = Enumerable.Range(0, Days)
            // Added out of order, so the page must sort them.
            .Select(i => (i * 7919) % Days)
            // Three days apart: a day either way still counts as the same time.
            .Select(i => Event("d-many", i, $"The strike number {i} hit the port.", start.AddDays(3 * i)))
            .ToList();
        var record = new SourcedRecord(new CrossDocumentLinker());
        record.Add(new DocumentFacts { Id = "d-many", Title = "A year of strikes", Published = start.AddDays(3 * Days), Terms = [new WeightedKey("strike", 5)], Events = [.. events] });
        var story = record.Snapshot().Stories.Single();
        story.Incidents.Length.ShouldBe(Days);

        await using var app = await fixture.StartAsync(record);
        await Page(app.Client, $"/stories/{story.Id}"); // warm up
        var page = await Page(app.Client, $"/stories/{story.Id}");
        var dates = page.QuerySelectorAll("ol.timeline > li.incident").Select(c => c.GetAttribute("data-date")).ToList();
        dates.Count.ShouldBe(Days);
        dates.ShouldBe(Enumerable.Range(0, Days).Select(i => start.AddDays(3 * i).ToString("yyyy-MM-dd")));
    }

    private static EventFacts Event(string document, int n, string evidence, DateOnly day) => new()
    {
        Id = $"v-{document}-{n:D4}",
        Document = document,
        Type = PloverType.Assault,
        Modality = Modality.Asserted,
        AttributionKind = AttributionKind.Unattributed,
        Single = true,
        Segment = "body",
        Start = n * 100,
        End = n * 100 + evidence.Length,
        Evidence = evidence,
        Trigger = "strike",
        Time = new TimeFacts($"day {n}", day, day, "day"),
        // An attack with a day and no place is a mention; these are news of the port's strikes.
        Location = new PlaceFacts("the port", "Port Sudan", "SD", "city", 19.6, 37.2),
    };

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
