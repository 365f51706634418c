using System.Text;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Language.Parsing;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck analyze PATH... --format conllu</c>: each document's tokens, tags and dependency parse as CoNLL-U.</summary>
internal static class ConlluCommand
{
    public static int Write(IEnumerable<string> inputs, ReaderOptions options, LanguagePipeline pipeline, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        var reader = new DocumentReader(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringWriter { NewLine = "\n" };
        var failed = 0;
        foreach (var result in reader.Read(inputs))
        {
            if (result.Error is { } e)
            {
                stderr.WriteLine($"crosscheck: {e}");
                failed++;
                continue;
            }
            var doc = result.Document!;
            if (!seen.Add(doc.Id)) continue;
            try
            {
                var annotated = pipeline.Process(doc);
                var one = new StringWriter { NewLine = "\n" };
                ConlluWriter.Write(one, doc.Id, annotated);
                text.Write(one.ToString());
            }
            catch (Exception ex) when (InputFault.IsOfOneInput(ex))
            {
                stderr.WriteLine($"crosscheck: {InputError.Escape(doc.Source)} (document {doc.Id}) cannot be analyzed ({ex.GetType().Name}: {ex.Message})");
                failed++;
            }
        }
        if (outPath is null) stdout.Write(text.ToString());
        else AnalyzeCommand.WriteAtomically(outPath, s => s.Write(Encoding.UTF8.GetBytes(text.ToString())));
        return failed > 0 ? CrosscheckCli.SomeFailed : CrosscheckCli.Ok;
    }
}
