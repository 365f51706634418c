using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// A claim of an attack told before: "Gunmen attacked a market on Tuesday, killing nine. The Northern Front claimed the attack."
public sealed partial class EventReader
{
    /// <summary>How many sentences back a claimed attack noun looks for the attack it names.</summary>
    private const int ClaimReach = 3;

    /// <summary>
    /// "A car bomb hit a checkpoint on Monday, killing six soldiers. Al-Shabaab claimed responsibility for the bombing.":
    /// the claimant of a definite attack noun ("the bombing", "the attack") that tells nothing of its own (no dead, no
    /// wounded, no place) is the actor of the attack of its type told last in the sentences before, which the noun names
    /// again; a claim is attribution. An attack with no actor takes the claimant; one with only a description of its doers
    /// ("gunmen") keeps it and takes the claimant after it; a named actor stays alone.
    /// </summary>
    private static ImmutableArray<EventMention> WithClaimedAttacks(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        var result = events.ToBuilder();
        for (var k = 0; k < result.Count; k++)
        {
            var claim = result[k];
            if (claim.Actors.FirstOrDefault(a => a.Claimed) is { } claimant)
            {
                if (claim.Fatalities is not null || claim.Injured is not null || claim.Location is not null || !IsDefiniteNoun(text, claim.Trigger)) continue;
            }
            else if (OwnClaim(text, claim) is { } own) claimant = own;
            else continue;
            if (Antecedent(text, result, k) is not { } j) continue;
            var o = result[j];
            if (o.Actors.IsEmpty) result[j] = o with { Actors = [claimant] };
            else if (o.Actors.All(a => a.Entity is null) && claimant.Entity is not null && !o.Actors.Any(a => a.Claimed))
                result[j] = o with { Actors = o.Actors.Add(claimant) };
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// "Al-Shabaab claimed responsibility for the blast, saying it had killed 20 soldiers": the claimant telling the
    /// attack's dead in its own words is the actor of the event those words make (its count is the claimant's, credited to
    /// it), and of the attack the definite noun it claims names again; the claimant, or null when the event's actor is
    /// not the one who claims.
    /// </summary>
    private static Participant? OwnClaim(AnnotatedText text, EventMention claim)
    {
        if (claim.Actors.Length != 1 || claim.Type != PloverType.Assault) return null;
        if (SyntaxActors.ClaimIn(text, claim.Trigger.StartToken) is not { } found) return null;
        var actor = claim.Actors[0];
        if (!actor.Span.Contains(found.Claimant) || !IsDefiniteNoun(text, text.Span(found.Noun, found.Noun + 1))) return null;
        return actor with { Claimed = true };
    }

    /// <summary>
    /// The attack a claim at <paramref name="k"/> names again: the last asserted one of its type in the sentences before,
    /// within <see cref="ClaimReach"/>, told by an attack word rather than only by its victims' fate ("Eleven soldiers were
    /// wounded and four later died" tells of the attack's dead, not the attack); that one when there is no other.
    /// </summary>
    private static int? Antecedent(AnnotatedText text, IList<EventMention> events, int k)
    {
        var claim = events[k];
        var sentence = text.SentenceIndexOf(claim.Trigger.StartToken);
        int? fallback = null;
        for (var j = k - 1; j >= 0; j--)
        {
            var o = events[j];
            var at = text.SentenceIndexOf(o.Trigger.StartToken);
            if (at == sentence) continue;
            if (sentence - at > ClaimReach) break;
            if (o.Type != claim.Type || o.Modality != Crosscheck.Events.Modality.Asserted) continue;
            if (!CasualtyFinder.IsOutcomeWord(text.WordOf(SyntaxScope.HeadOf(text, o.Trigger.StartToken, o.Trigger.EndToken)))) return j;
            fallback ??= j;
        }
        return fallback;
    }

    /// <summary>"the attack", "Monday's bombing": an event noun with a definite determiner or a possessor.</summary>
    private static bool IsDefiniteNoun(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var head = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(head) is not ("NN" or "NNS")) return false;
        return new Token(text, head).Dependents.Any(d => d.Relation == "det" && d.Text.ToLowerInvariant() is "the" or "this" or "that"
            || d.Relation == "nmod:poss" && text.PosOf(d.Index) is not "PRP$");
    }
}
