using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;
using Crosscheck.Linking;

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
    /// <summary>What matching reads of an event, from the article's reading or from the record's stored facts.</summary>
    internal readonly record struct Anchor(bool AssertedAssault, DateOnly? Day, string? Precision, string? PlaceName, string? PlaceWords, string? Country)
    {
        public static Anchor Of(EventMention e) => new(e.Type == PloverType.Assault && e.Modality == Modality.Asserted, DayOf(e),
            e.Location?.Precision, e.Location?.Name, e.Location?.Span.Text, e.Location?.Country);

        public static Anchor Of(EventFacts e) => new(e.Type == PloverType.Assault && e.Modality == Modality.Asserted,
            e.Time is { Precision: "day", Start: { } s, End: { } end } && s == end ? s : null,
            e.Location?.Precision, e.Location?.Name, e.Location?.Text, e.Location?.Country);
    }

    /// <summary>The events of <paramref name="incident"/>, one of the article's <paramref name="reported"/> incidents.</summary>
    public static List<EventMention> EventsOf(IReadOnlyList<EventMention> events, RealnewsGold.Incident incident, IReadOnlyList<RealnewsGold.Incident> reported,
        bool useDate)
    {
        var result = new List<EventMention>();
        foreach (var e in events)
        {
            if (ReferenceEquals(OwnerOf(Anchor.Of(e), reported, useDate), incident)) result.Add(e);
        }
        return result;
    }

    /// <summary>
    /// The one reported incident an event belongs to, by the rules above (day and place, then the main incident);
    /// null when none, or when the event is not an asserted ASSAULT.
    /// </summary>
    public static RealnewsGold.Incident? OwnerOf(Anchor e, IReadOnlyList<RealnewsGold.Incident> reported, bool useDate)
    {
        if (!e.AssertedAssault) return null;
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

    private static bool Fits(Anchor e, RealnewsGold.Incident incident, bool useDate) =>
        useDate && e.Day is { } day && DayWithin(day, incident, 1) || Place(e, incident) > 0;

    private static bool Contradicts(Anchor e, RealnewsGold.Incident incident, bool useDate) =>
        useDate && e.Day is { } day && !DayWithin(day, incident, 1) || Place(e, incident) < 0;

    /// <summary>1 when the event's place is named in the incident's place, -1 when it names another, 0 when the event has none.</summary>
    private static int Place(Anchor e, RealnewsGold.Incident incident)
    {
        if (e.Precision is not { } precision) return 0;
        if (precision == "country")
        {
            var name = e.Country is { } code ? Gazetteer.Default.Country(code)?.Entity.Name : null;
            return name is null || incident.Country.Length == 0 ? 0 : name.Equals(incident.Country, StringComparison.OrdinalIgnoreCase) ? 0 : -1;
        }
        if (precision == "sea") return 0;
        // The gazetteer's name ("Khōst", "Kiev") or the article's words ("Khost", "Kyiv"), without accents.
        return Named(incident.Place, e.PlaceName, e.PlaceWords) ? 1 : -1;
    }

    /// <summary>Whether a place's name or words (three letters or more, accents ignored) occur in a gold place's words.</summary>
    public static bool Named(string goldPlace, params string?[] names)
    {
        var gold = Plain(goldPlace);
        foreach (var name in names)
        {
            var words = Plain(name ?? "");
            if (words.Length >= 3 && gold.Contains(words, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
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
