namespace Crosscheck.Language.Parsing;

/// <summary>
/// A repair after decoding: news puts a bare weekday right after a verb's object ("carried out a strike Sunday against
/// a vessel"), and a greedy parser may read the object as a compound of the weekday ("strike Sunday" as one name).
/// A common noun that is a compound of a weekday which hangs from a verb is that verb's object, when the verb has
/// none: the noun takes the weekday's determiners and adjectives before it, and the weekday stays the verb's bare
/// time (obl:unmarked), as UD gives "Sunday" in "met Sunday".
/// </summary>
internal static class TimeNounRepair
{
    /// <summary>Repairs one sentence's tree in place (heads index the sentence, -1 for the root).</summary>
    public static void Apply(ReadOnlySpan<string> words, ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        for (var d = 0; d + 1 < words.Length; d++)
        {
            if (relations[d] != "compound" || tags[d] is not ("NN" or "NNS")) continue;
            var day = heads[d];
            if (day != d + 1 || !Lexicon.TryWeekday(words[day], out _)) continue;
            var verb = heads[day];
            if (verb < 0 || !tags[verb].StartsWith("VB", StringComparison.Ordinal) || HasObject(heads, relations, verb, day)) continue;
            heads[d] = verb;
            relations[d] = "obj";
            relations[day] = "obl:unmarked";
            for (var k = 0; k < d; k++)
            {
                if (heads[k] == day && relations[k] is "det" or "amod" or "nummod" or "nmod:poss" or "compound") heads[k] = d;
            }
        }
    }

    /// <summary>Whether the verb has an object other than the weekday (which the parse may have made its object).</summary>
    private static bool HasObject(ReadOnlySpan<int> heads, ReadOnlySpan<string> relations, int verb, int day)
    {
        for (var k = 0; k < heads.Length; k++)
        {
            if (k != day && heads[k] == verb && relations[k] == "obj") return true;
        }
        return false;
    }
}
