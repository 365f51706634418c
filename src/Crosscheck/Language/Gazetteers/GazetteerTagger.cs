using System.Collections.Immutable;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// The pipeline component that runs the <see cref="GazetteerMatcher"/> over a text and keeps the raw
/// matches on it (<see cref="AnnotatedText.GazetteerMatches"/>); combining them with the recognizer's
/// entities is left to the step that sets <see cref="Annotations.Entities"/>.
/// </summary>
public sealed class GazetteerTagger : IPipelineComponent
{
    private readonly Gazetteer _gazetteer;

    /// <summary>Uses the shipped gazetteers.</summary>
    public GazetteerTagger() : this(Gazetteer.Default)
    {
    }

    public GazetteerTagger(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    public string Name => "gazetteer";

    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;

    public Annotations Sets => Annotations.Gazetteer;

    public void Process(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.GazetteerMatches = _gazetteer.Matcher.Match(text);
    }
}

/// <summary>What the gazetteers say about one token, as a feature for the recognizer.</summary>
public readonly record struct GazetteerHint(EntityType? Type, bool Begins, bool InTitle)
{
    private static readonly string[] BeginFeatures = [.. Enum.GetValues<EntityType>().Select(t => "B-" + EntityTypes.Name(t))];
    private static readonly string[] InsideFeatures = [.. Enum.GetValues<EntityType>().Select(t => "I-" + EntityTypes.Name(t))];

    /// <summary>"B-GPE", "I-ORG", "TITLE" or "O", without allocating.</summary>
    public string Feature => Type is { } t ? (Begins ? BeginFeatures[(int)t] : InsideFeatures[(int)t]) : InTitle ? "TITLE" : "O";

    /// <summary>One hint per token from entity and title matches (maritime phrases add nothing a token does not already have).</summary>
    public static GazetteerHint[] From(ImmutableArray<GazetteerMatch> matches, int tokenCount)
    {
        var hints = new GazetteerHint[tokenCount];
        foreach (var m in matches)
        {
            if (m.EndToken > tokenCount) throw new ArgumentOutOfRangeException(nameof(tokenCount), "A match ends after the last token.");
            if (m.Kind == GazetteerMatchKind.Title)
            {
                for (var i = m.StartToken; i < m.EndToken; i++)
                {
                    if (hints[i].Type is null) hints[i] = hints[i] with { InTitle = true };
                }
            }
            else if (m.Kind == GazetteerMatchKind.Entity)
            {
                for (var i = m.StartToken; i < m.EndToken; i++)
                {
                    hints[i] = new GazetteerHint(m.Entry!.Type, i == m.StartToken, hints[i].InTitle);
                }
            }
        }
        return hints;
    }

    /// <summary>Hints for a text the <see cref="GazetteerTagger"/> has run over.</summary>
    public static GazetteerHint[] From(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return From(text.GazetteerMatches, text.Count);
    }
}
