using System.Text;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

public sealed class ReaderTests
{
    private static Document ReadOne(string name, string content)
    {
        var results = new DocumentReader().ReadBytes(name, Encoding.UTF8.GetBytes(content), Path.GetExtension(name)).ToList();
        results.Count.ShouldBe(1);
        results[0].Error.ShouldBeNull();
        return results[0].Document!;
    }

    [Fact]
    public void A_byline_before_the_first_sentence_is_not_the_lede()
    {
        var doc = ReadOne("b.txt", "Navy stops a boat in the gulf\nBy Jane Roe October 15, 2025 4 min read\nThe navy stopped a boat on Monday, officials said.\nIts crew was detained.\n");
        doc.Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Headline, SegmentKind.Subhead, SegmentKind.Lede, SegmentKind.Body]);
    }

    [Fact]
    public void Front_matter_fills_the_metadata_and_is_not_part_of_the_text()
    {
        var doc = ReadOne("a.txt", "---\noutlet: Harbor Ledger\nurl: https://harbor.example/a\npublished: 2025-11-04\ntitle: Navy stops a boat\nlanguage: en\n---\nNavy stops a boat\nThe navy stopped a boat on Monday, officials said.\n");
        doc.Metadata.Outlet.ShouldBe("Harbor Ledger");
        doc.Metadata.Url.ShouldBe("https://harbor.example/a");
        doc.Metadata.Published.ShouldBe(new DateOnly(2025, 11, 4));
        doc.Metadata.Title.ShouldBe("Navy stops a boat");
        doc.Text.ShouldStartWith("Navy stops a boat\nThe navy");
        doc.Segments[0].Kind.ShouldBe(SegmentKind.Headline);
        doc.Segments[1].Kind.ShouldBe(SegmentKind.Lede);
    }

    [Fact]
    public void Segment_offsets_slice_exactly_the_paragraph_text()
    {
        var doc = ReadOne("a.txt", "Storm closes port\n  The port closed on Friday as the storm arrived.  \nShips waited offshore.\n");
        doc.Segments.Select(doc.Slice).ShouldBe(["Storm closes port", "The port closed on Friday as the storm arrived.", "Ships waited offshore."]);
    }

    [Fact]
    public void Windows_line_endings_and_decomposed_accents_are_normalized_without_changing_the_letters()
    {
        var doc = ReadOne("a.txt", "Nicola\u0301s spoke on Monday.\r\nHe said the talks would resume.\r\n");
        doc.Text.ShouldBe("Nicolás spoke on Monday.\nHe said the talks would resume.\n");
    }

    [Fact]
    public void Windows_1252_text_without_a_declaration_is_read_as_such()
    {
        var bytes = Encoding.Latin1.GetBytes("The minister said: \"We will not yield.\" Talks ended on Sunday.").ToList();
        bytes.AddRange([0x20, 0x93, 0x4F, 0x4B, 0x94]); // “OK” in Windows-1252
        var result = new DocumentReader().ReadBytes("a.txt", [.. bytes], ".txt").Single();
        result.Document!.Text.ShouldEndWith("\u201COK\u201D");
    }

    [Fact]
    public void A_declared_html_charset_is_honoured()
    {
        var html = "<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article><p>Caf\u00e9 owners protested on Monday outside the ministry, organizers said.</p></article></body></html>";
        var bytes = Encoding.GetEncoding("iso-8859-1").GetBytes(html);
        var doc = new DocumentReader().ReadBytes("a.html", bytes, ".html").Single().Document!;
        doc.Text.ShouldContain("Café owners protested");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Talks resumed on Monday, officials said.\n")).ToArray();
        new DocumentReader().ReadBytes("a.txt", bytes, ".txt").Single().Document!.Text.ShouldStartWith("Talks");
    }

    [Fact]
    public void Rss_items_become_documents_with_full_content_or_else_their_summary()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Coastline Wire</title><language>en-us</language>
                <item><title>Patrol boat seized</title><link>https://cw.example/1</link><guid>cw-1</guid>
                  <pubDate>Tue, 04 Nov 2025 14:20:00 GMT</pubDate>
                  <description>Short summary only.</description>
                  <content:encoded><![CDATA[<p>The patrol boat was seized on Tuesday, the navy said.</p><p>Its crew was detained.</p>]]></content:encoded>
                </item>
                <item><title>Talks resume</title><link>https://cw.example/2</link><guid>cw-2</guid>
                  <pubDate>Wed, 05 Nov 2025 09:00:00 GMT</pubDate>
                  <description>Negotiators met again on Wednesday in the capital, both sides said.</description>
                </item>
              </channel>
            </rss>
            """;
        var docs = new DocumentReader().ReadBytes("feed.xml", Encoding.UTF8.GetBytes(rss), ".xml").Select(r => r.Document!).ToList();
        docs.Count.ShouldBe(2);
        docs[0].Source.ShouldBe("feed.xml#cw-1");
        docs[0].Metadata.Outlet.ShouldBe("Coastline Wire");
        docs[0].Metadata.Published.ShouldBe(new DateOnly(2025, 11, 4));
        docs[0].Metadata.Language.ShouldBe("en");
        docs[0].Text.ShouldBe("Patrol boat seized\n\nThe patrol boat was seized on Tuesday, the navy said.\n\nIts crew was detained.");
        docs[0].Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Headline, SegmentKind.Lede, SegmentKind.Body]);
        docs[1].Text.ShouldContain("Negotiators met again on Wednesday");
    }

    [Fact]
    public void Atom_entries_become_documents()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Meridian Post</title>
              <entry><title>Border crossing reopens</title><id>urn:mp:9</id>
                <link rel="alternate" href="https://mp.example/9"/>
                <published>2025-10-02T08:00:00Z</published>
                <summary>A summary that should not be used.</summary>
                <content type="html">&lt;p&gt;The crossing reopened on Thursday after a week, customs officials said.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;
        var doc = new DocumentReader().ReadBytes("feed.atom", Encoding.UTF8.GetBytes(atom), ".atom").Single().Document!;
        doc.Source.ShouldBe("feed.atom#urn:mp:9");
        doc.Metadata.Outlet.ShouldBe("Meridian Post");
        doc.Metadata.Url.ShouldBe("https://mp.example/9");
        doc.Metadata.Published.ShouldBe(new DateOnly(2025, 10, 2));
        doc.Text.ShouldContain("The crossing reopened on Thursday");
        doc.Text.ShouldNotContain("should not be used");
    }

    [Fact]
    public void Json_lines_read_text_or_html_and_name_each_line_by_its_id()
    {
        const string jsonl = """
            {"id": "a1", "outlet": "Harbor Ledger", "published": "2025-11-03", "title": "Port closes", "text": "Port closes\nThe port closed on Monday, officials said."}
            {"id": "a2", "url": "https://x.example/2", "html": "<html><body><article><h1>Ferry sinks</h1><p>A ferry sank near the island on Sunday, the coast guard said.</p></article></body></html>"}
            """;
        var docs = new DocumentReader().ReadBytes("batch.jsonl", Encoding.UTF8.GetBytes(jsonl), ".jsonl").Select(r => r.Document!).ToList();
        docs.Select(d => d.Source).ShouldBe(["batch.jsonl#a1", "batch.jsonl#a2"]);
        docs[0].Metadata.Outlet.ShouldBe("Harbor Ledger");
        docs[1].Text.ShouldContain("A ferry sank near the island");
        docs[1].Segments[0].Kind.ShouldBe(SegmentKind.Headline);
    }

    [Fact]
    public void Directories_are_read_recursively_in_name_order_and_skip_unknown_files()
    {
        using var dir = new TempDirectory();
        dir.File("b/second.txt", "The second article reports a strike on Tuesday.\n");
        dir.File("a.md", "The first article reports talks on Monday.\n");
        dir.File("notes.bin", "ignored");
        var docs = new DocumentReader().Read([dir.Path]).Select(r => r.Document!).ToList();
        docs.Select(d => Path.GetFileName(d.Source)).ShouldBe(["a.md", "second.txt"]);
    }

    [Fact]
    public void Standard_input_is_read_when_the_path_is_a_dash()
    {
        var docs = new DocumentReader().Read(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes("Officials said the road reopened on Friday.\n"))).ToList();
        docs.Single().Document!.Source.ShouldBe("-");
    }

    [Fact]
    public void The_same_text_gets_the_same_id_on_every_read()
    {
        ReadOne("a.txt", "Talks resumed on Monday.\nBoth sides said so.\n").Id.ShouldBe(ReadOne("b.txt", "Talks resumed on Monday.\r\nBoth sides said so.").Id);
    }

    [Fact]
    public void A_wire_dateline_names_the_outlet_when_no_metadata_does()
    {
        ReadOne("a.txt", "Ferry sinks off the cape\nPORT ALDER, Nov. 2 (Tidewater News) \u2014 A ferry sank off the cape on Sunday, the coast guard said.\nAll passengers were rescued.\n").Metadata.Outlet.ShouldBe("Tidewater News");
        ReadOne("b.txt", "A ferry sank off the cape on Sunday (local time) - the coast guard said so.\nAll passengers were rescued.\n").Metadata.Outlet.ShouldBeNull();
    }
}
