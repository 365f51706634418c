using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Tests.Documents;

/// <summary>The one reading of a wire dateline that publication dates, the time reader and the sentence splitter share (made-up datelines).</summary>
public sealed class DatelineTests
{
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Build();

    [Theory]
    [InlineData("KHARTOUM, March 3 (Reuters) - Shelling hit the market.", "March 3")]
    [InlineData("Oct 5 (Reuters) - Shelling hit the market.", "Oct 5")]
    [InlineData("JAMMU, June 17: Shelling hit the market.", "June 17")]
    [InlineData("Kabul [Afghanistan], October 15 (ANI): Shelling hit the market.", "October 15")]
    [InlineData("KYIV, Ukraine, Oct. 3, 2025 — Drones hit the city.", "Oct. 3, 2025")]
    public void The_date_of_a_dated_dateline_is_read_where_it_stands(string text, string date)
    {
        var at = text.IndexOf(date, StringComparison.Ordinal);
        Datelines.InDate(text, at).ShouldBeTrue();
        Datelines.InDate(text, at + date.Length - 1).ShouldBeTrue();
        Datelines.InDate(text, text.Length - 3).ShouldBeFalse();
        PublicationDates.InDateline(text, at).ShouldBeTrue();
    }

    [Fact]
    public void A_date_in_prose_with_no_bracket_dash_or_colon_after_it_is_no_dateline()
    {
        const string text = "Shelling hit the market on March 3 and officials said.";
        Datelines.InDate(text, text.IndexOf("March", StringComparison.Ordinal)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("JAMMU, June 17: Shelling hit the market.", false)]
    [InlineData("JAMMU, June 17 (PTI): Shelling hit the market.", true)]
    [InlineData("KYIV, Aug 26 - Drones hit the city.", true)]
    public void Without_the_colon_only_a_bracket_or_a_dash_closes_the_date(string text, bool dateline) =>
        Datelines.InDate(text, text.IndexOf(',', StringComparison.Ordinal) + 2, colonCloses: false).ShouldBe(dateline);

    [Theory]
    [InlineData("KHARTOUM, March 3 (Reuters) - Shelling hit the market.", "KHARTOUM, March 3 (Reuters) -")]
    [InlineData("GAO, Mali (AFP) — Gunmen attacked a convoy.", "GAO, Mali (AFP) —")]
    [InlineData("KYIV — Drones hit the city.", "KYIV —")]
    [InlineData("WASHINGTON: The Senate voted.", "WASHINGTON:")]
    [InlineData("Washington - the capital - was quiet.", null)]
    [InlineData("WASHINGTON: a brief note.", null)]
    public void A_dateline_in_capitals_ends_at_its_dash_or_colon(string text, string? dateline)
    {
        var analyzed = Pipeline.Process(text);
        foreach (var dated in new[] { false, true })
        {
            var end = Datelines.EndToken(analyzed, 0, dated);
            (end < 0 ? null : analyzed.Span(0, end + 1).Text).ShouldBe(dateline);
        }
    }

    [Theory]
    [InlineData("Oct 5 (Reuters) - Shelling hit the market.", "Oct 5 (Reuters) -")]
    [InlineData("Kabul, Oct. 3 (Reuters) - Shelling hit the market.", "Kabul, Oct. 3 (Reuters) -")]
    [InlineData("Kabul [Afghanistan], October 15 (ANI): Shelling hit the market.", "Kabul [Afghanistan], October 15 (ANI):")]
    public void A_dated_dateline_not_in_capitals_ends_at_its_dash_only_when_asked(string text, string dateline)
    {
        var analyzed = Pipeline.Process(text);
        Datelines.EndToken(analyzed, 0, dated: false).ShouldBe(-1);
        var end = Datelines.EndToken(analyzed, 0, dated: true);
        end.ShouldBeGreaterThan(0);
        analyzed.Span(0, end + 1).Text.ShouldBe(dateline);
    }
}
