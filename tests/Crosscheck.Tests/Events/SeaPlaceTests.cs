using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Places at sea carry coordinates at sea (precision "sea"), so sea incidents can be mapped.</summary>
public sealed class SeaPlaceTests
{
    private static EventPlace PlaceOf(string sentence)
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(sentence, new DateOnly(2025, 6, 10)));
        var place = reading.Events.Select(e => e.Location).OfType<EventPlace>().FirstOrDefault();
        place.ShouldNotBeNull(sentence);
        return place;
    }

    [Fact]
    public void A_named_gulf_gives_its_own_centre()
    {
        var place = PlaceOf("Pirates attacked a tanker in the Gulf of Aden on Monday.");
        place.Precision.ShouldBe("sea");
        place.Latitude!.Value.ShouldBe(12.5, 0.01);
        place.Longitude!.Value.ShouldBe(48.0, 0.01);
    }

    [Fact]
    public void A_coast_of_a_country_gives_a_point_at_sea_not_its_capital()
    {
        var place = PlaceOf("The navy struck a boat off the coast of Venezuela on Monday, killing four people.");
        place.Precision.ShouldBe("sea");
        place.Country.ShouldBe("VE");
        place.Latitude.ShouldNotBeNull();
        var capital = Crosscheck.Language.Gazetteers.Gazetteer.Default.Country("VE")!.Entity;
        (place.Latitude, place.Longitude).ShouldNotBe((capital.Latitude, capital.Longitude));
    }

    [Fact]
    public void A_coast_named_by_its_sea_takes_that_sea()
    {
        var pacific = PlaceOf("The navy struck a boat off Mexico's Pacific coast on Monday, killing four people.");
        var gulf = PlaceOf("The navy struck a boat in the Gulf of Mexico on Monday, killing four people.");
        pacific.Precision.ShouldBe("sea");
        pacific.Longitude!.Value.ShouldBeLessThan(gulf.Longitude!.Value - 5);
    }

    [Theory]
    [InlineData("The navy struck a boat off the coast of Mexico in the eastern Pacific on Monday, killing four people.")]
    [InlineData("The navy struck a boat off the coast of Mexico in the Pacific on Monday, killing four people.")]
    public void A_coast_whose_sentence_names_its_sea_is_in_that_sea_not_in_a_sea_named_after_the_country(string sentence)
    {
        // The country's name in "Gulf of Mexico" says nothing of which sea a coast of Mexico is on.
        var pacific = PlaceOf(sentence);
        var gulf = PlaceOf("The navy struck a boat in the Gulf of Mexico on Monday, killing four people.");
        var eastern = PlaceOf("The navy struck a boat in the eastern Pacific on Monday, killing four people.");
        pacific.Precision.ShouldBe("sea");
        (pacific.Latitude, pacific.Longitude).ShouldBe((eastern.Latitude, eastern.Longitude));
        pacific.Longitude!.Value.ShouldBeLessThan(gulf.Longitude!.Value - 5);
    }

    [Fact]
    public void A_coast_takes_the_nearest_open_sea_not_a_canal_of_one_country()
    {
        // The Panama Canal's point is on land; the nearest open sea to Colombia is the Caribbean.
        var place = PlaceOf("The navy struck a boat off the coast of Colombia on Monday, killing four people.");
        var caribbean = PlaceOf("The navy struck a boat in the Caribbean Sea on Monday, killing four people.");
        (place.Latitude, place.Longitude).ShouldBe((caribbean.Latitude, caribbean.Longitude));
    }

    [Fact]
    public void Waters_off_a_country_are_at_sea()
    {
        var place = PlaceOf("The navy struck a boat in waters off Venezuela on Monday, killing four people.");
        place.Precision.ShouldBe("sea");
        place.Country.ShouldBe("VE");
    }

    [Fact]
    public void International_waters_take_the_point_of_the_other_place_at_sea_in_the_sentence()
    {
        var place = PlaceOf("Forces struck two boats in international waters off the coast of Ecuador on Monday.");
        place.Precision.ShouldBe("sea");
        place.Latitude.ShouldNotBeNull();
    }

    [Fact]
    public void An_earlier_attack_with_its_day_and_dead_but_no_place_is_where_the_news_attack_was()
    {
        var (reading, earlier) = AfterGulfRaid("The raid follows one on May 28 that killed five crew members aboard a freighter from Panama.");
        earlier.Location.ShouldNotBeNull();
        earlier.Location.Name.ShouldBe(reading.Events.Single(e => e.Fatalities?.Min == 2).Location!.Name);
        earlier.Location.Precision.ShouldBe("sea");
    }

    [Fact]
    public void An_earlier_attack_whose_sentence_names_a_place_does_not_take_the_news_place()
    {
        var (_, earlier) = AfterGulfRaid("In Mogadishu, a bomb on May 28 killed five people.");
        earlier.Location?.Precision.ShouldNotBe("sea");
    }

    /// <summary>A news raid at sea with two dead, then <paramref name="next"/>; the event with five dead.</summary>
    private static (ArticleReading Reading, EventMention Earlier) AfterGulfRaid(string next)
    {
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(
            "Pirates attacked a tanker in the Gulf of Aden on Monday, killing two sailors. " + next, new DateOnly(2025, 6, 10)));
        return (reading, reading.Events.Single(e => e.Fatalities?.Min == 5));
    }
}
