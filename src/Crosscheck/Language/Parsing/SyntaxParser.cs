using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>The pipeline step that parses every sentence: each token gets its head and Universal Dependencies relation.</summary>
public sealed class SyntaxParser : IPipelineComponent
{
    public string Name => "parser";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.PartsOfSpeech;
    public Annotations Sets => Annotations.Syntax;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = Models.Parser;
        var words = text.Words;
        var pos = text.PartsOfSpeech;
        var heads = new int[words.Length];
        var relations = new string[words.Length];
        heads.AsSpan().Fill(-1);
        relations.AsSpan().Fill(DependencyParser.RootRelation);
        foreach (var s in text.Sentences)
        {
            if (s.Length == 0) continue;
            parser.Parse(words[s.StartToken..s.EndToken], pos.Slice(s.StartToken, s.Length), heads.AsSpan(s.StartToken, s.Length), relations.AsSpan(s.StartToken, s.Length));
            for (var i = s.StartToken; i < s.EndToken; i++) if (heads[i] >= 0) heads[i] += s.StartToken;
        }
        text.SetSyntax(heads, relations);
    }
}
