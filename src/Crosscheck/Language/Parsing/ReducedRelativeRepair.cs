namespace Crosscheck.Language.Parsing;

/// <summary>
/// A repair after decoding: a bare participle right after a noun and a copula clause after it ("the people killed were
/// fishermen") is a reduced relative, but a greedy parser reads the noun as the participle's subject and the copula's
/// predicate as its object ("people" nsubj of "killed", "fishermen" obj of it), so the killing gets "the people" as its
/// actor and "were fishermen" as its target. When a participle (VBN, or VBD as taggers often read it) with no auxiliary
/// has a common noun as its subject right before it and a dependent after it that heads a copula standing between them
/// and has no subject of its own, the predicate takes the participle's place in the tree, the noun becomes the
/// predicate's subject, and the participle the noun's clause (acl), as UD gives "the people killed".
/// </summary>
internal static class ReducedRelativeRepair
{
    /// <summary>Repairs one sentence's tree in place (heads index the sentence, -1 for the root).</summary>
    public static void Apply(ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        for (var verb = 1; verb < heads.Length; verb++)
        {
            if (tags[verb] is not ("VBN" or "VBD")) continue;
            var noun = verb - 1;
            if (heads[noun] != verb || relations[noun] is not ("nsubj" or "nsubj:pass") || tags[noun] is not ("NN" or "NNS" or "NNPS")) continue;
            if (HasAuxiliary(heads, relations, verb) || PredicateAfter(heads, relations, verb) is not (var predicate and >= 0)) continue;
            heads[predicate] = heads[verb];
            relations[predicate] = relations[verb];
            heads[noun] = predicate;
            relations[noun] = "nsubj";
            heads[verb] = noun;
            relations[verb] = "acl";
            // The clause's punctuation after the predicate is the predicate's now.
            for (var k = predicate + 1; k < heads.Length; k++)
            {
                if (heads[k] == verb && relations[k] == "punct") heads[k] = predicate;
            }
        }
    }

    private static bool HasAuxiliary(ReadOnlySpan<int> heads, ReadOnlySpan<string> relations, int verb)
    {
        for (var k = 0; k < heads.Length; k++)
        {
            if (heads[k] == verb && relations[k] is "aux" or "aux:pass" or "cop") return true;
        }
        return false;
    }

    /// <summary>
    /// The first dependent after the verb that has a copula between the verb and it and no subject of its own, or -1
    /// ("said the people were fishermen" gives "fishermen" its subject: that is a clause the verb governs, no misparse).
    /// </summary>
    private static int PredicateAfter(ReadOnlySpan<int> heads, ReadOnlySpan<string> relations, int verb)
    {
        for (var c = verb + 1; c < heads.Length; c++)
        {
            if (heads[c] != verb || relations[c] is "punct" or "cc" or "conj" or "parataxis") continue;
            var copula = false;
            for (var k = verb + 1; k < heads.Length; k++)
            {
                if (heads[k] != c) continue;
                if (relations[k] is "nsubj" or "nsubj:pass") return -1;
                copula |= k < c && relations[k] == "cop";
            }
            if (copula) return c;
        }
        return -1;
    }
}
