using Crosscheck.Cli.Commands;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Storage;

using Crosscheck.Tests.Storage;

namespace Crosscheck.Tests.Cli;

/// <summary>A document whose reading throws is one line naming it; every other document is read, linked and written.</summary>
public sealed class IsolationTests
{
    /// <summary>A pipeline step that fails on texts holding a marker word, as a fault in some component would.</summary>
    private sealed class FailsOn(string marker) : IPipelineComponent
    {
        public string Name => "fails-on-" + marker;
        public Annotations Requires => Annotations.Tokens;
        public Annotations Sets => Annotations.None;

        public void Process(AnnotatedText text)
        {
            if (text.Text.Contains(marker, StringComparison.Ordinal)) throw new InvalidOperationException("a component failed on purpose");
        }
    }

    private static void WriteReports(TempDirectory dir)
    {
        for (var i = 0; i < 5; i++)
        {
            var word = i == 2 ? "quarry" : "harbour";
            dir.File($"in/report-{i}.txt", $"Report {i} from the {word}\nWorkers at the {word} said {i + 2} people were hurt in a fire on Monday, the fire brigade said.\n");
        }
    }

    [Fact]
    public void Analyze_names_the_document_that_fails_and_writes_the_others()
    {
        using var dir = new TempDirectory();
        WriteReports(dir);
        var pipeline = StandardPipeline.Builder().Add(new FailsOn("quarry")).Build();
        using var stderr = new StringWriter();
        var run = AnalyzeCommand.Analyze([dir.Combine("in")], ReaderOptions.Default, stderr, pipeline);
        run.Failed.ShouldBe(1);
        run.Documents.Count.ShouldBe(4);
        run.Documents.ShouldAllBe(d => !d.Item1.Text.Contains("quarry"));
        run.Readings.Count.ShouldBe(4);
        run.Facts.Count.ShouldBe(4);
        var line = stderr.ToString().Trim().Split('\n').Single();
        line.ShouldStartWith($"crosscheck: {dir.Combine("in/report-2.txt")} (document d-");
        line.ShouldContain("cannot be analyzed (InvalidOperationException: a component failed on purpose)");
    }

    [Theory, OnSqlite, OnPostgres]
    public void Linking_keeps_a_failing_document_out_with_its_reason_and_does_not_try_it_again(Backend backend)
    {
        using var dir = new TempDirectory();
        WriteReports(dir);
        using var target = StoreTarget.Create(backend);
        string failing;
        using (var store = target.Open())
        {
            new DocumentIngestor(store, new DocumentReader()).Ingest([dir.Combine("in")]).Added.ShouldBe(5);
            failing = store.List("quarry", 0, 5).Items.Single().Id;
            var problems = new List<string>();
            var load = RecordLoader.Load(store, analyze: doc => doc.Id == failing ? throw new FormatException("unreadable on purpose") : RecordLoader.Analyze(doc),
                problem: problems.Add);
            load.Linked.ShouldBe(4);
            load.Failed.ShouldBe(1);
            problems.Single().ShouldBe($"{dir.Combine("in/report-2.txt")} (document {failing}) cannot be analyzed; kept out of the record (FormatException: unreadable on purpose)");
            load.Record.DocumentIds.ShouldNotContain(failing);
            load.Record.DocumentIds.Count.ShouldBe(4);
        }
        using (var store = target.Open())
        {
            var problems = new List<string>();
            var again = RecordLoader.Load(store, analyze: _ => throw new InvalidOperationException("nothing is read again"), problem: problems.Add);
            problems.ShouldBeEmpty();
            again.Reloaded.ShouldBe(4);
            again.Linked.ShouldBe(0);
            again.Failed.ShouldBe(0);
            again.Record.DocumentIds.ShouldNotContain(failing);
        }
    }
}
