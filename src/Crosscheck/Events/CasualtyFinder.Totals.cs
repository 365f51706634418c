using Crosscheck.Language;

namespace Crosscheck.Events;

// The count of one kind (killed or injured) that a sentence's statements add up to.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// The count of one kind in a sentence: victims named for the first time add up ("a man was killed and
    /// a woman was killed"), victims named before count once; a victim who was shot and killed is killed only.
    /// </summary>
    private static CountRange? Total(AnnotatedText text, List<Statement> statements, Outcome kind)
    {
        decimal newMin = 0, anaphoricMin = 0;
        decimal? newMax = 0, anaphoricMax = 0;
        int start = int.MaxValue, end = -1;
        bool any = false, anyNew = false, anyAnaphoric = false;
        // "shot and killed his wife before killing himself": the doer who killed himself is one more death beside his victims.
        var selves = kind == Outcome.Killed && statements.Exists(s => s.Kind == kind && !s.Self && s.Min > 0)
            ? statements.Count(s => s.Kind == kind && s.Self && s.Min > 0) : 0;
        for (var k = 0; k < statements.Count; k++)
        {
            var s = statements[k];
            if (s.Kind != kind || selves > 0 && s.Self) continue;
            any = true;
            start = Math.Min(start, s.Start);
            end = Math.Max(end, s.End);
            anyNew |= !s.Anaphoric;
            anyAnaphoric |= s.Anaphoric;
            if (s.Anaphoric)
            {
                // The dead named before may be the hurt ones ("he was shot … he died"), unless they are named otherwise
                // ("John Smith, 24, was killed, and Mark Jones, 31, was wounded").
                var anaphoricKilled = 0m;
                if (kind == Outcome.Injured)
                {
                    foreach (var d in statements)
                    {
                        if (d.Kind == Outcome.Killed && d.Anaphoric && !d.Self && !NamedOtherwise(text, d, s)) anaphoricKilled += d.Min;
                    }
                }
                var min = kind == Outcome.Injured ? Math.Max(0, s.Min - anaphoricKilled) : s.Min;
                var max = s.Max is { } m ? (kind == Outcome.Injured ? Math.Max(min, m - anaphoricKilled) : m) : (decimal?)null;
                anaphoricMin = Math.Max(anaphoricMin, min);
                anaphoricMax = anaphoricMax is null || max is null ? null : Math.Max(anaphoricMax.Value, max.Value);
            }
            // "Two people are dead and three others wounded": "others" beside another kind of outcome are more victims, not more of this kind.
            else if (s.Additional && k > 0 && statements[k - 1].Kind == kind)
            {
                newMin += s.Min;
                newMax = newMax is null || s.Max is null ? null : newMax + s.Max;
            }
            else if ((newMin > 0 || !s.Anaphoric && k > 0 && NamedVictim(text, statements[k - 1])) && s.VictimStart > 0 && text.WordOf(s.VictimStart - 1).ToLowerInvariant() is "and" or "while" or "whereas"
                && k > 0 && statements[k - 1].Kind == kind && statements[k - 1].End <= s.VictimStart)
            {
                // "Mark Tolliver was shot in the chest, and a 20-year-old man was shot in the arm": a victim named by name,
                // then one named afresh, are two.
                if (newMin == 0)
                {
                    newMin = statements[k - 1].Min;
                    newMax = statements[k - 1].Max;
                }
                // "One man was wounded in the shoulder and a woman of 41 was shot in the leg": a second clause names more victims;
                // so does one after "while" ("ten rebels were killed while three soldiers died").
                newMin += s.Min;
                newMax = newMax is null || s.Max is null ? null : newMax + s.Max;
            }
            else
            {
                // The same count said twice (a headline run into its first sentence) is one count.
                newMin = Math.Max(newMin, s.Min);
                newMax = newMax is null || s.Max is null ? null : Math.Max(newMax.Value, s.Max.Value);
            }
        }
        if (!any) return null;
        // "… rose to nine after two of the injured died": hurt victims who all died leave no count of the hurt (not zero hurt).
        if (kind == Outcome.Injured && !anyNew && anaphoricMin == 0 && anaphoricMax == 0 && statements.Exists(s => s.Kind == kind && s.Min > 0)) return null;
        // "Up to 50 people were wounded" ([0, 50]) with no victim named before is its own count, not the none of no statement.
        var useNew = !anyAnaphoric || anyNew && (newMin > anaphoricMin || (newMin == anaphoricMin && newMax is null));
        var (totalMin, totalMax) = useNew ? (newMin, newMax) : (anaphoricMin, anaphoricMax);
        return new CountRange(totalMin + selves, totalMax + selves, text.Span(start, end));
    }

    /// <summary>Whether the statement names one victim by a proper noun that opens its victim phrase ("Mark Tolliver, 44,").</summary>
    private static bool NamedVictim(AnnotatedText text, Statement s) =>
        s.Anaphoric && s.Min == 1 && s.Max == 1 && s.VictimEnd > s.VictimStart && NameToken(text, s.VictimStart);

    /// <summary>Whether both statements name their victims by proper nouns and share none: two different people.</summary>
    private static bool NamedOtherwise(AnnotatedText text, Statement a, Statement b)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var t = a.VictimStart; t < a.VictimEnd; t++)
        {
            if (text.PosOf(t) is "NNP" or "NNPS") names.Add(text.WordOf(t));
        }
        if (names.Count == 0) return false;
        var named = false;
        for (var t = b.VictimStart; t < b.VictimEnd; t++)
        {
            if (text.PosOf(t) is not ("NNP" or "NNPS")) continue;
            if (names.Contains(text.WordOf(t))) return false;
            named = true;
        }
        return named;
    }
}
