using Crosscheck.Linking;

namespace Crosscheck.Tests.Linking;

/// <summary>Runs Specs/wire-credits.spec.md: a text in, the wire agency it is credited to out.</summary>
public sealed class WireCreditSpecTests
{
    private const string Spec = "wire-credits.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_credit_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var found = WireCredits.Find(example["text"]);
        $"wire {found ?? "none"}".ShouldBe(example.Lines("expect").Single(), name);
    }

    [Fact]
    public void The_spec_file_has_credited_and_uncredited_texts()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count(e => e.Lines("expect").Single() != "wire none").ShouldBeGreaterThanOrEqualTo(5);
        examples.Count(e => e.Lines("expect").Single() == "wire none").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Forms_of_one_agency_are_one_origin()
    {
        WireCredits.Agency("AP").ShouldBe("Associated Press");
        WireCredits.Agency("The Associated Press").ShouldBe("Associated Press");
        WireCredits.Agency("the Associated Press").ShouldBe("Associated Press");
        WireCredits.Agency("Nation Thailand").ShouldBeNull();
        SourceOrigins.Key("AP").ShouldBe(SourceOrigins.Key("The Associated Press"));
        SourceOrigins.Key("NBC").ShouldBe(SourceOrigins.Key("NBC News"));
        SourceOrigins.Key("Reuters").ShouldNotBe(SourceOrigins.Key("AFP"));
    }
}
