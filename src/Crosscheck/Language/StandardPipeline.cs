namespace Crosscheck.Language;

/// <summary>The language pipeline every command uses: built once per process and shared.</summary>
public static class StandardPipeline
{
    private static readonly Lazy<LanguagePipeline> Shared = new(() => Builder().Build());

    /// <summary>The shared default pipeline.</summary>
    public static LanguagePipeline Default => Shared.Value;

    /// <summary>The default pipeline over the shipped gazetteers and the user's own files.</summary>
    public static LanguagePipeline With(Gazetteers.Gazetteer gazetteer) =>
        Builder().Replace<Gazetteers.GazetteerTagger>(new Gazetteers.GazetteerTagger(gazetteer)).Build();

    /// <summary>A builder holding the default components, for callers that add or remove some.</summary>
    public static LanguagePipelineBuilder Builder() =>
        new LanguagePipelineBuilder()
            .Add(new SentenceSplitter())
            .Add(new Tagging.PartOfSpeechTagger())
            .Add(new Parsing.SyntaxParser())
            .Add(new Tagging.NamedEntityTagger())
            .Add(new Gazetteers.GazetteerTagger())
            .Add(new EntityResolver())
            .Add(new CoreferenceResolver())
            .Add(new NumberRecognizer())
            .Add(new TimeRecognizer());
}
