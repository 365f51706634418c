using Crosscheck.Cli.Eval;

namespace Crosscheck.Tests.Cli;

/// <summary>The fixed tuning/reporting split README states: SHA-256 of the key, even = tuning.</summary>
public sealed class DatasetSplitTests
{
    [Theory]
    // Parities computed independently (Python: int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2).
    [InlineData("TC03", "tuning")]
    [InlineData("y", "tuning")]
    [InlineData("3", "tuning")]
    [InlineData("1", "reporting")]
    [InlineData("2", "reporting")]
    [InlineData("abc", "reporting")]
    [InlineData("uw/dev.conll#0", "reporting")]
    public void A_key_falls_in_the_half_its_hash_parity_gives(string key, string expected) => DatasetSplit.Name(DatasetSplit.Of(key)).ShouldBe(expected);

    [Fact]
    public void About_half_of_many_keys_fall_in_each_half()
    {
        var tuning = Enumerable.Range(0, 2000).Count(i => DatasetSplit.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) == DatasetHalf.Tuning);
        tuning.ShouldBeInRange(900, 1100);
    }
}
