using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

/// <summary>Runs Specs/sentences.spec.md: text in, tokens and sentences out.</summary>
public sealed class SentenceSpecTests
{
    private const string Spec = "sentences.spec.md";
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Build();

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_tokens_and_sentences_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var text = example["text"].TrimEnd('\n');
        var analyzed = Pipeline.Process(text);
        if (example.Blocks.ContainsKey("tokens"))
            string.Join(' ', analyzed.Tokens.Select(t => t.Text)).ShouldBe(example["tokens"].Trim());
        if (example.Blocks.ContainsKey("sentences"))
            analyzed.Sentences.Select(s => s.Text).ShouldBe(example.Lines("sentences"));
    }

    [Fact]
    public void The_spec_file_has_examples_with_both_kinds_of_expectation()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(10);
        examples.Count(e => e.Blocks.ContainsKey("tokens")).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Every_token_is_the_exact_slice_of_the_text_it_points_to()
    {
        const string text = "  Mexico’s “Gen.” Smith—who can't stay—left 3.5 km (2 mi.) at 5 p.m.!\n\nNext. ";
        var analyzed = Pipeline.Process(text);
        foreach (var t in analyzed.Tokens)
        {
            t.Text.ShouldBe(text[t.Start..t.End]);
            t.Text.ShouldNotBeNullOrWhiteSpace();
        }
        // Removing the tokens leaves only white space: nothing was dropped.
        var rest = text.ToCharArray();
        foreach (var t in analyzed.Tokens) for (var i = t.Start; i < t.End; i++) rest[i] = ' ';
        new string(rest).Trim().ShouldBeEmpty();
    }
}
