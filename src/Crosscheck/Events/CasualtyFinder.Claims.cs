using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

// Counts one side claims beside a sentence's own count of the dead.
public sealed partial class CasualtyFinder
{
    private static readonly FrozenSet<string> ClaimedCounts = CasualtyWords.Set("claimed-counts");
    private static readonly FrozenSet<string> ClaimedLives = CasualtyWords.Set("claimed-lives");

    /// <summary>How far before a count its claiming verb may stand ("claimed that its drones had killed": four words).</summary>
    private const int ClaimReach = 5;

    /// <summary>
    /// Leaves out the dead one side claims where the sentence also states the dead as its own count: in "three of its
    /// troops were killed, while it claimed killing 30 soldiers" the event's dead are three, and the 30 are the claim of
    /// the other side's losses, not its toll. A sentence whose every count is claimed keeps them.
    /// </summary>
    private void DropClaimed(AnnotatedText text, TokenSpan sentence, List<Statement> statements)
    {
        var claimed = statements.Where(s => s.Kind == Outcome.Killed && Claimed(text, sentence, s)).ToList();
        if (claimed.Count == 0) return;
        // The sentence's own count may be a toll that no event takes ("At least 15 were killed in the fighting, officials said,
        // as the army claimed killing 40"): it still tells that the claim is not the count.
        if (!AllStatements(text, sentence).Any(s => s.Kind == Outcome.Killed && !Claimed(text, sentence, s))) return;
        statements.RemoveAll(claimed.Contains);
    }

    /// <summary>Whether a claiming verb stands within a few words before the statement, in its clause (no comma or semicolon between).</summary>
    private static bool Claimed(AnnotatedText text, TokenSpan sentence, Statement s)
    {
        for (var t = s.Start; t < s.End; t++)
        {
            if (ClaimedLives.Contains(text.WordOf(t))) return false;
        }
        for (var t = s.Start - 1; t >= sentence.StartToken && t >= s.Start - ClaimReach; t--)
        {
            var word = text.WordOf(t);
            if (word is "," or ";" or ":" or "." || word.StartsWith('"') || word is "“" or "”") return false;
            if (ClaimedCounts.Contains(word)) return true;
        }
        return false;
    }
}
