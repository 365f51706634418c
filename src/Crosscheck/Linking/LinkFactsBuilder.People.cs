using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>What a document credits (outlets and their sources) and the titles it gives people.</summary>
public static partial class LinkFactsBuilder
{
    private static ImmutableArray<Credit> CreditsOf(AnnotatedText text)
    {
        var credits = ImmutableArray.CreateBuilder<Credit>();
        foreach (var r in AttributionFinder.Default.FindAll(text))
        {
            var via = r.Attribution.Via;
            if (via is null || via.Length == 0 || !char.IsUpper(via[0])) continue;
            var start = Math.Min(r.Cue.Start, r.Content.Length > 0 ? r.Content.Start : r.Cue.Start);
            var end = Math.Max(r.Cue.End, r.Content.Length > 0 ? r.Content.End : r.Cue.End);
            if (r.Source is { } s) { start = Math.Min(start, s.Start); end = Math.Max(end, s.End); }
            credits.Add(new Credit(via, r.Attribution.Count, r.Source?.Text, start, end, text.Text[start..end])
            {
                Interview = WireCredits.IsInterviewVerb(r.Attribution.Verb),
            });
        }
        return credits.ToImmutable();
    }

    private static ImmutableArray<PersonTitles> PeopleOf(AnnotatedText text, Dictionary<(int, int), string> keys)
    {
        var byKey = new Dictionary<string, (string Name, SortedSet<string> Titles, int Start, int End)>(StringComparer.Ordinal);
        var known = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var chain in text.Coreference)
        {
            if (chain.Type != EntityType.Person) continue;
            var key = EntityIndex.KeyOf(chain.Known, chain.Type, chain.Name);
            if (!byKey.TryGetValue(key, out var entry))
            {
                var first = chain.Mentions.Length > 0 ? chain.Mentions[0] : default;
                entry = (chain.Known?.Name ?? chain.Name, new SortedSet<string>(StringComparer.Ordinal), first.Length > 0 ? first.Start : 0, first.Length > 0 ? first.End : 0);
                byKey[key] = entry;
            }
            foreach (var t in chain.Titles) entry.Titles.Add(t);
            if (chain.Known is { } k) known[key] = k.Titles;
        }
        foreach (var m in text.Entities)
        {
            if (m.Type != EntityType.Person || m.Title is null) continue;
            var key = keys[(m.Span.StartToken, m.Span.EndToken)];
            if (!byKey.TryGetValue(key, out var entry))
            {
                entry = (m.Known?.Name ?? m.Name.Text, new SortedSet<string>(StringComparer.Ordinal), m.Span.Start, m.Span.End);
                byKey[key] = entry;
            }
            entry.Titles.Add(m.Title);
            if (m.Known is { } k) known[key] = k.Titles;
        }
        return [.. byKey.Where(p => p.Value.Titles.Count > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PersonTitles(p.Key, p.Value.Name, [.. p.Value.Titles], p.Value.Start, p.Value.End)
            {
                KnownTitles = known.GetValueOrDefault(p.Key, []),
            })];
    }
}
