using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Web;

/// <summary>The pages of actors and targets over the analyzed samples: what each should list is read from the record's events.</summary>
[Collection(RecordWebCollection.Name)]
public sealed class EntityPagesTests(RecordWebFixture fixture)
{
    private RecordApp App => fixture.Shared;
    private SourcedRecord Record => App.Record;

    private Task<IDocument> Page(string path) => App.Client.GetPageAsync(path);

    private IReadOnlyList<EventFacts> AllEvents => Record.Events(new EventFilter(), 0, int.MaxValue).Items;

    /// <summary>The key of the participant the most events have, among those with an entity key.</summary>
    private string BusiestEntity() => AllEvents.SelectMany(e => e.Actors.Concat(e.Recipients)).Where(p => p.EntityKey != null)
        .GroupBy(ParticipantKeys.Of).OrderByDescending(g => g.Count()).First().Key;

    private static string Href(string key) => "/entities/" + Uri.EscapeDataString(key);

    [Fact]
    public async Task An_entity_page_lists_every_incident_and_report_it_acts_in_or_is_the_target_of()
    {
        var key = BusiestEntity();
        var events = AllEvents.Where(e => e.Actors.Concat(e.Recipients).Any(p => ParticipantKeys.Of(p) == key)).ToList();
        var incidents = events.Select(e => Record.IncidentOf(e.Id)).OfType<string>().Distinct().ToList();
        incidents.Count.ShouldBeGreaterThan(1);
        var page = await Page(Href(key) + "?limit=100");

        page.QuerySelector(".summary")!.GetAttribute("data-key").ShouldBe(key);
        var names = events.SelectMany(e => e.Actors.Concat(e.Recipients)).Where(p => ParticipantKeys.Of(p) == key).Select(p => p.Text).ToHashSet();
        names.ShouldContain(page.QuerySelector("h1")!.TextContent);
        page.QuerySelectorAll("li.incident[data-id]").Select(li => li.GetAttribute("data-id")).ShouldBe(incidents, ignoreOrder: true);
        page.QuerySelectorAll("li.entity-event").Select(li => li.GetAttribute("data-event")).ShouldBe(events.Select(e => e.Id), ignoreOrder: true);
        foreach (var ev in events)
        {
            var li = page.QuerySelector($"li.entity-event[data-event='{ev.Id}']")!;
            var actor = ev.Actors.Any(p => ParticipantKeys.Of(p) == key);
            var target = ev.Recipients.Any(p => ParticipantKeys.Of(p) == key);
            li.GetAttribute("data-role").ShouldBe(actor && target ? "actor and target" : actor ? "actor" : "target");
            if (Record.IncidentOf(ev.Id) is { } incident)
            {
                li.Closest("li.incident")!.GetAttribute("data-id").ShouldBe(incident);
                li.QuerySelector("a.report")!.GetAttribute("href").ShouldBe($"/incidents/{incident}#event-{ev.Id}");
            }
        }
        page.QuerySelector(".summary")!.TextContent.ShouldBe(
            $"Actor in {events.Count(e => e.Actors.Any(p => ParticipantKeys.Of(p) == key))} report{(events.Count(e => e.Actors.Any(p => ParticipantKeys.Of(p) == key)) == 1 ? "" : "s")}, " +
            $"target in {events.Count(e => e.Recipients.Any(p => ParticipantKeys.Of(p) == key))}, across {incidents.Count} incidents");
    }

    [Fact]
    public async Task The_incident_page_links_each_actor_and_target_to_its_page()
    {
        var incident = RecordPagesTests.DisputedIncident(App.Record.Snapshot());
        var page = await Page($"/incidents/{incident.Id}");
        var checkedOne = false;
        foreach (var eventId in incident.Events)
        {
            var ev = Record.Event(eventId)!;
            var links = page.QuerySelectorAll($"article.event[data-event='{eventId}'] dl.facts a.entity");
            links.Select(a => a.TextContent).ShouldBe(ev.Actors.Concat(ev.Recipients).Select(p => p.Text));
            links.Select(a => a.GetAttribute("href")).ShouldBe(ev.Actors.Concat(ev.Recipients).Select(p => Href(ParticipantKeys.Of(p))));
            foreach (var href in links.Select(a => a.GetAttribute("href")!).Take(1))
            {
                (await Page(href)).QuerySelector($"li.entity-event[data-event='{eventId}']").ShouldNotBeNull(href);
                checkedOne = true;
            }
        }
        checkedOne.ShouldBeTrue();
    }

    [Fact]
    public async Task Words_that_name_no_entity_have_a_page_too()
    {
        var words = AllEvents.SelectMany(e => e.Actors).First(p => p.EntityKey == null);
        var key = ParticipantKeys.Of(words);
        key.ShouldStartWith(ParticipantKeys.WordsPrefix);
        var page = await Page(Href(key));
        page.QuerySelectorAll("li.entity-event").ShouldNotBeEmpty();
        page.QuerySelector(".entity-meta code")!.TextContent.ShouldBe(key);
    }

    [Fact]
    public async Task An_entity_page_pages_its_incidents_and_refuses_bad_requests()
    {
        var key = BusiestEntity();
        var all = (await Page(Href(key) + "?limit=100")).QuerySelectorAll("li.incident").Select(li => li.GetAttribute("data-id")).ToList();
        var first = await Page(Href(key) + "?limit=1");
        first.QuerySelectorAll("li.incident").Select(li => li.GetAttribute("data-id")).ShouldBe(all.Take(1));
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe(Href(key) + "?offset=1&limit=1");
        var second = await Page(Href(key) + "?offset=1&limit=1");
        second.QuerySelectorAll("li.incident").Select(li => li.GetAttribute("data-id")).ShouldBe(all.Skip(1).Take(1));
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe(Href(key) + "?limit=1");

        (await App.Client.GetAsync(Href(key) + "?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.Client.GetAsync(Href("k:nobody-at-all"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = TestAccounts.KeyClient(App.BaseAddress, null);
        (await anonymous.GetAsync(Href(key))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
