using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

/// <summary>Builds a text as the recognizer would leave it: tokenized, split, with the given mentions, then resolved for coreference.</summary>
internal static class MentionFixture
{
    private static readonly LanguagePipeline Sentences = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Build();

    /// <summary>Each mention is found in order after the previous one; its name is found inside it.</summary>
    public static AnnotatedText With(string text, params (string Mention, string Name, EntityType Type, string? Title)[] mentions)
    {
        var a = Sentences.Process(text);
        var list = ImmutableArray.CreateBuilder<EntityMention>();
        var from = 0;
        foreach (var (mention, name, type, title) in mentions)
        {
            var at = text.IndexOf(mention, from, StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"'{mention}' is not in the text after {from}");
            var nameAt = text.IndexOf(name, at, StringComparison.Ordinal);
            list.Add(new EntityMention(SpanOf(a, at, at + mention.Length), SpanOf(a, nameAt, nameAt + name.Length), type) { Title = title });
            from = at + mention.Length;
        }
        a.Entities = list.ToImmutable();
        new CoreferenceResolver().Process(a);
        return a;
    }

    private static TokenSpan SpanOf(AnnotatedText a, int start, int end)
    {
        var first = a.TokenAtOrAfter(start);
        var last = first;
        while (last < a.Count && a[last].End <= end) last++;
        return a.Span(first, last);
    }
}
