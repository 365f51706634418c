using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// A single attack placed at a sea and one placed on land, the same day or the next: one event only when the land
/// place could be where a report puts an attack at that sea. Places and days are made up.
/// </summary>
public class SeaAndLandTests
{
    private static EventFacts Attack(string id, DateOnly day, PlaceFacts place) => new()
    {
        Id = id,
        Document = "d-" + id,
        Type = PloverType.Assault,
        Modality = Modality.Asserted,
        AttributionKind = AttributionKind.Named,
        Segment = "body",
        Start = 0,
        End = 10,
        Evidence = "the attack",
        Location = place,
        Time = new TimeFacts("on Saturday", day, day, "day"),
        Reported = day.AddDays(1),
    };

    private static readonly PlaceFacts RedSea = new("the Red Sea", "Red Sea", null, "sea", 20.0, 38.5);

    [Fact]
    public void A_ship_hit_at_sea_is_not_a_roadside_bomb_far_inland_of_the_next_country()
    {
        var ship = Attack("ship", new(2025, 5, 10), RedSea);
        var inland = Attack("bomb", new(2025, 5, 9), new PlaceFacts("Deir ez-Zor province", "Deir ez-Zor", "SY", "city", 35.3, 40.1));
        IncidentMatcher.Match(inland, [ship]).ShouldBeNull();
        IncidentMatcher.Match(ship, [inland]).ShouldBeNull();
        // A division has no point of its own: its towns say how near the sea it comes.
        var province = Attack("province", new(2025, 5, 9), new PlaceFacts("Deir ez-Zor province", "Deir ez-Zor", "SY", "admin1", null, null));
        IncidentMatcher.Match(province, [ship]).ShouldBeNull();
    }

    [Fact]
    public void A_port_on_the_sea_and_a_town_near_an_ocean_may_still_be_where_an_attack_at_sea_is_told()
    {
        // Guard: a port on the sea's coast, and any place beside an ocean (which has no reach), are not kept apart.
        var ship = Attack("ship", new(2025, 5, 10), RedSea);
        var port = Attack("port", new(2025, 5, 10), new PlaceFacts("Hodeidah", "Al Hudaydah", "YE", "city", 14.8, 42.95));
        IncidentMatcher.Match(port, [ship]).ShouldNotBeNull();
        var ocean = Attack("ocean", new(2025, 5, 10), new PlaceFacts("the Pacific", "Pacific Ocean", null, "sea", 0.0, -160.0));
        var coast = Attack("coast", new(2025, 5, 10), new PlaceFacts("Tumaco", "Tumaco", "CO", "city", 1.8, -78.8));
        IncidentMatcher.Match(coast, [ocean]).ShouldNotBeNull();
    }
}
