using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// What ties a denial with no day of its own to reports of fact. A party denies its own deed ("the government denied that it
/// was preparing to bomb villages in X"): the denial answers reports that this party did it, so without a day to tie it to
/// one attack, only a report naming that party (or its country) is what it denies. A place alone does not tie it: the gangs'
/// kidnappings told as fact in X are not what the government denies it did there.
/// </summary>
internal static class IncidentDenials
{
    /// <summary>A denial whose words give it no day (a day assumed from its report is none) and that names who is said to act.</summary>
    internal static bool Untimed(EventFacts e) =>
        e.Modality == Modality.Denied && (e.Time is null || e.Time.Basis is not null) && !e.Actors.IsEmpty;

    /// <summary>
    /// Whether <paramref name="ev"/> and the incident of <paramref name="members"/> must stay apart: one side is an untimed
    /// denial naming its party (every report of the incident, when the incident is the denial), the other side reports of fact
    /// not denied, and no report of it names the denial's party or its country. For a single attack a day within a few days
    /// of the denial may still tie them (<see cref="IncidentMatcher.DenialLagDays"/>), unless its reports name someone else.
    /// </summary>
    internal static bool Apart(EventFacts ev, IReadOnlyList<EventFacts> members, bool series)
    {
        if (Untimed(ev))
        {
            var others = members.Where(m => m.Modality != Modality.Denied).ToList();
            return others.Count > 0 && !others.Any(m => SameParty(ev, m)) && (series || others.Any(m => !m.Actors.IsEmpty));
        }
        if (ev.Modality == Modality.Denied || members.Count == 0 || !Untimed(members[0]) || !members.All(Untimed)) return false;
        return !members.Any(m => SameParty(m, ev)) && (series || !ev.Actors.IsEmpty);
    }

    private static bool SameParty(EventFacts denial, EventFacts report) =>
        IncidentMatcher.Shared(denial.Actors, report.Actors) is not null || IncidentMatcher.SharedCountry(denial.Actors, report.Actors) is not null;
}
