using Crosscheck.Language;

namespace Crosscheck.Events;

// A tally of the people killed "when" one attack happened.
public sealed partial class TollCues
{
    /// <summary>
    /// "The number of people killed when a jet bombed a monastery in the village rose to 23": after "when" (at
    /// <paramref name="when"/>), a short subject, one past verb of attack and what it hit (a phrase and at most two more
    /// joined by a preposition), then only its time, verbs and adverbs before the number: the tally counts that one attack's
    /// dead.
    /// "killed when jets bombed villages across the province" hits plural places and is a series'.
    /// </summary>
    private static bool OneAttackWhen(AnnotatedText text, int when, Tally t)
    {
        var end = t.Number.Span.StartToken;
        if (WhenSubjectEnd(text, when, end) is not { } verb || text.PosOf(verb) is not ("VBD" or "VBN")
            || !Lemmas.Candidates(text.WordOf(verb).ToLowerInvariant()).Any(TriggerLexicon.Default.Starts)) return false;
        var k = verb + 1;
        for (var phrases = 0; phrases < 3 && k < end; phrases++)
        {
            if (phrases > 0)
            {
                if (text.WordOf(k).ToLowerInvariant() is not ("on" or "in" or "at" or "near" or "of")) break;
                k++;
            }
            var start = k;
            // "a wedding hall": a noun the tagger took for a participle before another noun describes it.
            while (k < end && k - start < 6 && (text.PosOf(k) is "DT" or "JJ" or "NN" or "NNP" or "NNPS" or "POS" or "CD"
                || k > start && text.PosOf(k) is "NNS" && text.PosOf(k + 1) is "POS" || text.PosOf(k) is "VBG" && text.PosOf(k + 1) is "NN")) k++;
            // A plural thing hit is more than one attack.
            if (k == start || k < end && text.PosOf(k) is "NNS") return false;
        }
        for (; k < end - 1; k++)
        {
            // "… when a drone struck a fuel station early on Tuesday has risen to 11": the attack's own time.
            if (text.Times.FirstOrDefault(m => m.Span.StartToken == k && m.Span.EndToken <= end) is { Span.Length: > 0 } time)
            {
                k = time.Span.EndToken - 1;
                continue;
            }
            if (text.PosOf(k) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return true;
    }

    /// <summary>
    /// Where the short subject of a "when" clause (at most five determiners, describing words, nouns, names and
    /// possessives after "when" at <paramref name="when"/>) ends: the index of the word after it, which the callers want
    /// to be the clause's verb; null when no subject stands there or it runs to <paramref name="end"/>.
    /// </summary>
    private static int? WhenSubjectEnd(AnnotatedText text, int when, int end)
    {
        var k = when + 1;
        while (k < end && k - when <= 5 && text.PosOf(k) is "DT" or "PRP$" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "POS") k++;
        return k == when + 1 || k >= end ? null : k;
    }
}
