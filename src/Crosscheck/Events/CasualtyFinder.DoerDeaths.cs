using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// The shooter's own death, told in a sentence of its own, counted among the dead of the attack before it.
public sealed partial class CasualtyFinder
{
    /// <summary>Nouns that name the doer of an attack ("the gunman", "the shooter"): one who dies is counted with his victims.</summary>
    private static readonly FrozenSet<string> Doers = CasualtyWords.Set("doers");

    /// <summary>Words of the fight an attack led to ("the ensuing gunfight"): its dead are summed with the attack's by <see cref="SidesMerger"/>.</summary>
    private static readonly FrozenSet<string> FightWords = CasualtyWords.Set("side-fight").Union(CasualtyWords.Set("side-sequel")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "… killing his five children and his wife. The gunman then took his own life.", "Officers shot the gunman dead.": a
    /// sentence whose only outcome is the doer's death (his own hand, or a doer noun as the one killed), after an attack with
    /// dead in an earlier sentence that names no such death of its own (nor counts this sentence's), adds that death to the attack's dead, once: casualty
    /// counts reckon a shooter who dies among the dead of his shooting.
    /// </summary>
    private static void AddDoerDeaths(AnnotatedText text, ImmutableArray<EventMention>.Builder result, List<int> assaults, List<Statement>?[] sentenceStatements, HashSet<int> withEvent)
    {
        var added = new HashSet<int>();
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            if (!withEvent.Contains(s) || sentenceStatements[s] is not { Count: > 0 } here || !here.TrueForAll(st => DoerDeath(text, st))) continue;
            var sentence = text.Sentences[s];
            if (Enumerable.Range(sentence.StartToken, sentence.EndToken - sentence.StartToken).Any(t => FightWords.Contains(text.WordOf(t)))) continue;
            var target = Target(result, assaults, sentence.StartToken);
            if (result[target].Trigger.StartToken >= sentence.StartToken || added.Contains(target) || result[target].Fatalities is not { Min: > 0 } dead) continue;
            // "Two guards were killed when gunmen stormed a post. Five attackers died in the ensuing clash.": dead the attack's
            // count already takes from this sentence (the sides of one fight) are not added again.
            if (dead.Span.EndToken > sentence.StartToken) continue;
            var own = sentenceStatements[text.SentenceIndexOf(result[target].Trigger.StartToken)] ?? [];
            if (own.Exists(st => st.Kind == Outcome.Killed && DoerDeath(text, st))) continue;
            var n = here.Max(st => st.Min);
            result[target] = result[target] with { Fatalities = dead with { Min = dead.Min + n, Max = dead.Max + n } };
            added.Add(target);
        }
    }

    private static bool DoerDeath(AnnotatedText text, Statement st) =>
        st.Kind == Outcome.Killed && st.Min > 0 && (st.Self || st.VictimEnd > st.VictimStart && Doers.Contains(text.WordOf(st.VictimEnd - 1))
            && st.Max == 1 && text.WordOf(st.VictimStart).Equals("the", StringComparison.OrdinalIgnoreCase));

    // (One doer named with "the" is the doer told before; "The five attackers were killed in the ensuing gunfight" counts the other side of a
    // fight, which the fight's own reading adds.)
}
