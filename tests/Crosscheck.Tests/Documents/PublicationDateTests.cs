using System.Text;
using System.Text.Json;
using Crosscheck.Cli;
using Crosscheck.Documents;
using FsCheck;
using FsCheck.Fluent;

namespace Crosscheck.Tests.Documents;

/// <summary>The publication date recovered when metadata has none: from the top of the text, the URL, the file name (made-up inputs).</summary>
public sealed class PublicationDateTests
{
    private static Document Read(string source, string text, string extension = ".txt") =>
        new DocumentReader(new ReaderOptions { RecoverPublished = true }).ReadBytes(source, Encoding.UTF8.GetBytes(text), extension).Single().Document.ShouldNotBeNull();

    private const string Body = "Two ferries collided in the harbor, injuring four passengers, the coast guard said.\n\nThe port reopened after divers cleared the wreckage.\n";

    [Theory]
    [InlineData("HARBORTON, Oct. 3, 2025 (Coastline Wire) — ", "2025-10-03")]
    [InlineData("HARBORTON, Westland, Oct. 3, 2025 (Coastline Wire) - ", "2025-10-03")]   // the place's country after a comma
    [InlineData("Oct. 3, 2025 — ", "2025-10-03")]
    [InlineData("Published 3 October 2025\n", "2025-10-03")]
    [InlineData("FRIDAY, OCTOBER 3, 2025\n", "2025-10-03")]
    [InlineData("By Lena Okafor | Oct 3, 2025 | 4 min read\n", "2025-10-03")]
    [InlineData("2025-10-03 09:12:44 | ", "2025-10-03")]
    public void A_date_with_its_year_at_the_top_of_the_text(string top, string day)
    {
        var doc = Read("story.txt", top + Body);
        doc.Metadata.Published.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        doc.Metadata.PublishedFrom.ShouldBe(PublishedFrom.Dateline);
    }

    [Theory]
    [InlineData("https://example.org/news/2025/10/03/ferries-collide", "2025-10-03")]
    [InlineData("https://example.org/world/2025/Oct/03/ferries-collide", "2025-10-03")]
    [InlineData("https://example.org/ferries-collide-2025-10-03/", "2025-10-03")]
    [InlineData("https://example.org/story/ferries-20251003", "2025-10-03")]
    [InlineData("https://example.org/story/ferries-20251003091244", "2025-10-03")]
    public void A_date_in_the_url(string url, string day)
    {
        var doc = Read("story.txt", $"---\nurl: {url}\n---\n{Body}");
        doc.Metadata.Published.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        doc.Metadata.PublishedFrom.ShouldBe(PublishedFrom.Url);
    }

    [Theory]
    [InlineData("2025-10-03_harbor-ledger_ferries.txt", "2025-10-03")]
    [InlineData("/tmp/in/20251003-ferries.txt", "2025-10-03")]
    public void A_date_at_the_start_of_the_file_name(string source, string day)
    {
        var doc = Read(source, Body);
        doc.Metadata.Published.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        doc.Metadata.PublishedFrom.ShouldBe(PublishedFrom.FileName);
    }

    [Fact]
    public void Metadata_wins_and_says_so()
    {
        var doc = Read("2024-01-01_x.txt", $"---\npublished: 2025-10-05\nurl: https://example.org/2025/10/03/x\n---\nOct. 4, 2025 — {Body}");
        doc.Metadata.Published.ShouldBe(new DateOnly(2025, 10, 5));
        doc.Metadata.PublishedFrom.ShouldBe(PublishedFrom.Metadata);
    }

    [Fact]
    public void The_top_of_the_text_comes_before_the_url_and_the_url_before_the_file_name()
    {
        Read("2025-10-01_x.txt", $"---\nurl: https://example.org/2025/10/02/x\n---\nOct. 3, 2025 — {Body}").Metadata.Published.ShouldBe(new DateOnly(2025, 10, 3));
        Read("2025-10-01_x.txt", $"---\nurl: https://example.org/2025/10/02/x\n---\n{Body}").Metadata.Published.ShouldBe(new DateOnly(2025, 10, 2));
    }

    [Theory]
    [InlineData("https://example.org/news/2025/10/ferries", "KYIV, Oct 3 (Coastline Wire) — ", "2025-10-03")]
    [InlineData("https://example.org/news/2025/10/ferries", "ODESA, Ukraine, Oct 3 (Coastline Wire) — ", "2025-10-03")]
    [InlineData("https://example.org/news/2026/01/ferries", "WASHINGTON, Dec. 30 (Coastline Wire) - ", "2025-12-30")]
    [InlineData(null, "July 26 (Coastline Wire) -- The ferry sank on July 24, 2025, and ", "2025-07-26")]
    public void A_dateline_without_its_year_takes_the_year_from_other_evidence(string? url, string top, string day)
    {
        var front = url is null ? "" : $"---\nurl: {url}\n---\n";
        var doc = Read("story.txt", front + top + Body);
        doc.Metadata.Published.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        doc.Metadata.PublishedFrom.ShouldBe(PublishedFrom.Dateline);
    }

    [Theory]
    [InlineData("KYIV, Dec 7 (Coastline Wire) — ")]                  // no year anywhere
    [InlineData("KYIV, Feb 30 (Coastline Wire) — ")]                 // no such day
    [InlineData("Feb. 30, 2025 — ")]
    [InlineData("0000-01-01 | ")]
    [InlineData("Published 3 October 0001\n")]
    [InlineData("Jan. 1, 9999 — ")]
    [InlineData("The talks on Oct. 3, 2025 ended without a deal, and ")] // a date inside a long opening sentence is no dateline
    public void Odd_or_missing_dates_give_no_date_and_no_error(string top)
    {
        var doc = Read("story.txt", top + Body + "Officials met on Tuesday, and 2000 days ago a bridge fell.\n");
        doc.Metadata.Published.ShouldBeNull();
        doc.Metadata.PublishedFrom.ShouldBeNull();
    }

    [Theory]
    [InlineData("https://example.org/2025/13/45/x")]
    [InlineData("https://example.org/0000/01/01/x")]
    [InlineData("https://example.org/a/99999999999999999999")]
    [InlineData("not a url at all")]
    [InlineData("https://example.org/item/1110216317")]
    public void Urls_without_a_real_date_give_none(string url) =>
        PublicationDates.FromUrl(url).Day.ShouldBeNull();

    [Fact]
    public void Any_mix_of_date_pieces_gives_a_sane_date_or_none_and_never_throws()
    {
        var piece = Gen.Elements("KYIV", ",", " ", "Oct.", "Feb", "30", "3", "0", "2025", "0000", "9999", "99999999999999", "-", "—", "(", ")", "[", "]",
            "\n", "Published", "Tuesday,", "2025-10-03", "2025-02-30", "/", "20251003", "1e308", "Sept", "31st", ":", "|");
        var text = Gen.ListOf(piece).Select(p => string.Concat(p));
        PropertyCheck.ForAll(text.Zip(text), c =>
        {
            var (top, url) = c;
            var found = PublicationDates.Recover(top + "\n" + Body, "https://example.org/" + url, url + ".txt");
            if (found is { } f) f.Date.Year.ShouldBeInRange(PublicationDates.MinYear, PublicationDates.MaxYear);
        }, count: 300);
    }

    [Fact]
    public void Analyze_shows_where_the_date_came_from()
    {
        using var dir = new TempDirectory();
        dir.File("story.txt", "---\npublished: 2025-11-10\n---\nFerry strike\nGunmen attacked a ferry terminal on Saturday night, killing three guards, officials said.\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CrosscheckCli.Run(["analyze", dir.Path], stdout, stderr).ShouldBe(0);

        using var json = JsonDocument.Parse(stdout.ToString());
        var doc = json.RootElement.GetProperty("documents").EnumerateArray().Single();
        doc.GetProperty("published").GetString().ShouldBe("2025-11-10");
        doc.GetProperty("publishedFrom").GetString().ShouldBe("metadata");
        var time = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("time"))
            .First(t => t.ValueKind == JsonValueKind.Object);
        time.GetProperty("text").GetString().ShouldBe("Saturday night");
        time.GetProperty("start").GetString().ShouldBe("2025-11-08");
    }

    [Theory]
    [InlineData(false, null, null, null)]
    [InlineData(true, "2025-11-10", "dateline", "2025-11-08")]
    public void Analyze_recovers_a_dateline_date_when_asked_and_resolves_the_weekday_against_it(bool recover, string? published, string? from, string? day)
    {
        using var dir = new TempDirectory();
        dir.File("story.txt", "Ferry strike\nHARBORTON, Nov. 10, 2025 (Coastline Wire) — Gunmen attacked a ferry terminal on Saturday night, killing three guards, officials said.\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CrosscheckCli.Run(recover ? ["analyze", dir.Path] : ["analyze", dir.Path, "--no-date-recovery"], stdout, stderr).ShouldBe(0);

        using var json = JsonDocument.Parse(stdout.ToString());
        var doc = json.RootElement.GetProperty("documents").EnumerateArray().Single();
        doc.GetProperty("published").GetString().ShouldBe(published);
        doc.GetProperty("publishedFrom").GetString().ShouldBe(from);
        var time = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("time"))
            .First(t => t.ValueKind == JsonValueKind.Object && t.GetProperty("text").GetString() == "Saturday night");
        time.GetProperty("start").GetString().ShouldBe(day);
    }
}
