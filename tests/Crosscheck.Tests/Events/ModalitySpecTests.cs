using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>Runs Specs/modality.spec.md: a sentence with a marked predicate in, its modality out.</summary>
public sealed class ModalitySpecTests
{
    private const string Spec = "modality.spec.md";

    /// <summary>Every case as "section #n".</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (section, number, _, _) in Load()) data.Add($"{section} #{number}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_predicate_gets_the_modality_the_spec_lists(string name)
    {
        var (_, _, expected, sentence) = Load().Single(c => $"{c.Section} #{c.Number}" == name);
        var open = sentence.IndexOf("[[", StringComparison.Ordinal);
        var close = sentence.IndexOf("]]", StringComparison.Ordinal);
        open.ShouldBeGreaterThanOrEqualTo(0, $"{name}: no [[predicate]]");
        sentence.IndexOf("[[", open + 2, StringComparison.Ordinal).ShouldBe(-1, $"{name}: one [[predicate]] per case");
        var plain = sentence.Remove(close, 2).Remove(open, 2);
        var text = StandardPipeline.Default.Process(plain, null);
        var token = text.TokenAtOrAfter(open);
        text[token].Start.ShouldBe(open, $"{name}: the marked word is not a token");
        var reading = ModalityClassifier.Default.ClassifyAt(text, text.SentenceOf(token), token);
        Modalities.Name(reading.Modality).ShouldBe(expected, $"{name}: {sentence}");
        reading.Confidence.ShouldBeInRange(0.5, 1.0);
    }

    [Fact]
    public void The_spec_covers_every_modality_with_several_cases()
    {
        var cases = Load();
        cases.Count.ShouldBeGreaterThanOrEqualTo(50);
        foreach (var m in Enum.GetValues<Modality>())
        {
            cases.Count(c => c.Expected == Modalities.Name(m)).ShouldBeGreaterThanOrEqualTo(4, Modalities.Name(m));
        }
        cases.Select(c => c.Section).ShouldContain("Scope across clauses");
    }

    [Fact]
    public void The_event_reader_uses_the_classifier_for_each_event()
    {
        var text = StandardPipeline.Default.Process("The army denied carrying out the strike. Officials said the strike killed three people.", null);
        var reading = EventReader.Default.Read(text);
        var modalities = reading.Events.Select(e => (e.Trigger.Text, e.Modality)).ToList();
        modalities.ShouldContain(("strike", Modality.Denied));
        modalities.ShouldContain(m => m.Modality == Modality.Asserted);
    }

    [Fact]
    public void A_predicate_outside_the_sentence_is_refused()
    {
        var text = StandardPipeline.Default.Process("Troops attacked. Police fled.", null);
        Should.Throw<ArgumentOutOfRangeException>(() => ModalityClassifier.Default.ClassifyAt(text, text.Sentences[0], text.Count - 2));
    }

    private static List<(string Section, int Number, string Expected, string Sentence)> Load()
    {
        var cases = new List<(string, int, string, string)>();
        foreach (var example in SpecFile.Load(Spec))
        {
            if (!example.Blocks.ContainsKey("cases")) continue;
            var n = 0;
            foreach (var line in example.Lines("cases"))
            {
                var bar = line.IndexOf('|', StringComparison.Ordinal);
                cases.Add((example.Name, ++n, line[..bar].Trim(), line[(bar + 1)..].Trim()));
            }
        }
        return cases;
    }
}
