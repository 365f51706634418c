using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// A party's denial with no day of its own answers reports that the party did it: it is not of another party's deeds told as
/// fact at its place. Places, parties and texts are made up.
/// </summary>
public class DeniedDeedTests
{
    private static readonly PlaceFacts Varn = new("Varn", "Varn", null, "region", null, null);

    // "Raiders from Varn have carried out a wave of cattle thefts and shootings in the valley this year."
    private static readonly EventFacts Raids = new()
    {
        Id = "raids",
        Document = "d-raids",
        Type = PloverType.Assault,
        Modality = Modality.Asserted,
        AttributionKind = AttributionKind.Unattributed,
        Segment = "body",
        Start = 0,
        End = 10,
        Evidence = "a wave of shootings",
        Plural = true,
        Salience = "main",
        Location = Varn,
        Locality = "Varn",
        Time = new TimeFacts("this year", new(2027, 1, 1), new(2027, 12, 31), "year"),
        Reported = new(2027, 4, 2),
    };

    // "The Teldan cabinet on Friday denied that it was preparing to shell towns in Varn."
    private static readonly EventFacts Denial = Raids with
    {
        Id = "denial",
        Document = "d-denial",
        Modality = Modality.Denied,
        AttributionKind = AttributionKind.Named,
        Evidence = "denied that it was preparing to shell towns in Varn",
        Actors = [new ParticipantFacts("The Teldan cabinet", "o:teldan", null)],
        Time = null,
        Reported = new(2027, 4, 16),
    };

    [Fact]
    public void A_denial_with_no_day_does_not_join_a_series_of_another_party_told_as_fact_at_its_place()
    {
        IncidentMatcher.Match(Denial, [Raids]).ShouldBeNull();
        // Nor the other way round: the series does not join the denial.
        IncidentMatcher.Match(Raids, [Denial]).ShouldBeNull();
        // The series named another party: still apart.
        var byRaiders = Raids with { Actors = [new ParticipantFacts("raiders", null, null)] };
        IncidentMatcher.Match(Denial, [byRaiders]).ShouldBeNull();
    }

    [Fact]
    public void A_denial_with_no_day_joins_reports_that_name_the_party_it_speaks_for()
    {
        // "Teldan shelling of towns in Varn": the reports the denial answers.
        var byCabinet = Raids with { Actors = [new ParticipantFacts("Teldan artillery", "o:teldan", null)] };
        IncidentMatcher.Match(Denial, [byCabinet]).ShouldNotBeNull();
        IncidentMatcher.Match(byCabinet, [Denial]).ShouldNotBeNull();
    }

    [Fact]
    public void A_plan_with_no_day_never_joins_what_is_told_as_fact()
    {
        // A guard (it held before): "The cabinet is preparing to shell towns in Varn" is a plan, another incident.
        IncidentMatcher.Match(Denial with { Modality = Modality.Planned }, [Raids]).ShouldBeNull();
    }
}
