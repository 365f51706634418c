using Crosscheck.Cli;
using Crosscheck.Cli.Bench;

namespace Crosscheck.Tests.Cli;

/// <summary><c>bench link</c> on a small linker made from the seeds: it prints one row per size, and refuses bad sizes.</summary>
public sealed class LinkBenchTests
{
    [SharedDataFact("seeds")]
    public void Prints_a_row_per_size_with_documents_per_second_and_latencies()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        LinkBench.Run(dir.Combine("no-ecbplus"), SharedData.PathTo("seeds"), "600,300", 100, output).ShouldBe(CrosscheckCli.Ok);
        var text = output.ToString();
        text.ShouldContain("2 cores".Replace("2", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var rows = text.Split('\n').Where(l => l.TrimStart().StartsWith("300 ", StringComparison.Ordinal) || l.TrimStart().StartsWith("600 ", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        rows[0].TrimStart().ShouldStartWith("300");
        foreach (var row in rows)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            cells[1].ShouldBe("100");
            double.Parse(cells[2], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            // The synthetic documents of one story mostly land in one story.
            int.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(60);
        }
    }

    [Fact]
    public void Bad_sizes_are_a_usage_error_naming_the_value()
    {
        var output = new StringWriter();
        Should.Throw<UsageException>(() => LinkBench.Run("x", "y", "10000,lots", 10, output)).Message.ShouldContain("'lots'");
        Should.Throw<UsageException>(() => LinkBench.Run("x", "y", ",", 10, output)).Message.ShouldContain("--sizes");
    }
}
