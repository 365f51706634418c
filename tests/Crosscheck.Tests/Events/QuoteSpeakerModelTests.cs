using Crosscheck.Cli.Commands;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>The learned quote-speaker ranker: training on a tiny made-up brat corpus, and the committed model on made-up quotes.</summary>
public sealed class QuoteSpeakerModelTests
{
    /// <summary>Made-up articles: (text, speaker, quote) per attributed quote; a quote with a null speaker is left unannotated.</summary>
    private static readonly (string Text, (string Speaker, string Quote)[] Gold)[] Corpus =
    [
        ("\"The bridge will open in May,\" Mayor Anna Berg said on Monday. The work began last year.",
            [("Mayor Anna Berg", "The bridge will open in May")]),
        ("Chief Tom Hale spoke after the search. \"We found nothing unusual,\" Hale said. The search ends today.",
            [("Hale", "We found nothing unusual")]),
        ("The plan costs more than expected. \"Nobody told us about the delay,\" said Carla Ruiz, a teacher.",
            [("Carla Ruiz", "Nobody told us about the delay")]),
        ("Farmers met in the square on Friday. \"The rain came too late for the wheat,\" Ivan Petrov said.",
            [("Ivan Petrov", "The rain came too late for the wheat")]),
        ("\"We will appeal the ruling,\" lawyer Sam Cole said. The court did not comment.",
            [("Sam Cole", "We will appeal the ruling")]),
        ("The fair opened on Sunday. \"It is the biggest crowd in years,\" organiser Lena Frost said.",
            [("Lena Frost", "It is the biggest crowd in years")]),
        ("Officials said the port would reopen. \"Ships can dock again next week,\" said Omar Haddad, the harbour master.",
            [("Omar Haddad", "Ships can dock again next week")]),
        ("\"Prices will fall by winter,\" economist Rita Moss said. Traders were not so sure.",
            [("Rita Moss", "Prices will fall by winter")]),
    ];

    private static void WriteCorpus(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "text"));
        Directory.CreateDirectory(Path.Combine(folder, "attributions"));
        for (var a = 0; a < Corpus.Length; a++)
        {
            var (text, gold) = Corpus[a];
            File.WriteAllText(Path.Combine(folder, "text", $"article-{a}.txt"), text);
            var lines = new List<string>();
            var t = 1;
            for (var e = 0; e < gold.Length; e++)
            {
                var (speaker, quote) = gold[e];
                var q = text.IndexOf(quote, StringComparison.Ordinal);
                var s = text.IndexOf(speaker, StringComparison.Ordinal);
                var cue = text.IndexOf(text.Contains(" said", StringComparison.Ordinal) ? "said" : "told", StringComparison.Ordinal);
                lines.Add($"T{t}\tSource {s} {s + speaker.Length}\t{speaker}");
                lines.Add($"T{t + 1}\tCue {cue} {cue + 4}\tsaid");
                lines.Add($"T{t + 2}\tContent {q} {q + quote.Length}\t{quote}");
                lines.Add($"T{t + 3}\tAttribution {cue} {cue + 4}\tsaid");
                lines.Add($"E{e + 1}\tAttribution:T{t + 3} Content:T{t + 2} Cue:T{t + 1} Source:T{t}");
                t += 4;
            }
            // A second annotator's file, which training must not read (the first by name is taken).
            File.WriteAllText(Path.Combine(folder, "attributions", $"article-{a}_b2.ann"), "T1\tContent 0 zz\tbroken\n");
            File.WriteAllText(Path.Combine(folder, "attributions", $"article-{a}_a1.ann"), string.Join('\n', lines) + "\n");
        }
    }

    [Fact]
    public void Training_on_a_tiny_brat_corpus_is_reproducible_and_learns_the_postposed_speaker()
    {
        using var dir = new TempDirectory();
        WriteCorpus(dir.Path);
        var first = AttributionTraining.Train(dir.Path, iterations: 5, seed: 1, TextWriter.Null);
        var second = AttributionTraining.Train(dir.Path, iterations: 5, seed: 1, TextWriter.Null);
        first.Model.ToBytes().ShouldBe(second.Model.ToBytes());
        first.Model.FeatureCount.ShouldBeGreaterThan(10);
        first.Model.Notes.ShouldContain(n => n.Contains("8 articles", StringComparison.Ordinal));

        // "grumbled" is no reporting verb of the rules, so only the learned ranker credits the quote.
        var text = StandardPipeline.Default.Process("The station closed early. \"The trains are not safe,\" inspector Mark Dunn grumbled.");
        new AttributionFinder { Speakers = null }.FindAll(text).ShouldBeEmpty();
        var relation = new AttributionFinder { Speakers = first }.FindAll(text).ShouldHaveSingleItem();
        relation.Learned.ShouldBeTrue();
        relation.Content.Text.ShouldBe("The trains are not safe");
        relation.Source!.Value.Text.ShouldContain("Mark Dunn");
    }

    [Fact]
    public void The_committed_model_credits_a_quote_paragraph_to_the_speaker_of_the_sentence_before()
    {
        var text = StandardPipeline.Default.Process(
            "Council backs bridge plan\n\nSenator Mia Lund said the vote on Tuesday was a turning point for the town.\n\n"
            + "\u201cThis bill protects families. It is long overdue.\u201d\n\nCritics disagreed.\n");
        var quote = QuoteFinder.Default.Find(text).ShouldHaveSingleItem();
        quote.SpeakerName.ShouldBe("Mia Lund");
    }

    [Fact]
    public void The_committed_model_credits_a_quote_after_a_colon_to_the_phrase_before_it()
    {
        var text = StandardPipeline.Default.Process(
            "Talks went on all night. The mayor's office was more cautious: \u201cWe will study the figures before we sign anything.\u201d\n");
        var quote = QuoteFinder.Default.Find(text).ShouldHaveSingleItem();
        quote.SpeakerSpan!.Value.Text.ShouldBe("The mayor's office");
    }

    [Fact]
    public void A_finder_without_the_model_leaves_a_frameless_quote_paragraph_unattributed()
    {
        var text = StandardPipeline.Default.Process(
            "Senator Mia Lund said the vote on Tuesday was a turning point for the town.\n\n\u201cThis bill protects families. It is long overdue.\u201d\n");
        var rules = new AttributionFinder { Speakers = null };
        var quote = new QuoteFinder { Attributions = rules }.Find(text).ShouldHaveSingleItem();
        quote.SpeakerName.ShouldBeNull();
    }
}
