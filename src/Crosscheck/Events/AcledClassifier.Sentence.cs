using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Reading a sentence for cues: which occur, who is named first, the weapon nearest the trigger, and what the sentences around add.</summary>
public sealed partial class AcledClassifier
{
    /// <summary>A sentence's cues: which occur, where it first names state forces and an armed group (-1 when it does not), and the weapon named nearest the trigger.</summary>
    private readonly record struct SentenceCues(Cue Cues, int FirstState, int FirstArmed, Cue NearestWeapon, bool TwoArmedGroups = false);

    /// <summary>How near an aircraft must be named to a missile or rocket for the attack to be an air strike ("warplanes fired a missile").</summary>
    private const int AircraftReach = 6;

    /// <summary>Reads the cues of <paramref name="sentence"/> around <paramref name="trigger"/>.</summary>
    private static SentenceCues Read(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger)
    {
        var cues = Cue.None;
        int firstState = -1, firstArmed = -1;
        var nearest = Cue.None;
        var twoArmed = false;
        var nearestDistance = int.MaxValue;
        // The trigger itself may name the weapon ("airstrike", "shelling", "grenade attack", "suicide bombing").
        var modes = trigger.Entry.Modes;
        var own = modes.Contains("suicide-attack") ? Cue.Suicide
            : modes.Contains("cbrn") || modes.Contains("unconventional") ? Cue.Chemical
            : modes.Contains("grenade") ? Cue.Grenade
            : modes.Contains("aerial") || modes.Contains("drone") ? Cue.Air
            : modes.Contains("heavy-weapons") || modes.Contains("artillery") ? Cue.Artillery
            : Cue.None;
        if (own != Cue.None) { nearest = own; nearestDistance = 0; }
        var airDistance = own == Cue.Air ? 0 : int.MaxValue;
        var memo = CueMemo(text);
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var found = CuesAt(memo, text, i, sentence.EndToken);
            if (found == Cue.None) continue;
            // "rocket-propelled grenade" is a rocket, not a hand grenade.
            if ((found & Cue.Grenade) != 0 && i > sentence.StartToken && (cues & Cue.RocketGrenade) != 0 && text.WordOf(i - 1) is var before
                && (before.Equals("rocket-propelled", StringComparison.OrdinalIgnoreCase) || before == "-" || before.Equals("propelled", StringComparison.OrdinalIgnoreCase)))
                found = (found & ~Cue.Grenade) | Cue.Artillery;
            if ((found & Cue.RocketGrenade) != 0) found |= Cue.Artillery;
            // "a chlorine attack" names an attack of its own, which its own trigger classifies; it does not make this one chemical.
            if ((found & Cue.Chemical) != 0 && !trigger.Span.Contains(i) && NamesAttack(text, i + 1, sentence.EndToken)) cues |= found & ~Cue.Chemical;
            else cues |= found;
            if (firstState < 0 && (found & Cue.StateForce) != 0) firstState = i;
            if (firstArmed < 0 && (found & Cue.ArmedGroup) != 0) firstArmed = i;
            else if ((found & Cue.ArmedGroup) != 0 && !twoArmed) twoArmed = !SameNoun(text.WordOf(firstArmed), text.WordOf(i));
            var distance = i < trigger.Span.StartToken ? trigger.Span.StartToken - i : i >= trigger.Span.EndToken ? i - trigger.Span.EndToken + 1 : 0;
            if ((found & Cue.Air) != 0) airDistance = Math.Min(airDistance, distance);
            foreach (var weapon in WeaponCues)
            {
                if ((found & weapon) == 0) continue;
                // A suicide attacker or a chemical agent names the attack wherever the sentence says so.
                var d = weapon is Cue.Suicide or Cue.Chemical ? Math.Max(0, distance - 6) : distance;
                if (d < nearestDistance) { nearest = weapon; nearestDistance = d; }
                break;
            }
        }
        // Missiles and rockets fired from aircraft are air strikes.
        if (nearest == Cue.Artillery && airDistance <= AircraftReach) nearest = Cue.Air;
        return new SentenceCues(WithRoadBlocking(cues), firstState, firstArmed, nearest, twoArmed);
    }

    private static TokenCues CueMemo(AnnotatedText text) => TokenCueMemo.GetValue(text, static t => new TokenCues(t.Count));

    /// <summary>The cues word <paramref name="i"/> names, alone or with the next word before <paramref name="end"/>.</summary>
    private static Cue CuesAt(TokenCues memo, AnnotatedText text, int i, int end)
    {
        if (!Volatile.Read(ref memo.Known[i]))
        {
            // Each sentence is read once per event in it and as the neighbour of others: a token's cues are worked out once.
            memo.Alone[i] = WordCuesAt(text, i);
            memo.WithNext[i] = i + 1 < text.Count ? BigramCuesAt(text, i) & ~memo.Alone[i] : Cue.None;
            Volatile.Write(ref memo.Known[i], true);
        }
        return i + 1 < end ? memo.Alone[i] | memo.WithNext[i] : memo.Alone[i];
    }

    private static readonly ConditionalWeakTable<AnnotatedText, TokenCues> TokenCueMemo = new();

    /// <summary>Per token of a text: the cues it names alone, those it adds with the next word, and whether they are known yet.</summary>
    private sealed class TokenCues(int count)
    {
        public readonly Cue[] Alone = new Cue[count];
        public readonly Cue[] WithNext = new Cue[count];
        public readonly bool[] Known = new bool[count];
    }

    /// <summary>The cues the word at <paramref name="i"/> names alone (as itself or as one of its base forms).</summary>
    private static Cue WordCuesAt(AnnotatedText text, int i)
    {
        var lemmas = TokenLemmas.Of(text).At(i);
        // The first candidate is the word in lower case.
        foreach (var candidate in lemmas)
        {
            if (Cues.TryGetValue(candidate, out var c)) return c;
        }
        return Cue.None;
    }

    /// <summary>The cues the word at <paramref name="i"/> names with the next word ("air strike").</summary>
    private static Cue BigramCuesAt(AnnotatedText text, int i)
    {
        var lower = TokenLemmas.Of(text).At(i)[0];
        return BigramStarts.Contains(lower) && Cues.TryGetValue(lower + " " + text.WordOf(i + 1).ToLowerInvariant(), out var c) ? c : Cue.None;
    }

    /// <summary>Whether two nouns are one word in singular or plural ("militia", "militias").</summary>
    private static bool SameNoun(string a, string b) =>
        a.AsSpan().TrimEnd('s').Equals(b.AsSpan().TrimEnd('s'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the word at <paramref name="i"/> (or the one after, past "weapons") is "attack" or "attacks".</summary>
    private static bool NamesAttack(AnnotatedText text, int i, int end)
    {
        if (i < end && text.WordOf(i).Equals("weapons", StringComparison.OrdinalIgnoreCase)) i++;
        return i < end && text.WordOf(i) is var w && (w.Equals("attack", StringComparison.OrdinalIgnoreCase) || w.Equals("attacks", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Roads blocked or shut in one sentence count as the demonstrators' violence.</summary>
    private static Cue WithRoadBlocking(Cue cues) => Has(cues, Cue.Block) && Has(cues, Cue.Road) ? cues | Cue.RioterViolence : cues;

    /// <summary>The cues of the sentence before <paramref name="sentence"/>, none for the first.</summary>
    private static Cue PrecedingCues(AnnotatedText text, TokenSpan sentence)
    {
        if (sentence.StartToken == 0) return Cue.None;
        var previous = text.SentenceOf(sentence.StartToken - 1);
        var cues = Cue.None;
        var memo = CueMemo(text);
        for (var i = previous.StartToken; i < previous.EndToken; i++) cues |= CuesAt(memo, text, i, previous.EndToken);
        return cues;
    }

    /// <summary>
    /// What the sentence after <paramref name="sentence"/> adds to its event: news often reports a protest and then, in the next
    /// sentence, how it turned violent or how police broke it up; or an attack and then the agent its shells carried.
    /// </summary>
    private static Cue FollowingCues(AnnotatedText text, TokenSpan sentence)
    {
        if (sentence.EndToken >= text.Count) return Cue.None;
        var next = text.SentenceOf(sentence.EndToken);
        var cues = Cue.None;
        var memo = CueMemo(text);
        for (var i = next.StartToken; i < next.EndToken; i++) cues |= CuesAt(memo, text, i, next.EndToken);
        return WithRoadBlocking(cues);
    }
}
