using System.Collections.Immutable;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Language;

/// <summary>
/// Turns the recognizer's BIO tags and the gazetteer's matches into entity mentions. Gazetteer entries give
/// canonical names, types and countries; the recognizer finds the names no list holds. Office titles right
/// before a person's name join the mention ("Secretary of War Pete Hegseth") and give it its title.
/// </summary>
public sealed class EntityResolver : IPipelineComponent
{
    private static readonly System.Collections.Frozen.FrozenSet<string> PlatformNames =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Gazetteers.PlaceWordList.Section("platform-names"), StringComparer.Ordinal);

    public string Name => "entities";
    public Annotations Requires => Annotations.Sentences | Annotations.EntityTags | Annotations.Gazetteer;
    public Annotations Sets => Annotations.Entities;

    public void Process(AnnotatedText text)
    {
        var matches = text.GazetteerMatches;
        var entityMatches = matches.Where(m => m.Kind == GazetteerMatchKind.Entity && m.Entry is not null).ToList();
        var titles = matches.Where(m => m.Kind == GazetteerMatchKind.Title).ToList();
        var taken = new bool[text.Count];
        var found = new List<EntityMention>();

        // 1. Recognizer spans, linked to a gazetteer entry when one covers or sits inside them.
        foreach (var (rawStart, rawEnd, type) in BioSpans(text))
        {
            if (type == "MISC") continue;
            var start = rawStart;
            var end = rawEnd;
            // "The Trump administration": an article is never part of a name the lists don't hold,
            // nor is a possessive ending ("the Post's").
            while (start < end && text.WordOf(start) is "The" or "the" or "THE") start++;
            while (end > start && text.WordOf(end - 1) is "'s" or "’s" or "'" or "’") end--;
            if (start == end || !LooksLikeName(text, start, end)) continue;
            // A title the recognizer swallowed ("President Trump" as one PERSON) is peeled off below.
            var nameStart = start;
            foreach (var t in titles)
            {
                if (t.StartToken <= start && t.EndToken > start && t.EndToken < end) nameStart = Math.Max(nameStart, t.EndToken);
            }
            var inside = entityMatches.Where(m => m.StartToken < end && start < m.EndToken).ToList();
            EntityMention? mention = null;
            var nerType = MapType(type);
            // "wrote on Telegram": a platform's name is never a place.
            if (nerType is EntityType.Gpe or EntityType.Loc && end - start == 1 && PlatformNames.Contains(text.WordOf(start))) nerType = EntityType.Org;
            if (inside.Count == 1)
            {
                var m = inside[0];
                var entry = m.Entry!;
                if (m.StartToken <= nameStart && m.EndToken >= end)
                {
                    // The list knows the whole name, or more of it ("Joint Special Operations" → the command).
                    mention = Known(text, m);
                }
                else if (nerType == EntityType.Person && entry.Type == EntityType.Person)
                {
                    // "Donald J. Trump": the recognizer's longer span, the list's identity.
                    mention = new EntityMention(text.Span(nameStart, end), text.Span(nameStart, end), entry.Type) { Known = entry.Entity, Origin = "ner+gazetteer" };
                }
            }
            if (mention is null && nerType is { } t2 && inside.All(m => m.Entry!.Type is EntityType.Gpe or EntityType.Norp or EntityType.Loc || !Compatible(t2, m.Entry!.Type)))
            {
                // A name the lists don't hold, possibly containing a place ("Mexican Navy", "Port of Houston").
                if (inside.Count == 0 || t2 is EntityType.Org or EntityType.Person or EntityType.Facility || inside.Count > 1)
                    mention = new EntityMention(text.Span(nameStart, end), text.Span(nameStart, end), t2);
                else mention = Known(text, inside[0]);
            }
            if (mention is null) mention = Known(text, inside.OrderByDescending(m => m.Length).First());
            if (Claim(taken, mention.Span)) found.Add(mention);
        }

        // 2. Gazetteer names the recognizer missed.
        foreach (var m in entityMatches)
        {
            var span = text.Span(m.StartToken, m.EndToken);
            if (Free(taken, span)) { found.Add(Known(text, m)); Claim(taken, span); }
        }

        // 3. Titles right before a person's name join the mention; a country inside the title
        //    ("Mexico's president") is then part of the title, not a mention of its own.
        var withTitles = new List<EntityMention>(found.Count);
        var insideTitles = new List<(int Start, int End)>();
        foreach (var mention in found.OrderBy(m => m.Span.StartToken))
        {
            if (mention.Type == EntityType.Person)
            {
                var title = titles.LastOrDefault(t => t.EndToken == mention.Span.StartToken || (t.EndToken > mention.Name.StartToken - 1 && t.EndToken <= mention.Name.StartToken && t.StartToken < mention.Name.StartToken));
                if (title is not null && title.StartToken < mention.Span.StartToken)
                {
                    insideTitles.Add((title.StartToken, title.EndToken));
                    withTitles.Add(mention with { Span = text.Span(title.StartToken, mention.Name.EndToken), Title = title.CanonicalTitle ?? title.Title?.Canonical });
                    continue;
                }
                if (title is not null && mention.Title is null)
                {
                    withTitles.Add(mention with { Title = title.CanonicalTitle ?? title.Title?.Canonical });
                    continue;
                }
            }
            withTitles.Add(mention);
        }
        withTitles.RemoveAll(m => m.Type != EntityType.Person && insideTitles.Any(t => m.Span.StartToken >= t.Start && m.Span.EndToken <= t.End));
        text.Entities = [.. withTitles.OrderBy(m => m.Span.StartToken)];
    }

    /// <summary>
    /// The recognizer's span names something: some word starts with a capital or a digit, and a single word
    /// is not a pronoun or another closed-class word ("We" opening a quote).
    /// </summary>
    private static bool LooksLikeName(AnnotatedText text, int start, int end)
    {
        var capital = false;
        for (var i = start; i < end; i++)
        {
            var w = text.WordOf(i);
            if (w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]))) capital = true;
        }
        if (!capital) return false;
        if (end - start == 1 && text.PosOf(start) is "PRP" or "PRP$" or "DT" or "WP" or "WDT" or "IN" or "CC" or "EX" or "MD" or "RB" or "UH") return false;
        return true;
    }

    private static EntityMention Known(AnnotatedText text, GazetteerMatch m)
    {
        var span = text.Span(m.StartToken, m.EndToken);
        return new EntityMention(span, span, m.Entry!.Type) { Known = m.Entry.Entity, Origin = "gazetteer" };
    }

    private static bool Compatible(EntityType? ner, EntityType known) => ner switch
    {
        EntityType.Person => known == EntityType.Person,
        EntityType.Org => known is EntityType.Org or EntityType.Group or EntityType.Outlet,
        EntityType.Loc or EntityType.Gpe => known is EntityType.Gpe or EntityType.Loc,
        EntityType.Norp => known == EntityType.Norp,
        _ => false,
    };

    private static EntityType? MapType(string type) => type switch
    {
        "PERSON" => EntityType.Person,
        "ORG" => EntityType.Org,
        "GPE" => EntityType.Gpe,
        // The recognizer cannot tell countries and cities from other places; only a gazetteer entry makes a GPE.
        "LOC" => EntityType.Loc,
        "NORP" => EntityType.Norp,
        "FACILITY" => EntityType.Facility,
        _ => null,
    };

    private static bool Free(bool[] taken, TokenSpan span)
    {
        for (var i = span.StartToken; i < span.EndToken; i++) if (taken[i]) return false;
        return true;
    }

    private static bool Claim(bool[] taken, TokenSpan span)
    {
        if (!Free(taken, span)) return false;
        for (var i = span.StartToken; i < span.EndToken; i++) taken[i] = true;
        return true;
    }

    private static IEnumerable<(int Start, int End, string Type)> BioSpans(AnnotatedText text)
    {
        var start = -1;
        string? type = null;
        for (var i = 0; i <= text.Count; i++)
        {
            var tag = i < text.Count ? text.EntityTagOf(i) ?? "O" : "O";
            var sentenceStart = i < text.Count && i > 0 && text.IsSentenceStart(i);
            if (type is not null && !sentenceStart && tag.Length > 2 && tag[0] == 'I' && tag.AsSpan(2).SequenceEqual(type)) continue;
            if (type is not null) yield return (start, i, type);
            type = null;
            if (tag.Length > 2 && tag[1] == '-') { start = i; type = tag[2..]; }
        }
    }
}
