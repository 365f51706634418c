using Crosscheck.Language.Gazetteers;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// What ties a report to one real event: an anchored day and a place. An incident is one event at one place on one
/// day (a night or two days at most); a report of many events without such a day ("the 15 strikes since September")
/// is a series; a report that is background, or that names neither a day nor a place, starts no incident: it is a
/// mention, which joins an incident that fits it or stays a mention.
/// </summary>
public static class IncidentAnchors
{
    /// <summary>The most days a time may span and still be one incident's day ("the night of 13-14 November").</summary>
    public const int MaxAnchoredSpanDays = 1;

    /// <summary>How many days apart two reports' days may be and still be one incident's.</summary>
    public const int DaySlack = 1;

    /// <summary>
    /// The days an event's time pins it to, or null when it has none: a resolved time of one day or a night from the
    /// article's words; a day assumed from the publication date, or the day of the report that tells the event, covers
    /// that day and the day before (most such news is of that day or the day before it).
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Days(EventFacts ev)
    {
        if (ev.Time is not { Start: { } s, End: { } e } time || e.DayNumber - s.DayNumber > MaxAnchoredSpanDays || AfterItsReport(ev)) return null;
        return time.Basis is null ? (s, e) : (s.AddDays(-1), e);
    }

    /// <summary>
    /// Whether an event reported as fact is dated more than a day after the report that tells it ("the victims of the attack
    /// in X", in a sentence whose "Monday" is the day of a match scheduled after the report): that day is another word's,
    /// not the event's, which has no day of its own. A day's grace for a publication date a time zone behind.
    /// </summary>
    public static bool AfterItsReport(EventFacts ev) =>
        ev.Reported is { } reported && ev.Time?.Start is { } start && start.DayNumber > reported.DayNumber + 1
        && IncidentMatcher.ClassOf(ev.Modality) == ModalityClass.Factual;

    /// <summary>Whether the two events' days lie within <see cref="DaySlack"/> of each other; null when one has no day.</summary>
    public static bool? DaysAgree(EventFacts a, EventFacts b)
    {
        if (Days(a) is not { } da || Days(b) is not { } db) return null;
        return da.Start.DayNumber <= db.End.DayNumber + DaySlack && db.Start.DayNumber <= da.End.DayNumber + DaySlack;
    }

    /// <summary>
    /// A report of many events on one anchored day ("three strikes on four boats on Monday") is one incident of that
    /// day, not the series: the linker reads it as single; unless its sentence places them in two seas
    /// (<see cref="EventFacts.Spread"/>), which are two incidents of that day. A count from a start ("31 people have been
    /// wounded in the fighting since Tuesday", told on Wednesday) is a tally of the days since, however few.
    /// </summary>
    public static EventFacts AsLinked(EventFacts ev) =>
        ev.Plural && !ev.Spread && !ev.Habitual && IncidentMatcher.ClassOf(ev.Modality) == ModalityClass.Factual && Days(ev) is not null && ev.Time?.Basis is null
        && ev.Time?.Text.StartsWith("since ", StringComparison.OrdinalIgnoreCase) != true
            ? ev with { Plural = false, Single = true }
            : ev;

    /// <summary>
    /// Whether the event may start an incident: it is the document's news (not background) and, when it is one
    /// event reported as fact, it has a day or a place; an attack, which is always somewhere on some day, needs a place
    /// ("two civilians were killed overnight" says when, not where: it joins the attack of that day its report or another
    /// places, or stays a mention), and a day from its words, not the publication's ("explosions in Kabul killed five",
    /// recalled in a report of talks days later); one with no time at all ("the escalation was triggered by attacks in
    /// Pakistan") is no more anchored, and joins an attack its own report dates or stays a mention. Background starts none, except one past event of fact that the words date to a
    /// day and place ("the Sept. 15 strike in the Caribbean, which killed three"): a report of that event, which may
    /// have no other in the record.
    /// </summary>
    public static bool CanStart(EventFacts ev)
    {
        var factualSingle = IncidentMatcher.ClassOf(ev.Modality) == ModalityClass.Factual && !ev.Plural;
        // "Pakistan rejected the allegations that militants carried out the ambush": the dispute of the ambush's incident.
        if (ev.Disputing) return false;
        // "Troops repelled the attack and killed 40 insurgents": the attack's aftermath (EventFacts.Riposte).
        if (ev.Riposte) return false;
        // "The escalation follows a clash on Tuesday night in X": the context the news is told against, however dated and placed;
        // unless the words give that attack's own dead ("The strike follows one on Sept. 15, which killed three men"), a report
        // of it which may be the only one in the record.
        // Only attacks: "the breakthrough came after negotiations in Doha" tells talks that are news of their own.
        if (ev.Antecedent && factualSingle && ev.Type == PloverType.Assault && ev.Fatalities is not { Max: > 0 } && ev.Fatalities is not { Min: > 0 }) return false;
        if (string.Equals(ev.Salience, "background", StringComparison.Ordinal))
        {
            return factualSingle && ev.Time?.Basis is null && Days(ev) is not null && ev.Location is not null;
        }
        // The day must be one (or a night): "a strike that killed 21 earlier this week" spans days, and joins the attack of
        // a day within them at its place (IncidentMatcher) or stays a mention.
        if (factualSingle && ev.Type == PloverType.Assault) return ev.Location is not null && ev.Time is { Start: not null, Basis: not TimeBases.Publication } && Days(ev) is not null;
        // A series of attacks is anchored by its period or its dead ("16 strikes since February", "the raids have killed 60"):
        // "The three strikes hit four vessels", with neither, tells again the attacks its report dates, and starts nothing.
        if (ev.Type == PloverType.Assault && ev.Plural && IncidentMatcher.ClassOf(ev.Modality) == ModalityClass.Factual
            && ev.Time is null && ev.Fatalities is null && ev.Injured is null) return false;
        return !factualSingle || Days(ev) is not null || ev.Location is not null;
    }

    /// <summary>
    /// Two seas (or sea regions) that are not one another: different names whose points lie more than
    /// <see cref="SeaApartKm"/> apart ("the Caribbean" and "the Eastern Pacific"). "International waters" placed by the
    /// coast its sentence names is where that coast's sea is; a sea without a point is never called different.
    /// </summary>
    public static bool DifferentSeas(PlaceFacts a, PlaceFacts b) =>
        a.Precision == "sea" && b.Precision == "sea" && !SamePlaceName(a.Name, b.Name)
        // "the Pacific" holds "the eastern Pacific": an ocean's point is far from its seas' but names no other water.
        && !SeaParts.OneHoldsTheOther(a.Name, b.Name)
        && (a.Latitude, a.Longitude, b.Latitude, b.Longitude) is (double la, double lo, double lb, double lob)
        && GeoDistance.Kilometres(la, lo, lb, lob) > SeaApartKm;

    /// <summary>How far apart two seas' points are for two single events there to be two events.</summary>
    public const double SeaApartKm = 800;

    /// <summary>
    /// A sea and a town or division on land farther from the sea's point than its shores reach (<c>reach=</c> in the
    /// places file) and <see cref="InlandKm"/> more: a ship hit in the Red Sea and a roadside bomb in eastern Syria are
    /// two places, while a port on the sea, or a town near its coast, may be where a report puts an attack at sea.
    /// An ocean has no reach, so nothing is too far from it.
    /// </summary>
    public static bool InlandFromSea(PlaceFacts sea, PlaceFacts land)
    {
        if (sea.Precision != "sea" || land.Country is null || land.Precision is not ("city" or "point" or "admin1")) return false;
        if (SeaParts.ReachKm(sea.Name) is not { } reach || (sea.Latitude, sea.Longitude) is not (double la, double lo)) return false;
        // A division without a point of its own is as near the sea as its nearest town.
        var points = (land.Latitude, land.Longitude) is (double lb, double lob) ? [(lb, lob)] : PlaceDivisions.TownPoints(land).ToList();
        return points.Count > 0 && points.TrueForAll(p => GeoDistance.Kilometres(la, lo, p.Item1, p.Item2) > reach + InlandKm);
    }

    /// <summary>How far inland from a sea's farthest shore a place may lie and still be where a report puts an attack at sea.</summary>
    public const double InlandKm = 200;

    /// <summary>The same name, or one the start of the other ("the Caribbean" and "the Caribbean Sea").</summary>
    public static bool SamePlaceName(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        return a.Length > 3 && b.Length > 3
            && (a.StartsWith(b, StringComparison.OrdinalIgnoreCase) || b.StartsWith(a, StringComparison.OrdinalIgnoreCase));
    }
}
