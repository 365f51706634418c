using System.CommandLine;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Export;
using Crosscheck.Language;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck analyze PATH... --format json [--out FILE]</c>: the analysis contract for the inputs.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = SharedOptions.Paths();
        var format = new Option<string>("--format") { Description = "Output format (json: the crosscheck.analysis/1 contract; facts: one line per document with what the cross-document linker sees; conllu: tokens, tags and the dependency parse)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "facts", "conllu");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var maxBytes = SharedOptions.MaxBytes();
        var gazetteers = SharedOptions.Gazetteers();
        var recoverDates = SharedOptions.RecoverDates();
        var command = new Command("analyze", "Analyze articles and print the analysis contract as JSON") { paths, format, output, maxBytes, gazetteers, recoverDates };
        command.SetAction(parse =>
        {
            var pipeline = SharedOptions.PipelineWith(parse.GetValue(gazetteers));
            var readerOptions = new ReaderOptions { MaxBytes = parse.GetValue(maxBytes), RecoverPublished = !parse.GetValue(recoverDates) };
            if (parse.GetValue(format) == "conllu")
                return ConlluCommand.Write(parse.GetValue(paths)!, readerOptions, pipeline, parse.GetValue(output), stdout, stderr);
            var run = Analyze(parse.GetValue(paths)!, readerOptions, stderr, pipeline);
            var (documents, entities, readings, cross, failed) = run;
            var outPath = parse.GetValue(output);
            if (parse.GetValue(format) == "facts")
            {
                var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
                var lines = new System.Text.StringBuilder();
                foreach (var f in run.Facts) lines.AppendLine(System.Text.Json.JsonSerializer.Serialize(f, options));
                if (outPath is null) stdout.Write(lines.ToString());
                else WriteAtomically(outPath, s => s.Write(System.Text.Encoding.UTF8.GetBytes(lines.ToString())));
                return failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
            }
            if (outPath is null)
            {
                using var stream = Console.OpenStandardOutput();
                if (ReferenceEquals(stdout, Console.Out))
                {
                    AnalysisJson.Write(stream, documents, entities, readings, cross);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    AnalysisJson.Write(buffer, documents, entities, readings, cross);
                    stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
            }
            else
            {
                WriteAtomically(outPath, s => AnalysisJson.Write(s, documents, entities, readings, cross));
            }
            return failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>What one <c>analyze</c> run produced: the documents, merged entities, readings, the linked record and the linker's input.</summary>
    internal sealed record AnalysisRun(List<(Document, IReadOnlyList<string>)> Documents, IReadOnlyList<LinkedEntity> Entities,
        IReadOnlyDictionary<string, ArticleReading> Readings, CrossRecord Cross, IReadOnlyList<DocumentFacts> Facts, int Failed)
    {
        public void Deconstruct(out List<(Document, IReadOnlyList<string>)> documents, out IReadOnlyList<LinkedEntity> entities,
            out IReadOnlyDictionary<string, ArticleReading> readings, out CrossRecord cross, out int failed)
        {
            documents = Documents;
            entities = Entities;
            readings = Readings;
            cross = Cross;
            failed = Failed;
        }
    }

    /// <summary>Reads, stores (in memory, for duplicate detection) and analyzes the inputs; errors go to <paramref name="stderr"/>.</summary>
    internal static AnalysisRun Analyze(
        IEnumerable<string> inputs, ReaderOptions options, TextWriter stderr, LanguagePipeline? pipeline = null)
    {
        var reader = new DocumentReader(options);
        using var store = DocumentStore.OpenInMemory();
        var documents = new List<(Document, IReadOnlyList<string>)>();
        var seen = new HashSet<string>();
        var failed = 0;
        foreach (var result in reader.Read(inputs))
        {
            if (result.Error is { } e)
            {
                stderr.WriteLine($"crosscheck: {e}");
                failed++;
                continue;
            }
            var outcome = store.Add(result.Document!);
            if (seen.Add(outcome.Document.Id)) documents.Add((outcome.Document, store.Sources(outcome.Document.Id)));
        }
        // A copy read before its original (in link order) was stored as the original, then pointed at it: take the
        // stored duplicateOf, not the one given when it was added.
        for (var i = 0; i < documents.Count; i++)
        {
            var (doc, sources) = documents[i];
            var stored = store.Get(doc.Id)?.DuplicateOf;
            if (stored != doc.DuplicateOf) documents[i] = (doc with { DuplicateOf = stored }, sources);
        }
        var (entities, readings, cross, facts) = AnalyzeArticles(documents.Select(d => d.Item1), pipeline ?? StandardPipeline.Default,
            failed: (doc, what, ex) =>
            {
                stderr.WriteLine($"crosscheck: {InputError.Escape(doc.Source)} (document {doc.Id}) {what} ({ex.GetType().Name}: {ex.Message})");
                failed++;
            });
        // A document whose reading failed is left out whole, never written half-read.
        documents.RemoveAll(d => !readings.ContainsKey(d.Item1.Id));
        return new AnalysisRun(documents, entities, readings, cross, facts, failed);
    }

    /// <summary>
    /// Runs the language pipeline and the event reader over every document, merges their entities and links them in
    /// link order (<see cref="LinkOrder"/>), as ingest does. A document whose reading or linking throws is handed to
    /// <paramref name="failed"/> and left out; the others go on.
    /// </summary>
    internal static (IReadOnlyList<LinkedEntity> Entities, IReadOnlyDictionary<string, ArticleReading> Readings, CrossRecord Cross,
        IReadOnlyList<DocumentFacts> Facts) AnalyzeArticles(
        IEnumerable<Document> documents, LanguagePipeline pipeline, EventReader? reader = null, Action<Document, string, Exception>? failed = null)
    {
        reader ??= EventReader.Default;
        var index = new EntityIndex();
        var linker = new CrossDocumentLinker();
        var readings = new Dictionary<string, ArticleReading>(StringComparer.Ordinal);
        var read = new List<(Document Document, DocumentFacts Facts)>();
        foreach (var doc in documents)
        {
            AnnotatedText text;
            ArticleReading reading;
            DocumentFacts facts;
            try
            {
                text = pipeline.Process(doc);
                reading = reader.Read(text);
                facts = LinkFactsBuilder.Build(doc, text, reading);
            }
            catch (Exception ex) when (InputFault.IsOfOneInput(ex))
            {
                if (failed is null) throw;
                failed(doc, "cannot be analyzed", ex);
                continue;
            }
            index.Add(doc.Id, text);
            readings[doc.Id] = reading;
            read.Add((doc, facts));
        }
        read.Sort((a, b) => LinkOrder.Compare(a.Facts, b.Facts));
        var linkedFacts = new List<DocumentFacts>(read.Count);
        foreach (var (doc, facts) in read)
        {
            try
            {
                linker.Add(facts);
                linkedFacts.Add(facts);
            }
            catch (Exception ex) when (InputFault.IsOfOneInput(ex))
            {
                if (failed is null) throw;
                failed(doc, "cannot be linked", ex);
                readings.Remove(doc.Id);
            }
        }
        return (index.Build(), readings, linker.Snapshot(), linkedFacts);
    }

    /// <summary>Writes to a temporary file and renames it, so a failed run never leaves half a file.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        try
        {
            using (var stream = File.Create(temp)) write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new CliFailure($"{path}: cannot write ({ex.Message})");
        }
    }
}
