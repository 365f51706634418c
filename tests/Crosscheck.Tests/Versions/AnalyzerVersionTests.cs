using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crosscheck.Storage;
using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Versions;

/// <summary>
/// The analyzer version changes whenever the reading does: Specs/analyzer-fingerprint.txt holds the version and a digest
/// of the demo samples' readings; a reading that changes while <see cref="AnalyzerVersion.Release"/> and the models stay
/// fails here, so a stored reading never carries the version of another analyzer.
/// </summary>
public sealed class AnalyzerVersionTests
{
    [Fact]
    public void The_samples_reading_changes_only_with_the_analyzer_version()
    {
        var facts = SampleRecord.Facts;
        facts.ShouldAllBe(f => f.Analyzer == AnalyzerVersion.Current.ToString());
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in facts) hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(f with { Analyzer = null }, DocumentStore.FactsJson) + "\n"));
        var now = $"{AnalyzerVersion.Current} {Convert.ToHexStringLower(hash.GetHashAndReset())}";
        var file = Path.Combine(AppContext.BaseDirectory, "Specs", "analyzer-fingerprint.txt");
        var kept = File.ReadAllText(file).Trim();
        var keptVersion = kept.Split(' ')[0];
        if (kept != now && keptVersion == AnalyzerVersion.Current.ToString())
        {
            Assert.Fail($"The demo samples are read differently, but the analyzer version is still {keptVersion}: raise AnalyzerVersion.Release "
                + "(src/Crosscheck/AnalyzerVersion.cs), then write this line into tests/Crosscheck.Tests/Specs/analyzer-fingerprint.txt: " + now.Replace(keptVersion, "NEW-VERSION", StringComparison.Ordinal));
        }
        kept.ShouldBe(now, "the analyzer version changed: write this line into tests/Crosscheck.Tests/Specs/analyzer-fingerprint.txt");
    }
}
