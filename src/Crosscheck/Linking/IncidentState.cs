using Crosscheck.Language.Gazetteers;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>Whether an event is reported as fact or as something ahead (planned, weighed, conditional, ruled out).</summary>
internal enum ModalityClass
{
    Factual,
    Prospective,
}

/// <summary>
/// The mutable state of one incident inside the linker. Its events are kept in the linker's event order whatever
/// order they joined in, so an incident rebuilt from the store equals the one built live.
/// </summary>
internal sealed class IncidentState(string id, string story, Comparison<EventFacts> order)
{
    public string Id { get; } = id;
    /// <summary>The story of the incident's first report.</summary>
    public string Story { get; set; } = story;
    /// <summary>Every story one of its reports is in: the story lists the incident stands in.</summary>
    public HashSet<string> Stories { get; } = new(StringComparer.Ordinal);
    public List<EventFacts> Events { get; } = [];
    public List<IncidentLink> Links { get; } = [];
    public PloverType Type => Events[0].Type;
    public ModalityClass ModalityClass => IncidentMatcher.ClassOf(Events[0].Modality);
    /// <summary>As <see cref="IncidentSummarizer.ScopeOf"/> says, from the traits kept as reports join.</summary>
    public IncidentScope Scope => Events.Count > 0 && IncidentMatcher.ClassOf(Events[0].Modality) == ModalityClass.Factual && _traits.AnyPlural
        ? IncidentScope.Campaign : IncidentScope.Single;

    /// <summary>
    /// No report of it may start an incident (<see cref="IncidentAnchors.CanStart"/>, or its link made it a mention: an
    /// attack placed only by its country among several of its day) and no analyst set it apart by hand: mentions, not an incident.
    /// </summary>
    public bool IsMention
    {
        get
        {
            if (Events.Count == 0 || Links.Any(l => l.Reason.StartsWith("detached", StringComparison.Ordinal))) return false;
            for (var i = 0; i < Events.Count; i++)
            {
                if (IncidentAnchors.CanStart(Events[i]) && !Links[i].Reason.StartsWith("a mention", StringComparison.Ordinal)) return false;
            }
            return true;
        }
    }

    private IncidentTraits _traits = new();

    /// <summary>
    /// No report joined it for <see cref="CrossDocumentLinker.QuietDays"/> (and, for a series, its stories are over):
    /// nothing later changes it, and its campaign is the one it fitted then (<see cref="ClosedPartOf"/>).
    /// </summary>
    public bool Closed { get; set; }

    /// <summary>
    /// The campaign it was part of when it closed; kept when a report opens it again, as its campaign while no held
    /// campaign fits it (the one it had is closed, and with a store has left memory).
    /// </summary>
    public string? ClosedPartOf { get; set; }

    /// <summary>What the matcher needs of all the reports at once, kept up to date as they join.</summary>
    public IncidentTraits Traits => _traits;

    public void Add(EventFacts ev, IncidentLink link)
    {
        _traits.Add(ev);
        var at = Events.Count;
        while (at > 0 && order(Events[at - 1], ev) > 0) at--;
        Events.Insert(at, ev);
        Links.Insert(at, link);
    }

    public void Clear()
    {
        Events.Clear();
        Links.Clear();
        _traits = new IncidentTraits();
    }

    public void Remove(string eventId)
    {
        Events.RemoveAll(e => e.Id == eventId);
        Links.RemoveAll(l => l.Event == eventId);
        _traits = IncidentTraits.Of(Events);
        // Links that pointed at the removed event now point at the incident's first report.
        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i].JoinedTo == eventId) Links[i] = Links[i] with { JoinedTo = Events.Count > 0 && Events[0].Id != Links[i].Event ? Events[0].Id : null };
        }
    }
}

/// <summary>What the matcher needs of all an incident's reports at once, kept as reports join so it costs nothing per match.</summary>
internal sealed class IncidentTraits
{
    public bool AnyPlural { get; private set; }
    public bool AnySingle { get; private set; }
    /// <summary>The union of the reports' actor countries: the incident's sides.</summary>
    public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every country the reports involve: their actors', their targets' and their places' countries. A series of one
    /// side's attacks on another involves both.
    /// </summary>
    public HashSet<string> Involved { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of the reports' events each document gives: its reports, counted as they join.</summary>
    public Dictionary<string, int> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>How many reports name each place (by <see cref="PlaceKey"/>).</summary>
    public Dictionary<string, int> Places { get; } = new(StringComparer.Ordinal);

    /// <summary>The first and last day the reports speak of (their times, else the day they were reported).</summary>
    public DateOnly? First { get; private set; }
    public DateOnly? Last { get; private set; }

    /// <summary>
    /// The first and last day the reports of news speak of (not what a report recalls as background), or
    /// <see cref="First"/> and <see cref="Last"/> when every report is background: the days a series ran. A recalled
    /// month ("the clashes in October") speaks of the whole month, though the fighting may have ended on its 19th.
    /// </summary>
    public DateOnly? NewsFirst => _newsFirst ?? First;
    public DateOnly? NewsLast => _newsLast ?? Last;
    private DateOnly? _newsFirst;
    private DateOnly? _newsLast;

    /// <summary>The latest day one of the reports was published: whether the incident is still reported (see <see cref="CrossDocumentLinker.QuietDays"/>).</summary>
    public DateOnly? LastReported { get; private set; }

    /// <summary>The days an event speaks of: its resolved time, else the day its report was published.</summary>
    public static (DateOnly Start, DateOnly End)? Span(EventFacts ev) =>
        ev.Time is { Start: { } s, End: { } e } ? (s, e) : ev.Reported is { } r ? (r, r) : null;

    public void Add(EventFacts ev)
    {
        if (Span(ev) is { } span)
        {
            if (First is not { } f || span.Start < f) First = span.Start;
            if (Last is not { } l || span.End > l) Last = span.End;
            if (!string.Equals(ev.Salience, "background", StringComparison.Ordinal))
            {
                if (_newsFirst is not { } nf || span.Start < nf) _newsFirst = span.Start;
                if (_newsLast is not { } nl || span.End > nl) _newsLast = span.End;
            }
        }
        Documents[ev.Document] = Documents.GetValueOrDefault(ev.Document) + 1;
        if (ev.Reported is { } reported && (LastReported is not { } lr || reported > lr)) LastReported = reported;
        AnyPlural |= ev.Plural;
        AnySingle |= ev.Single;
        foreach (var a in ev.Actors) if (a.Country is { } c) { Countries.Add(c); Involved.Add(c); }
        foreach (var r in ev.Recipients) if (r.Country is { } c) Involved.Add(c);
        if (ev.Location?.Country is { } lc) Involved.Add(lc);
        foreach (var key in PlaceKeys(ev)) Places[key] = Places.GetValueOrDefault(key) + 1;
    }

    /// <summary>The place an event is filed under: its country, else its place name, lower-cased; null without a place.</summary>
    public static string? PlaceKey(EventFacts ev) =>
        ev.Location is { } l ? (l.Country ?? l.Name).ToLowerInvariant() : null;

    /// <summary>
    /// Every place an event is filed under: its <see cref="PlaceKey"/>, and for a sea the seas and oceans that hold it
    /// ("Eastern Pacific" also under "Pacific Ocean"), so a report naming the ocean and one naming its part find each
    /// other's incidents wherever their stories put them; and the village the gazetteers lack its words name. Empty without a place.
    /// </summary>
    public static IReadOnlyList<string> PlaceKeys(EventFacts ev)
    {
        var keys = OwnPlaceKeys(ev);
        // A village the gazetteers lack (<see cref="EventFacts.Locality"/>) too: a later report of it ("the death toll from
        // the attack on Kok-Tash") finds the attack's incident wherever its story puts it.
        return ev.Locality is { } locality ? [.. keys, LocalityKey(locality)] : keys;
    }

    /// <summary>The key a village the gazetteers lack is filed under; no place name starts with "@".</summary>
    public static string LocalityKey(string locality) => "@" + locality.ToLowerInvariant();

    private static IReadOnlyList<string> OwnPlaceKeys(EventFacts ev)
    {
        if (PlaceKey(ev) is not { } key) return [];
        if (ev.Location is not { Country: null, Precision: "sea" } sea) return [key];
        var containers = SeaParts.ContainersOf(sea.Name);
        if (containers.Count == 0) return [key];
        var keys = new List<string>(containers.Count + 1) { key };
        foreach (var c in containers) keys.Add(c.ToLowerInvariant());
        return keys;
    }

    public static IncidentTraits Of(IEnumerable<EventFacts> members)
    {
        var traits = new IncidentTraits();
        foreach (var m in members) traits.Add(m);
        return traits;
    }
}
