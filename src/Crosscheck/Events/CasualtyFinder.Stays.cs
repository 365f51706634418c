using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

// Victims said to stay in a hospital.
public sealed partial class CasualtyFinder
{
    private static readonly FrozenSet<string> Staying = CasualtyWords.Set("staying");

    /// <summary>
    /// "Dozens remain in hospital", "three soldiers are still in a local hospital", "with 60 people still in hospital": the
    /// victims a word of staying (<c>@staying</c>) puts in a hospital, at <paramref name="at"/> ("in"), were hurt. Null when the
    /// words are no such stay.
    /// </summary>
    private static Statement? StillInHospital(AnnotatedText text, TokenSpan sentence, int at)
    {
        if (HospitalAfter(text, sentence, at) is not { } end) return null;
        var k = at - 1;
        var stays = false;
        while (k >= sentence.StartToken && at - k <= 4 && (Staying.Contains(text.WordOf(k)) || BeForms.Contains(text.WordOf(k)) || text.PosOf(k) is "RB"))
        {
            stays |= Staying.Contains(text.WordOf(k));
            k--;
        }
        if (!stays || k < sentence.StartToken || Negations.Contains(text.WordOf(k + 1))) return null;
        if (Victims(text, sentence, k + 1, forward: false) is not { } victims || victims.Pronoun && victims.Max is null) return null;
        // ("Dozens remain in hospital": a vague count standing alone names people.)
        return new Statement(Outcome.Injured, victims.Min, victims.Max, victims.Start, end, victims.Start, victims.End, victims.Anaphoric, victims.Additional);
    }

    /// <summary>The end of "hospital" after "in" at <paramref name="at"/>, with up to three words before it ("in a local hospital", "in the city's hospitals").</summary>
    private static int? HospitalAfter(AnnotatedText text, TokenSpan sentence, int at)
    {
        for (var j = at + 1; j < sentence.EndToken && j - at <= 4; j++)
        {
            var w = text.WordOf(j);
            if (w.StartsWith("hospital", StringComparison.OrdinalIgnoreCase)) return j + 1;
            if (text.PosOf(j) is not ("DT" or "JJ" or "NN" or "NNP" or "POS" or "CD")) return null;
        }
        return null;
    }
}
