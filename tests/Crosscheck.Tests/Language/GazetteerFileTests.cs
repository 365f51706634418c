using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;
using Crosscheck.Tests.Cli;

namespace Crosscheck.Tests.Language;

/// <summary>User gazetteer files, their errors, the shipped data and the GeoNames build.</summary>
public sealed class GazetteerFileTests
{
    private static List<string> Spans(Gazetteer gazetteer, string text)
    {
        var analyzed = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new GazetteerTagger(gazetteer)).Build().Process(text);
        return [.. analyzed.GazetteerMatches.Select(m => analyzed.Span(m.StartToken, m.EndToken).Text)];
    }

    [Fact]
    public void A_user_file_adds_entities_titles_and_aliases_to_the_shipped_ones()
    {
        using var dir = new TempDirectory();
        var file = dir.File("local.txt", """
            # Local actors
            actor:cartel-del-pacifico-sur | GROUP | MX | Cártel del Pacífico Sur | CPS
            | PERSON | MX | Juana Pérez | Pérez | titles=Governor of Sinaloa
            country:MX | | | | Estados Unidos Mexicanos
            @titles
            Governor of Sinaloa | MX | single | Sinaloa governor
            """);
        var gazetteer = Gazetteer.Load([file]);

        gazetteer.Find("actor:cartel-del-pacifico-sur")!.Type.ShouldBe(EntityType.Group);
        var person = gazetteer.Find("person:juana-perez")!;
        person.Entity.Titles.ShouldBe(["Governor of Sinaloa"]);
        gazetteer.Country("MX")!.Entity.Aliases.ShouldContain("Estados Unidos Mexicanos");
        gazetteer.Titles.ShouldContain(t => t.Canonical == "Governor of Sinaloa" && t.Country == "MX" && t.SingleHolder);
        Spans(gazetteer, "Sinaloa governor Juana Pérez blamed the CPS, not the Estados Unidos Mexicanos.")
            .ShouldBe(["Sinaloa governor", "Juana Pérez", "CPS", "Estados Unidos Mexicanos"]);
        // The shipped entries are all still there, and the shipped gazetteer itself is unchanged.
        gazetteer.Find("actor:jsoc").ShouldNotBeNull();
        Gazetteer.Default.Find("actor:cartel-del-pacifico-sur").ShouldBeNull();
    }

    [Theory]
    [InlineData("actor:x | ORG | US", 2, "expected 'key | TYPE | country | name")]
    [InlineData("actor:x | BAND | US | The Band", 2, "unknown type 'BAND'")]
    [InlineData("actor:x | ORG | USA | The Band", 2, "country 'USA' should be an ISO 3166-1 alpha-2 code")]
    [InlineData("actor:x | ORG | QQ | The Band", 2, "'QQ' is not a country code GeoNames knows")]
    [InlineData("actor:x | LOC | - | Sea | | lat=95 | lon=0", 2, "lat '95' is not a number within ±90")]
    [InlineData("actor:x | LOC | - | Sea | | lat=5", 2, "give both lat and lon")]
    [InlineData("actor:x | ORG | US | Band | | colour=red", 2, "unknown field 'colour'")]
    [InlineData("actor:jsoc | PERSON | US | Someone", 2, "'actor:jsoc' is already a ORG, not a PERSON")]
    [InlineData("country:ZZ | | | | Zedland", 2, "'country:ZZ' names no country")]
    [InlineData("@people", 2, "unknown section '@people'")]
    [InlineData("@titles\nPresident | * | sometimes", 3, "should be 'single'")]
    public void A_malformed_user_file_gives_one_error_naming_the_file_and_line(string line, int lineNumber, string reason)
    {
        using var dir = new TempDirectory();
        var file = dir.File("mine.txt", "# my gazetteer\n" + line + "\n");
        var ex = Should.Throw<GazetteerException>(() => Gazetteer.Load([file]));
        ex.File.ShouldBe(file);
        ex.Line.ShouldBe(lineNumber);
        ex.Message.ShouldStartWith($"{file}:{lineNumber}: ");
        ex.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_missing_user_file_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("nope.txt");
        var ex = Should.Throw<GazetteerException>(() => Gazetteer.Load([missing]));
        ex.File.ShouldBe(missing);
        ex.Message.ShouldStartWith(missing + ": cannot read");
    }

    [Fact]
    public void The_lookup_command_prints_matches_and_refuses_a_malformed_gazetteer_with_its_line()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = CliRunner.Run(["gazetteer", "lookup", "Secretary of War Pete Hegseth spoke off the coast of Venezuela."]);
        code.ShouldBe(0);
        stdout.ShouldContain("Pete Hegseth\tEntity\tPERSON\tperson:pete-hegseth");
        stdout.ShouldContain("off the coast of Venezuela\tMaritime\tGPE\tgeo:3625428\tVenezuela\tVE\tOffCoast");

        var bad = dir.File("bad.txt", "actor:x | ORG | US | X\nactor:y | ORG\n");
        var (badCode, _, stderr) = CliRunner.Run(["gazetteer", "lookup", "text", "--gazetteer", bad]);
        badCode.ShouldBe(1);
        stderr.ShouldContain($"{bad}:2: expected");
    }

    [Fact]
    public void The_shipped_data_has_the_promised_breadth()
    {
        var g = Gazetteer.Default;
        g.Entries.Count(e => e.Place == PlaceKind.Country).ShouldBe(252);
        g.Entries.Count(e => e.Place == PlaceKind.Admin1).ShouldBe(3885);
        g.Entries.Count(e => e.Place == PlaceKind.City).ShouldBe(22936);
        g.Entries.Count(e => e.Type == EntityType.Outlet).ShouldBeGreaterThanOrEqualTo(50);
        g.Entries.Count(e => e.Type == EntityType.Person).ShouldBeGreaterThanOrEqualTo(40);
        g.Entries.Count(e => e.Type == EntityType.Group).ShouldBeGreaterThanOrEqualTo(30);
        g.Entries.Count(e => e.Type == EntityType.Norp).ShouldBeGreaterThanOrEqualTo(100);
        g.Entries.Count(e => e.Place is PlaceKind.Sea or PlaceKind.Region).ShouldBeGreaterThanOrEqualTo(50);
        g.Entries.Select(e => e.Key).ShouldBeUnique();
        // Every curated country code is a GeoNames country, and every demonym points at one.
        g.Entries.Where(e => e.Country is not null).ShouldAllBe(e => g.Country(e.Country!) != null);
        Gazetteer.Load([]).ShouldBeSameAs(Gazetteer.Default);
    }

    [SharedDataFact("data/geo")]
    public void The_shipped_GeoNames_files_are_what_build_geo_makes_from_the_shared_dumps()
    {
        using var dir = new TempDirectory();
        var written = GeoNames.Build(SharedData.PathTo("data", "geo"), dir.Path);
        written.Count.ShouldBe(3);
        var shipped = Path.Combine(RepositoryRoot(), "data", "gazetteers");
        foreach (var path in written)
        {
            File.ReadAllText(path).ShouldBe(File.ReadAllText(Path.Combine(shipped, Path.GetFileName(path))), Path.GetFileName(path));
        }
        var total = Directory.GetFiles(shipped).Sum(f => new FileInfo(f).Length);
        total.ShouldBeLessThan(5L * 1024 * 1024);
    }

    [Fact]
    public void Useful_alternate_names_are_latin_script_capitalized_names_other_than_the_name()
    {
        GeoNames.UsefulAlternates("Kiev", "Kiev", "KBP,Kyiv,Kiew,kyiv,Киев,Kiev,Kyïv,Ki ev o sh x y,Kiyev")
            .ShouldBe(["Kyiv", "Kiew", "Kiyev"]);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
