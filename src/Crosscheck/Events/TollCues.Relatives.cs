using Crosscheck.Language;

namespace Crosscheck.Events;

// A tally told inside a relative clause on its toll noun, and the noun's own later count after it.
public sealed partial class TollCues
{
    /// <summary>
    /// Whether the comma at <paramref name="comma"/> closes a relative clause (", which …,") that opens right after the toll
    /// noun of <paramref name="first"/> and holds its number ("The death toll, which stood at 12 on Saturday, has risen to
    /// 20"): the verb after that comma is the toll noun's own.
    /// </summary>
    private static bool RelativeClosedAt(AnnotatedText text, Tally first, int comma)
    {
        if (first.Later || comma >= text.Count || text.WordOf(comma) != ",") return false;
        var open = -1;
        for (var j = first.Start + 1; j < first.Number.Span.StartToken; j++)
        {
            if (text.WordOf(j) != ",") continue;
            if (open >= 0 || j + 1 >= first.Number.Span.StartToken || !text.WordOf(j + 1).Equals("which", StringComparison.OrdinalIgnoreCase)) return false;
            open = j;
        }
        return open >= 0;
    }

    /// <summary>Whether the word at <paramref name="i"/> is a verb that sets a count (the <c>raise</c> verbs: "revised", "lowered").</summary>
    private bool IsRaising(AnnotatedText text, int i) =>
        text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && _raises.Contains(Lemmas.Of(text.WordOf(i), tag));
}
