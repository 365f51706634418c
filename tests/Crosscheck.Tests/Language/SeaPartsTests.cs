using Crosscheck.Language.Gazetteers;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Language;

public sealed class SeaPartsTests
{
    [Theory]
    [InlineData("Eastern Pacific", "Pacific Ocean")]
    [InlineData("Pacific", "eastern Pacific")]
    [InlineData("Caribbean", "Atlantic Ocean")]
    [InlineData("Gulf of Oman", "Indian Ocean")]
    public void A_sea_and_the_ocean_holding_it_are_one_within_the_other(string a, string b)
    {
        SeaParts.OneHoldsTheOther(a, b).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Caribbean Sea", "Eastern Pacific")]
    [InlineData("Caribbean Sea", "Pacific Ocean")]
    [InlineData("Eastern Pacific", "Eastern Pacific Ocean")]
    [InlineData("Red Sea", "Mediterranean Sea")]
    [InlineData("Pacific Ocean", "Springfield")]
    public void Seas_side_by_side_the_same_sea_and_unknown_names_are_not(string a, string b)
    {
        SeaParts.OneHoldsTheOther(a, b).ShouldBeFalse();
    }

    [Fact]
    public void Every_within_in_the_shipped_places_names_a_shipped_place_and_none_loops()
    {
        var lines = File.ReadAllLines(Path.Combine(GazetteerFileTests.RepositoryRoot(), "data", "gazetteers", "places.txt"));
        var keys = lines.Where(l => l.StartsWith("place:", StringComparison.Ordinal)).Select(l => l.Split('|')[0].Trim()).ToHashSet();
        var within = new Dictionary<string, string>();
        foreach (var line in lines.Where(l => l.StartsWith("place:", StringComparison.Ordinal)))
        {
            var cell = line.Split('|').Select(c => c.Trim()).FirstOrDefault(c => c.StartsWith("within=", StringComparison.Ordinal));
            if (cell is null) continue;
            var container = cell["within=".Length..];
            keys.ShouldContain(container);
            within[line.Split('|')[0].Trim()] = container;
        }
        within.ShouldNotBeEmpty();
        foreach (var start in within.Keys)
        {
            var seen = new HashSet<string> { start };
            for (var at = start; within.TryGetValue(at, out var up); at = up) seen.Add(up).ShouldBeTrue($"{start} loops through {up}");
        }
    }
}
