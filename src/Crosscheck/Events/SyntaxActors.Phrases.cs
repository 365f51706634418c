using Crosscheck.Language;

namespace Crosscheck.Events;

// The actor's phrase around its head token, with the number it begins inside.
internal static partial class SyntaxActors
{
    /// <summary>
    /// Where a phrase starting at <paramref name="start"/> starts once it takes all the words of a number it begins
    /// inside ("least 57 people" → "at least 57 people": the number mention spans "at least 57").
    /// </summary>
    internal static int NumberStart(AnnotatedText text, int start)
    {
        // Numbers do not overlap: only the last one starting before it can hold it.
        var before = text.NumbersStartingIn(0, start);
        return before.Length > 0 && start < before[^1].Span.EndToken ? before[^1].Span.StartToken : start;
    }

    /// <summary>The phrase of the actor token: the token with the dependents before it in its phrase ("the US military").</summary>
    public static TokenSpan PhraseOf(AnnotatedText text, int token)
    {
        var start = token;
        var sentence = text.SentenceOf(token);
        for (var d = token - 1; d >= sentence.StartToken; d--)
        {
            // "In 2019 Norvian gunships": a word of a time expression says when, whatever the parse hangs it on.
            if (text.InTime(d)) break;
            if (text.HeadOf(d) == token && text.RelationOf(d) is "det" or "amod" or "compound" or "nmod:poss" or "nummod" or "flat")
                start = d;
            // Deeper words of the phrase, near it, but never a verb, a preposition or a comma: a misparse must not make a clause the actor
            // ("Such raids would mark an escalation … as the minister").
            else if (Within(text, d, token) && d >= start - 1 && token - d <= 4
                && !(text.PosOf(d) is { } tag && (tag.StartsWith("VB", StringComparison.Ordinal) || tag is "MD" or "IN")) && text.RelationOf(d) != "punct") start = d;
            // The rest of an owner's name further back ("The Islamic State group's local affiliate"): a word right before the
            // phrase that describes or names a word already in it.
            else if (d == start - 1 && token - d <= 8 && text.HeadOf(d) >= start && text.HeadOf(d) < token
                && text.RelationOf(d) is "det" or "amod" or "compound" or "flat") start = d;
            else break;
        }
        start = NumberStart(text, start);
        // To the right: the rest of a name, and an "of" phrase or apposition naming whose ("Leaders of the coalition",
        // "Secretary of State Warren Christopher", "the emir, Sheikh Hamad").
        var end = token + 1;
        for (var d = token + 1; d < sentence.EndToken; d++)
        {
            if (text.HeadOf(d) != token) continue;
            if (text.RelationOf(d) is "flat" or "compound" or "appos" || (text.RelationOf(d) == "nmod" && HasCase(text, d, "of")))
            {
                // A name or a short "of" phrase; a long one is a misparse swallowing the clause after it.
                var last = LastOfSubtree(text, d);
                if (last - token <= 8) end = Math.Max(end, last + 1);
            }
        }
        return text.Span(start, end);
    }

    private static int LastOfSubtree(AnnotatedText text, int top)
    {
        var last = top;
        var sentence = text.SentenceOf(top);
        for (var d = top + 1; d < sentence.EndToken; d++)
        {
            if (Within(text, d, top)) last = d;
        }
        return last;
    }

    /// <summary>Whether <paramref name="d"/> lies in the subtree of <paramref name="top"/>.</summary>
    private static bool Within(AnnotatedText text, int d, int top)
    {
        for (var t = text.HeadOf(d); t >= 0; t = text.HeadOf(t))
        {
            if (t == top) return true;
        }
        return false;
    }
}
