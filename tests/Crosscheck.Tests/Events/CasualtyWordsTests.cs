using Crosscheck.Events;

namespace Crosscheck.Tests.Events;

/// <summary>The casualty word lists come from data/events/casualty-words.txt.</summary>
public sealed class CasualtyWordsTests
{
    [Fact]
    public void Sections_hold_their_words_without_comments_and_ignoring_case()
    {
        var sections = CasualtyWords.Parse(new StringReader("# a file\n@died\ndied dies  # verbs\nperished\n\n@multiple-victims\ndouble=2 triple=3\n"));
        sections.Keys.Order(StringComparer.Ordinal).ShouldBe(["died", "multiple-victims"]);
        sections["died"].ShouldBe(["died", "dies", "perished"]);
        sections["multiple-victims"].ShouldBe(["double=2", "triple=3"]);
    }

    [Fact]
    public void Words_before_a_section_are_an_error()
    {
        Should.Throw<FormatException>(() => CasualtyWords.Parse(new StringReader("killed\n@died\ndied\n")));
    }

    [Fact]
    public void The_embedded_file_has_the_lists_the_finder_reads()
    {
        CasualtyWords.Set("person-nouns").ShouldContain("Victims");
        CasualtyWords.Set("killed-active").ShouldContain("killing");
        CasualtyWords.Counts("multiple-victims")["Triple"].ShouldBe(3);
        Should.Throw<InvalidOperationException>(() => CasualtyWords.Set("no-such-section"));
    }

    [Theory]
    [InlineData("killing", true)]
    [InlineData("Wounded", true)]
    [InlineData("perished", true)]
    [InlineData("shooting", false)]
    [InlineData("attack", false)]
    public void Outcome_words_tell_how_violence_ended(string word, bool outcome)
    {
        CasualtyFinder.IsOutcomeWord(word).ShouldBe(outcome);
    }
}
