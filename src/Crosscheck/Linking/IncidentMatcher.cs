using Crosscheck.Language.Gazetteers;
using System.Text;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Decides whether an event reports an incident already known, and says why. The rules, in order:
/// <list type="number">
/// <item>Same PLOVER type and the same modality class: reported as fact (asserted, denied) or as ahead (planned,
/// considered, hypothetical, negated). A plan and the attack it planned are two incidents.</item>
/// <item>Scope: an event that singles out one of a series ("the latest", a strike on one day) never joins a
/// series reported as a whole ("the 15 strikes since September"), and the reverse; the single one is linked to
/// its series as <see cref="Incident.PartOf"/> instead, so a campaign's tally is never added to its parts.</item>
/// <item>No conflict: a single event is at one place on one day, so places in different countries, two named seas,
/// or days more than a day apart (<see cref="IncidentAnchors"/>) keep two reports apart, as do actors from disjoint
/// countries (unless place and day both agree: then the reports compete about who); a series spans places and weeks.</item>
/// <item>Enough in common: the same story and type already suffice for plans and for series; a single event of
/// fact must share its day (±1), or, having no day of its own, be told in the same report.</item>
/// </list>
/// </summary>
public static class IncidentMatcher
{
    /// <summary>The most days between a report of a series and the days the series speaks of for it to be the same series.</summary>
    public const int SeriesGapDays = 31;

    /// <summary>The least score that joins an event to an incident.</summary>
    public const double JoinThreshold = 0.3;

    private const double Base = 0.3;

    /// <summary>A candidate join: the score, the event of the incident that fits best, and why.</summary>
    public readonly record struct MatchResult(double Score, string Event, string Reason, bool ActorsDisagree)
    {
        /// <summary>What the event shares with the incident's report it fits best.</summary>
        public SharedFacts Shared { get; init; }
    }

    /// <summary>The facts two reports share, beyond type and modality class.</summary>
    [Flags]
    public enum SharedFacts
    {
        None = 0,
        Place = 1,
        Country = 2,
        Time = 4,
        Actor = 8,
    }

    internal static ModalityClass ClassOf(Modality modality) => modality is Modality.Asserted or Modality.Denied
        ? ModalityClass.Factual : ModalityClass.Prospective;

    /// <summary>
    /// The most reports of one incident an event is compared with one by one. An incident larger than this (a long
    /// series, or a document of thousands of reports) is compared through its first and its latest reports, so
    /// linking costs the same per event however large an incident grows.
    /// </summary>
    internal const int MaxCompared = 128;

    private static IEnumerable<EventFacts> Compared(IReadOnlyList<EventFacts> members)
    {
        if (members.Count <= MaxCompared)
        {
            for (var i = 0; i < members.Count; i++) yield return members[i];
            yield break;
        }
        for (var i = 0; i < MaxCompared / 2; i++) yield return members[i];
        for (var i = members.Count - MaxCompared / 2; i < members.Count; i++) yield return members[i];
    }

    /// <summary>How well <paramref name="ev"/> fits the incident made of <paramref name="members"/>; null when it must stay apart.</summary>
    public static MatchResult? Match(EventFacts ev, IReadOnlyList<EventFacts> members) => Match(ev, members, null);

    /// <summary>
    /// As <see cref="Match(EventFacts, IReadOnlyList{EventFacts})"/>, with the members' traits when the caller keeps them.
    /// <paramref name="asPart"/>: the event is a single one asked as a part of the series (<see cref="Incident.PartOf"/>),
    /// which reports of a series told up to their day ("has carried out 21 strikes") take in however long before.
    /// </summary>
    internal static MatchResult? Match(EventFacts ev, IReadOnlyList<EventFacts> members, IncidentTraits? traits, bool asPart = false)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0 || members[0].Type != ev.Type) return null;
        // The forces' answer to an attack is not that attack: its dead are the attackers (EventFacts.Riposte).
        if (ev.Riposte != members[0].Riposte) return null;
        var cls = ClassOf(ev.Modality);
        if (ClassOf(members[0].Modality) != cls) return null;
        traits ??= IncidentTraits.Of(members);
        // Scope matters for what is reported as fact; a plan is one plan however many strikes it foresees.
        var factual = cls == ModalityClass.Factual;
        var incidentPlural = factual && traits.AnyPlural;
        var incidentSingle = factual && traits.AnySingle && !incidentPlural;
        if (factual && ev.Single && incidentPlural) return null;
        if (factual && ev.Plural && incidentSingle) return null;
        // A series is one run of events: reports of a series more than a month before or after everything the series
        // reports as news so far are another round of it ("the July war" and "the December fighting"); what its reports
        // recall as background ("the clashes in October", read in November) does not stretch its days.
        // A part, though, is of the series that tells it up to its day: a strike two months before the only report of a
        // campaign ("has carried out at least 21 strikes", read in November) is one of them; one after is a later round's.
        if (factual && ev.Plural && incidentPlural && IncidentTraits.Span(ev) is { } span && traits.NewsFirst is { } first && traits.NewsLast is { } last
            && (span.Start.DayNumber > last.DayNumber + SeriesGapDays || (!asPart && span.End.DayNumber < first.DayNumber - SeriesGapDays))) return null;

        // Actors: the incident's sides are the union of its events' actor countries.
        var incidentCountries = traits.Countries;
        var eventCountries = ev.Actors.Select(a => a.Country).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var actorsDisagree = incidentCountries.Count > 0 && eventCountries.Count > 0 && !incidentCountries.Overlaps(eventCountries);
        // Fighting has two sides: a series of attacks' report by a side the series already involves (the country of its
        // targets or places) is the other side of that fighting ("the Afghan attacks" beside "Pakistani strikes in
        // Kandahar"), one episode, not another series.
        var otherSide = actorsDisagree && factual && ev.Plural && incidentPlural && ev.Type == PloverType.Assault && traits.Involved.Overlaps(eventCountries);
        if (otherSide) actorsDisagree = false;
        // A series spans places, but within the countries its fighting involves: a report of many attacks (or a single one
        // asked as a part) placed in a country the series does not involve, by no side or target of those countries, is
        // another war's ("air attacks near a Burmese town" beside a Sahel army's losses).
        if (factual && ev.Plural && incidentPlural && OutsideSeries(ev, traits)) return null;
        // A party's denial with no day of its own is of reports naming that party, not of others' deeds at its place.
        if (factual && IncidentDenials.Apart(ev, members, ev.Plural || incidentPlural)) return null;

        // A single attack of fact with a day of its own is tied to an incident by a report of its day: of the incident's
        // reports, one sharing its day fits it before one that shares only the place (a line of the first report with no day,
        // "fighting there since the coup", scoring higher on the place alone must not hide the report of the attack's day).
        var singleOfFact = factual && !ev.Plural && !incidentPlural;
        // (A day assumed from the publication or report is no day of its own.)
        var ownDay = ev.Time?.Basis is null ? IncidentAnchors.Days(ev) : null;
        var byDay = singleOfFact && ownDay is not null;
        MatchResult? best = null;
        MatchResult? bestOfDay = null;
        // A report that names the event's village among the incident's ties the village to the incident's city.
        var villageTied = ev.Locality is not null && members.Any(m => SameLocality(ev, m) == true);
        // A report of the incident that names the event's own town or village (not only its country or division).
        var placeTied = villageTied || ev.Location is { Precision: "point" or "city" } place
            && members.Any(m => m.Location is { Precision: "point" or "city" } other && SamePlace(place, other));
        foreach (var m in Compared(members))
        {
            var pair = Pair(ev, m, cls, villageTied, placeTied, members);
            if (pair is null) return null; // a conflict with any report of the incident keeps the event apart
            if (best is null || pair.Value.Score > best.Value.Score) best = pair;
            if (byDay && pair.Value.Shared.HasFlag(SharedFacts.Time) && (bestOfDay is null || pair.Value.Score > bestOfDay.Value.Score)) bestOfDay = pair;
        }
        if ((bestOfDay ?? best) is not { } b) return null;
        // A report of a series goes to the series already known rather than to a lone event it happens to fit.
        if (factual && ev.Plural && incidentPlural) b = b with { Score = b.Score + 0.2, Reason = b.Reason + "; both speak of a series" };
        if (otherSide) b = b with { Reason = b.Reason + "; the other side of the fighting" };
        if (actorsDisagree)
        {
            // Different sides only join when place and time both tie the reports to one event.
            if (!b.Shared.HasFlag(SharedFacts.Place) || !b.Shared.HasFlag(SharedFacts.Time)) return null;
            b = b with { ActorsDisagree = true, Reason = b.Reason + "; actors disagree" };
        }
        // A single attack of fact joins another report of one attack only on a day they share (±1): place, actor and
        // figures alone do not make two reports one event. A report without a day of its own refers back to the
        // event its own report tells ("eleven people were killed in the strike").
        if (singleOfFact && ev.Type != PloverType.Assault)
        {
            // A statement, a meeting or a sanction of fact is one event when reports share a place, a time or an actor.
            if (ev.Location is null && (ev.Time is null || ev.Time.Basis is not null) && ev.Actors.IsEmpty && members.Any(m => m.Document == ev.Document))
            {
                return b with { Reason = b.Reason + "; refers back within the same report" };
            }
            return b.Shared == SharedFacts.None ? null : b;
        }
        if (singleOfFact && (ownDay is null || !b.Shared.HasFlag(SharedFacts.Time)))
        {
            // What a report tells as its news refers back to its news, not to what it recalls as background.
            var background = string.Equals(ev.Salience, "background", StringComparison.Ordinal);
            // "another clash occurred" tells an event other than the one its report told before.
            // What a report sets apart after it ("In a separate incident on Thursday, …") is not what its earlier lines refer back to.
            if (ownDay is null && !ev.Another && members.Any(m => m.Document == ev.Document && !(m.Another && m.Start > ev.Start)
                && (background || !string.Equals(m.Salience, "background", StringComparison.Ordinal) || RecalledOfDaysBefore(ev, m))))
            {
                // The report's own news before what it recalls.
                var news = members.Any(m => m.Document == ev.Document && IncidentAnchors.CanStart(m) && m.Salience != "background");
                return b with { Score = b.Score + (news ? 0.1 : 0), Reason = b.Reason + "; refers back within the same report" };
            }
            if (!b.Shared.HasFlag(SharedFacts.Time))
            {
                // "The army on Wednesday denied that its jets had bombed a monastery in the village": a denial gives the attack
                // no day, but answers reports of it, so it is of the attack at its place told in the days before its report.
                if (DeniedOfDaysBefore(ev, b, members) is { } day) return b with { Reason = b.Reason + $"; denied {day:yyyy-MM-dd}'s attack within {DenialLagDays} days" };
                // "an attack that left 21 people dead", recalled with no day in a later report: the same exact dead at the same
                // place as an attack of the days before the report is that attack told again.
                if (SameDeadDaysBefore(ev, b, members) is { } told) return b with { Reason = b.Reason + $"; the same dead as {told:yyyy-MM-dd}'s attack at the place" };
                return null;
            }
        }
        return b;
    }

    /// <summary>
    /// Whether the event is placed in a country (not at sea) that the series' reports never involve (their actors', targets'
    /// and places' countries), and none of its actors or targets is of a country they involve.
    /// </summary>
    internal static bool OutsideSeries(EventFacts ev, IncidentTraits traits) =>
        ev.Location is { Country: { } country, Precision: not "sea" } && traits.Involved.Count > 0 && !traits.Involved.Contains(country)
        && !ev.Actors.Any(a => a.Country is { } c && traits.Involved.Contains(c))
        && !ev.Recipients.Any(r => r.Country is { } c && traits.Involved.Contains(c));

    /// <summary>
    /// Whether <paramref name="recalled"/>, an attack its report tells as background with a day and a place of its own words,
    /// is what <paramref name="ev"/>, news of the same report placed no closer than that attack's country and with no day,
    /// refers back to: a statement's lede ("condemned an air strike on a monastery in central Xland") and its body's "the
    /// strike in Y township on Tuesday", days before the statement, tell one attack. An attack recalled from weeks before is
    /// not the lede's news.
    /// </summary>
    private static bool RecalledOfDaysBefore(EventFacts ev, EventFacts recalled) =>
        ev.Type == PloverType.Assault && ev.Time is null && ev.Reported is { } reported
        && (ev.Location is null || ev.Location is { Precision: "country", Country: { } country } && recalled.Location?.Country == country)
        && recalled.Location is not null && !recalled.Plural && !recalled.Another
        && OwnDayWithin(recalled, reported, IncidentDays.ReportLagDays) is not null;

    /// <summary>
    /// The most days a denial with no day of its own comes after the attack it denies: the reports of an attack come the
    /// day of it or the next, and a party denies them a day or two later (three days, as <see cref="IncidentAnchors.DaySlack"/>
    /// is one for two reports of one day).
    /// </summary>
    public const int DenialLagDays = 3;

    /// <summary>
    /// The day of the incident's report a denied single attack with no time of its own fits, when they share the place and
    /// that day lies within <see cref="DenialLagDays"/> before the denial's report (not after it); null otherwise.
    /// </summary>
    private static DateOnly? DeniedOfDaysBefore(EventFacts ev, MatchResult b, IReadOnlyList<EventFacts> members)
    {
        if (ev.Modality != Modality.Denied || ev.Time is not null || ev.Reported is not { } reported || !b.Shared.HasFlag(SharedFacts.Place)) return null;
        return members.FirstOrDefault(m => m.Id == b.Event) is { } fit ? OwnDayWithin(fit, reported, DenialLagDays) : null;
    }

    /// <summary>The last day of <paramref name="fit"/>'s own words (not a publication's) when it lies within <paramref name="lag"/> days before <paramref name="reported"/>; null otherwise.</summary>
    private static DateOnly? OwnDayWithin(EventFacts fit, DateOnly reported, int lag)
    {
        if (IncidentAnchors.Days(fit) is not { } days || fit.Time?.Basis is not null) return null;
        return days.End.DayNumber <= reported.DayNumber && days.End.DayNumber >= reported.DayNumber - lag ? days.End : null;
    }

    /// <summary>
    /// Whether two events of one report, one of them with no time of its words, are told by two different voices: the
    /// report tells one attack as each side counts it.
    /// </summary>
    private static bool OtherVoiceInOneReport(EventFacts a, EventFacts b) =>
        a.Document == b.Document && !a.Another && !b.Another && (a.Time is null || b.Time is null)
        && a.Speaker is { Length: > 0 } sa && b.Speaker is { Length: > 0 } sb
        && (a.SpeakerKey is { } ka && b.SpeakerKey is { } kb ? !string.Equals(ka, kb, StringComparison.Ordinal) : !string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The day of the incident's report that a single attack with no time of its words fits by its dead: the same exact
    /// number of dead (one or more), the same place, and that day within <see cref="IncidentDays.ReportLagDays"/> before the attack's
    /// report; null otherwise.
    /// </summary>
    private static DateOnly? SameDeadDaysBefore(EventFacts ev, MatchResult b, IReadOnlyList<EventFacts> members)
    {
        if (ev.Time is not null || ev.Reported is not { } reported || !b.Shared.HasFlag(SharedFacts.Place)) return null;
        if (ev.Fatalities is not { Min: { } dead and > 0 } || ev.Fatalities.Max != dead) return null;
        if (members.FirstOrDefault(m => m.Id == b.Event) is not { } fit || fit.Fatalities is not { Min: { } other } || fit.Fatalities.Max != other || other != dead) return null;
        return OwnDayWithin(fit, reported, IncidentDays.ReportLagDays);
    }

    /// <summary>
    /// Whether one report tells the two as two: one of them opens as set apart ("In a separate incident, …", "another
    /// strike"). Its figure is then another attack's, not the same attack's toll as it rose.
    /// </summary>
    private static bool ToldApart(EventFacts a, EventFacts b) => a.Document == b.Document && (a.Another || b.Another);

    private static MatchResult? Pair(EventFacts a, EventFacts b, ModalityClass cls, bool villageTied = false, bool placeTied = false,
        IReadOnlyList<EventFacts>? reports = null)
    {
        var score = Base;
        var shared = SharedFacts.None;
        // A few days of one report's words meet the other's days: a day the two may have in common.
        var spanHeld = false;
        var why = new StringBuilder("same type ").Append(PloverTypes.Name(a.Type)).Append(cls == ModalityClass.Factual ? " reported as fact" : " reported as ahead");
        var single = cls == ModalityClass.Factual && !a.Plural && !b.Plural;

        // A village the gazetteers lack, named by both reports ("the attack on Kok-Tash"), is one place; two such names
        // are no agreement of place, whatever division the reader put both in.
        var locality = SameLocality(a, b);
        // Another report of the incident may tie the two ("the town of Kelso in Dunmore", beside "Kelso" and "Dunmore").
        if (locality == false && (LocalityWithin.Either(a, b) || reports is not null && LocalityWithin.TiedBy(reports, a, b)))
        {
            // "Kelso village of Dunmore" and "Dunmore": the village and its area, one place at two precisions.
            locality = null;
            score += 0.3;
            shared |= SharedFacts.Place;
            why.Append("; ").Append(a.Locality).Append(" and ").Append(b.Locality).Append(", one inside the other");
        }
        else if (locality == true)
        {
            score += 0.3;
            shared |= SharedFacts.Place;
            why.Append("; same place ").Append(a.Locality);
        }
        else if (locality == false && single && (a.Document != b.Document || BothRecalled(a, b)) && !a.Village && !b.Village)
        {
            // Two reports naming two places the gazetteers lack, neither a settlement inside the other's area ("an ambush in
            // Ramban", "a grenade on a post in Bandipora"), tell attacks at two places, as two known towns would; so do two
            // attacks one report recalls as background, each at its own place ("a strike on a market in Qarvesh", "a raid on
            // a clinic in Lotharn").
            return null;
        }
        else if (a.Location is { } pa && b.Location is { } pb && !shared.HasFlag(SharedFacts.Place))
        {
            if (locality is null && SamePlace(pa, pb) && !NamesakesApart(pa, pb))
            {
                score += 0.3;
                shared |= SharedFacts.Place;
                why.Append("; same place ").Append(pa.Name);
            }
            else if (pa.Country is null && pb.Country is null && SeaParts.OneHoldsTheOther(pa.Name, pb.Name))
            {
                // "the Pacific" and "the eastern Pacific": the same waters, one report less precise; less than one place.
                score += 0.2;
                shared |= SharedFacts.Place;
                why.Append("; same waters ").Append(pa.Name).Append(" and ").Append(pb.Name);
            }
            else if (pa.Country is { } ca && pb.Country is { } cb)
            {
                // A series spans places; one event, or a plan, is in one country.
                if (ca != cb && (single || cls != ModalityClass.Factual)) return null;
                if (ca == cb)
                {
                    // One attack is at one place: two cities or divisions of the country are two attacks.
                    if (single && DifferentLocalities(pa, pb)) return null;
                    // "north-eastern Ukraine" is not a city in the country's south.
                    if (single && (CountrySides.Opposite(pa, pb) || CountrySides.Opposite(pb, pa))) return null;
                    score += 0.2;
                    shared |= SharedFacts.Country;
                    why.Append("; same country ").Append(ca);
                }
            }
            else if (single && (DifferentLocalities(pa, pb) || IncidentAnchors.DifferentSeas(pa, pb)
                || IncidentAnchors.InlandFromSea(pa, pb) || IncidentAnchors.InlandFromSea(pb, pa)))
            {
                return null;
            }
        }

        // A village the gazetteers lack is not a city they know: "the village of Umm Sayala in North Darfur" and a strike on El
        // Fasher the same day are two attacks, unless a report ties the village to the city (names both, or the village
        // among the city's reports).
        if (single && !villageTied && a.Document != b.Document && (VillageApartFromCity(a, b) || VillageApartFromCity(b, a))) return null;

        // An attack lands where its target is: one its words place nowhere but aimed at another country's people or forces
        // ("air strikes on Cambodian positions") is in that country, so it is not an attack placed in another country,
        // nor one aimed at a third.
        if (single && a.Type == PloverType.Assault && (a.Location is null || b.Location is null)
            && (a.Location?.Country ?? TargetCountry(a)) is { } landsA && (b.Location?.Country ?? TargetCountry(b)) is { } landsB && landsA != landsB)
        {
            return null;
        }

        if (single && IncidentAnchors.DaysAgree(a, b) is { } agree)
        {
            // One event is on one day: reports whose days are more than a day apart are of two events.
            if (!agree) return null;
            // The day's slack is for one event dated differently; "another strike on Wednesday" says it is not the one told
            // before, so it is of its own day only (a night's words cover the day before too).
            if ((a.Another || b.Another) && !IncidentDays.OwnDaysMeet(a, b)) return null;
            // One report that dates two attacks by two days of their own words ("on Wednesday, shelling of …"; "air strikes on
            // … on Tuesday") tells two attacks: the slack is for two reports dating one attack differently.
            if (a.Document == b.Document && IncidentDays.OwnDaysDiffer(a, b)) return null;
            // "Another strike hit a car in …", told after a strike of the same report: not the one told before it.
            if (a.Document == b.Document && (a.Another && a.Start > b.Start || b.Another && b.Start > a.Start)) return null;
            // The very day its words give both beats a day's slack: of two attacks a report fits, the one of its day.
            score += IncidentAnchors.Days(a) is { } dayA && dayA == IncidentAnchors.Days(b) && a.Time!.Basis is null && b.Time!.Basis is null ? 0.25 : 0.2;
            shared |= SharedFacts.Time;
            var ta = a.Time!;
            // A day assumed from the publication date has no words: the reason names the day.
            why.Append("; same day ").Append(ta.Basis == TimeBases.Publication ? $"{ta.Start:yyyy-MM-dd} (the day of publication)" : ta.Text);
        }
        else if (a.Time is { Start: { } sa, End: { } ea } && b.Time is { Start: { } sb, End: { } eb })
        {
            var slack = single ? IncidentDays.SpanSlack(a, b) : 31;
            var overlap = sa.DayNumber <= eb.DayNumber + slack && sb.DayNumber <= ea.DayNumber + slack;
            if (!overlap && single) return null;
            // Two spans that overlap ("in April", "in the spring") tie reports as before; a span that contains the
            // other's day ("this month") neither ties nor parts two single events.
            if (overlap && (!single || (IncidentAnchors.Days(a) is null && IncidentAnchors.Days(b) is null)))
            {
                score += 0.2;
                shared |= SharedFacts.Time;
                why.Append("; same time ").Append(a.Time.Basis == TimeBases.Publication ? $"{sa:yyyy-MM-dd} (the day of publication)" : a.Time.Text);
            }
            else if (single && shared.HasFlag(SharedFacts.Place) && (IncidentDays.SpanHolds(a, b) ?? IncidentDays.SpanHolds(b, a)) is { } words)
            {
                // "The strike that killed 21 earlier this week" and the attack of Wednesday: a few days its words give hold
                // the other's day; at one place that is the same attack, told later (elsewhere in the country it is not said).
                score += 0.1;
                shared |= SharedFacts.Time;
                why.Append("; its days ").Append(words).Append(" hold the day");
            }
            spanHeld = single && (IncidentDays.SpanMeets(a, b) || IncidentDays.SpanMeets(b, a));
        }
        else if (single && IncidentDays.Window(a) is { } wa && IncidentDays.Window(b) is { } wb && (wa.Start > wb.End || wb.Start > wa.End))
        {
            // Without a resolved time, a single event happened in the days before its report: reports published
            // weeks apart about "a strike" are about two strikes.
            return null;
        }

        var actor = Shared(a.Actors, b.Actors);
        // An attack and the answer to it the next day ("gunmen killed 23 in a village on Sunday"; "jets bombed the gang's
        // camps on Monday"): reports whose own words date them on two neighbouring days, by actors with nothing in common and
        // at no place in common, tell two attacks; the day's slack is for one attack dated differently, which its place or
        // its actor backs.
        if (single && a.Document != b.Document && IncidentDays.OtherSidesNextDay(a, b, shared.HasFlag(SharedFacts.Place), actor is not null || SharedCountry(a.Actors, b.Actors) is not null)) return null;
        // Two single events with different exact death tolls and no date in common are two events, not one misreported;
        // so are two whose own days (from their words) are one day apart: the day's slack is for reports that date one
        // event differently, and a different toll on top of a different day says that there were two.
        // A few days' words that meet the other's days give a day in common; a different toll on such a day parts them unless
        // the later report's is the higher: the attack told again as its toll rose ("a week after a missile strike on the
        // block killed 24", after reports of 19 and 21), since a toll only rises.
        // One report giving another voice's count for an attack it told with no day of its own ("Residents said the strike
        // killed three farmers" after the army's "killed four militants") tells a disputed count, not another attack.
        if (single && a.Fatalities is { Max: { } fa } && b.Fatalities is { Max: { } fb } && a.Fatalities.Min == fa && b.Fatalities.Min == fb && fa != fb
            && (!shared.HasFlag(SharedFacts.Time) && !spanHeld && (ToldApart(a, b) || !IncidentDays.RoseSinceItsDay(a, b, fa, fb) && !IncidentDays.RoseSinceItsDay(b, a, fb, fa))
                || spanHeld && !IncidentDays.TollRose(a, b, fa, fb) || IncidentDays.OwnDaysDiffer(a, b) && !(placeTied && IncidentDays.RecalledWithRisenToll(a, b, fa, fb)))
            && !OtherVoiceInOneReport(a, b))
        {
            return null;
        }
        // The same exact dead on a day in common tell which of two fitting incidents a report is of ("two people died in a
        // strike on Monday" beside Monday's strike that killed two and Monday's that killed three).
        if (single && shared.HasFlag(SharedFacts.Time) && a.Fatalities is { Max: { } da } && b.Fatalities is { Max: { } db }
            && a.Fatalities.Min == da && b.Fatalities.Min == db && da == db)
        {
            score += 0.15;
            why.Append("; same dead ").Append(da.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (actor is not null)
        {
            score += 0.25;
            shared |= SharedFacts.Actor;
            why.Append("; same actor ").Append(actor);
        }
        else if (SharedCountry(a.Actors, b.Actors) is { } country)
        {
            score += 0.15;
            why.Append("; actors from ").Append(country);
        }
        var recipient = Shared(a.Recipients, b.Recipients);
        if (recipient is not null)
        {
            score += 0.15;
            why.Append("; same target ").Append(recipient);
        }
        return new MatchResult(score, b.Id, why.ToString(), false) { Shared = shared };
    }

    /// <summary>
    /// The country an attack its words place nowhere is aimed at: that of its targets, when they are of one country and no
    /// actor of that country is named ("Thai jets struck Cambodian positions"); null otherwise.
    /// </summary>
    internal static string? TargetCountry(EventFacts e)
    {
        if (e.Location is not null) return null;
        string? country = null;
        foreach (var r in e.Recipients)
        {
            if (r.Country is not { } c) continue;
            if (country is not null && country != c) return null;
            country = c;
        }
        return country is not null && !e.Actors.Any(x => x.Country == country) ? country : null;
    }

    private static bool BothRecalled(EventFacts a, EventFacts b) =>
        string.Equals(a.Salience, "background", StringComparison.Ordinal) && string.Equals(b.Salience, "background", StringComparison.Ordinal);

    private static bool IsPoint(PlaceFacts p) => p.Precision is "point" or "city";

    /// <summary>
    /// Two named places of one country that cannot be one attack's: two cities, two divisions, or a city more than
    /// <see cref="DivisionReachKm"/> from a division's point.
    /// </summary>
    private static bool DifferentLocalities(PlaceFacts a, PlaceFacts b)
    {
        if (IsPoint(a) && IsPoint(b)) return true;
        if (a.Precision == "admin1" && b.Precision == "admin1") return true;
        var (city, division) = IsPoint(a) && b.Precision == "admin1" ? (a, b) : IsPoint(b) && a.Precision == "admin1" ? (b, a) : (null, null);
        if (city is null || division is null) return false;
        // The gazetteer knows which division a city is in; a division's point, where it has one, is only a guess of its extent.
        if (PlaceDivisions.Apart(city, division) is { } apart) return apart;
        return (city.Latitude, city.Longitude, division.Latitude, division.Longitude) is (double la, double lo, double lb, double lob)
            && GeoDistance.Kilometres(la, lo, lb, lob) > DivisionReachKm;
    }

    /// <summary>
    /// A city and a first-level division of one name that the gazetteer puts in no common division: "Kyiv" the city (a
    /// division of its own) and "the Kyiv region" around it are two places, and a strike on each the same night two attacks.
    /// A city inside its namesake division ("Odesa" and "the Odesa region") is still one place.
    /// </summary>
    internal static bool NamesakesApart(PlaceFacts a, PlaceFacts b) =>
        a.Precision != b.Precision && (IsPoint(a) && b.Precision == "admin1" || IsPoint(b) && a.Precision == "admin1")
        && DifferentLocalities(a, b);

    /// <summary>How far from a division's point a city may lie and still be in it, for two reports to be one attack.</summary>
    public const double DivisionReachKm = 150;

    /// <summary>
    /// Whether <paramref name="village"/> names a place the gazetteers lack, placed no closer than a division (or by that name
    /// alone), and <paramref name="city"/> a city they know, with no unknown place of its own: two places.
    /// </summary>
    private static bool VillageApartFromCity(EventFacts village, EventFacts city) =>
        village.Village && village.Locality is not null && (village.Location is null || !IsPoint(village.Location))
        && city.Locality is null && city.Location is { Country: not null } pc && IsPoint(pc);

    /// <summary>Whether two events name the same unknown place (<see cref="EventFacts.Locality"/>); null unless both name one.</summary>
    private static bool? SameLocality(EventFacts a, EventFacts b) =>
        a.Locality is { } la && b.Locality is { } lb ? string.Equals(la, lb, StringComparison.OrdinalIgnoreCase) : null;

    private static bool SamePlace(PlaceFacts a, PlaceFacts b) => IncidentAnchors.SamePlaceName(a.Name, b.Name);

    internal static string? Shared(IEnumerable<ParticipantFacts> a, IEnumerable<ParticipantFacts> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.EntityKey is not null && x.EntityKey == y.EntityKey) return x.Text;
                if (string.Equals(Head(x.Text), Head(y.Text), StringComparison.OrdinalIgnoreCase) && Head(x.Text).Length > 3 && !IsPronoun(x.Text)) return x.Text;
            }
        }
        return null;
    }

    internal static string? SharedCountry(IEnumerable<ParticipantFacts> a, IEnumerable<ParticipantFacts> b)
    {
        foreach (var x in a)
        {
            if (x.Country is null) continue;
            foreach (var y in b) if (y.Country == x.Country) return x.Country;
        }
        return null;
    }

    private static string Head(string text)
    {
        var trimmed = text.TrimEnd('.', ',', ' ');
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }

    private static bool IsPronoun(string text) => text.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we" or "i" or "him" or "her" or "them" or "us";
}
