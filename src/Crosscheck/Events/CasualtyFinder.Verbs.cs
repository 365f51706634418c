using Crosscheck.Language;

namespace Crosscheck.Events;

// Verbs of treating, arriving, taking lives and striking, and the victims they take.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// Whether the verb of treating at <paramref name="verb"/> treats a wound: "for" and a wound noun within four words after
    /// it ("treated at the scene for minor injuries"), or "and released" right after it.
    /// </summary>
    private static bool TreatedForWound(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (verb + 2 < sentence.EndToken && text.WordOf(verb + 1).Equals("and", StringComparison.OrdinalIgnoreCase)
            && text.WordOf(verb + 2).Equals("released", StringComparison.OrdinalIgnoreCase)) return true;
        for (var j = verb + 1; j < Math.Min(sentence.EndToken, verb + 8); j++)
        {
            var wj = text.WordOf(j);
            if (wj is "," or ";" or ":" or "." or "and" or "but" or "after" or "when" or "while") return false;
            if (!wj.Equals("for", StringComparison.OrdinalIgnoreCase)) continue;
            for (var m = j + 1; m < Math.Min(sentence.EndToken, j + 5); m++)
            {
                if (WoundNouns.Contains(text.WordOf(m)) && text.PosOf(m) is "NN" or "NNS") return true;
                if (text.WordOf(m) is "," or ";" or "." or "and" or "or") return false;
            }
            return false;
        }
        return false;
    }

    /// <summary>
    /// The ones a verb of treating treats: its subject when passive ("two men were treated"), else its object ("medics
    /// treated a cashier"), never the ones who treat.
    /// </summary>
    private static Statement? Treated(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (PrecededByBe(text, sentence, verb)) return Passive(text, sentence, verb, verb + 1, Outcome.Injured, requireBe: true);
        if (verb + 1 >= sentence.EndToken || Victims(text, sentence, verb + 1, forward: true) is not { Max: not null } treated) return null;
        return new Statement(Outcome.Injured, treated.Min, treated.Max, verb, treated.End, treated.Start, treated.End, treated.Anaphoric, false);
    }

    /// <summary>
    /// The verb of arriving ("showed up", "walked into", "drove himself to", "was dropped off at") that a place alone separates
    /// from the "with" at <paramref name="with"/>; null when another word stands between ("arrived to find a man with …").
    /// </summary>
    private static int? ArrivedBefore(AnnotatedText text, TokenSpan sentence, int with)
    {
        for (var k = with - 1; k >= sentence.StartToken && with - k <= 10; k--)
        {
            var wk = text.WordOf(k);
            var pk = text.PosOf(k) ?? "";
            if (Arriving.Contains(wk) && pk.StartsWith("VB", StringComparison.Ordinal)) return k < with - 1 ? k : null;
            if (IsReflexive(wk) || wk.ToLowerInvariant() is "up" or "off" or "in") continue;
            if (pk is "NN" or "NNS" && PersonNouns.Contains(wk)) return null;
            if (pk is "IN" or "TO" && wk.ToLowerInvariant() is "at" or "to" or "into" or "in" or "on" or "near" or "outside" or "inside") continue;
            if (pk is not ("DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "RP" or "PRP$" or "POS" or "CD" or "HYPH")) return null;
        }
        return null;
    }

    /// <summary>A verb that takes lives in the past or a form of "claim" or "cost" ("claimed 12 lives", "cost the lives of two").</summary>
    private static bool IsLifeTaking(string word) =>
        word.ToLowerInvariant() is "claimed" or "claim" or "claims" or "claiming" or "cost" or "costs" or "costing" or "taken" or "took";

    /// <summary>
    /// The people a verb of striking hit: its object after it when active ("struck a 6-year-old girl"), its subject before
    /// it when passive ("a woman was hit by a stray bullet"); only a phrase whose head is a person noun or an age, since
    /// what strikes places ("struck Kharkiv", "hit a hospital") hurts no one it names.
    /// </summary>
    private static Statement? Struck(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var passive = PrecededByBe(text, sentence, verb);
        var victims = passive ? Victims(text, sentence, PassiveStart(text, sentence, verb), forward: false) : verb + 1 < sentence.EndToken ? Victims(text, sentence, verb + 1, forward: true) : null;
        if (victims is not { Max: not null } v || v.Pronoun && !passive) return null;
        var head = text.WordOf(v.End - 1);
        if (text.PosOf(v.End - 1) is "NNP" or "NNPS" || !(PersonNouns.Contains(head) || head.Contains("year-old", StringComparison.OrdinalIgnoreCase) || v.Pronoun)) return null;
        return new Statement(Outcome.Injured, v.Min, v.Max, Math.Min(verb, v.Start), Math.Max(verb + 1, v.End), v.Start, v.End, v.Anaphoric, v.Additional);
    }

    /// <summary>Where the victims of a passive verb end: before its auxiliaries and adverbs ("a woman was (reportedly) hit").</summary>
    private static int PassiveStart(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var k = verb - 1;
        while (k >= sentence.StartToken && (BeForms.Contains(text.WordOf(k)) || PassiveBridge.Contains(text.WordOf(k)) || text.PosOf(k) is "RB")) k--;
        return k + 1;
    }
}
