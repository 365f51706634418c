using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Verb groups and clauses: a subject noun's verb, a "that" complement's governor, the negation and modal before a word, conditional and "whether" clauses.</summary>
public sealed partial class ModalityClassifier
{
    /// <summary>
    /// For a subject noun: the finite verb group after it, with predicate adjectives and "happen" verbs. A definite event
    /// before an adjective that raises its subject into an infinitive of another verb ("the attack is likely to increase
    /// pressure", "the raid was expected to draw condemnation") is the infinitive's participant: the likelihood is of what
    /// the attack brings, not of the attack. Before a verb of happening ("the strike is expected to take place") it is the
    /// event's own.
    /// </summary>
    private static void SubjectVerb(AnnotatedText text, TokenSpan sentence, int noun, bool definite, ref Findings state)
    {
        // "Those responsible for this attack must be held to account", "the perpetrators of the massacre should face
        // justice": a noun inside another's prepositional phrase is no subject; the verb group after it is its head's.
        if (SyntaxScope.HasParse(text, sentence) && text.RelationOf(noun) is "nmod" or "obl" && new Token(text, noun).DependentsWith("case").Any()) return;
        var k = noun + 1;
        // Skip a short complement of the noun: "the strike on the boat".
        var limit = Math.Min(sentence.EndToken, noun + 7);
        while (k < limit)
        {
            var tag = text.PosOf(k);
            if (tag is "MD" or "VBD" or "VBZ" or "VBP" || Negations.Contains(text.WordOf(k))) break;
            if (tag is null || !(NounPhraseTags.Contains(tag) || tag is "IN" or "TO")) return;
            if (text.WordOf(k) is "that" or "which" or "who") return;
            k++;
        }
        if (k >= limit || Negations.Contains(text.WordOf(k)) && text.WordOf(k).Equals("no", StringComparison.OrdinalIgnoreCase)) return;
        var negated = false;
        var modal = Cue.None;
        for (; k < sentence.EndToken; k++)
        {
            var w = text.WordOf(k);
            if (Negations.Contains(w) && !w.Equals("no", StringComparison.OrdinalIgnoreCase)) { negated = true; continue; }
            if (IsModal(text, k, out var m)) { if (modal == Cue.None) modal = m; continue; }
            // "is likely to": an adjective before "to", not a hedge on the verb group.
            if (k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("to", StringComparison.OrdinalIgnoreCase) && AdjectiveCues.ContainsKey(w)) break;
            if (HedgeAdverbs.Contains(w)) { if (modal == Cue.None) modal = Cue.Maybe; continue; }
            if (text.PosOf(k) is "RB") continue;
            if (Auxiliaries.Contains(w) && k + 1 < sentence.EndToken && (Negations.Contains(text.WordOf(k + 1)) || text.PosOf(k + 1) is "VBN" or "VBG" or "JJ" or "RB" or "VB" or "TO" or "MD")) continue;
            break;
        }
        if (k >= sentence.EndToken) return;
        var word = text.WordOf(k);
        if (TryAdjectiveCue(text, k, out var adjective))
        {
            if (definite && RaisedIntoOtherVerb(text, sentence, k)) return;
            state.Take(adjective, negated, modal);
            return;
        }
        // "strikes remain possible", "a deal seems likely": a linking verb before a predicate adjective reads as "be" does.
        if (LinkingVerbs.Contains(word))
        {
            var a = k + 1;
            while (a < sentence.EndToken && text.PosOf(a) is "RB" && !Negations.Contains(text.WordOf(a))) a++;
            if (a < sentence.EndToken && TryAdjectiveCue(text, a, out adjective))
            {
                if (definite && RaisedIntoOtherVerb(text, sentence, a)) return;
                state.Take(adjective, negated, modal);
                return;
            }
        }
        if (word.Equals("ruled", StringComparison.OrdinalIgnoreCase) && k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("out", StringComparison.OrdinalIgnoreCase))
        {
            state.Take(Cue.RuleOut, negated, modal);
            return;
        }
        // Only "happen" verbs pass their negation to the subject: "the strike did not happen", not "the strike did not kill anyone".
        state.Take(Cue.None, negated && OccurVerbs.Contains(word), modal);
    }

    /// <summary>
    /// Whether the adjective at <paramref name="adjective"/>, one of likelihood or expectation (@raising-adjectives), takes "to" and a verb that is not one of happening (a passive's
    /// participle counts, not its "be"): "likely to increase", "expected to be condemned"; not "expected to take place",
    /// "likely to be carried out", "likely to be the first".
    /// </summary>
    private static bool RaisedIntoOtherVerb(AnnotatedText text, TokenSpan sentence, int adjective)
    {
        if (!RaisingAdjectives.Contains(text.WordOf(adjective))) return false;
        if (adjective + 1 >= sentence.EndToken || !text.WordOf(adjective + 1).Equals("to", StringComparison.OrdinalIgnoreCase)) return false;
        for (var v = adjective + 2; v < sentence.EndToken && v - adjective <= 5; v++)
        {
            if (text.PosOf(v) is "RB" && !Negations.Contains(text.WordOf(v))) continue;
            if (!IsVerb(text, v)) return false;
            // "to be condemned", "to have drawn": the participle after an auxiliary is the verb.
            if (Auxiliaries.Contains(text.WordOf(v)) && v + 1 < sentence.EndToken && text.PosOf(v + 1) is "VBN") continue;
            return !OccurVerbs.Contains(text.WordOf(v));
        }
        return false;
    }

    /// <summary>
    /// An indefinite event noun after "be" (negation between) is its complement: it takes the verb group's negation and
    /// modal, and the cue of a plan or consider noun that is the subject ("the option would be a drone attack": planned;
    /// "the plan is a raid": planned; "it was not an attack": negated). False when the word at <paramref name="j"/> is no "be".
    /// </summary>
    private static bool CopulaComplement(AnnotatedText text, TokenSpan sentence, int j, ref Findings state)
    {
        var be = j;
        var negated = false;
        while (be >= sentence.StartToken && Negations.Contains(text.WordOf(be)) && !text.WordOf(be).Equals("no", StringComparison.OrdinalIgnoreCase)) { negated = true; be--; }
        if (be < sentence.StartToken || !IsBeWord(text.WordOf(be)) || !IsVerb(text, be) && !Auxiliaries.Contains(text.WordOf(be))) return false;
        var (groupNegated, modal) = GroupBefore(text, sentence, be);
        var subject = be - 1;
        while (subject >= sentence.StartToken && (IsModal(text, subject, out _) || Auxiliaries.Contains(text.WordOf(subject)) || Negations.Contains(text.WordOf(subject)) || text.PosOf(subject) is "RB")) subject--;
        var cue = subject >= sentence.StartToken && IsNoun(text, subject) && !HasNo(text, sentence, subject)
            && NounCues.TryGetValue(text.WordOf(subject), out var held) && held is Cue.Plan or Cue.Consider ? held : Cue.None;
        state.Take(cue, negated || groupNegated, modal);
        return true;
    }

    /// <summary>For a finite verb: a "that" complement of a denial or of "deny reports that".</summary>
    private static int ComplementGovernor(AnnotatedText text, TokenSpan sentence, int groupStart, ref Findings state)
    {
        for (var k = groupStart - 1; k >= sentence.StartToken && groupStart - k <= 8; k--)
        {
            var w = text.WordOf(k);
            if (w is "," or ";" or ":" or "and" or "but" or "or" or "—" or "–") return -1;
            if (!w.Equals("that", StringComparison.OrdinalIgnoreCase) || text.PosOf(k) is "DT" && k + 1 < groupStart && text.PosOf(k + 1) is not ("DT" or "NN" or "NNS" or "NNP" or "PRP")) continue;
            var g = k - 1;
            if (g < sentence.StartToken) return -1;
            var gw = text.WordOf(g);
            // "denials that", "fears that", "the possibility that"; not a relative clause ("talks that were interrupted").
            if (NounCues.TryGetValue(gw, out var nc) && IsNoun(text, g) && (nc == Cue.Deny || ThatComplementNouns.Contains(gw))) { state.Take(nc, false, Cue.None); return -1; }
            if (NounCues.TryGetValue(gw, out nc) && nc == Cue.Transparent && g > sentence.StartToken) g--;
            while (g > sentence.StartToken && text.PosOf(g) is "DT" or "JJ" or "RB") g--;
            var cue = VerbCueAt(text, g);
            if (cue is Cue.Deny or Cue.Consider or Cue.Hypothetical)
            {
                var (negated, modal) = GroupBefore(text, sentence, g);
                state.Take(cue, negated, modal);
            }
            return -1;
        }
        return -1;
    }

    /// <summary>Negation and modal in the verb group ending just before <paramref name="word"/>.</summary>
    private static (bool Negated, Cue Modal) GroupBefore(AnnotatedText text, TokenSpan sentence, int word)
    {
        var negated = false;
        var modal = Cue.None;
        for (var i = word - 1; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w) && !w.Equals("no", StringComparison.OrdinalIgnoreCase)) { negated = true; continue; }
            if (IsModal(text, i, out var m)) { if (modal == Cue.None) modal = m; continue; }
            if (Auxiliaries.Contains(w) || text.PosOf(i) is "RB") continue;
            break;
        }
        return (negated, modal);
    }

    /// <summary>Where the predicate sits: in a conditional clause (hypothetical), a "whether" clause (considered), else nowhere special.</summary>
    private static Cue Place(AnnotatedText text, TokenSpan sentence, int head)
    {
        for (var i = head - 1; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (w is ";" or ":" || w == ",") return Cue.None;
            if (w.Equals("whether", StringComparison.OrdinalIgnoreCase)) return Cue.Consider;
            // "Suppose the army strikes first": a supposition opening the sentence holds all of it.
            if (i == sentence.StartToken && VerbCueAt(text, i) == Cue.Hypothetical) return Cue.Hypothetical;
            if (Conditionals.Contains(w))
            {
                if (i > sentence.StartToken && text.WordOf(i - 1).Equals("as", StringComparison.OrdinalIgnoreCase)) return Cue.None;
                if (w.Equals("if", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && WhetherIfGovernors.Contains(text.WordOf(i - 1))) return Cue.Consider;
                return Cue.Hypothetical;
            }
            if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && text.WordOf(i - 1).Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                return Cue.Hypothetical;
            }
        }
        return Cue.None;
    }

    private static bool HasConditional(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (w.Equals("if", StringComparison.OrdinalIgnoreCase) || w.Equals("unless", StringComparison.OrdinalIgnoreCase))
            {
                if (i > sentence.StartToken && (text.WordOf(i - 1).Equals("as", StringComparison.OrdinalIgnoreCase) || WhetherIfGovernors.Contains(text.WordOf(i - 1)))) continue;
                return true;
            }
            if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && text.WordOf(i - 1).Equals("in", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsVerb(AnnotatedText text, int i) => text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal);

    private static bool IsNoun(AnnotatedText text, int i) => text.PosOf(i) is { } tag && tag.StartsWith("NN", StringComparison.Ordinal);
}
