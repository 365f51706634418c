using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

public sealed class HtmlExtractionTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private const string Paragraph1 = "The harbor authority said on Monday that three cargo ships had been held at anchor for two days while inspectors checked their papers.";
    private const string Paragraph2 = "Officials did not say what the inspectors were looking for, but two shipping agents said the checks had slowed traffic across the whole port.";
    private const string Paragraph3 = "A spokesperson for the authority, speaking on condition of anonymity, said the ships would be allowed to leave once the checks were done.";
    private const string Paragraph4 = "Port workers said the queue of trucks waiting outside the gates had grown to more than two kilometres by Tuesday evening, the longest this year.";

    private static string Page(string article, string head = "") => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><title>Ships held at port | Example Tribune</title>{{head}}</head>
        <body>
          <div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy, which you can read here.</p></div>
          <header class="site-header"><a href="/">Example Tribune</a></header>
          <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          <div class="layout">
            {{article}}
            <div class="sidebar-links"><ul>
              <li><a href="/a">Markets close higher after a quiet session</a></li>
              <li><a href="/b">Storm warning issued for the coast tonight</a></li>
              <li><a href="/c">Local team wins the cup after extra time</a></li>
            </ul></div>
          </div>
          <div class="site-footer"><p>Copyright 2025 Example Tribune. All rights reserved.</p></div>
        </body>
        </html>
        """;

    private static string Body(ExtractedArticle article) =>
        string.Join("\n", article.Blocks.Where(b => b.Kind is null or SegmentKind.Subhead).Select(b => b.Text));

    [Fact]
    public void Paragraphs_of_the_article_come_out_once_each_and_in_order()
    {
        var html = Page($"""
            <article>
              <h1>Ships held at port</h1>
              <p>{Paragraph1}</p>
              <p>{Paragraph2}</p>
              <p>{Paragraph3}</p>
              <p>{Paragraph4}</p>
            </article>
            """);

        var paragraphs = Extractor.Extract(html).Blocks.Where(b => b.Kind is null).Select(b => b.Text).ToList();

        paragraphs.ShouldBe([Paragraph1, Paragraph2, Paragraph3, Paragraph4]);
    }

    [Fact]
    public void Navigation_cookie_notice_share_bar_related_links_and_comments_are_left_out()
    {
        var html = Page($"""
            <article class="story">
              <h1>Ships held at port</h1>
              <div class="share-bar"><a href="https://social.example/share">Share on Social</a> <a href="mailto:?">Email this story to a friend today</a></div>
              <p>{Paragraph1}</p>
              <p>{Paragraph2}</p>
              <div class="related-stories"><h3>Related</h3><p>Earlier this year the authority closed the eastern berth for repairs that lasted a month.</p></div>
              <p>{Paragraph3}</p>
              <p>{Paragraph4}</p>
              <section class="comments">
                <h2>Comments</h2>
                <p>I drove past the port yesterday and the trucks really were queued all the way to the motorway, terrible.</p>
              </section>
            </article>
            """);

        var body = Body(Extractor.Extract(html));

        body.ShouldBe(string.Join("\n", Paragraph1, Paragraph2, Paragraph3, Paragraph4));
        body.ShouldNotContain("cookie");
        body.ShouldNotContain("Business");
        body.ShouldNotContain("Share on");
        body.ShouldNotContain("eastern berth");
        body.ShouldNotContain("Storm warning");
        body.ShouldNotContain("motorway");
        body.ShouldNotContain("All rights reserved");
    }

    [Fact]
    public void Bylines_dates_ad_labels_and_image_credits_are_left_out()
    {
        var html = Page($"""
            <article>
              <h1>Ships held at port</h1>
              <p>By Jane Example</p>
              <p>Published November 3, 2025</p>
              <p>{Paragraph1}</p>
              <div class="ad-slot"><p>Advertisement</p></div>
              <p>{Paragraph2}</p>
              <p>Cranes stand idle at the container terminal (Photo: Example Agency)</p>
              <p>{Paragraph3}</p>
            </article>
            """);

        Body(Extractor.Extract(html)).ShouldBe(string.Join("\n", Paragraph1, Paragraph2, Paragraph3));
    }

    [Fact]
    public void The_title_is_a_headline_inner_headings_are_subheads_and_figure_captions_are_captions()
    {
        var html = Page($"""
            <article>
              <h1>Ships held at port</h1>
              <p>{Paragraph1}</p>
              <figure><img src="port.jpg" alt=""><figcaption>Container ships at anchor outside the harbor.</figcaption></figure>
              <p>{Paragraph2}</p>
              <h2>What happens next</h2>
              <p>{Paragraph3}</p>
              <p>{Paragraph4}</p>
            </article>
            """);

        var blocks = Extractor.Extract(html).Blocks;

        blocks.ShouldContain(new TextBlock("Ships held at port", SegmentKind.Headline));
        blocks.ShouldContain(new TextBlock("What happens next", SegmentKind.Subhead));
        blocks.ShouldContain(new TextBlock("Container ships at anchor outside the harbor.", SegmentKind.Caption));
        blocks.Select(b => b.Text).ShouldBe(["Ships held at port", Paragraph1, "Container ships at anchor outside the harbor.", Paragraph2, "What happens next", Paragraph3, Paragraph4]);
    }

    [Fact]
    public void Text_written_straight_into_a_div_and_split_by_line_breaks_becomes_paragraphs()
    {
        var html = Page($"""
            <div class="post-body">
              {Paragraph1}<br><br>
              {Paragraph2}<br><br>
              <b>{Paragraph3}</b><br><br>
              {Paragraph4}
            </div>
            """);

        Extractor.Extract(html).Blocks.Where(b => b.Kind is null).Select(b => b.Text).ShouldBe([Paragraph1, Paragraph2, Paragraph3, Paragraph4]);
    }

    [Fact]
    public void An_article_split_around_an_advertisement_is_read_whole()
    {
        var html = Page($"""
            <main>
              <div class="chunk"><p>{Paragraph1}</p><p>{Paragraph2}</p></div>
              <div class="advert"><p>Advertisement</p></div>
              <div class="chunk"><p>{Paragraph3}</p><p>{Paragraph4}</p></div>
            </main>
            """);

        Body(Extractor.Extract(html)).ShouldBe(string.Join("\n", Paragraph1, Paragraph2, Paragraph3, Paragraph4));
    }

    [Fact]
    public void Lists_and_quotes_inside_the_article_are_kept()
    {
        var html = Page($"""
            <article>
              <p>{Paragraph1}</p>
              <ul><li>Three ships were held for two days.</li><li>Trucks queued for two kilometres.</li></ul>
              <blockquote><p>We expect the checks to be finished by the end of the week, and traffic to return to normal.</p></blockquote>
              <p>{Paragraph2}</p>
            </article>
            """);

        Body(Extractor.Extract(html)).ShouldBe(string.Join("\n",
            Paragraph1, "Three ships were held for two days.", "Trucks queued for two kilometres.",
            "We expect the checks to be finished by the end of the week, and traffic to return to normal.", Paragraph2));
    }

    [Fact]
    public void Metadata_comes_from_open_graph_meta_tags_and_the_html_language()
    {
        var head = """
            <meta property="og:site_name" content="Example Tribune">
            <meta property="og:title" content="Ships held at port">
            <meta property="og:url" content="https://news.example.com/2025/11/ships-held">
            <meta property="article:published_time" content="2025-11-03T08:30:00Z">
            """;

        var metadata = Extractor.Extract(Page($"<article><p>{Paragraph1}</p></article>", head)).Metadata;

        metadata.Outlet.ShouldBe("Example Tribune");
        metadata.Title.ShouldBe("Ships held at port");
        metadata.Url.ShouldBe("https://news.example.com/2025/11/ships-held");
        metadata.Published.ShouldBe(new DateOnly(2025, 11, 3));
        metadata.Language.ShouldBe("en");
    }

    [Fact]
    public void Metadata_falls_back_to_json_ld_when_there_are_no_meta_tags()
    {
        var head = """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "NewsArticle", "headline": "Ships held at port", "datePublished": "2025-11-04",
               "url": "https://news.example.com/ships", "publisher": {"@type": "Organization", "name": "Example Tribune"}}
            ]}
            </script>
            """;

        var metadata = Extractor.Extract(Page($"<article><p>{Paragraph1}</p></article>", head)).Metadata;

        metadata.Outlet.ShouldBe("Example Tribune");
        metadata.Published.ShouldBe(new DateOnly(2025, 11, 4));
        metadata.Url.ShouldBe("https://news.example.com/ships");
    }

    [Fact]
    public void A_feed_fragment_keeps_its_paragraphs_and_drops_its_share_links()
    {
        var blocks = Extractor.ExtractFragment($"<p>{Paragraph1}</p><p>{Paragraph2}</p><div class=\"share\"><a href=\"#\">Share this</a></div>");

        blocks.Select(b => b.Text).ShouldBe([Paragraph1, Paragraph2]);
    }
}
