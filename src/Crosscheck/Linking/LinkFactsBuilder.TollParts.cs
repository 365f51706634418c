using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;

namespace Crosscheck.Linking;

// A running toll its sentence splits by the people counted ("34 soldiers and 21 civilians have been killed in the region since
// January"): the parts of one count, whose whole the series takes.
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// The tolls of the reading as the linker compares them, with the whole of each toll its sentence gives in parts: two
    /// or more tolls of one sentence, one measure, one start and one as-of day, each counting its own people, one after
    /// the other joined by "and" or a comma ("at least 34 soldiers and 21 civilians"). The whole counts what the parts
    /// sum to (at least, when a part is a lower bound) and names no people, so it is no side's count.
    /// </summary>
    private static ImmutableArray<TollFacts> TollFactsOf(string document, string text, ImmutableArray<Toll> tolls)
    {
        var facts = tolls.Select(t => new TollFacts(TollIds.Of(document, t), t.Counts, t.Min, t.Max, t.Text, t.Span.Start, t.Span.End)
        {
            Since = t.Since?.Text,
            SinceDate = t.SinceDate,
            AsOf = t.AsOf,
            Victims = t.Victims?.Text,
        }).ToList();
        var ordered = tolls.Select((t, i) => (Toll: t, Facts: facts[i])).OrderBy(p => p.Toll.Span.Start).ToList();
        var wholes = new List<TollFacts>();
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j + 1 < ordered.Count && PartsOfOne(text, ordered[j].Toll, ordered[j + 1].Toll)) j++;
            if (j > i)
            {
                var parts = ordered.GetRange(i, j - i + 1);
                var (first, last) = (parts[0].Toll, parts[^1].Toll);
                var max = parts.All(p => p.Toll.Max is not null) ? parts.Sum(p => p.Toll.Max!.Value) : (decimal?)null;
                wholes.Add(new TollFacts(DocumentId.ForKey("t-", string.Join('|', document, first.Span.Start, last.Span.End, TollMeasures.Name(first.Counts), "whole")),
                    first.Counts, parts.Sum(p => p.Toll.Min), max, text[first.Span.Start..last.Span.End], first.Span.Start, last.Span.End)
                {
                    Since = first.Since?.Text,
                    SinceDate = first.SinceDate,
                    AsOf = first.AsOf,
                });
            }
            i = j + 1;
        }
        return [.. facts, .. wholes];
    }

    private static bool PartsOfOne(string text, Toll a, Toll b)
    {
        if (a.Counts != b.Counts || !a.Evidence.Equals(b.Evidence) || a.Victims is null || b.Victims is null) return false;
        if (a.SinceDate != b.SinceDate || a.AsOf != b.AsOf || a.Since?.Text != b.Since?.Text) return false;
        if (a.Span.End > b.Span.Start) return false;
        return text[a.Span.End..b.Span.Start].Trim() is "and" or "," or ", and";
    }
}
