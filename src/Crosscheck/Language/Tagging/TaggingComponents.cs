namespace Crosscheck.Language.Tagging;

/// <summary>The pipeline step that gives every token its Penn Treebank part of speech, sentence by sentence.</summary>
public sealed class PartOfSpeechTagger : IPipelineComponent
{
    public string Name => "tagger";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;
    public Annotations Sets => Annotations.PartsOfSpeech;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tagger = Models.Pos;
        var words = text.Words;
        var tags = new string[words.Length];
        foreach (var s in text.Sentences)
        {
            tagger.Tag(words[s.StartToken..s.EndToken], tags.AsSpan(s.StartToken, s.Length));
        }
        text.SetPartsOfSpeech(tags);
    }
}

/// <summary>The pipeline step that gives every token a BIO entity tag from the averaged-perceptron recognizer.</summary>
public sealed class NamedEntityTagger : IPipelineComponent
{
    public string Name => "ner";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.PartsOfSpeech;
    public Annotations Sets => Annotations.EntityTags;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var recognizer = Models.Ner;
        var words = text.Words;
        var pos = text.PartsOfSpeech;
        var tags = new string[words.Length];
        foreach (var s in text.Sentences)
        {
            recognizer.Tag(words[s.StartToken..s.EndToken], pos.Slice(s.StartToken, s.Length), tags.AsSpan(s.StartToken, s.Length));
        }
        text.SetEntityTags(tags);
    }
}
