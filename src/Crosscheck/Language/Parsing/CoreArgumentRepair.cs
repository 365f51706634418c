namespace Crosscheck.Language.Parsing;

/// <summary>
/// A repair after decoding: Universal Dependencies gives a word at most one object and one subject, and a greedy
/// parser sometimes breaks a noun phrase whose modifier nouns are coordinated ("a major drone and missile attack")
/// into two objects, "drone" and "attack". When a head has two dependents of one core relation, the first a noun
/// whose subtree fills the whole gap up to the second, and the second a common noun with no determiner, possessive
/// or case marker of its own, the first is a compound of the second (UD: compound(attack, drone), conj(drone,
/// missile)), and the determiners and adjectives left of the first move to the second, the phrase's head.
/// A second object with its own determiner ("gave the man a book") is a real second argument and is left alone.
/// </summary>
internal static class CoreArgumentRepair
{
    private static readonly string[] Core = ["obj", "nsubj", "nsubj:pass"];

    /// <summary>Repairs one sentence's tree in place (heads index the sentence, -1 for the root).</summary>
    public static void Apply(ReadOnlySpan<string> tags, Span<int> heads, Span<string> relations)
    {
        var n = heads.Length;
        for (var d2 = 1; d2 < n; d2++)
        {
            var h = heads[d2];
            if (h < 0 || Array.IndexOf(Core, relations[d2]) < 0 || tags[d2] is not ("NN" or "NNS")) continue;
            // The nearest earlier dependent of the same head with the same relation.
            var d1 = -1;
            for (var k = d2 - 1; k >= 0; k--)
            {
                if (heads[k] == h && relations[k] == relations[d2]) { d1 = k; break; }
            }
            if (d1 < 0 || tags[d1] is not ("NN" or "NNS" or "NNP")) continue;
            if (!FillsGap(heads, d1, d2) || HasOwnMarker(heads, relations, d2)) continue;
            heads[d1] = d2;
            relations[d1] = "compound";
            for (var k = 0; k < d1; k++)
            {
                if (heads[k] == d1 && relations[k] is "det" or "amod" or "nummod" or "nmod:poss" or "det:poss" or "advmod") heads[k] = d2;
            }
        }
    }

    /// <summary>Whether every word strictly between <paramref name="d1"/> and <paramref name="d2"/> lies in d1's subtree.</summary>
    private static bool FillsGap(ReadOnlySpan<int> heads, int d1, int d2)
    {
        for (var k = d1 + 1; k < d2; k++)
        {
            var a = k;
            var steps = 0;
            while (a >= 0 && a != d1 && steps++ < heads.Length) a = heads[a];
            if (a != d1) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="d2"/> opens a phrase of its own: a determiner, possessive or case marker before it.</summary>
    private static bool HasOwnMarker(ReadOnlySpan<int> heads, ReadOnlySpan<string> relations, int d2)
    {
        for (var k = 0; k < d2; k++)
        {
            if (heads[k] == d2 && relations[k] is "det" or "nmod:poss" or "det:poss" or "case" or "nummod") return true;
        }
        return false;
    }
}
