using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Event words of one type and modality in one sentence are one event unless the parse shows two events: words one
/// edge apart, or two through a word that is not a verb, are one event ("struck …, killing", "attacks … that killed",
/// "bombed and intercepted"), unless the lower one is set in time against the other ("after rebels ambushed a convoy",
/// "before the raid": a time link of data/events/syntax-roles.txt marks it); parts further apart stay apart only when each has an anchor of its own, a count of dead or wounded
/// or a time nearest to it ("struck a vessel on Wednesday, killing four, … after attacks … killed 14" is two
/// strikes); a part made only of outcome words ("killing", "wounding") is never one of them. Two words that each hold a
/// different count of one kind as their own ("which killed three men", "the attack that killed 11") are never joined.
/// A part with no anchor joins the anchored part nearest to it; with fewer than two anchored parts the words
/// stay one event, as without a parse.
/// </summary>
internal static partial class SyntaxGrouping
{

    /// <summary>
    /// The tree nodes on the path between two event words when they are one event's (near in the tree, and not one set
    /// in time against the other); 0 when they are not.
    /// </summary>
    private static int Linked(AnnotatedText text, int a, int b)
    {
        var path = SyntaxScope.Path(text, a, b);
        if (path.Count is 0 or > 3) return 0;
        if (path.Count == 3 && text.PosOf(path[1]) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal)) return 0;
        // The nodes below the top of the path: one marked "after …" is an event of its own time.
        var top = path.MinBy(t => Depth(text, t));
        foreach (var t in path)
        {
            if (t != top && TimeLinkAt(text, t) >= 0) return 0;
        }
        return path.Count;
    }

    private static int Depth(AnnotatedText text, int t)
    {
        var depth = 0;
        for (var h = text.HeadOf(t); h >= 0 && depth < 64; h = text.HeadOf(h)) depth++;
        return depth;
    }

    public static List<List<T>> Split<T>(AnnotatedText text, TokenSpan sentence, List<List<T>> groups, Func<T, TokenSpan> spanOf, IReadOnlyList<SplitAnchor> anchors,
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

    private static List<List<T>> SplitOne<T>(AnnotatedText text, List<T> group, Func<T, TokenSpan> spanOf, IReadOnlyList<SplitAnchor> anchors, Func<T, bool> isOutcome)
    {
        // Parts: words linked by chains of near pairs (union-find over the group), the nearest pairs first. Two words
        // that each hold a different figure of one kind as their own ("killed three men", "attack that killed 11") are
        // never joined: one event has one count of its dead, so a chain through a misread attachment cannot make them one.
        var part = Enumerable.Range(0, group.Count).ToArray();
        int Find(int i) { while (part[i] != i) i = part[i] = part[part[i]]; return i; }
        var words = new HashSet<int>(group.SelectMany(g => Enumerable.Range(spanOf(g).StartToken, spanOf(g).Length)));
        var owned = group.Select(g => OwnFigures(text, spanOf(g), anchors, words)).ToArray();
        var pairs = new List<(int Length, int I, int J)>();
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                if (LinkLength(text, spanOf(group[i]), spanOf(group[j])) is var length and > 0) pairs.Add((length, i, j));
            }
        }
        var members = Enumerable.Range(0, group.Count).Select(i => new List<int> { i }).ToArray();
        // Among pairs equally near, a clause describing an event noun ("the raid that killed nine") binds first.
        foreach (var (_, i, j) in pairs.OrderBy(p => p.Length).ThenBy(p => Describes(text, spanOf(group[p.I]), spanOf(group[p.J])) ? 0 : 1)
                     .ThenBy(p => p.I).ThenBy(p => p.J))
        {
            int a = Find(i), b = Find(j);
            if (a == b || Conflict(members[a], members[b], owned)) continue;
            part[b] = a;
            members[a].AddRange(members[b]);
        }
        var parts = Enumerable.Range(0, group.Count).GroupBy(Find).Select(g => g.ToList()).ToList();
        if (parts.Count == 1) return [group];
        // Each anchor goes to the part nearest to it (ties to the earlier part); a part of outcome words alone ("killing",
        // "wounding") tells how an event ended, not another event, and takes none.
        var anchored = new bool[parts.Count];
        // A part that holds a figure of its own unlike another part's ("which killed three men" beside "the attack that
        // killed 11") is an event of its own, whatever its words.
        var outcomeOnly = parts.Select(p => p.All(i => isOutcome(group[i])) && !parts.Any(o => o != p && Conflict(p, o, owned))).ToArray();
        foreach (var anchor in anchors.Select(a => a.Head))
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

        // Outcome words alone that hold a figure of their own ("which officials said killed four fishermen", beside "the
        // raid that killed nine") tell how another event ended: they join an event that holds no figure unlike theirs.
        var outcomeWords = parts.Select(p => p.All(i => isOutcome(group[i]))).ToArray();
        for (var k = 0; k < parts.Count; k++)
        {
            if (anchored[k] && outcomeWords[k]
                && Enumerable.Range(0, parts.Count).Any(o => anchored[o] && !outcomeWords[o] && !Conflict(parts[k], parts[o], owned)))
                anchored[k] = false;
        }
        if (anchored.Count(a => a) < 2) return [group];
        var merged = parts.Select((p, k) => anchored[k] ? new List<int>(p) : null).ToList();
        for (var k = 0; k < parts.Count; k++)
        {
            if (anchored[k]) continue;
            // A part set in time against another ("a week after an ambush …") joins the words that follow its "after";
            // never a part that holds a figure unlike its own.
            var marker = parts[k].Select(i => TimeLinkOf(text, spanOf(group[i]))).Where(m => m >= 0).DefaultIfEmpty(-1).Min();
            var candidates = Enumerable.Range(0, parts.Count).Where(o => anchored[o]).ToList();
            if (candidates.Where(o => !Conflict(parts[k], parts[o], owned)).ToList() is { Count: > 0 } agreeing) candidates = agreeing;
            if (marker >= 0 && candidates.Where(o => parts[o].Min(i => spanOf(group[i]).StartToken) > marker).ToList() is { Count: > 0 } after) candidates = after;
            var into = candidates
                .OrderBy(o => parts[k].Min(i => parts[o].Min(j => SpanDistance(text, spanOf(group[i]), spanOf(group[j]))))).ThenBy(o => o).First();
            merged[into]!.AddRange(parts[k]);
        }
        return [.. merged.OfType<List<int>>().Select(p => p.Order().Select(i => group[i]).ToList())];
    }

    /// <summary>The fewest tree nodes on a path that links the two words (0 when they are not linked).</summary>
    private static int LinkLength(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        var best = 0;
        for (var i = a.StartToken; i < a.EndToken; i++)
        {
            for (var j = b.StartToken; j < b.EndToken; j++)
            {
                if (Linked(text, i, j) is var n and > 0 && (best == 0 || n < best)) best = n;
            }
        }
        return best;
    }

    /// <summary>The "after" or "before" that sets a word in time against another event ("after an ambush"); -1 when none.</summary>
    private static int TimeLinkOf(AnnotatedText text, TokenSpan word)
    {
        for (var t = word.StartToken; t < word.EndToken; t++)
        {
            if (TimeLinkAt(text, t) is var d and >= 0) return d;
        }
        return -1;
    }

    /// <summary>
    /// Whether an event word is the length of time after which the clause's event came ("after about 20 hours of
    /// fighting", "following weeks of shelling"): background to that event, not the event. By the words, since a parse
    /// often hangs the "after" on the verb.
    /// </summary>
    internal static bool AfterLengthOf(AnnotatedText text, TokenSpan word)
    {
        var start = word.StartToken;
        if (word.Length == 0) return false;
        var sentence = text.SentenceOf(start);
        if (start - 3 < sentence.StartToken || !text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase)
            || !RoleWords.LapseUnits.Contains(text.WordOf(start - 2))) return false;
        for (var k = start - 3; k >= Math.Max(sentence.StartToken, start - 6); k--)
        {
            if (RoleWords.TimeLinks.Contains(text.WordOf(k))) return true;
        }
        return false;
    }

    /// <summary>Whether a word's own "after", "before" or the like sets it in time against another event ("after an attack").</summary>
    internal static bool SetInTime(AnnotatedText text, int t) => TimeLinkAt(text, t) >= 0;

    private static int TimeLinkAt(AnnotatedText text, int t)
    {
        for (var d = text.SentenceOf(t).StartToken; d < t; d++)
        {
            if (text.HeadOf(d) == t && RoleWords.TimeLinks.Contains(text.WordOf(d)) && text.RelationOf(d) is "mark" or "case") return d;
        }
        return -1;
    }

    /// <summary>Whether one word heads a clause that describes the other ("raid" ← acl:relcl "killed").</summary>
    private static bool Describes(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        static bool Under(AnnotatedText text, TokenSpan clause, TokenSpan noun)
        {
            for (var t = clause.StartToken; t < clause.EndToken; t++)
            {
                if (Within(noun, text.HeadOf(t)) && text.RelationOf(t) is { } r && r.StartsWith("acl", StringComparison.Ordinal)) return true;
            }
            return false;
        }
        return Under(text, a, b) || Under(text, b, a);
    }

    private static int SpanDistance(AnnotatedText text, TokenSpan a, TokenSpan b)
    {
        var best = int.MaxValue;
        for (var i = a.StartToken; i < a.EndToken; i++) best = Math.Min(best, SyntaxScope.Distance(text, i, b));
        return best;
    }
}

/// <summary>
/// What can make two event words of one sentence two events: the head token of a count of dead or wounded or of a
/// resolved time; for a count, its kind ("Killed") and value ("3-3"), for a single day "Day" and its date, which two words holding the same kind with
/// different values cannot share (null when the anchor is not compared).
/// </summary>
internal readonly record struct SplitAnchor(int Head, string? Kind = null, string? Value = null);
