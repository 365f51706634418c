using Crosscheck.Language;

namespace Crosscheck.Events;

// Verbs that, with another event as their object, name no event of their own.
public sealed partial class EventReader
{
    /// <summary>The most words between such a verb and the event it takes as object ("allowed the armed forces to strike").</summary>
    private const int ObjectReach = 8;

    /// <summary>
    /// Whether <paramref name="verb"/> names no event of its own, only opens the event it takes as object: a verb of permitting
    /// an event of force ("the bill would allow drone strikes", "allowed the military to strike": no concession, the strikes are
    /// told), or a negated rejection of an event ("did not rule out air strikes": no rejection, the strikes are left open).
    /// The object is the first event word after the verb, past only the words of a noun phrase and an infinitive's "to".
    /// </summary>
    private static bool OpensOnly(AnnotatedText text, Reading verb, IReadOnlyList<Reading> readings)
    {
        if (!IsVerbal(text, verb.Trigger)) return false;
        var permits = RoleWords.PermittingVerbs.Contains(Lemmas.Of(text.WordOf(verb.Trigger.Head), text.PosOf(verb.Trigger.Head)));
        var rejectsNot = verb.Modality == Events.Modality.Negated && RoleWords.RejectingTypes.Contains(PloverTypes.Name(verb.Type));
        if (!permits && !rejectsNot) return false;
        var obj = readings.Where(r => r != verb && r.Trigger.Span.StartToken >= verb.Trigger.Span.EndToken).MinBy(r => r.Trigger.Span.StartToken);
        if (obj is null || obj.Type == verb.Type || obj.Trigger.Span.StartToken - verb.Trigger.Span.EndToken > ObjectReach) return false;
        if (permits && !RoleWords.ForceTypes.Contains(PloverTypes.Name(obj.Type))) return false;
        for (var i = verb.Trigger.Span.EndToken; i < obj.Trigger.Span.StartToken; i++)
        {
            if (text.PosOf(i) is not ("DT" or "PDT" or "JJ" or "JJR" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "PRP" or "PRP$" or "POS" or "TO" or "RB" or "HYPH")) return false;
        }
        return true;
    }
}
