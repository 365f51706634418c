using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Who a source is: a named person or organization, an outlet, a document, or anonymous sources and how many.</summary>
public sealed partial class AttributionFinder
{
    internal static Attribution Describe(AnnotatedText text, TokenSpan source, string word, string? phrase, TokenSpan? hearer)
    {
        var verb = phrase ?? word.ToLowerInvariant();
        var via = hearer is { } h ? OutletIn(text, h) : null;
        var headIndex = source.EndToken - 1;
        // "four sources familiar with the effort": the head is before the post-modifier.
        for (var k = source.StartToken; k < source.EndToken; k++)
        {
            if (AttributionWords.NounPhraseLinks.Contains(text.WordOf(k)) && k > source.StartToken) { headIndex = k - 1; break; }
        }
        if (text.WordOf(headIndex) is "familiar" or "close" && headIndex > source.StartToken) headIndex--;
        var head = text.WordOf(headIndex);

        // A name at the head, else a pronoun or a description the coreference resolved ("she", "the president").
        var pronoun = AttributionWords.Pronouns.Contains(head);
        // A pronoun is resolved by its own chain mention only, never by a name the recognizer ran over it.
        var entity = pronoun ? null : EntityAt(text, source, headIndex);
        var chain = ChainAt(text, source, headIndex, pronoun);
        var spokesperson = head.StartsWith("spokes", StringComparison.OrdinalIgnoreCase);
        if (entity is null && chain is not null && (AttributionWords.Pronouns.Contains(head) || !AttributionWords.AnonymousHeads.Contains(head))) entity = NamedMentionOf(text, chain);
        else if (entity is not null && !spokesperson && entity.Span.EndToken <= headIndex) entity = null;
        if (entity is not null)
        {
            var name = chain?.Name ?? entity.Known?.Name ?? entity.Name.Text;
            if (entity.Type == EntityType.Outlet)
                return new Attribution(AttributionKind.Outlet) { Speaker = source, SpeakerEntity = entity, SpeakerName = name, Via = name, Verb = verb };
            return new Attribution(AttributionKind.Named) { Speaker = source, SpeakerEntity = entity, SpeakerName = name, Via = via, Verb = verb };
        }
        if (chain is not null && !AttributionWords.AnonymousHeads.Contains(head))
            return new Attribution(chain.Type == EntityType.Outlet ? AttributionKind.Outlet : AttributionKind.Named)
            {
                Speaker = source, SpeakerName = chain.Name, Via = chain.Type == EntityType.Outlet ? chain.Name : via, Verb = verb,
            };
        if (AttributionWords.AnonymousHeads.Contains(head))
            return new Attribution(AttributionKind.Anonymous) { Speaker = source, Count = CountOf(text, source, headIndex), Via = via, Verb = verb };
        if (AttributionWords.DocumentHeads.Contains(head))
        {
            var outlet = OutletIn(text, source);
            return new Attribution(AttributionKind.Document) { Speaker = source, Via = outlet ?? StripDeterminer(text, source), Verb = verb };
        }
        if (AttributionWords.OutletNouns.Contains(head) && text.PosOf(source.StartToken) == "DT" && LastOutletBefore(text, source.StartToken) is { } earlier)
            return new Attribution(AttributionKind.Outlet) { Speaker = source, SpeakerName = earlier, Via = earlier, Verb = verb };
        if (AttributionWords.Pronouns.Contains(head))
            // Resolved later from the previous source, when coreference left it open ("They also say").
            return new Attribution(AttributionKind.Anonymous) { Speaker = source, Via = via, Verb = verb };
        if (text.PosOf(headIndex) is "NNP" or "NNPS" || IsNamed(text, source))
        {
            return new Attribution(AttributionKind.Named) { Speaker = source, SpeakerEntity = entity, SpeakerName = NameOf(text, source), Via = via, Verb = verb };
        }
        return new Attribution(AttributionKind.Anonymous) { Speaker = source, Count = CountOf(text, source, headIndex), Via = via, Verb = verb };
    }

    /// <summary>A name from words the recognizer did not tag: without its determiner and the office words before a proper noun.</summary>
    private static string NameOf(AnnotatedText text, TokenSpan span)
    {
        var s = span.StartToken;
        if (span.Length > 1 && text.PosOf(s) == "DT") s++;
        while (s < span.EndToken - 1 && AttributionWords.TitleWords.Contains(text.WordOf(s)) && text.PosOf(s + 1) is "NNP" or "NNPS") s++;
        return text.Span(s, span.EndToken).Text;
    }

    private static string StripDeterminer(AnnotatedText text, TokenSpan span)
    {
        var s = span.StartToken;
        if (span.Length > 1 && text.PosOf(s) == "DT") s++;
        return text.Span(s, span.EndToken).Text;
    }

    /// <summary>How many sources the phrase counts: "two US officials and one former official" = 3; one for a singular head.</summary>
    private static int? CountOf(AnnotatedText text, TokenSpan source, int headIndex)
    {
        var total = 0m;
        var any = false;
        foreach (var n in text.NumbersStartingIn(source.StartToken, headIndex + 1))
        {
            if (n.Span.EndToken > headIndex + 1) continue;
            total += n.Min;
            any = true;
        }
        if (any) return total is > 0 and < 10000 ? (int)total : null;
        var head = text.WordOf(headIndex);
        var first = text.WordOf(source.StartToken);
        if (first is "a" or "an" or "A" or "An" or "another" or "Another" or "one" or "One" && !head.EndsWith('s')) return 1;
        if (first is "the" or "The" && !head.EndsWith('s') && head is not ("people" or "staff")) return 1;
        return null;
    }

    private static CorefChain? ChainAt(AnnotatedText text, TokenSpan source, int headIndex, bool pronoun)
    {
        foreach (var (c, m) in EntityLookup.Of(text).ChainMentionsAt(headIndex))
        {
            if (pronoun ? m.StartToken == headIndex && m.Length == 1 : m.StartToken >= source.StartToken - 6) return c;
        }
        return null;
    }

    private static EntityMention? EntityAt(AnnotatedText text, TokenSpan source, int headIndex)
    {
        var lookup = EntityLookup.Of(text);
        return lookup.At(headIndex)
            ?? lookup.StartingIn(source.StartToken, source.EndToken).FirstOrDefault(m => m.Span.EndToken <= source.EndToken && m.Type != EntityType.Gpe && m.Type != EntityType.Norp);
    }

    /// <summary>The entity mention a chain was named by (its first mention that the recognizer saw as an entity).</summary>
    private static EntityMention? NamedMentionOf(AnnotatedText text, CorefChain chain)
    {
        var lookup = EntityLookup.Of(text);
        foreach (var mention in chain.Mentions)
        {
            if (lookup.Overlapping(mention).FirstOrDefault() is { } m) return m;
        }
        return null;
    }

    private static string? OutletIn(AnnotatedText text, TokenSpan span)
    {
        foreach (var m in EntityLookup.Of(text).Overlapping(span))
        {
            if (m.Type == EntityType.Outlet) return m.Known?.Name ?? m.Name.Text;
        }
        // "told the outlet": the outlet last named.
        for (var k = span.StartToken; k < span.EndToken; k++)
        {
            if (AttributionWords.OutletNouns.Contains(text.WordOf(k)) && text.PosOf(span.StartToken) == "DT") return LastOutletBefore(text, span.StartToken);
        }
        return null;
    }

    private static string? LastOutletBefore(AnnotatedText text, int token)
    {
        string? last = null;
        var before = text.EntitiesStartingIn(0, token);
        for (var i = before.Length - 1; i >= 0; i--)
        {
            if (before[i].Type != EntityType.Outlet) continue;
            last = before[i].Known?.Name ?? before[i].Name.Text;
            break;
        }
        return last;
    }
}
