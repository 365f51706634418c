using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Distances in a sentence's dependency tree, for telling which event words a number, a time or another event word
/// belongs to: the fewer edges between two tokens, the closer they are ("killing four" hangs from "struck", "killed
/// 14" from "attacks" in "struck a vessel …, killing four people, … two days after a string of attacks … killed 14").
/// Without a parse (a pipeline without the parser) nothing is near anything and callers keep their old rules.
/// </summary>
internal static class SyntaxScope
{
    /// <summary>Whether the sentence has been parsed.</summary>
    public static bool HasParse(AnnotatedText text, TokenSpan sentence) =>
        sentence.Length > 0 && (text.Done & Annotations.Syntax) != 0 && text.RelationOf(sentence.StartToken) is not null;

    /// <summary>Edges between two tokens of one parsed sentence (int.MaxValue when they are not connected).</summary>
    public static int Distance(AnnotatedText text, int a, int b)
    {
        if (a == b) return 0;
        // Walk up from a, remembering the depth of each ancestor; then up from b until a shared ancestor.
        Span<int> path = stackalloc int[64];
        var length = 0;
        for (var t = a; t >= 0 && length < path.Length; t = text.HeadOf(t)) path[length++] = t;
        var up = 0;
        for (var t = b; t >= 0 && up <= 64; t = text.HeadOf(t), up++)
        {
            var at = path[..length].IndexOf(t);
            if (at >= 0) return at + up;
        }
        return int.MaxValue;
    }

    /// <summary>
    /// The tokens on the tree path from <paramref name="a"/> to <paramref name="b"/>, both ends included, in order
    /// (empty when they are not connected).
    /// </summary>
    public static List<int> Path(AnnotatedText text, int a, int b)
    {
        var up = new List<int>();
        for (var t = a; t >= 0 && up.Count <= 64; t = text.HeadOf(t)) up.Add(t);
        var down = new List<int>();
        for (var t = b; t >= 0 && down.Count <= 64; t = text.HeadOf(t))
        {
            var at = up.IndexOf(t);
            if (at >= 0)
            {
                var path = up.GetRange(0, at + 1);
                for (var k = down.Count - 1; k >= 0; k--) path.Add(down[k]);
                return path;
            }
            down.Add(t);
        }
        return [];
    }

    /// <summary>
    /// The least distance between <paramref name="token"/> and any token of <paramref name="span"/>, each verb passed
    /// on the way counting one edge more: a count under another clause's verb ("killing four, Hegseth said, … attacks
    /// killed 14") is further from that clause's event than from the noun it hangs from.
    /// </summary>
    public static int Distance(AnnotatedText text, int token, TokenSpan span)
    {
        var best = int.MaxValue;
        for (var i = span.StartToken; i < span.EndToken; i++)
        {
            var path = Path(text, token, i);
            if (path.Count == 0) continue;
            var d = path.Count - 1;
            for (var k = 1; k < path.Count - 1; k++)
            {
                if (text.PosOf(path[k]) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) d++;
            }
            best = Math.Min(best, d);
        }
        return best;
    }

    /// <summary>
    /// Whether the time at [<paramref name="start"/>, <paramref name="end"/>) belongs to another event than the one of
    /// <paramref name="trigger"/>: it hangs inside a clause or phrase opened by a time link of data/events/syntax-roles.txt ("after", "before", "since") that does not
    /// hold the trigger ("the clashes followed after Laos expelled its envoy early on Friday", "killed since the
    /// fighting began Sunday", "a day after a strike killed three on Tuesday"); a phrase headed by a point of the day ("before dawn on Wednesday") is
    /// a moment, not another event. False without a parse.
    /// </summary>
    public static bool InOtherTimeClause(AnnotatedText text, int start, int end, int trigger)
    {
        var sentence = text.SentenceOf(start);
        if (!sentence.Contains(trigger) || !HasParse(text, sentence)) return false;
        var head = HeadOf(text, start, end);
        for (var (n, depth) = (text.HeadOf(head), 0); n >= 0 && depth < 64; n = text.HeadOf(n), depth++)
        {
            if (n == trigger || IsAncestor(text, n, trigger)) return false;
            if (text.RelationOf(n) is not { } relation) continue;
            // "…, killing 32 people, since the campaign began on March 3": a clause a time link marks is subordinate, also
            // when the parser joins it as a conjunct.
            var conjunct = relation == "conj";
            if (!conjunct && relation.Split(':')[0] is not ("advcl" or "obl" or "nmod" or "acl")) continue;
            // "before dawn on Wednesday", "shortly after midnight on Sunday": a moment of the clock, not another event.
            if (RoleWords.ClockNouns.Contains(text.WordOf(n).ToLowerInvariant())) continue;
            foreach (var d in new Token(text, n).Dependents)
            {
                if ((d.Relation == "mark" || d.Relation == "case" && !conjunct) && RoleWords.TimeLinks.Contains(d.Text)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "killed in the strike, the fourth of an operation that began in February": a time in a clause of starting that
    /// describes another noun (off the trigger's path) dates the start of what that noun names, not the trigger's event.
    /// The trigger's own noun or the noun it takes ("killed in a raid that started on Tuesday") is the event described.
    /// </summary>
    public static bool InStartOfAnother(AnnotatedText text, int start, int end, int trigger)
    {
        var sentence = text.SentenceOf(start);
        if (!sentence.Contains(trigger) || !HasParse(text, sentence)) return false;
        for (var (n, depth) = (text.HeadOf(HeadOf(text, start, end)), 0); n >= 0 && depth < 64; n = text.HeadOf(n), depth++)
        {
            if (n == trigger || IsAncestor(text, n, trigger)) return false;
            if (text.RelationOf(n) is "acl" or "acl:relcl" && text.HeadOf(n) is var described && described != trigger && text.HeadOf(described) != trigger
                && Lemmas.Candidates(text.WordOf(n)).Any(RoleWords.StartVerbs.Contains)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="ancestor"/> lies on the path from <paramref name="token"/> to its sentence's root.</summary>
    public static bool IsAncestor(AnnotatedText text, int ancestor, int token)
    {
        for (var (t, depth) = (text.HeadOf(token), 0); t >= 0 && depth < 64; t = text.HeadOf(t), depth++)
        {
            if (t == ancestor) return true;
        }
        return false;
    }

    /// <summary>The token of [start, end) highest in the tree (the phrase's head); <paramref name="start"/> when none is.</summary>
    public static int HeadOf(AnnotatedText text, int start, int end)
    {
        var best = start;
        var bestDepth = int.MaxValue;
        for (var i = start; i < end; i++)
        {
            var depth = 0;
            for (var t = text.HeadOf(i); t >= 0 && depth < 64; t = text.HeadOf(t)) depth++;
            if (depth < bestDepth) { best = i; bestDepth = depth; }
        }
        return best;
    }
}
