using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// Which of an article's events belong to a gold incident it reports. Only asserted ASSAULT events take part. An event
/// <em>fits</em> an incident when its day (a resolved one-day time) lies within the incident's date or span ±1 day, or
/// its place's name (the gazetteer's or the article's words, accents ignored) occurs in the incident's place (name and city); it <em>contradicts</em> the incident when its day
/// lies outside that window, or its place is a city, region or country that the incident's place does not name (a
/// country by its gazetteer name). An incident's events are those that fit it and do not contradict it; the
/// article's main incident (the first it reports) also takes the events that fit no incident and contradict it not,
/// since a report's events with no day or place of their own are mostly its news. An event belongs to one incident
/// only: of those it fits, the first whose place it names, else the main incident, else the first in the article's
/// order (one event's dead are never counted for several incidents of one day).
/// </summary>
internal static class RealnewsMatch
{
    /// <summary>The events of <paramref name="incident"/>, one of the article's <paramref name="reported"/> incidents.</summary>
    public static List<EventMention> EventsOf(IReadOnlyList<EventMention> events, RealnewsGold.Incident incident, IReadOnlyList<RealnewsGold.Incident> reported,
        bool useDate)
    {
        var result = new List<EventMention>();
        foreach (var e in events)
        {
            if (e.Type != PloverType.Assault || e.Modality != Modality.Asserted) continue;
            if (ReferenceEquals(Owner(e, reported, useDate), incident)) result.Add(e);
        }
        return result;
    }

    /// <summary>The one reported incident the event belongs to; null when none.</summary>
    private static RealnewsGold.Incident? Owner(EventMention e, IReadOnlyList<RealnewsGold.Incident> reported, bool useDate)
    {
        RealnewsGold.Incident? firstFit = null;
        var mainFits = false;
        for (var i = 0; i < reported.Count; i++)
        {
            var o = reported[i];
            if (Contradicts(e, o, useDate) || !Fits(e, o, useDate)) continue;
            if (Place(e, o) > 0) return o;
            firstFit ??= o;
            if (i == 0) mainFits = true;
        }
        if (mainFits) return reported[0];
        if (firstFit is not null) return firstFit;
        return reported.Count > 0 && !Contradicts(e, reported[0], useDate) ? reported[0] : null;
    }


    /// <summary>The event's day: the start of a resolved time of day precision; null otherwise.</summary>
    public static DateOnly? DayOf(EventMention e) =>
        e.Time is { Precision: TimePrecision.Day, Start: { } s, End: { } end } && s == end ? s : null;

    public static bool DayWithin(DateOnly day, RealnewsGold.Incident incident, int slack) =>
        day >= incident.Start.AddDays(-slack) && day <= incident.End.AddDays(slack);

    private static bool Fits(EventMention e, RealnewsGold.Incident incident, bool useDate) =>
        useDate && DayOf(e) is { } day && DayWithin(day, incident, 1) || Place(e, incident) > 0;

    private static bool Contradicts(EventMention e, RealnewsGold.Incident incident, bool useDate) =>
        useDate && DayOf(e) is { } day && !DayWithin(day, incident, 1) || Place(e, incident) < 0;

    /// <summary>1 when the event's place is named in the incident's place, -1 when it names another, 0 when the event has none.</summary>
    private static int Place(EventMention e, RealnewsGold.Incident incident)
    {
        if (e.Location is not { } place) return 0;
        if (place.Precision == "country")
        {
            var name = place.Country is { } code ? Gazetteer.Default.Country(code)?.Entity.Name : null;
            return name is null || incident.Country.Length == 0 ? 0 : name.Equals(incident.Country, StringComparison.OrdinalIgnoreCase) ? 0 : -1;
        }
        if (place.Precision == "sea") return 0;
        // The gazetteer's name ("Khōst", "Kiev") or the article's words ("Khost", "Kyiv"), without accents.
        var gold = Plain(incident.Place);
        foreach (var name in new[] { place.Name, place.Span.Text })
        {
            var words = Plain(name);
            if (words.Length >= 3 && gold.Contains(words, StringComparison.OrdinalIgnoreCase)) return 1;
        }
        return -1;
    }

    private static string Plain(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return sb.ToString();
    }
}
