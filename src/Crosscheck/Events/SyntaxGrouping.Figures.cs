using Crosscheck.Language;

namespace Crosscheck.Events;

// The figures (counts, days) an event word holds as its own, and whether two parts hold different ones.
internal static partial class SyntaxGrouping
{
    /// <summary>
    /// The figures a word holds as its own: those headed by the word or hanging right under it, and the count of a noun
    /// the word modifies ("four killed fishermen"; also "killed four fishermen" when the parse reads "killed" that way).
    /// A figure headed by another event word of the sentence is that word's, not its governor's: in "struck a boat,
    /// killing three, a day after a strike killed two" the two belongs to "killed", though "killed" hangs under "struck".
    /// </summary>
    private static List<SplitAnchor> OwnFigures(AnnotatedText text, TokenSpan word, IReadOnlyList<SplitAnchor> anchors, HashSet<int> eventWords)
    {
        var keys = new List<SplitAnchor>();
        foreach (var anchor in anchors)
        {
            if (anchor.Kind is null || anchor.Head < 0) continue;
            // A day that opens a coordinated clause ("…, and on Tuesday another soldier was killed") is the day of that
            // clause's event word, whatever the parse hangs it on.
            // Any other day is the first event word above it ("on Sunday three guards died", the day misread as the
            // subject's modifier, is the dying's).
            if (anchor.Kind == "Day")
            {
                var owner = OpensClause(text, anchor.Head) ? eventWords.Where(t => t >= anchor.Head).DefaultIfEmpty(-1).Min() : EventAbove(text, anchor.Head, eventWords);
                if (owner >= 0 && Within(word, owner)) keys.Add(anchor);
                continue;
            }
            var under = Within(word, text.HeadOf(anchor.Head)) && !eventWords.Contains(anchor.Head);
            if (Within(word, anchor.Head) || under || Modifies(text, word, anchor.Head)) keys.Add(anchor);
        }
        return keys;
    }

    /// <summary>The first event word above a token, through words that are no verbs; -1 when a verb comes first.</summary>
    private static int EventAbove(AnnotatedText text, int token, HashSet<int> eventWords)
    {
        var steps = 0;
        for (var h = text.HeadOf(token); h >= 0 && steps < 64; h = text.HeadOf(h), steps++)
        {
            if (eventWords.Contains(h)) return h;
            // A verb that is no event word ("said on Sunday") holds the day itself.
            if (text.PosOf(h) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal)) return -1;
        }
        return -1;
    }

    private static bool Modifies(AnnotatedText text, TokenSpan word, int noun)
    {
        for (var t = word.StartToken; t < word.EndToken; t++)
        {
            if (text.HeadOf(t) == noun && text.RelationOf(t) == "amod") return true;
        }
        return false;
    }

    private static bool Within(TokenSpan span, int token) => token >= span.StartToken && token < span.EndToken;

    /// <summary>Whether two parts hold different figures of one kind.</summary>
    private static bool Conflict(List<int> a, List<int> b, List<SplitAnchor>[] owned)
    {
        foreach (var i in a)
        {
            foreach (var x in owned[i])
            {
                foreach (var j in b)
                {
                    if (owned[j].Exists(y => y.Kind == x.Kind && y.Value != x.Value)) return true;
                }
            }
        }
        return false;
    }
}
