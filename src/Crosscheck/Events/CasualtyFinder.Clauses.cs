using Crosscheck.Language;

namespace Crosscheck.Events;

// The victims of an outcome verb: its object when active, its subject when passive or intransitive.
public sealed partial class CasualtyFinder
{
    /// <summary>A transitive outcome verb: its object after it when it is active, else its subject before it.</summary>
    private static Statement? Verb(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind)
    {
        var w = text.WordOf(end - 1);
        var gerund = w.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var passiveOnly = InjuredParticiples.Contains(w) && !InjuredActive.Contains(w) || KilledParticiples.Contains(w) && !KilledActive.Contains(w)
            || w.Equals("death", StringComparison.OrdinalIgnoreCase) || w.Equals("dead", StringComparison.OrdinalIgnoreCase);
        if (!passiveOnly && !PrecededByBe(text, sentence, start))
        {
            // "the gunman will kill again", "it could kill dozens": an outcome under a modal of what may come is no count.
            var m = start - 1;
            while (m > sentence.StartToken && text.PosOf(m) is "RB") m--;
            if (m >= sentence.StartToken && text.PosOf(m) is "MD" && HypotheticalModals.Contains(text.WordOf(m))) return null;
            // Active: "killing two", "shot and killed his wife", "wounding five".
            var j = end;
            while (j + 1 < sentence.EndToken && text.WordOf(j) is "and" or "," && (KilledActive.Contains(text.WordOf(j + 1)) || InjuredActive.Contains(text.WordOf(j + 1)))) j += 2;
            if (j < sentence.EndToken && text.WordOf(j).Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
            // "killed another man" names a victim other than the killer, not one more victim ("wounding two others" does add
            // to the victims named before); "killing people" and "take out cartel leaders and members" count none.
            // "shot himself", "injuring himself": a self-inflicted wound is no victim of an assault (a shooter who
            // "killed himself" after the attack is still counted among the dead, as casualty counts do).
            if (kind != Outcome.Killed && j < sentence.EndToken && IsReflexive(text.WordOf(j))) return null;
            // "three soldiers killed and 40 wounded": a conjunction right after the verb means it has no object here.
            var noObject = j < sentence.EndToken && text.WordOf(j) is "and" or "or" or ",";
            if (!noObject && (Victims(text, sentence, j, forward: true) ?? ParsedVictims(text, sentence, end - 1, objectOf: true)) is { } obj)
                return obj.Max is null && NumberAt(text, obj.Start, obj.End) is null ? null
                    : new Statement(kind, obj.Min, obj.Max, Math.Min(start, obj.Start), obj.End, obj.Start, obj.End, obj.Anaphoric, obj.Additional && obj.Max is not 1);
            if (gerund || j < sentence.EndToken && text.WordOf(j) is "at" or "into" or "up" or "through" or "toward" or "towards" or "back" or "out" or "from") return null;
            if (text.PosOf(start) is "VB" or "VBZ" or "VBP") return null;
        }
        if (gerund) return null;
        return Passive(text, sentence, start, end, kind, requireBe: false);
    }

    /// <summary>
    /// The subject of the verb that the verb at <paramref name="verb"/> is coordinated with ("The boy regained … and was
    /// flown"), before it; null when none, or when that verb's object is the subject itself ("injured himself in the crash
    /// and was taken to hospital": a self-inflicted wound, no victim of an assault).
    /// </summary>
    private static int? SharedSubject(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (text.RelationOf(verb) != "conj" || text.HeadOf(verb) is not (var first and >= 0) || first >= verb || !(text.PosOf(first) ?? "").StartsWith("VB", StringComparison.Ordinal)) return null;
        int? subject = null;
        for (var d = sentence.StartToken; d < verb; d++)
        {
            if (text.HeadOf(d) != first) continue;
            if (text.RelationOf(d) is "nsubj" or "nsubj:pass" && d < first) subject = d;
            if (text.RelationOf(d) == "obj" && IsReflexive(text.WordOf(d))) return null;
        }
        return subject;
    }

    /// <summary>Whether the verb at <paramref name="verb"/> follows its own "and" or "but" (adverbs between): "rushed to the hospital but (later) died".</summary>
    private static bool JoinedRightBefore(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var k = verb - 1;
        while (k > sentence.StartToken && text.PosOf(k) is "RB") k--;
        return k > sentence.StartToken && text.RelationOf(k) == "cc" && text.HeadOf(k) == verb;
    }

    /// <summary>Where a name of one to four proper nouns that ends at <paramref name="last"/> starts, when a verb of finding is right before it; null otherwise.</summary>
    private static int? FoundName(AnnotatedText text, TokenSpan sentence, int last)
    {
        var k = last;
        while (k > sentence.StartToken && last - k < 4 && text.PosOf(k) is "NNP") k--;
        return k < last && last - k >= 2 && Finding.Contains(text.WordOf(k)) ? k + 1 : null;
    }

    /// <summary>The count of "one of whom", "two of whom" after a comma, for the relative pronoun at <paramref name="pronoun"/>; null otherwise.</summary>
    private static (decimal Count, int Start)? PartBefore(AnnotatedText text, TokenSpan sentence, int pronoun)
    {
        if (pronoun - 3 < sentence.StartToken || !text.WordOf(pronoun - 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        var count = NumberEndingAt(text, pronoun - 1) is { Min: > 0, Max: var max } n && max == n.Min ? ((decimal Count, int Start)?)(n.Min, n.Span.StartToken)
            : text.WordOf(pronoun - 2).ToLowerInvariant() switch { "one" => (1, pronoun - 2), "both" => (2, pronoun - 2), _ => null };
        return count is { } c && c.Start - 1 >= sentence.StartToken && text.WordOf(c.Start - 1) == "," ? c : null;
    }

    private static bool IsReflexive(string word) => word.ToLowerInvariant() is "himself" or "herself" or "themselves" or "itself" or "myself";

    private static bool PrecededByBe(AnnotatedText text, TokenSpan sentence, int start)
    {
        for (var i = start - 1; i >= sentence.StartToken && start - i <= 4; i--)
        {
            var w = text.WordOf(i);
            if (BeForms.Contains(w)) return true;
            if (!PassiveBridge.Contains(w) && !(text.PosOf(i) is "RB") && !KilledActive.Contains(w) && !InjuredActive.Contains(w) && w != ",") return false;
        }
        return false;
    }

    /// <summary>
    /// The comma that opens a relative clause closed by the comma at <paramref name="close"/> (", who were taken to
    /// hospital,"): the nearest comma before it, within 20 words, right before "who", "which" or "whom"; else null.
    /// </summary>
    private static int? RelativeClauseBefore(AnnotatedText text, TokenSpan sentence, int close)
    {
        for (var k = close - 1; k > sentence.StartToken && close - k <= 20; k--)
        {
            if (text.WordOf(k) is not ("," or ";" or ":")) continue;
            return text.WordOf(k) == "," && text.WordOf(k + 1).ToLowerInvariant() is "who" or "which" or "whom" && k + 2 < close ? k : null;
        }
        return null;
    }

    /// <summary>
    /// The parse's subject of the outcome word at <paramref name="outcome"/> (of the verb it completes: "found dead") when a
    /// relative clause hanging on that subject holds the word at <paramref name="last"/>; null otherwise or without a parse.
    /// </summary>
    private static int? SubjectOverRelativeClause(AnnotatedText text, TokenSpan sentence, int last, int outcome)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        var verb = text.RelationOf(outcome) is "xcomp" && text.HeadOf(outcome) is var head and >= 0 ? head : outcome;
        for (var d = sentence.StartToken; d < last; d++)
        {
            if (text.HeadOf(d) != verb || text.RelationOf(d) is not ("nsubj" or "nsubj:pass")) continue;
            var k = last;
            for (var steps = 0; steps < 12 && k > d && k < sentence.EndToken; steps++)
            {
                if (text.RelationOf(k) == "acl:relcl" && text.HeadOf(k) == d) return d;
                k = text.HeadOf(k);
                if (k < sentence.StartToken) break;
            }
        }
        return null;
    }

    /// <summary>"he died", "two people died", "was pronounced dead", "left two people dead", "1 dead".</summary>
    private static Statement? Intransitive(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind) =>
        Passive(text, sentence, start, end, kind, requireBe: false);

    /// <summary>The victims before the outcome words, across auxiliaries and adverbs: "two men were (critically) wounded".</summary>
    private static Statement? Passive(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind, bool requireBe)
    {
        var i = start - 1;
        var sawBe = false;
        var negated = false;
        while (i >= sentence.StartToken && start - i <= 8)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w)) { negated = true; i--; continue; }
            if (BeForms.Contains(w)) { sawBe = true; i--; continue; }
            if (Leaving.Contains(w)) return null;
            // "Both were taken to the hospital": a word of the bridge ("were both hurt") that the parse makes the subject is the victims.
            if (PassiveBridge.Contains(w) && text.PosOf(i) is "DT" or "PDT" && text.RelationOf(i) is "nsubj" or "nsubj:pass") break;
            // "Both died at the scene": "both" opening the clause is its subject, whatever the parse made of it.
            if (w.Equals("both", StringComparison.OrdinalIgnoreCase) && (i == sentence.StartToken || text.WordOf(i - 1) is "," or ";" or "and" or "but")) break;
            // "more people could be hurt", "he could have been killed": what may come, or might have been, happened to no one.
            if (text.PosOf(i) is "MD" && HypotheticalModals.Contains(w)) return null;
            if (PassiveBridge.Contains(w) || text.PosOf(i) is "RB" && !SpelledCountTakenForAdverb(text, i) || text.PosOf(i) is "MD") { i--; continue; }
            // "Two of the wounded, who were taken to a hospital in the capital, died overnight": a relative clause set off by
            // commas between the victims and the verb is passed over.
            if (w == "," && RelativeClauseBefore(text, sentence, i) is { } opening) { i = opening - 1; continue; }
            // "shot and killed", "shot, wounded"
            if ((KilledParticiples.Contains(w) || InjuredParticiples.Contains(w) || KilledActive.Contains(w)) && i + 1 < start && text.WordOf(i + 1) is "and" or "," or "or") { i--; continue; }
            if (w is "," or "and" or "or" && i + 1 < sentence.EndToken && (KilledParticiples.Contains(text.WordOf(i + 1)) || InjuredParticiples.Contains(text.WordOf(i + 1))) && i + 1 <= start
                && i - 1 >= sentence.StartToken && (KilledParticiples.Contains(text.WordOf(i - 1)) || InjuredParticiples.Contains(text.WordOf(i - 1)))) { i--; continue; }
            break;
        }
        if (negated) return null;
        if (i < sentence.StartToken) return null;
        // "A man who fired at deputies has died", "A man who shot at officers was found dead": the words before the verb close a
        // relative clause on the parse's subject of the outcome, and that subject, not the clause's last noun, is the victim.
        if (SubjectOverRelativeClause(text, sentence, i, end - 1) is { } subjectNoun) i = subjectNoun;
        if (requireBe && !sawBe)
        {
            // "a shooting that left a man in critical condition"
            if (Victims(text, sentence, i + 1, forward: false) is not { } left || left.Start - 1 < sentence.StartToken || !Leaving.Contains(text.WordOf(left.Start - 1))) return null;
            return new Statement(kind, left.Min, left.Max, left.Start, end, left.Start, left.End, left.Anaphoric, left.Additional);
        }
        // "Four people were shot, one of whom died", "two of whom were wounded": how many of the victims named before the comma.
        if (text.WordOf(i).ToLowerInvariant() is "whom" or "which" && PartBefore(text, sentence, i) is { } part)
            return new Statement(kind, part.Count, part.Count, part.Start, end, part.Start, i + 1, true, false) { OfThoseBefore = true };
        if (text.WordOf(i) is "who" or "that" && i > sentence.StartToken)
        {
            // "the officers who fatally shot him" name the shooters.
            if (!sawBe && !Died.Contains(text.WordOf(end - 1)) && !text.WordOf(end - 1).Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
            // "a man who was shot": the victim is the noun phrase before the relative pronoun.
            i--;
            if (text.WordOf(i) == ",") i--;
        }
        var victims = Victims(text, sentence, i + 1, forward: false);
        // "They found Ladarrius Moody shot to death": a name right after a verb of finding is the victim, whatever the
        // recognizer took it for (an organisation, a place).
        if (victims is null && FoundName(text, sentence, i) is { } found) victims = new VictimPhrase(1, 1, found, i + 1, true, false, false);
        if (victims is null && kind == Outcome.Killed && Died.Contains(text.WordOf(start)))
        {
            // "Girl shot at party dies", "Teen found shot on bike path dies": the one shot is the one who died.
            for (var k = i; k > sentence.StartToken && i - k <= 12; k--)
            {
                var wk = text.WordOf(k);
                if (wk is "," or ";" or ":" || BeForms.Contains(wk) && !wk.Equals("found", StringComparison.OrdinalIgnoreCase)) break;
                if (wk.Equals("with", StringComparison.OrdinalIgnoreCase) && k - 1 > sentence.StartToken)
                {
                    // "Man with gunshot wound dies"
                    victims = Victims(text, sentence, k, forward: false);
                    break;
                }
                if (!InjuredParticiples.Contains(wk) && !KilledParticiples.Contains(wk)) continue;
                var j = k - 1;
                while (j >= sentence.StartToken && (text.PosOf(j) is "RB" || BeForms.Contains(text.WordOf(j)))) j--;
                // "An Everett teen who was found shot along a bike path ... has died"
                if (j > sentence.StartToken && text.WordOf(j) is "who" or "that") j--;
                victims = Victims(text, sentence, j + 1, forward: false);
                break;
            }
        }
        // "The boy regained consciousness and was flown to a medical center": a passive or intransitive outcome verb joined to
        // another verb shares that verb's subject (the parse's "conj" of a verb with a subject of its own).
        if (victims is null && (sawBe || JoinedRightBefore(text, sentence, start)) && SharedSubject(text, sentence, start) is { } subject)
            victims = Victims(text, sentence, subject + 1, forward: false);
        // Last, the parse: the outcome verb's subject (its object for an active verb), counted by its number ("it killed over 200 Taliban").
        victims ??= ParsedVictims(text, sentence, end - 1, objectOf: false);
        if (victims is null) return null;
        // "They found Jane Doe shot to death": the phrase after a verb of finding is its object, the victim, not the doer.
        if (victims.Value.Start - 1 >= sentence.StartToken && Finding.Contains(text.WordOf(victims.Value.Start - 1))) sawBe = true;
        // A bare pronoun or name with no "was" before a past-tense verb is the doer: "he shot", "Smith killed".
        if (!sawBe && end - start == 1 && kind == Outcome.Injured && victims.Value.Pronoun) return null;
        if (!sawBe && end - start == 1 && KilledActive.Contains(text.WordOf(start)) && victims.Value.Pronoun) return null;
        // "Troops killed dozens of insurgents": a common person noun the tagger took for a name ("Troops" opening the
        // sentence), before a verb that can be active with no "was" and with an object in the parse, is the doer.
        if (!sawBe && victims.Value.End - victims.Value.Start == 1 && text.PosOf(victims.Value.Start) is "NNP" or "NNPS" && PersonNouns.Contains(text.WordOf(victims.Value.Start))
            && (InjuredActive.Contains(text.WordOf(start)) || KilledActive.Contains(text.WordOf(start))) && SyntaxScope.HasParse(text, sentence)
            && HasObject(text, start)) return null;
        // "Juan Almaraz shot ...": with no "was", a named person before a verb that can be active is the shooter.
        if (!sawBe && (InjuredActive.Contains(text.WordOf(start)) || KilledActive.Contains(text.WordOf(start))) && PersonNameAt(text, victims.Value.End - 1)) return null;
        // "Deputies shot ...", "bakery employees and was shot": a plural with no count and no "was" of its own is the doer or another clause's object.
        if (victims.Value.Max is null && NumberAt(text, victims.Value.Start, victims.Value.End) is null
            && (!sawBe && (InjuredActive.Contains(text.WordOf(start)) || KilledActive.Contains(text.WordOf(start))) && end < sentence.EndToken && text.PosOf(end) is "DT" or "PRP" or "PRP$" or "NNP" or "CD"
                || text.WordOf(victims.Value.End).Equals("and", StringComparison.OrdinalIgnoreCase))) return null;
        var min = victims.Value.Min;
        var max = victims.Value.Max;
        // "was killed along with Heriberto Corpus, 20"
        if (end + 2 < sentence.EndToken && text.WordOf(end).Equals("along", StringComparison.OrdinalIgnoreCase) && text.WordOf(end + 1).Equals("with", StringComparison.OrdinalIgnoreCase)
            && Victims(text, sentence, end + 2, forward: true) is { } with)
        {
            min += with.Min;
            max = max is null || with.Max is null ? null : max + with.Max;
            end = with.End;
        }
        return new Statement(kind, min, max, victims.Value.Start, end, victims.Value.Start, victims.Value.End, victims.Value.Anaphoric, victims.Value.Additional);
    }
}
