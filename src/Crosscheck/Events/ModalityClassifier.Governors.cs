using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>The chain of governors by word order: from a verb (its group, an infinitive's or a gerund's governor) and from an event noun (its modifiers, the verb or noun it is the object of).</summary>
public sealed partial class ModalityClassifier
{
    /// <summary>A verb's group (auxiliaries, modals, negation to its left), then the word it hangs from. Returns the next token to look at, or -1.</summary>
    private static int StepFromVerb(AnnotatedText text, TokenSpan sentence, int verb, ref Findings state)
    {
        var negated = false;
        var modal = Cue.None;
        var toIndex = -1;
        var i = verb - 1;
        // "were to happen", "is to visit": an infinitive after a form of "be" is planned; after "were" under "if" hypothetical.
        for (; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w)) { if (!w.Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true; else break; continue; }
            if (IsModal(text, i, out var m)) { if (modal == Cue.None) modal = m; continue; }
            if (w.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                // "to" right before a gerund or a finite verb is a preposition ("in addition to selling").
                if (i == verb - 1 && text.PosOf(verb) is "VBG" or "VBD" or "VBZ") break;
                toIndex = i;
                break;
            }
            if (Auxiliaries.Contains(w)) continue;
            if (HedgeAdverbs.Contains(w)) { if (modal == Cue.None) modal = Cue.Maybe; continue; }
            var tag = text.PosOf(i);
            if (tag is "RB" or "RBR" or "RBS" && !w.Equals("as", StringComparison.OrdinalIgnoreCase)) continue;
            break;
        }
        // "nobody was killed"
        if (i >= sentence.StartToken && NegativeSubjects.Contains(text.WordOf(i))) negated = true;
        if (i > sentence.StartToken && text.WordOf(i).Equals("one", StringComparison.OrdinalIgnoreCase) && text.WordOf(i - 1).Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true;
        // "no longer"
        if (verb > sentence.StartToken + 1 && text.WordOf(verb - 1).Equals("longer", StringComparison.OrdinalIgnoreCase) && text.WordOf(verb - 2).Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true;
        // "No one was killed in the attack", "he was not hurt in the blast": a denied outcome says the attack harmed no one,
        // not that it did not happen.
        if (state.ViaOutcome) negated = false;
        state.ViaOutcome = false;

        // The verb's own cue when it is itself the predicate under a governor (first hop: the predicate itself carries no cue).
        var own = state.Hops == 0 ? Cue.None : VerbCueAt(text, verb);
        // "ordered troops to deploy" is planned; "ordered drone strikes" reports strikes that happened.
        if (state.ViaObject && own == Cue.Plan && InfinitiveOnlyPlans.Contains(text.WordOf(verb))) own = Cue.None;
        state.ViaObject = false;

        if (toIndex >= 0)
        {
            state.Take(own, negated, modal);
            if (state.Stop) return -1;
            return GovernorOfInfinitive(text, sentence, toIndex, ref state);
        }

        state.Take(own, negated, modal);
        if (state.Stop) return -1;

        // A gerund complement: "considered launching", "denied carrying out", "talked about sending", "without firing".
        var tagV = text.PosOf(verb);
        var first = i + 1; // first word of the verb group
        if (tagV == "VBG" && first == verb)
        {
            var j = verb - 1;
            if (j >= sentence.StartToken)
            {
                var w = text.WordOf(j);
                if (w.Equals("without", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                if (w.Equals("of", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("instead", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                if (w is "about" or "of" or "on" or "from" or "against" or "for" or "into" && j > sentence.StartToken)
                {
                    if (w == "from" && VerbCueAt(text, j - 1) is Cue.Prevent) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                    if (NounCues.TryGetValue(text.WordOf(j - 1), out var nc)) { state.Take(nc, false, Cue.None); return state.Stop ? -1 : j - 1; }
                    if (IsVerb(text, j - 1)) return j - 1;
                    return -1;
                }
                if (IsVerb(text, j) && !Auxiliaries.Contains(w)) return j;
                // "ruled out sending troops", "called off storming the compound": a phrasal verb's own cue.
                if ((text.PosOf(j) is "RP" || w.Equals("out", StringComparison.OrdinalIgnoreCase) || w.Equals("off", StringComparison.OrdinalIgnoreCase))
                    && j > sentence.StartToken && IsVerb(text, j - 1))
                {
                    var particle = PhrasalCue(text.WordOf(j - 1), w);
                    if (particle == Cue.None) return j - 1;
                    var (particleNegated, particleModal) = GroupBefore(text, sentence, j - 1);
                    state.Take(particle, particleNegated, particleModal);
                    return -1;
                }
            }
        }
        // A finite verb in a "that" complement of a denial: "denied that its forces attacked".
        return ComplementGovernor(text, sentence, first, ref state);
    }

    /// <summary>The verb, adjective or noun an infinitive at "to" complements: "preparing to", "ready to", "plans to", "ordered troops to".</summary>
    private static int GovernorOfInfinitive(AnnotatedText text, TokenSpan sentence, int to, ref Findings state)
    {
        var j = to - 1;
        while (j >= sentence.StartToken && text.PosOf(j) is "RB" && !Negations.Contains(text.WordOf(j))) j--;
        if (j < sentence.StartToken) { state.Take(Cue.Plan, false, Cue.None); return -1; }
        var w = text.WordOf(j);
        if ((w.Equals("order", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("in", StringComparison.OrdinalIgnoreCase))
            || (w.Equals("as", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("so", StringComparison.OrdinalIgnoreCase)))
        {
            state.Take(Cue.Plan, false, Cue.None);
            return -1;
        }
        // "is to visit", "were to happen"
        if (Auxiliaries.Contains(w) && IsBe(w))
        {
            var negated = j > sentence.StartToken && Negations.Contains(text.WordOf(j - 1));
            state.Take(w.Equals("were", StringComparison.OrdinalIgnoreCase) ? Cue.Hypothetical : Cue.Plan, negated, Cue.None);
            return -1;
        }
        // A participle with a verb cue is read as the verb ("denied that it planned to strike" reaches the denial).
        if (TryAdjectiveCue(text, j, out var adjective) && !IsNoun(text, j) && !(text.PosOf(j) is "VBD" or "VBN" && VerbCues.ContainsKey(w)))
        {
            var (negated, modal) = GroupBefore(text, sentence, j);
            // "were able to shell the town": in the past, being able to do it says it was done, as "managed to" does.
            if (w.Equals("able", StringComparison.OrdinalIgnoreCase) && !negated && modal == Cue.None && PastBeBefore(text, sentence, j)) adjective = Cue.Factive;
            state.Take(adjective, negated, modal);
            return -1;
        }
        if (NounCues.TryGetValue(w, out var noun) && IsNoun(text, j))
        {
            // "there is no plan to attack": "no" on the governing noun negates it.
            state.Take(noun, HasNo(text, sentence, j), Cue.None);
            return state.Stop ? -1 : j;
        }
        if (IsVerb(text, j)) return j;
        // "ordered troops to", "use drones to": skip the object.
        for (var k = j; k >= sentence.StartToken && j - k < 5; k--)
        {
            var tag = text.PosOf(k);
            if (IsVerb(text, k) && !Auxiliaries.Contains(text.WordOf(k))) return k;
            if (tag is null || !(NounPhraseTags.Contains(tag) || tag is "PRP" or "IN" or "CC")) break;
        }
        state.Take(Cue.Plan, false, Cue.None);
        return -1;
    }

    /// <summary>Whether "was" or "were" (adverbs between) is right before the word at <paramref name="j"/>.</summary>
    private static bool PastBeBefore(AnnotatedText text, TokenSpan sentence, int j)
    {
        var k = j - 1;
        while (k > sentence.StartToken && text.PosOf(k) is "RB" && !Negations.Contains(text.WordOf(k))) k--;
        return k >= sentence.StartToken && text.WordOf(k).ToLowerInvariant() is "was" or "were";
    }

    /// <summary>An event noun: its determiners and modifiers ("no", "possible"), its own verb group when it is a subject, then the verb or noun it is the object of.</summary>
    private static int StepFromNoun(AnnotatedText text, TokenSpan sentence, int noun, ref Findings state)
    {
        var j = noun - 1;
        var definite = false;
        for (; j >= sentence.StartToken; j--)
        {
            var w = text.WordOf(j);
            definite |= text.PosOf(j) is "PRP$" or "POS" || text.PosOf(j) == "DT" && w.ToLowerInvariant() is "the" or "these" or "those" or "this" or "that";
            // "agreed to a ceasefire following the strikes": what a past link introduces took place.
            if (PastLinks.Contains(w)) break;
            if (w.Equals("no", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.None, true, Cue.None); continue; }
            if (TryAdjectiveCue(text, j, out var adjective) && text.PosOf(j) is "JJ" or "VBN" or "NN" or "RB")
            {
                // "the planned strike": decides unless a governor says more ("called off the planned strike").
                if (state.Fallback == Cue.None) state.Fallback = adjective;
                continue;
            }
            if (text.PosOf(j) is not { } tag || !NounPhraseTags.Contains(tag)) break;
        }
        // A subject: its verb group ("a deployment isn't imminent", "the plan would expand", "the strike did not happen").
        SubjectVerb(text, sentence, noun, definite, ref state);
        if (state.Stop || j < sentence.StartToken) return -1;

        var word = text.WordOf(j);
        var wordTag = text.PosOf(j);
        if (PastLinks.Contains(word)) return -1;
        // "ruled out an operation", "called off the strike", "carried out the strike"
        if ((wordTag is "RP" || word.Equals("out", StringComparison.OrdinalIgnoreCase) || word.Equals("off", StringComparison.OrdinalIgnoreCase))
            && j > sentence.StartToken && IsVerb(text, j - 1))
        {
            var particle = PhrasalCue(text.WordOf(j - 1), word);
            if (particle == Cue.None) return j - 1;
            var (negated, modal) = GroupBefore(text, sentence, j - 1);
            state.Take(particle, negated, modal);
            return -1;
        }
        // "questioned the strikes", "challenged the legality of the raid": a definite event appraised took place.
        if (definite && AppraisalVerbs.Contains(word) && IsVerb(text, j)) { state.Stop = true; return -1; }
        // The complement of "be": "the option would be a drone attack", "it was not an attack".
        if (!definite && CopulaComplement(text, sentence, j, ref state)) return -1;
        // The object of a verb: "launched a strike", "considered an operation".
        if (IsVerb(text, j) && !(Auxiliaries.Contains(word) && IsBe(word))) { state.ViaObject = true; return j; }
        if (wordTag is "IN" or "TO" && j > sentence.StartToken)
        {
            if (word.Equals("without", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
            var g = j - 1;
            var governor = text.WordOf(g);
            // "plans for a deployment", "the threat of strikes", "talk of war"; "no plans for" is negated.
            if (NounCues.TryGetValue(governor, out var cue) && IsNoun(text, g) && word is "of" or "for" or "on" or "about" or "to" or "over")
            {
                state.Take(cue, HasNo(text, sentence, g), Cue.None);
                return state.Stop ? -1 : g;
            }
            if (word is "from" && VerbCueAt(text, g) == Cue.Prevent) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
            // "was not a prelude to an invasion", "a step toward war": the event a lead-in noun leads to is read as that noun is.
            if (LeadInNouns.Contains(governor) && IsNoun(text, g) && word.ToLowerInvariant() is "to" or "toward" or "towards" or "of") return g;
            // "did not comment on the strikes", "questioned officials about the raid": a definite event appraised or commented
            // on took place, whatever is said of the comment.
            if (definite && word is "on" or "about" or "over" && AppraisalVerbs.Contains(governor) && IsVerb(text, g)) { state.Stop = true; return -1; }
            // "killed in a strike": the event shares the verb's modality (not a denial of the outcome, above).
            if (IsVerb(text, g) && !Auxiliaries.Contains(governor))
            {
                state.ViaOutcome = CasualtyFinder.IsOutcomeWord(governor);
                return g;
            }
            // "the use of drone strikes": the event shares its head noun's modality; not a definite one the people it is about
            // are named by ("the perpetrators of the massacre should face justice").
            if (word.Equals("of", StringComparison.OrdinalIgnoreCase) && IsNoun(text, g))
                return definite && RoleWords.CulpritNouns.Contains(governor.ToLowerInvariant()) ? -1 : g;
        }
        // "would include ground operations and drone strikes": the second conjunct shares the first's governor.
        if (word is "and" or "or" or ",")
        {
            for (var k = j - 1; k >= sentence.StartToken && j - k <= 10; k--)
            {
                if (IsVerb(text, k) && !(Auxiliaries.Contains(text.WordOf(k)) && IsBe(text.WordOf(k)))) return k;
                if (text.PosOf(k) is not { } t || !(NounPhraseTags.Contains(t) || t is "IN" or "CC" or "," or "TO")) break;
            }
        }
        return -1;
    }

    /// <summary>Whether a noun's determiners hold "no": "no plans".</summary>
    private static bool HasNo(AnnotatedText text, TokenSpan sentence, int noun)
    {
        for (var i = noun - 1; i >= sentence.StartToken && noun - i <= 3; i--)
        {
            if (text.WordOf(i).Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NN" or "NNS" or "CD")) return false;
        }
        return false;
    }
}
