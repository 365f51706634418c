using Crosscheck.Language;

namespace Crosscheck.Events;

// Which event a token (a count, a time) belongs to among a sentence's groups, and the clause openings that decide it.
internal static partial class SyntaxGrouping
{
    /// <summary>The part of <paramref name="groups"/> a token belongs to: the group with a word nearest to it in the tree; -1 when none is connected.</summary>
    public static int Owner<T>(AnnotatedText text, IReadOnlyList<List<T>> groups, Func<T, TokenSpan> spanOf, int token)
    {
        // A phrase that opens a coordinated clause ("…, and on Tuesday another soldier was killed") is that clause's
        // event word's, whatever the parse hangs it on.
        if (token >= 0 && OpensClause(text, token))
        {
            var next = groups.SelectMany((g, i) => g.Select(r => (Start: spanOf(r).StartToken, Group: i))).Where(w => w.Start >= token)
                .DefaultIfEmpty((Start: -1, Group: -1)).MinBy(w => w.Start);
            if (next.Group >= 0) return next.Group;
        }
        // "the deadliest attack since a grenade blast in March": a word inside the event compared with is that event's.
        if (token >= 0 && ComparisonTimes.ComparedSince(text, text.SentenceOf(token), token) is { } since)
        {
            var compared = groups.SelectMany((g, i) => g.Select(r => (Start: spanOf(r).StartToken, Group: i))).Where(w => w.Start > since)
                .DefaultIfEmpty((Start: -1, Group: -1)).MinBy(w => w.Start);
            if (compared.Group >= 0) return compared.Group;
        }
        // "Nine were killed when a strike hit a school, and 10 others died in strikes on tents": a clause joined by "and"
        // whose own phrase names an attack tells that attack's dead, though the parse puts it as near the first.
        if (token >= 0 && AfterAnd(text, token))
        {
            var own = groups.SelectMany((g, i) => g.Select(r => (Start: spanOf(r).StartToken, Group: i)))
                .Where(w => w.Start > token && Dominates(text, token, w.Start)).DefaultIfEmpty((Start: -1, Group: -1)).MinBy(w => w.Start);
            if (own.Group >= 0) return own.Group;
        }
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

    /// <summary>Whether a time's head opens a clause after "and" or "but" (or a semicolon): "and on Tuesday …", "but last week …".</summary>
    private static bool OpensClause(AnnotatedText text, int head)
    {
        var start = head;
        while (start - 1 >= text.SentenceOf(head).StartToken && text.HeadOf(start - 1) == head && text.RelationOf(start - 1) is "case" or "det" or "amod" or "compound")
            start--;
        return start - 1 >= text.SentenceOf(head).StartToken && text.WordOf(start - 1) is "and" or "but" or ";";
    }

    /// <summary>Whether the clause headed by <paramref name="head"/> opens right after "and" or "but": its leftmost word but the "and" follows it.</summary>
    private static bool AfterAnd(AnnotatedText text, int head)
    {
        var sentence = text.SentenceOf(head);
        var left = head;
        for (var t = sentence.StartToken; t < head; t++)
        {
            if (text.RelationOf(t) is "cc" or "punct" && text.HeadOf(t) == head) continue;
            if (Dominates(text, head, t)) { left = t; break; }
        }
        return left - 1 >= sentence.StartToken && text.WordOf(left - 1) is "and" or "but";
    }

    /// <summary>Whether <paramref name="below"/> lies in the subtree of <paramref name="head"/> (itself excluded).</summary>
    private static bool Dominates(AnnotatedText text, int head, int below)
    {
        var steps = 0;
        for (var t = text.HeadOf(below); t >= 0 && steps < 64; t = text.HeadOf(t), steps++)
        {
            if (t == head) return true;
        }
        return false;
    }
}
