using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Finds who a statement is credited to: the report frame around a clause ("two US officials told NBC News",
/// "according to Reuters", "NBC News reported"), the speaker, how many sources, the outlet credited and the verb.
/// </summary>
public sealed class AttributionFinder
{
    public static readonly AttributionFinder Default = new();

    /// <summary>The attribution of the clause around <paramref name="focus"/> in <paramref name="sentence"/>.</summary>
    public Attribution Find(AnnotatedText text, TokenSpan sentence, TokenSpan focus) => Attribution.Unattributed;
}
