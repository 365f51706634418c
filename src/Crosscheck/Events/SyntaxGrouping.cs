using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Event words of one type and modality in one sentence are one event unless the parse shows two events: words one
/// edge apart, or two through a word that is not a verb, are one event ("struck …, killing", "attacks … that killed",
/// "bombed and intercepted"), unless the lower one is set in time against the other ("after rebels ambushed a convoy",
/// "before the raid": a time link of data/events/syntax-roles.txt marks it); parts further apart stay apart only when each has an anchor of its own, a count of dead or wounded
/// or a time nearest to it ("struck a vessel on Wednesday, killing four, … after attacks … killed 14" is two
/// strikes); a part made only of outcome words ("killing", "wounding") is never one of them. A part with no anchor joins the anchored part nearest to it; with fewer than two anchored parts the words
/// stay one event, as without a parse.
/// </summary>
internal static class SyntaxGrouping
{

    /// <summary>Whether two event words are one event's: near in the tree, and not one set in time against the other.</summary>
    private static bool Linked(AnnotatedText text, int a, int b)
    {
        var path = SyntaxScope.Path(text, a, b);
        if (path.Count is 0 or > 3) return false;
        if (path.Count == 3 && text.PosOf(path[1]) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal)) return false;
        // The nodes below the top of the path: one marked "after …" is an event of its own time.
        var top = path.MinBy(t => Depth(text, t));
        foreach (var t in path)
        {
            if (t == top) continue;
            for (var d = text.SentenceOf(t).StartToken; d < t; d++)
            {
                if (text.HeadOf(d) == t && RoleWords.TimeLinks.Contains(text.WordOf(d)) && text.RelationOf(d) is "mark" or "case") return false;
            }
        }
        return true;
    }

    private static int Depth(AnnotatedText text, int t)
    {
        var depth = 0;
        for (var h = text.HeadOf(t); h >= 0 && depth < 64; h = text.HeadOf(h)) depth++;
        return depth;
    }

    public static List<List<T>> Split<T>(AnnotatedText text, TokenSpan sentence, List<List<T>> groups, Func<T, TokenSpan> spanOf, IReadOnlyList<int> anchors,
        Func<T, bool> isOutcome)
    {
        if (anchors.Count < 2 || !SyntaxScope.HasParse(text, sentence)) return groups;
        var result = new List<List<T>>(groups.Count);
        foreach (var group in groups)
        {
            if (group.Count < 2) { result.Add(group); continue; }
            result.AddRange(SplitOne(text, group, spanOf, anchors, isOutcome));
        }
        return result;
    }

    private static List<List<T>> SplitOne<T>(AnnotatedText text, List<T> group, Func<T, TokenSpan> spanOf, IReadOnlyList<int> anchors, Func<T, bool> isOutcome)
    {
        // Parts: words linked by chains of near pairs (union-find over the group).
        var part = Enumerable.Range(0, group.Count).ToArray();
        int Find(int i) { while (part[i] != i) i = part[i] = part[part[i]]; return i; }
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                if (SpansLinked(text, spanOf(group[i]), spanOf(group[j]))) part[Find(j)] = Find(i);
            }
        }
        var parts = Enumerable.Range(0, group.Count).GroupBy(Find).Select(g => g.ToList()).ToList();
        if (parts.Count == 1) return [group];
        // Each anchor goes to the part nearest to it (ties to the earlier part); a part of outcome words alone ("killing",
        // "wounding") tells how an event ended, not another event, and takes none.
        var anchored = new bool[parts.Count];
        var outcomeOnly = parts.Select(p => p.All(i => isOutcome(group[i]))).ToArray();
        foreach (var anchor in anchors)
        {
            var best = -1;
            var bestDistance = int.MaxValue;
            for (var p = 0; p < parts.Count; p++)
            {
                if (outcomeOnly[p]) continue;
                var d = parts[p].Min(i => SyntaxScope.Distance(text, anchor, spanOf(group[i])));
                if (d < bestDistance) { best = p; bestDistance = d; }
            }
            if (best >= 0 && bestDistance != int.MaxValue) anchored[best] = true;
        }

        if (anchored.Count(a => a) < 2) return [group];
        var merged = parts.Select((p, k) => anchored[k] ? new List<int>(p) : null).ToList();
        for (var k = 0; k < parts.Count; k++)
        {
            if (anchored[k]) continue;
            var into = Enumerable.Range(0, parts.Count).Where(o => anchored[o])
                .OrderBy(o => parts[k].Min(i => parts[o].Min(j => SpanDistance(text, spanOf(group[i]), spanOf(group[j]))))).ThenBy(o => o).First();
            merged[into]!.AddRange(parts[k]);
        }
        return [.. merged.OfType<List<int>>().Select(p => p.Order().Select(i => group[i]).ToList())];
    }

    /// <summary>The part of <paramref name="groups"/> a token belongs to: the group with a word nearest to it in the tree; -1 when none is connected.</summary>
    public static int Owner<T>(AnnotatedText text, IReadOnlyList<List<T>> groups, Func<T, TokenSpan> spanOf, int token)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var r in groups[g])
            {
                var d = SyntaxScope.Distance(text, token, spanOf(r));
                if (d < bestDistance) { best = g; bestDistance = d; }
            }
        }
        return best;
    }

    private static bool SpansLinked(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        for (var i = a.StartToken; i < a.EndToken; i++)
        {
            for (var j = b.StartToken; j < b.EndToken; j++)
            {
                if (Linked(text, i, j)) return true;
            }
        }
        return false;
    }

    private static int SpanDistance(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        var best = int.MaxValue;
        for (var i = a.StartToken; i < a.EndToken; i++) best = Math.Min(best, SyntaxScope.Distance(text, i, b));
        return best;
    }
}
