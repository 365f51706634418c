namespace Crosscheck.Tests.Cli;

/// <summary>How tests that read ../shared decide to run or to be skipped.</summary>
public sealed class SharedDataTests
{
    [Fact]
    public void A_missing_dataset_gives_one_line_naming_its_folder_and_a_present_one_none()
    {
        using var dir = new TempDirectory();
        dir.File("data/gvdb/dev.tsv", "id\n");
        dir.File("gold/seeds.gold.json", "{}");
        SharedData.SkipReason(dir.Path, ["data/gvdb", "gold/seeds.gold.json"]).ShouldBeNull();

        var reason = SharedData.SkipReason(dir.Path, ["data/gvdb", "data/ecbplus"]);
        reason.ShouldBe($"needs ../shared/data/ecbplus (not found at {Path.Combine(dir.Path, "data/ecbplus")})");
        reason!.ShouldNotContain("\n");
    }

    [Fact]
    public void The_shared_folder_is_looked_for_beside_the_repository()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Crosscheck.slnx"))) root = root.Parent!;
        SharedData.Root.ShouldBe(Path.Combine(root.Parent!.FullName, "shared"));
        SharedData.PathTo("data", "gvdb").ShouldBe(Path.Combine(root.Parent.FullName, "shared", "data", "gvdb"));
    }
}
