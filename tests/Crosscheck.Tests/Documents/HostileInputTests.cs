using System.Text;
using Crosscheck.Documents;
using Crosscheck.Storage;

namespace Crosscheck.Tests.Documents;

/// <summary>
/// Inputs made to exhaust a reader: each is read or refused with one line naming it, and nothing of a refused input
/// is stored. Outcomes only; <c>crosscheck bench hostile</c> measures time and memory at full size.
/// </summary>
public sealed class HostileInputTests
{
    private const string Story = "Officials said the harbor reopened on Monday after repairs. The council will meet again next week, a spokesperson told reporters.";

    private static List<ReadResult> Read(string name, string content, ReaderOptions? options = null) =>
        new DocumentReader(options).ReadBytes(name, Encoding.UTF8.GetBytes(content), Path.GetExtension(name)).ToList();

    [Fact]
    public void A_page_nested_two_hundred_thousand_elements_deep_keeps_its_paragraph()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 200_000; i++) html.Append("<div>");
        html.Append("<p>").Append(Story).Append("</p>");
        for (var i = 0; i < 200_000; i++) html.Append("</div>");
        html.Append("</body></html>");

        var result = Read("deep.html", html.ToString()).Single();

        result.Error.ShouldBeNull();
        result.Document!.Text.ShouldContain("Officials said the harbor reopened on Monday");
    }

    [Fact]
    public void Paragraphs_past_the_nesting_limit_stay_apart_and_in_order()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 600; i++) html.Append("<div>");
        html.Append("<p>").Append(Story).Append("</p><p>The second paragraph says the ferry will run again on Friday, the operator said.</p>");
        for (var i = 0; i < 600; i++) html.Append("</div>");
        html.Append("</body></html>");

        var doc = Read("deep.html", html.ToString()).Single().Document!;

        doc.Segments.Select(doc.Slice).ShouldBe([Story, "The second paragraph says the ferry will run again on Friday, the operator said."]);
    }

    [Fact]
    public void A_tag_with_a_hundred_thousand_attributes_is_read()
    {
        var html = new StringBuilder("<html><body><div");
        for (var i = 0; i < 100_000; i++) html.Append(" a").Append(i).Append("=\"v\"");
        html.Append("><p>").Append(Story).Append("</p></div></body></html>");

        Read("attributes.html", html.ToString()).Single().Document!.Text.ShouldContain("harbor reopened");
    }

    [Fact]
    public void A_json_line_longer_than_an_article_is_refused_alone()
    {
        var options = new ReaderOptions { MaxArticleChars = 1_000 };
        var text = "{\"id\":\"ok\",\"text\":\"" + Story + "\"}\n{\"id\":\"huge\",\"text\":\"" + string.Concat(Enumerable.Repeat(Story + " ", 50)) + "\"}\n";

        var results = Read("batch.jsonl", text, options);

        results.Count.ShouldBe(2);
        results[0].Document!.Source.ShouldBe("batch.jsonl#ok");
        results[1].Error!.Input.ShouldBe("batch.jsonl#huge");
        results[1].Error!.Reason.ShouldStartWith("article text too long");
    }

    [Fact]
    public void A_plain_text_file_too_long_for_one_article_is_refused_before_it_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("huge.txt", string.Concat(Enumerable.Repeat(Story + "\n", 100)));

        var result = new DocumentReader(new ReaderOptions { MaxArticleChars = 1_000 }).Read([path]).Single();

        result.Error!.Input.ShouldBe(path);
        result.Error.Reason.ShouldStartWith("too long for one article");
    }

    [Fact]
    public void Text_without_a_space_or_a_line_break_is_one_paragraph_or_refused_as_too_long()
    {
        var word = new string('x', 5_000) + ".";
        Read("word.txt", word).Single().Document!.Segments.Length.ShouldBe(1);
        Read("word.txt", word, new ReaderOptions { MaxArticleChars = 1_000 }).Single().Error!.Reason.ShouldStartWith("article text too long");
    }

    [Fact]
    public void Every_item_of_a_feed_with_thousands_of_items_is_read()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
        for (var i = 0; i < 3_000; i++) xml.Append($"<item><guid>g{i}</guid><title>Report {i}</title><description>Report number {i}. {Story}</description></item>");
        xml.Append("</channel></rss>");

        var results = Read("feed.xml", xml.ToString());

        results.Count.ShouldBe(3_000);
        results.ShouldAllBe(r => r.Document != null);
        results[^1].Document!.Source.ShouldBe("feed.xml#g2999");
    }

    [Fact]
    public void A_feed_of_more_items_than_a_feed_holds_is_refused_before_any_item_is_read()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
        for (var i = 0; i <= 10_000; i++) xml.Append($"<item><guid>g{i}</guid><title>Report {i}</title><description>Report {i}.</description></item>");
        xml.Append("</channel></rss>");

        var result = Read("archive.xml", xml.ToString()).Single();

        result.Document.ShouldBeNull();
        result.Error!.Input.ShouldBe("archive.xml");
        result.Error.Reason.ShouldStartWith("a feed of more than 10,000 items; give an archive as JSON lines");
    }

    [Fact]
    public void Many_small_files_in_a_folder_are_all_stored_once()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 500; i++) dir.File($"in/{i:D4}.txt", $"Report {i}\nReport number {i} was filed. {Story}\n");
        using var store = DocumentStore.Open(dir.Combine("x.db"));

        var summary = new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("in")]);

        summary.Failed.ShouldBe(0);
        store.Count.ShouldBe(500);
    }

    [Fact]
    public void A_refused_feed_stores_nothing_of_its_items()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("in/feed.xml", $"<?xml version=\"1.0\"?><rss><channel><item><title>A</title><description>{Story}</description></item><item><title>B</item></channel></rss>");
        dir.File("in/ok.txt", "Ferry resumes\n" + Story + "\n");
        using var store = DocumentStore.Open(dir.Combine("x.db"));

        var summary = new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("in")]);

        summary.Items.Single(i => i.Error is not null).Error!.Input.ShouldBe(feed);
        store.Count.ShouldBe(1);
    }

    [Fact]
    public void A_text_of_more_paragraphs_than_an_article_has_is_refused()
    {
        var lines = "Harbor\n" + string.Concat(Enumerable.Repeat("A short line\n", 6_000));

        Read("lines.txt", lines, new ReaderOptions { MaxParagraphs = 5_000 }).Single().Error!.Reason.ShouldStartWith("too many paragraphs for one article");
        Read("lines.txt", lines).Single().Document!.Segments.Length.ShouldBe(6_001);
    }

    [Fact]
    public void A_feed_nested_two_hundred_thousand_elements_deep_is_refused_with_one_line()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><guid>a</guid><description>").Append(Story).Append("</description><x>");
        for (var i = 0; i < 200_000; i++) xml.Append("<y>");
        for (var i = 0; i < 200_000; i++) xml.Append("</y>");
        xml.Append("</x></item></channel></rss>");

        var result = Read("deep.xml", xml.ToString()).Single();

        result.Error!.Input.ShouldBe("deep.xml");
        result.Error.Reason.ShouldBe("feed nested deeper than 256 elements");
    }
}
