using Crosscheck.Language;

namespace Crosscheck.Events;

// Which victims of an event a follow-up names again, by the nouns that named them.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// Whether the victim a follow-up names again is one of the dead or one of the hurt of its event's own sentence
    /// (<paramref name="own"/>): a noun of its victim words ("the man", "the teen") that names victims of one outcome there
    /// ("a man was killed", "a teenager was hurt") and none of the other. Null when no noun tells them apart.
    /// </summary>
    private static Outcome? NamedAs(AnnotatedText text, Statement s, List<Statement> own)
    {
        bool dead = false, hurt = false;
        for (var i = s.VictimStart; i < s.VictimEnd; i++)
        {
            if (!(text.PosOf(i) ?? "").StartsWith("NN", StringComparison.Ordinal) || NameToken(text, i)) continue;
            var noun = text.WordOf(i);
            foreach (var o in own)
            {
                if (o.Min == 0 || o.Kind is not (Outcome.Killed or Outcome.Injured)) continue;
                for (var k = o.VictimStart; k < o.VictimEnd; k++)
                {
                    if (!SameNoun(noun, text.WordOf(k))) continue;
                    if (o.Kind == Outcome.Killed) dead = true;
                    else hurt = true;
                }
            }
        }
        return dead == hurt ? null : dead ? Outcome.Killed : Outcome.Injured;
    }

    /// <summary>"man" and "Man", "teen" and "teenager": one noun, or one a clipping of the other (four letters or more).</summary>
    private static bool SameNoun(string a, string b) =>
        a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || a.Length >= 4 && b.Length >= 4 && (a.StartsWith(b, StringComparison.OrdinalIgnoreCase) || b.StartsWith(a, StringComparison.OrdinalIgnoreCase));
}
