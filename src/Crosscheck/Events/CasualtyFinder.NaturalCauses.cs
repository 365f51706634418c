using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

// Sentences whose dead a natural cause or an accident killed, kept from the attacks before them.
public sealed partial class CasualtyFinder
{
    private static readonly FrozenSet<string> NaturalCauses = CasualtyWords.Set("natural-causes");

    /// <summary>
    /// Whether a sentence names a cause of death that is no attack ("Floods in the north killed at least 60 people",
    /// "Twelve died when a bus overturned in an accident"): a noun (or the verb "capsized") of <c>@natural-causes</c>.
    /// Such a sentence, with no violent event of its own, is no follow-up of the attack before it.
    /// </summary>
    private static bool NamesNaturalCause(AnnotatedText text, TokenSpan sentence)
    {
        for (var t = sentence.StartToken; t < sentence.EndToken; t++)
        {
            if (!NaturalCauses.Contains(text.WordOf(t))) continue;
            if (text.PosOf(t) is "NN" or "NNS" or "NNP" or "VBD" or "VBN") return true;
        }
        return false;
    }
}
