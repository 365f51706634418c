using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/quotes.spec.md: text in, quotes with their speakers and clause attributions out.</summary>
public sealed class QuoteSpecTests
{
    private const string Spec = "quotes.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_quotes_and_attributions_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var text = StandardPipeline.Default.Process(example["text"].TrimEnd('\n'));
        if (example.Blocks.ContainsKey("quotes"))
        {
            var quotes = QuoteFinder.Default.Find(text);
            var expected = example.Lines("quotes").Select(l => l.Split('|').Select(p => p.Trim()).ToArray()).ToList();
            quotes.Length.ShouldBe(expected.Count, $"{name}: {string.Join(" / ", quotes.Select(q => q.Text))}");
            for (var i = 0; i < expected.Count; i++)
            {
                var q = quotes[i];
                q.Text.ShouldStartWith(expected[i][0], Case.Sensitive, name);
                text.Text[q.Start..q.End].ShouldBe(q.Text);
                (q.SpeakerName ?? q.SpeakerSpan?.Text ?? "-").ShouldBe(expected[i][1], name);
                AttributionKinds.Name(q.Attribution.Kind).ShouldBe(expected[i][2], name);
            }
        }
        if (example.Blocks.ContainsKey("attribution"))
        {
            foreach (var line in example.Lines("attribution"))
            {
                var parts = line.Split('|').Select(p => p.Trim()).ToArray();
                var token = Enumerable.Range(0, text.Count).First(i => text[i].Text == parts[0]);
                var a = AttributionFinder.Default.Find(text, text.SentenceOf(token), text.Span(token, token + 1));
                var actual = string.Join(" | ", AttributionKinds.Name(a.Kind), a.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    a.Via ?? "-", a.Verb ?? "-", a.SpeakerName ?? a.Speaker?.Text ?? "-");
                actual.ShouldBe(string.Join(" | ", parts.Skip(1)), $"{name}: {parts[0]}");
            }
        }
    }

    [Fact]
    public void The_spec_file_has_quotes_attributions_and_negative_cases()
    {
        var examples = SpecFile.Load(Spec);
        examples.Count.ShouldBeGreaterThanOrEqualTo(20);
        examples.Count(e => e.Blocks.ContainsKey("quotes") && e.Lines("quotes").Length == 0).ShouldBeGreaterThanOrEqualTo(1);
        examples.Count(e => e.Blocks.ContainsKey("attribution") && e["attribution"].Contains("unattributed", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Every_relation_credits_words_outside_its_own_frame()
    {
        var text = StandardPipeline.Default.Process(
            "Four sources familiar with the talks told CNN that a deal was close. “We are not there yet,” the minister said. According to a leaked memo, the army will withdraw.");
        var relations = AttributionFinder.Default.FindAll(text);
        relations.Length.ShouldBe(3);
        foreach (var r in relations)
        {
            r.Content.Overlaps(r.Cue).ShouldBeFalse(r.Content.Text);
            if (r.Source is { } s) r.Content.Overlaps(s).ShouldBeFalse(r.Content.Text);
        }
        relations.Select(r => r.Cue.Text).ShouldBe(["told", "said", "According to"]);
    }
}
