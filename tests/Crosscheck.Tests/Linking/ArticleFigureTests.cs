using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// The figure one article gives an incident from its events' counts (made-up counts): its own exact or "at least" count
/// before a side's claim, before a vague count or a range; the highest of those that stand.
/// </summary>
public sealed class ArticleFigureTests
{
    private static ArticleFigure.Count? Count(decimal min, decimal? max, string? verb = "said", Modality modality = Modality.Asserted) =>
        new(min, max, verb, modality);

    [Fact]
    public void ExactCountBeatsDozens() =>
        // "airstrikes killed eight people" and "the strikes killed dozens of fighters": eight.
        Assert.Equal(0, ArticleFigure.Pick([Count(8, 8), Count(24, 119), null]));

    [Fact]
    public void OwnCountBeatsClaim() =>
        // "officials said 15 civilians were killed"; "the army claimed it killed 40 fighters": 15.
        Assert.Equal(1, ArticleFigure.Pick([Count(40, 40, "claimed"), Count(15, null)]));

    [Fact]
    public void HighestOwnCount() => Assert.Equal(1, ArticleFigure.Pick([Count(8, 8), Count(12, 12), Count(5, null)]));

    [Fact]
    public void PossibleCountGivesWay() => Assert.Equal(1, ArticleFigure.Pick([Count(30, 30, modality: Modality.Hypothetical), Count(6, 6)]));

    [Fact]
    public void RangeStandsAlone() => Assert.Equal(1, ArticleFigure.Pick([null, Count(15, 20)]));

    [Fact]
    public void SpeakersOwnForcesCountIsAClaim()
    {
        // "The movement said its gunmen had killed 70 guards"; "the ministry said nine guards died": nine, the record and the eval alike.
        var own = ArticleFigure.SpeakersOwn("its gunmen", hasSpeaker: true);
        Assert.True(own);
        Assert.Equal(1, ArticleFigure.Pick([new ArticleFigure.Count(70, 70, "said", Modality.Asserted, own), Count(9, 9)]));
    }

    [Theory]
    [InlineData("their men", true, true)]
    [InlineData("its fighters", false, false)]
    [InlineData("Rebel fighters", true, false)]
    [InlineData("its", true, false)]
    public void SpeakersOwnNeedsAPossessiveAndASpeaker(string actor, bool hasSpeaker, bool expected) =>
        Assert.Equal(expected, ArticleFigure.SpeakersOwn(actor, hasSpeaker));

    [Fact]
    public void NoneGiven() => Assert.Equal(-1, ArticleFigure.Pick([null, null]));
}
