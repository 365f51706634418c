namespace Crosscheck.Language.Tagging;

/// <summary>
/// The committed models (models/pos.model and models/ner.model at the repository root), embedded in this
/// assembly and loaded once per process on first use.
/// </summary>
internal static class Models
{
    public const string PosResource = "Crosscheck.Models.pos.model";
    public const string NerResource = "Crosscheck.Models.ner.model";
    public const string ParserResource = "Crosscheck.Models.parser.model";

    private static readonly Lazy<PosTagger> LazyPos = new(() => new PosTagger(LoadEmbedded(PosResource, "models/pos.model", "train tagger")));
    private static readonly Lazy<EntityRecognizer> LazyNer = new(() => new EntityRecognizer(LoadEmbedded(NerResource, "models/ner.model", "train ner")));

    private static readonly Lazy<Parsing.DependencyParser> LazyParser = new(() =>
    {
        using var stream = typeof(Models).Assembly.GetManifestResourceStream(ParserResource)
            ?? throw new ModelLoadException("models/parser.model was not built into Crosscheck.dll (missing when the library was compiled); run 'crosscheck train parser' and rebuild");
        return Parsing.DependencyParser.Load(stream, "models/parser.model (embedded)");
    });

    /// <summary>The dependency parser; throws <see cref="ModelLoadException"/> when the build has no usable model.</summary>
    public static Parsing.DependencyParser Parser => LazyParser.Value;

    /// <summary>The part-of-speech tagger; throws <see cref="ModelLoadException"/> when the build has no usable model.</summary>
    public static PosTagger Pos => LazyPos.Value;

    /// <summary>The entity recognizer; throws <see cref="ModelLoadException"/> when the build has no usable model.</summary>
    public static EntityRecognizer Ner => LazyNer.Value;

    private static PerceptronModel LoadEmbedded(string resource, string file, string command)
    {
        using var stream = typeof(Models).Assembly.GetManifestResourceStream(resource)
            ?? throw new ModelLoadException($"{file} was not built into Crosscheck.dll (missing when the library was compiled); run 'crosscheck {command}' and rebuild");
        return PerceptronModel.Load(stream, $"{file} (embedded)");
    }
}
