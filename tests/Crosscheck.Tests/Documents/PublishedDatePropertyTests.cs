using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Crosscheck.Documents;
using Crosscheck.Linking;
using Crosscheck.Storage;
using FsCheck;
using FsCheck.Fluent;

namespace Crosscheck.Tests.Documents;

/// <summary>
/// Publication dates as every reader meets them (front matter, HTML meta and JSON-LD, RSS and Atom, JSON lines),
/// from the first day of the calendar to the last, with any time zone offset and as bare numbers: reading never
/// throws, an ISO date the calendar has is that day, and the document then reads and links without throwing.
/// </summary>
public sealed class PublishedDatePropertyTests
{
    private const string Body =
        "The council met on Tuesday, officials said. Two people were killed yesterday and 12345678901234567890 people fled last week, witnesses said.\n\n" +
        "Talks resumed 3 days ago and will continue next month, the ministry said. About 99999999999999999999999 troops arrived in 2019, and 1e308 billion dollars were pledged.\n\n" +
        "Since September, more than 40 people have been detained in the capital, according to a rights group that has tracked the arrests.";

    /// <summary>A date as a page may write it, and the day it must be read as (null when no day, or no one day, is owed).</summary>
    private sealed record Written(string Text, DateOnly? Owed);

    private static readonly Gen<string> Offset = Gen.Elements("Z", "+00:00", "+14:00", "-12:00", "+05:30", "-23:59", "+99:99", "+1400", "");

    private static readonly Gen<string> Time = Gen.Elements("", "T00:00:00", "T23:59:59", "T12:30", "T09:30:00.1234567", " 10:00:00", "T24:00:00");

    /// <summary>An ISO date with a four-digit year the calendar has: always read as that day, whatever follows it.</summary>
    private static readonly Gen<Written> IsoDay =
        from day in PropertyCheck.AnyDay
        from time in Time
        from offset in Offset
        select new Written(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (time.Length == 0 ? "" : time + offset), day);

    /// <summary>Dates outside the calendar or not quite dates, RFC 822 forms and Unix times: read as some day or none, never an exception.</summary>
    private static readonly Gen<Written> Other = Gen.OneOf(
        from year in Gen.Elements("0000", "10000", "-0001", "99999", "0001", "9999")
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from offset in Offset
        select new Written(FormattableString.Invariant($"{year}-{month:00}-{day:00}T12:00:00{offset}"), null),
        from day in PropertyCheck.AnyDay
        from zone in Gen.Elements("GMT", "+0000", "+1400", "-1200", "-9999", "EST", "UTC")
        select new Written(day.ToDateTime(new TimeOnly(10, 0)).ToString("ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " " + zone, null),
        Gen.Elements("1700000000", "-62135596801", "253402300800", "99999999999999999999", "1e308", "-1", "0", "NaN",
            "9223372036854775807", "-9223372036854775808", "0001-01-01", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
            "September 5, 0001", "31 December 9999", "Friday, December 31, 9999", "yesterday").Select(t => new Written(t, null)));

    private static readonly Gen<Written> AnyWritten = Gen.Frequency((3, IsoDay), (2, Other));

    private static readonly Lazy<DocumentFacts> Ordinary = new(() => RecordLoader.Analyze(ReadOne("ordinary.txt",
        "---\npublished: 2025-03-14\n---\nPort closes\nThe port closed on Monday after two ships collided, officials said.\n")));

    [Fact]
    public void Front_matter_published_dates() => Check("a.md", d => $"---\noutlet: Harbor Ledger\npublished: {d}\n---\nCouncil meets\n{Body}\n");

    [Fact]
    public void Html_meta_published_dates() => Check("a.html", d => Page($"<meta property=\"article:published_time\" content=\"{WebUtility.HtmlEncode(d)}\">"));

    [Fact]
    public void Html_json_ld_published_dates() => Check("a.html", d => Page(
        $"<script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"headline\": \"Council meets\", \"datePublished\": {JsonSerializer.Serialize(d)}}}</script>"));

    [Fact]
    public void Rss_pub_dates() => Check("feed.rss", d => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Coastline Wire</title>
          <item><title>Council meets</title><guid>cw-1</guid><pubDate>{WebUtility.HtmlEncode(d)}</pubDate>
            <description>{WebUtility.HtmlEncode(Body)}</description></item>
        </channel></rss>
        """);

    [Fact]
    public void Atom_published_dates() => Check("feed.atom", d => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Post</title>
          <entry><title>Council meets</title><id>urn:mp:1</id><published>{WebUtility.HtmlEncode(d)}</published>
            <content type="text">{WebUtility.HtmlEncode(Body)}</content></entry>
        </feed>
        """);

    [Fact]
    public void Json_lines_published_dates() => Check("batch.jsonl", d =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "a1", ["published"] = d, ["title"] = "Council meets", ["text"] = "Council meets\n" + Body }));

    [Fact]
    public void Json_lines_published_numbers_are_no_date_and_do_not_throw()
    {
        var numbers = Gen.Elements("1700000000", "-62135596801", "253402300800", "1e308", "-1e308", "99999999999999999999999999", "0.5", "-0");
        PropertyCheck.ForAll(numbers, n =>
        {
            var document = ReadOne("batch.jsonl", $"{{\"id\": \"a1\", \"published\": {n}, \"text\": {JsonSerializer.Serialize("Council meets\n" + Body)}}}");
            document.Metadata.Published.ShouldBeNull(n);
            AnalyzeAndLink(document);
        }, count: 20);
    }

    /// <summary>Reads the date through one reader, checks the day owed, then analyzes and links the document beside an ordinary one.</summary>
    private static void Check(string name, Func<string, string> input) =>
        PropertyCheck.ForAll(AnyWritten, written =>
        {
            var document = ReadOne(name, input(written.Text));
            if (written.Owed is { } owed) document.Metadata.Published.ShouldBe(owed, written.Text);
            AnalyzeAndLink(document);
        }, count: 60);

    private static Document ReadOne(string name, string content)
    {
        var result = new DocumentReader().ReadBytes(name, Encoding.UTF8.GetBytes(content), Path.GetExtension(name)).ShouldHaveSingleItem();
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static void AnalyzeAndLink(Document document)
    {
        var facts = RecordLoader.Analyze(document);
        var linker = new CrossDocumentLinker();
        linker.Add(Ordinary.Value);
        linker.Add(facts);
        linker.Snapshot().Stories.ShouldNotBeEmpty();
    }

    private static string Page(string head) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><title>Council meets | Example Tribune</title>{head}</head>
        <body><article><h1>Council meets</h1>
        {string.Concat(Body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
        </article></body></html>
        """;
}
