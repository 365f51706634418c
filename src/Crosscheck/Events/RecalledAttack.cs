using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// A sentence that tells a new attack and recalls another through a lapse ("Jets struck villages near the town on
/// Wednesday, a day after a drone strike on the city killed 21 people"; "…, hours after a raid on the camp killed
/// three"): the words from the lapse ("a day", "two days", "days", "hours" before "after" or "before", data/events/
/// syntax-roles.txt) to the end of the sentence, or to a comma and a word that returns to the news (", when a drone hit
/// the market"), tell the recalled attack; the words around them the news one. By the words, not the parse, since a
/// parse often hangs the recalled clause on the news verb. A group splits only when both sides hold an event word
/// that is not an outcome word ("killing"; on the recalled side an outcome verb with a clause of its own, "after the
/// rebels killed 18 civilians", is one), the news side before the lapse, the recalled side holds a count of dead or
/// wounded of its own and the news side a day or a count of its own: "A drone struck the convoy, and two days after the
/// attack the toll rose" recalls the same attack, and "The attack came two days after a strike that killed two" tells
/// of the news attack only by its noun; both stay as the parse groups them.
/// </summary>
internal static class RecalledAttack
{
    /// <summary>
    /// The groups split at a recalled attack, then each side by the parse (<see cref="SyntaxGrouping"/>) with the anchors
    /// of its own words only; the news side stays one when the sentence returns to it (", when …").
    /// </summary>
    public static List<List<T>> Split<T>(AnnotatedText text, TokenSpan sentence, List<List<T>> groups, Func<T, TokenSpan> spanOf,
        IReadOnlyList<SplitAnchor> anchors, Func<T, bool> isOutcome)
    {
        if (Stretch(text, sentence) is not var (link, start, end, returns, compared)
            || !compared && !anchors.Any(a => a.Kind is not null && (a.Head < link || a.Head >= end)))
            return SyntaxGrouping.Split(text, sentence, groups, spanOf, anchors, isOutcome);
        var counted = anchors.Any(a => a.Kind is not null and not "Day" && Inside(a.Head, start, end));
        var recalledAnchors = anchors.Where(a => Inside(a.Head, start, end)).ToList();
        var newsAnchors = anchors.Where(a => !Inside(a.Head, start, end)).ToList();
        var result = new List<List<T>>(groups.Count + 1);
        foreach (var group in groups)
        {
            var recalled = group.Where(r => Inside(spanOf(r).StartToken, start, end)).ToList();
            var news = group.Where(r => !Inside(spanOf(r).StartToken, start, end)).ToList();
            // "the deadliest attack since a grenade blast killed three": the event compared with is always another one.
            var split = counted || compared
                ? recalled.Any(r => !isOutcome(r) || OwnClause(text, spanOf(r))) && news.Any(r => spanOf(r).StartToken < link && !isOutcome(r))
                : recalled.Any(r => !isOutcome(r) && SetsInTime(text, SyntaxScope.HeadOf(text, spanOf(r).StartToken, spanOf(r).EndToken), link, start, end, news.Where(n => spanOf(n).StartToken < link).Select(spanOf)));
            if (split)
            {
                result.AddRange(returns ? [news] : SyntaxGrouping.Split(text, sentence, [news], spanOf, newsAnchors, isOutcome));
                result.AddRange(SyntaxGrouping.Split(text, sentence, [recalled], spanOf, recalledAnchors, isOutcome));
            }
            else result.AddRange(SyntaxGrouping.Split(text, sentence, [group], spanOf, anchors, isOutcome));
        }
        return result;
    }

    private static bool Inside(int token, int start, int end) => token >= start && token < end;

    /// <summary>
    /// Whether an outcome word heads a clause of its own, a verb with its own subject ("a day after the rebels killed 18
    /// civilians", "after nine farmers were killed"): a killing told for itself is an attack, unlike an outcome word
    /// that only tells how the news attack ended ("…, killing six").
    /// </summary>
    private static bool OwnClause(AnnotatedText text, TokenSpan word)
    {
        var head = SyntaxScope.HeadOf(text, word.StartToken, word.EndToken);
        if (text.PosOf(head) is not ("VBD" or "VBZ" or "VBP" or "VBN")) return false;
        // "were killed": a passive's own auxiliary makes it a clause even when the parse hangs its subject elsewhere.
        return new Token(text, head).DependentsWith("nsubj").Any() || new Token(text, head).DependentsWith("aux:pass").Any();
    }

    /// <summary>
    /// Whether the recalled event word, with no count of its own, hangs in the parse (through the lapse's own words) on
    /// a news event word before the lapse: the lapse then sets the news event in time against it ("Soldiers killed 40
    /// villagers on Wednesday, three days after an attack on a base"), so the two are two events. A lapse hanging on
    /// another verb ("…, and two days after the attack the army closed the road") points back at the news attack.
    /// </summary>
    private static bool SetsInTime(AnnotatedText text, int word, int link, int start, int end, IEnumerable<TokenSpan> news)
    {
        var spans = news.ToList();
        var h = text.HeadOf(word);
        // Up through the lapse's words and the news clause's nouns ("on Friday, two days after an attack", the attack
        // misread as Friday's apposition) to the first verb or event word.
        for (var steps = 0; h >= 0 && steps < 8; steps++)
        {
            if (spans.Any(n => Inside(h, n.StartToken, n.EndToken))) return true;
            // Hung on the recalled words themselves ("the attack the army closed the road"), or on a verb of the news
            // side that is no event word: not the news event's time.
            if (Inside(h, start, end) || h < link && (text.PosOf(h) ?? "").StartsWith("VB", StringComparison.Ordinal)) return false;
            h = text.HeadOf(h);
        }
        return false;
    }

    /// <summary>Whether a token lies in the words of the sentence that recall another event ("…, two days after shelling killed three").</summary>
    public static bool InRecalledWords(AnnotatedText text, TokenSpan sentence, int token) =>
        Stretch(text, sentence) is var (link, _, end, _, _) && token >= link && token < end;

    /// <summary>
    /// The first lapse of the sentence that recalls another event: where its words start, where the recalled words start
    /// (after "after"), where they end, and whether the sentence returns to the news there (", when …"); null when the
    /// sentence has none past its first two words.
    /// </summary>
    private static (int Link, int Start, int End, bool Returns, bool Compared)? Stretch(AnnotatedText text, TokenSpan sentence)
    {
        for (var k = sentence.StartToken + 2; k < sentence.EndToken - 1; k++)
        {
            if (text.WordOf(k).Equals("since", StringComparison.OrdinalIgnoreCase) && text.PosOf(k + 1) is "DT" or "PRP$"
                && ComparisonTimes.ComparedBefore(text, sentence, k))
            {
                // "the deadliest attack in the region since a grenade blast at a market killed three": the event compared with.
                return End(text, sentence, k, k + 1) with { Compared = true };
            }
            if (text.WordOf(k) is "for" or "to" && RoleWords.ReprisalNouns.Contains(text.WordOf(k - 1)))
            {
                // "in retaliation for …", "in response to …": the answered attack, as after a lapse.
                return End(text, sentence, text.WordOf(k - 2) is "in" or "In" ? k - 2 : k - 1, k + 1);
            }
            if (text.WordOf(k) is not ("after" or "before") || !RoleWords.LapseUnits.Contains(text.WordOf(k - 1))) continue;
            var unit = text.WordOf(k - 1);
            // "a day", "two days", "one week"; a plural stands alone too ("days after", "hours after").
            var counted = text.WordOf(k - 2) is "a" or "one" || text.Numbers.Any(n => n.Span.Contains(k - 2));
            if (!counted && !unit.EndsWith('s')) continue;
            var link = counted ? k - 2 : k - 1;
            return End(text, sentence, link, k + 1);
        }
        return null;
    }

    /// <summary>The recalled words from <paramref name="start"/> to a ";", a comma that returns to the news, or the sentence's end.</summary>
    private static (int Link, int Start, int End, bool Returns, bool Compared) End(AnnotatedText text, TokenSpan sentence, int link, int start)
    {
        for (var j = start + 1; j < sentence.EndToken - 1; j++)
        {
            if (text.WordOf(j) is ";") return (link, start, j, false, false);
            if (text.WordOf(j) is "," && RoleWords.RecallEnds.Contains(text.WordOf(j + 1))) return (link, start, j, true, false);
        }
        return (link, start, sentence.EndToken, false, false);
    }
}
