using System.Text;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Boilerplate rules never drop a paragraph that carries the story's sentences.</summary>
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
}
