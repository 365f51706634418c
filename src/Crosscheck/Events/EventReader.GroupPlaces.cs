using Crosscheck.Language;

namespace Crosscheck.Events;

// A place that names where an armed group's part operates, not where the event happened.
public sealed partial class EventReader
{
    /// <summary>
    /// "the JNIM group, al Qaeda's branch in the Sahel, claimed the attack", "its affiliate in West Africa": a place after
    /// "in" that a noun of a group's part (data/events/syntax-roles.txt @branch-nouns) stands right before (past "the") says
    /// where the group operates, not where its sentence's event happened.
    /// </summary>
    private static bool IsGroundOfAGroup(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        // Back over "the" and a side or part of the name's words ("in East Africa", "in the western Sahel").
        var at = place.StartToken - 1;
        while (at > sentence.StartToken && place.StartToken - at <= 3 && (text.WordOf(at) is "the" || text.PosOf(at) is "JJ" or "NNP")) at--;
        if (at <= sentence.StartToken || !text.WordOf(at).Equals("in", StringComparison.OrdinalIgnoreCase)) return false;
        return RoleWords.BranchNouns.Contains(text.WordOf(at - 1).ToLowerInvariant());
    }
}
