using System.Text.Json;
using Crosscheck.Cli.Commands;
using Crosscheck.Cli.Eval;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Export;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>The contract's predicates: Specs/predicates.spec.md, the JSON array, the committed model and its training.</summary>
public sealed class PredicateTests
{
    private const string Spec = "predicates.spec.md";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add($"{c.Section} #{c.Number}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_word_gets_the_band_and_modality_the_spec_lists(string name)
    {
        var c = Load().Single(c => $"{c.Section} #{c.Number}" == name);
        var open = c.Sentence.IndexOf("[[", StringComparison.Ordinal);
        var close = c.Sentence.IndexOf("]]", StringComparison.Ordinal);
        open.ShouldBeGreaterThanOrEqualTo(0, $"{name}: no [[word]]");
        var plain = c.Sentence.Remove(close, 2).Remove(open, 2);
        var text = StandardPipeline.Default.Process(plain, null);
        var predicates = EventReader.Default.Read(text).Predicates;
        var found = predicates.SingleOrDefault(p => p.Start == open);
        if (c.Expected == "none")
        {
            found.ShouldBeNull($"{name}: {c.Sentence}");
            return;
        }
        found.ShouldNotBeNull($"{name}: no predicate at the marked word of: {c.Sentence}");
        $"{FactualityBands.Name(found.Band)} {Modalities.Name(found.Modality)}".ShouldBe(c.Expected, $"{name}: {c.Sentence}");
    }

    [Fact]
    public void The_spec_has_cases_of_every_band_and_words_that_are_none()
    {
        var cases = Load();
        cases.Count.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var band in new[] { "factual ", "uncertain ", "non-factual " })
            cases.Count(c => c.Expected.StartsWith(band, StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3, band);
        cases.Count(c => c.Expected == "none").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void The_committed_model_is_built_in_and_loads()
    {
        var model = FactualityModel.Embedded;
        model.ShouldNotBeNull("models/modality.model is missing or of another feature version: run 'crosscheck train modality --out models/modality.model'");
        model.Model.FeatureCount.ShouldBeGreaterThan(1000);
        model.Model.Notes.ShouldContain(n => n.StartsWith("uw train.conll", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contract_lists_each_predicate_with_offsets_lemma_band_and_its_event()
    {
        const string body = "Troops shelled the port on Sunday, officials said.\n\nThe navy did not intercept the convoy, and the government may send "
            + "more ships next week.";
        var document = new DocumentReader().ReadBytes("made-up.txt", System.Text.Encoding.UTF8.GetBytes(body), ".txt").Single().Document!;
        var reading = EventReader.Default.Read(StandardPipeline.Default.Process(document));
        using var buffer = new MemoryStream();
        AnalysisJson.Write(buffer, [(document, ["made-up.txt"])], readings: new Dictionary<string, ArticleReading> { [document.Id] = reading });
        using var json = JsonDocument.Parse(buffer.ToArray());
        var root = json.RootElement;
        var events = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var predicates = root.GetProperty("predicates").EnumerateArray().ToList();
        predicates.Count.ShouldBe(reading.Predicates.Length);
        foreach (var p in predicates)
        {
            p.GetProperty("document").GetString().ShouldBe(document.Id);
            document.Text[p.GetProperty("start").GetInt32()..p.GetProperty("end").GetInt32()].ShouldBe(p.GetProperty("text").GetString());
            Modalities.TryParse(p.GetProperty("modality").GetString()!, out var modality).ShouldBeTrue();
            FactualityBands.Name(FactualityBands.Of(modality)).ShouldBe(p.GetProperty("factuality").GetString());
            if (p.GetProperty("event").GetString() is { } id) events.ShouldContain(id);
        }
        string Band(string word) => predicates.Single(p => p.GetProperty("text").GetString() == word).GetProperty("factuality").GetString()!;
        Band("shelled").ShouldBe("factual");
        Band("intercept").ShouldBe("non-factual");
        Band("send").ShouldBe("uncertain");
        var shelled = predicates.Single(p => p.GetProperty("text").GetString() == "shelled");
        shelled.GetProperty("lemma").GetString().ShouldBe("shell");
        shelled.GetProperty("event").GetString().ShouldNotBeNull();
        predicates.ShouldNotContain(p => p.GetProperty("text").GetString() == "did");
    }

    [Theory]
    [InlineData("struck", "VBD", "strike")]
    [InlineData("stopped", "VBD", "stop")]
    [InlineData("voting", "VBG", "vote")]
    [InlineData("decided", "VBN", "decide")]
    [InlineData("treated", "VBN", "treat")]
    [InlineData("killed", "VBN", "kill")]
    [InlineData("casualties", "NNS", "casualty")]
    [InlineData("attacks", "NNS", "attack")]
    [InlineData("caused", "VBD", "cause")]
    [InlineData("visited", "VBD", "visit")]
    [InlineData("Talks", "NN", "talks")]
    public void Lemmas_take_the_base_form_by_tag(string word, string tag, string lemma) => Lemmas.Of(word, tag).ShouldBe(lemma);

    [Fact]
    public void Training_on_made_up_files_is_reproducible_and_learns_the_bands()
    {
        using var folder = new TempDirectory();
        foreach (var corpus in FactualityEval.Corpora)
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, corpus));
            File.WriteAllText(Path.Combine(folder.Path, corpus, "train.conll"), MadeUpConll(12));
            File.WriteAllText(Path.Combine(folder.Path, corpus, "dev.conll"), MadeUpConll(2));
        }
        var first = ModalityTraining.Train(folder.Path, 5, 13, TextWriter.Null).Model.ToBytes();
        var second = ModalityTraining.Train(folder.Path, 5, 13, TextWriter.Null);
        second.Model.ToBytes().ShouldBe(first);
        var reader = new PredicateReader { Model = second };
        var read = reader.Read(Parsed("The mayor did not open the bridge ."));
        read.Single(p => p.Text == "open").Band.ShouldBe(FactualityBand.NonFactual);
        reader.Read(Parsed("The mayor opened the bridge .")).Single(p => p.Text == "opened").Band.ShouldBe(FactualityBand.Factual);
    }

    /// <summary>A text with every sentence parsed, as the event reader leaves the sentences with event words.</summary>
    private static AnnotatedText Parsed(string sentence)
    {
        var text = StandardPipeline.Default.Process(sentence, null);
        foreach (var s in text.Sentences) _ = text.RelationOf(s.StartToken);
        return text;
    }

    /// <summary>Made-up 7-column factuality sentences: opened (factual), did not open (non-factual), may open (uncertain).</summary>
    private static string MadeUpConll(int repeats)
    {
        var lines = new List<string>();
        string[] names = ["mayor", "council", "minister", "governor"];
        for (var r = 0; r < repeats; r++)
        {
            var who = names[r % names.Length];
            lines.AddRange([$"0\tThe\t_", $"1\t{who}\t_", "2\topened\t3.0", "3\tthe\t_", "4\tbridge\t_", "5\t.\t_", ""]);
            lines.AddRange([$"0\tThe\t_", $"1\t{who}\t_", "2\tdid\t_", "3\tnot\t_", "4\topen\t-3.0", "5\tthe\t_", "6\tbridge\t_", "7\t.\t_", ""]);
            lines.AddRange([$"0\tThe\t_", $"1\t{who}\t_", "2\tmay\t_", "3\topen\t0.5", "4\tthe\t_", "5\tbridge\t_", "6\t.\t_", ""]);
        }
        return string.Join('\n', lines) + "\n";
    }

    private sealed record Case(string Section, int Number, string Expected, string Sentence);

    private static List<Case> Load()
    {
        var cases = new List<Case>();
        foreach (var example in SpecFile.Load(Spec))
        {
            if (!example.Blocks.ContainsKey("cases")) continue;
            var n = 0;
            foreach (var line in example.Lines("cases"))
            {
                var bar = line.IndexOf('|', StringComparison.Ordinal);
                cases.Add(new Case(example.Name, ++n, line[..bar].Trim(), line[(bar + 1)..].Trim()));
            }
        }
        return cases;
    }
}
