using System.Text;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>Every kind of bad input gets one reason, names the input, and never stops the other inputs.</summary>
public sealed class BadInputTests
{
    private static InputError FailureOf(string name, byte[] bytes, ReaderOptions? options = null)
    {
        var results = new DocumentReader(options).ReadBytes(name, bytes, Path.GetExtension(name)).ToList();
        results.ShouldAllBe(r => r.Document == null);
        return results.First().Error!;
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var e = FailureOf("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        e.Input.ShouldBe("photo.txt");
        e.Reason.ShouldContain("binary");
    }

    [Fact]
    public void Empty_and_blank_inputs_are_refused()
    {
        FailureOf("empty.txt", []).Reason.ShouldContain("empty");
        FailureOf("blank.txt", Encoding.UTF8.GetBytes("  \n\n  ")).Reason.ShouldContain("empty");
    }

    [Fact]
    public void Inputs_over_the_size_limit_are_refused_before_reading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.txt", new string('a', 5000));
        var result = new DocumentReader(new ReaderOptions { MaxBytes = 1000 }).Read([path]).Single();
        result.Error!.Input.ShouldBe(path);
        result.Error.Reason.ShouldContain("too large");
    }

    [Fact]
    public void Standard_input_over_the_size_limit_is_refused()
    {
        var result = new DocumentReader(new ReaderOptions { MaxBytes = 100 }).Read(["-"], () => new MemoryStream(new byte[500].Select(_ => (byte)'a').ToArray())).Single();
        result.Error!.Input.ShouldBe("-");
        result.Error.Reason.ShouldContain("too large");
    }

    [Fact]
    public void Invalid_utf8_in_json_lines_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"text\":\"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        FailureOf("a.jsonl", bytes).Reason.ShouldContain("invalid UTF-8");
    }

    [Fact]
    public void Invalid_utf8_in_a_page_that_declares_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>caf").Concat(new byte[] { 0xE9, 0x81 }).Concat(Encoding.UTF8.GetBytes(" owners met.</p></body></html>")).ToArray();
        FailureOf("a.html", bytes).Reason.ShouldContain("invalid UTF-8");
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_windows_1252_are_refused()
    {
        var bytes = Encoding.ASCII.GetBytes("Talks resumed ").Concat(new byte[] { 0x81, 0x8D, 0xC3 }).ToArray();
        FailureOf("a.txt", bytes).Reason.ShouldContain("invalid UTF-8");
    }

    [Fact]
    public void Malformed_xml_feeds_are_refused_with_the_position()
    {
        var e = FailureOf("feed.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss><channel><title>X</title><item><title>broken</item></channel></rss>"));
        e.Reason.ShouldStartWith("malformed XML (line 1");
    }

    [Fact]
    public void Malformed_json_lines_fail_alone_and_the_other_lines_are_read()
    {
        var text = "{\"id\":\"ok1\",\"text\":\"The port reopened on Monday, officials said.\"}\n{\"id\": broken\n{\"id\":\"ok2\",\"text\":\"The ferry resumed service on Tuesday.\"}\n";
        var results = new DocumentReader().ReadBytes("batch.jsonl", Encoding.UTF8.GetBytes(text), ".jsonl").ToList();
        results.Count.ShouldBe(3);
        results[0].Document!.Source.ShouldBe("batch.jsonl#ok1");
        results[1].Error!.Input.ShouldBe("batch.jsonl#2");
        results[1].Error!.Reason.ShouldStartWith("line 2: malformed JSON");
        results[2].Document!.Source.ShouldBe("batch.jsonl#ok2");
    }

    [Fact]
    public void Html_without_any_article_text_is_refused()
    {
        FailureOf("a.html", Encoding.UTF8.GetBytes("<html><body><nav><a href='/'>Home</a></nav></body></html>")).Reason.ShouldContain("no article text");
    }

    [Fact]
    public void Malformed_html_is_still_read_as_far_as_it_goes()
    {
        var doc = new DocumentReader().ReadBytes("a.html", Encoding.UTF8.GetBytes("<html><body><div><p>The minister resigned on Monday after the vote, aides said.<p>Her deputy takes over.</div></span></body"), ".html").Single().Document!;
        doc.Text.ShouldContain("The minister resigned on Monday");
        doc.Text.ShouldContain("Her deputy takes over.");
    }

    [Fact]
    public void Text_that_is_not_markup_in_an_html_file_is_refused()
    {
        FailureOf("a.html", Encoding.UTF8.GetBytes("just some words, no markup at all")).Reason.ShouldContain("malformed HTML");
    }

    [Fact]
    public void Missing_paths_are_named_and_the_other_inputs_still_read()
    {
        using var dir = new TempDirectory();
        var good = dir.File("good.txt", "The ceasefire held on Sunday, monitors said.\n");
        var results = new DocumentReader().Read([dir.Combine("missing.txt"), good]).ToList();
        results[0].Error!.ShouldBe(new InputError(dir.Combine("missing.txt"), "no such file or directory"));
        results[1].Document!.Source.ShouldBe(good);
    }

    [Fact]
    public void A_broken_symbolic_link_is_named_as_missing()
    {
        using var dir = new TempDirectory();
        var link = dir.Combine("link.txt");
        File.CreateSymbolicLink(link, dir.Combine("gone.txt"));
        new DocumentReader().Read([link]).Single().Error!.ShouldBe(new InputError(link, "no such file or directory"));
    }
}
