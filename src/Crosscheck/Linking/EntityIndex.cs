using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Where an entity is mentioned: a slice of one document's text.</summary>
public sealed record EntityMentionRef(string Document, int Start, int End, string Text);

/// <summary>An entity across all analyzed documents, as the analysis contract lists it.</summary>
public sealed record LinkedEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required EntityType Type { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = ImmutableArray<string>.Empty;
    public ImmutableArray<string> Titles { get; init; } = ImmutableArray<string>.Empty;
    public string? Country { get; init; }
    public int? GeonameId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public ImmutableArray<EntityMentionRef> Mentions { get; init; } = ImmutableArray<EntityMentionRef>.Empty;
}

/// <summary>
/// Merges the entities of many documents: one entity per gazetteer entry, per full name, or per
/// organization name; a surname seen alone in one article joins the single full name that ends in it.
/// Ids are derived from the merge key, so they are the same on every run.
/// </summary>
public sealed class EntityIndex
{
    private readonly Dictionary<string, Builder> _byKey = new(StringComparer.Ordinal);
    private readonly List<Builder> _order = [];

    /// <summary>Adds the entities of one analyzed document.</summary>
    public void Add(string documentId, AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(text);
        // Chains first: every mention in one chain belongs to one entity.
        var chainOf = new Dictionary<(int, int), CorefChain>();
        foreach (var chain in text.Coreference)
        {
            foreach (var m in chain.Mentions) chainOf[(m.StartToken, m.EndToken)] = chain;
        }
        var local = new Dictionary<CorefChain, Builder>(ReferenceEqualityComparer.Instance);
        foreach (var mention in text.Entities)
        {
            Builder entity;
            if (chainOf.TryGetValue((mention.Span.StartToken, mention.Span.EndToken), out var chain))
            {
                if (!local.TryGetValue(chain, out entity!))
                {
                    entity = Resolve(KeyOf(chain.Known, chain.Type, chain.Name), chain.Name, chain.Type, chain.Known);
                    local[chain] = entity;
                }
                foreach (var t in chain.Titles) entity.Titles.Add(t);
            }
            else
            {
                var name = mention.Known?.Name ?? mention.Name.Text;
                entity = Resolve(KeyOf(mention.Known, mention.Type, name), name, mention.Type, mention.Known);
            }
            entity.Add(documentId, mention);
        }
    }

    /// <summary>The merged entities, in order of first mention.</summary>
    public ImmutableArray<LinkedEntity> Build()
    {
        // A surname-only person joins the one full-name person whose last word it is.
        var people = _order.Where(b => b.Type == EntityType.Person).ToList();
        foreach (var lone in _order.Where(b => b.Type == EntityType.Person && !b.Name.Contains(' ')).ToList())
        {
            var targets = people.Where(p => p != lone && p.MergedInto is null && p.Name.Contains(' ')
                && p.Name.EndsWith(" " + lone.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (targets.Count == 1) lone.MergedInto = targets[0];
        }
        // A name only the recognizer saw ("UN") joins the gazetteer entry that lists it as a name.
        var knownNames = new Dictionary<string, Builder>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in _order.Where(b => b.Known is not null))
        {
            foreach (var n in b.Known!.Aliases.Prepend(b.Known.Name)) knownNames.TryAdd(Category(b.Type) + n, b);
        }
        foreach (var b in _order.Where(b => b.Known is null && b.MergedInto is null))
        {
            if (knownNames.TryGetValue(Category(b.Type) + b.Name, out var known)) b.MergedInto = known;
        }
        foreach (var b in _order.Where(b => b.MergedInto is not null))
        {
            var into = b.MergedInto!;
            while (into.MergedInto is not null) into = into.MergedInto;
            into.Absorb(b);
        }
        return [.. _order.Where(b => b.MergedInto is null).Select(b => b.ToEntity())];
    }

    private Builder Resolve(string key, string name, EntityType type, KnownEntity? known)
    {
        if (!_byKey.TryGetValue(key, out var b))
        {
            b = new Builder(key, name, type, known);
            _byKey[key] = b;
            _order.Add(b);
        }
        return b;
    }

    private static string Category(EntityType type) => type switch
    {
        EntityType.Person => "p:",
        EntityType.Gpe or EntityType.Loc => "g:",
        EntityType.Norp => "n:",
        _ => "o:",
    };

    /// <summary>The merge key of every entity mention in one text, by token span: the key its chain or its name gives.</summary>
    internal static Dictionary<(int Start, int End), string> KeysOf(AnnotatedText text)
    {
        var chainOf = new Dictionary<(int, int), CorefChain>();
        foreach (var chain in text.Coreference)
        {
            foreach (var m in chain.Mentions) chainOf[(m.StartToken, m.EndToken)] = chain;
        }
        var keys = new Dictionary<(int, int), string>();
        foreach (var mention in text.Entities)
        {
            var span = (mention.Span.StartToken, mention.Span.EndToken);
            keys[span] = chainOf.TryGetValue(span, out var chain)
                ? KeyOf(chain.Known, chain.Type, chain.Name)
                : KeyOf(mention.Known, mention.Type, mention.Known?.Name ?? mention.Name.Text);
        }
        return keys;
    }

    internal static string KeyOf(KnownEntity? known, EntityType type, string name) =>
        known is not null ? "k:" + known.Key : (type == EntityType.Person ? "p:" : type is EntityType.Gpe or EntityType.Loc ? "g:" : "o:") + CoreferenceResolver.Normalize(name);

    /// <summary>A stable id: "e-" and 16 hex digits of SHA-256 over the merge key.</summary>
    internal static string IdFor(string key) => Documents.DocumentId.ForKey("e-", key);

    private sealed class Builder(string key, string name, EntityType type, KnownEntity? known)
    {
        public string Key { get; } = key;
        public string Name { get; private set; } = known?.Name ?? name;
        public EntityType Type { get; } = known?.Type ?? type;
        public KnownEntity? Known { get; } = known;
        public Builder? MergedInto { get; set; }
        public SortedSet<string> Titles { get; } = new(StringComparer.Ordinal);
        public List<string> Aliases { get; } = [];
        public List<EntityMentionRef> Mentions { get; } = [];

        public void Add(string document, EntityMention m)
        {
            if (m.Title is not null) Titles.Add(m.Title);
            var surface = m.Name.Text;
            if (surface != Name && !Aliases.Contains(surface)) Aliases.Add(surface);
            Mentions.Add(new EntityMentionRef(document, m.Span.Start, m.Span.End, m.Span.Text));
        }

        public void Absorb(Builder other)
        {
            foreach (var t in other.Titles) Titles.Add(t);
            foreach (var a in other.Aliases.Append(other.Name)) if (a != Name && !Aliases.Contains(a)) Aliases.Add(a);
            Mentions.AddRange(other.Mentions);
        }

        public LinkedEntity ToEntity() => new()
        {
            Id = IdFor(Key),
            Name = Name,
            Type = Type,
            // Only names and titles the articles use: every value must trace back to a text.
            Aliases = [.. Aliases],
            // "President" adds nothing beside "President of Mexico".
            Titles = [.. Titles.Where(t => !Titles.Any(o => o.StartsWith(t + " of ", StringComparison.Ordinal)))],
            Country = Known?.Country,
            GeonameId = Known?.GeonameId,
            Latitude = Known?.Latitude,
            Longitude = Known?.Longitude,
            Mentions = [.. Mentions],
        };
    }
}
