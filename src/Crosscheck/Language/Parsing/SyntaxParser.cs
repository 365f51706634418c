using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>The pipeline step that parses sentences: each token gets its head and Universal Dependencies relation, a sentence when it is first read.</summary>
public sealed class SyntaxParser : IPipelineComponent
{
    public string Name => "parser";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.PartsOfSpeech;
    public Annotations Sets => Annotations.Syntax;

    /// <summary>Sets the parse on demand: each sentence is parsed when first read (see <c>AnnotatedText.SetSyntaxOnDemand</c>).</summary>
    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = Models.Parser;
        text.SetSyntaxOnDemand((s, heads, relations) =>
        {
            if (s.Length == 0) return;
            var words = text.Words;
            var pos = text.PartsOfSpeech;
            parser.ParseWithTags(words[s.StartToken..s.EndToken], pos.Slice(s.StartToken, s.Length), heads.AsSpan(s.StartToken, s.Length), relations.AsSpan(s.StartToken, s.Length));
            for (var i = s.StartToken; i < s.EndToken; i++) if (heads[i] >= 0) heads[i] += s.StartToken;
        });
    }
}
