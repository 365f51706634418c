using System.Text;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Boilerplate, caption and furniture rules never drop the text that tells the story.</summary>
public sealed class OneLineArticleTests
{
    private const string Line = "Flood waters reached the old market square on Thursday night, forcing dozens of traders to move their stock. "
        + "The river rose almost two meters in six hours, the city's water board said. Volunteers filled sandbags until dawn. Copyright 2016 The Herald";

    private static Document Read(string name, string content)
    {
        var result = new DocumentReader().ReadBytes(name, Encoding.UTF8.GetBytes(content), Path.GetExtension(name)).Single();
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    [Fact]
    public void A_one_line_article_with_a_copyright_notice_keeps_its_sentences()
    {
        var doc = Read("a.txt", Line + "\n");

        doc.Segments.Single().Kind.ShouldBe(SegmentKind.Lede);
        doc.Slice(doc.Segments[0]).ShouldBe(Line);
    }

    [Fact]
    public void A_page_whose_only_paragraph_ends_with_a_copyright_notice_keeps_it()
    {
        var doc = Read("a.html", "<html><body><div><p>" + Line.Replace("Copyright", "©", StringComparison.Ordinal) + "</p></div></body></html>");

        doc.Segments.Single().Kind.ShouldBe(SegmentKind.Lede);
    }

    [Fact]
    public void A_short_copyright_line_is_still_boilerplate()
    {
        var doc = Read("a.txt", "Flood waters reached the old market square on Thursday night.\nVolunteers filled sandbags until dawn.\n© 2016 The Herald. All rights reserved.\n");

        doc.Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Lede, SegmentKind.Body, SegmentKind.Boilerplate]);
    }

    private const string Caption = "Firefighters worked through the night at the timber yard, where the blaze spread to two sheds. Residents were told to keep their windows shut, the fire service said.";

    [Fact]
    public void A_gallery_page_told_in_figure_captions_keeps_them_as_its_text()
    {
        var figures = string.Concat(Enumerable.Range(1, 3).Select(i => $"<figure><img src=\"{i}.jpg\"><figcaption>Image {i} of 3 {Caption} <button>Close</button></figcaption></figure>"));

        var doc = Read("gallery.html", "<html><body><main><h1>Fire at the timber yard</h1>" + figures + "</main></body></html>");

        doc.Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Headline, SegmentKind.Lede, SegmentKind.Body, SegmentKind.Body]);
        doc.Slice(doc.Segments[1]).ShouldBe("Image 1 of 3 " + Caption);
    }

    [Fact]
    public void A_gallery_whose_items_are_named_caption_is_not_dropped_as_furniture()
    {
        var items = string.Concat(Enumerable.Range(1, 3).Select(i => $"<div class=\"caption\">Image {i} of 3 {Caption}</div><div>Close</div>"));

        var doc = Read("gallery.html", "<html><body><main><h1>Fire at the timber yard</h1>" + items + "</main></body></html>");

        doc.Segments.Count(s => Segment.IsArticleBody(s.Kind) && s.Kind != SegmentKind.Headline).ShouldBe(3);
        doc.Text.ShouldNotContain("Close");
    }

    [Fact]
    public void A_page_with_only_a_photo_credit_still_has_no_article_text()
    {
        var result = new DocumentReader().ReadBytes("photo.html", Encoding.UTF8.GetBytes("<html><body><figure><img src=\"1.jpg\"><figcaption>Photo: Regional Fire Service</figcaption></figure></body></html>"), ".html").Single();

        result.Error!.Reason.ShouldBe("no article text found");
    }
}
