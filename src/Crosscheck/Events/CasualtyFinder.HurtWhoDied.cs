using Crosscheck.Language;

namespace Crosscheck.Events;

// The hurt of a follow-up who died in the same sentence: "Eleven other soldiers were wounded and four of them later died".
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// "Eleven other soldiers were wounded and four of them later died": dead counted as a part of the hurt told just
    /// before in the same sentence ("four of them", "both of them", "one of them") are new dead taken from those hurt, so
    /// the hurt who lived are the rest (seven) and the dead add to the dead told before; "the two injured" who died are the
    /// hurt told before named again, no hurt of the sentence. The statements, changed so.
    /// </summary>
    private static List<Statement> WithHurtWhoDied(AnnotatedText text, List<Statement> statements)
    {
        // "The two injured later died": the hurt named again to tell of their death are no hurt of the sentence's own.
        if (statements.Exists(k => TheCountedHurt(text, k)))
            statements = [.. statements.Where(h => h.Kind != Outcome.Injured
                || !statements.Exists(k => TheCountedHurt(text, k) && k.VictimStart <= h.VictimStart && h.VictimEnd <= k.VictimEnd))];
        List<Statement>? changed = null;
        var allDied = new HashSet<int>();
        for (var k = 0; k < statements.Count; k++)
        {
            var s = statements[k];
            if (s.Kind != Outcome.Killed || s.Min <= 0 || !OfThem(text, s)) continue;
            var hurt = -1;
            for (var i = 0; i < statements.Count; i++)
            {
                var h = statements[i];
                if (h.Kind == Outcome.Injured && h.End <= s.VictimStart && h.Max == h.Min && h.Min >= s.Min && s.Max == s.Min) hurt = i;
            }
            if (hurt < 0) continue;
            changed ??= [.. statements];
            var left = changed[hurt].Min - s.Min;
            changed[hurt] = changed[hurt] with { Min = left, Max = left };
            // "Two others were wounded and both of them later died": none of those hurt lived.
            if (left == 0) allDied.Add(hurt);
            changed[k] = s with { Anaphoric = false, Additional = true };
        }
        if (changed is null) return statements;
        return [.. changed.Where((_, i) => !allDied.Contains(i))];
    }

    /// <summary>"four of them", "both of them", "one of them": a count of the dead taken from a group just named.</summary>
    private static bool OfThem(AnnotatedText text, Statement s)
    {
        if (s.VictimEnd <= s.VictimStart) return false;
        var at = text.WordOf(s.VictimStart).ToLowerInvariant() is "one" or "both" or "all" ? s.VictimStart + 1
            : NumberAt(text, s.VictimStart, s.VictimEnd) is { } n && n.Span.StartToken == s.VictimStart ? n.Span.EndToken : -1;
        return at > 0 && at + 1 < text.Count && text.WordOf(at).Equals("of", StringComparison.OrdinalIgnoreCase)
            && text.WordOf(at + 1).Equals("them", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"The two injured later died", "the three wounded": a count of the hurt named again as such, of the hurt told before.</summary>
    private static bool TheCountedHurt(AnnotatedText text, Statement s)
    {
        if (s.Kind != Outcome.Killed || s.VictimEnd <= s.VictimStart) return false;
        // The victims' words may start at "the" or at the number ("injured" read as a verb after it).
        var first = text.WordOf(s.VictimStart).Equals("the", StringComparison.OrdinalIgnoreCase) ? s.VictimStart + 1 : s.VictimStart;
        if (first == 0 || !text.WordOf(first - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return false;
        if (NumberAt(text, first, Math.Max(s.VictimEnd, first + 1)) is not { } n || n.Span.StartToken != first) return false;
        var at = n.Span.EndToken;
        return at < text.SentenceOf(first).EndToken
            && (InjuredNouns.Contains(text.WordOf(at).ToLowerInvariant()) || text.WordOf(at).Equals("hurt", StringComparison.OrdinalIgnoreCase));
    }
}
