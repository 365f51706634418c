using Crosscheck.Language;

namespace Crosscheck.Events;

// Who claims an event: the subject of a claim of responsibility for its noun ("X claimed responsibility for the attack").
internal static partial class SyntaxActors
{
    /// <summary>
    /// The subject of a claim of the event noun at <paramref name="t"/>: "X claimed responsibility for the attack" (the noun
    /// in the "for" phrase of a responsibility noun that a claim verb takes, or of the verb that takes it); -1 when there is
    /// none, or the claim is denied ("has not claimed", "no group claimed"). "X claimed the bombing" owns it too when the
    /// object is a definite event noun and the verb takes no clause (<c>@claim-object-verbs</c>): "claimed" with an event for
    /// object is as often a misparsed report ("Russia claimed its strikes were a response").
    /// </summary>
    private static int Claimant(AnnotatedText text, int t)
    {
        if (!IsNoun(text, t)) return -1;
        var relation = text.RelationOf(t);
        var governor = text.HeadOf(t);
        if (governor < 0) return -1;
        int verb;
        if (relation == "obj" && IsDefiniteObject(text, t) && IsVerb(text, governor) && Lemmas.Candidates(text.WordOf(governor)).Any(RoleWords.ClaimObjectVerbs.Contains)
            && !HasChild(text, governor, "ccomp", _ => true) && !HasChild(text, governor, "xcomp", _ => true)) verb = governor;
        else if (relation == "nmod" && HasCase(text, t, "for") && IsResponsibility(text, governor) && text.RelationOf(governor) == "obj") verb = text.HeadOf(governor);
        else if (relation == "obl" && HasCase(text, t, "for") && HasChild(text, governor, "obj", c => IsResponsibility(text, c))) verb = governor;
        else return -1;
        if (verb < 0 || !IsVerb(text, verb) || !Lemmas.Candidates(text.WordOf(verb)).Any(RoleWords.ClaimVerbs.Contains)) return -1;
        if (HasChild(text, verb, "advmod", c => text.WordOf(c).ToLowerInvariant() is "not" or "never" or "n't")) return -1;
        var subject = -1;
        var sentence = text.SentenceOf(verb);
        for (var d = sentence.StartToken; d < sentence.EndToken && subject < 0; d++)
        {
            if (text.HeadOf(d) == verb && text.RelationOf(d) == "nsubj") subject = d;
        }
        if (subject < 0 || text.WordOf(subject).ToLowerInvariant() is "nobody" or "none" or "no-one"
            || HasChild(text, subject, "det", c => text.WordOf(c).Equals("no", StringComparison.OrdinalIgnoreCase))) return -1;
        return subject;
    }

    /// <summary>
    /// A claim of responsibility in the sentence of <paramref name="token"/>: the claimed noun and its claimant's token
    /// ("Al-Shabaab claimed responsibility for the blast, saying it had killed 20": "blast", "Al-Shabaab"); null when none.
    /// </summary>
    public static (int Noun, int Claimant)? ClaimIn(AnnotatedText text, int token)
    {
        var sentence = text.SentenceOf(token);
        for (var t = sentence.StartToken; t < sentence.EndToken; t++)
        {
            if (Claimant(text, t) is var claimant and >= 0) return (t, claimant);
        }
        return null;
    }

    /// <summary>
    /// "the attack", "Monday's bombing": an event noun a determiner or a possessor makes one the reader knows, with no
    /// verb right after it (which would make it the subject of a clause the parse missed: "claimed the strikes killed 40").
    /// </summary>
    private static bool IsDefiniteObject(AnnotatedText text, int t)
    {
        var sentence = text.SentenceOf(t);
        if (t + 1 < sentence.EndToken && text.PosOf(t + 1) is "VBD" or "VBZ" or "VBP" or "MD") return false;
        return HasChild(text, t, "det", c => text.WordOf(c).ToLowerInvariant() is "the" or "this" or "that" or "these" or "those")
            || HasChild(text, t, "nmod:poss", c => text.PosOf(c) is not "PRP$");
    }

    private static bool IsResponsibility(AnnotatedText text, int t) => RoleWords.ResponsibilityNouns.Contains(text.WordOf(t).ToLowerInvariant());

    private static bool HasChild(AnnotatedText text, int head, string relation, Func<int, bool> test)
    {
        var sentence = text.SentenceOf(head);
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
        {
            if (text.HeadOf(d) == head && text.RelationOf(d) == relation && test(d)) return true;
        }
        return false;
    }
}
